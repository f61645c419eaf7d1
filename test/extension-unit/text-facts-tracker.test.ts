/**
 * The editor carries the engine's text facts across edits (extension/src/text-facts-tracker.ts):
 * after any sequence of edits they must equal facts computed from scratch: the same key
 * candidates, and the same yes/no for every probe, with evidence that really is a match.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compiledFormats, type KeyCandidate } from "../../eslint-plugin/src/engine/keys/index";
import { LazyTextFacts, PROBE_NAMES, PROBE_REACH, TEXT_PROBES, textFacts } from "../../eslint-plugin/src/engine/text-facts";
import { carried, TextFactsTracker } from "../../extension/src/text-facts-tracker";
import { codeFiles } from "../support/code-files";
import { fakeKeyForFormat, seededRandom } from "../support/fake-keys";

const ROOT = join(__dirname, "../..");

const show = (candidates: readonly KeyCandidate[]) => candidates.map((c) => `${c.start}-${c.end}#${c.format.order}:${c.redacted}`).join(" ");

type Random = () => number;
const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;
const at = (text: string, random: Random) => Math.floor(random() * (text.length + 1));
const insert = (text: string, i: number, piece: string) => text.slice(0, i) + piece + text.slice(i);
const aKey = (random: Random) => fakeKeyForFormat(pick(compiledFormats, random).format, Math.floor(random() * 1e6));
const WORDS = ["process.env", "import.meta.env", "$env/", "server-only", ".server", "dangerouslyAllowBrowser", "api.openai.com", "new OpenAI(", '"ai"', "OPENAI_API_KEY="];

/** Edits that move, make, split and join keys and probe words, on and across lines. */
const EDITS: Record<string, (text: string, random: Random) => string> = {
  "insert a char": (t, r) => insert(t, at(t, r), pick([..."a=\\\n _-./+Z9\"'`;"], r)),
  "delete chars": (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 4));
  },
  "type a key": (t, r) => insert(t, at(t, r), aKey(r)),
  "type a key in a string": (t, r) => {
    const i = t.lastIndexOf("\n", at(t, r) - 1) + 1;
    return insert(t, i, `const k${i} = "${aKey(r)}";\n`);
  },
  "type a probe word": (t, r) => insert(t, at(t, r), pick(WORDS, r)),
  "cut into a key": (t, r) => {
    const keys = textFacts(t).keyCandidates();
    if (keys.length === 0) return t;
    const key = pick(keys, r);
    const i = key.start + Math.floor(r() * (key.end - key.start));
    return r() < 0.5 ? t.slice(0, i) + t.slice(i + 1) : insert(t, i, pick([..."x\n =-"], r));
  },
  "join two lines": (t, r) => {
    const i = t.indexOf("\n", at(t, r));
    return i < 0 ? t : t.slice(0, i) + t.slice(i + 1);
  },
  "paste a block": (t, r) => {
    const i = at(t, r);
    const j = at(t, r);
    return insert(t, i, t.slice(Math.min(i, j), Math.min(Math.max(i, j), Math.min(i, j) + 400)));
  },
};

describe("text facts carried across edits (extension)", () => {
  const corpus = [...codeFiles(join(ROOT, "test/fixtures/apps")), ...codeFiles(join(ROOT, "eslint-plugin/src/engine/client"))];

  it("equal facts computed from scratch after many random edits", function () {
    this.timeout(120_000);
    assert.ok(corpus.length > 30, `corpus of ${corpus.length} files`);
    const random = seededRandom(11);
    const names = Object.keys(EDITS);
    let steps = 0;
    let carriedSteps = 0;
    let withKeys = 0;
    for (const file of corpus) {
      let text = readFileSync(file, "utf8");
      // Keys of every format somewhere in the corpus, on their own lines and inside others.
      for (let k = 0; k < 3; k++) text = insert(text, at(text, random), `${aKey(random)}\n`);
      let facts = new LazyTextFacts(text);
      for (let step = 0; step < 12; step++) {
        const name = names[Math.floor(random() * names.length)]!;
        const edited = EDITS[name]!(text, random);
        const where = `${file} after "${name}" (step ${step})`;
        // What a rule would have asked of the previous version (all of it, or some).
        if (random() < 0.8) facts.keyCandidates();
        for (const probe of PROBE_NAMES) if (random() < 0.8) facts.evidence(probe);
        const next = carried(facts, edited);
        steps++;
        if (!next) {
          facts = new LazyTextFacts(edited);
          text = edited;
          continue;
        }
        carriedSteps++;
        const fresh = new LazyTextFacts(edited);
        assert.equal(show(next.keyCandidates()), show(fresh.keyCandidates()), `key candidates: ${where}`);
        if (fresh.keyCandidates().length > 0) withKeys++;
        for (const probe of PROBE_NAMES) {
          const evidence = next.evidence(probe);
          assert.equal(evidence >= 0, fresh.evidence(probe) >= 0, `${probe}: ${where}`);
          if (evidence >= 0) assert.equal(TEXT_PROBES[probe](edited.slice(evidence, evidence + PROBE_REACH)), 0, `${probe} evidence at ${evidence}: ${where}`);
        }
        facts = next;
        text = edited;
      }
    }
    console.log(`      text facts: ${carriedSteps} of ${steps} edits carried over (${withKeys} with key candidates), the rest scanned afresh`);
    assert.ok(carriedSteps > steps * 0.8, "most edits are carried over");
    assert.ok(withKeys > carriedSteps * 0.5, "most texts hold key candidates");
  });

  it("hands the rules the facts of the text they are about to see", () => {
    const tracker = new TextFactsTracker();
    const text = `const a = 1;\n`.repeat(100);
    const first = tracker.update("/p/a.ts", text);
    assert.equal(textFacts(text), first);
    const edited = text.replace("a = 1", `a = process.env.X`);
    const second = tracker.update("/p/a.ts", edited);
    assert.equal(textFacts(edited), second);
    assert.ok(second.evidence("envRead") >= 0);
  });
});

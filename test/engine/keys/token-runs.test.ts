/**
 * The scan reads a text at checkpoints a shortest key's length apart instead of character by
 * character (engine/keys/scan.ts, scanTokenRuns): it must still find every run that can hold a
 * key, wherever a run starts and ends relative to the checkpoints and to the range's bounds.
 */
import * as assert from "node:assert/strict";
import { scanTokenRuns, type KeyCandidate } from "../../../eslint-plugin/src/engine/keys";
import { formatIndex, TOKEN_CHARS } from "../../../eslint-plugin/src/engine/keys/formats";
import { fakeKey, seededRandom } from "../../support/fake-keys";

const shortKey = fakeKey("aws-bedrock", "access-key-id");
const longKey = fakeKey("openai", "project-key");
const isToken = (char: string) => TOKEN_CHARS.includes(char);
const found = (candidates: KeyCandidate[]) => candidates.map((candidate) => `${candidate.start}-${candidate.end}:${candidate.format.provider.id}`).sort();

/** The runs of [from, to) as a character-by-character reading finds them, each scanned as a text of its own. */
function scannedRunByRun(text: string, from: number, to: number): KeyCandidate[] {
  const into: KeyCandidate[] = [];
  const scanRun = (start: number, end: number) => {
    for (const candidate of scanTokenRuns(text.slice(start, end), 0, end - start)) into.push({ ...candidate, start: candidate.start + start, end: candidate.end + start });
  };
  let start = -1;
  for (let index = from; index <= to; index++) {
    if (index < to && isToken(text[index])) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (index - start >= formatIndex.shortest) scanRun(start, index);
      start = -1;
    }
  }
  return into;
}

describe("keys: the token-run scan reads checkpoints, not every character", () => {
  it("the shortest format is a key's shortest length (the checkpoints' spacing)", () => {
    assert.equal(shortKey.length, formatIndex.shortest);
  });

  it("finds a key given as a default after `:-`, as shells and compose files write one (randeepc123/small-business-finder, batch 264)", () => {
    const gemini = fakeKey("google-ai", undefined, 61);
    for (const text of [`GEMINI_API_KEY=\${GEMINI_API_KEY:-${gemini}}`, `export OPENAI_API_KEY="\${OPENAI_API_KEY:-${longKey}}"`]) {
      const key = text.includes(gemini) ? gemini : longKey;
      const at = text.indexOf(key);
      assert.deepEqual(scanTokenRuns(text, 0, text.length).map((candidate) => [candidate.start, candidate.end]), [[at, at + key.length]], text.replace(key, "<key>"));
    }
    // Only after a colon: `x-` before a key is part of another word.
    assert.deepEqual(scanTokenRuns(`x-${shortKey}`, 0, shortKey.length + 2), []);
  });

  it("finds a key of the shortest length at every offset from the range's start", () => {
    for (let offset = 0; offset <= 2 * formatIndex.shortest; offset++) {
      for (const before of ["x", " ", "ab.cd", "=", "\n"]) {
        const lead = before.repeat(offset).slice(0, offset);
        // The key ends its run: the character before it, if any, is not a token character.
        const text = `${lead.slice(0, -1)}${offset > 0 ? " " : ""}${shortKey} tail`;
        const start = text.indexOf(shortKey);
        assert.deepEqual(found(scanTokenRuns(text, 0, text.length)), [`${start}-${start + shortKey.length}:aws-bedrock`], JSON.stringify(text));
      }
    }
  });

  it("finds keys in runs that end right before the next one starts, and in runs cut by the range's bounds", () => {
    const text = `${shortKey}(${shortKey})${longKey};${shortKey}`;
    assert.equal(scanTokenRuns(text, 0, text.length).length, 4);
    // A bound inside a run cuts it: the key it splits is not found, the others are.
    const second = text.indexOf(shortKey, 1);
    assert.deepEqual(found(scanTokenRuns(text, second + 1, text.length)), found(scannedRunByRun(text, second + 1, text.length)));
    assert.equal(scanTokenRuns(text, second + 1, text.length).length, 2);
    assert.equal(scanTokenRuns(text, 0, second + shortKey.length - 1).length, 1);
  });

  it("finds what a character-by-character reading finds, on random texts and ranges", () => {
    const random = seededRandom(57);
    const pieces = [shortKey, longKey, "x".repeat(19), "y".repeat(20), "z".repeat(21), "ident", "a.b/c+d=e-f_g", " ", "\n", "(", "'", "\"", "=", "==", ";"];
    for (let round = 0; round < 400; round++) {
      let text = "";
      const count = 1 + Math.floor(random() * 30);
      for (let index = 0; index < count; index++) text += pieces[Math.floor(random() * pieces.length)];
      const from = Math.floor(random() * (text.length / 3));
      const to = text.length - Math.floor(random() * (text.length / 3));
      assert.deepEqual(found(scanTokenRuns(text, from, to)), found(scannedRunByRun(text, from, to)), JSON.stringify({ text, from, to }));
    }
  });
});

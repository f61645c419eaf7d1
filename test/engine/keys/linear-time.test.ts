/**
 * Adversarial inputs: 1 MB of each format's alphabet, of its prefix repeated, of near-miss keys
 * one character short, and of key characters broken by boundaries. A super-linear regex or scan
 * would take seconds on these; the bound leaves room for a slow, loaded CI machine.
 */
import * as assert from "node:assert/strict";
import { compiledFormats, scanText } from "../../../eslint-plugin/src/engine/keys";
import { ALPHABETS } from "../../../eslint-plugin/src/engine/providers/alphabets";
import { parseSource } from "../../../eslint-plugin/src/engine/ast";
import { findHardcodedKeys } from "../../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { fakeKey, fakeKeyForFormat, randomRun } from "../../support/fake-keys";

const MB = 1 << 20;
/** Generous: the test machines are shared. A quadratic scan of 1 MB takes minutes. */
const BOUND_MS = 5000;
const CONTEXT = ["mistral", "azure", "cohere", "deepseek", "aws_secret_access_key", "together", "zhipu", "firebase"];

function repeatTo(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function scanMs(text: string): number {
  const start = performance.now();
  scanText(text, { context: CONTEXT });
  return performance.now() - start;
}

/**
 * Scans 1 MB within the bound. A scan that is quadratic in the input (backtracking regexes,
 * rescanning from every candidate) needs ~10^11+ steps on 1 MB, far beyond it; a linear one takes
 * tens of milliseconds. (Comparing growth ratios proved too noisy on shared machines.)
 */
function timed(name: string, text: string): void {
  const ms = scanMs(text);
  assert.ok(ms < BOUND_MS, `${name}: ${ms.toFixed(0)} ms for ${text.length} chars`);
}

describe("scanning is linear-time on adversarial input", function () {
  this.timeout(120_000);

  it("1 MB of every alphabet", () => {
    for (const [name, chars] of Object.entries(ALPHABETS)) timed(name, repeatTo(chars));
    timed("all token chars", repeatTo("aZ0_+/.=-"));
  });

  it("1 MB of each format's prefix repeated, and prefix + alphabet", () => {
    for (const format of compiledFormats) {
      const anchor = format.anchor || format.prefix;
      if (anchor) timed(`${format.provider.id} prefix repeated`, repeatTo(anchor));
      const first = format.format.segments.find((segment) => "chars" in segment);
      const chars = first && "chars" in first ? ALPHABETS[first.chars] : ALPHABETS.alnum;
      timed(`${format.provider.id} prefix + 1 MB body`, format.prefix + repeatTo(chars, MB));
    }
  });

  it("1 MB of near misses: keys one character short or long, glued or separated", () => {
    for (const format of compiledFormats) {
      const key = fakeKeyForFormat(format.format, 3);
      // One character short, one too long, glued to the next key, and "="-separated keys.
      timed(`${format.provider.id}/${format.kind.id}`, repeatTo(`${key.slice(0, -1)} ${key}x ${key}${key}=${key}=`));
    }
  });

  it("1 MB of pieces holding a key marker, with and without a prefix before it (the glued-key search)", () => {
    for (const format of compiledFormats.filter((f) => f.marker)) {
      const key = fakeKeyForFormat(format.format, 5);
      const at = key.indexOf(format.marker);
      // A marker near each piece's end and no prefix; prefixes everywhere; near misses glued on.
      timed(`${format.provider.id}/${format.kind.id} markers`, repeatTo(`${randomRun("alnum", 200, 1)}${key.slice(at)} `));
      timed(`${format.provider.id}/${format.kind.id} prefixes`, repeatTo(`${format.prefix.repeat(40)}${key.slice(at)}`));
      timed(`${format.provider.id}/${format.kind.id} glued near misses`, repeatTo(`x${key.slice(0, -1)} ${format.prefix}${key}-`));
    }
  });

  it("1 MB of PEM-like text without an END line", () => {
    timed("pem", `-----BEGIN PRIVATE KEY-----${repeatTo("QUJD\\n")}`);
    timed("pem repeated", repeatTo("-----BEGIN PRIVATE KEY-----QUJDREVG\\n"));
  });

  it("1 MB of many real-looking keys still scans quickly", () => {
    const keys = compiledFormats.filter((f) => !f.spansTokens).map((f, i) => fakeKeyForFormat(f.format, i + 1));
    timed("many keys", repeatTo(`${keys.join('" "')} `));
  });
});

/** 1 MB of the lines `lineAt(i)` gives, analysed within the bound, with at least `minFindings(lines)` findings. */
function timedAnalysis(lineAt: (i: number) => string, minFindings: (lines: number) => number): void {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < MB; i++) {
    const line = lineAt(i);
    lines.push(line);
    size += line.length + 1;
  }
  const source = parseSource("/big.ts", lines.join("\n"))!;
  const start = performance.now();
  const findings = findHardcodedKeys(source);
  const ms = performance.now() - start;
  assert.ok(findings.length >= minFindings(lines.length), `${findings.length} findings`);
  assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms for ${findings.length} findings`);
}

describe("the no-hardcoded-keys analysis stays fast on big files", function () {
  this.timeout(120_000);

  it("1 MB of statements holding keys and generic look-alikes", () => {
    timedAnalysis(
      (i) =>
        i % 2 === 0
          ? `export const groqKey${i} = "${fakeKey("groq", undefined, i + 1)}";`
          : `export const mistral${i} = { id: "${randomRun("alnum", 32, i)}", note: \`${randomRun("hexLower", 40, i)}\` };`,
      (lines) => lines / 2,
    );
  });

  it("1 MB of Google keys in consts and class fields, each asking where it is used", () => {
    // A Google key's slot names no Maps or Firebase use, so its uses are looked for (a walk of the
    // file or class each): bounded per file, not one walk per key.
    timedAnalysis(
      (i) =>
        i % 2 === 0
          ? `export const k${i} = "${fakeKey("google-ai", undefined, i + 1)}"; fetch("https://example.com/?q=" + k${i});`
          : `class C${i} { private apiKey = "${fakeKey("google-ai", undefined, i + 1)}"; get() { return \`https://example.com/?key=\${this.apiKey}\`; } }`,
      (lines) => lines,
    );
  });

  it("1 MB of Google keys at the end of long URLs, and of one URL with no space before each key", () => {
    // Each key reads back at most a few hundred characters for the URL it sits in.
    const key = (i: number) => fakeKey("google-ai", undefined, i + 1);
    timed("keys in long URLs", repeatTo(`"https://www.google.com/maps/embed/v1/place?q=${"a+".repeat(150)}&key=${key(1)}"\n`));
    timed("one endless URL", `"https://x.com/${Array.from({ length: 20_000 }, (_, i) => `${"b".repeat(10)}&key=${key(i % 50)}`).join("/")}"`);
  });

  it("1 MB of Google keys in a text file, each reading the lines around it (a Firebase config's siblings), and of one endless line", () => {
    const key = (i: number) => fakeKey("google-ai", undefined, i + 1);
    timed("keys on short lines", repeatTo(`apiKey: '${key(2)}',\nprojectId: 'x',\n`));
    timed("keys on one line", repeatTo(`apiKey='${key(3)}' `));
  });
});

describe("the URL hosts a file names (context for keys in credential slots) are read in linear time", function () {
  this.timeout(120_000);
  const { urlHosts } = require("../../../eslint-plugin/src/engine/keys/hardcoded-keys/imports") as typeof import("../../../eslint-plugin/src/engine/keys/hardcoded-keys/imports");
  for (const [name, unit] of [
    ["a scheme never followed by a host", "https://"],
    ["hosts of endless labels without a dot", `https://${"a-".repeat(500)}`],
    ["dots and dashes after a scheme", "https://a.-.-.-"],
    ["one host with a million labels", "a."],
    ["quoted hosts never closed", "'a.b.c"],
    ["quotes around hosts of endless labels", `"${"a.".repeat(500)}`],
  ] as const) {
    it(`1 MB of ${name}`, () => {
      const text = name === "one host with a million labels" ? `https://${repeatTo(unit)}` : repeatTo(unit);
      const start = performance.now();
      urlHosts(text);
      const ms = performance.now() - start;
      assert.ok(ms < BOUND_MS, `${name}: ${ms.toFixed(0)} ms`);
    });
  }

  it("1 MB of distinct hosts, each looked up in the catalogue once", () => {
    const { hostProviders } = require("../../../eslint-plugin/src/engine/keys/hardcoded-keys/imports") as typeof import("../../../eslint-plugin/src/engine/keys/hardcoded-keys/imports");
    const parts: string[] = [];
    for (let i = 0, size = 0; size < MB; i++) {
      const url = `https://h${i}.example.com/ `;
      parts.push(url);
      size += url.length;
    }
    const start = performance.now();
    assert.equal(hostProviders(parts.join("")).size, 0);
    const ms = performance.now() - start;
    assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
  });

  it("1 MB of credential slots in a file naming 100 other hosts first: each key asks a set, not every host", () => {
    const urls = Array.from({ length: 100 }, (_, i) => `"https://api${i}.example-${i}.com/v1"`).join(", ");
    timedAnalysis(
      (i) => (i === 0 ? `const urls = [${urls}, "https://api.stability.ai/v1"];` : `headers${i}.append("Authorization", "Bearer ${fakeKey("stability", undefined, i + 1)}");`),
      (lines) => lines - 1,
    );
  });

  it("1 MB of credential slots in a file that names a provider's host, keys confirmed by it", () => {
    timedAnalysis(
      (i) => (i === 0 ? `fetch("https://api.stability.ai/v1/generation");` : `headers${i}.append("Authorization", "Bearer ${fakeKey("stability", undefined, i + 1)}");`),
      (lines) => lines - 1,
    );
  });
});

describe("split keys (literals joined with +) are found in linear time", function () {
  this.timeout(120_000);
  const { splitKeyCandidates } = require("../../../eslint-plugin/src/engine/keys/hardcoded-keys/split-keys") as typeof import("../../../eslint-plugin/src/engine/keys/hardcoded-keys/split-keys");
  const groq = fakeKey("groq", undefined, 31);
  for (const [name, unit] of [
    ["one endless chain of short literals", `"a" + `],
    ["a key's pieces joined over and over", `"${groq.slice(0, 20)}" + "${groq.slice(20)}" + `],
    ["quotes and pluses without literals", `'+"+`],
    ["a literal never closed", `"${"x".repeat(50)}`],
    ["a literal and a plus, then whitespace", `"a" +${" ".repeat(40)}\n`],
    // The pre-test walks out from each `+` over blanks: long blank runs between pluses.
    ["pluses between long blank runs", `+${" \t".repeat(2_000)}`],
    ["a quote, blanks, a plus, blank lines, no quote", `"${" ".repeat(3_000)}+${" \r\n".repeat(3_000)}x`],
  ]) {
    it(`${name}: 1 MB`, () => {
      const text = repeatTo(unit);
      const started = performance.now();
      splitKeyCandidates(text);
      const ms = performance.now() - started;
      assert.ok(ms < BOUND_MS, `${name}: ${ms.toFixed(0)} ms`);
    });
  }
});

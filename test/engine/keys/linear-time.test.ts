/**
 * Adversarial inputs: 1 MB of each format's alphabet, of its prefix repeated, of near-miss keys
 * one character short, and of key characters broken by boundaries. A super-linear regex or scan
 * would take seconds on these; the bound leaves room for a slow, loaded CI machine.
 */
import * as assert from "node:assert/strict";
import { compiledFormats, scanText } from "../../../eslint-plugin/src/engine/keys";
import { ALPHABETS } from "../../../eslint-plugin/src/engine/providers/alphabets";
import { fakeKeyForFormat } from "../../support/fake-keys";

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
 * Scans 1 MB within the bound, and a quarter of it in about a quarter of the time: a linear scan
 * grows 4×, a quadratic one 16× (the ratio is only checked when timings are large enough to mean
 * something).
 */
function timed(name: string, text: string): void {
  const full = scanMs(text);
  assert.ok(full < BOUND_MS, `${name}: ${full.toFixed(0)} ms for ${text.length} chars`);
  if (full > 200) {
    // Timings on a shared machine are noisy: compare the best of three runs of each size.
    const again = Math.min(full, scanMs(text), scanMs(text));
    const part = text.slice(0, text.length >> 2);
    const quarter = Math.min(scanMs(part), scanMs(part), scanMs(part));
    assert.ok(again / Math.max(quarter, 1) < 10, `${name}: ${quarter.toFixed(0)} ms → ${again.toFixed(0)} ms for 4× the input`);
  }
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

  it("1 MB of PEM-like text without an END line", () => {
    timed("pem", `-----BEGIN PRIVATE KEY-----${repeatTo("QUJD\\n")}`);
    timed("pem repeated", repeatTo("-----BEGIN PRIVATE KEY-----QUJDREVG\\n"));
  });

  it("1 MB of many real-looking keys still scans quickly", () => {
    const keys = compiledFormats.filter((f) => !f.spansTokens).map((f, i) => fakeKeyForFormat(f.format, i + 1));
    timed("many keys", repeatTo(`${keys.join('" "')} `));
  });
});

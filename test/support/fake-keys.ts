/**
 * Test keys are generated at run time from the catalogue's own format descriptions, with a
 * seeded PRNG: no string in a real provider key format is ever written in this repository.
 */
import type { Alphabet, KeyFormat, Segment } from "../../eslint-plugin/src/engine/providers/types";

const ALPHABETS: Record<Alphabet, string> = {
  alnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  alnumLower: "abcdefghijklmnopqrstuvwxyz0123456789",
  alnumUpper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  alpha: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  hexLower: "0123456789abcdef",
  hex: "0123456789abcdefABCDEF",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
  word: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_",
  base32Upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
};

/** mulberry32: small, seeded, good enough to make keys that look random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRun(alphabet: Alphabet, length: number, random: () => number): string {
  const chars = ALPHABETS[alphabet];
  let out = "";
  for (let i = 0; i < length; i++) out += chars[Math.floor(random() * chars.length)];
  // Every generated run contains a letter and a digit where the alphabet has both, so it looks
  // like a real key rather than a word or a number.
  const letter = /[A-Za-z]/.exec(chars)?.[0];
  const digit = /[0-9]/.exec(chars)?.[0];
  if (length >= 4 && letter && digit && !(/[A-Za-z]/.test(out) && /[0-9]/.test(out))) {
    out = digit + out.slice(1, -1) + letter;
  }
  return out;
}

function segmentText(segment: Segment, random: () => number): string {
  if ("literal" in segment) return segment.literal;
  const length = "length" in segment ? segment.length : segment.min + Math.floor(random() * (segment.max - segment.min + 1));
  return randomRun(segment.chars, length, random);
}

/** A string that matches `format`, different for each seed and stable across runs. */
export function fakeKeyForFormat(format: KeyFormat, seed = 1): string {
  const random = seededRandom(seed);
  return format.segments.map((segment) => segmentText(segment, random)).join("");
}

export { ALPHABETS };

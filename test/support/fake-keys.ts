/**
 * Test keys are generated at run time from the catalogue's own format descriptions, with a
 * seeded PRNG: no string in a real provider key format is ever written in this repository.
 *
 *   fakeKey("groq")                       a Groq key that KeyFence reports
 *   fakeKey("openai", "admin-key", 7)     another seed, a given credential kind
 *   fakeKeyForFormat(format, seed)        any KeyFormat
 *   allFakeKeys()                         one key per provider kind, for table-driven tests
 */
import { ALPHABETS } from "../../eslint-plugin/src/engine/providers/alphabets";
import { providerById, providers } from "../../eslint-plugin/src/engine/providers";
import type { Alphabet, CredentialKind, KeyFormat, Provider, Segment } from "../../eslint-plugin/src/engine/providers/types";
import { formatsOf, looksLikePlaceholder } from "../../eslint-plugin/src/engine/keys";

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

function randomRunOf(chars: string, length: number, random: () => number): string {
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
  if ("chars" in segment) return randomRunOf(ALPHABETS[segment.chars], length, random);
  const chars = segment.fakeChars ? ALPHABETS[segment.fakeChars] : segment.oneOf;
  return randomRunOf(chars, length, random);
}

/** A string that matches `format`, different for each seed and stable across runs. */
export function fakeKeyForFormat(format: KeyFormat, seed = 1): string {
  const random = seededRandom(seed);
  return format.segments.map((segment) => segmentText(segment, random)).join("");
}

/**
 * A key of `providerId`'s `kindId` (default: its first kind) that passes KeyFence's placeholder
 * filters, so a test can rely on it being reported (given context, for context-only kinds).
 */
export function fakeKey(providerId: string, kindId?: string, seed = 1, formatIndex = 0): string {
  const formats = formatsOf(providerId, kindId ?? providerById(providerId)?.kinds[0]?.id);
  const compiled = formats[formatIndex];
  if (!compiled) throw new Error(`no format for ${providerId}/${kindId ?? "(first kind)"}#${formatIndex}`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const key = fakeKeyForFormat(compiled.format, seed + attempt * 7919);
    if (!looksLikePlaceholder(key, compiled)) return key;
  }
  throw new Error(`could not make a non-placeholder key for ${providerId}/${compiled.kind.id}`);
}

export interface FakeKeyCase {
  provider: Provider;
  kind: CredentialKind;
  formatIndex: number;
  key: string;
}

/** One generated key per provider, kind and format. */
export function allFakeKeys(seed = 1): FakeKeyCase[] {
  const cases: FakeKeyCase[] = [];
  for (const provider of providers) {
    for (const kind of provider.kinds) {
      kind.formats.forEach((_format, formatIndex) => {
        cases.push({ provider, kind, formatIndex, key: fakeKey(provider.id, kind.id, seed, formatIndex) });
      });
    }
  }
  return cases;
}

/** A run of random characters from a named alphabet (for near-miss and stress inputs). */
export function randomRun(alphabet: Alphabet, length: number, seed = 1): string {
  return randomRunOf(ALPHABETS[alphabet], length, seededRandom(seed));
}

export { ALPHABETS };

/**
 * The characters of each named alphabet. One table feeds both the detection regexes
 * (engine/keys/formats.ts) and the test-key generator, so they can never disagree.
 */
import type { Alphabet } from "./types";

export const ALPHABETS: Record<Alphabet, string> = {
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

/** Regex character-class bodies (without brackets) for each alphabet. */
export const ALPHABET_CLASSES: Record<Alphabet, string> = {
  alnum: "A-Za-z0-9",
  alnumLower: "a-z0-9",
  alnumUpper: "A-Z0-9",
  alpha: "A-Za-z",
  hexLower: "0-9a-f",
  hex: "0-9a-fA-F",
  base64: "A-Za-z0-9+/",
  base64url: "A-Za-z0-9_\\-",
  word: "A-Za-z0-9_",
  base32Upper: "A-Z2-7",
};

/** Alphabets with both upper- and lower-case letters: random keys in them mix cases. */
export const MIXED_CASE_ALPHABETS: ReadonlySet<Alphabet> = new Set<Alphabet>([
  "alnum",
  "alpha",
  "base64",
  "base64url",
  "word",
]);

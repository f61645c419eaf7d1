/**
 * Strings that have a key's shape but are not secrets: placeholders in docs and tests
 * (`sk-xxxx…`, `…EXAMPLE`, `your-key`), runs and sequences (`000000`, `abcdef123456`),
 * hashes written next to key-like prefixes, JWT pieces, data URIs. Each check is a linear scan.
 */
import type { CompiledFormat } from "./formats";

/** Words that only appear in made-up values; a random key contains one by chance ~1e-4 of the time. */
const PLACEHOLDER_WORDS = [
  "example",
  "sample",
  "dummy",
  "test",
  "fake",
  "redacted",
  "changeme",
  "placeholder",
  "your",
  "xxxx",
  "replace",
  "insert",
  "mock",
  "demo",
  "secret",
  "apikey",
  "token",
];

/** One alternation of plain words: linear, no quantifiers. */
const PLACEHOLDER_WORD = new RegExp(PLACEHOLDER_WORDS.join("|"), "i");

const RUN_LIMIT = 6;
const SEQUENCE_LIMIT = 6;
const MAX_PERIOD = 8;

/** The same character 6 times in a row: `000000`, `xxxxxx`, `******`. */
function hasLongRun(text: string): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= RUN_LIMIT) return true;
  }
  return false;
}

/** Six characters counting up or down: `abcdef`, `123456`, `987654`. */
function hasSequence(text: string): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= SEQUENCE_LIMIT || down >= SEQUENCE_LIMIT) return true;
  }
  return false;
}

/** A short pattern repeated: `abcdabcdabcd…`, `a1b2a1b2…`. */
function isPeriodic(text: string): boolean {
  for (let period = 1; period <= MAX_PERIOD && period * 3 <= text.length; period++) {
    let repeats = true;
    for (let i = period; i < text.length; i++) {
      if (text.charCodeAt(i) !== text.charCodeAt(i - period)) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return false;
}

const seen = new Uint8Array(65536);
let seenMark = 0;

function fewDistinctChars(text: string): boolean {
  if (text.length < 16) return false;
  // A reusable marker table: no Set or array is allocated per candidate.
  seenMark = (seenMark + 1) & 0xff || 1;
  if (seenMark === 1) seen.fill(0);
  let distinct = 0;
  for (let i = 0; i < text.length && distinct < 6; i++) {
    const c = text.charCodeAt(i);
    if (seen[c] !== seenMark) {
      seen[c] = seenMark;
      distinct++;
    }
  }
  return distinct < 6;
}

/**
 * Random keys over a mixed-case alphabet have roughly as many upper- as lower-case letters;
 * camelCase identifiers (`fw_updateFirmwareVersion2`) and words do not.
 */
function caseIsUnbalanced(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  const letters = upper + lower;
  if (letters < 10) return false;
  return upper < letters * 0.2 || lower < letters * 0.2;
}

/** A hex body that is all digits (a number) or all letters (a word like `facade`). */
function hexLacksMix(text: string): boolean {
  if (text.length < 16) return false;
  return /^[0-9]+$/.test(text) || /^[a-fA-F]+$/.test(text);
}

/** The random part of a key: what follows the format's leading literal. */
export function keyBody(value: string, compiled: CompiledFormat): string {
  return compiled.prefix && value.startsWith(compiled.prefix) ? value.slice(compiled.prefix.length) : value;
}

/** True when a format match is a placeholder, a pattern or a hash rather than a real key. */
export function looksLikePlaceholder(value: string, compiled: CompiledFormat): boolean {
  const body = keyBody(value, compiled);
  if (PLACEHOLDER_WORD.test(body)) return true;
  if (hasLongRun(body) || hasSequence(body) || isPeriodic(body) || fewDistinctChars(body)) return true;
  if (compiled.mixedCase && caseIsUnbalanced(body)) return true;
  // A bare mixed-case run without a digit is a camelCase identifier (`getConfigFileParsingCache`);
  // a random 32+ character key lacks a digit well under 1% of the time.
  if (compiled.mixedCase && !compiled.prefix && !/[0-9]/.test(body)) return true;
  if (compiled.hexOnly && hexLacksMix(body.replace(/[^0-9a-fA-F]/g, ""))) return true;
  // A JWT segment (`eyJhbGciOi…`) has a generic key's shape but is a token header.
  if (!compiled.prefix && body.startsWith("eyJ")) return true;
  return false;
}

/** Words of made-up values that a real password, URL or token does not hold (unlike "test" or "demo"). */
const MADE_UP_WORD = /your|xxxx|changeme|change-me|placeholder|example|replace|insert|dummy|redacted/i;

/**
 * A value of no known key format that is made up, not a credential: the alphabet, `1234567890…`,
 * one character repeated, a short pattern repeated, or a placeholder word (`your-secret-here`).
 * For values under a secret name (no-shared-env-keys), where a format's own checks do not apply.
 */
export function looksMadeUp(value: string): boolean {
  return MADE_UP_WORD.test(value) || hasLongRun(value) || hasSequence(value) || isPeriodic(value) || fewDistinctChars(value);
}

function isBase64Char(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
}

/**
 * The `;base64,` payloads of the data URIs in a text (image bytes can contain anything),
 * found once per text on the first candidate, then looked up by binary search.
 */
export class DataUriRanges {
  private starts: number[] | undefined;
  private ends: number[] = [];
  constructor(private readonly text: string) {}

  private build(): number[] {
    const starts: number[] = [];
    const text = this.text;
    let at = text.indexOf(";base64,");
    while (at >= 0) {
      const start = at + 8;
      let end = start;
      while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
      starts.push(start);
      this.ends.push(end);
      at = text.indexOf(";base64,", end);
    }
    return starts;
  }

  contains(offset: number): boolean {
    const starts = (this.starts ??= this.build());
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid] > offset) high = mid - 1;
      else if (this.ends[mid] <= offset) low = mid + 1;
      else return true;
    }
    return false;
  }
}

/**
 * Finding provider keys in text. Entry points:
 *
 *   scanText(text, { context, allow }) → KeyMatch[]
 *     Every real-looking key in any text (a string, a comment, a .env file). Context-only
 *     formats are kept when `context` names the provider or the text just before the key does.
 *   findKeyCandidates(text) → KeyCandidate[]
 *     Every format match that is not a placeholder, before any context decision. The
 *     no-hardcoded-keys analysis scans a file's text once with it, then looks at the AST only
 *     around candidates (./hardcoded-keys.ts).
 *   settleCandidates(candidates, contextOf, allow) → KeyCandidate[]
 *     Applies context, public-by-design and allow decisions, and resolves overlaps.
 *   findHardcodedKeys(source, options) → Finding[]   (./hardcoded-keys.ts, the rule's analysis)
 *
 * Speed: one pass cuts the text into key-character runs; only pieces of a key's exact length
 * meet a (short, anchored) format regex. See ./scan.ts.
 */
import type { CredentialKind, Provider } from "../providers/types";
import { nameWords } from "../providers";
import { contextConfirms, isPublicHere, type KeyContext } from "./context";
import { compiledFormats, formatIndex, type CompiledFormat } from "./formats";
import { scanTokens } from "./scan";

export { scanSpanningFormats, scanTokenRuns } from "./scan";

export type { KeyContext } from "./context";
export type { CompiledFormat } from "./formats";
export { compiledFormats } from "./formats";
export { looksLikePlaceholder } from "./placeholders";

export interface KeyMatch {
  provider: Provider;
  kind: CredentialKind;
  /** Offsets of the key in the scanned text, [start, end). */
  start: number;
  end: number;
  /** The key itself. Never print it: use redactKey(). */
  value: string;
  /** The key as it may be shown: its prefix and last four characters. */
  redacted: string;
}

/** A format match before context is considered. */
export interface KeyCandidate extends KeyMatch {
  format: CompiledFormat;
}

export interface ScanOptions {
  /**
   * Words around the text (variable/property name, env var name, SDK, endpoint), lower- or
   * upper-case. Context-needing formats are reported only when one of these names the provider.
   */
  context?: string[];
  /** Extra allow patterns from the user: a match of any of them is not reported. */
  allow?: RegExp[];
  /**
   * The text around `text` where it came from, when `text` is one value cut out of a file (an env
   * entry's): the lines whose names may make a key public by design (KeyContext.around). Without
   * it, the lines around each key in `text` itself.
   */
  around?: () => string;
}

/**
 * Every format match in `text` that is not a placeholder, ordered by position (overlaps kept).
 * `wholeText`: false when `text` is a piece whose context lies outside it (an env entry's value).
 */
export function findKeyCandidates(text: string, wholeText = true): KeyCandidate[] {
  if (text.length < formatIndex.shortest) return [];
  return sortCandidates(scanTokens(text, [], wholeText));
}

/** The order findKeyCandidates returns: by position, the longer first, then catalogue order. */
export function sortCandidates(candidates: KeyCandidate[]): KeyCandidate[] {
  return candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.format.order - b.format.order);
}

function overlaps(a: KeyMatch, b: KeyMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Self-identifying beats context-only; then the longer match; then catalogue order. */
function better(a: KeyCandidate, b: KeyCandidate): boolean {
  if (a.kind.selfIdentifying !== b.kind.selfIdentifying) return a.kind.selfIdentifying;
  const lengthA = a.end - a.start;
  const lengthB = b.end - b.start;
  if (lengthA !== lengthB) return lengthA > lengthB;
  return a.format.order < b.format.order;
}

/**
 * Keeps the candidates their context confirms, drops public-by-design and allowed ones, and
 * keeps one match per overlapping span. A public-by-design match (Firebase web key) also
 * suppresses the other readings of the same span.
 */
export function settleCandidates(
  candidates: readonly KeyCandidate[],
  contextOf: (candidate: KeyCandidate) => KeyContext,
  allow: readonly RegExp[] = [],
): KeyCandidate[] {
  const kept: KeyCandidate[] = [];
  const publicSpans: KeyCandidate[] = [];
  for (const candidate of candidates) {
    if (allow.some((pattern) => testPattern(pattern, candidate.value))) continue;
    const kind = candidate.kind;
    if (kind.selfIdentifying && !kind.publicByDesign && !kind.publicContextWords) {
      kept.push(candidate);
      continue;
    }
    const context = contextOf(candidate);
    if (isPublicHere(candidate, context)) {
      publicSpans.push(candidate);
      continue;
    }
    if (!contextConfirms(candidate, context)) continue;
    kept.push(candidate);
  }
  // Candidates come sorted by start, so a sweep keeps this linear: a candidate can only
  // overlap the last kept match, and public spans are passed with a moving pointer.
  const result: KeyCandidate[] = [];
  let publicIndex = 0;
  for (const candidate of kept) {
    while (publicIndex < publicSpans.length && publicSpans[publicIndex].end <= candidate.start) publicIndex++;
    if (publicIndex < publicSpans.length && overlaps(publicSpans[publicIndex], candidate)) continue;
    const last = result[result.length - 1];
    if (!last || !overlaps(last, candidate)) result.push(candidate);
    else if (better(candidate, last)) result[result.length - 1] = candidate;
  }
  return result;
}

function testPattern(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
}

/** Every real-looking provider key in `text`, placeholders and public-by-design keys excluded. */
export function scanText(text: string, options: ScanOptions = {}): KeyMatch[] {
  const candidates = findKeyCandidates(text, !options.context && !options.around);
  if (candidates.length === 0) return [];
  const given = (options.context ?? []).map(nameWords);
  const settled = settleCandidates(
    candidates,
    (candidate) => {
      const around = options.around ?? (() => linesAround(text, candidate.start, candidate.end));
      return { own: [...given, nameWords(textBefore(text, 0, candidate))], nearby: [], around: () => [nameWords(around())] };
    },
    options.allow,
  );
  return settled.map(({ format: _format, ...match }) => match);
}

/** Lines read each side of a key in a text file for the names around it (KeyContext.around), and at most this many characters. */
const AROUND_LINES = 3;
const AROUND_REACH = 400;

/**
 * The text of the lines around [from, to), that span left out: a Firebase web config pasted
 * into an HTML page or an env file (`apiKey: '…',` then `authDomain: '…firebaseapp.com'`:
 * kOpHAIvU/SE347_Roadmap, batch 111). Bounded: at most AROUND_REACH characters each side.
 */
export function linesAround(text: string, from: number, to: number): string {
  let start = from;
  for (let lines = 0; lines <= AROUND_LINES && start > 0 && from - start < AROUND_REACH; start--) if (text.charCodeAt(start - 1) === 10) lines++;
  let end = to;
  for (let lines = 0; lines <= AROUND_LINES && end < text.length && end - to < AROUND_REACH; end++) if (text.charCodeAt(end) === 10) lines++;
  return `${text.slice(start, from)} ${text.slice(to, end)}`;
}

/** How far before a key, in the same text, a name like `MISTRAL_API_KEY=` may sit. */
export const DEFAULT_CONTEXT_WINDOW = 40;

/** How far back a key's own text is read for the URL it sits in. */
const URL_REACH = 300;

/**
 * The text just before a candidate (from `from` on, at most its kind's window), or, for a key in a
 * URL's query, the URL from its scheme on: the host and path say whose API the key is for. A Maps
 * embed URL (`https://www.google.com/maps/embed/v1/place?q=golden+gate+bridge&key=AIza…`) whose
 * query outgrew the window read as a Gemini key (tribui1912/AIDoctor-COMPE561, batch 84).
 * Linear: at most URL_REACH characters are read per candidate.
 */
export function textBefore(text: string, from: number, candidate: KeyCandidate): string {
  const start = Math.max(from, candidate.start - (candidate.kind.contextWindow ?? DEFAULT_CONTEXT_WINDOW));
  const reach = Math.max(from, candidate.start - URL_REACH);
  // Only where the words decide whether a key is public here (a self-identifying key is a key
  // whatever the words say): words far back in a URL never confirm a context-only candidate.
  if (candidate.kind.selfIdentifying && reach < start) {
    const url = text.slice(reach, candidate.start);
    const scheme = url.lastIndexOf("://");
    // One URL: no space between its scheme and the key, and the scheme beyond the window.
    if (scheme >= 0 && scheme < start - reach && !/\s/.test(url.slice(scheme))) return url.slice(Math.max(0, scheme - 5));
  }
  return text.slice(start, candidate.start);
}

/** All compiled formats of one provider kind (tests and fake keys use this). */
export function formatsOf(providerId: string, kindId?: string): CompiledFormat[] {
  return compiledFormats.filter(
    (format) => format.provider.id === providerId && (kindId === undefined || format.kind.id === kindId),
  );
}

/**
 * The one pass over a file's text. Keys are made of token characters (letters, digits and
 * `_+/.=-`), so the text is cut into maximal runs of those; a run is split at "=" (a key may
 * follow `KEY=`), and each piece is compared with the formats of exactly its length. A piece's
 * edges are a key's boundaries: `chatcmpl-<32 alnum>` is one piece and matches nothing.
 * Cost: one table look-up per character, plus an anchored regex per piece of a key's length.
 */
import { redactKey } from "../redact";
import { formatIndex, TOKEN_CHARS, type CompiledFormat } from "./formats";
import { DataUriRanges, looksLikePlaceholder } from "./placeholders";
import type { KeyCandidate } from "./index";

/** Indexed by any UTF-16 code unit (charCodeAt's range), so the scan loop has no range test. */
const IS_TOKEN = new Uint8Array(0x10000);
for (const c of TOKEN_CHARS) IS_TOKEN[c.charCodeAt(0)] = 1;
const EQUALS = 61;
const DOT = 46;
const BACKSLASH = 92;
const COLON = 58;
const DASH = 45;

function candidate(text: string, format: CompiledFormat, start: number, value: string): KeyCandidate {
  return {
    provider: format.provider,
    kind: format.kind,
    start,
    end: start + value.length,
    value,
    redacted: redactKey(value, format.prefix),
    format,
  };
}

/** One scan's state: the text, where data URIs are, and the matches so far. */
interface Scan {
  text: string;
  dataUris: DataUriRanges;
  into: KeyCandidate[];
  /** Per marker of formatIndex.markers: where it next occurs at or after the last piece asked (-1: nowhere), undefined until asked. */
  nextMarker: Array<number | undefined>;
}

/**
 * Tests one format on the piece [start, end); returns the piece's text, sliced only once a format
 * gets past its prefix (most pieces, identifiers and paths, are never sliced: no garbage per piece).
 */
function tryFormat(scan: Scan, format: CompiledFormat, start: number, end: number, piece: string | undefined): string | undefined {
  if (format.prefix && !scan.text.startsWith(format.prefix, start)) return piece;
  piece ??= scan.text.slice(start, end);
  if (!format.exact.test(piece)) return piece;
  if (looksLikePlaceholder(piece, format) || scan.dataUris.contains(start)) return piece;
  scan.into.push(candidate(scan.text, format, start, piece));
  return piece;
}

function checkPiece(scan: Scan, start: number, end: number): void {
  const text = scan.text;
  // Dots after a key end a sentence ("my key is gsk_….") rather than continue it.
  while (end > start && text.charCodeAt(end - 1) === DOT) end--;
  const length = end - start;
  const found = scan.into.length;
  if (length >= formatIndex.shortest && length <= formatIndex.longest) {
    let piece: string | undefined;
    for (const format of formatIndex.byLength.get(length) ?? NONE) piece = tryFormat(scan, format, start, end, piece);
    for (const format of formatIndex.ranged) {
      if (length >= format.minLength && length <= format.maxLength) piece = tryFormat(scan, format, start, end, piece);
    }
  }
  if (scan.into.length === found && length > formatIndex.markedShortest) checkGlued(scan, start, end);
}

/**
 * A key with characters glued before its prefix (`ssk-proj-…T3BlbkFJ…`, `OPENAI_API_KEYsk-…`: a
 * stray keystroke, a lost "="), for formats whose marker says "key" on its own. The key ends
 * where the piece ends, so its prefix is looked for only within the format's lengths of the end:
 * a bounded amount of work per piece, and none unless a marker lies in that reach.
 */
function checkGlued(scan: Scan, start: number, end: number): void {
  const reachStart = Math.max(start + 1, end - formatIndex.markedLongest);
  if (!formatIndex.markers.some((_, index) => markerWithin(scan, index, reachStart, end))) return;
  for (const format of formatIndex.marked) {
    const from = Math.max(start + 1, end - format.maxLength);
    const to = end - format.minLength;
    if (to < from) continue;
    // Searched in a slice: indexOf on the whole text would run on past `to` (to the end of a 1 MB file).
    const window = scan.text.slice(from, to + format.prefix.length);
    for (let at = window.indexOf(format.prefix); at >= 0; at = window.indexOf(format.prefix, at + 1)) {
      const before = scan.into.length;
      tryFormat(scan, format, from + at, end, undefined);
      if (scan.into.length > before) return;
    }
  }
}

/**
 * Whether marker `index` occurs in [from, end). Pieces come in order and `from` only grows, so
 * each marker's next occurrence is searched again only once the scan has passed it: one pass
 * over the text per marker at most.
 */
function markerWithin(scan: Scan, index: number, from: number, end: number): boolean {
  let next = scan.nextMarker[index];
  if (next === undefined || (next >= 0 && next < from)) scan.nextMarker[index] = next = scan.text.indexOf(formatIndex.markers[index], from);
  return next >= 0 && next < end;
}

const NONE: readonly CompiledFormat[] = [];

/**
 * Splits a token run at "=" and checks each piece; a trailing "=" or "==" is base64 padding, or,
 * when the piece with it matches no format, a separator written right after the key (`KEY==>REMOVED`
 * in git-filter-repo's replacements file: Vivek-Semwal/Optimism-Pay-Receipt-Generator, batch 127).
 */
function checkRun(scan: Scan, start: number, end: number): void {
  const text = scan.text;
  // A run right after a `\n` escape starts with its "n": the key starts one later.
  if (start > 0 && text.charCodeAt(start - 1) === BACKSLASH && "nrt".includes(text[start])) start++;
  // A default after the shell's and compose's `:-`, `${GEMINI_API_KEY:-AIza…}`, starts after the dash
  // (randeepc123/small-business-finder's docker-compose.yml, batch 264).
  else if (start > 0 && text.charCodeAt(start - 1) === COLON && text.charCodeAt(start) === DASH) start++;
  let paddedEnd = end;
  while (paddedEnd > start && end - paddedEnd < 2 && text.charCodeAt(paddedEnd - 1) === EQUALS) paddedEnd--;
  let pieceStart = start;
  for (let i = start; i < paddedEnd; i++) {
    if (text.charCodeAt(i) === EQUALS) {
      checkPiece(scan, pieceStart, i);
      pieceStart = i + 1;
    }
  }
  const found = scan.into.length;
  checkPiece(scan, pieceStart, end);
  if (paddedEnd < end && scan.into.length === found && paddedEnd > pieceStart) checkPiece(scan, pieceStart, paddedEnd);
}

function scanSpanning(text: string, format: CompiledFormat, into: KeyCandidate[], wholeText: boolean): void {
  if (format.anchor && !text.includes(format.anchor)) return;
  // Only a whole text holds every word that could name the key's provider: a value cut out of a
  // file (an env entry, with its name apart) or literals joined from code are scanned as they are.
  if (wholeText && format.contextGate && !format.contextGate.test(text)) return;
  const regex = format.regex;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (looksLikePlaceholder(match[0], format)) continue;
    into.push(candidate(text, format, match.index, match[0]));
  }
}

/** Every format match in `text` that is not a placeholder (unsorted, overlaps kept). */
export function scanTokens(text: string, into: KeyCandidate[] = [], wholeText = true): KeyCandidate[] {
  scanTokenRuns(text, 0, text.length, into);
  return scanSpanningFormats(text, into, wholeText);
}

/**
 * The matches of the token formats in the runs inside [from, to) of `text`. Runs end at any
 * non-token character, a line break included: scanning whole lines gives exactly the matches a
 * scan of the whole text finds on them (an editor re-scans only the lines an edit touched).
 */
export function scanTokenRuns(text: string, from: number, to: number, into: KeyCandidate[] = []): KeyCandidate[] {
  const scan: Scan = { text, dataUris: new DataUriRanges(text), into, nextMarker: [] };
  const shortest = formatIndex.shortest;
  // Only runs of at least `shortest` characters can hold a key, and every such run covers one of
  // the checkpoints `shortest` apart: the text is read at the checkpoints, and around those that
  // fall in a run, not character by character (issue 11: 5 against 12 ms over vercel/ai's 506
  // files, the same runs). A run ends at a non-token character or at `from`/`to`.
  for (let at = from + shortest - 1; at < to; at += shortest) {
    if (IS_TOKEN[text.charCodeAt(at)] !== 1) continue;
    let start = at;
    while (start > from && IS_TOKEN[text.charCodeAt(start - 1)] === 1) start--;
    let end = at + 1;
    while (end < to && IS_TOKEN[text.charCodeAt(end)] === 1) end++;
    if (end - start >= shortest) checkRun(scan, start, end);
    // The next run starts at `end` + 1 at the earliest (`end` is no token character), so one of
    // `shortest` characters or more holds the checkpoint `shortest` on from `end`.
    at = end;
  }
  return into;
}

/**
 * The formats that may span several runs (a PEM private key): matched over the whole text.
 * `wholeText`: false for a piece whose context lies outside it (see scanSpanning).
 */
export function scanSpanningFormats(text: string, into: KeyCandidate[] = [], wholeText = true): KeyCandidate[] {
  for (const format of formatIndex.spanning) scanSpanning(text, format, into, wholeText);
  return into;
}

/**
 * An env file as entries with offsets. dotenv decides what each value is (`dotenv.parse`:
 * quotes, `export`, comments, multiline values, escapes in double quotes); it returns only
 * name → value, so a small linear scanner that follows dotenv's own line grammar finds where
 * each name and value sits. A key found in dotenv's value is then located in the raw value text
 * (the same characters unless escapes changed them; then the whole value is the location).
 */
import { parse as parseDotenv } from "dotenv";
import type { TextRange } from "../finding";

export interface EnvEntry {
  name: string;
  nameRange: TextRange;
  /** The value's characters in the file, inside the quotes when quoted. */
  valueRange: TextRange;
  quote: "" | "'" | '"' | "`";
  /** The value as dotenv reads it (for a name defined twice, dotenv keeps the last). */
  value: string;
  /** The whole entry, `export` to closing quote: where a whole-entry report goes. */
  entryRange: TextRange;
}

const NAME_CHAR = /[\w.-]/;

export function parseEnvFile(text: string): EnvEntry[] {
  // dotenv reads a lone CR as a line break (files from old Mac editors); so does the scanner.
  // Replacing it keeps the length, so every offset still points into `text`.
  const lines = text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
  const entries = scanEntries(lines);
  const parsed = dotenvValues(lines, entries);
  const last = new Map<string, EnvEntry>();
  for (const entry of entries) last.set(entry.name, entry);
  for (const entry of entries) {
    const value = Object.prototype.hasOwnProperty.call(parsed, entry.name) ? parsed[entry.name] : undefined;
    if (last.get(entry.name) === entry && value !== undefined) entry.value = value;
  }
  return entries;
}

/**
 * A comment in an env file: `# NAME=value` on its own line, or after an entry's value; or a line
 * dotenv reads nothing from (`unread`).
 */
export interface EnvComment {
  /** From the `#` to the end of the line. */
  range: TextRange;
  /** What deleting the comment removes: the whole line for a comment line, else blanks + comment. */
  removal: TextRange;
  /** A line that is neither an entry nor a comment (`GEMINI_API_KEY:AIza…`, no blank after the colon): dotenv skips it, git keeps it. */
  unread?: true;
}

/**
 * The comments of an env file as dotenv reads it: lines whose first non-blank character is `#`,
 * and `#…` after an entry's value (an unquoted value ends at `#`), never text inside a quoted
 * multi-line value; and the lines it reads no entry from (Smartburme/burme-ai's tracked
 * `.env.local`, batch 54), whose text is committed all the same. One pass.
 */
export function envFileComments(text: string): EnvComment[] {
  const lines = text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
  const entries = scanEntries(lines);
  const comments: EnvComment[] = [];
  let pos = 0;
  let index = 0;
  while (pos < lines.length) {
    const lineEnd = endOfLine(lines, pos);
    const entry = entries[index];
    if (entry && entry.entryRange.start < lineEnd) {
      // One entry per line at most; its value may end on a later line.
      index++;
      const end = entry.entryRange.end;
      const endLine = endOfLine(lines, end);
      const hash = skipBlanks(lines, end, endLine);
      if (lines[hash] === "#") comments.push({ range: { start: hash, end: trimEnd(lines, hash, endLine) }, removal: { start: end, end: trimEnd(lines, hash, endLine) } });
      pos = endLine + 1;
      continue;
    }
    const first = skipBlanks(lines, pos, lineEnd);
    const end = trimEnd(lines, first, lineEnd);
    if (first < end) {
      const removal = { start: pos, end: Math.min(lineEnd + 1, lines.length) };
      comments.push(lines[first] === "#" ? { range: { start: first, end }, removal } : { range: { start: first, end }, removal, unread: true });
    }
    pos = lineEnd + 1;
  }
  return comments;
}

/** `end` moved back over a trailing CR (of a CRLF line end). */
function trimEnd(text: string, start: number, end: number): number {
  return end > start && text[end - 1] === "\r" ? end - 1 : end;
}

/**
 * `dotenv.parse` of the entries alone. dotenv's line regex backtracks over runs of blank lines
 * (quadratic: 30 s for 100 KB of blank lines ending in a comment), so it is not given the file:
 * it gets each entry's own text (name to the end of the line its value ends on), one after the
 * other. Nothing else in the file defines a value, so dotenv reads the same values, in linear time.
 */
function dotenvValues(text: string, entries: EnvEntry[]): Record<string, string> {
  const own = entries.map((entry) => text.slice(entry.entryRange.start, endOfLine(text, entry.entryRange.end)));
  try {
    return parseDotenv(own.join("\n"));
  } catch {
    return {}; // dotenv does not throw on odd input today; if it ever does, raw values stand
  }
}

/** Offsets in the file of `[start, end)` of a piece of `entry.value`, best effort. */
export function locateInValue(text: string, entry: EnvEntry, start: number, end: number): TextRange {
  const raw = text.slice(entry.valueRange.start, entry.valueRange.end);
  if (raw === entry.value) return { start: entry.valueRange.start + start, end: entry.valueRange.start + end };
  const index = raw.indexOf(entry.value.slice(start, end));
  if (index >= 0) return { start: entry.valueRange.start + index, end: entry.valueRange.start + index + (end - start) };
  return entry.valueRange;
}

/** One pass over the text; each character is looked at a bounded number of times. */
function scanEntries(text: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const unclosed: Unclosed = {};
  let pos = 0;
  while (pos < text.length) {
    const lineEnd = endOfLine(text, pos);
    const next = scanLine(text, pos, lineEnd, entries, unclosed);
    pos = Math.max(next, lineEnd + 1);
  }
  return entries;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline < 0 ? text.length : newline;
}

/** Reads one entry starting on the line [start, lineEnd); returns where scanning continues. */
/**
 * Per quote character, the earliest position from which no closing quote exists: a file of
 * lines that each open a quote is then still read in one pass, not once per line.
 */
type Unclosed = Record<string, number>;

function scanLine(text: string, start: number, lineEnd: number, entries: EnvEntry[], unclosed: Unclosed): number {
  let pos = skipBlanks(text, start, lineEnd);
  const entryStart = pos;
  if (text.startsWith("export", pos) && /[ \t]/.test(text[pos + 6] ?? "")) pos = skipBlanks(text, pos + 6, lineEnd);
  const nameStart = pos;
  while (pos < lineEnd && NAME_CHAR.test(text[pos])) pos++;
  if (pos === nameStart) return lineEnd;
  const nameRange = { start: nameStart, end: pos };
  pos = skipBlanks(text, pos, lineEnd);
  // dotenv accepts `NAME=value` and YAML-ish `NAME: value`.
  if (text[pos] === "=") pos++;
  else if (text[pos] === ":" && /[ \t]/.test(text[pos + 1] ?? "")) pos++;
  else return lineEnd;
  pos = skipBlanks(text, pos, lineEnd);
  const quote = text[pos];
  if (quote === '"' || quote === "'" || quote === "`") {
    const close = pos + 1 >= (unclosed[quote] ?? Infinity) ? -1 : closingQuote(text, pos + 1, quote);
    if (close < 0) unclosed[quote] = Math.min(unclosed[quote] ?? Infinity, pos + 1);
    if (close >= 0) {
      const valueRange = { start: pos + 1, end: close };
      entries.push(entry(text, nameRange, valueRange, quote, entryStart, close + 1));
      return endOfLine(text, close);
    }
  }
  // Unquoted (or an unclosed quote, which dotenv also reads bare): up to a `#` or the line end.
  let end = pos;
  while (end < lineEnd && text[end] !== "#") end++;
  while (end > pos && /\s/.test(text[end - 1])) end--;
  entries.push(entry(text, nameRange, { start: pos, end }, "", entryStart, end));
  return lineEnd;
}

function entry(text: string, nameRange: TextRange, valueRange: TextRange, quote: EnvEntry["quote"], start: number, end: number): EnvEntry {
  return {
    name: text.slice(nameRange.start, nameRange.end),
    nameRange,
    valueRange,
    quote,
    value: text.slice(valueRange.start, valueRange.end),
    entryRange: { start, end },
  };
}

function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && (text[pos] === " " || text[pos] === "\t" || text[pos] === "\r")) pos++;
  return pos;
}

/** Index of the quote closing a value opened before `from`; a backslash escapes one character. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let pos = from; pos < text.length; pos++) {
    if (text[pos] === "\\") pos++;
    else if (text[pos] === quote) return pos;
  }
  return -1;
}

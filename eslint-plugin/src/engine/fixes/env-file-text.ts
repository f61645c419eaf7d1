/**
 * Reading and appending to a dotenv file without disturbing it: its line endings, its quoting
 * style and whether it ends with a newline are all kept.
 */
import type { FileEdit } from "../finding";

export interface EnvEntry {
  name: string;
  /** The value with surrounding quotes removed. */
  value: string;
  line: number;
}

export interface EnvFileShape {
  eol: "\n" | "\r\n";
  endsWithNewline: boolean;
  /** The quote most existing values use, "" when they are bare. */
  quote: "" | '"' | "'";
  entries: EnvEntry[];
}

const ENTRY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

export function readEnvFile(text: string): EnvFileShape {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > lf ? "\r\n" : "\n";
  const quotes = { "": 0, '"': 0, "'": 0 };
  const entries: EnvEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = ENTRY.exec(line);
    if (!match) return;
    const raw = match[2].trim();
    const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : "";
    if (raw) quotes[quote]++;
    entries.push({ name: match[1], value: unquote(raw, quote), line: index });
  });
  const quote = (Object.keys(quotes) as Array<keyof typeof quotes>).reduce((a, b) => (quotes[b] > quotes[a] ? b : a), "");
  return { eol, endsWithNewline: text.length === 0 || /\n$/.test(text), quote, entries };
}

function unquote(raw: string, quote: string): string {
  if (!quote) return raw.replace(/\s+#.*$/, "");
  const end = raw.indexOf(quote, 1);
  return end > 0 ? raw.slice(1, end) : raw.slice(1);
}

/** `NAME=value` in the file's quoting style; quotes are added anyway when the value needs them. */
export function formatEntry(name: string, value: string, shape: Pick<EnvFileShape, "quote">): string {
  const needsQuotes = value === "" ? false : /[\s#"'=]/.test(value);
  const quote = shape.quote || (needsQuotes ? '"' : "");
  return `${name}=${quote}${value}${quote}`;
}

/**
 * The edit that adds `lines` at the end of `file` (created when `text` is undefined),
 * keeping its line endings and its (missing) final newline.
 */
export function appendLines(file: string, text: string | undefined, lines: string[]): FileEdit {
  if (text === undefined) return { kind: "create", file, text: lines.join("\n") + "\n" };
  const shape = readEnvFile(text);
  const body = lines.join(shape.eol);
  const inserted = text.length === 0 ? body + shape.eol : shape.endsWithNewline ? body + shape.eol : shape.eol + body;
  return { kind: "replace", file, range: { start: text.length, end: text.length }, text: inserted };
}

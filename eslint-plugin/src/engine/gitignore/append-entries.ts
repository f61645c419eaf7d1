/**
 * The edit that appends entries to a .gitignore: under one `# env files (KeyFence)` comment,
 * in the file's own line endings, keeping a missing final newline missing. Existing lines are
 * never touched, so applying it twice is the same as once (the second check finds nothing).
 */
import type { FileEdit, FixPlan } from "../finding";

export const KEYFENCE_COMMENT = "# env files (KeyFence)";

/** The line ending most lines of `text` use ("\n" for an empty or one-line file). */
export function lineEndingOf(text: string): "\n" | "\r\n" {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** Append `entries` to `file` (its current text, or undefined to create it). */
export function appendEntriesEdit(file: string, text: string | undefined, entries: readonly string[]): FileEdit {
  if (text === undefined || text === "") {
    const block = [KEYFENCE_COMMENT, ...entries].join("\n") + "\n";
    return text === undefined ? { kind: "create", file, text: block } : { kind: "replace", file, range: { start: 0, end: 0 }, text: block };
  }
  const eol = lineEndingOf(text);
  const hasComment = text.split(/\r?\n/).some((line) => line.trim() === KEYFENCE_COMMENT);
  const lines = hasComment ? [...entries] : [KEYFENCE_COMMENT, ...entries];
  const endsWithNewline = text.endsWith("\n");
  // A blank line before a new comment block, as people write .gitignore sections.
  const lead = (endsWithNewline ? "" : eol) + (hasComment || /(\r?\n){2}$/.test(text) ? "" : eol);
  const inserted = lead + lines.join(eol) + (endsWithNewline ? eol : "");
  return { kind: "replace", file, range: { start: text.length, end: text.length }, text: inserted };
}

export function appendEntriesPlan(file: string, text: string | undefined, entries: readonly string[]): FixPlan {
  return {
    title: text === undefined ? `Create .gitignore with ${entries.join(", ")}` : `Add ${entries.join(", ")} to .gitignore`,
    edits: [appendEntriesEdit(file, text, entries)],
    isPreferred: true,
  };
}

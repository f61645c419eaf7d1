/**
 * Removing code without leaving marks: whole statements with their line, one import name with its
 * comma, and the blank lines a removal would double. Line endings are never rewritten: only whole
 * lines (with their own `\n` or `\r\n`) are taken out.
 */
import type { SourceFile, TSESTree } from "../ast";
import type { FileEdit } from "../finding";

type ReplaceEdit = Extract<FileEdit, { kind: "replace" }>;

/** Removes one name from an import list with its comma: `import OpenAI, { toFile }` → `import { toFile }`. */
export function removeSpecifier(source: SourceFile, node: TSESTree.Node): ReplaceEdit {
  const text = source.text;
  let [start, end] = node.range;
  const after = /^\s*,\s*/.exec(text.slice(end, end + 40));
  if (after) end += after[0].length;
  else {
    const before = /,\s*$/.exec(text.slice(Math.max(0, start - 40), start));
    if (before) start -= before[0].length;
  }
  return { kind: "replace", file: source.file, range: { start, end }, text: "" };
}

/** Removes a whole statement, and its line when nothing else is on it. */
export function removeStatement(source: SourceFile, node: TSESTree.Node): ReplaceEdit {
  let [start, end] = node.range;
  const text = source.text;
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === " " || text[lineEnd] === "\t")) lineEnd++;
  if ((lineStart === 0 || text[lineStart - 1] === "\n") && (lineEnd === text.length || text[lineEnd] === "\n" || text[lineEnd] === "\r")) {
    start = lineStart;
    end = text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : Math.min(text.length, lineEnd + 1);
  }
  return { kind: "replace", file: source.file, range: { start, end }, text: "" };
}

/**
 * Each run of removed and blank lines keeps the spacing the file used there: as many blank lines
 * as the longest blank run inside it (none at the top or bottom of the file), so
 * `a\n\nX\nY\n\nb` becomes `a\n\nb`, never `a\n\n\nb`. Other edits pass through.
 */
export function tidyRemovedLines(text: string, edits: ReplaceEdit[]): ReplaceEdit[] {
  const removals = edits.filter((edit) => isLineRemoval(text, edit)).sort((a, b) => a.range.start - b.range.start);
  if (removals.length === 0) return edits;
  const out = edits.filter((edit) => !removals.includes(edit));
  const eol = /\r\n/.test(text.slice(0, text.indexOf("\n") + 1)) ? "\r\n" : "\n";
  const runs: Segment[][] = [[]];
  for (const segment of segments(text, removals, edits)) {
    if (segment.kind === "content") runs.push([]);
    else runs[runs.length - 1].push(segment);
  }
  for (const run of runs) {
    if (!run.some((segment) => segment.kind === "removed")) continue;
    const start = run[0].start;
    const end = run[run.length - 1].end;
    let longest = 0;
    let blanks = 0;
    for (const segment of run) {
      blanks = segment.kind === "blank" ? blanks + 1 : 0;
      longest = Math.max(longest, blanks);
    }
    const keep = start === 0 || end === text.length ? 0 : longest;
    out.push({ kind: "replace", file: removals[0].file, range: { start, end }, text: eol.repeat(keep) });
  }
  return out;
}

interface Segment {
  kind: "removed" | "blank" | "content";
  start: number;
  end: number;
}

/** The text as whole lines: removed (one segment per removal), blank and untouched, or content. */
function segments(text: string, removals: ReplaceEdit[], edits: ReplaceEdit[]): Segment[] {
  const out: Segment[] = [];
  let next = 0;
  for (let at = 0; at < text.length; ) {
    while (next < removals.length && removals[next].range.start < at) next++;
    const removal = removals[next];
    if (removal && removal.range.start === at) {
      out.push({ kind: "removed", start: at, end: removal.range.end });
      at = removal.range.end;
      continue;
    }
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline + 1;
    const untouched = !edits.some((edit) => edit.range.start < end && at < edit.range.end);
    out.push({ kind: untouched && /^[ \t]*\r?\n$/.test(text.slice(at, end)) ? "blank" : "content", start: at, end });
    at = end;
  }
  return out;
}

function isLineRemoval(text: string, edit: ReplaceEdit): boolean {
  const { start, end } = edit.range;
  return edit.text === "" && end > start && (start === 0 || text[start - 1] === "\n") && (end === text.length || text[end - 1] === "\n");
}

/**
 * Applies a fix plan's edits for one file on disk, as the extension's WorkspaceEdit would:
 * creates (never over an existing file), `git rm --cached` for untrack, and replacements applied
 * from the end so earlier offsets stay valid (overlaps are a planner bug and throw).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";

export function applyFileEdits(file: string, edits: FixPlan["edits"]): void {
  for (const edit of edits) {
    if (edit.kind === "create") {
      if (fs.existsSync(file)) throw new Error(`plan would overwrite ${file}`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, edit.text);
    } else if (edit.kind === "untrack") {
      execFileSync("git", ["rm", "--cached", "-q", "--", path.basename(file)], { cwd: path.dirname(file) });
    }
  }
  const replaces = edits.flatMap((edit) => (edit.kind === "replace" ? [edit] : [])).sort((a, b) => b.range.start - a.range.start);
  if (replaces.length === 0) return;
  let text = fs.readFileSync(file, "utf8");
  let lastStart = Infinity;
  for (const edit of replaces) {
    if (edit.range.end > lastStart) throw new Error(`overlapping edits in ${file}`);
    text = text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
    lastStart = edit.range.start;
  }
  fs.writeFileSync(file, text);
}

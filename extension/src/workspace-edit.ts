/**
 * FixPlan → WorkspaceEdit, in one place. Offsets in a plan refer to the text the planner read,
 * so positions are computed from that same text (open editor or disk).
 */
import * as vscode from "vscode";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";
import type { ProjectFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { lineIndex } from "./text-positions";

export function toWorkspaceEdit(plan: FixPlan, files: ProjectFiles): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: plan.title, needsConfirmation: false };
  const positions = new Map<string, (offset: number) => vscode.Position>();
  const positionIn = (file: string) => {
    let at = positions.get(file);
    if (!at) {
      const text = files.read(file) ?? "";
      const lines = lineIndex(text);
      at = (offset) => {
        const line = lines.lineOf(offset);
        return new vscode.Position(line, offset - lines.starts[line]);
      };
      positions.set(file, at);
    }
    return at;
  };
  for (const change of plan.edits) {
    const uri = vscode.Uri.file(change.file);
    if (change.kind === "replace") {
      const at = positionIn(change.file);
      edit.replace(uri, new vscode.Range(at(change.range.start), at(change.range.end)), change.text, metadata);
    } else if (change.kind === "create") {
      edit.createFile(uri, { ignoreIfExists: true }, metadata);
      edit.insert(uri, new vscode.Position(0, 0), change.text, metadata);
    }
    // "untrack" edits are git operations, not text: the stop-tracking command runs them.
  }
  return edit;
}

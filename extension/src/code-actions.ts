/**
 * Quick fixes for KeyFence diagnostics. Each fix plan becomes one CodeAction whose edit is a
 * single WorkspaceEdit (one undo step across every file it touches).
 */
import * as vscode from "vscode";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";
import { engine } from "./engine";
import { SOURCE, type KeyFenceDiagnostics } from "./diagnostics";
import { STOP_TRACKING } from "./stop-tracking";
import { keyPageOf, OPEN_KEY_PAGE, OPEN_KEY_PAGE_TITLE } from "./open-key-page";
import { toWorkspaceEdit } from "./workspace-edit";

/** `quickfix.keyfence`: a quick fix, and recognisably ours (tests select by it). */
export const KEYFENCE_FIX = vscode.CodeActionKind.QuickFix.append("keyfence");

export class KeyFenceCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [KEYFENCE_FIX] };

  constructor(private readonly diagnostics: KeyFenceDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const text = document.getText();
    const findings = this.diagnostics.findingsOf(document.uri.fsPath);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const ruleId = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = findings.find((f) => f.ruleId === ruleId && f.range.start === start && f.range.end === end);
      if (!finding) continue;
      for (const plan of engine().planFixes(finding, text, this.diagnostics.context(document.uri))) {
        actions.push(this.toAction(plan, diagnostic));
      }
      const keyPage = keyPageOf(finding);
      if (keyPage) actions.push(this.openKeyPageAction(keyPage, diagnostic));
    }
    return actions;
  }

  /** A committed key must be rotated: the provider's page, in the user's browser. */
  private openKeyPageAction(url: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(OPEN_KEY_PAGE_TITLE, KEYFENCE_FIX);
    action.diagnostics = [diagnostic];
    action.command = { title: OPEN_KEY_PAGE_TITLE, command: OPEN_KEY_PAGE, arguments: [url] };
    return action;
  }

  private toAction(plan: FixPlan, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(plan.title, KEYFENCE_FIX);
    action.diagnostics = [diagnostic];
    action.isPreferred = plan.isPreferred;
    const untrack = plan.edits.find((e) => e.kind === "untrack");
    if (untrack) {
      // git operations are not text edits: the command asks first, then untracks and ignores.
      action.command = { title: plan.title, command: STOP_TRACKING, arguments: [vscode.Uri.file(untrack.file)] };
      return action;
    }
    action.edit = toWorkspaceEdit(plan, this.diagnostics.files);
    // No follow-up command: VS Code drops a code action's command arguments once the edit
    // changes the document ("Actual command not found"). Plans put what the user must know in
    // their title, and VS Code saves the other files itself (files.refactoring.autoSave).
    return action;
  }
}

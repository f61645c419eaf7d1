/** The status bar item: how many KeyFence findings are open; a click opens the Problems panel. */
import * as vscode from "vscode";
import type { KeyFenceDiagnostics } from "./diagnostics";

export function createStatusBar(diagnostics: KeyFenceDiagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem("keyfence.status", vscode.StatusBarAlignment.Left, 10);
  item.name = "KeyFence";
  item.command = "workbench.actions.view.problems";
  const update = () => {
    const count = diagnostics.count();
    item.text = count ? `$(shield) KeyFence: ${count}` : "$(shield) KeyFence";
    item.tooltip = count ? `${count} leaked-key finding${count === 1 ? "" : "s"}: show them in Problems` : "KeyFence: no findings";
    item.backgroundColor = count ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
  };
  update();
  item.show();
  const subscription = diagnostics.onDidChange(update);
  return vscode.Disposable.from(item, subscription);
}

/**
 * KeyFence's language status item (the `{}` next to the language mode): shown only for the files
 * KeyFence reads, with the count of findings; a click opens the Problems panel. It replaces the
 * always-on status bar count.
 */
import * as vscode from "vscode";
import { DOCUMENTS } from "./client";

export const SOURCE = "KeyFence";

/** KeyFence findings per file, kept current from the changed files only (not a walk of every diagnostic per change). */
const counts = new Map<string, number>();

function recount(uris: readonly vscode.Uri[]): void {
  for (const uri of uris) {
    const count = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).length;
    if (count) counts.set(uri.toString(), count);
    else counts.delete(uri.toString());
  }
}

export function findingsCount(): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** `problem()`: what is wrong with the server, if anything (shown instead of the count). Call `update` when it changes. */
export function createLanguageStatus(problem: () => string | undefined): vscode.Disposable & { update(): void } {
  const item = vscode.languages.createLanguageStatusItem("keyfence.status", DOCUMENTS);
  item.name = "KeyFence";
  item.command = { title: "Show Problems", command: "workbench.actions.view.problems" };
  const update = () => {
    const trouble = problem();
    const count = findingsCount();
    item.text = trouble ?? (count ? `$(shield) KeyFence: ${count}` : "$(shield) KeyFence");
    item.detail = trouble ? undefined : count ? `${count} leaked-key finding${count === 1 ? "" : "s"}` : "no findings";
    item.severity = trouble ? vscode.LanguageStatusSeverity.Error : count ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  update();
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    recount(event.uris);
    update();
  });
  return { update, dispose: () => vscode.Disposable.from(item, subscription).dispose() };
}

/**
 * `KeyFence: Stop Tracking Committed .env File`: asks first, runs `git rm --cached` (the file
 * stays on disk), covers it in .gitignore, and offers the providers' revoke pages, because the
 * keys stay in git history. Runs git only in trusted workspaces (git config can run programs).
 * The git commands run here, once, on the user's request; what follows (the .gitignore edit, the
 * providers' pages) comes from the language server (keyfence/afterUntrack).
 */
import { execFile } from "node:child_process";
import { basename, dirname } from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { AFTER_UNTRACK, type AfterUntrack } from "../server/src/protocol";

export { STOP_TRACKING } from "../server/src/protocol";

export interface StopTrackingOptions {
  /** Skip the confirmation (tests; the command palette always asks). */
  confirmed?: boolean;
  /** Don't offer revoke pages (tests). */
  quiet?: boolean;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile("git", args, { cwd, timeout: 15_000 }, (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout))),
  );
}

/** `target`: a Uri (command palette, tests) or a file URI string (the server's code action). */
export async function stopTracking(client: LanguageClient, target?: vscode.Uri | string, options: StopTrackingOptions = {}): Promise<boolean> {
  const uri = typeof target === "string" ? vscode.Uri.parse(target) : (target ?? (await pickTrackedEnvFile()));
  if (!uri) return false;
  const file = uri.fsPath;
  const name = basename(file);
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(`KeyFence runs git only in trusted workspaces. Trust this folder, or run: git rm --cached ${name}`);
    return false;
  }
  const cwd = dirname(file);
  try {
    await git(cwd, ["ls-files", "--error-unmatch", "--", name]);
  } catch {
    void vscode.window.showInformationMessage(`KeyFence: ${name} is not tracked by git.`);
    return false;
  }
  if (!options.confirmed) {
    const answer = await vscode.window.showWarningMessage(
      `Stop tracking ${name}? KeyFence will run "git rm --cached ${name}" (the file stays on disk) and add it to .gitignore. ` +
        "The keys in it remain in git history: revoke them.",
      { modal: true },
      "Stop Tracking",
    );
    if (answer !== "Stop Tracking") return false;
  }
  try {
    await git(cwd, ["rm", "--cached", "--quiet", "--", name]);
  } catch (error) {
    void vscode.window.showErrorMessage(`KeyFence: git rm --cached failed: ${(error as Error).message}`);
    return false;
  }
  await client.start();
  const next = await client.sendRequest<AfterUntrack>(AFTER_UNTRACK, { uri: uri.toString() });
  const edit = next.edit ? await client.protocol2CodeConverter.asWorkspaceEdit(next.edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]) : undefined;
  if (edit) {
    // As the lightbulb applies an edit: VS Code then saves every file it touched.
    await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    for (const [changed] of edit.entries()) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === changed.toString())?.save();
  }
  if (!options.quiet) await offerRevokePages(next.providers, name);
  return true;
}

async function offerRevokePages(providers: AfterUntrack["providers"], name: string): Promise<void> {
  if (providers.length === 0) {
    void vscode.window.showInformationMessage(`KeyFence: ${name} is no longer tracked. Rotate any secret it held: it is still in git history.`);
    return;
  }
  const buttons = providers.slice(0, 3).map((p) => `Revoke ${p.name} key`);
  const choice = await vscode.window.showWarningMessage(
    `KeyFence: ${name} is no longer tracked, but its keys are in git history. Revoke them.`,
    ...buttons,
  );
  const provider = providers.find((p) => `Revoke ${p.name} key` === choice);
  if (provider) await vscode.env.openExternal(vscode.Uri.parse(provider.url));
}

async function pickTrackedEnvFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && /^\.env/.test(basename(active.fsPath))) return active;
  const candidates = await vscode.workspace.findFiles("**/.env*", "**/node_modules/**", 50);
  const picks = candidates.filter((u) => !/\.(?:example|sample|template)$/.test(u.fsPath));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage("KeyFence: no .env file found in this workspace.");
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    picks.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: "Which env file should git stop tracking?" },
  );
  return chosen?.uri;
}

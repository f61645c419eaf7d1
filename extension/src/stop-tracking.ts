/**
 * `KeyFence: Stop Tracking Committed .env File`: asks first, runs `git rm --cached` (the file
 * stays on disk), covers it in .gitignore, and offers the providers' revoke pages, because the
 * keys stay in git history. Runs git only in trusted workspaces (git config can run programs).
 */
import { execFile } from "node:child_process";
import { basename, dirname } from "node:path";
import * as vscode from "vscode";
import { engine } from "./engine";
import type { EditorProjectFiles } from "./project-files";
import { toWorkspaceEdit } from "./workspace-edit";

export const STOP_TRACKING = "keyfence.stopTrackingEnvFile";

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

export async function stopTracking(files: EditorProjectFiles, target?: vscode.Uri, options: StopTrackingOptions = {}): Promise<boolean> {
  const uri = target ?? (await pickTrackedEnvFile());
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
  const stopDir = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  const edits = engine().coverWithGitignore(files, file, stopDir);
  if (edits.length) {
    await vscode.workspace.applyEdit(toWorkspaceEdit({ title: `Add ${name} to .gitignore`, edits }, files));
    for (const edit of edits) await vscode.workspace.textDocuments.find((d) => d.uri.fsPath === edit.file)?.save();
  }
  if (!options.quiet) await offerRevokePages(files.read(file) ?? "", name);
  return true;
}

async function offerRevokePages(text: string, name: string): Promise<void> {
  const { scanText, revokeUrlFor } = engine();
  const providers = new Map(scanText(text).map((m) => [m.provider.id, { name: m.provider.name, url: revokeUrlFor(m.provider, m.kind) }]));
  if (providers.size === 0) {
    void vscode.window.showInformationMessage(`KeyFence: ${name} is no longer tracked. Rotate any secret it held: it is still in git history.`);
    return;
  }
  const buttons = [...providers.values()].slice(0, 3).map((p) => `Revoke ${p.name} key`);
  const choice = await vscode.window.showWarningMessage(
    `KeyFence: ${name} is no longer tracked, but its keys are in git history. Revoke them.`,
    ...buttons,
  );
  const provider = [...providers.values()].find((p) => `Revoke ${p.name} key` === choice);
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

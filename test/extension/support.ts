/**
 * Helpers for the extension-host tests: projects written into the test workspace at run time
 * (keys are generated, never stored), waiting for KeyFence diagnostics, and applying a quick fix
 * exactly as the lightbulb does (its WorkspaceEdit, then its command).
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { providerById } from "../../eslint-plugin/src/engine/providers/index";
import { fakeKeyForFormat } from "../support/fake-keys";
import { keyfence, workspaceRoot } from "./helpers";

export const SOURCE = "KeyFence";

/** A key in the provider's first self-identifying format, different per seed. */
export function fakeKey(providerId: string, seed: number): string {
  const provider = providerById(providerId);
  const kind = provider?.kinds.find((k) => k.selfIdentifying && !k.publicByDesign);
  if (!kind) throw new Error(`no self-identifying kind for ${providerId}`);
  return fakeKeyForFormat(kind.formats[0], seed);
}

/** Writes `files` under a fresh folder of the workspace; returns absolute paths by name. */
export function project(name: string, files: Record<string, string>): { dir: string; path(rel: string): string } {
  const dir = join(workspaceRoot(), name);
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, path: (rel) => join(dir, rel) };
}

/** A project copied into the workspace before VS Code opened it (test/fixtures/e2e-workspace). */
export function seeded(name: string): { dir: string; path(rel: string): string } {
  const dir = join(workspaceRoot(), name);
  if (!existsSync(dir)) throw new Error(`${dir} is missing: the runner seeds it from test/fixtures/e2e-workspace`);
  return { dir, path: (rel) => join(dir, rel) };
}

export function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

export function keyfenceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export async function until<T>(what: string | (() => string), probe: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function open(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Opens `file` and waits until KeyFence reports `count` diagnostics (at least one by default).
 * They come from the language server, a separate process that may still be starting (and, on
 * a loaded machine, parsing its first file): the wait is longer than for the editor itself.
 */
export async function diagnosticsOf(file: string, count?: number): Promise<vscode.Diagnostic[]> {
  const editor = await open(file);
  const uri = editor.document.uri;
  const api = await keyfence();
  // Whole findings: not those the server publishes first while a client graph is still being
  // built (`provisional`), which a full analysis follows at once.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = keyfenceDiagnostics(uri);
    if (count === undefined ? found.length > 0 : found.length === count) {
      const last = await api.lastAnalysis(uri);
      if (last && !last.provisional) return keyfenceDiagnostics(uri);
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count ?? "some"} KeyFence diagnostics in ${file} (now ${found.length})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * KeyFence's quick fixes at a diagnostic, as the lightbulb would list them. (The API command
 * does not return an action's diagnostics, so KeyFence actions are known by their kind.)
 * Retried: a request can be cancelled while TypeScript starts up.
 */
export async function keyfenceActions(file: string, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        vscode.Uri.file(file),
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return (actions ?? []).filter((a) => a.kind?.value.startsWith("quickfix.keyfence"));
    } catch (error) {
      if (attempt >= 5 || !/Canceled/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function actionTitled(file: string, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await keyfenceActions(file, diagnostic);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no quick fix ${title} among: ${actions.map((a) => a.title).join(" | ") || "(none)"}`);
  return action;
}

/**
 * What the lightbulb does: apply the edit as a refactoring (VS Code then saves the files it
 * touched, files.refactoring.autoSave), then run the action's command if it has one.
 */
export async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit, { isRefactoring: true }), `${action.title}: applyEdit failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Saves every open document with unsaved changes (workspace.saveAll skips background models). */
export async function saveAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) if (document.isDirty) await document.save();
}

/** Undo in the code file's editor (one step for the whole multi-file fix), then save. */
export async function undoIn(file: string): Promise<void> {
  await open(file);
  await vscode.commands.executeCommand("undo");
  await new Promise((r) => setTimeout(r, 200));
  await saveAll();
}

export async function closeAll(): Promise<void> {
  await saveAll();
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

export function snapshot(files: string[]): Record<string, string | undefined> {
  return Object.fromEntries(files.map((f) => [f, read(f)]));
}

/** A git repository in `dir` with `files` committed (git runs here, never in the extension's analysis). */
export function gitCommitAll(dir: string): void {
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.email=test@keyfence.invalid", "-c", "user.name=KeyFence Test", "-c", "commit.gpgsign=false", ...args], { cwd: dir, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "fixture");
}

export function gitTracked(dir: string): string[] {
  return execFileSync("git", ["ls-files"], { cwd: dir, encoding: "utf8" }).split("\n").filter(Boolean);
}

/**
 * KeyFence for VS Code: wiring only. Every disposable goes into context.subscriptions.
 * The analysis itself is the ESLint plugin's engine (see analyze.ts); no workspace code runs and
 * nothing goes over the network.
 */
import * as vscode from "vscode";
import { KeyFenceCodeActions } from "./code-actions";
import { KeyFenceDiagnostics } from "./diagnostics";
import { engine, engineLoaded, engineLoadMs } from "./engine";
import { fileKind } from "./file-kinds";
import { EditorProjectFiles } from "./project-files";
import { scanWorkspace, type ScanSummary } from "./scan-workspace";
import { createStatusBar } from "./status-bar";
import { STOP_TRACKING, stopTracking, type StopTrackingOptions } from "./stop-tracking";
import { OPEN_KEY_PAGE, openKeyPage } from "./open-key-page";

/** What `extensions.getExtension("keyfence.keyfence").exports` gives (tests read it). */
export interface KeyFenceApi {
  /** Time spent in activate(). */
  activationMs: number;
  /** From the first line of the bundle running to the end of activate(): load + activation. */
  loadAndActivationMs?: number;
  /** Loading the analysis engine on first use (after activation), once known. */
  engineLoadMs(): number | undefined;
  diagnostics: KeyFenceDiagnostics;
  scanWorkspace(options?: { quiet?: boolean }): Promise<ScanSummary | undefined>;
  stopTracking(uri: vscode.Uri, options?: StopTrackingOptions): Promise<boolean>;
  /** Files the watcher reported, newest last (the tests read it when something is stale). */
  watcherLog: string[];
  /** Whether the next keystroke in `file` re-parses only what it touched (its tree is built). */
  hasTree(file: string): boolean;
}

export function activate(context: vscode.ExtensionContext): KeyFenceApi {
  const started = performance.now();
  const watcherLog: string[] = [];
  const files = new EditorProjectFiles();
  const diagnostics = new KeyFenceDiagnostics(files);
  const selector: vscode.DocumentFilter[] = [{ scheme: "file" }];
  const subscriptions = context.subscriptions;

  subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new KeyFenceCodeActions(diagnostics), KeyFenceCodeActions.metadata),
    createStatusBar(diagnostics),
    vscode.commands.registerCommand("keyfence.scanWorkspace", () => scanWorkspace(diagnostics)),
    vscode.commands.registerCommand(STOP_TRACKING, (uri?: vscode.Uri, options?: StopTrackingOptions) => stopTracking(files, uri, options)),
    vscode.commands.registerCommand(OPEN_KEY_PAGE, (url?: string) => openKeyPage(url)),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.schedule(d, true)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && diagnostics.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      diagnostics.forget(d.uri);
      // Live diagnostics go with the editor; files stay in Problems only through a workspace scan.
      if (fileKind(d.uri.fsPath)) diagnostics.set(d.uri, [], "");
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("keyfence") && !e.affectsConfiguration("files.exclude")) return;
      diagnostics.reloadSettings();
      reanalyzeOpen(diagnostics);
    }),
    ...watchProjectFiles(diagnostics, files, watcherLog),
    // (A workspace scan opens no editor: the files it reads get no tree.)
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => diagnostics.prepare(editor.document))),
  );
  // The engine loads on first analysis, after activation has returned.
  const first = setTimeout(() => {
    reanalyzeOpen(diagnostics);
    for (const editor of vscode.window.visibleTextEditors) diagnostics.prepare(editor.document);
  }, 0);
  subscriptions.push({ dispose: () => clearTimeout(first) });
  const loadStart = (globalThis as { __keyfenceLoadStart?: number }).__keyfenceLoadStart;
  return {
    activationMs: performance.now() - started,
    loadAndActivationMs: loadStart === undefined ? undefined : performance.now() - loadStart,
    engineLoadMs: () => engineLoadMs,
    diagnostics,
    scanWorkspace: (options) => scanWorkspace(diagnostics, options),
    stopTracking: (uri, options) => stopTracking(files, uri, options),
    watcherLog,
    hasTree: (file) => engineLoaded() && engine().hasTree(file),
  };
}

function reanalyzeOpen(diagnostics: KeyFenceDiagnostics): void {
  for (const document of vscode.workspace.textDocuments) diagnostics.schedule(document, true);
}

/**
 * Cross-file state (env files, .gitignore, package.json, imported modules) is cached by path and
 * mtime; the watcher drops changed entries and re-checks open documents, instead of re-reading
 * the workspace.
 */
function watchProjectFiles(diagnostics: KeyFenceDiagnostics, files: EditorProjectFiles, log: string[]): vscode.Disposable[] {
  const watchers = [
    vscode.workspace.createFileSystemWatcher("**/{.env,.env.*,.gitignore,package.json}"),
    vscode.workspace.createFileSystemWatcher("**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}"),
  ];
  let timer: NodeJS.Timeout | undefined;
  const changed = (uri: vscode.Uri) => {
    log.push(uri.fsPath);
    if (log.length > 50) log.shift();
    files.forget(uri.fsPath);
    diagnostics.forget(uri);
    clearTimeout(timer);
    timer = setTimeout(() => reanalyzeOpen(diagnostics), 200);
  };
  const disposables: vscode.Disposable[] = [{ dispose: () => clearTimeout(timer) }];
  for (const watcher of watchers) {
    disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }
  return disposables;
}

export function deactivate(): void {}

/**
 * KeyFence for VS Code: wiring only. The analysis runs in the KeyFence language server
 * (extension/server/, its own process, started through vscode-languageclient): diagnostics, code
 * actions, the workspace scan and file watching all live there, so the extension host that every
 * extension shares never waits for KeyFence. Here: the client, the commands the editor runs itself
 * (stop tracking, which runs git once on request; opening a key page), and the language status item.
 * Every disposable goes into context.subscriptions. No workspace code runs; nothing goes over the network.
 */
import * as vscode from "vscode";
import { State } from "vscode-languageclient/node";
import { createClient, diagnosticsReceivedAt, sendSettingsOnChange } from "./client";
import { createLanguageStatus, findingsCount } from "./language-status";
import { openKeyPage } from "./open-key-page";
import { scanWorkspace, type ScanSummary } from "./scan-workspace";
import { STOP_TRACKING, stopTracking, type StopTrackingOptions } from "./stop-tracking";
import { LAST_ANALYSIS, OPEN_KEY_PAGE, type LastAnalysis } from "../server/src/protocol";

/** What `extensions.getExtension("keyfence.keyfence").exports` gives (tests read it). */
export interface KeyFenceApi {
  /** Time spent in activate(). */
  activationMs: number;
  /** From the first line of the bundle running to the end of activate(): load + activation. */
  loadAndActivationMs?: number;
  /** Resolves once the language server has answered `initialize`. */
  ready: Promise<void>;
  /** From activation to the server's `initialize` answer, once known. */
  serverStartMs(): number | undefined;
  scanWorkspace(options?: { quiet?: boolean }): Promise<ScanSummary | undefined>;
  stopTracking(uri: vscode.Uri, options?: StopTrackingOptions): Promise<boolean>;
  /** Files the watcher reported, newest last (the tests read it when something is stale). */
  watcherLog: string[];
  /** What the server's last analysis of an open document took (of that document's, given one). */
  lastAnalysis(uri?: vscode.Uri): Promise<LastAnalysis | null>;
  /** KeyFence findings in Problems (what the language status item shows). */
  findingsCount(): number;
  /** When (Date.now()) the server's diagnostics for `uri` last reached the extension host, an empty list included. */
  diagnosticsReceivedAt(uri: vscode.Uri): number | undefined;
}

export function activate(context: vscode.ExtensionContext): KeyFenceApi {
  const started = performance.now();
  const watcherLog: string[] = [];
  const client = createClient(context, watcherLog);
  let serverStartMs: number | undefined;
  const status = createLanguageStatus(() => (client.state === State.Stopped && serverStartMs !== undefined ? "$(error) KeyFence stopped" : undefined));
  context.subscriptions.push(
    status,
    client.onDidChangeState(() => status.update()),
    vscode.commands.registerCommand("keyfence.scanWorkspace", () => scanWorkspace(client)),
    // As vscode-eslint's "Restart ESLint Server": a new server process, with the current settings.
    // Answers how long until the new server answered `initialize` (ms).
    vscode.commands.registerCommand("keyfence.restartServer", async () => {
      const restarted = performance.now();
      await client.restart();
      return performance.now() - restarted;
    }),
    vscode.commands.registerCommand(STOP_TRACKING, (uri?: vscode.Uri | string, options?: StopTrackingOptions) => stopTracking(client, uri, options)),
    vscode.commands.registerCommand(OPEN_KEY_PAGE, (url?: string) => openKeyPage(url)),
    { dispose: () => void client.stop() },
  );
  const ready = client.start().then(() => {
    serverStartMs = performance.now() - started;
    context.subscriptions.push(...sendSettingsOnChange(client));
  });
  ready.catch((error: unknown) => client.error("KeyFence: the language server did not start", error, "force"));
  const loadStart = (globalThis as { __keyfenceLoadStart?: number }).__keyfenceLoadStart;
  return {
    activationMs: performance.now() - started,
    loadAndActivationMs: loadStart === undefined ? undefined : performance.now() - loadStart,
    ready,
    serverStartMs: () => serverStartMs,
    scanWorkspace: (options) => scanWorkspace(client, options),
    stopTracking: (uri, options) => stopTracking(client, uri, options),
    watcherLog,
    lastAnalysis: async (uri) => (await ready, client.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri: uri && client.code2ProtocolConverter.asUri(uri) })),
    findingsCount,
    diagnosticsReceivedAt: (uri) => diagnosticsReceivedAt.get(uri.toString()),
  };
}

export function deactivate(): void {}

/**
 * The KeyFence language server: `keyfence-language-server --stdio`, for any LSP editor.
 * It owns the open documents (incremental sync), analyses them off the editor's thread with the
 * same engine calls as the VS Code extension (extension/src/analyze.ts), publishes diagnostics,
 * answers code actions, and clears the engine's cross-file caches when watched files change.
 * Wiring only: each piece lives in its own file beside this one.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind, WorkDoneProgress,
  type InitializeParams, type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileStats } from "../../../eslint-plugin/src/engine/client/stats";
import type { Finding } from "../../../eslint-plugin/src/engine/finding";
import { analyzeFile, docsUrl, forgetEditorState, forgetFile, hasTree, lastGraphs, lastParse, lastPhases, planFixes, prepareForTyping, warmUpParser, type AnalyzeContext } from "../../src/analyze";
import { fileKind } from "../../src/file-kinds";
import { AnalysisQueue, afterWaitingMessage } from "./analysis-queue";
import { codeActions, KEYFENCE_FIX } from "./code-actions";
import { afterUntrack } from "./after-untrack";
import { EslintConfigs, withProjectRules } from "./eslint-config";
import { AFTER_UNTRACK, LAST_ANALYSIS, SCAN_WORKSPACE, SHOW_DOCUMENTATION, type LastAnalysis, type ScanParams } from "./protocol";
import { scanWorkspace } from "./scan-workspace";
import { toDiagnostics } from "./diagnostics";
import { withoutHashDisabled } from "./hash-directives";
import { OpenFirstProjectFiles } from "../../src/open-first-project-files";
import { folderSettingsFrom, settingsFrom } from "./settings";
import { filePath, fileUri } from "./uris";
import { Workspace } from "./workspace";

/** What ProposedFeatures.all + stdio gives: console.* goes to the client's log, never stdout. */
// `settings` is the top level of what the client sends (the window's: debounceMs); per-file
// settings come from workspace.settingsFor(path), a folder's own in a multi-root workspace.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();
let settings = settingsFrom(undefined);
/** The findings behind each published set of diagnostics, with the version they were computed from. */
const analyses = new Map<string, { version: number; findings: Finding[] }>();
/**
 * Open documents by path: the scan and the engine's reads ask for each file they touch (7,000 in a
 * big workspace), and VS Code keeps dozens of documents open (it opens every package.json it reads).
 */
const openByPath = new Map<string, string>();
const files = new OpenFirstProjectFiles((file) => openDocument(file)?.getText());
const queue = new AnalysisQueue((uri) => void analyze(uri));
/** The project's ESLint config for keyfence/* rules, in trusted workspaces only. */
const eslintConfigs = new EslintConfigs((line) => connection.console.log(line));
/** Documents just opened: analysed now, not after the typing debounce. */
const justOpened = new Set<string>();
/**
 * Documents just opened whose tree is built in the background after their first analysis (a
 * slice at a time), so the keystroke that types a key re-parses only what it touched. Not
 * before that analysis: a first slice ran ahead of it and delayed the first diagnostics.
 */
const toPrepare = new Set<string>();
/**
 * Open documents whose last published findings are provisional: they left out what needs a client
 * graph never built (building one the first time can take seconds on a big monorepo), so the
 * findings that need none were shown at once; the next analysis of each builds it.
 */
const provisional = new Map<string, NonNullable<LastAnalysis["provisionalBefore"]>>();
/** Files not open whose diagnostics came from a workspace scan (a later scan clears them). */
const scannedWithFindings = new Set<string>();
let client = { canCreateFiles: false, canShowDocument: false, watchesFiles: false, sendsFolderChanges: false };
let lastAnalysis: (LastAnalysis & { path: string }) | undefined;
/** The last analysis of each open document (other documents' analyses must not hide a file's). */
const lastAnalyses = new Map<string, LastAnalysis & { path: string }>();
/** The server's own event-loop delay, read and reset at each analysis: did an edit wait behind the server's work? */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
/** When each open document's latest version reached the server (Date.now()), for the timing log. */
const receivedAt = new Map<string, number>();
/**
 * An edit's analysis starts a little before its debounce ends, by about twice the document's last
 * analysis (at most half the debounce), and its diagnostics are held until the debounce ends: they
 * show when the debounce says, not an analysis later. An edit in that last stretch wastes one
 * analysis; a burst of typing still yields one. Date.now() before which each document's
 * diagnostics are not published.
 */
const publishNotBefore = new Map<string, number>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  // `clientWatchesFiles`: the client sends file events on its own (vscode-languageclient's synchronize.fileEvents).
  const options = params.initializationOptions as { settings?: unknown; clientWatchesFiles?: boolean } | undefined;
  settings = settingsFrom(options?.settings);
  eslintConfigs.updateTrust(options);
  eslintConfigs.updateTrust(options?.settings);
  workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []), settings, folderSettingsFrom(options?.settings));
  eslintConfigs.warmUp(workspace.allFolders().filter((folder) => workspace.settingsOfFolder(folder).useEslintConfig !== false));
  const capabilities = params.capabilities;
  client = {
    // Resource operations only travel in `documentChanges`, so a client listing "create" takes them
    // even without `documentChanges: true` (Neovim advertises exactly that, and applies them).
    canCreateFiles: (capabilities.workspace?.workspaceEdit?.resourceOperations ?? []).includes("create"),
    canShowDocument: capabilities.window?.showDocument?.support === true,
    // vscode-languageserver throws on listening for folder changes a client never sends.
    sendsFolderChanges: capabilities.workspace?.workspaceFolders === true,
    watchesFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && options?.clientWatchesFiles !== true,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, KEYFENCE_FIX] },
      executeCommandProvider: { commands: [SHOW_DOCUMENTATION] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: "keyfence-language-server" },
  };
});

connection.onInitialized(() => {
  // performance.now() counts from process start: load + initialize, as the log shows it.
  const codeCache = (globalThis as { __keyfenceCodeCache?: string }).__keyfenceCodeCache ?? "not asked";
  connection.console.log(`keyfence-language-server ready ${performance.now().toFixed(0)} ms after process start (CPU ${cpuMs(process.cpuUsage())} ms; code cache: ${codeCache})`);
  // Folders added or removed later (the client then sends each new folder's settings too).
  if (client.sendsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((f) => f.uri));
    const uris = [...workspace.allFolders().map(fileUri).filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)];
    workspace.setFolders(uris, settings, workspace.folderSettings());
    reanalyzeOpen();
  });
  // After `initialized`, off the answer to `initialize`: a few tens of ms of CPU, once.
  setTimeout(() => {
    const started = performance.now();
    try {
      warmUpParser();
      connection.console.log(`parser warmed up in ${(performance.now() - started).toFixed(0)} ms`);
    } catch (error) {
      // Only a head start: the first real file parses the same way, and reports its own errors.
      connection.console.log(`parser warm-up skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 0);
  if (!client.watchesFiles) return;
  // Cross-file state: env files, .gitignore, package.json and the modules code imports.
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: "**/{.env,.env.*,.dev.vars,.dev.vars.*,.gitignore,package.json}" }, { globPattern: "**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue,svelte,astro}" }],
  });
});

connection.onDidChangeConfiguration((params) => {
  const raw = (params.settings as { keyfence?: unknown } | undefined)?.keyfence;
  if (raw === undefined) return;
  settings = settingsFrom(raw);
  eslintConfigs.updateTrust(raw);
  workspace.setSettings(settings, folderSettingsFrom(raw));
  reanalyzeOpen();
});

documents.onDidOpen((event) => {
  const path = filePath(event.document.uri);
  if (path) openByPath.set(path, event.document.uri);
  justOpened.add(event.document.uri);
  toPrepare.add(event.document.uri);
});
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  const now = Date.now();
  receivedAt.set(uri, now);
  if (justOpened.delete(uri)) {
    publishNotBefore.delete(uri);
    queue.schedule(uri, 0);
    return;
  }
  const lead = Math.min(settings.debounceMs / 2, 2 * (lastAnalyses.get(uri)?.ms ?? 0));
  publishNotBefore.set(uri, now + settings.debounceMs);
  queue.schedule(uri, Math.round(settings.debounceMs - lead));
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  queue.forget(uri);
  justOpened.delete(uri);
  toPrepare.delete(uri);
  analyses.delete(uri);
  lastAnalyses.delete(uri);
  receivedAt.delete(uri);
  publishNotBefore.delete(uri);
  provisional.delete(uri);
  const path = filePath(uri);
  if (path) openByPath.delete(path);
  // Closing an editor changes nothing on disk when its text is the disk's: only its editor state
  // goes. VS Code's JSON and npm support open and close the package.json files they read, and
  // forgetting a package.json drops every client graph: a Scan Workspace in VS Code rebuilt them
  // over and over (22 builds became 43 and 123 on vercel/ai, and the scan's CPU grew with them).
  if (path) (closedAsOnDisk(path, event.document.getText()) ? forgetEditorState : forgetFile)(path);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

function closedAsOnDisk(path: string, text: string): boolean {
  try {
    // The size first: a file that differs is usually another size, and is then not read at all.
    if (statSync(path).size !== Buffer.byteLength(text)) return false;
    return readFileSync(path, "utf8") === text;
  } catch {
    return false;
  }
}

let watchTimer: NodeJS.Timeout | undefined;
connection.onDidChangeWatchedFiles((params) => {
  // One line per batch: what changed on disk is what the caches (and the client graphs) forget.
  const first = params.changes[0] && filePath(params.changes[0].uri);
  connection.console.log(`watched files: ${params.changes.length} change(s)${first ? `, first ${basename(first)}` : ""}`);
  for (const change of params.changes) {
    const path = filePath(change.uri);
    if (!path) continue;
    files.forget(path);
    forgetFile(path);
    eslintConfigs.forget(path);
  }
  clearTimeout(watchTimer);
  watchTimer = setTimeout(reanalyzeOpen, 200);
});

connection.onCodeAction(async (params) => {
  // Fixes are planned from whole findings: a provisional analysis is completed first.
  if (provisional.has(params.textDocument.uri)) {
    queue.cancel(params.textDocument.uri);
    await analyze(params.textDocument.uri);
  }
  const document = documents.get(params.textDocument.uri);
  const path = document && filePath(document.uri);
  const kind = path && fileKind(path);
  if (!document || !path || !kind) return [];
  const analysis = analyses.get(document.uri);
  return codeActions(params.context.diagnostics, {
    document,
    path,
    kind,
    findings: analysis?.version === document.version ? analysis.findings : undefined,
    planFixes: (finding) => planFixes(finding, document.getText(), context(path)),
    files,
    canCreateFiles: client.canCreateFiles,
  });
});

/** Answers which page it showed (`shown`: whether the editor says it opened it). */
connection.onExecuteCommand(async (params) => {
  if (params.command !== SHOW_DOCUMENTATION) return null;
  const rule = String(params.arguments?.[0] ?? "");
  const url = docsUrl(rule);
  if (client.canShowDocument) return { url, shown: (await connection.window.showDocument({ uri: url, external: true })).success };
  void connection.window.showInformationMessage(`keyfence/${rule}: ${url}`);
  return { url, shown: false };
});

connection.onRequest(SCAN_WORKSPACE, async (params: ScanParams | undefined, token) => {
  const graphBuildsBefore = fileStats.graphBuilds;
  const rebuildsBefore = fileStats.graphRebuildsAfterChange;
  const scanned = await scanWorkspace({
    folders: workspace.allFolders(),
    ignoredPaths: (root) => workspace.settingsOfFolder(root).ignoredPaths,
    maxBytes: (root) => workspace.settingsOfFolder(root).maxFileSizeKB * 1024,
    excludes: params?.excludes ?? {},
    openText: (file) => openDocument(file)?.getText(),
    analyze: publishScanned,
    cancelled: () => token.isCancellationRequested,
    progress: (done, total) => params?.workDoneToken !== undefined &&
      void connection.sendProgress(WorkDoneProgress.type, params.workDoneToken, { kind: "report", message: `${done} / ${total} files`, percentage: Math.round((done / total) * 100) }),
  });
  const graphs = `${fileStats.graphBuilds - graphBuildsBefore} client graph build(s), ${fileStats.graphRebuildsAfterChange - rebuildsBefore} after a change on disk`;
  connection.console.log(`scanned ${scanned.files} files in ${scanned.ms.toFixed(0)} ms (CPU ${scanned.cpuMs?.toFixed(0)} ms; ${graphs}): ${scanned.findings} finding(s)${scanned.cancelled ? " (stopped)" : ""}`);
  return scanned;
});

connection.onRequest(AFTER_UNTRACK, (params: { uri: string }) => {
  const path = filePath(params.uri);
  return path ? afterUntrack(path, { files, canCreateFiles: client.canCreateFiles }, workspace.folderOf(path)) : { providers: [] };
});

connection.onRequest(LAST_ANALYSIS, (params: { uri?: string } | undefined): LastAnalysis | null => {
  const last = params?.uri ? lastAnalyses.get(params.uri) : lastAnalysis;
  if (!last) return null;
  const { path, ...analysis } = last;
  return { ...analysis, treeBuilt: hasTree(path) };
});

connection.onShutdown(() => {
  clearTimeout(watchTimer);
  queue.dispose();
});

function context(path: string): AnalyzeContext {
  return { settings: workspace.settingsFor(path), files, stopDir: workspace.folderOf(path) };
}

/** Settings say whether this file is analysed: KeyFence on, not an ignored path, not too big. */
function analysed(path: string, text: string): boolean {
  const own = workspace.settingsFor(path);
  return own.enable && !workspace.isIgnored(path) && text.length <= own.maxFileSizeKB * 1024;
}

function openDocument(path: string): TextDocument | undefined {
  const uri = openByPath.get(path);
  return uri === undefined ? undefined : documents.get(uri);
}

/** A file the workspace scan read: its diagnostics (or none, clearing what an earlier scan reported). */
async function publishScanned(path: string, text: string): Promise<number> {
  const kind = fileKind(path);
  if (!kind || workspace.isIgnored(path) || !workspace.settingsFor(path).enable) return 0;
  const project = await projectRules(path);
  let findings: Finding[] = [];
  try {
    // A file not open is looked at once: parsed only if a rule needs its tree, nothing kept.
    findings = withoutHashDisabled(analyzeFile(path, kind, text, { ...context(path), ...project, once: !openDocument(path) }), kind, text);
  } catch (error) {
    connection.console.error(`KeyFence: scanning ${basename(path)} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const open = openDocument(path);
  const uri = open?.uri ?? fileUri(path);
  if (open) analyses.set(uri, { version: open.version, findings });
  if (findings.length || scannedWithFindings.has(uri)) {
    const document = open ?? TextDocument.create(uri, "", 0, text);
    void connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(findings, document, project.settings) });
  }
  if (findings.length) scannedWithFindings.add(uri);
  else scannedWithFindings.delete(uri);
  return findings.length;
}

/** The settings and rule options for this file: the project's ESLint config in a trusted workspace, else the editor's settings. */
async function projectRules(path: string): Promise<ReturnType<typeof withProjectRules>> {
  const folder = workspace.folderOf(path) ?? dirname(path);
  const own = workspace.settingsFor(path);
  return withProjectRules(own, own.useEslintConfig !== false ? await eslintConfigs.rulesFor(path, folder) : undefined, folder);
}

async function analyze(uri: string): Promise<void> {
  const path = filePath(uri);
  const kind = path && fileKind(path);
  if (!path || !kind) return;
  const startedAt = Date.now();
  const loopDelayMs = Math.round(loopDelay.max / 1e6);
  loopDelay.reset();
  const project = await projectRules(path);
  const configMs = Date.now() - startedAt;
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const text = document.getText();
  let findings: Finding[] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // Whether this analysis left out what needs a graph: read right after analyzeFile, which sets it
  // (a file not analysed at all is never provisional).
  let deferred = false;
  if (analysed(path, text)) {
    try {
      findings = withoutHashDisabled(analyzeFile(path, kind, text, { ...context(path), ...project, deferGraphBuilds: !provisional.has(uri) }), kind, text);
      deferred = kind === "code" && lastGraphs.deferred;
    } catch (error) {
      // A bug or an odd file must not take the server down; the log says which file.
      connection.console.error(`KeyFence: analysing ${basename(path)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  // Read before any wait below: another document's analysis meanwhile would replace them.
  const fullParse = kind === "code" ? lastParse.fullBecause : undefined;
  const phases = kind === "code" ? { ...lastPhases } : {};
  // An edit that arrived while the analysis ran (it blocks the loop) is still waiting to be read:
  // read it first. A newer version, then or while held for the debounce, has its own analysis,
  // and this one is not shown.
  await afterWaitingMessage();
  if (documents.get(uri)?.version !== version) return;
  const heldMs = Math.max(0, (publishNotBefore.get(uri) ?? 0) - Date.now());
  if (heldMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, heldMs));
    if (documents.get(uri)?.version !== version) return;
  }
  publishNotBefore.delete(uri);
  analyses.set(uri, { version, findings });
  void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(findings, document, project.settings) });
  const publishedAt = Date.now();
  const received = receivedAt.get(uri);
  const provisionalBefore = provisional.get(uri);
  lastAnalysis = {
    path, file: basename(path), version, ms, cpuMs: (cpu.user + cpu.system) / 1000, phases, findings: findings.length,
    fullParse, receivedAt: received, startedAt, configMs, heldMs, publishedAt, loopDelayMs, provisional: deferred || undefined, provisionalBefore,
  };
  lastAnalyses.set(uri, lastAnalysis);
  if (deferred) {
    // The full analysis right after, unless a newer edit comes first (then that one is full).
    provisional.set(uri, { startedAt, ms, heldMs, publishedAt, phases: lastAnalysis.phases });
    queue.schedule(uri, 0);
  } else {
    provisional.delete(uri);
  }
  if (toPrepare.delete(uri) && kind === "code" && analysed(path, text)) prepareForTyping(path, text);
  // Where an edit's time went: the wait since it arrived (debounce, queue), the config, the analysis.
  const waited = (received === undefined ? "" : `; taken up ${startedAt - received} ms after this version arrived`) + (heldMs > 0 ? `, held ${heldMs} ms for the debounce` : "") + `; longest event-loop delay since the last analysis ${loopDelayMs} ms`;
  const config = configMs >= 1 ? `, ${configMs} ms waiting for the ESLint config` : "";
  const parse = (fullParse ? `; full parse: ${fullParse}` : "") + (deferred ? "; provisional: a client graph is built next" : "");
  connection.console.log(`analysed ${basename(path)} v${version}: ${findings.length} finding(s) in ${ms.toFixed(1)} ms (CPU ${cpuMs(cpu)} ms)${waited}${config}${parse}; sent ${new Date(publishedAt).toISOString().slice(11, 23)}`);
}

function cpuMs(usage: NodeJS.CpuUsage): string {
  return ((usage.user + usage.system) / 1000).toFixed(1);
}

function reanalyzeOpen(): void {
  for (const document of documents.all()) queue.schedule(document.uri, 0);
}

// Profiled (the client's KEYFENCE_SERVER_CPU_PROF runs node with --cpu-prof): a SIGTERM, as
// when the editor's processes are stopped together, exits normally so node writes the profile.
if (process.env.KEYFENCE_SERVER_CPU_PROF) process.on("SIGTERM", () => process.exit(0));

documents.listen(connection);
connection.listen();

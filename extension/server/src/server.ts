/**
 * The KeyFence language server: `keyfence-language-server --stdio`, for any LSP editor.
 * It owns the open documents (incremental sync), analyses them off the editor's thread with the
 * same engine calls as the VS Code extension (extension/src/analyze.ts), publishes diagnostics,
 * answers code actions, and clears the engine's cross-file caches when watched files change.
 * Wiring only: each piece lives in its own file beside this one.
 */
import { basename, dirname } from "node:path";
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../../eslint-plugin/src/engine/finding";
import { analyzeFile, docsUrl, forgetFile, planFixes, type AnalyzeContext } from "../../src/analyze";
import { fileKind } from "../../src/file-kinds";
import { AnalysisQueue } from "./analysis-queue";
import { codeActions, SHOW_DOCUMENTATION } from "./code-actions";
import { EslintConfigs, withProjectRules } from "./eslint-config";
import { toDiagnostics } from "./diagnostics";
import { withoutHashDisabled } from "./hash-directives";
import { OpenFirstProjectFiles } from "../../src/open-first-project-files";
import { settingsFrom } from "./settings";
import { filePath } from "./uris";
import { Workspace } from "./workspace";

/** What ProposedFeatures.all + stdio gives: console.* goes to the client's log, never stdout. */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();
let settings = settingsFrom(undefined);
/** The findings behind each published set of diagnostics, with the version they were computed from. */
const analyses = new Map<string, { version: number; findings: Finding[] }>();
const files = new OpenFirstProjectFiles((file) => documents.all().find((d) => filePath(d.uri) === file)?.getText());
const queue = new AnalysisQueue((uri) => void analyze(uri));
/** The project's ESLint config for keyfence/* rules, in trusted workspaces only. */
const eslintConfigs = new EslintConfigs((line) => connection.console.log(line));
/** Documents just opened: analysed now, not after the typing debounce. */
const justOpened = new Set<string>();
let client = { canCreateFiles: false, canShowDocument: false, watchesFiles: false };

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = params.initializationOptions as { settings?: unknown } | undefined;
  settings = settingsFrom(options?.settings);
  eslintConfigs.updateTrust(options);
  eslintConfigs.updateTrust(options?.settings);
  eslintConfigs.warmUp(params.workspaceFolders?.map((f) => filePath(f.uri)).filter((p): p is string => p !== undefined) ?? []);
  workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []), settings);
  const capabilities = params.capabilities;
  client = {
    canCreateFiles: capabilities.workspace?.workspaceEdit?.documentChanges === true &&
      (capabilities.workspace.workspaceEdit.resourceOperations ?? []).includes("create"),
    canShowDocument: capabilities.window?.showDocument?.support === true,
    watchesFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [SHOW_DOCUMENTATION] },
    },
    serverInfo: { name: "keyfence-language-server" },
  };
});

connection.onInitialized(() => {
  // performance.now() counts from process start: load + initialize, as the log shows it.
  connection.console.log(`keyfence-language-server ready ${performance.now().toFixed(0)} ms after process start (CPU ${cpuMs(process.cpuUsage())} ms)`);
  if (!client.watchesFiles) return;
  // Cross-file state: env files, .gitignore, package.json and the modules code imports.
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: "**/{.env,.env.*,.gitignore,package.json}" }, { globPattern: "**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}" }],
  });
});

connection.onDidChangeConfiguration((params) => {
  const raw = (params.settings as { keyfence?: unknown } | undefined)?.keyfence;
  if (raw === undefined) return;
  settings = settingsFrom(raw);
  eslintConfigs.updateTrust(raw);
  workspace.setSettings(settings);
  reanalyzeOpen();
});

documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  queue.schedule(uri, justOpened.delete(uri) ? 0 : settings.debounceMs);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  queue.forget(uri);
  justOpened.delete(uri);
  analyses.delete(uri);
  const path = filePath(uri);
  if (path) forgetFile(path);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

let watchTimer: NodeJS.Timeout | undefined;
connection.onDidChangeWatchedFiles((params) => {
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

connection.onCodeAction((params) => {
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

connection.onExecuteCommand(async (params) => {
  if (params.command !== SHOW_DOCUMENTATION) return;
  const rule = String(params.arguments?.[0] ?? "");
  const url = docsUrl(rule);
  if (client.canShowDocument) await connection.window.showDocument({ uri: url, external: true });
  else connection.window.showInformationMessage(`keyfence/${rule}: ${url}`);
});

connection.onShutdown(() => {
  clearTimeout(watchTimer);
  queue.dispose();
});

function context(path: string): AnalyzeContext {
  return { settings, files, stopDir: workspace.folderOf(path) };
}

async function analyze(uri: string): Promise<void> {
  const path = filePath(uri);
  const kind = path && fileKind(path);
  if (!path || !kind) return;
  const folder = workspace.folderOf(path) ?? dirname(path);
  const project = withProjectRules(settings, await eslintConfigs.rulesFor(path, folder), folder);
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const text = document.getText();
  let findings: Finding[] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  if (settings.enable && !workspace.isIgnored(path) && text.length <= settings.maxFileSizeKB * 1024) {
    try {
      findings = withoutHashDisabled(analyzeFile(path, kind, text, { ...context(path), ...project }), kind, text);
    } catch (error) {
      // A bug or an odd file must not take the server down; the log says which file.
      connection.console.error(`KeyFence: analysing ${basename(path)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  analyses.set(uri, { version, findings });
  connection.console.log(`analysed ${basename(path)} v${version}: ${findings.length} finding(s) in ${ms.toFixed(1)} ms (CPU ${cpuMs(cpu)} ms)`);
  void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(findings, document, project.settings) });
}

function cpuMs(usage: NodeJS.CpuUsage): string {
  return ((usage.user + usage.system) / 1000).toFixed(1);
}

function reanalyzeOpen(): void {
  for (const document of documents.all()) queue.schedule(document.uri, 0);
}

documents.listen(connection);
connection.listen();

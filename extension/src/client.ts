/**
 * The KeyFence language server (extension/dist/server.js) as VS Code's extension host sees it:
 * a vscode-languageclient over node IPC, as vscode-eslint's client starts its server. The
 * documents it gets are those KeyFence reads (file-kinds.ts): code, env files, .gitignore and
 * the config formats the key scan covers. Settings and file events are synchronised by the client.
 */
import * as vscode from "vscode";
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type DocumentFilter, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/** Globs for what fileKind() reads (extension/src/file-kinds.ts), by file name: a .env file has no fixed language id. */
const PATTERNS = [
  "**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue,svelte,astro}",
  "**/{.env,.env.*,*.env,.dev.vars,.dev.vars.*,.gitignore}",
  "**/*.{json,jsonc,json5,yaml,yml,toml,py,sh,bash,zsh,ini,cfg,conf,properties,tf,tfvars,md,mdx,markdown,txt,html,htm}",
  "**/{Dockerfile,Dockerfile.*,*.Dockerfile,dockerfile,dockerfile.*,*.dockerfile,Containerfile,docker-compose*,compose.yaml,compose.yml,Makefile,.dockerignore,*.dockerignore,.npmrc,.yarnrc,.yarnrc.yml,.envrc}",
];

export const DOCUMENTS: DocumentFilter[] = PATTERNS.map((pattern) => ({ scheme: "file", pattern }));

/** Cross-file state the server caches: env files, .gitignore, package.json and the modules code imports. */
const WATCHED = ["**/{.env,.env.*,.dev.vars,.dev.vars.*,.gitignore,package.json}", "**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue,svelte,astro}"];

const NAMES = ["enable", "rules", "allow", "ignoredPaths", "maxFileSizeKB", "debounceMs", "useEslintConfig"];

function valuesOf(config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  return Object.fromEntries(NAMES.map((name) => [name, config.get(name)]));
}

/**
 * The `keyfence.*` settings as a plain object (the server reads the same names and defaults),
 * with `folders`: each workspace folder's own values (the settings are resource-scoped, so a
 * multi-root workspace can set them per folder), and `trusted`: only in a trusted workspace may
 * the server load the project's ESLint config, which runs workspace code (eslint-config.ts).
 */
export function keyfenceSettings(): Record<string, unknown> {
  const folders = Object.fromEntries((vscode.workspace.workspaceFolders ?? []).map((folder) => [
    folder.uri.toString(), valuesOf(vscode.workspace.getConfiguration("keyfence", folder.uri)),
  ]));
  return { ...valuesOf(vscode.workspace.getConfiguration("keyfence")), folders, trusted: vscode.workspace.isTrusted };
}

/**
 * When (Date.now()) the server's diagnostics for a document last reached this host, by URI: an
 * empty list too, which VS Code's diagnostics event may not signal (the editor benchmark reads it).
 */
export const diagnosticsReceivedAt = new Map<string, number>();

export function createClient(context: vscode.ExtensionContext, watcherLog: string[]): LanguageClient {
  const module = context.asAbsolutePath("extension/dist/server.js");
  // KEYFENCE_SERVER_CPU_PROF=<dir> (the editor benchmark's): the server writes a CPU profile there on exit.
  const profileDir = process.env.KEYFENCE_SERVER_CPU_PROF;
  // The server's V8 code cache (extension/server/loader.cjs) lives in the extension's own storage.
  const env = { ...process.env, KEYFENCE_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, "code-cache").fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env, ...(profileDir ? { execArgv: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}) } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const fileEvents = WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  const log = (uri: vscode.Uri) => {
    watcherLog.push(uri.fsPath);
    if (watcherLog.length > 50) watcherLog.shift();
  };
  for (const watcher of fileEvents) {
    context.subscriptions.push(watcher, watcher.onDidChange(log), watcher.onDidCreate(log), watcher.onDidDelete(log));
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    diagnosticCollectionName: "keyfence",
    synchronize: { fileEvents },
    // A function: a restarted server gets the settings as they are then.
    initializationOptions: () => ({ settings: keyfenceSettings(), clientWatchesFiles: true }),
    outputChannelName: "KeyFence",
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        diagnosticsReceivedAt.set(uri.toString(), Date.now());
        next(uri, diagnostics);
      },
    },
  };
  return new LanguageClient("keyfence", "KeyFence", serverOptions, clientOptions);
}

/**
 * Settings changes, a granted trust and added folders reach the server as one
 * `workspace/didChangeConfiguration` carrying all settings, each folder's and `trusted` (a change
 * replaces the server's settings as a whole).
 */
export function sendSettingsOnChange(client: LanguageClient): vscode.Disposable[] {
  const send = () => void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { keyfence: keyfenceSettings() } });
  return [
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration("keyfence") && send()),
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    vscode.workspace.onDidChangeWorkspaceFolders(send),
  ];
}

/**
 * A plain LSP client over stdio (vscode-languageserver-protocol, no VS Code): spawns the built
 * `keyfence-language-server --stdio`, records what the server publishes and logs, and waits for it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import {
  createProtocolConnection, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, ShowDocumentRequest,
  StreamMessageReader, StreamMessageWriter, type InitializeResult, type LogMessageParams, type ProtocolConnection, type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const SERVER = join(__dirname, "../../extension/dist/server.js");

export interface LspClient {
  connection: ProtocolConnection;
  initialized: InitializeResult;
  /** Milliseconds from spawning the process to the initialize result. */
  coldStartMs: number;
  published: PublishDiagnosticsParams[];
  logs: string[];
  shownDocuments: string[];
  /**
   * Resolves with the first publish (already received or coming) that `match` accepts, once whole:
   * when the server says that document's findings are provisional (a client graph not built yet,
   * a full analysis follows), the publish that follows it and matches.
   */
  diagnosticsWhere(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** The first matching publish, provisional or not. */
  firstDiagnosticsWhere(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/**
 * `options`: more initializationOptions beside `settings`, e.g. `{ trusted: true }`;
 * `folders`: the workspace folders (a multi-root workspace), `rootDir` alone by default;
 * `sendsFolderChanges: false`: a client that never sends workspace-folder changes; `env`: more
 * environment for the server process.
 */
export async function startServer(
  rootDir: string, settings: Record<string, unknown>, options: Record<string, unknown> = {}, folders = [rootDir], sendsFolderChanges = true, env?: NodeJS.ProcessEnv,
): Promise<LspClient> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"], env: env ? { ...process.env, ...env } : process.env });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const shownDocuments: string[] = [];
  const waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (!waiter.match(params)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params);
    }
  });
  connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => {
    logs.push(params.message);
  });
  connection.onRequest(ShowDocumentRequest.type, (params) => {
    shownDocuments.push(params.uri);
    return { success: true };
  });
  connection.listen();
  const rootUri = `file://${rootDir}`;
  const initialized = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: folders.map((folder, i) => ({ uri: `file://${folder}`, name: `folder-${i}` })),
    initializationOptions: { ...options, settings },
    capabilities: {
      workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ["create"] }, workspaceFolders: sendsFolderChanges },
      window: { showDocument: { support: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  const coldStartMs = performance.now() - started;
  await connection.sendNotification("initialized", {});
  const firstWhere = (match: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000, after = -1): Promise<PublishDiagnosticsParams> => {
    const seen = published.find((p, i) => i > after && match(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; got ${JSON.stringify(published.map((p) => [p.uri, p.version, p.diagnostics.length]))}`)), timeoutMs);
      waiters.push({ match: (p) => published.indexOf(p) > after && match(p), resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  };
  // The server publishes before it answers a later request on the same channel: once it says the
  // analysis is whole, the whole publish (if any came after `publish`) has already arrived.
  const settled = async (publish: PublishDiagnosticsParams, match: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams> => {
    for (let current = publish; ;) {
      const last = await connection.sendRequest<{ provisional?: boolean } | null>("keyfence/lastAnalysis", { uri: current.uri });
      const index = published.indexOf(current);
      if (!last?.provisional) return published.slice(index + 1).reverse().find((p) => p.uri === current.uri && match(p)) ?? current;
      current = await firstWhere((p) => p.uri === current.uri && match(p), timeoutMs, index);
    }
  };
  return {
    connection,
    initialized,
    coldStartMs,
    published,
    logs,
    shownDocuments,
    async diagnosticsWhere(match, timeoutMs = 10_000) {
      return settled(await firstWhere(match, timeoutMs), match, timeoutMs);
    },
    firstDiagnosticsWhere: (match, timeoutMs) => firstWhere(match, timeoutMs),
    async stop() {
      await connection.sendRequest("shutdown").catch(() => undefined);
      await connection.sendNotification("exit").catch(() => undefined);
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

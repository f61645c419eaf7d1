/**
 * The editor benchmark's suite, run inside the extension host of a real VS Code whose workspace
 * is a real repository (`npm run bench:editor -- <repo>`, test/editor-bench/README.md). It measures
 * and prints; it asserts nothing about time (machines differ). Results go to
 * `<workspace>/../bench-results.json`, which the launcher turns into a table.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, dirname, join } from "node:path";
import * as vscode from "vscode";
import { hostLag, keyfence, workspaceRoot } from "../extension/helpers";
import { fakeKey, keyfenceDiagnostics, open } from "../extension/support";
import { hostProfile } from "./host-profile";
import { TYPE_DONE, TYPE_REQUEST } from "./type-files";
import type { LastAnalysis } from "../../extension/server/src/protocol";

const RUNS = Number(process.env.KEYFENCE_BENCH_RUNS ?? 3);
const SCAN_RUNS = Number(process.env.KEYFENCE_BENCH_SCAN_RUNS ?? RUNS);
/** How many of the scans run in a server just restarted (cold: no client graph, route summary or warm JIT yet). */
const COLD_SCANS = Math.min(SCAN_RUNS, Number(process.env.KEYFENCE_BENCH_COLD_SCANS ?? 1));
/** How long a big file is open before the key is typed ("opened a few seconds earlier"). */
const OPEN_WAIT_MS = Number(process.env.KEYFENCE_BENCH_OPEN_WAIT_MS ?? 3000);
const SIZES = (process.env.KEYFENCE_BENCH_SIZES ?? "5000,30000").split(",").map(Number);
const WAIT_MS = 120_000;
const MAX_BYTES = 1024 * (vscode.workspace.getConfiguration("keyfence").get<number>("maxFileSizeKB") ?? 1024) * 0.95;

/** Where an edit's (or open's) time went, from both sides' Date.now(): editor → server, the server's wait (debounce, queue), server → editor's diagnostics event. */
export interface Legs { wholeMs?: number; toHostEventMs?: number; toServerMs?: number; waitedMs?: number; configMs?: number; heldMs?: number; toEditorMs?: number; fullParse?: string; serverLoopDelayMs?: number }
export interface ColdOpen extends Legs { file: string; firstDiagnosticsMs: number; serverMs?: number; serverCpuMs?: number; phases?: Record<string, number>; findings: number; blockMs: number }
export interface Scan { files: number; ms: number; cpuMs?: number; findings: number; cancelled: boolean; blockMs: number; cold: boolean }
export interface Keystroke extends Legs {
  via: "keyboard" | "edit API";
  latencyMs: number;
  afterDebounceMs: number;
  /**
   * The part a language server answers for: from VS Code's change event on the extension host
   * (the client sends the edit on it) to the server sending the diagnostics, less the debounce.
   * It leaves out the renderer → host leg of the keystroke and what follows the send: the host
   * taking the message up (its event loop is VS Code's and every extension's) and VS Code's own
   * 50 ms debounce of its diagnostics event. `toHostMs` shows the first of those.
   */
  keyfenceMs?: number;
  /** The server's send → the language client's receipt on the host. */
  toHostMs?: number;
  serverMs?: number;
  serverCpuMs?: number;
  phases?: Record<string, number>;
  treeBuilt?: boolean;
  blockMs: number;
}
export interface BenchResults {
  workspace: string;
  loadBefore: number[];
  loadAfter?: number[];
  debounceMs: number;
  serverStartMs?: number;
  /** "KeyFence: Restart Server" → the new server's `initialize` answer (its start with the code cache). */
  serverRestartMs?: number;
  activationMs?: number;
  cold: ColdOpen[];
  scans: Scan[];
  typing: Record<string, { openBlockMs: number; keystrokes: Keystroke[] }>;
  notes: string[];
}

export async function run(): Promise<void> {
  const root = workspaceRoot();
  const resultsFile = join(dirname(root), "bench-results.json");
  const debounceMs = vscode.workspace.getConfiguration("keyfence").get<number>("debounceMs") ?? 300;
  const results: BenchResults = { workspace: root, loadBefore: loadavg(), debounceMs, cold: [], scans: [], typing: {}, notes: [] };
  const save = () => writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  const log = (line: string) => {
    console.log(`[editor-bench] ${line}`);
    results.notes.push(line);
    save();
  };
  try {
    // Chosen before anything is timed: reading files here must not count.
    const clientFiles = await useClientFiles(RUNS);
    // TypeScript's extension activates on the first TS file and blocks the shared host while it
    // does: activated first, so the blocks measured below are KeyFence's (and the editor's).
    await vscode.extensions.getExtension("vscode.typescript-language-features")?.activate();
    const api = await keyfence();
    await api.ready;
    const readyAt = Date.now();
    results.activationMs = api.activationMs;
    results.serverStartMs = api.serverStartMs();
    log(`server started ${results.serverStartMs?.toFixed(0)} ms after activation; "use client" files: ${clientFiles.map((f) => f.slice(root.length + 1)).join(", ")}`);

    for (const file of clientFiles) {
      const uri = vscode.Uri.file(file);
      // Timed inside the profiled run: the profiler's own start and stop (up to seconds on a
      // loaded machine) are not the editor's latency.
      let openAt = 0;
      let seenAt = 0;
      const { result: { result: analysis, longestBlockMs }, byScript } = await hostProfile(() =>
        hostLag(async () => {
          openAt = Date.now();
          await open(file);
          seenAt = await diagnosticsReceived(api, uri, openAt);
          return firstPublish(await analysedOnce(api, uri))!;
        }),
      );
      const cold: ColdOpen = { file: file.slice(root.length + 1), firstDiagnosticsMs: seenAt - openAt, serverMs: analysis?.ms, serverCpuMs: analysis?.cpuMs, phases: analysis?.phases, findings: keyfenceDiagnostics(uri).length, blockMs: longestBlockMs, ...legs(analysis, openAt) };
      results.cold.push(cold);
      log(`cold open ${cold.file}: diagnostics after ${cold.firstDiagnosticsMs.toFixed(0)} ms (${legText(cold)}; server analysis ${analysis?.ms.toFixed(0)} ms, CPU ${analysis?.cpuMs.toFixed(0)} ms: ${phaseText(analysis?.phases)}), ${cold.findings} finding(s), longest host block ${longestBlockMs.toFixed(0)} ms; host CPU by script: ${scripts(byScript)}`);
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    }

    // The server again, as "KeyFence: Restart Server" starts it: by now the first server has
    // written its V8 code cache (5 s after its start), which a user's every later start uses.
    const sinceReady = Date.now() - readyAt;
    if (sinceReady < 6000) await new Promise((r) => setTimeout(r, 6000 - sinceReady));
    results.serverRestartMs = await vscode.commands.executeCommand<number>("keyfence.restartServer");
    log(`restarted the server: initialize answered ${results.serverRestartMs?.toFixed(0)} ms after the command (code cache written by the first server)`);

    for (let i = 0; i < SCAN_RUNS; i++) {
      const cold = i < COLD_SCANS;
      // The first scan follows the restart above; each further cold one gets a server of its own.
      if (cold && i > 0) {
        await new Promise((r) => setTimeout(r, 6000));
        await vscode.commands.executeCommand<number>("keyfence.restartServer");
      }
      const { result: { result: summary, longestBlockMs }, byScript } = await hostProfile(() => hostLag(() => api.scanWorkspace({ quiet: true })));
      if (!summary) throw new Error("the scan returned nothing");
      results.scans.push({ files: summary.files, ms: summary.ms, cpuMs: summary.cpuMs, findings: summary.findings, cancelled: summary.cancelled, blockMs: longestBlockMs, cold });
      log(`scan ${i + 1} (${cold ? "cold: a server just restarted" : "warm: the same server again"}): ${summary.files} files in ${(summary.ms / 1000).toFixed(2)} s (server CPU ${((summary.cpuMs ?? 0) / 1000).toFixed(2)} s), ${summary.findings} findings, longest host block ${longestBlockMs.toFixed(0)} ms; host CPU by script: ${scripts(byScript)}`);
    }

    for (const size of SIZES) {
      results.typing[size] = await typeInto(size, root, debounceMs, api, log);
      save();
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    }
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  } finally {
    results.loadAfter = loadavg();
    save();
  }
}

type Api = Awaited<ReturnType<typeof keyfence>>;

/**
 * A generated file of `size` lines, opened OPEN_WAIT_MS before a key is typed mid-file; then the
 * key is removed and typed again at another line, RUNS times in all.
 */
async function typeInto(size: number, root: string, debounceMs: number, api: Api, log: (line: string) => void) {
  const dir = join(root, "keyfence-editor-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `generated-${size}.ts`);
  // The extension test's line (~80 characters) where the file stays under keyfence.maxFileSizeKB
  // (1 MB: a bigger file is not analysed at all), else a ~20-character line.
  const long = (i: number) => `export const value${i} = { id: ${i}, label: "item ${i}", tags: ["a", "b"] };`;
  const short = (i: number) => `const v${i} = ${i};`;
  const line = size * (long(size).length + 1) < MAX_BYTES ? long : short;
  const lines = Array.from({ length: size }, (_, i) => line(i));
  if (Buffer.byteLength(lines.join("\n")) > MAX_BYTES) throw new Error(`a ${size}-line file is over keyfence.maxFileSizeKB`);
  writeFileSync(file, lines.join("\n") + "\n");
  const { result: { result: editor, longestBlockMs: openBlockMs }, byScript } = await hostProfile(() => hostLag(async () => {
    const opened = await open(file);
    await new Promise((r) => setTimeout(r, OPEN_WAIT_MS));
    return opened;
  }));
  log(`${size}-line file (${(Buffer.byteLength(lines.join("\n")) / 1024).toFixed(0)} KB) open for ${OPEN_WAIT_MS} ms: longest host block ${openBlockMs.toFixed(0)} ms; host CPU by script: ${scripts(byScript)}`);
  const keystrokes: Keystroke[] = [];
  for (let i = 0; i < RUNS; i++) {
    const line = Math.floor(size / 2) + i * 7;
    const key = fakeKey("openai", 900 + i);
    // The key is written with the edit API but its closing quote (an unterminated string: no
    // finding), and the keystroke that completes it, the quote, is typed where a user types: the
    // launcher presses it in the renderer (Playwright). One real keystroke, one edit, timed from
    // the key press (an edit API call adds its own round trip through the renderer).
    const head = `export const leaked = "${key}`;
    const text = `${head}"; `;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), `${head}; `));
    await settled(api, editor.document);
    editor.selection = new vscode.Selection(line, head.length, line, head.length);
    await vscode.window.showTextDocument(editor.document, { preview: false, selection: editor.selection });
    let editAt = 0;
    // When VS Code's change event reaches this host (the renderer → host leg of the edit).
    let changeAt = 0;
    const changed = vscode.workspace.onDidChangeTextDocument((e) => {
      if (changeAt === 0 && e.document.uri.toString() === editor.document.uri.toString()) changeAt = Date.now();
    });
    let via: Keystroke["via"] = "keyboard";
    const { result: { result: eventAt, longestBlockMs }, byScript } = await hostProfile(() => hostLag(async () => {
      const typedAt = await typeInRenderer('"');
      if (typedAt === undefined) {
        // No launcher to type (the suite run some other way): the edit API, which adds that round trip.
        via = "edit API";
        editAt = Date.now();
        await editor.edit((e) => e.insert(new vscode.Position(line, head.length), '"'));
      } else {
        editAt = typedAt;
      }
      return await diagnosticsCount(editor.document.uri, 1);
    }));
    changed.dispose();
    const typed = editor.document.lineAt(line).text;
    if (!typed.startsWith(text)) throw new Error(`line ${line + 1} reads ${JSON.stringify(typed.slice(0, 30))}…${JSON.stringify(typed.slice(head.length - 4, head.length + 4))} after the keystroke, not the key line (editor focus? auto-closed quote?)`);
    // From the keystroke to VS Code's diagnostics event, both inside the profiled run (see the cold open).
    const latencyMs = eventAt - editAt;
    // Read at once: a whole analysis after a provisional publish (publish-first) comes later.
    const receivedAt = api.diagnosticsReceivedAt(editor.document.uri);
    const analysis = firstPublish(await api.lastAnalysis(editor.document.uri));
    const stroke: Keystroke = {
      via, latencyMs, afterDebounceMs: latencyMs - debounceMs, serverMs: analysis?.ms, serverCpuMs: analysis?.cpuMs, phases: analysis?.phases, treeBuilt: analysis?.treeBuilt, blockMs: longestBlockMs,
      ...legs(analysis, editAt, eventAt), toHostEventMs: changeAt ? changeAt - editAt : undefined,
      keyfenceMs: changeAt && analysis?.publishedAt ? analysis.publishedAt - changeAt - debounceMs : undefined,
      toHostMs: analysis?.publishedAt && receivedAt !== undefined && receivedAt >= analysis.publishedAt ? receivedAt - analysis.publishedAt : undefined,
    };
    keystrokes.push(stroke);
    log(`${size} lines, keystroke ${i + 1} (${via}): diagnostic ${latencyMs.toFixed(0)} ms after it (${stroke.afterDebounceMs.toFixed(0)} ms after the ${debounceMs} ms debounce; KeyFence's part, the host's change event → the server sends the diagnostics, after the debounce: ${stroke.keyfenceMs?.toFixed(0) ?? "–"} ms, sent → the host's receipt ${stroke.toHostMs?.toFixed(0) ?? "–"} ms; ${legText(stroke)}), server ${analysis?.ms.toFixed(1)} ms (CPU ${analysis?.cpuMs.toFixed(1)} ms; ${phaseText(analysis?.phases)}), longest host block ${longestBlockMs.toFixed(0)} ms; host CPU by script: ${scripts(byScript)}`);
    await editor.edit((e) => e.delete(new vscode.Range(line, 0, line, text.length)));
    await diagnosticsCount(editor.document.uri, 0);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { openBlockMs, keystrokes };
}

let typeRequests = 0;

/**
 * Asks the launcher to type `text` into the focused editor with the renderer's keyboard, and
 * returns when it did (its Date.now() before the keys); undefined when no launcher answers.
 */
async function typeInRenderer(text: string): Promise<number | undefined> {
  const dir = dirname(workspaceRoot());
  const id = ++typeRequests;
  writeFileSync(join(dir, TYPE_REQUEST), JSON.stringify({ id, text }));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      const done = JSON.parse(readFileSync(join(dir, TYPE_DONE), "utf8")) as { id: number; typedAt: number };
      if (done.id === id) return done.typedAt;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return undefined;
}

/** Resolves when the server has analysed the document's current version. */
async function settled(api: Api, document: vscode.TextDocument): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while ((await api.lastAnalysis(document.uri))?.version !== document.version) {
    if (Date.now() > deadline) throw new Error(`${document.uri.fsPath} v${document.version} not analysed within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves (with its Date.now()) when `uri` has `count` KeyFence diagnostics: on VS Code's event, not a polling interval. */
function diagnosticsCount(uri: vscode.Uri, count: number): Promise<number> {
  return new Promise((done, fail) => {
    const stop = () => {
      listener.dispose();
      clearTimeout(timer);
    };
    const check = () => keyfenceDiagnostics(uri).length === count && (stop(), done(Date.now()));
    const listener = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => (stop(), fail(new Error(`${uri.fsPath}: not ${count} diagnostic(s) within ${WAIT_MS} ms`))), WAIT_MS);
    check();
  });
}

/**
 * The analysis whose diagnostics the editor saw first: when the server published provisional
 * findings first (a client graph to build), that one, with the full analysis's time beside it.
 */
function firstPublish(analysis: LastAnalysis | null): (LastAnalysis & { wholeMs?: number }) | null {
  const first = analysis?.provisionalBefore;
  if (!analysis || !first) return analysis;
  return { ...analysis, ...first, wholeMs: analysis.ms, provisional: true };
}

/** The legs of one edit's (or open's) trip, from the editor's times and the server's record. */
function legs(analysis: LastAnalysis | null | undefined, sentAt: number, eventAt?: number): Legs {
  if (!analysis?.receivedAt || !analysis.startedAt || !analysis.publishedAt) return { fullParse: analysis?.fullParse };
  return {
    toServerMs: analysis.receivedAt - sentAt,
    waitedMs: analysis.startedAt - analysis.receivedAt,
    configMs: analysis.configMs,
    heldMs: analysis.heldMs,
    toEditorMs: eventAt === undefined ? undefined : eventAt - analysis.publishedAt,
    fullParse: analysis.fullParse,
    wholeMs: (analysis as { wholeMs?: number }).wholeMs,
    serverLoopDelayMs: analysis.loopDelayMs,
  };
}

function legText(l: Legs): string {
  const part = (label: string, value: number | undefined) => (value === undefined ? [] : [`${label} ${value.toFixed(0)} ms`]);
  return [
    ...part("edit → host's change event", l.toHostEventMs), ...part("editor → server", l.toServerMs), ...part("(server's longest event-loop delay before it", l.serverLoopDelayMs).map((t) => `${t})`), ...part("server wait (debounce, queue)", l.waitedMs), ...part("ESLint config", l.configMs), ...part("analysis done, held for the debounce", l.heldMs),
    ...part("sent → editor's event", l.toEditorMs), ...(l.fullParse ? [`full parse: ${l.fullParse}`] : []),
    ...part("published first without the client graph; the whole analysis (building it) took", l.wholeMs),
  ].join(", ");
}

function scripts(byScript: Array<[string, number]>): string {
  return byScript.map(([script, ms]) => `${script} ${ms.toFixed(0)} ms`).join(", ");
}

function phaseText(phases: Record<string, number> | undefined): string {
  return Object.entries(phases ?? {}).map(([phase, ms]) => `${phase} ${ms.toFixed(1)}`).join(", ");
}

/**
 * When the server's diagnostics for `uri`, sent after `since`, reached this host (an empty list
 * too: a file without findings publishes one, which VS Code's event may not signal). Read from the
 * client's own record, so the wait asks the server nothing (a busy server would delay the answer).
 */
async function diagnosticsReceived(api: Api, uri: vscode.Uri, since: number): Promise<number> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const at = api.diagnosticsReceivedAt(uri);
    if (at !== undefined && at >= since) return at;
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri.fsPath} within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * The first diagnostics of a just-opened file: the server's analysis of that document, which it
 * publishes at once (a file without findings publishes an empty list, which VS Code may not
 * signal, so the server's record of the document's analysis is what is awaited).
 */
async function analysedOnce(api: Api, uri: vscode.Uri): Promise<LastAnalysis> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const last = await api.lastAnalysis(uri);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`no analysis of ${uri.fsPath} within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `count` files that start with "use client", with different names, spread over the workspace. */
async function useClientFiles(count: number): Promise<string[]> {
  const candidates = await vscode.workspace.findFiles("**/*.{tsx,jsx,ts,js}", "**/node_modules/**", 20_000);
  const seen = new Set<string>();
  const found = candidates
    .map((uri) => uri.fsPath)
    .sort()
    .filter((path) => {
      if (seen.has(basename(path))) return false;
      const head = readFileSync(path, "utf8").slice(0, 200).trimStart();
      if (!/^["']use client["']/.test(head)) return false;
      seen.add(basename(path));
      return true;
    });
  if (found.length === 0) throw new Error('the workspace has no "use client" file');
  const step = Math.max(1, Math.floor(found.length / count));
  return Array.from({ length: Math.min(count, found.length) }, (_, i) => found[i * step]);
}

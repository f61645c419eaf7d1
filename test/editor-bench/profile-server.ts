/**
 * Where the language server spends its time on a real repository: builds an unminified server,
 * runs it with `--cpu-prof` over stdio, asks it for `keyfence/scanWorkspace` of `<repo>` (the
 * heaviest thing the editor asks), and prints the functions and modules with the most self time.
 *   npx tsx test/editor-bench/profile-server.ts <repo> [--open <file>]
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import {
  createProtocolConnection, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter, type LogMessageParams,
} from "vscode-languageserver-protocol/node";
import { SCAN_WORKSPACE, type ScanSummary } from "../../extension/server/src/protocol";
import { wasmResolverPackage } from "../../extension/wasm-resolver.cjs";

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "out/editor-bench/profile");

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

async function main(): Promise<void> {
  const repo = resolve(process.argv[2] ?? "");
  const openIndex = process.argv.indexOf("--open");
  const openFile = openIndex > 0 ? resolve(process.argv[openIndex + 1]) : undefined;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = join(OUT, "server.js");
  // As extension/build.mjs bundles it: oxc-resolver's wasm build, its .wasm beside server.js.
  const wasmResolver = wasmResolverPackage(ROOT);
  copyFileSync(join(wasmResolver, "resolver.wasm32-wasi.wasm"), join(OUT, "resolver.wasm32-wasi.wasm"));
  await build({
    entryPoints: [join(ROOT, "extension/server/src/server.ts")], outfile: server, bundle: true, platform: "node", format: "cjs", target: "node20",
    alias: {
      "oxc-parser": join(ROOT, "extension/src/shims/oxc-parser.ts"),
      "oxc-resolver": join(ROOT, "extension/src/shims/oxc-resolver.ts"),
      "@oxc-resolver/binding-wasm32-wasi": wasmResolver,
      "jsonc-parser": join(ROOT, "node_modules/jsonc-parser/lib/esm/main.js"),
    },
    logLevel: "warning",
  });
  const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir", OUT, server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  connection.onNotification(LogMessageNotification.type, (p: LogMessageParams) => void logs.push(p.message));
  let published = 0;
  connection.onNotification(PublishDiagnosticsNotification.type, () => void published++);
  connection.listen();
  const rootUri = `file://${repo}`;
  const started = performance.now();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: "repo" }],
    initializationOptions: { settings: {} }, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  console.log(`initialize answered after ${(performance.now() - started).toFixed(0)} ms`);
  await connection.sendNotification("initialized", {});
  if (openFile) {
    const t = performance.now();
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: `file://${openFile}`, languageId: "typescriptreact", version: 1, text: readFileSync(openFile, "utf8") } });
    while (published === 0) await new Promise((r) => setTimeout(r, 10));
    console.log(`open ${openFile}: diagnostics after ${(performance.now() - t).toFixed(0)} ms`);
  }
  const summary = await connection.sendRequest<ScanSummary>(SCAN_WORKSPACE, {});
  console.log(`scan: ${summary.files} files in ${(summary.ms / 1000).toFixed(1)} s, ${summary.findings} findings`);
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  await new Promise((r) => child.once("exit", r));
  connection.dispose();
  const slow = logs.filter((l) => /^analysed .* in (\d+)/.test(l)).sort((a, b) => msOf(b) - msOf(a)).slice(0, 5);
  if (slow.length) console.log(`slowest analyses:\n  ${slow.join("\n  ")}`);
  const file = readdirSync(OUT).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("no .cpuprofile written");
  summarise(JSON.parse(readFileSync(join(OUT, file), "utf8")) as Profile);
  console.log(`profile: ${join(OUT, file)} (open it in Chrome DevTools → Performance)`);
}

function msOf(line: string): number {
  return Number(/ in ([\d.]+) ms/.exec(line)?.[1] ?? 0);
}

/** Self time per function and per module (the bundle's `// path` comments name the module). */
function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const modules = moduleOfLine();
  const byModule = new Map<string, number>();
  for (const [id, ms] of self) {
    const { url, lineNumber } = byId.get(id)!.callFrame;
    const module = url.endsWith("server.js") ? modules(lineNumber) : url ? url.replace(/^.*\/node_modules\//, "") : byId.get(id)!.callFrame.functionName;
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`).join("\n");
  console.log(`self time, ${total.toFixed(0)} ms sampled; by module:\n${top(byModule, 15)}\nby function:\n${top(byFunction, 20)}`);
}

/** esbuild's unminified bundle marks each module with a `// path` line: line number → module. */
function moduleOfLine(): (line: number) => string {
  const lines = readFileSync(join(OUT, "server.js"), "utf8").split("\n");
  const starts: Array<[number, string]> = [];
  lines.forEach((text, i) => {
    const match = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(text);
    if (match) starts.push([i, match[1].replace(/^.*node_modules\//, "")]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = "(bundle prelude)";
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= line) {
        found = starts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

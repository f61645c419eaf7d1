// Scan Workspace benchmark: drives the built language server (extension/dist/server.js) over
// stdio with a plain LSP client, asks `keyfence/scanWorkspace` on <folder>, and prints the files,
// the findings, the scan's wall time, the server's CPU time and its peak RSS (from /proc).
//
//   node scripts/scan-bench.mjs <folder> [--build] [--trusted] [--out findings.txt] [--cpu-prof dir] [--open N] [--runs N]
//
// --build       rebuilds the server first (node extension/build.mjs --server-only)
// --trusted     says the workspace is trusted (the server then asks the project's ESLint config)
// --out FILE    writes every published diagnostic, one line each (file:line:col rule), sorted, so
//               two runs (before/after a change) can be compared with `diff`
// --cpu-prof D  runs the server with `node --cpu-prof --cpu-prof-dir=D`
// --server F    runs that server bundle instead (e.g. an unminified build, for readable profiles)
// --open N      opens N package.json documents first, as VS Code does (it opens each one it reads)
// --runs N      scans N times in the same server (the first is cold; later ones reuse its caches)
// A benchmark, not a test: nothing is asserted. Keys never appear in the output (no messages).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const require = createRequire(import.meta.url);
const {
  createProtocolConnection, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
} = require("vscode-languageserver-protocol/node");

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args.splice(i, 1), true) : false;
};
const out = option("--out");
const cpuProf = option("--cpu-prof");
const trusted = flag("--trusted");
const rebuild = flag("--build");
const serverOption = option("--server");
const openCount = Number(option("--open") ?? 0);
const runs = Number(option("--runs") ?? 1);
const folder = args[0] && resolve(args[0]);
if (!folder) {
  console.error("usage: node scripts/scan-bench.mjs <folder> [--build] [--trusted] [--out findings.txt] [--cpu-prof dir] [--server file.js] [--open N] [--runs N]");
  process.exit(2);
}
if (rebuild) {
  const built = spawnSync(process.execPath, [join(root, "extension/build.mjs"), "--server-only"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = serverOption ? resolve(serverOption) : join(root, "extension/dist/server.js");
const nodeArgs = cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${resolve(cpuProf)}`] : [];
const child = spawn(process.execPath, [...nodeArgs, server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
/** The last diagnostics published per file (a later publish replaces an earlier one). */
const diagnostics = new Map();
const logs = [];
connection.onNotification(PublishDiagnosticsNotification.type, (p) => diagnostics.set(p.uri, p.diagnostics));
connection.onNotification(LogMessageNotification.type, (p) => logs.push(p.message));
connection.listen();

const rootUri = `file://${folder}`;
await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: "workspace" }],
  initializationOptions: { trusted, settings: {} },
  capabilities: {},
});
await connection.sendNotification("initialized", {});
// --open N: N package.json documents open first, as in VS Code (its JSON and npm support open
// every package.json they read): the scan asks for each file whether an editor holds it.
for (const file of packageJsonFiles(folder, openCount)) {
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: `file://${file}`, languageId: "json", version: 1, text: readFileSync(file, "utf8") } });
}

const scans = [];
for (let run = 0; run < runs; run++) {
  const cpuBefore = cpuMsOf(child.pid);
  const started = performance.now();
  const summary = await connection.sendRequest("keyfence/scanWorkspace", {});
  scans.push({ summary, wallMs: performance.now() - started, cpuMs: cpuMsOf(child.pid) - cpuBefore });
  // Diagnostics are notifications sent before the answer; one round trip more lets the last arrive.
  await new Promise((r) => setTimeout(r, 200));
}
const { summary, wallMs, cpuMs } = scans[0];
const peakRssMb = peakRssOf(child.pid);

const published = [...diagnostics].filter(([, d]) => d.length > 0);
const count = published.reduce((n, [, d]) => n + d.length, 0);
console.log(`folder        ${folder}${trusted ? " (trusted)" : ""}`);
console.log(`files         ${summary.files} (skipped: ${JSON.stringify(summary.skipped)})`);
console.log(`findings      ${summary.findings} in ${summary.filesWithFindings} files (published: ${count} in ${published.length} files)`);
console.log(`wall          ${(wallMs / 1000).toFixed(2)} s (server's own count: ${(summary.ms / 1000).toFixed(2)} s)`);
console.log(`server CPU    ${(cpuMs / 1000).toFixed(2)} s (during the scan)`);
for (const [i, later] of scans.slice(1).entries()) {
  console.log(`scan ${i + 2}        wall ${(later.wallMs / 1000).toFixed(2)} s, server CPU ${(later.cpuMs / 1000).toFixed(2)} s, ${later.summary.findings} findings`);
}
console.log(`peak RSS      ${peakRssMb.toFixed(0)} MB (server process, whole life)`);
const scannedLine = logs.find((l) => l.startsWith("scanned "));
if (scannedLine) console.log(`server log    ${scannedLine}`);
const errors = logs.filter((l) => /failed/.test(l));
if (errors.length) console.log(`errors        ${errors.length}: ${errors.slice(0, 3).join(" | ")}`);

if (out) {
  const lines = [];
  for (const [uri, list] of published) {
    const file = relative(folder, fileURLToPath(uri));
    for (const d of list) lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.severity}`);
  }
  lines.sort();
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`wrote         ${lines.length} lines to ${out}`);
}

await connection.sendRequest("shutdown").catch(() => undefined);
await connection.sendNotification("exit").catch(() => undefined);
await new Promise((r) => (child.exitCode === null ? child.once("exit", r) : r()));
connection.dispose();

/** The process's user + system CPU time so far, in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks). */
function cpuMsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** VmHWM: the peak resident set size, in MB. */
function peakRssOf(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Up to `count` package.json files under `root`, breadth first, node_modules skipped. */
function packageJsonFiles(root, count) {
  const found = [];
  const queue = [root];
  while (queue.length && found.length < count) {
    const dir = queue.shift();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) queue.push(join(dir, entry.name));
      else if (entry.name === "package.json" && found.length < count) found.push(join(dir, entry.name));
    }
  }
  return found;
}

/**
 * `npm run bench:editor -- <repo>`: the editor benchmark in a real VS Code (code-server), with
 * the packed .vsix, on a copy of `<repo>` as the workspace. Prints the suite's lines as they come
 * and a Markdown table of medians (see test/editor-bench/README.md).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { REPO, startSession, testPayload } from "../e2e/code-server";
import type { BenchResults } from "./bench";
import { TYPE_DONE, TYPE_REQUEST } from "./type-files";

const SUITE = join(REPO, "out/test/editor-bench/bench.js");
const TIMEOUT_MS = Number(process.env.KEYFENCE_BENCH_TIMEOUT_MS ?? 1_200_000);

async function main(): Promise<number> {
  const repo = process.argv[2] && resolve(process.argv[2]);
  if (!repo || !existsSync(repo)) {
    console.error("usage: npm run bench:editor -- <repository folder> (e.g. /work/ext/ai, a snapshot of github.com/vercel/ai)");
    return 2;
  }
  const started = Date.now();
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(" ")} (${cpus().length} cores)`);
  // TypeScript's project server would load the whole monorepo beside us on a 2-core machine:
  // syntax-only keeps the numbers KeyFence's (the e2e suite does the same).
  // KEYFENCE_BENCH_SETTINGS: more user settings as JSON (e.g. to see what another feature costs).
  const extra = JSON.parse(process.env.KEYFENCE_BENCH_SETTINGS ?? "{}") as Record<string, unknown>;
  // The typed quote must stay one quote (the suite completes a key with it): no auto-closing.
  const session = await startSession({ settings: { "typescript.tsserver.useSyntaxServer": "always", "editor.autoClosingQuotes": "never", ...extra }, seed: repo });
  const resultsFile = join(session.root, "bench-results.json");
  let printed = 0;
  const printNew = () => {
    if (!existsSync(resultsFile)) return;
    let notes: string[];
    try {
      notes = (JSON.parse(readFileSync(resultsFile, "utf8")) as BenchResults).notes;
    } catch {
      return; // the suite is writing the file right now: read it on the next tick
    }
    for (; printed < notes.length; printed++) console.log(`  ${notes[printed]}`);
  };
  const ticker = setInterval(printNew, 1000);
  // The suite's keystrokes: typed with the renderer's keyboard, as a user types (bench.ts typeInRenderer).
  let typed = 0;
  let typing = false;
  const typist = setInterval(() => {
    const request = join(session.root, TYPE_REQUEST);
    if (typing || !existsSync(request)) return;
    let asked: { id: number; text: string };
    try {
      asked = JSON.parse(readFileSync(request, "utf8")) as { id: number; text: string };
    } catch {
      return; // being written
    }
    if (asked.id <= typed) return;
    typing = true;
    const typedAt = Date.now();
    void session.page.keyboard.type(asked.text).then(() => {
      typed = asked.id;
      writeFileSync(join(session.root, TYPE_DONE), JSON.stringify({ id: asked.id, typedAt }));
    }).finally(() => (typing = false));
  }, 5);
  try {
    const exitCode = new Promise<number>((done) => void session.page.exposeFunction("codeAutomationExit", (code: number) => done(code)));
    await session.page.goto(session.url({ payload: testPayload(session, SUITE) }));
    const code = await Promise.race([exitCode, new Promise<number>((done) => setTimeout(() => done(-1), TIMEOUT_MS))]);
    printNew();
    if (code !== 0) {
      console.error(code === -1 ? `the bench did not finish within ${TIMEOUT_MS / 1000} s` : "the bench suite failed (see the log below)");
      console.error(session.log.join("").slice(-4000));
    }
    if (existsSync(resultsFile)) console.log("\n" + table(JSON.parse(readFileSync(resultsFile, "utf8")) as BenchResults));
    saveServerLog(session.root);
    console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    return code === 0 ? 0 : 1;
  } finally {
    clearInterval(ticker);
    clearInterval(typist);
    await session.close();
  }
}

/** The server's log (VS Code keeps each output channel in a file): per-analysis times, the scan. */
function saveServerLog(root: string): void {
  const logs = readdirSync(join(root, "user-data/logs"), { recursive: true, encoding: "utf8" }).filter((f) => /KeyFence\.log$/.test(f));
  if (logs.length === 0) return;
  mkdirSync(join(REPO, "out/editor-bench"), { recursive: true });
  const target = join(REPO, "out/editor-bench/server.log");
  // One file per server session (a restart starts another): all of them, in order.
  writeFileSync(target, logs.sort().map((log) => readFileSync(join(root, "user-data/logs", log), "utf8")).join("\n"));
  if (existsSync(join(root, "bench-results.json"))) copyFileSync(join(root, "bench-results.json"), join(REPO, "out/editor-bench/results.json"));
  console.log(`the server's log: ${target}`);
}

function median(values: (number | undefined)[]): number | undefined {
  const sorted = values.filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value: number | undefined) => (value === undefined ? "–" : `${Math.round(value).toLocaleString("en")} ms`);
const all = (values: (number | undefined)[]) => values.map((v) => (v === undefined ? "–" : Math.round(v).toLocaleString("en"))).join(" / ");

/** The README table: medians, with every run's value beside them. */
export function table(r: BenchResults): string {
  const rows: string[][] = [];
  const scanFiles = r.scans[0]?.files;
  rows.push(["server cold start (activation → `initialize` answered)", ms(r.serverStartMs), "", "–"]);
  if (r.serverRestartMs !== undefined) rows.push(["server restart with its code cache (KeyFence: Restart Server → `initialize` answered)", ms(r.serverRestartMs), "", "–"]);
  rows.push([`open a \`"use client"\` file cold → first diagnostics (${r.cold.length} files; the first is the server's first file)`,
    `${ms(median(r.cold.map((c) => c.firstDiagnosticsMs)))} (${all(r.cold.map((c) => c.firstDiagnosticsMs))})`,
    `${ms(median(r.cold.map((c) => c.serverMs)))} (${all(r.cold.map((c) => c.serverMs))}); CPU ${all(r.cold.map((c) => c.serverCpuMs))}`,
    `${ms(Math.max(...r.cold.map((c) => c.blockMs)))}`]);
  for (const cold of [true, false]) {
    const scans = r.scans.filter((s) => s.cold === cold);
    if (scans.length === 0) continue;
    const kind = cold ? "cold: each in a server just restarted" : "warm: the same server again, its caches kept";
    rows.push([`KeyFence: Scan Workspace, ${kind} (${scanFiles?.toLocaleString("en")} files, ${scans[0].findings} findings)`,
      `${ms(median(scans.map((s) => s.ms)))} (${all(scans.map((s) => s.ms))})`, `CPU ${all(scans.map((s) => s.cpuMs))}`, ms(Math.max(...scans.map((s) => s.blockMs)))]);
  }
  for (const [size, t] of Object.entries(r.typing)) {
    const label = Number(size).toLocaleString("en");
    rows.push([`${label}-line file open ${"(generated)"}, waiting before typing`, "", "", ms(t.openBlockMs)]);
    const via = [...new Set(t.keystrokes.map((k) => k.via ?? "edit API"))].join(", ");
    rows.push([`a key typed mid-file into the ${label}-line file (${via}) → diagnostic, after the ${r.debounceMs} ms debounce (first keystroke / median)`,
      `${ms(t.keystrokes[0]?.afterDebounceMs)} / ${ms(median(t.keystrokes.map((k) => k.afterDebounceMs)))} (${all(t.keystrokes.map((k) => k.afterDebounceMs))})`,
      `${ms(median(t.keystrokes.map((k) => k.serverMs)))} (${all(t.keystrokes.map((k) => k.serverMs))}); CPU ${all(t.keystrokes.map((k) => k.serverCpuMs))}`,
      ms(Math.max(...t.keystrokes.map((k) => k.blockMs)))]);
    rows.push([`… of which KeyFence's part: the host's change event → the server sends the diagnostics, after the debounce (first keystroke / median)`,
      `${ms(t.keystrokes[0]?.keyfenceMs)} / ${ms(median(t.keystrokes.map((k) => k.keyfenceMs)))} (${all(t.keystrokes.map((k) => k.keyfenceMs))})`, "", ""]);
  }
  // Where the time went (medians): editor → server, the server's wait, its analysis, server → editor.
  const legs = (label: string, l: { toHostEventMs?: number; toServerMs?: number; waitedMs?: number; configMs?: number; serverMs?: number; toEditorMs?: number; serverLoopDelayMs?: number }[]) =>
    `- ${label}: ${l.some((x) => x.toHostEventMs !== undefined) ? `edit → the host's change event ${ms(median(l.map((x) => x.toHostEventMs)))}, ` : ""}editor → server ${ms(median(l.map((x) => x.toServerMs)))} (server's longest event-loop delay before it ${ms(median(l.map((x) => x.serverLoopDelayMs)))}), server wait (debounce, queue) ${ms(median(l.map((x) => x.waitedMs)))}, ` +
    `ESLint config ${ms(median(l.map((x) => x.configMs)))}, analysis ${ms(median(l.map((x) => x.serverMs)))}, sent → editor's diagnostics event ${ms(median(l.map((x) => x.toEditorMs)))}`;
  const where = [legs("cold opens", r.cold), ...Object.entries(r.typing).map(([size, t]) => legs(`keystrokes, ${Number(size).toLocaleString("en")} lines`, t.keystrokes))];
  const load = (l: number[] | undefined) => l?.map((v) => v.toFixed(1)).join(", ") ?? "?";
  return [
    `| step | time (median; every run) | server analysis, wall (every run); CPU | longest extension-host block |`,
    `|---|---|---|---|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    ``,
    `Where the time went (medians):`,
    ...where,
    ``,
    `Load average (1, 5, 15 min) at start ${load(r.loadBefore)}, at end ${load(r.loadAfter)}.`,
  ].join("\n");
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * How long "is this key already in git?" takes on a long history. Generates a 10,000-commit
 * repository in a temp folder (git fast-import: 200 files of ~40 lines, one file changed per
 * commit, a key added in commit 50 and removed in commit 60), then times:
 *   - keyHistory() for that key (found) and for a key git never saw (the whole history searched);
 *   - the alternative of grepping every commit's tree (`git grep -F -f - <commits>`), on a
 *     500-commit sample, extrapolated to 10,000.
 * Run: npx tsx scripts/key-history-bench.ts [commits]   (KEEP_BENCH_REPO=1 keeps the repository)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clearKeyHistoryCache, keyHistory, HISTORY_BUDGET_MS } from "../eslint-plugin/src/engine/key-history/index";
import { redactKey } from "../eslint-plugin/src/engine/redact";
import { fakeKey } from "../test/support/fake-keys";

const COMMITS = Number(process.argv[2] ?? 10_000);
const FILES = 200;

function fileText(file: number, version: number, key?: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) lines.push(`export const value${file}_${i} = ${(version * 31 + i) % 997}; // line ${i}`);
  if (key) lines.push(`export const apiKey = "${key}";`);
  return lines.join("\n") + "\n";
}

function generate(dir: string, key: string): void {
  execFileSync("git", ["init", "-q"], { cwd: dir });
  const parts: string[] = [];
  for (let n = 1; n <= COMMITS; n++) {
    const file = n % FILES;
    const text = fileText(file, n, n >= 50 && n < 60 && file === 50 % FILES ? key : undefined);
    const when = 1_700_000_000 + n * 600;
    const message = `change ${n}`;
    parts.push(
      `commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${when} +0000\ndata ${message.length}\n${message}\n` +
        `M 100644 inline src/file${file}.ts\ndata ${Buffer.byteLength(text)}\n${text}\n`,
    );
  }
  execFileSync("git", ["fast-import", "--quiet"], { cwd: dir, input: parts.join(""), maxBuffer: 1 << 30 });
  execFileSync("git", ["checkout", "-q", "main"], { cwd: dir });
  execFileSync("git", ["gc", "-q"], { cwd: dir });
}

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: Math.round(performance.now() - started), value };
}

const dir = mkdtempSync(join(tmpdir(), "keyfence-history-bench-"));
try {
  const key = fakeKey("openai", undefined, 901);
  const never = fakeKey("openai", undefined, 902);
  const built = time(() => generate(dir, key));
  console.log(`generated ${COMMITS} commits in ${built.ms} ms (${dir})`);
  const file = join(dir, "src/app.ts");
  for (const [label, k] of [["committed key", key], ["never-committed key", never]] as const) {
    clearKeyHistoryCache();
    const cold = time(() => keyHistory(file, k, redactKey(k, "sk-proj-"), 60_000));
    const warm = time(() => keyHistory(file, k, redactKey(k, "sk-proj-"), 60_000));
    console.log(`keyHistory, ${label}: ${JSON.stringify(cold.value)} cold ${cold.ms} ms, cached ${warm.ms} ms`);
  }
  clearKeyHistoryCache();
  const bounded = time(() => keyHistory(file, never, redactKey(never, "sk-proj-"), 200));
  console.log(`keyHistory with a 200 ms budget: ${JSON.stringify(bounded.value)} in ${bounded.ms} ms (default budget ${HISTORY_BUDGET_MS} ms)`);
  const sample = execFileSync("git", ["rev-list", "--all", "-n", "500"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
  const grep = time(() => spawnSync("git", ["grep", "-q", "-F", "-f", "-", ...sample, "--"], { cwd: dir, input: `${never}\n` }));
  console.log(`git grep over 500 commits' trees: ${grep.ms} ms (≈ ${Math.round((grep.ms * COMMITS) / 500)} ms for ${COMMITS})`);
} finally {
  if (process.env.KEEP_BENCH_REPO) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

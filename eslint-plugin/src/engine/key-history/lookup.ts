/**
 * Does git already hold this key? Asked only for findings (rare), never per file:
 *
 *   keyHistory(file, key, redacted) → KeyHistory
 *
 * The key itself never reaches a command line (`ps` shows every process's arguments) nor a
 * file: git reads it on stdin (`git grep -F -f -`). History is searched with git's pickaxe
 * (`git log --all -S<regex> --pickaxe-regex`), whose pattern holds only what messages show
 * anyway (the redacted prefix, the last four characters) and the length between; each candidate
 * commit is then confirmed with `git grep -F -f -` on its tree, oldest first, so a different key
 * with the same ends is never reported. Measured on a generated 10,000-commit repository
 * (scripts/key-history-bench.ts): pickaxe reads each commit's changes once, while grepping every
 * commit's tree (`git grep … $(git rev-list --all)`) rereads every file per commit.
 *
 * Bounded: the pickaxe run stops after `budgetMs`; what it found by then still counts, and
 * otherwise the answer is "not fully checked". Cached per repository and key hash (sha256, the
 * key is not kept), re-asked when the index, HEAD or a ref changes.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileStamp, readText } from "../gitignore/file-cache";
import { findGitRepo, type GitRepo } from "../gitignore/git-repo";

export type KeyHistory =
  /** In a reachable commit: the oldest one that holds it. */
  | { found: "commit"; commit: string; date: string }
  /** Staged in git's index, in no reachable commit. */
  | { found: "index" }
  /** Git was asked and holds no copy. */
  | { found: "nowhere" }
  /** Git could not be asked (no repository, no git binary, a repository git refuses). */
  | { found: "unknown"; why: string }
  /** The time budget ran out before the whole history was searched. */
  | { found: "partial"; why: string };

/** How long the history search may take, per key (a cold lookup; later ones are cached). */
export const HISTORY_BUDGET_MS = 4000;

const cache = new Map<string, { stamp: string; history: KeyHistory }>();

export function keyHistory(file: string, key: string, redacted: string, budgetMs = HISTORY_BUDGET_MS): KeyHistory {
  const repo = findGitRepo(dirname(file));
  if (!repo) return { found: "unknown", why: "not in a git repository" };
  const cacheKey = `${repo.root}\0${createHash("sha256").update(key).digest("hex")}`;
  const stamp = repoStamp(repo);
  const cached = cache.get(cacheKey);
  if (cached && cached.stamp === stamp) return cached.history;
  const history = lookUp(repo.root, key, redacted, budgetMs);
  cache.set(cacheKey, { stamp, history });
  if (cache.size > 500) cache.delete(cache.keys().next().value as string);
  return history;
}

/** Forget every answer (the extension calls this when git's state changes). */
export function clearKeyHistoryCache(): void {
  cache.clear();
}

/** What changes when something is committed or staged: the index, HEAD, its branch, packed refs. */
function repoStamp(repo: GitRepo): string {
  const head = readText(join(repo.gitDir, "HEAD")) ?? "";
  const ref = /^ref:\s*(\S+)/.exec(head)?.[1];
  const paths = [join(repo.gitDir, "index"), join(repo.gitDir, "HEAD"), join(repo.gitDir, "packed-refs")];
  if (ref) paths.push(join(repo.gitDir, ref));
  return paths.map((p) => fileStamp(p) ?? "-").join("|");
}

function lookUp(root: string, key: string, redacted: string, budgetMs: number): KeyHistory {
  const started = Date.now();
  const log = runGit(root, ["log", "--all", "--format=%h %cs", "--pickaxe-regex", `-S${pickaxePattern(key, redacted)}`], undefined, budgetMs);
  if (log.problem) return { found: "unknown", why: log.problem };
  // Newest first: confirm from the oldest, which is where the key came in.
  const candidates = log.stdout.split("\n").filter((line) => /^[0-9a-f]+ \d{4}-\d{2}-\d{2}$/.test(line)).reverse();
  for (const line of candidates.slice(0, 20)) {
    const [commit, date] = line.split(" ");
    const left = Math.max(500, budgetMs - (Date.now() - started));
    if (holdsKey(root, key, [commit], left)) return { found: "commit", commit, date };
  }
  const inIndex = holdsKey(root, key, ["--cached"], Math.max(500, budgetMs - (Date.now() - started)));
  if (inIndex === undefined) return { found: "unknown", why: "git could not search its index" };
  if (inIndex) return { found: "index" };
  if (log.timedOut) return { found: "partial", why: `git searched for ${(budgetMs / 1000).toFixed(1)} s without reaching the oldest commit` };
  return { found: "nowhere" };
}

/**
 * An extended regex matching the key from what may be shown of it: the redacted prefix, any
 * characters of the right count on one line, the last four. Never the whole key.
 */
export function pickaxePattern(key: string, redacted: string): string {
  const [shownHead, shownTail] = redacted.split("…");
  const head = key.startsWith(shownHead) ? shownHead : "";
  const tail = shownTail && key.endsWith(shownTail) ? shownTail : "";
  const middle = key.length - head.length - tail.length;
  // `.` rather than `[^[:space:]]`: git compiles pickaxe patterns with REG_NEWLINE, so `.` stays
  // on one line, and it measured 3× faster (bracket classes are slow in glibc's regexec).
  return `${escapeExtended(head)}.{${middle}}${escapeExtended(tail)}`;
}

function escapeExtended(text: string): string {
  return text.replace(/[.[\]()*+?{}|^$\\]/g, "\\$&");
}

/** Whether `git grep` finds the key in these trees: the key goes in on stdin. Undefined: git failed. */
function holdsKey(root: string, key: string, where: string[], budgetMs: number): boolean | undefined {
  const result = runGit(root, ["grep", "-q", "-F", "-I", "-f", "-", ...where, "--"], `${key}\n`, budgetMs);
  if (result.problem || result.timedOut) return undefined;
  return result.status === 0;
}

interface GitRun {
  stdout: string;
  /** Exit code (null when killed). */
  status: number | null;
  timedOut: boolean;
  /** Why git could not answer, in a user's words (a git grep that finds nothing is an answer). */
  problem?: string;
}

function runGit(root: string, args: string[], input: string | undefined, budgetMs: number): GitRun {
  const result = spawnSync("git", ["-c", "core.quotepath=off", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: budgetMs,
    maxBuffer: 16 * 1024 * 1024,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    windowsHide: true,
  });
  const error = result.error as (Error & { code?: string }) | undefined;
  const timedOut = error?.code === "ETIMEDOUT";
  const run: GitRun = { stdout: result.stdout ?? "", status: result.status, timedOut };
  if (timedOut) return run;
  if (error) run.problem = error.code === "ENOENT" ? "git is not installed or not on PATH" : `git failed (${error.code ?? error.message})`;
  else if (result.status !== 0 && !(args[0] === "grep" && result.status === 1)) run.problem = describe(result.stderr);
  return run;
}

function describe(stderr: string | undefined): string {
  const text = String(stderr ?? "");
  if (/dubious ownership/i.test(text)) return 'git refuses this repository because another user owns it ("dubious ownership")';
  const line = text.split("\n").map((l) => l.replace(/^(?:fatal|error):\s*/, "").trim()).find((l) => l !== "");
  return line ? `git failed: ${line.slice(0, 160)}` : "git failed";
}

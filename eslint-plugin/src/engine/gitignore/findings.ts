/**
 * The findings of `env-gitignore`, one function per place they are reported:
 * - the repository root's .gitignore: missing entries, with the fix (appending them); in a
 *   repository without one, the nearest project .gitignore above the env files at risk;
 * - any .gitignore: a `!` pattern that re-includes a must-ignore env file;
 * - a tracked env file: rotate and untrack;
 * - no .gitignore at all: the topmost ESLint config file of the repository (one file, so once
 *   per lint run whatever the file order, the cache or the number of workers).
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { GITIGNORE_ENTRIES, gitignoreEntryFor, isMustIgnoreEnvName } from "../env-files/names";
import type { Finding, FixPlan } from "../finding";
import { appendEntriesPlan } from "./append-entries";
import { type EnvCoverage, repositoryEnvCoverage } from "./coverage";
import { holdsSecrets } from "./env-secrets";
import { fileGitStatus } from "./file-status";
import { type GitRepo, findGitRepo } from "./git-repo";
import { ENV_GITIGNORE_RULE, listForMessage } from "./messages";
import { gitIgnoreVerdict } from "./ignore-rules";
import { isEslintConfigName } from "./eslint-config-name";
import { INFO_EXCLUDE_LABEL } from "./local-excludes";
import { isSymlink, onePass, readText } from "./file-cache";

/** Findings for a .gitignore file whose current text is `text`. */
export function gitignoreFileFindings(file: string, text: string): Finding[] {
  const absolute = resolve(file);
  const repo = findGitRepo(dirname(absolute));
  if (!repo) return [];
  const root = join(repo.root, ".gitignore");
  // Under a root .gitignore, a package's own takes none of the missing entries (they go to the
  // root's): it can only re-include, and only what lies below its folder, by a `!` line.
  const nested = absolute !== root && existsSync(root);
  if (nested && !text.includes("!")) return [];
  return onePass(() => gitignoreReports(repo, absolute, text, nested ? dirname(absolute) : undefined));
}

/**
 * The reports of one .gitignore; `within` (a package's own .gitignore under a root one) limits the
 * repository's coverage to the env files below its folder, all that its patterns decide: without
 * a `!` line it cannot report at all, and the coverage, `git ls-files` and a verdict for each env
 * name of each project (~300 ms on vercel/ai, whose packages and examples keep 28 such files),
 * is not asked. (Any `!` in the text, even an escaped `\!`, takes the check.)
 */
function gitignoreReports(repo: GitRepo, absolute: string, text: string, within: string | undefined): Finding[] {
  const coverage = repositoryEnvCoverage(repo, { overrides: new Map([[absolute, text]]), within });
  const findings: Finding[] = [];
  // Without a root .gitignore, the nearest project .gitignore above the env files takes the report.
  const target = absolute === coverage.gitignore ? coverage : !coverage.gitignoreExists ? nestedCoverage(coverage, absolute, text) : undefined;
  if (target && target.missingEntries.length > 0) {
    findings.push({
      ruleId: ENV_GITIGNORE_RULE,
      messageId: "missingEnvEntries",
      data: coverageData(target),
      file: absolute,
      range: firstLine(text),
      fixes: target.fix ? [target.fix] : undefined,
    });
  }
  findings.push(...reincludedFindings(coverage, absolute, text));
  return findings;
}

/** The part of `coverage` whose nearest .gitignore is `gitignore`, with its own fix. */
function nestedCoverage(coverage: EnvCoverage, gitignore: string, text: string): EnvCoverage {
  const uncovered = coverage.uncovered.filter((u) => nearestGitignore(coverage.repo, u.file, gitignore) === gitignore);
  const needed = new Set(uncovered.filter((u) => !u.verdict.negative).map((u) => u.entry));
  const missingEntries = GITIGNORE_ENTRIES.filter((entry) => needed.has(entry));
  const fix = missingEntries.length > 0 ? appendEntriesPlan(gitignore, text, missingEntries) : undefined;
  return { ...coverage, gitignore, gitignoreExists: true, uncovered, missingEntries, fix };
}

/** The first .gitignore from the file's folder up to the repository root (`known` counts as existing). */
function nearestGitignore(repo: GitRepo, file: string, known?: string): string | undefined {
  const rel = relative(repo.root, dirname(file));
  if (rel.startsWith("..")) return undefined;
  const parts = rel === "" ? [] : rel.split(/[\\/]/);
  for (let depth = parts.length; depth >= 0; depth--) {
    const candidate = join(repo.root, ...parts.slice(0, depth), ".gitignore");
    if (candidate === known || existsSync(candidate)) return candidate;
  }
  return undefined;
}

function reincludedFindings(coverage: EnvCoverage, file: string, text: string): Finding[] {
  const byLine = new Map<number, { pattern: string; paths: string[] }>();
  for (const item of coverage.uncovered) {
    const { negative, source, line, pattern } = item.verdict;
    if (!negative || source !== file || !line || !pattern) continue;
    // `!apps/web/.env` for a symlink to the root's ignored `.env` (formbricks): git commits the
    // link, never the keys behind it.
    if (isSymlink(item.file)) continue;
    const entry = byLine.get(line) ?? { pattern, paths: [] };
    entry.paths.push(relative(dirname(file), item.file).split("\\").join("/"));
    byLine.set(line, entry);
  }
  return [...byLine].map(([line, { pattern, paths }]) => {
    const range = lineRange(text, line);
    const removeLine: FixPlan = {
      title: `Remove \`${pattern}\``,
      edits: [{ kind: "replace", file, range: { start: range.start, end: range.next }, text: "" }],
    };
    return {
      ruleId: ENV_GITIGNORE_RULE,
      messageId: "envReincluded",
      data: { pattern, files: listForMessage(paths) },
      file,
      range: { start: range.start, end: range.end },
      fixes: [removeLine],
    };
  });
}

/**
 * Findings for an env file: tracked by git (templates excepted). `.env.local` and `.env.*.local`
 * are always reported (every framework says they hold this machine's secrets); `.env` and other
 * env files (`.env.production`, which Vite, CRA and Next.js document committing for non-secret
 * defaults) only when they hold a secret (env-secrets.ts): a provider key or a value that can be one under a
 * secret-looking name.
 */
export function envFileTrackingFindings(file: string, text: string): Finding[] {
  const status = fileGitStatus(file);
  if (status.tracked !== true || status.template || !status.repo || !status.path) return [];
  const alwaysSecret = isMustIgnoreEnvName(basename(status.file)) && basename(status.file) !== ".env";
  if (!alwaysSecret && !holdsSecrets(text)) return [];
  const gitignore = join(status.repo.root, ".gitignore");
  const edits: FixPlan["edits"] = [{ kind: "untrack", file: status.file }];
  if (!gitIgnoreVerdict(status.repo, status.file).ignored) {
    const name = basename(status.file);
    const entry = isMustIgnoreEnvName(name) ? gitignoreEntryFor(name) : `/${status.path}`;
    edits.push(...appendEntriesPlan(gitignore, readText(gitignore), [entry]).edits);
  }
  return [
    {
      ruleId: ENV_GITIGNORE_RULE,
      messageId: "trackedEnvFile",
      data: { path: status.path },
      file: status.file,
      range: firstLine(text),
      fixes: [{ title: `Untrack ${status.path} and ignore it`, edits, note: "Rotate every key the file held: it stays in git history." }],
    },
  ];
}

export { isEslintConfigName };

/**
 * For a JS/TS file: reports only on the repository's topmost ESLint config file, and only when
 * the repository has no root .gitignore (otherwise the report sits on that .gitignore).
 */
export function repositoryAnchorFindings(file: string): Finding[] {
  const absolute = resolve(file);
  if (!isEslintConfigName(basename(absolute))) return [];
  const repo = findGitRepo(dirname(absolute));
  if (!repo || !isTopmostConfig(repo, dirname(absolute))) return [];
  if (existsSync(join(repo.root, ".gitignore"))) return [];
  const all = repositoryEnvCoverage(repo);
  // Env files under a project's own .gitignore are reported there (gitignoreFileFindings).
  const coverage = withoutNested(all);
  if (coverage.missingEntries.length === 0) return [];
  return [
    {
      ruleId: ENV_GITIGNORE_RULE,
      messageId: "noGitignore",
      data: { ...coverageData(coverage), gitignore: ".gitignore" },
      file: absolute,
      range: { start: 0, end: 0 },
      fixes: coverage.fix ? [coverage.fix] : undefined,
    },
  ];
}

/** `coverage` without the env files some nested .gitignore is nearest to. */
function withoutNested(coverage: EnvCoverage): EnvCoverage {
  const uncovered = coverage.uncovered.filter((u) => nearestGitignore(coverage.repo, u.file) === undefined);
  if (uncovered.length === coverage.uncovered.length) return coverage;
  const needed = new Set(uncovered.filter((u) => !u.verdict.negative).map((u) => u.entry));
  const missingEntries = GITIGNORE_ENTRIES.filter((entry) => needed.has(entry));
  const fix = missingEntries.length > 0 ? appendEntriesPlan(coverage.gitignore, undefined, missingEntries) : undefined;
  return { ...coverage, uncovered, missingEntries, fix };
}

/** No ESLint config file in any folder from the repository root down to (not including) `dir`. */
function isTopmostConfig(repo: GitRepo, dir: string): boolean {
  const rel = relative(repo.root, dir);
  if (rel.startsWith("..")) return false;
  const parts = rel === "" ? [] : rel.split(/[\\/]/);
  for (let depth = 0; depth < parts.length; depth++) {
    const folder = join(repo.root, ...parts.slice(0, depth));
    if (["js", "mjs", "cjs", "ts", "mts", "cts"].some((ext) => existsSync(join(folder, `eslint.config.${ext}`)))) return false;
  }
  return true;
}

function coverageData(coverage: EnvCoverage): Record<string, string> {
  const fixable = coverage.uncovered.filter((u) => !u.verdict.negative);
  // Files that exist are named (they are at risk right now); the rest are summed up by the
  // entries that would cover them.
  const existing = fixable.filter((u) => u.exists).map((u) => u.path);
  const covered = new Set(fixable.filter((u) => u.exists).map((u) => u.entry));
  const future = coverage.missingEntries.filter((entry) => !covered.has(entry));
  const paths = [...existing, ...future];
  const local = fixable.filter((u) => u.verdict.thisCloneOnly);
  const where = [...new Set(local.map((u) => u.verdict.onlyIn ?? INFO_EXCLUDE_LABEL))].join(" or ");
  const note = local.length > 0 ? ` (${listForMessage(local.map((u) => u.path))} only in ${where}, which protects this clone only)` : "";
  return { files: listForMessage(paths), entries: listForMessage(coverage.missingEntries), note };
}

function firstLine(text: string): { start: number; end: number } {
  const end = text.search(/\r?\n/);
  return { start: 0, end: end < 0 ? text.length : end };
}

/** Offsets of 1-based line `line`: its text [start, end) and the start of the next line. */
function lineRange(text: string, line: number): { start: number; end: number; next: number } {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf("\n", start);
    if (newline < 0) return { start: text.length, end: text.length, next: text.length };
    start = newline + 1;
  }
  const newline = text.indexOf("\n", start);
  const next = newline < 0 ? text.length : newline + 1;
  const end = newline < 0 ? text.length : text[newline - 1] === "\r" ? newline - 1 : newline;
  return { start, end, next };
}

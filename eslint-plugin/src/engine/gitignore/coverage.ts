/**
 * Which env files git would commit, for one project folder or a whole repository, and the
 * .gitignore edit that stops it. The fix always goes to the repository root's .gitignore: its
 * unanchored entries cover every package of a monorepo, so one edit fixes all of them. Which
 * files must be ignored follows each project's framework (framework-entries.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, posix, resolve, sep } from "node:path";
import { GITIGNORE_ENTRIES, MUST_IGNORE_NAMES, gitignoreEntryFor, isEnvTemplateName, isMustIgnoreEnvName } from "../env-files/names";
import type { FixPlan } from "../finding";
import { appendEntriesPlan } from "./append-entries";
import { onePass, readText } from "./file-cache";
import { frameworkRequiresIgnoring } from "./framework-entries";
import { repoListing } from "./git-index";
import { type GitRepo, findGitRepo } from "./git-repo";
import { type IgnoreVerdict, type TextOverrides, gitIgnoreVerdict, repoRelative } from "./ignore-rules";

export interface UncoveredEnvFile {
  /** Absolute path; the file may not exist yet (the check is about the next `git add .`). */
  file: string;
  /** Repository-relative path, for messages. */
  path: string;
  exists: boolean;
  /** The entry that covers it: `.env`, `.env.local` or `.env.*.local`. */
  entry: string;
  verdict: IgnoreVerdict;
}

export interface EnvCoverage {
  repo: GitRepo;
  /** The repository root's .gitignore: where missing entries go. */
  gitignore: string;
  gitignoreExists: boolean;
  /** Env files git would commit (including ones only .git/info/exclude ignores). */
  uncovered: UncoveredEnvFile[];
  /** Entries to append, in order; files re-included by a `!` pattern are not fixed by adding. */
  missingEntries: string[];
  /** Appends missingEntries to the root .gitignore, creating it if absent. */
  fix?: FixPlan;
}

export interface CoverageOptions {
  /** Unsaved texts of .gitignore files, by absolute path (what ESLint or the editor has). */
  overrides?: TextOverrides;
  /**
   * Only the env files under this folder (absolute): all that a package's own .gitignore can
   * re-include, its patterns applying below its folder alone.
   */
  within?: string;
}

/** How many git verdicts coverage has asked for (tests check a package's .gitignore asks only about its own files). */
export const coverageStats = { verdicts: 0 };

/**
 * Coverage of one project folder: `.env`, `.env.local`, `.env.*.local` there (existing or not)
 * and the must-ignore env files it holds. Undefined outside a git repository (nothing to commit to).
 */
export function envFileCoverage(projectDir: string, options: CoverageOptions = {}): EnvCoverage | undefined {
  const dir = resolve(projectDir);
  const repo = findGitRepo(dir);
  if (!repo || repoRelative(repo, join(dir, "x")) === undefined) return undefined;
  return onePass(() => coverageOf(repo, candidatesIn([dir]), options));
}

/**
 * Coverage of a whole repository: its root and every project folder git knows, plus every env
 * file git would add. This is what the root .gitignore is checked against, once per lint run.
 */
export function repositoryEnvCoverage(repo: GitRepo, options: CoverageOptions = {}): EnvCoverage {
  return onePass(() => repositoryCoverage(repo, options));
}

function repositoryCoverage(repo: GitRepo, options: CoverageOptions): EnvCoverage {
  const listing = repoListing(repo);
  const { within } = options;
  const inScope = (path: string) => within === undefined || path === within || path.startsWith(within + sep);
  const dirs = new Set([repo.root]);
  for (const dir of listing?.projectDirs ?? []) dirs.add(join(repo.root, ...dir.split("/").filter(Boolean)));
  const files = candidatesIn([...dirs].filter(inScope));
  for (const path of [...(listing?.untrackedEnvFiles ?? []), ...(listing?.trackedEnvFiles ?? [])]) {
    const file = join(repo.root, ...path.split("/"));
    if (isMustIgnoreEnvName(posix.basename(path)) && inScope(file)) files.add(file);
  }
  return coverageOf(repo, files, options);
}

/** The must-ignore names in each folder, plus the must-ignore env files that exist there. */
function candidatesIn(dirs: string[]): Set<string> {
  const files = new Set<string>();
  for (const dir of dirs) {
    for (const name of MUST_IGNORE_NAMES) files.add(join(dir, name));
    for (const name of listDir(dir)) if (isMustIgnoreEnvName(name)) files.add(join(dir, name));
  }
  return files;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function coverageOf(repo: GitRepo, files: Set<string>, options: CoverageOptions): EnvCoverage {
  const gitignore = join(repo.root, ".gitignore");
  const text = options.overrides?.get(gitignore) ?? readText(gitignore);
  const existing = new Set(listDirs(files));
  const uncovered: UncoveredEnvFile[] = [];
  for (const file of [...files].sort()) {
    const path = repoRelative(repo, file);
    if (path === undefined || isEnvTemplateName(posix.basename(path))) continue;
    coverageStats.verdicts++;
    const verdict = gitIgnoreVerdict(repo, file, options.overrides);
    if (verdict.ignored && !verdict.thisCloneOnly) continue;
    const entry = gitignoreEntryFor(posix.basename(path));
    if (!frameworkRequiresIgnoring(file, entry)) continue;
    uncovered.push({ file, path, exists: existing.has(file), entry, verdict });
  }
  // A `!.env` someone wrote is a decision: say where it is rather than append after it.
  const needed = new Set(uncovered.filter((u) => !u.verdict.negative).map((u) => u.entry));
  const missingEntries = GITIGNORE_ENTRIES.filter((entry) => needed.has(entry));
  // A .gitignore that exists but cannot be read (permissions, binary) is never overwritten.
  const gitignoreExists = text !== undefined || existsSync(gitignore);
  const writable = text !== undefined || !gitignoreExists;
  const fix = missingEntries.length > 0 && writable ? appendEntriesPlan(gitignore, text, missingEntries) : undefined;
  return { repo, gitignore, gitignoreExists, uncovered, missingEntries, fix };
}

/** Which of `files` exist, from one directory listing per folder. */
function listDirs(files: Set<string>): string[] {
  const byDir = new Map<string, Set<string>>();
  const present: string[] = [];
  for (const file of files) {
    const dir = dirname(file);
    if (!byDir.has(dir)) byDir.set(dir, new Set(listDir(dir)));
    if (byDir.get(dir)!.has(basename(file))) present.push(file);
  }
  return present;
}

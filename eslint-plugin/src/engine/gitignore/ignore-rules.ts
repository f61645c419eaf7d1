/**
 * Would git ignore this path? Git's own rules, evaluated in JS with the `ignore` package:
 *
 * - every .gitignore from the repository root down to the path's folder applies, patterns
 *   relative to the folder of their file; the deepest file with an opinion wins, and within a
 *   file the last matching pattern wins (so `!.env.example` after `.env*` re-includes it);
 * - a folder that is ignored is never entered, so nothing inside it can be re-included;
 * - `.git/info/exclude` (a worktree's: the main clone's) and then core.excludesFile come last and
 *   only protect this clone: reported as such, not as covered (local-excludes.ts).
 *
 * Why `ignore` and not `git check-ignore`: the linted .gitignore may differ from the one on disk
 * (ESLint's --fix passes and the editor both check unsaved text), it runs without a git binary
 * and without spawning a process per file. `ignore` documents that it follows git's spec; the
 * tests compare it with real repositories.
 */
import ignore, { type Ignore } from "ignore";
import { join, relative, sep } from "node:path";
import { derive, isSymlink } from "./file-cache";
import type { GitRepo } from "./git-repo";
import { localExcludeFiles } from "./local-excludes";

export interface IgnoreVerdict {
  ignored: boolean;
  /**
   * True when only .git/info/exclude or core.excludesFile ignores the path: this clone is safe,
   * other clones are not.
   */
  thisCloneOnly: boolean;
  /** With thisCloneOnly: how a message names the file that ignores it (".git/info/exclude"…). */
  onlyIn?: string;
  /** The file and 1-based line of the pattern that decided, when one did. */
  source?: string;
  line?: number;
  pattern?: string;
  /** The deciding pattern is a negation (`!.env`): the path is re-included on purpose. */
  negative?: boolean;
}

/** Texts to use instead of the disk for some files (absolute path → text): unsaved edits. */
export type TextOverrides = Pick<ReadonlyMap<string, string>, "get">;

// Git compares names case-insensitively where the file system does (core.ignorecase).
const IGNORE_CASE = process.platform === "darwin" || process.platform === "win32";

interface Compiled {
  matcher: Ignore;
  /** Negations with their 1-based line, in file order: to say which one re-includes a path. */
  negations: Array<{ pattern: string; line: number }>;
}

function compile(text: string | undefined): Compiled | undefined {
  if (text === undefined) return undefined;
  const matcher = ignore({ ignorecase: IGNORE_CASE });
  const negations: Compiled["negations"] = [];
  // One pattern per line, marked with its line number so a verdict can point at it.
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    matcher.add({ pattern: line, mark: String(index + 1) });
    if (line.startsWith("!")) negations.push({ pattern: line.trim(), line: index + 1 });
  });
  return { matcher, negations };
}

const compiledTexts = new Map<string, Compiled | undefined>();

function matcherFor(file: string, overrides?: TextOverrides, inTree = true): Compiled | undefined {
  // Git (≥ 2.32) opens in-tree .gitignore files without following symlinks: a symlinked one is
  // not read ("Too many levels of symbolic links"), so it ignores nothing.
  if (inTree && isSymlink(file)) return undefined;
  const override = overrides?.get(file);
  if (override === undefined) return derive(file, "ignore", compile);
  if (!compiledTexts.has(override)) {
    if (compiledTexts.size > 32) compiledTexts.clear();
    compiledTexts.set(override, compile(override));
  }
  return compiledTexts.get(override);
}

/** Path of `file` relative to the repository root with forward slashes, or undefined outside it. */
export function repoRelative(repo: GitRepo, file: string): string | undefined {
  const rel = relative(repo.root, file);
  if (rel === "" || rel.startsWith("..") || rel.includes(":")) return undefined;
  return rel.split(sep).join("/");
}

/** Git's verdict for one file (or, with `isDir`, one folder) inside `repo`. */
export function gitIgnoreVerdict(repo: GitRepo, file: string, overrides?: TextOverrides, isDir = false): IgnoreVerdict {
  const rel = repoRelative(repo, file);
  if (rel === undefined) return { ignored: false, thisCloneOnly: false };
  const parts = rel.split("/");
  // Folders first, outermost first: git does not look inside an excluded folder.
  for (let depth = 1; depth <= parts.length; depth++) {
    const pathIsDir = depth < parts.length || isDir;
    const verdict = decide(repo, parts.slice(0, depth), pathIsDir, overrides);
    if (verdict.ignored || depth === parts.length) return verdict;
  }
  return { ignored: false, thisCloneOnly: false };
}

/** The verdict for one path, every parent folder of it being already known not ignored. */
function decide(repo: GitRepo, parts: string[], isDir: boolean, overrides?: TextOverrides): IgnoreVerdict {
  // Deepest .gitignore first: the folder holding the path, then each parent up to the root.
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const source = join(repo.root, ...parts.slice(0, depth), ".gitignore");
    const matcher = matcherFor(source, overrides);
    if (!matcher) continue;
    const path = parts.slice(depth).join("/") + (isDir ? "/" : "");
    const verdict = judge(matcher, path, source, false);
    if (verdict) return verdict;
  }
  for (const { file, label } of localExcludeFiles(repo)) {
    const matcher = matcherFor(file, overrides, false);
    const verdict = matcher && judge(matcher, parts.join("/") + (isDir ? "/" : ""), file, true);
    if (verdict) return verdict.ignored ? { ...verdict, onlyIn: label } : verdict;
  }
  return { ignored: false, thisCloneOnly: false };
}

function judge(compiled: Compiled, path: string, source: string, thisCloneOnly: boolean): IgnoreVerdict | undefined {
  let result: ReturnType<Ignore["test"]>;
  try {
    // `test`, not `checkIgnore`: for a folder (`packages/api/`) checkIgnore mimics
    // `git check-ignore packages/api/`, where `packages/*` matches the trailing slash itself;
    // while walking the tree git asks about `packages` (no slash) and `packages/*` does not
    // match it, so `packages/*` + `!packages/api` leaves packages/api/.env committable.
    result = compiled.matcher.test(path);
  } catch {
    return undefined; // a name `ignore` refuses: git's verdict is unknown, treat as no opinion
  }
  if (result.ignored) {
    const rule = result.rule;
    return { ignored: true, thisCloneOnly, source, line: Number(rule?.mark) || undefined, pattern: rule?.pattern, negative: false };
  }
  if (result.unignored) {
    // The last negation that matches is the one git applied.
    const rule = compiled.negations.findLast((negation) => matches(negation.pattern.slice(1), path));
    return { ignored: false, thisCloneOnly: false, source, line: rule?.line, pattern: rule?.pattern, negative: true };
  }
  return undefined;
}

/** Whether one pattern alone matches `path` (to find the negation that re-included it). */
function matches(pattern: string, path: string): boolean {
  try {
    return ignore({ ignorecase: IGNORE_CASE }).add(pattern).ignores(path);
  } catch {
    return false;
  }
}

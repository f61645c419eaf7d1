/**
 * Where a file's git repository and project are. A repository is the nearest folder with a
 * `.git` directory or a `.git` file (worktrees and submodules write `gitdir: <path>` there).
 * A project is the nearest folder with a package.json, never above the repository root.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { readText } from "./file-cache";

export interface GitRepo {
  /** The work tree's top folder: where the repository's own .gitignore lives. */
  root: string;
  /** The folder with git's data (index, info/exclude). */
  gitDir: string;
}

const repoOfDir = new Map<string, GitRepo | null>();

/** The git repository `dir` belongs to, or undefined when there is none. Never throws. */
export function findGitRepo(dir: string): GitRepo | undefined {
  const visited: string[] = [];
  let current = resolve(dir);
  let found: GitRepo | null = null;
  for (;;) {
    const cached = repoOfDir.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const repo = repoAt(current);
    if (repo) {
      found = repo;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of visited) repoOfDir.set(path, found);
  return found ?? undefined;
}

function repoAt(dir: string): GitRepo | undefined {
  const dotGit = join(dir, ".git");
  let isDir: boolean;
  try {
    isDir = statSync(dotGit).isDirectory();
  } catch {
    return undefined;
  }
  if (isDir) return { root: dir, gitDir: dotGit };
  // A worktree or submodule: `.git` is a file pointing at the real git directory.
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? "");
  if (!pointer) return undefined;
  const gitDir = isAbsolute(pointer[1]) ? pointer[1] : resolve(dir, pointer[1]);
  return { root: dir, gitDir };
}

/**
 * The project that owns `file`: the nearest folder with a package.json, stopping at the
 * repository root (or the file system root without git). Undefined when there is neither.
 */
export function findProjectDir(file: string, repo = findGitRepo(dirname(file))): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (repo && dir === repo.root) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Forget where repositories are (the extension calls this when folders change). */
export function clearRepoCache(): void {
  repoOfDir.clear();
}

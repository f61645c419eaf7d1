/**
 * The ignore files that protect one machine only, in git's order of precedence after the
 * repository's .gitignore files:
 * - `info/exclude` of the repository's COMMON git folder: a `git worktree` shares the main
 *   clone's (`.git/worktrees/<name>/commondir` points there); git never reads a per-worktree one;
 * - `core.excludesFile`, by default `$XDG_CONFIG_HOME/git/ignore` (`~/.config/git/ignore`).
 * A path only these ignore is safe in this clone and committed from every other one.
 *
 * core.excludesFile is asked from `git config` (once per repository and config state): git's
 * config has system, global, XDG, repository and include files, and git itself is the only
 * reliable reader of them. Without a git binary the default location is used.
 */
import { execFileSync } from "node:child_process";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { fileStamp, readText } from "./file-cache";
import type { GitRepo } from "./git-repo";

export interface LocalExcludeFile {
  file: string;
  /** How a message names it. */
  label: string;
}

export const INFO_EXCLUDE_LABEL = ".git/info/exclude";
export const GLOBAL_EXCLUDES_LABEL = "your global git excludes file (core.excludesFile)";

/** The git folder shared by all worktrees of the repository (the gitDir itself for a plain clone). */
export function commonGitDir(repo: GitRepo): string {
  const pointer = readText(join(repo.gitDir, "commondir"))?.trim();
  if (!pointer) return repo.gitDir;
  return isAbsolute(pointer) ? pointer : resolve(repo.gitDir, pointer);
}

/** info/exclude first (git lets it override core.excludesFile), then the global file. */
export function localExcludeFiles(repo: GitRepo): LocalExcludeFile[] {
  const files = [{ file: join(commonGitDir(repo), "info", "exclude"), label: INFO_EXCLUDE_LABEL }];
  const global = globalExcludesFile(repo);
  if (global) files.push({ file: global, label: GLOBAL_EXCLUDES_LABEL });
  return files;
}

const globalFiles = new Map<string, { stamp: string; file: string | undefined }>();

/** Where core.excludesFile points for this repository (git's default when unset). */
export function globalExcludesFile(repo: GitRepo): string | undefined {
  const xdg = xdgConfigHome();
  const { configs, envs } = gitConfigInputs(repo);
  const stamp = JSON.stringify([...configs.map((path) => fileStamp(path) ?? "-"), ...envs]);
  const cached = globalFiles.get(repo.root);
  if (cached && cached.stamp === stamp) return cached.file;
  const file = configuredExcludesFile(repo.root) ?? (xdg ? join(xdg, "git", "ignore") : undefined);
  globalFiles.set(repo.root, { stamp, file });
  return file;
}

/** What decides where core.excludesFile points: the config files git reads it from, and the environment naming them. */
export function gitConfigInputs(repo: GitRepo): { configs: string[]; envs: string[] } {
  const xdg = xdgConfigHome();
  const configs = [join(commonGitDir(repo), "config"), join(homedir(), ".gitconfig"), ...(xdg ? [join(xdg, "git", "config")] : [])];
  const envs = ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM", "HOME", "XDG_CONFIG_HOME"].map((name) => process.env[name] ?? "");
  return { configs, envs };
}

/** $XDG_CONFIG_HOME, or ~/.config when it is unset or empty (as git does). */
function xdgConfigHome(): string | undefined {
  const xdg = process.env.XDG_CONFIG_HOME;
  if (xdg) return xdg;
  const home = homedir();
  return home ? join(home, ".config") : undefined;
}

function configuredExcludesFile(root: string): string | undefined {
  try {
    const output = execFileSync("git", ["config", "--path", "--get", "core.excludesFile"], {
      cwd: root,
      encoding: "utf8",
      timeout: 15_000,
      stdio: ["ignore", "pipe", "ignore"],
      windowsHide: true,
    }).trim();
    // A relative path is relative to the work tree's top folder, where git runs.
    return output === "" ? undefined : resolve(root, output);
  } catch {
    return undefined; // unset (exit 1), no git binary, or a refused repository: git's default
  }
}

/** Forget where the global excludes files are (with the other caches). */
export function clearLocalExcludesCache(): void {
  globalFiles.clear();
}

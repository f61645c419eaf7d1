/**
 * A short fingerprint of git's view of env files: what the env/.gitignore reports depend on
 * besides the linted file's own text. configs.recommended puts it in its `settings`, so ESLint's
 * `--cache` (which keys each result by the file and a serialisation of its config) re-lints
 * when it changes instead of replaying a stale "tracked", "not ignored" or "missing entry" report.
 *
 * recommended is ONE config object for JS/TS, env and .gitignore files, so a changed stamp
 * re-lints every file. Hence a fingerprint of what the reports read, not of the index's mtime:
 * the index changes on every `git add`, commit and checkout (and often on `git status`), and an
 * mtime stamp would throw the whole cache away after each commit (docs/env-and-gitignore-files.md
 * has the numbers). This one changes when an env file becomes tracked or untracked, when git
 * would now commit an env file it would not before (or the reverse), when a package.json folder
 * appears or goes, or when a .gitignore that decides the must-ignore names (the root's, each
 * project folder's and the folders between), .git/info/exclude or core.excludesFile is edited: rare events, after
 * which a full re-lint is what the user wants anyway.
 *
 * Cost: one `git ls-files` (the same listing the rules use, cached per process) and a stat per
 * .gitignore candidate, on a run after the work tree changed; on an unchanged one, a stat per
 * folder and per ignore or config file instead (./saved-git-state). `LazyGitStateStamp` computes it only when ESLint serialises the config,
 * which it does for `--cache` (and `--print-config`): runs without a cache pay nothing.
 * Known gap: a .gitignore deeper than a project folder that starts ignoring an existing env file
 * not named `.env`/`.env.local`/`.env.*.local`, which only .git/info/exclude ignored before, keeps
 * that file's cached report until the file changes.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileStamp } from "./file-cache";
import { repoListing } from "./git-index";
import { findGitRepo } from "./git-repo";
import { gitConfigInputs, localExcludeFiles } from "./local-excludes";
import { readGitStateFacts, savedGitState, saveGitState, TOO_LARGE } from "./saved-git-state";

export function gitStateStamp(dir: string = process.cwd()): string {
  try {
    const repo = findGitRepo(dir);
    if (!repo) return "no-git";
    // A warm run on an unchanged work tree: the stamp saved with its facts (./saved-git-state).
    const { configs, envs } = gitConfigInputs(repo);
    const saved = savedGitState(repo.root, envs);
    if (saved && saved !== TOO_LARGE) return saved;
    // The facts first, then git: a change between the two leaves facts that no longer hold.
    const excludes = localExcludeFiles(repo);
    const facts = saved === TOO_LARGE ? undefined : readGitStateFacts(repo.root, [join(repo.gitDir, "index"), ...configs, ...excludes.map(({ file }) => file)], envs);
    gitStampStats.listed++;
    const listing = repoListing(repo);
    if (!listing) return "no-listing";
    const state = {
      tracked: [...listing.trackedEnvFiles].sort(),
      committable: [...listing.untrackedEnvFiles].sort(),
      projects: listing.projectDirs,
      gitignores: gitignoreFolders(listing.projectDirs).map((folder) => fileStamp(join(repo.root, folder, ".gitignore")) ?? "-"),
      excludes: excludes.map(({ file }) => fileStamp(file) ?? "-"),
    };
    const stamp = createHash("sha1").update(`${repo.root}|${JSON.stringify(state)}`).digest("hex").slice(0, 12);
    if (facts) saveGitState(repo.root, stamp, facts);
    return stamp;
  } catch {
    return "unknown";
  }
}

/** How many stamps asked git (not the saved stamp): tests and benchmarks read it. */
export const gitStampStats = { listed: 0 };

/** The root ("") and every folder from it down to each project folder, once each, sorted. */
function gitignoreFolders(projectDirs: string[]): string[] {
  const folders = new Set([""]);
  for (const dir of projectDirs) {
    const parts = dir.split("/").filter(Boolean);
    for (let depth = 1; depth <= parts.length; depth++) folders.add(parts.slice(0, depth).join("/"));
  }
  return [...folders].sort();
}

/**
 * Serialises to `gitStateStamp(dir)`, computed the first time it is serialised. ESLint copies
 * settings by reference and hashes the config with a JSON serialiser that honours `toJSON`
 * only when `--cache` is on, so lint runs without a cache never run git for it.
 */
export class LazyGitStateStamp {
  readonly #dir: string | undefined;
  #value: string | undefined;

  constructor(dir?: string) {
    this.#dir = dir;
  }

  toJSON(): string {
    this.#value ??= gitStateStamp(this.#dir ?? process.cwd());
    return this.#value;
  }

  toString(): string {
    return this.toJSON();
  }
}

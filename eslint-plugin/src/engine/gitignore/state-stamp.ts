/**
 * A short fingerprint of git's view of env files: what the env/.gitignore reports depend on
 * besides the linted file's own text. It goes into the `settings` of configs.recommended, so
 * ESLint's `--cache` (which keys results by file and config) re-lints when it changes, instead
 * of replaying a stale "tracked", "not ignored" or "missing entry" report.
 *
 * Why a fingerprint of the *result* and not of the index's mtime: recommended is one config
 * object for JS/TS, env and .gitignore files, so a changed stamp re-lints every file. The index
 * changes on every `git add`, commit, checkout and often on `git status`; an mtime stamp would
 * throw the whole cache away after each commit (on vercel/ai's packages: a cached `eslint
 * --cache .` takes about 2 s, a full one about 60 s; see docs/env-and-gitignore-files.md).
 * This stamp changes only when an env file becomes tracked or untracked, git would now commit
 * an env file it would not before (or the reverse), or the .gitignore verdicts behind the
 * missing-entry report change: rare events, after which a full re-lint is what the user wants.
 *
 * Cost: the same `git ls-files` and .gitignore reads the rules make when linting .gitignore and
 * env files (cached per process, so `eslint .` does the work once), done when the plugin loads.
 * Known gap: an env file other than `.env`/`.env.local`/`.env.*.local` that only
 * .git/info/exclude ignored, and that a .gitignore now covers, keeps its cached report.
 */
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { repositoryEnvCoverage } from "./coverage";
import { fileStamp } from "./file-cache";
import { repoListing } from "./git-index";
import { findGitRepo } from "./git-repo";

export function gitStateStamp(dir: string = process.cwd()): string {
  try {
    const repo = findGitRepo(dir);
    if (!repo) return "no-git";
    const listing = repoListing(repo);
    const coverage = repositoryEnvCoverage(repo);
    const state = {
      tracked: listing ? [...listing.trackedEnvFiles].sort() : "unknown",
      committable: listing ? [...listing.untrackedEnvFiles].sort() : "unknown",
      uncovered: coverage.uncovered.map(({ path, exists, verdict }) => [
        path,
        exists,
        verdict.thisCloneOnly,
        verdict.negative ?? false,
        verdict.source ? relative(repo.root, verdict.source) : "",
        verdict.line ?? 0,
      ]),
      missing: coverage.missingEntries,
      gitignore: coverage.gitignoreExists,
      exclude: fileStamp(join(repo.gitDir, "info", "exclude")) ?? "-",
    };
    return createHash("sha1").update(`${repo.root}|${JSON.stringify(state)}`).digest("hex").slice(0, 12);
  } catch {
    return "unknown";
  }
}

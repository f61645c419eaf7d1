/**
 * Env files and .gitignore, host-free: would git commit an env file, and the edit that stops it.
 *
 * Entry points (the ESLint rule `env-gitignore` and the extension call the same functions):
 *   gitignoreFileFindings(file, text): Finding[]      a .gitignore being linted (unsaved text)
 *   envFileTrackingFindings(file, text): Finding[]    an env file git tracks
 *   repositoryAnchorFindings(file): Finding[]         a repo without .gitignore, on its ESLint config
 *   envFileCoverage(projectDir, { overrides? }): EnvCoverage | undefined
 *       which of `.env`, `.env.local`, `.env.*.local` git would commit, and the FixPlan appending
 *       the missing entries to the repository root's .gitignore (created if absent)
 *   repositoryEnvCoverage(repo, { overrides? }): EnvCoverage     the same for every project
 *   fileGitStatus(file, overrides?): FileGitStatus    ignored / tracked / committable, and why
 *   clearGitignoreCache(path?)                        for the extension's file watcher
 *   gitStateStamp(dir?): string                       changes when git's view of env files does (see state-stamp.ts)
 * Results are cached per process by path + mtime (.gitignore files) and index mtime (git ls-files).
 */
import { clearFileCache } from "./file-cache";
import { clearDotenvWalks } from "./framework-entries";
import { clearListingCache } from "./git-index";
import { clearRepoCache } from "./git-repo";
import { clearLocalExcludesCache } from "./local-excludes";
import { clearSecretEnvReadsCache } from "./secret-env-reads";

export { envFileCoverage, repositoryEnvCoverage, type EnvCoverage, type UncoveredEnvFile, type CoverageOptions } from "./coverage";
export { fileGitStatus, type FileGitStatus } from "./file-status";
export { gitignoreFileFindings, envFileTrackingFindings, repositoryAnchorFindings, isEslintConfigName } from "./findings";
export { gitIgnoreVerdict, type IgnoreVerdict, type TextOverrides } from "./ignore-rules";
export { findGitRepo, findProjectDir, type GitRepo } from "./git-repo";
export { appendEntriesEdit, appendEntriesPlan, KEYFENCE_COMMENT, lineEndingOf } from "./append-entries";
export { envGitignoreMessages, ENV_GITIGNORE_RULE, type EnvGitignoreMessageId } from "./messages";
export { gitStateStamp } from "./state-stamp";

/** Forget cached files, listings and repository locations (all, or those of one path). */
export function clearGitignoreCache(path?: string): void {
  clearFileCache(path);
  clearListingCache();
  clearSecretEnvReadsCache();
  clearDotenvWalks();
  if (path === undefined) {
    clearRepoCache();
    clearLocalExcludesCache();
  }
}

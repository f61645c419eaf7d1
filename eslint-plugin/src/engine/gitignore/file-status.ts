/** Is this one file ignored, tracked, or one `git add` away from the repository? */
import { basename, dirname, resolve } from "node:path";
import { isEnvFileName, isEnvTemplateName } from "../env-files/names";
import { isSymlink } from "./file-cache";
import { gitListingProblem, repoListing } from "./git-index";
import { type GitRepo, findGitRepo } from "./git-repo";
import { type IgnoreVerdict, type TextOverrides, gitIgnoreVerdict, repoRelative } from "./ignore-rules";

export interface FileGitStatus {
  file: string;
  /** Undefined: the file is in no git repository, so nothing commits it. */
  repo?: GitRepo;
  /** Repository-relative path (forward slashes). */
  path?: string;
  /**
   * In git's index. Known for env files (`.env*`); undefined for other files and when git could
   * not be asked (no git binary, refused folder).
   */
  tracked: boolean | undefined;
  /** Why git could not be asked whether it tracks this env file (then `tracked` is undefined). */
  gitProblem?: string;
  verdict: IgnoreVerdict;
  /** A template meant to be committed (`.env.example`, `.env.sample`…). */
  template: boolean;
  /** Not tracked and not ignored by any .gitignore: the next `git add .` commits it. */
  committable: boolean;
}

export function fileGitStatus(file: string, overrides?: TextOverrides): FileGitStatus {
  const absolute = resolve(file);
  const template = isEnvTemplateName(basename(absolute));
  const repo = findGitRepo(dirname(absolute));
  const path = repo && repoRelative(repo, absolute);
  if (!repo || path === undefined) {
    return { file: absolute, tracked: undefined, verdict: { ignored: false, thisCloneOnly: false }, template, committable: false };
  }
  // The listing holds env files only: for other files tracking stays unknown.
  const listing = isEnvFileName(basename(absolute)) ? repoListing(repo) : undefined;
  const verdict = gitIgnoreVerdict(repo, absolute, overrides);
  // A symlinked env file (formbricks' `apps/web/.env -> ../../.env`): git holds the link, never
  // the keys behind it, whether it tracks the link or would commit it.
  const link = listing !== undefined && isSymlink(absolute);
  const tracked = link ? false : listing?.trackedEnvFiles.has(path);
  const committable = !link && tracked !== true && (!verdict.ignored || verdict.thisCloneOnly);
  const gitProblem = isEnvFileName(basename(absolute)) && !listing ? gitListingProblem(repo) : undefined;
  return { file: absolute, repo, path, tracked, gitProblem, verdict, template, committable };
}

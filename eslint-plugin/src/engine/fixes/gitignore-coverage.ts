/**
 * Whether git would ignore a file, and the edit that makes it ignored. The answer is the gitignore
 * engine's (nested files, negations, anchoring, folder patterns), so a fix never writes a key into
 * a file git would commit; this module only adds "which .gitignore gets the line".
 */
import { basename, dirname, join, relative, sep } from "node:path";
import { GITIGNORE_ENTRIES, gitignoreEntryFor, isMustIgnoreEnvName, MUST_IGNORE_NAMES } from "../env-files/names";
import { appendEntriesEdit } from "../gitignore/append-entries";
import { findGitRepo } from "../gitignore/git-repo";
import { gitIgnoreVerdict } from "../gitignore/ignore-rules";
import { isRepoRoot } from "./project";
import type { ProjectFiles } from "./project-files";
import type { FileEdit } from "../finding";

/**
 * True when git ignores `file` for every clone (`.git/info/exclude` alone does not count).
 * .gitignore texts come from `files`, so unsaved editor text counts. Outside a repository the
 * folder at `stopDir` (or the file's folder) stands in for the repository root.
 */
export function isGitignored(files: ProjectFiles, file: string, stopDir?: string): boolean {
  const repo = findGitRepo(dirname(file)) ?? { root: stopDir ?? dirname(file), gitDir: join(stopDir ?? dirname(file), ".git") };
  const verdict = gitIgnoreVerdict(repo, file, { get: (path) => files.read(path) });
  return verdict.ignored && !verdict.thisCloneOnly;
}

/** The .gitignore a new entry goes into: the nearest existing one, else one next to the file. */
export function gitignoreFor(files: ProjectFiles, file: string, stopDir?: string): string {
  let dir = dirname(file);
  for (;;) {
    if (files.read(join(dir, ".gitignore")) !== undefined) return join(dir, ".gitignore");
    if (dir === stopDir || isRepoRoot(dir)) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dirname(file), ".gitignore");
}

/** The pattern that ignores an env file, the same entry the gitignore rule's own fix adds. */
export function gitignorePatternFor(envFileName: string): string {
  return isMustIgnoreEnvName(envFileName) ? gitignoreEntryFor(envFileName) : envFileName;
}

/** Edits that make .gitignore cover `file`, or [] when it already does. */
export function coverWithGitignore(files: ProjectFiles, file: string, stopDir?: string): FileEdit[] {
  if (isGitignored(files, file, stopDir)) return [];
  const gitignore = gitignoreFor(files, file, stopDir);
  const name = relative(dirname(gitignore), file).split(sep).join("/");
  const pattern = name.includes("/") ? `/${name}` : gitignorePatternFor(name);
  return [appendEntriesEdit(gitignore, files.read(gitignore), name.includes("/") ? [pattern] : withSiblingEntries(files, file, pattern, stopDir))];
}

/**
 * Writing the first env file of a folder: the entries env-gitignore asks for there (`.env`,
 * `.env.local`, `.env.*.local`) go in together, so the fix does not leave that rule's finding.
 */
function withSiblingEntries(files: ProjectFiles, file: string, pattern: string, stopDir?: string): string[] {
  if (!isMustIgnoreEnvName(basename(file))) return [pattern];
  const missing = GITIGNORE_ENTRIES.filter((entry) =>
    MUST_IGNORE_NAMES.some((name) => gitignoreEntryFor(name) === entry && !isGitignored(files, join(dirname(file), name), stopDir)),
  );
  return missing.includes(pattern as (typeof GITIGNORE_ENTRIES)[number]) ? missing : [pattern, ...missing];
}

/**
 * Whether git would ignore a file, and the edit that makes it ignored. The answer is the gitignore
 * engine's (nested files, negations, anchoring, folder patterns), so a fix never writes a key into
 * a file git would commit; this module only adds "which .gitignore gets the line".
 */
import { basename, dirname, join, relative, sep } from "node:path";
import { GITIGNORE_ENTRIES, gitignoreEntryFor, isMustIgnoreEnvName, MUST_IGNORE_NAMES } from "../env-files/names";
import { appendEntriesEdit } from "../gitignore/append-entries";
import { frameworkRequiresIgnoring } from "../gitignore/framework-entries";
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

/**
 * Edits that make .gitignore cover `file`, or [] when it already does. A fix that puts a key in
 * `file` and makes the code read it as `codeWillRead` also gets the other env files env-gitignore
 * then requires in that folder (`.env` once code reads a secret): the fix must not leave that
 * rule's finding, even when `file` itself was already ignored.
 */
export function coverWithGitignore(files: ProjectFiles, file: string, stopDir?: string, codeWillRead?: string): FileEdit[] {
  const gitignore = gitignoreFor(files, file, stopDir);
  const name = relative(dirname(gitignore), file).split(sep).join("/");
  const covered = isGitignored(files, file, stopDir);
  const own = covered ? [] : [name.includes("/") ? `/${name}` : gitignorePatternFor(name)];
  const siblings = requiredSiblingEntries(files, file, own, stopDir, codeWillRead);
  // In the order env-gitignore's own fix writes them (.env, .env.local, .env.*.local).
  const entries = own.every((entry) => (GITIGNORE_ENTRIES as readonly string[]).includes(entry))
    ? GITIGNORE_ENTRIES.filter((entry) => own.includes(entry) || siblings.includes(entry))
    : [...own, ...siblings];
  return entries.length === 0 ? [] : [appendEntriesEdit(gitignore, files.read(gitignore), entries)];
}

/**
 * The entries env-gitignore asks for in `file`'s folder (`.env`, `.env.local`, `.env.*.local`, as
 * the framework loads them) that no .gitignore covers yet, beyond `already`.
 */
function requiredSiblingEntries(files: ProjectFiles, file: string, already: string[], stopDir?: string, codeWillRead?: string): string[] {
  if (!isMustIgnoreEnvName(basename(file))) return [];
  return GITIGNORE_ENTRIES.filter((entry) =>
    !already.includes(entry) &&
    MUST_IGNORE_NAMES.some((name) => {
      const sibling = join(dirname(file), name);
      return gitignoreEntryFor(name) === entry && !isGitignored(files, sibling, stopDir) && frameworkRequiresIgnoring(sibling, entry, { codeWillRead });
    }),
  );
}

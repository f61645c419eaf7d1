/**
 * Whether git would ignore a file, from the .gitignore files between it and the repository root,
 * and the edit that makes it ignored. Kept small on purpose: the gitignore engine owns the
 * findings; fixes only need "is it covered?" and "add this line".
 */
import ignore from "ignore";
import { dirname, join, relative, sep } from "node:path";
import { gitignoreEntryFor, isMustIgnoreEnvName } from "../env-files/names";
import { appendEntriesEdit } from "../gitignore/append-entries";
import { isRepoRoot } from "./project";
import type { ProjectFiles } from "./project-files";
import type { FileEdit } from "../finding";

/** True when some .gitignore from the file's folder up to the repo root (or stopDir) ignores it. */
export function isGitignored(files: ProjectFiles, file: string, stopDir?: string): boolean {
  let dir = dirname(file);
  for (;;) {
    const text = files.read(join(dir, ".gitignore"));
    if (text !== undefined) {
      const rel = relative(dir, file).split(sep).join("/");
      // Later rules win, including negations: `ignore` follows git's semantics.
      if (ignore().add(text).ignores(rel)) return true;
    }
    if (dir === stopDir || isRepoRoot(dir)) return false;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
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
  return [appendEntriesEdit(gitignore, files.read(gitignore), [pattern])];
}

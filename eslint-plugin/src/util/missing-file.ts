import { existsSync } from "node:fs";

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/i;

/**
 * For a config's `ignores`: a file ESLint would read that is not there. ESLint lists every file
 * a config's `files` match, reads each, and stops the whole run on one it cannot open, such as a
 * dangling symlink (formbricks commits `apps/web/.env -> ../../.env`, which exists only once a
 * developer creates it). Code files are left to ESLint: every config lints them, KeyFence's
 * `ignores` could not keep them out of the run anyway. `.env`, `.gitignore`, Dockerfiles and
 * the files configs.files reads are linted because of KeyFence alone, so it keeps them out.
 * One stat per such file (a repository has few); none per code file.
 */
export function missingNonCodeFile(file: string): boolean {
  return !CODE_FILE.test(file) && !existsSync(file);
}

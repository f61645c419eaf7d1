/**
 * The source files of one project, for the text scans that ask about its code as a whole
 * (./secret-env-reads, ./framework-entries' dotenv question): not a nested package's (its own
 * project), not installed, built or dot-folder files, at most MAX_FILES of them.
 */
import { type Dirent, readdirSync } from "node:fs";
import { join } from "node:path";

const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "out", "coverage", "vendor"]);
const MAX_FILES = 5000;

/** Files under `dir` whose names `source` matches (declaration files aside), lazily: a scan may stop at the first answer. */
export function* projectSourceFiles(dir: string, source: RegExp): Generator<string> {
  let seen = 0;
  const stack = [dir];
  while (stack.length > 0 && seen < MAX_FILES) {
    const current = stack.pop()!;
    let dirents: Dirent[];
    try {
      dirents = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    // A nested package is its own project, judged on its own code.
    if (current !== dir && dirents.some((dirent) => dirent.name === "package.json" && dirent.isFile())) continue;
    for (const dirent of dirents) {
      const path = join(current, dirent.name);
      if (dirent.isDirectory()) {
        if (!SKIPPED_DIRS.has(dirent.name) && !dirent.name.startsWith(".")) stack.push(path);
      } else if (dirent.isFile() && source.test(dirent.name) && !dirent.name.endsWith(".d.ts")) {
        seen++;
        yield path;
      }
    }
  }
}

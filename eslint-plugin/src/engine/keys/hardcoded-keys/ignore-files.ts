/**
 * `ignoreFiles` globs. minimatch is the matcher ESLint itself uses for `files`/`ignores`, so a
 * glob means the same here as in the user's config (path.matchesGlob needs Node 22).
 */
import * as path from "node:path";
import { minimatch } from "minimatch";

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

export function fileIsIgnored(file: string, patterns: readonly string[], cwd = process.cwd()): boolean {
  const relative = toPosix(path.relative(cwd, file));
  const candidates = relative && !relative.startsWith("../") ? [relative, toPosix(file)] : [toPosix(file)];
  return patterns.some((pattern) => {
    const matchBase = !pattern.includes("/");
    return candidates.some((candidate) => minimatch(candidate, pattern, { dot: true, matchBase }));
  });
}

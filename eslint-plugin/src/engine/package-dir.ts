/** The folder of the nearest package.json at or above `dir` (a project's root), or undefined. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

export function nearestPackageDir(dir: string): string | undefined {
  for (let current = dir, depth = 0; depth < 40; depth++) {
    if (existsSync(join(current, "package.json"))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * ProjectView over the real file system. Reads are cached by path + mtime, so a file read by
 * several findings in one lint run is read once, and an edited file is read again.
 */
import { readFileSync, statSync } from "node:fs";
import type { ProjectView } from "./types";

const MAX_BYTES = 2 * 1024 * 1024;
const cache = new Map<string, { mtime: number; text: string | undefined }>();

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

export function diskProjectView(): ProjectView {
  return {
    exists: (file) => mtimeOf(file) !== undefined,
    mtime: mtimeOf,
    read(file) {
      let stat;
      try {
        stat = statSync(file);
      } catch {
        cache.delete(file);
        return undefined;
      }
      const cached = cache.get(file);
      if (cached && cached.mtime === stat.mtimeMs) return cached.text;
      let text: string | undefined;
      try {
        text = stat.isFile() && stat.size <= MAX_BYTES ? readFileSync(file, "utf8") : undefined;
      } catch {
        text = undefined;
      }
      if (cache.size > 500) cache.clear();
      cache.set(file, { mtime: stat.mtimeMs, text });
      return text;
    },
  };
}

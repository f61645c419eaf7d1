/**
 * The names in a folder, read once per run and again only when the folder changes: every env
 * file asks for the Docker builds around it (each folder up to the repository root) and for its
 * sibling env files, so without this a run reads the same folders once per env file.
 * Kept in the file cache (engine/gitignore/file-cache.ts) under the folder's own path: a
 * folder's mtime changes when an entry is added, removed or renamed, which is exactly when the
 * listing changes (the cache's read of the folder as a file fails and is ignored).
 */
import { readdirSync } from "node:fs";
import { derive } from "../gitignore/file-cache";

export function folderEntries(dir: string): readonly string[] {
  return derive(dir, "folder-entries", () => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  });
}

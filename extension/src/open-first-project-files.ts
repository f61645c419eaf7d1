/**
 * The project as fix planners and cross-file checks see it, in either host (the extension and
 * the language server): open documents first (their unsaved text is what the user sees), then
 * disk, cached by path and mtime. The host's file watcher calls `forget`, so the cache never
 * serves a stale file and nothing re-reads the whole workspace. Host-free: the host says how to
 * find an open document's text.
 */
import { readFileSync, statSync } from "node:fs";
import type { ProjectFiles } from "../../eslint-plugin/src/engine/fixes/index";

const MAX_BYTES = 2 * 1024 * 1024;

export class OpenFirstProjectFiles implements ProjectFiles {
  private readonly cache = new Map<string, { mtimeMs: number; text: string | undefined }>();

  /** `openText(file)`: the text of an open document of that path, if one is open. */
  constructor(private readonly openText: (file: string) => string | undefined) {}

  read(file: string): string | undefined {
    const open = this.openText(file);
    if (open !== undefined) return open;
    let mtimeMs: number;
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return undefined;
      ({ mtimeMs, size } = stat);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit.text;
    let text: string | undefined;
    try {
      text = size > MAX_BYTES ? undefined : readFileSync(file, "utf8");
    } catch {
      text = undefined;
    }
    this.cache.set(file, { mtimeMs, text });
    return text;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  clear(): void {
    this.cache.clear();
  }
}

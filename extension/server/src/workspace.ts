/**
 * The workspace folders the client opened: project lookups never go above a file's folder, and
 * `keyfence.ignoredPaths` (gitignore syntax) apply relative to it.
 */
import { relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Settings } from "../../src/settings";
import { filePath } from "./uris";

export class Workspace {
  private folders: string[] = [];
  private ignored: Ignore = ignore();
  private hasIgnoredPaths = false;

  setFolders(uris: string[], settings: Settings): void {
    // Longest first: a nested folder wins over its parent.
    this.folders = uris.map(filePath).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
    this.setSettings(settings);
  }

  setSettings(settings: Settings): void {
    this.ignored = ignore().add(settings.ignoredPaths);
    this.hasIgnoredPaths = settings.ignoredPaths.length > 0;
  }

  /** Every folder, shortest path first (the order the client listed them is not kept). */
  allFolders(): string[] {
    return [...this.folders].reverse();
  }

  folderOf(path: string): string | undefined {
    return this.folders.find((folder) => path === folder || path.startsWith(folder + sep));
  }

  isIgnored(path: string): boolean {
    const folder = this.hasIgnoredPaths ? this.folderOf(path) : undefined;
    if (!folder) return false;
    const rel = relative(folder, path).split(sep).join("/");
    return rel !== "" && this.ignored.ignores(rel);
  }
}

/**
 * The workspace folders the client opened: project lookups never go above a file's folder,
 * each folder has its own settings in a multi-root workspace, and `keyfence.ignoredPaths`
 * (gitignore syntax) apply relative to the folder.
 */
import { relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Settings } from "../../src/settings";
import { filePath, fileUri } from "./uris";

export class Workspace {
  private folders: string[] = [];
  private defaults: Settings | undefined;
  /** Settings by folder path, for folders the client sent their own. */
  private perFolder = new Map<string, Settings>();
  private ignored = new Map<Settings, Ignore>();

  setFolders(uris: string[], settings: Settings, perFolder = new Map<string, Settings>()): void {
    // Longest first: a nested folder wins over its parent.
    this.folders = uris.map(filePath).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
    this.setSettings(settings, perFolder);
  }

  /** `perFolder` is keyed by folder URI, as the client sends it. */
  setSettings(settings: Settings, perFolder = new Map<string, Settings>()): void {
    this.defaults = settings;
    this.perFolder = new Map([...perFolder].flatMap(([uri, value]) => {
      const path = filePath(uri);
      return path ? [[path, value] as const] : [];
    }));
    this.ignored.clear();
  }

  /** The settings that apply to `path`: its folder's own, else the top-level ones. */
  settingsFor(path: string): Settings {
    const folder = this.folderOf(path);
    return (folder && this.perFolder.get(folder)) || this.defaults!;
  }

  /** The folders' own settings, keyed by folder URI (as setSettings takes them). */
  folderSettings(): Map<string, Settings> {
    return new Map([...this.perFolder].map(([path, value]) => [fileUri(path), value]));
  }

  /** A folder's own settings, else the top-level ones. */
  settingsOfFolder(folder: string): Settings {
    return this.perFolder.get(folder) ?? this.defaults!;
  }

  /** Every folder, shortest path first (the order the client listed them is not kept). */
  allFolders(): string[] {
    return [...this.folders].reverse();
  }

  folderOf(path: string): string | undefined {
    return this.folders.find((folder) => path === folder || path.startsWith(folder + sep));
  }

  isIgnored(path: string): boolean {
    const folder = this.folderOf(path);
    if (!folder) return false;
    const settings = this.settingsOfFolder(folder);
    if (settings.ignoredPaths.length === 0) return false;
    let rules = this.ignored.get(settings);
    if (!rules) this.ignored.set(settings, (rules = ignore().add(settings.ignoredPaths)));
    const rel = relative(folder, path).split(sep).join("/");
    return rel !== "" && rules.ignores(rel);
  }
}

/**
 * One read of each small text file per process, keyed by path + mtime + size: .gitignore files,
 * .git/info/exclude and package.json are read by every check of every linted file, so they are
 * read once and re-read only when they change. The extension calls clearGitignoreCache() from
 * its file watcher.
 */
import { type Stats, lstatSync, readFileSync, statSync } from "node:fs";

/** Files bigger than this are not .gitignore files anyone wrote by hand: treated as absent. */
const MAX_BYTES = 1024 * 1024;

interface Entry {
  stamp: string;
  text: string | undefined;
  derived: Map<string, unknown>;
}

const entries = new Map<string, Entry>();

/**
 * The stats taken during the current pass (see onePass), by "s:"/"l:" + path; undefined outside one.
 * (A Map, not the entries above: a pass also asks about paths that hold no text, such as links.)
 */
let passStats: Map<string, Stats | undefined> | undefined;

/**
 * Runs `work` with the disk taken as it was when the pass began: each path is stat'ed once. A
 * repository's coverage asks the same few .gitignore, exclude and config files about every env
 * name of every project (vercel/ai: 1,200 verdicts, each a stat and an lstat per folder level,
 * ~150 ms with every text already read). Outside a pass each call stats afresh, as a
 * long-lived editor needs. Passes nest: the outermost one decides when the stats are dropped.
 */
export function onePass<T>(work: () => T): T {
  if (passStats) return work();
  passStats = new Map();
  try {
    return work();
  } finally {
    passStats = undefined;
  }
}

function statOnce(path: string, link: boolean): Stats | undefined {
  const key = (link ? "l:" : "s:") + path;
  if (passStats?.has(key)) return passStats.get(key);
  let stat: Stats | undefined;
  try {
    stat = link ? lstatSync(path) : statSync(path);
  } catch {
    stat = undefined;
  }
  passStats?.set(key, stat);
  return stat;
}

/** "mtime:size" of a path, or undefined when it does not exist or cannot be read. */
export function fileStamp(path: string): string | undefined {
  const stat = statOnce(path, false);
  return stat && (stat.isFile() || stat.isDirectory()) ? `${stat.mtimeMs}:${stat.size}` : undefined;
}

/** Whether the path itself is a symbolic link (false when it does not exist). */
export function isSymlink(path: string): boolean {
  return statOnce(path, true)?.isSymbolicLink() === true;
}

/** Files read a pattern a line: `.gitignore`, `.dockerignore`, `.npmignore`, `.git/info/exclude`. */
const IGNORE_FILE = /(?:^|[\\/])(?:\.gitignore|\.dockerignore|\.npmignore|exclude)$/;

/**
 * Text but for NUL bytes: a line appended in UTF-16 (PowerShell's `echo … >> .gitignore`:
 * WinstonTa/CalHacks-2025, batch 65). Git reads such an ignore file a pattern a line, and that line
 * matches nothing. Any other control character makes it binary.
 */
export function isTextWithNulBytes(text: string): boolean {
  return text.includes("\0") && !/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
}

function entryFor(path: string): Entry {
  const stamp = fileStamp(path) ?? "missing";
  const cached = entries.get(path);
  if (cached && cached.stamp === stamp) return cached;
  let text: string | undefined;
  if (stamp !== "missing") {
    try {
      const raw = readFileSync(path);
      // Binary or oversized: not a text file we can reason about. Except an ignore file, which git
      // reads line by line whatever a line holds: a line written as UTF-16 (NUL bytes between its
      // letters, as PowerShell's `echo … >> .gitignore` appends) matches nothing, and the others
      // still count (WinstonTa/CalHacks-2025's backend/.gitignore, batch 65).
      text = raw.length > MAX_BYTES ? undefined : raw.toString("utf8");
      if (text?.includes("\0") && !(IGNORE_FILE.test(path) && isTextWithNulBytes(text))) text = undefined;
    } catch {
      text = undefined;
    }
  }
  const entry: Entry = { stamp, text, derived: new Map() };
  entries.set(path, entry);
  return entry;
}

/** Text of a file, or undefined when it is missing, unreadable, binary or huge. Never throws. */
export function readText(path: string): string | undefined {
  return entryFor(path).text;
}

/**
 * Something computed from a file's text (a compiled matcher), recomputed only when the file
 * changes. `build` receives undefined when the file is missing.
 */
export function derive<T>(path: string, key: string, build: (text: string | undefined) => T): T {
  const entry = entryFor(path);
  if (!entry.derived.has(key)) entry.derived.set(key, build(entry.text));
  return entry.derived.get(key) as T;
}

/** Forget cached files (all of them, or one path): for hosts that watch the file system. */
export function clearFileCache(path?: string): void {
  if (path === undefined) entries.clear();
  else entries.delete(path);
}

/**
 * One cache of file facts for the whole process, keyed by path and checked against mtime:
 * text, directives and parsed module info. Each file is read and parsed at most once while it
 * is unchanged. `invalidate(path)` drops one file (the extension's file watcher calls it).
 */
import * as fs from "node:fs";
import { directivesInText } from "./directives";
import { brokenModule, readModuleInfo, type ModuleInfo } from "./module-info";

/** Files bigger than this are not JavaScript anyone wrote by hand: no edges, stays quiet. */
const MAX_FILE_BYTES = 1_000_000;

interface FileEntry {
  mtimeMs: number;
  size: number;
  text?: string;
  directives?: string[];
  info?: ModuleInfo;
}

const entries = new Map<string, FileEntry>();
const listeners = new Set<(file: string) => void>();

import { fileStats } from "./stats";

export { fileStats };

/** Drops what is known about `file` (and tells the graphs that depend on it). */
export function invalidateFile(file: string): void {
  entries.delete(file);
  for (const listener of listeners) listener(file);
}

export function onInvalidate(listener: (file: string) => void): void {
  listeners.add(listener);
}

export function clearFiles(): void {
  entries.clear();
}

/** The cached entry if the file is unchanged on disk, else a fresh one (undefined if unreadable). */
function entry(file: string): FileEntry | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    entries.delete(file);
    return undefined;
  }
  const cached = entries.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const fresh: FileEntry = { mtimeMs: stat.mtimeMs, size: stat.size };
  entries.set(file, fresh);
  return fresh;
}

/** Same as entry() but trusts the cache without a stat (the graph re-stats on its own schedule). */
function known(file: string): FileEntry | undefined {
  return entries.get(file) ?? entry(file);
}

function textOf(file: string, fileEntry: FileEntry): string | undefined {
  if (fileEntry.text !== undefined) return fileEntry.text;
  if (fileEntry.size > MAX_FILE_BYTES) return undefined;
  try {
    fileEntry.text = fs.readFileSync(file, "utf8");
    fileStats.reads++;
  } catch {
    return undefined;
  }
  return fileEntry.text;
}

export function directivesOfFile(file: string): string[] {
  const fileEntry = known(file);
  if (!fileEntry) return [];
  fileEntry.directives ??= fileEntry.text !== undefined ? prologueOf(fileEntry.text) : directivesOnDisk(file, fileEntry);
  return fileEntry.directives;
}

/** Only files mentioning a directive need the prologue scan. */
const prologueOf = (text: string) => (text.includes("use ") ? directivesInText(text) : []);

/** Bytes read to look for a file's directive prologue (more than any licence header we met). */
const HEAD_BYTES = 4096;

/**
 * The graph asks every file of a Next.js project for its directives, and the prologue sits at the
 * top: reading (and keeping) whole files for it cost more CPU and memory than the lint itself on
 * a big monorepo. So read the head: code that is not a string starting inside it means no
 * prologue. Anything less certain reads the whole file. The text is not kept.
 */
function directivesOnDisk(file: string, fileEntry: FileEntry): string[] {
  if (fileEntry.size > MAX_FILE_BYTES) return [];
  let head: string;
  try {
    const fd = fs.openSync(file, "r");
    try {
      const buffer = Buffer.allocUnsafe(Math.min(HEAD_BYTES, fileEntry.size));
      head = buffer.toString("utf8", 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
      fileStats.reads++;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
  if (fileEntry.size <= HEAD_BYTES) return prologueOf(head);
  const code = firstCodeCharacter(head);
  if (code !== undefined && code !== '"' && code !== "'") return []; // code first: no prologue at all
  try {
    fileStats.reads++;
    return prologueOf(fs.readFileSync(file, "utf8"));
  } catch {
    return [];
  }
}

/** The first character after leading whitespace, comments and a hashbang; undefined if `head` ends first. */
function firstCodeCharacter(head: string): string | undefined {
  let i = head.startsWith("#!") ? head.indexOf("\n") : 0;
  while (i >= 0 && i < head.length) {
    const c = head[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\ufeff") i++;
    else if (c === "/" && head[i + 1] === "/") i = head.indexOf("\n", i);
    else if (c === "/" && head[i + 1] === "*") i = head.indexOf("*/", i + 2) < 0 ? -1 : head.indexOf("*/", i + 2) + 2;
    else return c;
  }
  return undefined;
}

export function moduleInfoOf(file: string): ModuleInfo {
  const fileEntry = known(file);
  if (!fileEntry) return brokenModule();
  if (fileEntry.info) return fileEntry.info;
  const text = textOf(file, fileEntry);
  fileStats.scans++;
  fileEntry.info = text === undefined ? brokenModule() : readModuleInfo(file, text, () => rereadText(file));
  fileEntry.directives ??= fileEntry.info.directives;
  // The text is no longer needed once parsed (the AST, if any, lives in the info).
  fileEntry.text = undefined;
  return fileEntry.info;
}

/** A module's text again, for the rare AST its info builds late (the info keeps no text). */
function rereadText(file: string): string | undefined {
  try {
    fileStats.reads++;
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Size and mtime of `file` when its facts were read (undefined when never read). */
export function factsReadAt(file: string): { size: number; mtimeMs: number } | undefined {
  return entries.get(file);
}

/** True when `file` changed on disk since it was cached (or vanished). */
export function changedOnDisk(file: string): boolean {
  const cached = entries.get(file);
  if (!cached) return false;
  try {
    const stat = fs.statSync(file);
    return stat.mtimeMs !== cached.mtimeMs || stat.size !== cached.size;
  } catch {
    return true;
  }
}

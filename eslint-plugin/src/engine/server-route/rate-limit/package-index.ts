/**
 * One index per package, built from the code files whose text may hold what it records (the
 * routers each file mounts, mounted-limits.ts; the actions each file hands to createAI,
 * rsc-actions-index.ts), and kept while those files are unchanged.
 *
 *   packageIndex(cache, root, project, { mayHold, empty, add }) → the index of the package at `root`
 *
 * Within a few seconds, or while every file it was built from has the same mtime (a lint run over a
 * big repository asks for many files): the same answers. A file that starts holding such a thing
 * is noticed when the editor's watcher says so (the caller clears its cache on onInvalidate) or when
 * one of those files changes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource, type SourceFile } from "../../ast";
import type { ProjectView } from "../types";

const MAX_BYTES = 512 * 1024;
const FRESH_MS = 3000;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist", "build", "out", "coverage", ".next", ".nuxt", ".output", ".svelte-kit", ".turbo", ".vercel"]);
/** Files read per project at most: a server's code, not a monorepo's every package. */
const MAX_FILES = 3000;
/**
 * A test or spec file (`handler.test.ts`, `__tests__/`): the routes it registers, and the apps it
 * mounts a router on (a jest file's `app.use("/api/chat", chatRoutes)` with no limiter:
 * Mar-cere/Anto, batch 171), serve no one.
 */
export const TEST_FILE = /(?:^|[\\/])__tests__[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/**
 * A copy the editor's local history keeps, `.history/server/routes/dalleRoutes_20230125101946.js` (VS Code's
 * Local History extension; remydev47/ai-dalle commits them, batch 245): no server loads it, so nothing it registers is served.
 */
export const EDITOR_HISTORY_FILE = /(?:^|[\\/])\.history[\\/]/;

export interface Indexed<T> {
  value: T;
  /** The files the index was built from, with their mtimes then. */
  stamps: Array<[string, number | undefined]>;
  checkedAt: number;
}

export interface IndexRecipe<T> {
  /** A cheap test of a file's text: only files that pass are parsed. */
  mayHold(text: string): boolean;
  empty(): T;
  add(source: SourceFile, index: T): void;
}

export function packageIndex<T>(cache: Map<string, Indexed<T>>, root: string, project: ProjectView, recipe: IndexRecipe<T>): T {
  const cached = cache.get(root);
  const now = Date.now();
  if (cached && (now - cached.checkedAt < FRESH_MS || (project.mtime && cached.stamps.every(([file, mtime]) => project.mtime!(file) === mtime)))) {
    cached.checkedAt = now;
    return cached.value;
  }
  const index: Indexed<T> = { value: recipe.empty(), stamps: [], checkedAt: now };
  for (const file of codeFiles(root)) {
    if (TEST_FILE.test(file)) continue;
    const text = project.read(file);
    if (text === undefined || text.length > MAX_BYTES || !recipe.mayHold(text)) continue;
    index.stamps.push([file, project.mtime?.(file)]);
    const source = parseSource(file, text, { loc: false, comments: false });
    if (source) recipe.add(source, index.value);
  }
  cache.set(root, index);
  return index.value;
}

/** The code files of the package at `root`, not those of packages nested in it (their own projects). */
export function codeFiles(root: string): string[] {
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0 && files.length < MAX_FILES) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        // Another package's folder is its own project.
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".") && !fs.existsSync(path.join(dir, entry.name, "package.json"))) stack.push(path.join(dir, entry.name));
      } else if (entry.isFile() && CODE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/i.test(entry.name)) {
        files.push(path.join(dir, entry.name));
      }
    }
  }
  return files;
}

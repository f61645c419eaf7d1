/**
 * A fingerprint of where the client boundary runs, for `eslint --cache`.
 *
 * ESLint's cache replays a file's result while the file and its config are unchanged, but the
 * client rules' result for `lib/ai-client.ts` also depends on OTHER files: a new `"use client"`
 * component that imports it turns it into browser code. configs.recommended puts this stamp in
 * its `settings`, so the cache is dropped exactly when the set of browser (and server-only-in-
 * browser) modules changes, and kept across ordinary edits.
 *
 * Cost: the project's import graph (about 1–1.5 s cold for 5,000 files, see
 * test/client/graph-bench.ts), paid only when ESLint serialises the config, i.e. with `--cache`.
 * Known gap: a changed import chain with the same set of browser modules keeps the old chain text
 * in a cached message (the finding itself stays right).
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { clientGraphFor } from "./graph";

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;
const NOT_SOURCE_FOLDERS = new Set(["node_modules", "dist", "build", "out", "coverage"]);
/** Beyond this many files the walk stops: the stamp then only says "too large" (no protection). */
const MAX_FILES = 20_000;

export function clientBoundaryStamp(dir: string): string {
  try {
    const files: string[] = [];
    collectSourceFiles(path.resolve(dir), files);
    if (files.length >= MAX_FILES) return "too-large";
    const hash = createHash("sha1");
    for (const file of files) {
      const status = clientGraphFor(file)?.status(file);
      if (status === "browser" || status === "server-only") hash.update(`${path.relative(dir, file)}:${status}\n`);
    }
    return hash.digest("hex").slice(0, 12);
  } catch {
    return "unknown";
  }
}

function collectSourceFiles(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (out.length >= MAX_FILES) return;
    if (entry.name.startsWith(".") || NOT_SOURCE_FOLDERS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collectSourceFiles(full, out);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
}

/**
 * Serialises to `clientBoundaryStamp(dir)`, computed the first time ESLint serialises the config
 * (only for `--cache`; see engine/gitignore/state-stamp.ts for the same pattern).
 */
export class LazyClientBoundaryStamp {
  readonly #dir: string | undefined;
  #value: string | undefined;

  constructor(dir?: string) {
    this.#dir = dir;
  }

  toJSON(): string {
    this.#value ??= clientBoundaryStamp(this.#dir ?? process.cwd());
    return this.#value;
  }

  toString(): string {
    return this.toJSON();
  }
}

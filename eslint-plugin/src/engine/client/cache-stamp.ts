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
 * test/client/graph-bench.ts), paid only when ESLint serialises the config, i.e. with `--cache`,
 * and only when some file changed: the stamp is saved with a fingerprint of the facts it was
 * computed from (every file's path, size and mtime under `dir`, the facts ESLint's own cache
 * trusts, plus the package manager's install marker), in `node_modules/.cache/keyfence/` (the
 * usual home of tools' caches; the system temp folder when there is no node_modules). A warm run
 * on an unchanged tree pays one walk with a stat per file instead of the graph.
 * Known gap: a changed import chain with the same set of browser modules keeps the old chain text
 * in a cached message (the finding itself stays right).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as Framework from "./framework";
import type * as Graph from "./graph";
import type { ClientGraph } from "./graph";
import type * as Workspaces from "./workspaces";

const { version } = require("../../../package.json") as { version: string };

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;
const NOT_SOURCE_FOLDERS = new Set(["node_modules", "dist", "build", "out", "coverage"]);
/** Beyond this many files the walk stops: the stamp then only says "too large" (no protection). */
const MAX_FILES = 20_000;
/** What a reinstall changes in node_modules (npm, pnpm, yarn): resolution may differ after it. */
const INSTALL_MARKERS = ["node_modules/.package-lock.json", "node_modules/.modules.yaml", "node_modules/.yarn-state.yml"];

export function clientBoundaryStamp(dir: string): string {
  try {
    const root = path.resolve(dir);
    const files: string[] = [];
    const facts = createHash("sha1").update(`${version}\n`);
    const seen: string[] = [];
    collectSourceFiles(root, "", files, seen);
    // One update: a hash call per file cost as much as its stat.
    facts.update(seen.join(""));
    if (files.length >= MAX_FILES) return "too-large";
    for (const marker of INSTALL_MARKERS) facts.update(`${marker}:${statFacts(path.join(root, marker))}\n`);
    const fingerprint = facts.digest("hex");
    const saved = savedStamp(root);
    if (saved?.fingerprint === fingerprint) return saved.stamp;
    const stamp = boundaryOf(root, files);
    saveStamp(root, { fingerprint, stamp });
    return stamp;
  } catch {
    return "unknown";
  }
}

/**
 * The browser and server-only modules among `files`, by every graph that may hold each: its own
 * app's, and for a workspace package's file the graphs of the apps that depend on the package
 * (a library is no app of its own, framework.ts). The graphs a package's files are in are the
 * same for all of them, so they are looked up once per package.
 */
function boundaryOf(root: string, files: string[]): string {
  // Loaded only when the tree changed: a warm run on an unchanged tree needs no graph code.
  const { frameworkOf } = require("./framework") as typeof Framework;
  const { clientGraphsFor } = require("./graph") as typeof Graph;
  const { packageOfFile, workspaceOf } = require("./workspaces") as typeof Workspaces;
  const hash = createHash("sha1");
  const graphsByPackage = new Map<string, ClientGraph[]>();
  for (const file of files) {
    const workspace = workspaceOf(path.dirname(file));
    const pkg = workspace && packageOfFile(workspace, file);
    // A framework folder nested in a package (not itself listed) has a graph of its own.
    const key = pkg && `${pkg.dir}|${frameworkOf(file).root}`;
    let graphs = key ? graphsByPackage.get(key) : undefined;
    if (!graphs) {
      graphs = clientGraphsFor(file);
      if (key) graphsByPackage.set(key, graphs);
    }
    const statuses = new Set(graphs.map((graph) => graph.status(file)));
    const status = statuses.has("browser") ? "browser" : statuses.has("server-only") ? "server-only" : undefined;
    if (status) hash.update(`${path.relative(root, file)}:${status}\n`);
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * Source files under `root` into `out`; every file seen (config files, index.html…) with its
 * size and mtime into `seen`. This walk is what a warm `--cache` run pays, so it stays lean: no
 * path.relative, no exception for a file that vanished mid-walk.
 */
function collectSourceFiles(root: string, rel: string, out: string[], seen: string[]): void {
  const dir = rel ? root + path.sep + rel : root;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (out.length >= MAX_FILES) return;
    if (entry.name.startsWith(".") || NOT_SOURCE_FOLDERS.has(entry.name)) continue;
    const relative = rel ? rel + path.sep + entry.name : entry.name;
    if (entry.isDirectory()) collectSourceFiles(root, relative, out, seen);
    else if (entry.isFile()) {
      const full = dir + path.sep + entry.name;
      const stat = statSync(full, { throwIfNoEntry: false });
      seen.push(relative, ":", stat ? `${stat.size}:${stat.mtimeMs}` : "-", "\n");
      if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
    }
  }
}

function statFacts(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "-";
  }
}

interface SavedStamp {
  fingerprint: string;
  stamp: string;
}

function stampFile(root: string): string {
  const folder = existsSync(path.join(root, "node_modules")) ? path.join(root, "node_modules", ".cache", "keyfence") : path.join(tmpdir(), "keyfence-cache");
  return path.join(folder, `client-boundary-${createHash("sha1").update(root).digest("hex").slice(0, 12)}.json`);
}

function savedStamp(root: string): SavedStamp | undefined {
  try {
    const saved = JSON.parse(readFileSync(stampFile(root), "utf8")) as Partial<SavedStamp>;
    return typeof saved.fingerprint === "string" && typeof saved.stamp === "string" ? (saved as SavedStamp) : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only tree only means the next run computes the stamp again. */
function saveStamp(root: string, saved: SavedStamp): void {
  try {
    const file = stampFile(root);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // Nothing to do: see above.
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

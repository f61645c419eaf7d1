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
 * computed from (the names of the files under `dir` that can move the boundary: code, JSON, HTML
 * and YAML; the size and mtime of the config files among them and of the code files the graphs
 * read, the facts ESLint's own cache trusts; the package manager's install marker), in
 * `node_modules/.cache/keyfence/` (the usual home of tools' caches; the system temp folder when
 * there is no node_modules). A warm run on an unchanged tree pays a stat per folder, per config
 * file and per code file a graph read instead of the graph: a folder whose mtime is unchanged (a
 * file added, removed or renamed in it changes it) is not listed again, its saved listing is used.
 * Known gap: a changed import chain with the same set of browser modules keeps the old chain text
 * in a cached message (the finding itself stays right).
 */
import { createHash, type Hash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheFolder } from "../cache-folder";
import type * as Files from "./files";
import type * as Framework from "./framework";
import type * as Graph from "./graph";
import type { ClientGraph } from "./graph";
import type * as Workspaces from "./workspaces";

const { version } = require("../../../package.json") as { version: string };

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;
/** Not code, but read by the graph: package.json, tsconfig paths, Vite's index.html, pnpm-workspace.yaml. */
const BOUNDARY_INPUT = /\.(?:json|jsonc|html|ya?ml)$/;
const NOT_SOURCE_FOLDERS = new Set(["node_modules", "dist", "build", "out", "coverage"]);
/** Beyond this many files the walk stops: the stamp then only says "too large" (no protection). */
const MAX_FILES = 20_000;
/** What a reinstall changes in node_modules (npm, pnpm, yarn): resolution may differ after it. */
const INSTALL_MARKERS = ["node_modules/.package-lock.json", "node_modules/.modules.yaml", "node_modules/.yarn-state.yml"];
/**
 * A saved listing is trusted only for a folder last changed this long before it was saved: on a
 * file system with coarse timestamps a change in the same tick as the listing keeps the mtime.
 */
const RACY_MS = 2_000;

/** What the last stamps cost: folders listed (not taken from the saved listings) and files stat'd. */
export const stampStats = { foldersListed: 0, filesChecked: 0 };

export function clientBoundaryStamp(dir: string): string {
  try {
    const root = path.resolve(dir);
    const saved = savedStamp(root);
    const walk: Walk = { root, folders: [], fileCount: 0, stats: new Float64Array(1024), statCount: 0, listings: {}, previous: saved?.listings ?? {}, trustedBefore: (saved?.savedAt ?? 0) - RACY_MS };
    collectSourceFiles(walk, "");
    if (walk.fileCount >= MAX_FILES) return "too-large";
    // Every listing as saved (none read again): the names are the saved ones, and so is their digest.
    // Spelling 3,325 paths and 452 folders' names again cost a warm run over vercel/ai's packages ~4 ms.
    const names = !walk.listed && saved ? saved.names : namesDigest(walk);
    const listingFacts = createHash("sha1").update(`${version}\n${names}\n`);
    // The numbers in one buffer: a hash call or a string per file cost as much as its stat.
    listingFacts.update(new Uint8Array(walk.stats.buffer, 0, walk.statCount * Float64Array.BYTES_PER_ELEMENT));
    for (const marker of INSTALL_MARKERS) listingFacts.update(`${marker}:${statFacts(path.join(root, marker))}\n`);
    if (saved) {
      // Absolute paths as saved: a path.resolve per file cost a warm run of vercel/ai's packages
      // 6-10 ms of its ~65 ms (1,648 files, most of them `../examples/...`), as much as their stats.
      const watched = saved.watched ?? sourceFiles(walk);
      if (fingerprintOf(listingFacts.copy(), watched) === saved.fingerprint) {
        // Listings read again this run (none on an unchanged tree) are worth keeping.
        if (walk.listed) saveStamp(root, { ...saved, names, listings: walk.listings, savedAt: Date.now() });
        return saved.stamp;
      }
    }
    const savedAt = Date.now();
    const files = sourceFiles(walk);
    const { stamp, read } = boundaryOf(root, files);
    const watched = read && [...read].sort();
    const { factsReadAt } = require("./files") as typeof Files;
    const fingerprint = fingerprintOf(listingFacts, watched ?? files, factsReadAt);
    saveStamp(root, { format: SAVED_FORMAT, fingerprint, names, stamp, listings: walk.listings, watched: watched ?? null, savedAt });
    return stamp;
  } catch {
    return "unknown";
  }
}

/**
 * The listing's facts, then the size and mtime of each code file the graphs read: as on disk now,
 * or (`readAt`, when the stamp was just computed) as when the graph read it, so that an edit made
 * while the graph was being built is seen by the next run.
 */
function fingerprintOf(listingFacts: Hash, files: string[], readAt?: (file: string) => { size: number; mtimeMs: number } | undefined): string {
  const stats = new Float64Array(files.length * 2);
  for (let index = 0; index < files.length; index++) {
    const stat = readAt?.(files[index]) ?? statSync(files[index], { throwIfNoEntry: false });
    stats[index * 2] = stat ? stat.size : -1;
    stats[index * 2 + 1] = stat ? stat.mtimeMs : -1;
  }
  stampStats.filesChecked += files.length;
  return listingFacts.update(new Uint8Array(stats.buffer)).digest("hex");
}

/**
 * The browser and server-only modules among `files`, by every graph that may hold each: its own
 * app's, and for a workspace package's file the graphs of the apps that depend on its package
 * (a library is no app of its own, framework.ts). The graphs a package's files are in are the
 * same for all of them, so they are looked up once per package.
 *
 * Also the code files those graphs read (`read`; undefined when one gave up on a project too
 * big): the answers depend on those files' text, the folders' listings and the config files
 * alone (the graphs' own freshness check stats the same files, graph.ts). A warm run stats only
 * these, not every code file under the root: in a monorepo linted from a folder of libraries
 * no app imports, that is almost none.
 */
function boundaryOf(root: string, files: string[]): { stamp: string; read: Set<string> | undefined } {
  // Loaded only when the tree changed: a warm run on an unchanged tree needs no graph code.
  const { frameworkOf } = require("./framework") as typeof Framework;
  const { clientGraphsFor } = require("./graph") as typeof Graph;
  const { packageOfFile, workspaceOf } = require("./workspaces") as typeof Workspaces;
  const hash = createHash("sha1");
  const graphsByPackage = new Map<string, ClientGraph[]>();
  const used = new Set<ClientGraph>();
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
    for (const graph of graphs) used.add(graph);
    const statuses = new Set(graphs.map((graph) => graph.status(file)));
    const status = statuses.has("browser") ? "browser" : statuses.has("server-only") ? "server-only" : undefined;
    if (status) hash.update(`${path.relative(root, file)}:${status}\n`);
  }
  let read: Set<string> | undefined = new Set();
  for (const graph of used) {
    const graphRead = graph.filesRead();
    if (!graphRead) {
      read = undefined;
      break;
    }
    for (const file of graphRead) read.add(file);
  }
  return { stamp: hash.digest("hex").slice(0, 12), read };
}

/** A folder's entries that matter here, as last read. */
interface Listing {
  mtimeMs: number;
  /** Code files the graph may hold. */
  sources: string[];
  /** Other boundary inputs: package.json, tsconfig paths, Vite's index.html, .d.ts… */
  inputs: string[];
  folders: string[];
}

interface Walk {
  root: string;
  /** Each folder walked (relative to the root), in walk order: its listing is `listings[rel]`. */
  folders: string[];
  /** Source files in those listings: the walk stops at MAX_FILES. */
  fileCount: number;
  /** Size and mtime of every boundary input but code, in walk order: the fingerprint's numbers. */
  stats: Float64Array;
  statCount: number;
  listings: Record<string, Listing>;
  previous: Record<string, Listing>;
  /** Saved listings of folders changed at or after this time are read again. */
  trustedBefore: number;
  /** Whether some folder was read rather than taken from the saved listings, or found gone: the names are not the saved ones. */
  listed?: boolean;
}

/**
 * Walks `rel` under the root: each folder and its listing into `walk`, the size and mtime of each
 * boundary input that is not code into the fingerprint's facts. This walk is what a warm `--cache`
 * run pays, so it stays lean: no string or exception per file, and no listing of a folder that has
 * not changed since the last run.
 */
function collectSourceFiles(walk: Walk, rel: string): void {
  const dir = rel ? walk.root + path.sep + rel : walk.root;
  const dirStat = statSync(dir, { throwIfNoEntry: false });
  if (!dirStat) {
    // Gone since its parent was listed: the names are not the saved ones.
    walk.listed = true;
    return;
  }
  const previous = walk.previous[rel];
  let listing: Listing;
  if (previous && previous.mtimeMs === dirStat.mtimeMs && dirStat.mtimeMs < walk.trustedBefore) listing = previous;
  else {
    listing = listFolder(dir, dirStat.mtimeMs);
    walk.listed = true;
    stampStats.foldersListed++;
  }
  walk.listings[rel] = listing;
  walk.folders.push(rel);
  walk.fileCount += listing.sources.length;
  if (walk.fileCount >= MAX_FILES) return;
  const prefix = dir + path.sep;
  for (const name of listing.inputs) addStat(walk, prefix + name);
  for (const name of listing.folders) {
    if (walk.fileCount >= MAX_FILES) return;
    collectSourceFiles(walk, rel ? rel + path.sep + name : name);
  }
}

/** The fingerprint's names: each folder's path and its entries that matter, in walk order. */
function namesDigest(walk: Walk): string {
  const text = walk.folders.map((rel) => {
    const listing = walk.listings[rel];
    return `${rel}|${listing.sources.join("|")}|${listing.inputs.join("|")}`;
  });
  return createHash("sha1").update(text.join("\n")).digest("hex");
}

/** The walk's source files (absolute), when a stamp is computed or no watched list was saved. */
function sourceFiles(walk: Walk): string[] {
  const files: string[] = [];
  for (const rel of walk.folders) {
    const prefix = (rel ? walk.root + path.sep + rel : walk.root) + path.sep;
    for (const name of walk.listings[rel].sources) files.push(prefix + name);
  }
  return files;
}

function addStat(walk: Walk, file: string): void {
  if (walk.statCount + 2 > walk.stats.length) {
    const grown = new Float64Array(walk.stats.length * 2);
    grown.set(walk.stats);
    walk.stats = grown;
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  stampStats.filesChecked++;
  walk.stats[walk.statCount++] = stat ? stat.size : -1;
  walk.stats[walk.statCount++] = stat ? stat.mtimeMs : -1;
}

function listFolder(dir: string, mtimeMs: number): Listing {
  const listing: Listing = { mtimeMs, sources: [], inputs: [], folders: [] };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith(".") || NOT_SOURCE_FOLDERS.has(name)) continue;
    if (entry.isDirectory()) listing.folders.push(name);
    else if (!entry.isFile()) continue;
    else if (SOURCE_FILE.test(name) && !name.endsWith(".d.ts")) listing.sources.push(name);
    else if (SOURCE_FILE.test(name) || BOUNDARY_INPUT.test(name)) listing.inputs.push(name);
  }
  return listing;
}

function statFacts(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "-";
  }
}

/** The saved file's layout: a file in another layout is ignored (and replaced). */
const SAVED_FORMAT = 5;

interface SavedStamp {
  format: typeof SAVED_FORMAT;
  fingerprint: string;
  /** The digest of the listings' names the fingerprint was computed from (namesDigest). */
  names: string;
  stamp: string;
  /** Each folder's listing by its path relative to the root ("" for the root). */
  listings: Record<string, Listing>;
  /**
   * The code files the stamp's graphs read, absolute, sorted; null: every code file under the root.
   * (The saved file is per root, stampFile: a moved project starts a file of its own.)
   */
  watched: string[] | null;
  /** Date.now() when saved. */
  savedAt: number;
}

function stampFile(root: string): string {
  const folder = cacheFolder(root);
  // Per layout too: two builds of KeyFence linting one tree (a before/after benchmark) keep their own.
  return path.join(folder, `client-boundary-${createHash("sha1").update(`${root}|${SAVED_FORMAT}`).digest("hex").slice(0, 12)}.json`);
}

function savedStamp(root: string): SavedStamp | undefined {
  try {
    const saved = JSON.parse(readFileSync(stampFile(root), "utf8")) as Partial<SavedStamp>;
    const valid = saved.format === SAVED_FORMAT && typeof saved.fingerprint === "string" && typeof saved.names === "string" && typeof saved.stamp === "string" && typeof saved.savedAt === "number" && typeof saved.listings === "object" && saved.listings !== null && (saved.watched === null || Array.isArray(saved.watched));
    return valid ? (saved as SavedStamp) : undefined;
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

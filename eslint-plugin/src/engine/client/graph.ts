/**
 * The client graph of one project: which modules reach the browser, and by which shortest import
 * chain from a browser entry. Built lazily on the first question, per process (so each ESLint
 * worker builds its own), from the shared file cache; rebuilt when a file it used changes on disk
 * (checked at most every few seconds) or is invalidated by the extension's file watcher.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { changedOnDisk, directivesOfFile, invalidateFile, moduleInfoOf, onInvalidate } from "./files";
import {
  clearFrameworkCache,
  frameworkOf,
  isServerOnlySpecifier,
  moduleRole,
  REMIX_SERVER,
  routeConfigEntries,
  viteHtmlEntries,
  type Framework,
  type ModuleRole,
} from "./framework";
import type { ImportEdge, ModuleInfo } from "./module-info";
import { valueNamesUsed } from "./references";
import { createResolver, SOURCE_EXTENSIONS, type ProjectResolver } from "./resolve";
import { inRanges, splitServerCode } from "./server-code";

/** Re-check files on disk at most this often (ms); invalidate() is immediate. */
const FRESHNESS_MS = 3000;
/** Projects bigger than this give no answer rather than a slow one. */
const MAX_FILES = 25_000;
const IGNORED_DIRS = new Set([
  "node_modules", ".git", ".next", ".nuxt", ".output", ".svelte-kit", ".vercel", ".netlify", ".turbo",
  ".expo", ".cache", ".astro", "dist", "build", "out", "coverage", "storybook-static", "public", ".yarn", ".pnpm-store",
]);

/** What reaching a module from browser code means for it. */
export type ModuleStatus =
  /** Its code runs in the browser. */
  | "browser"
  /** `"use server"`: browser code holds references only. */
  | "server-reference"
  /** Server-only (`import "server-only"`, `.server` files): the build fails instead of leaking. */
  | "server-only";

interface Visit {
  status: ModuleStatus;
  parent?: string;
}

export class ClientGraph {
  readonly framework: Framework;
  private readonly resolver: ProjectResolver;
  private visits = new Map<string, Visit>();
  private used = new Set<string>();
  private listing: string[] = [];
  private built = false;
  private tooBig = false;
  private checkedAt = 0;
  private verbatimModuleSyntax = false;
  private readonly roles = new Map<string, ModuleRole>();
  private readonly extraEntries = new Map<string, ModuleRole>();

  constructor(framework: Framework) {
    this.framework = framework;
    this.resolver = createResolver(framework.root, framework.name);
  }

  /** Forget the last build; the next question rebuilds from the (mostly cached) files. */
  markDirty(): void {
    this.built = false;
    this.roles.clear();
    this.resolver.clear();
  }

  contains(file: string): boolean {
    return this.used.has(file) || file.startsWith(this.framework.root + path.sep);
  }

  status(file: string): ModuleStatus | undefined {
    this.ensureBuilt();
    return this.visits.get(file)?.status;
  }

  /** Shortest chain of absolute paths from a browser entry to `file`, or undefined. */
  chain(file: string): string[] | undefined {
    this.ensureBuilt();
    if (!this.visits.has(file)) return undefined;
    const chain: string[] = [];
    let current: string | undefined = file;
    while (current !== undefined && chain.length < 10_000) {
      chain.push(current);
      current = this.visits.get(current)?.parent;
    }
    return chain.reverse();
  }

  /** The role of a module by the framework's conventions (cached per build). */
  role(file: string): ModuleRole {
    let role = this.roles.get(file);
    if (!role) {
      const rel = path.relative(this.framework.root, file).split(path.sep).join("/");
      role = moduleRole(this.framework.name, rel, () => directivesOfFile(file));
      const extra = this.extraEntries.get(file);
      if (extra) role = { ...role, entry: true, serverExports: role.serverExports ?? extra.serverExports };
      this.roles.set(file, role);
    }
    return role;
  }

  /**
   * The import edges of `file` that its framework keeps in the browser build, resolved.
   * `skip(target)` lets the caller avoid the costly "used only as a type?" check (the only part
   * that may need the AST) for targets it already knows.
   */
  browserEdges(file: string, info: ModuleInfo, role: ModuleRole, skip: (target: string) => boolean = () => false): Array<{ edge: ImportEdge; target: string }> {
    let serverRanges: Array<[number, number]> = [];
    if (role.serverExports && [...role.serverExports].some((name) => info.exportNames.has(name))) {
      const program = info.program();
      if (program) serverRanges = splitServerCode(program, role.serverExports).serverRanges;
    }
    let usedNames: Set<string> | undefined;
    const result: Array<{ edge: ImportEdge; target: string }> = [];
    for (const edge of info.edges) {
      if (edge.typeOnly && (!this.verbatimModuleSyntax || edge.statementTypeOnly)) continue;
      if (serverRanges.length > 0 && inRanges(serverRanges, edge.range[0])) continue;
      const target = this.resolve(file, edge.specifier);
      if (!target || skip(target)) continue;
      if (info.typescript && !this.verbatimModuleSyntax && edge.kind === "import" && edge.valueNames.length > 0 && edge.usage !== "value") {
        // TypeScript/SWC erase imports whose bindings are unused or used only as types.
        if (edge.usage === "unused") continue;
        if (!usedNames) {
          const program = info.program();
          const names = new Set(info.edges.flatMap((e) => e.valueNames));
          usedNames = program ? valueNamesUsed(program, names) : names;
        }
        if (!edge.valueNames.some((name) => usedNames!.has(name))) continue;
      }
      result.push({ edge, target });
    }
    return result;
  }

  resolve(fromFile: string, specifier: string): string | undefined {
    const target = this.resolver.resolve(fromFile, specifier);
    if (!target || !this.isSource(target) || !target.startsWith(this.framework.root + path.sep)) return undefined;
    return target;
  }

  private isSource(file: string): boolean {
    if (/\.d\.[cm]?ts$/i.test(file)) return false;
    const ext = path.extname(file).toLowerCase();
    return SOURCE_EXTENSIONS.includes(ext);
  }

  private ensureBuilt(): void {
    const now = Date.now();
    if (this.built && now - this.checkedAt > FRESHNESS_MS) {
      this.checkedAt = now;
      let changed = false;
      for (const file of this.used) {
        if (changedOnDisk(file)) {
          invalidateFile(file);
          changed = true;
        }
      }
      const listing = this.list();
      if (listing.length !== this.listing.length || listing.some((file, i) => file !== this.listing[i])) changed = true;
      if (changed) this.markDirty();
    }
    if (this.built) return;
    this.build();
    this.checkedAt = Date.now();
  }

  private build(): void {
    this.built = true;
    this.visits = new Map();
    this.used = new Set();
    this.roles.clear();
    this.extraEntries.clear();
    this.listing = this.list();
    this.tooBig = this.listing.length >= MAX_FILES;
    if (this.tooBig) return;
    this.verbatimModuleSyntax = readVerbatimModuleSyntax(this.framework.root);
    const { name, root } = this.framework;
    if (name === "vite") for (const file of viteHtmlEntries(root)) this.extraEntries.set(path.resolve(file), { entry: true, serverOnly: false, serverReference: false });
    if (name === "remix") {
      for (const file of routeConfigEntries(root)) {
        this.extraEntries.set(path.resolve(file), { entry: true, serverOnly: false, serverReference: false, serverExports: REMIX_SERVER });
      }
    }
    const queue: string[] = [];
    const addEntry = (file: string) => {
      if (this.visits.has(file)) return;
      const role = this.role(file);
      if (!role.entry || role.serverOnly || role.serverReference) return;
      this.visits.set(file, { status: "browser" });
      queue.push(file);
    };
    for (const file of this.listing) addEntry(file);
    for (const file of this.extraEntries.keys()) if (fs.existsSync(file)) addEntry(file);
    for (const file of this.listing) if (this.framework.name === "next") this.used.add(file);

    // Breadth-first from every entry at once: the first parent found gives the shortest chain.
    for (let head = 0; head < queue.length && head < MAX_FILES; head++) {
      const file = queue[head];
      this.used.add(file);
      const visit = this.visits.get(file)!;
      const info = moduleInfoOf(file);
      if (info.broken) continue;
      const role = this.role(file);
      // A browser module importing `server-only` breaks the build: nothing past it ships.
      if (info.edges.some((edge) => !edge.typeOnly && isServerOnlySpecifier(name, edge.specifier) && edge.specifier === "server-only")) {
        visit.status = "server-only";
        continue;
      }
      for (const { target } of this.browserEdges(file, info, role, (target) => this.visits.has(target))) {
        if (this.visits.has(target)) continue;
        const targetRole = this.role(target);
        const status: ModuleStatus = targetRole.serverReference ? "server-reference" : targetRole.serverOnly ? "server-only" : "browser";
        this.visits.set(target, { status, parent: file });
        if (status === "browser") queue.push(target);
        else this.used.add(target);
      }
    }
  }

  /** Source files under the root, sorted, skipping build output and dependencies. */
  private list(): string[] {
    const files: string[] = [];
    const stack = [this.framework.root];
    while (stack.length > 0 && files.length < MAX_FILES) {
      const dir = stack.pop()!;
      let dirents: fs.Dirent[];
      try {
        dirents = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const dirent of dirents) {
        if (dirent.isDirectory()) {
          if (!IGNORED_DIRS.has(dirent.name) && !(dirent.name.startsWith(".") && dirent.name !== ".server")) stack.push(path.join(dir, dirent.name));
        } else if (dirent.isFile() && this.isSource(dirent.name)) {
          files.push(path.join(dir, dirent.name));
        }
      }
    }
    return files.sort();
  }
}

function readVerbatimModuleSyntax(root: string): boolean {
  try {
    const text = fs.readFileSync(path.join(root, "tsconfig.json"), "utf8");
    return /"verbatimModuleSyntax"\s*:\s*true/.test(text);
  } catch {
    return false;
  }
}

const graphs = new Map<string, ClientGraph>();

onInvalidate((file) => {
  const base = path.basename(file);
  if (base === "package.json" || /^(?:tsconfig|jsconfig)\.json$/.test(base) || /\.config\.[cm]?[jt]s$/.test(base)) {
    clearFrameworkCache();
    graphs.clear();
    return;
  }
  for (const graph of graphs.values()) if (graph.contains(file)) graph.markDirty();
});

/** The client graph of the project `file` belongs to; undefined when its framework is unknown. */
export function clientGraphFor(file: string): ClientGraph | undefined {
  const framework = frameworkOf(file);
  if (framework.name === "unknown") return undefined;
  let graph = graphs.get(framework.root);
  if (!graph) {
    graph = new ClientGraph(framework);
    graphs.set(framework.root, graph);
  }
  return graph;
}

/** Forget every graph and file (tests, and the extension on workspace changes). */
export function resetClientGraphs(): void {
  graphs.clear();
  clearFrameworkCache();
}

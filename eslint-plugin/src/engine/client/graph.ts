/**
 * The client graph of one project: which modules reach the browser, and by which shortest import
 * chain from a browser entry. Built lazily on the first question, per process (so each ESLint
 * worker builds its own), from the shared file cache; rebuilt when a file it used changes on disk
 * (checked at most every few seconds) or is invalidated by the extension's file watcher.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { mayBuildFirstTime, mayDeferRebuild } from "./deferred-builds";
import { fileStats } from "./stats";
import { changedOnDisk, directivesOfFile, invalidateFile, moduleInfoOf, onInvalidate } from "./files";
import {
  clearFrameworkCache,
  filesRunByNode,
  frameworkOf,
  moduleRole,
  REMIX_BROWSER,
  REMIX_SERVER,
  SERVER_PACKAGES,
  angularEntries,
  routeConfigEntries,
  viteHtmlEntries,
  appRoot,
  webpackConfigFiles,
  webpackEntries,
  type Framework,
  type ModuleRole,
} from "./framework";
import type { ModuleInfo } from "./module-info";
import { valueNamesUsed } from "./references";
import { clearResolvers, createResolver, SOURCE_EXTENSIONS, type ProjectResolver } from "./resolve";
import { inRanges, splitServerCode } from "./server-code";
import { clearWorkspaceCache, packageOfFile, workspaceOf, type Workspace } from "./workspaces";

/** Re-check files on disk at most this often (ms); invalidate() is immediate. */
const FRESHNESS_MS = 3000;
/**
 * A re-check lists the project and stats every file it used: on a big monorepo that is a tenth
 * of a second, and a lint run of a minute would spend several percent of its CPU re-checking.
 * So the wait before the next re-check is at least this many times the last one's duration.
 */
const CHECK_COST_FACTOR = 100;
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

/** A kept import edge; `certain` is false while "used only as a type?" is still open. */
interface EdgeRef {
  target: string;
  certain: boolean;
}

export class ClientGraph {
  readonly framework: Framework;
  private readonly resolver: ProjectResolver;
  /** Modules that reach the browser for sure, with the edge that first reached each. */
  private visits = new Map<string, Visit>();
  /** Modules that might: reached through every edge, open ones included (no AST needed). */
  private potential = new Set<string>();
  private reverse = new Map<string, string[]>();
  private moduleEdges = new Map<string, EdgeRef[]>();
  /** Open edges from browser modules, settled (with the AST) only when a question needs them. */
  private openEdges: Array<{ from: string; target: string }> = [];
  private settled = new Map<string, Set<string>>();
  /** Files known not to be reached as of `visitsVersion` (visits only grow within a build). */
  private unreached = new Map<string, number>();
  private visitsVersion = 0;
  private settleQuestions = 0;
  private used = new Set<string>();
  private listing: string[] = [];
  /** Every folder the listing read, with its mtime then: adding, removing or renaming an entry changes it. */
  private folders = new Map<string, number>();
  private built = false;
  /** Whether a build ran: a rebuild may answer from it meanwhile (deferred-builds.ts). */
  private everBuilt = false;
  private tooBig = false;
  private checkedAt = 0;
  private checkEvery = FRESHNESS_MS;
  /** The app's tsconfig keeps imports as written (`import { type A }` stays, as `import {}`). */
  verbatimModuleSyntax = false;
  private readonly roles = new Map<string, ModuleRole>();
  private readonly extraEntries = new Map<string, ModuleRole>();

  private readonly workspace: Workspace | undefined;

  constructor(framework: Framework) {
    this.framework = framework;
    this.workspace = workspaceOf(framework.root);
    this.resolver = createResolver(framework.root, framework.name, this.workspace);
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

  /**
   * The files whose text this graph's answers depend on (besides listings and config files),
   * what its own freshness check stats; undefined when it gave up on a project too big.
   */
  filesRead(): ReadonlySet<string> | undefined {
    this.ensureBuilt();
    return this.tooBig ? undefined : this.used;
  }

  status(file: string): ModuleStatus | undefined {
    this.ensureBuilt();
    this.settleToward(file);
    return this.visits.get(file)?.status;
  }

  /**
   * The exports of a `"use server"` module that browser code can call: the names its browser
   * importers bind. Undefined when no browser code imports it. "*" when one of them binds a name
   * the module does not export (`import * as actions`, an alias): every export, then.
   */
  actionsCalledFromBrowser(file: string): Set<string> | undefined {
    if (this.status(file) !== "server-reference") return undefined;
    const exported = moduleInfoOf(file).exportNames;
    const names = new Set<string>();
    for (const from of this.reverse.get(file) ?? []) {
      if (this.visits.get(from)?.status !== "browser") continue;
      for (const edge of moduleInfoOf(from).edges) {
        if (edge.typeOnly || this.resolve(from, edge.specifier) !== file) continue;
        for (const name of edge.valueNames) names.add(exported.has(name) ? name : "*");
      }
    }
    return names;
  }

  /**
   * Modules some server-side module imports (a route handler, `server/`, a script), transitively,
   * among those no browser entry reaches: built once per build, on the first question.
   */
  private serverSide: Set<string> | undefined;
  /** A Vite project that builds a Node program and no page (isViteNodeCli), asked once per build. */
  private nodeCli: boolean | undefined;
  /** Files the project's package scripts run with Node (framework.ts filesRunByNode), on first need. */
  private runByNode: Set<string> | undefined;
  /** Whether Vite's `root` folder has a src/ of its own (appPath), asked once per build. */
  private rootHasSrc: boolean | undefined;

  /** True when a module no browser entry reaches is imported by server-side code. */
  reachedFromServer(file: string): boolean {
    this.ensureBuilt();
    if (!this.serverSide) {
      const reached = new Set<string>();
      const listed = new Set(this.listing);
      // Tests and stories import modules too, but they are not server code; nor, in a
      // single-page app, is a `src/` module no entry reaches yet (it is browser code itself).
      const rel = (file: string) => this.appPath(file);
      const spa = this.spaRuleApplies();
      const queue = this.listing.filter((candidate) => {
        if (this.potential.has(candidate) || this.role(candidate).entry) return false;
        const relative = rel(candidate);
        return !TEST_FILE.test(relative) && !(spa && isSpaPath(relative, this.framework));
      });
      for (let head = 0; head < queue.length && head < MAX_FILES * 2; head++) {
        const from = queue[head];
        const info = moduleInfoOf(from);
        for (const edge of info.edges) {
          if (edge.typeOnly) continue;
          const target = this.resolve(from, edge.specifier);
          if (!target || reached.has(target)) continue;
          reached.add(target);
          if (!listed.has(target) || this.potential.has(target)) continue;
          queue.push(target);
        }
      }
      this.serverSide = reached;
    }
    return this.serverSide.has(file);
  }

  /**
   * Single-page apps (Vite, Create React App, Vue CLI, Rsbuild, Parcel, Angular, React Native, Expo):
   * every module under `src/` is browser code (app code, in a mobile app),
   * even one no entry reaches yet (a file just created, an entry named differently), unless the
   * project says otherwise: an SSR entry, `src/server/`, `src/server.ts`, `*.server.*`, tests, or
   * server code importing it. Angular's SSR hydrates the same components in the browser, so its
   * server entry (`src/server.ts`, `main.server.ts`) changes nothing for the rest of `src/`.
   */
  isUnreachedSpaModule(file: string): boolean {
    if (!this.spaRuleApplies()) return false;
    if (!isSpaPath(this.appPath(file), this.framework)) return false;
    if (this.status(file) !== undefined) return false;
    // A `"use server"` module (Expo's server functions) is the server's, imported or not.
    if (this.role(file).serverReference) return false;
    return !this.reachedFromServer(file);
  }

  private spaRuleApplies(): boolean {
    const { name, root } = this.framework;
    if (!SPA_FRAMEWORKS.has(name)) return false;
    if (name === "vite" && (this.nodeCli ??= isViteNodeCli(this.framework))) return false;
    return name === "angular" || !hasSsrEntry(root);
  }

  /**
   * A file's path (posix) from where the app's conventions are read: Vite's `root` folder when
   * the config sets one (`client/src/App.tsx` is `src/App.tsx` there; `server/index.ts` is
   * `../server/index.ts`, no `src/` of the page), else the project's root.
   */
  private appPath(file: string): string {
    const base = appRoot(this.framework);
    const rel = path.relative(base, file).split(path.sep).join("/");
    // A root folder with no src/ of its own (`root: "src"`, `root: "web"`) is the page's source itself.
    if (this.framework.viteRoot && !rel.startsWith("../") && !(this.rootHasSrc ??= fs.existsSync(path.join(base, "src")))) return `src/${rel}`;
    return rel;
  }

  /** Shortest chain of absolute paths from a browser entry to `file`, or undefined. */
  chain(file: string): string[] | undefined {
    this.ensureBuilt();
    this.settleToward(file);
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
      const appRel = this.appPath(file);
      role = moduleRole(this.framework, appRel, () => directivesOfFile(file));
      // A Vite project's `src/index.ts` that starts `#!/usr/bin/env node` is a CLI Vite builds for
      // Node (karakeep-app/karakeep's MCP server, `build.ssr`, batch 66), no page's script.
      // So is one a package script runs with Node (`"dev:server": "tsx src/index.ts"`): the app's server.
      // And where index.html loads scripts that exist (`/src/client/main.tsx`), Vite builds the page from
      // those alone: `src/index.ts` is no script of it unless index.html names it (an entry again below),
      // as Wilfried2905/codecraft-studio's Hono server is not (batch 136).
      if (
        role.entry &&
        this.framework.name === "vite" &&
        /^src\/(?:main|index)\.[cm]?[jt]sx?$/.test(appRel) &&
        (this.pageScriptsFound() || startsWithNodeShebang(file) || (this.nodeCli ??= isViteNodeCli(this.framework)) || (this.runByNode ??= filesRunByNode(this.framework.root)).has(rel))
      )
        role = { ...role, entry: false };
      // Electron Forge's main process and preload scripts: Node programs, no page's script.
      if (role.entry && this.framework.nodeEntries?.includes(rel)) role = { ...role, entry: false };
      const extra = this.extraEntries.get(file);
      if (extra) role = { ...role, entry: true, serverExports: role.serverExports ?? extra.serverExports };
      this.roles.set(file, role);
    }
    return role;
  }

  /** Whether a page (index.html, or one vite.config names) loads a script that exists: then those are Vite's entries. */
  private pageScriptsFound(): boolean {
    for (const file of this.extraEntries.keys()) if (fs.existsSync(file)) return true;
    return false;
  }

  /**
   * The import edges of `file` that its framework keeps in the browser build, resolved. An edge
   * whose bindings the text cannot show to be used as values is returned with `certain: false`:
   * TypeScript erases it if they are used only as types, which only the AST can tell.
   */
  candidateEdges(file: string, info: ModuleInfo, role: ModuleRole): EdgeRef[] {
    let serverRanges: Array<[number, number]> = [];
    const serverCalls = Boolean(role.serverCalls && info.serverCalls);
    if (serverCalls || (role.serverExports && [...role.serverExports].some((name) => info.exportNames.has(name)))) {
      const program = info.program();
      if (program) serverRanges = splitServerCode(program, role.serverExports, serverCalls).serverRanges;
    }
    const result: EdgeRef[] = [];
    const seen = new Set<string>();
    for (const edge of info.edges) {
      if (edge.typeOnly && (!this.verbatimModuleSyntax || edge.statementTypeOnly)) continue;
      if (serverRanges.length > 0 && inRanges(serverRanges, edge.range[0])) continue;
      const erasable = info.typescript && !this.verbatimModuleSyntax && edge.kind === "import" && edge.valueNames.length > 0;
      if (erasable && edge.usage === "unused") continue;
      const target = this.resolve(file, edge.specifier);
      if (!target) continue;
      const certain = !erasable || edge.usage === "value";
      const key = `${target}\0${certain}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({ target, certain });
    }
    return result;
  }

  /** Whether `file` keeps its import of `target`: some binding is used as a value (AST). */
  private keepsOpenEdge(file: string, target: string): boolean {
    let kept = this.settled.get(file);
    if (!kept) {
      kept = new Set();
      const info = moduleInfoOf(file);
      const program = info.program();
      const names = new Set(info.edges.flatMap((edge) => edge.valueNames));
      const used = program ? valueNamesUsed(program, names) : names;
      for (const edge of info.edges) {
        if (edge.kind !== "import" || !edge.valueNames.some((name) => used.has(name))) continue;
        const resolved = this.resolve(file, edge.specifier);
        if (resolved) kept.add(resolved);
      }
      this.settled.set(file, kept);
    }
    return kept.has(target);
  }

  resolve(fromFile: string, specifier: string): string | undefined {
    const target = this.resolver.resolve(fromFile, specifier);
    if (!target || !this.isSource(target)) return undefined;
    if (!target.startsWith(this.framework.root + path.sep) && !(this.workspace && packageOfFile(this.workspace, target))) return undefined;
    return target;
  }

  private isSource(file: string): boolean {
    if (/\.d\.[cm]?ts$/i.test(file)) return false;
    const ext = path.extname(file).toLowerCase();
    return SOURCE_EXTENSIONS.includes(ext);
  }

  private ensureBuilt(): void {
    const now = Date.now();
    if (this.built && now - this.checkedAt > this.checkEvery) {
      let changed = false;
      for (const file of this.used) {
        if (changedOnDisk(file)) {
          invalidateFile(file);
          changed = true;
        }
      }
      // A folder's mtime moves when an entry is added, removed or renamed in it: one stat per
      // folder says whether the listing changed, where listing again read every folder.
      if (this.foldersChanged()) changed = true;
      this.checkedAt = Date.now();
      this.checkEvery = Math.max(FRESHNESS_MS, CHECK_COST_FACTOR * (this.checkedAt - now));
      if (changed) {
        fileStats.graphRebuildsAfterChange++;
        this.markDirty();
      }
    }
    if (this.built) return;
    if (!this.everBuilt) mayBuildFirstTime(this.framework.root);
    else if (mayDeferRebuild()) return;
    this.everBuilt = true;
    fileStats.graphBuilds++;
    this.build();
    this.checkedAt = Date.now();
  }

  private build(): void {
    this.built = true;
    this.serverSide = undefined;
    this.nodeCli = undefined;
    this.runByNode = undefined;
    this.rootHasSrc = undefined;
    this.visits = new Map();
    this.potential = new Set();
    this.reverse = new Map();
    this.moduleEdges = new Map();
    this.openEdges = [];
    this.settled = new Map();
    this.unreached = new Map();
    this.settleQuestions = 0;
    this.used = new Set();
    this.roles.clear();
    this.extraEntries.clear();
    const listedAt = Date.now();
    this.listing = this.list();
    // A re-check lists again and stats each used file: about twice this listing's cost.
    this.checkEvery = Math.max(FRESHNESS_MS, CHECK_COST_FACTOR * 2 * (Date.now() - listedAt));
    this.tooBig = this.listing.length >= MAX_FILES;
    if (this.tooBig) return;
    // Next.js compiles with SWC, which erases `import { type A }` whatever the tsconfig says (with
    // webpack; Turbopack's try at keeping it, 16.2 canaries, was reported as a regression:
    // vercel/next.js#92025, #91906). create-t3-app's client imports its router's type this way.
    this.verbatimModuleSyntax = this.framework.name !== "next" && readVerbatimModuleSyntax(this.framework.root);
    const { name, root } = this.framework;
    // Parcel builds from HTML too (`parcel src/index.html`), its scripts' paths relative to it.
    if (name === "vite" || name === "parcel") for (const file of viteHtmlEntries(root, this.framework.viteRoot)) this.extraEntries.set(path.resolve(file), { entry: true, serverOnly: false, serverReference: false });
    if (name === "webpack") {
      // The config names the entries: the answers depend on its text too (see filesRead).
      for (const config of webpackConfigFiles(root)) this.used.add(config);
      for (const file of webpackEntries(root)) this.extraEntries.set(file, { entry: true, serverOnly: false, serverReference: false });
    }
    if (name === "angular") for (const file of angularEntries(root)) this.extraEntries.set(path.resolve(file), { entry: true, serverOnly: false, serverReference: false });
    if (name === "remix") {
      // app/routes.ts names route modules: the answers depend on its text too (see filesRead).
      for (const config of ["app/routes.ts", "app/routes.js"]) this.used.add(path.join(root, config));
      for (const file of routeConfigEntries(root)) {
        this.extraEntries.set(path.resolve(file), { entry: true, serverOnly: false, serverReference: false, serverExports: REMIX_SERVER, entryIfExports: REMIX_BROWSER });
      }
    }
    const entries: string[] = [];
    for (const file of this.listing) if (this.isEntry(file)) entries.push(file);
    for (const file of this.extraEntries.keys()) if (fs.existsSync(file) && !entries.includes(file) && this.isEntry(file)) entries.push(file);
    if (name === "next") for (const file of this.listing) this.used.add(file);

    // 1. Every module that might reach the browser, through all edges (text only, no AST).
    const pending = [...entries];
    for (const file of entries) this.potential.add(file);
    for (let head = 0; head < pending.length && head < MAX_FILES; head++) {
      const file = pending[head];
      this.used.add(file);
      for (const { target } of this.edgesOf(file)) {
        const targets = this.reverse.get(target);
        if (targets) targets.push(file);
        else this.reverse.set(target, [file]);
        if (this.potential.has(target)) continue;
        this.potential.add(target);
        if (this.statusByRole(target) === "browser") pending.push(target);
        else this.used.add(target);
      }
    }
    // 2. The modules that reach it for sure, breadth-first from every entry at once: the first
    // parent found gives the shortest chain. Open edges wait for a question that needs them.
    for (const file of entries) this.visits.set(file, { status: "browser" });
    this.walkFrom(entries);
  }

  private isEntry(file: string): boolean {
    const role = this.role(file);
    if (!role.entry || role.serverOnly || role.serverReference) return false;
    if (!role.entryIfExports) return true;
    const info = moduleInfoOf(file);
    for (const name of role.entryIfExports) if (info.exportNames.has(name)) return true;
    // `export * from "./page"` may bring one in: counted as an entry.
    return info.edges.some((edge) => edge.kind === "re-export");
  }

  private statusByRole(file: string): ModuleStatus {
    const role = this.role(file);
    return role.serverReference ? "server-reference" : role.serverOnly ? "server-only" : "browser";
  }

  /** The kept edges of a browser module ([] when it stops the walk: broken, or imports server-only). */
  private edgesOf(file: string): EdgeRef[] {
    let edges = this.moduleEdges.get(file);
    if (edges) return edges;
    const info = moduleInfoOf(file);
    // A browser module importing `server-only` breaks the build: nothing past it ships.
    if (info.broken || info.edges.some((edge) => edge.specifier === "server-only" && !edge.typeOnly)) edges = [];
    else edges = this.candidateEdges(file, info, this.role(file));
    this.moduleEdges.set(file, edges);
    return edges;
  }

  private walkFrom(start: string[]): void {
    const queue = [...start];
    for (let head = 0; head < queue.length && head < MAX_FILES; head++) {
      const file = queue[head];
      const visit = this.visits.get(file)!;
      if (moduleInfoOf(file).edges.some((edge) => edge.specifier === "server-only" && !edge.typeOnly)) {
        visit.status = "server-only";
        continue;
      }
      for (const { target, certain } of this.edgesOf(file)) {
        if (this.visits.has(target)) continue;
        if (!certain) {
          this.openEdges.push({ from: file, target });
          continue;
        }
        const status = this.statusByRole(target);
        this.visits.set(target, { status, parent: file });
        if (status === "browser") queue.push(target);
      }
    }
  }

  /**
   * Settles the open edges that could lead to `file` (those into its ancestors), parsing only the
   * modules they start from. Most questions (server files nothing imports) need none.
   */
  private settleToward(file: string): void {
    if (this.visits.has(file) || !this.potential.has(file) || this.openEdges.length === 0) return;
    if (this.unreached.get(file) === this.visitsVersion) return;
    // Many questions (a big server side reading many secrets): settle every open edge once;
    // the total cost is then bounded by parsing each module with open edges once.
    if (++this.settleQuestions > 20) {
      this.settleAll();
      return;
    }
    const ancestors = new Set([file]);
    const stack = [file];
    while (stack.length > 0) {
      for (const from of this.reverse.get(stack.pop()!) ?? []) {
        if (!ancestors.has(from)) {
          ancestors.add(from);
          stack.push(from);
        }
      }
    }
    this.settle((open) => ancestors.has(open.target), () => this.visits.has(file));
    if (!this.visits.has(file)) this.unreached.set(file, this.visitsVersion);
  }

  private settleAll(): void {
    this.settle(() => true, () => false);
  }

  private settle(relevant: (open: { from: string; target: string }) => boolean, done: () => boolean): void {
    for (let round = 0; round < 10_000 && !done(); round++) {
      const candidates = new Set(this.openEdges.filter((open) => relevant(open) && !this.visits.has(open.target)));
      if (candidates.size === 0) return;
      this.openEdges = this.openEdges.filter((open) => !candidates.has(open) && !this.visits.has(open.target));
      const reached: string[] = [];
      for (const { from, target } of candidates) {
        if (this.visits.has(target) || !this.keepsOpenEdge(from, target)) continue;
        const status = this.statusByRole(target);
        this.visits.set(target, { status, parent: from });
        this.visitsVersion++;
        if (status === "browser") reached.push(target);
      }
      this.walkFrom(reached);
    }
  }

  private foldersChanged(): boolean {
    for (const [dir, mtimeMs] of this.folders) {
      const stat = fs.statSync(dir, { throwIfNoEntry: false });
      if (stat?.mtimeMs !== mtimeMs) return true;
    }
    return false;
  }

  /** Source files under the root, sorted, skipping build output and dependencies (records the folders read). */
  private list(): string[] {
    const files: string[] = [];
    const stack = [this.framework.root];
    this.folders = new Map();
    while (stack.length > 0 && files.length < MAX_FILES) {
      const dir = stack.pop()!;
      let dirents: fs.Dirent[];
      try {
        // Stat before reading: an entry added in between shows as a change at the next check.
        this.folders.set(dir, fs.statSync(dir).mtimeMs);
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

/** Vite SSR: an `entry-server` module, or a server that loads modules through Vite. */
const SPA_FRAMEWORKS = new Set(["vite", "cra", "vue-cli", "rsbuild", "parcel", "webpack", "angular", "react-native", "expo"]);

/** A single-page app's own module (a path from its root): under `src/`, neither server code nor a test. */
function isSpaPath(rel: string, framework: Framework): boolean {
  if (!/^src\//.test(rel) || /^src\/server\//.test(rel) || /^src\/server\.[cm]?[jt]s$/.test(rel) || /\.server\.[^/]*$/.test(rel)) return false;
  // A web app's `src/api/` or `src/functions/` may hold functions a host deploys; a mobile app's
  // is its service layer, bundled into the app (the Vibecode Expo template's `src/api/openai.ts`,
  // notanumbercomposes/000a2c5a…, batch 69): Metro builds nothing else from `src/`.
  if (/^src\/(?:api|functions)\//.test(rel) && framework.name !== "expo" && framework.name !== "react-native") return false;
  // Expo Router's API routes (`src/app/completion+api.ts`) run on the server.
  if (/\+api\.[cm]?[jt]sx?$/.test(rel)) return false;
  // electron-vite: the main process and the preload scripts run in Node, not in the page.
  if (framework.electronVite && /^src\/(?:main|preload)\//.test(rel)) return false;
  // Electron Forge's (its Vite plugin): what the modules they import are is for the graph to say.
  if (framework.nodeEntries?.includes(rel)) return false;
  return !TEST_FILE.test(rel);
}

/** Tests, mocks, stories and test setup (a path from the app's root): neither browser nor server code. */
const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|test|tests)\/|\.(?:test|spec|stories)\.[^/]*$|^src\/setupTests\./;

/**
 * A Vite project that builds a Node program and no page: no index.html, and its `src/index` or
 * `src/main` starts with a node shebang (a CLI or MCP server bundled with `build.ssr`) or imports a
 * Node server framework (idkcursed/rag's Express server, made from Vite's template, batch 75). Its
 * `src/` is no single-page app's.
 */
function isViteNodeCli({ root, viteRoot }: Framework): boolean {
  if (viteRoot) return false; // its root holds an index.html: a page
  if (fs.existsSync(path.join(root, "index.html")) || fs.existsSync(path.join(root, "src", "index.html"))) return false;
  let names: string[];
  try {
    names = fs.readdirSync(path.join(root, "src"));
  } catch {
    return false;
  }
  return names.some((name) => {
    if (!/^(?:main|index)\.[cm]?[jt]sx?$/.test(name)) return false;
    const file = path.join(root, "src", name);
    return startsWithNodeShebang(file) || moduleInfoOf(file).edges.some((edge) => !edge.typeOnly && SERVER_PACKAGES.includes(edge.specifier));
  });
}

/** `#!/usr/bin/env node` (or `#!/usr/bin/node`, `#!/usr/bin/env -S node …`) on the file's first line. */
function startsWithNodeShebang(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(80);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return /^#![^\n]*\bnode\b/.test(head.toString("utf8", 0, read));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function hasSsrEntry(root: string): boolean {
  for (const dir of [root, path.join(root, "src")]) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    if (names.some((name) => /^entry[-.]server\.[cm]?[jt]sx?$/.test(name))) return true;
  }
  return false;
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
/** clientGraphsFor's answer per (workspace package, own framework root): the same for all its files. */
const graphsByPackage = new Map<string, ClientGraph[]>();

/** clientGraphsFor's answer per folder: all its files have the same framework, workspace and package. */
const graphsByFolder = new Map<string, ClientGraph[]>();

function forgetGraphs(): void {
  graphs.clear();
  graphsByPackage.clear();
  graphsByFolder.clear();
  clearFrameworkCache();
  clearWorkspaceCache();
  clearResolvers();
}

onInvalidate((file) => {
  const base = path.basename(file);
  if (base === "package.json" || base === "pnpm-workspace.yaml" || /^(?:tsconfig|jsconfig)\.json$/.test(base) || /\.config\.[cm]?[jt]s$/.test(base)) {
    forgetGraphs();
    return;
  }
  for (const graph of graphs.values()) if (graph.contains(file)) graph.markDirty();
});

/**
 * Client graphs that may hold `file`: its own app's, then (for a file of a workspace package)
 * those of the workspace apps that depend on its package, directly or through other packages.
 */
export function clientGraphsFor(file: string): ClientGraph[] {
  // Three rules ask for every file they lint: the framework and workspace walks, and the
  // package lookup over every workspace package, are done once per folder.
  const folder = path.dirname(file);
  let found = graphsByFolder.get(folder);
  if (!found) graphsByFolder.set(folder, (found = graphsOf(file)));
  return found;
}

function graphsOf(file: string): ClientGraph[] {
  const graphs: ClientGraph[] = [];
  const own = clientGraphFor(file);
  if (own) graphs.push(own);
  const workspace = workspaceOf(path.dirname(file));
  const pkg = workspace && packageOfFile(workspace, file);
  if (!workspace || !pkg) return graphs;
  // A framework folder nested in a package (not itself listed) has a graph of its own.
  const key = `${pkg.dir}\0${own?.framework.root ?? ""}`;
  const known = graphsByPackage.get(key);
  if (known) return known;
  graphsByPackage.set(key, graphs);
  const dependents = new Set([pkg.name]);
  for (let grew = true, round = 0; grew && round < 10; round++) {
    grew = false;
    for (const other of workspace.packages.values()) {
      if (dependents.has(other.name) || ![...other.dependencies].some((name) => dependents.has(name))) continue;
      dependents.add(other.name);
      grew = true;
    }
  }
  for (const name of dependents) {
    const app = workspace.packages.get(name);
    const graph = app && app !== pkg ? clientGraphFor(path.join(app.dir, "package.json")) : undefined;
    if (graph && !graphs.includes(graph)) graphs.push(graph);
  }
  return graphs;
}

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
  forgetGraphs();
}

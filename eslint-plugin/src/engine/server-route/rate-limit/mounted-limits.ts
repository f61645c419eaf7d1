/**
 * A router or sub-app whose routes live in one file and whose limiter lives in the file that
 * mounts it: `app.use(rateLimit({ … })); app.use("/api/chat", chatRouter)` (Express), or a Hono
 * app's middleware answering 429 before `app.route("/jsonify", jsonify)` (two real apps in
 * bench/real-apps). Every request to the router passes the limiter first, so its routes are
 * limited, though their own file shows no limiter.
 *
 * The mounting files are found by reading the project's code files (the nearest package.json's
 * folder, bounded) for `.use(` / `.route(` calls whose argument is an import of the route file.
 * Asked only for a route that would otherwise be reported; the answer is cached per project
 * while the files that may mount are unchanged, as the shared-client summaries are.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource, type SourceFile, type TSESTree } from "../../ast";
import { onInvalidate } from "../../client/files";
import { nearestPackageDir } from "../../package-dir";
import type { ProjectView } from "../types";
import { chainCalls, memberPath, stringValue } from "../ast-utils";
import { fileBindings } from "./bindings";
import { namesLimiter, scanFunction } from "./function-scan";
import { addImportedBindings, resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist", "build", "out", "coverage", ".next", ".nuxt", ".output", ".svelte-kit", ".turbo", ".vercel"]);
/** Files read per project at most: a server's code, not a monorepo's every package. */
const MAX_FILES = 3000;
const MAX_BYTES = 512 * 1024;
/** A mount that may be limited: a `.use(`/`.route(` call and an import in one file. */
const MAY_MOUNT = /\.(?:use|route)\s*\(/;
const IMPORTS = /\brequire\s*\(|\bimport\b/;
const FRESH_MS = 3000;
/**
 * A test or spec file (`handler.test.ts`, `__tests__/`): the routes it registers, and the apps it
 * mounts a router on (a jest file's `app.use("/api/chat", chatRoutes)` with no limiter:
 * Mar-cere/Anto, batch 171), serve no one.
 */
export const TEST_FILE = /(?:^|[\\/])__tests__[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** Mounted in a router that is itself mounted behind a limiter: followed this many levels. */
const MAX_LEVELS = 3;

interface MountSite {
  /** A limiter runs before every request to the mount: one registered for all paths, or in the mounting call itself. */
  limited: boolean;
  /** The mounting file. */
  by: string;
  /** Where the router is mounted (`app.use("/api", router)`), "" for the root. */
  mountPath: string;
  /** Limiters registered before it for one path only (`app.use("/summarize", limiter)`). */
  limiterPaths: string[];
}

interface MountIndex {
  /** Route file → one entry per place it is mounted. */
  mounts: Map<string, MountSite[]>;
  /** The files that may mount (what the answers came from), with their mtimes then. */
  stamps: Array<[string, number | undefined]>;
  checkedAt: number;
}

const indexes = new Map<string, MountIndex>();
onInvalidate(() => indexes.clear());

/**
 * Whether every place that mounts `file` (a router or sub-app) runs a rate limiter before it,
 * directly or through the routers mounting that one. False when nothing mounts it. `routePath`:
 * the route's path within the router, when known: a limiter registered for one path covers the
 * routes under it only.
 */
export function limitedWhereMounted(file: string, project: ProjectView, extra: readonly string[], routePath?: string, level = 0): boolean {
  const root = nearestPackageDir(path.dirname(path.resolve(file)));
  if (!root || level >= MAX_LEVELS) return false;
  const sites = mountIndex(root, project, extra).mounts.get(path.resolve(file));
  if (!sites || sites.length === 0) return false;
  return sites.every((site) => {
    if (site.limited) return true;
    const full = routePath === undefined ? undefined : joinPaths(site.mountPath, routePath);
    return site.limiterPaths.some((limited) => coversRoute(limited, full)) || limitedWhereMounted(site.by, project, extra, full, level + 1);
  });
}

/**
 * Whether a limiter registered for `limiterPath` (`app.use("/api", limiter)`; undefined: for
 * every path) runs before a route at `routePath` (undefined: not known, so taken as covered).
 */
export function coversRoute(limiterPath: string | undefined, routePath: string | undefined): boolean {
  if (limiterPath === undefined || routePath === undefined) return true;
  const limited = trimPath(limiterPath);
  if (limited === "") return true;
  const route = trimPath(routePath);
  return route === limited || route.startsWith(`${limited}/`);
}

/** "/api/" → "/api", "*" and "/" → "", "chat" → "/chat". */
function trimPath(value: string): string {
  const trimmed = value.replace(/[/*]+$/, "");
  return trimmed === "" || trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

function joinPaths(mount: string, route: string): string {
  return `${trimPath(mount)}${trimPath(route)}`;
}

function mountIndex(root: string, project: ProjectView, extra: readonly string[]): MountIndex {
  const cached = indexes.get(root);
  const now = Date.now();
  // Within a few seconds, or while every file that may mount is unchanged (a lint run over a big
  // repository asks for many routes): the same answers. A file that starts mounting is noticed
  // when the editor's watcher says so (onInvalidate) or when one of these changes.
  if (cached && (now - cached.checkedAt < FRESH_MS || (project.mtime && cached.stamps.every(([file, mtime]) => project.mtime!(file) === mtime)))) {
    cached.checkedAt = now;
    return cached;
  }
  const index: MountIndex = { mounts: new Map(), stamps: [], checkedAt: now };
  for (const file of codeFiles(root)) {
    if (TEST_FILE.test(file)) continue;
    const text = project.read(file);
    if (text === undefined || text.length > MAX_BYTES || !MAY_MOUNT.test(text) || !IMPORTS.test(text)) continue;
    index.stamps.push([file, project.mtime?.(file)]);
    const source = parseSource(file, text, { loc: false, comments: false });
    if (source) addMounts(source, project, extra, index);
  }
  indexes.set(root, index);
  return index;
}

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

/** The mounts of one file: `x.use(…, router)` / `x.route(path, app)` with `router` an import of another code file. */
function addMounts(source: SourceFile, project: ProjectView, extra: readonly string[], index: MountIndex): void {
  const imported = importedFiles(source);
  const bindings = fileBindings(source);
  addImportedBindings(source, bindings, project);
  // A limiter registered so far, in source order: `app.use(limiter)` before the mount, or for one path.
  let limiterSeen = false;
  const limiterPaths: string[] = [];
  for (const call of mountCalls(source.ast)) {
    if (call.callee.type !== "MemberExpression" || call.callee.property.type !== "Identifier") continue;
    const method = call.callee.property.name;
    if (method !== "use" && method !== "route") continue;
    // A limiter imported from the app's own module (`app.use(limiter)`) is a limiter, not a mount.
    const limiters = call.arguments.filter((arg) => isLimiter(arg, source, bindings, extra));
    const limits = limiters.length > 0;
    // The router comes last: a path before it may be an imported constant (`app.route(ROUTES.APPS, apps)`:
    // nicholasgriffintn/assistant, batch 66), which names no mounted module.
    const candidates = call.arguments.filter((arg) => !limiters.includes(arg));
    const last = candidates[candidates.length - 1];
    const mounted = last ? mountedFile(last, imported, source.file) : undefined;
    const scope = stringValue(call.arguments[0]);
    if (mounted) {
      const sites = index.mounts.get(mounted) ?? [];
      sites.push({ limited: limiterSeen || limits, by: source.file, mountPath: scope ?? "", limiterPaths: [...limiterPaths] });
      index.mounts.set(mounted, sites);
    } else if (method === "use" && limits) {
      if (scope === undefined || coversRoute(scope, "/")) limiterSeen = true;
      else limiterPaths.push(scope);
    }
  }
}

/**
 * The `.use(`/`.route(` calls of the module's top level, in source order: statements, and the links
 * of a chain a declaration holds (documenso's `export const aiRoute = new Hono().route("/detect-fields",
 * detectFieldsRoute)`, mounted behind `app.use("/api/ai/*", aiRateLimitMiddleware)`); and the same
 * in the body of a top-level function, an app factory (dabit3/react-native-ai's `export function
 * createApp() { … app.use("/chat", auth, limiter, chatRouter) }`, batch 67).
 */
function mountCalls(program: TSESTree.Program): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const addChain = (node: Node | null | undefined) => calls.push(...chainCalls(node));
  const addStatements = (statements: readonly TSESTree.Node[], inFunction: boolean) => {
    for (const statement of statements) {
      const declaration = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration ? statement.declaration : statement;
      const factory = inFunction ? undefined : factoryBody(declaration);
      if (factory) addStatements(factory, true);
      else if (declaration.type === "ExpressionStatement") addChain(declaration.expression);
      else if (declaration.type === "VariableDeclaration") for (const declarator of declaration.declarations) addChain(declarator.init);
      else if (statement.type === "ExportDefaultDeclaration") addChain(declaration as Node);
      // As for routes: a limiter mounted behind a switch (`if (rateLimitMiddleware) app.use(rateLimitMiddleware)`:
      // JuniorSebastian/TecCreateBackendDeployed, batch 106), in a block, or in the `try` of a setup.
      else if (declaration.type === "IfStatement") for (const branch of [declaration.consequent, declaration.alternate]) branch && addStatements(branch.type === "BlockStatement" ? branch.body : [branch], inFunction);
      else if (declaration.type === "BlockStatement") addStatements(declaration.body, inFunction);
      else if (declaration.type === "TryStatement") addStatements(declaration.block.body, inFunction);
    }
  };
  addStatements(program.body, false);
  return calls;
}

/** The statements of a top-level function: `function createApp() {…}` or `const createApp = () => {…}`. */
function factoryBody(node: Node): TSESTree.Statement[] | undefined {
  if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") {
    return node.body.type === "BlockStatement" ? node.body.body : undefined;
  }
  if (node.type === "VariableDeclaration" && node.declarations.length === 1) {
    const init = node.declarations[0].init;
    if (init && (init.type === "FunctionExpression" || init.type === "ArrowFunctionExpression")) return factoryBody(init);
  }
  return undefined;
}

/** A limiter argument: one that names a limiter (`rateLimit({…})`, `limiter`), or a middleware function that answers 429. */
function isLimiter(arg: Node, source: SourceFile, bindings: ReturnType<typeof fileBindings>, extra: readonly string[]): boolean {
  if (arg.type === "ArrowFunctionExpression" || arg.type === "FunctionExpression") return scanFunction(source, bindings, arg, extra).rateLimited;
  if (arg.type === "Identifier" || arg.type === "CallExpression" || arg.type === "MemberExpression" || arg.type === "NewExpression") return namesLimiter(arg, bindings, extra);
  return false;
}

/** The router a mount's argument hands over: `router` itself, or Oak's and koa-router's `router.routes()`. */
export function mountedRouter(arg: Node): Node {
  return arg.type === "CallExpression" && arg.arguments.length === 0 && arg.callee.type === "MemberExpression" && !arg.callee.computed && arg.callee.property.type === "Identifier" && arg.callee.property.name === "routes" ? arg.callee.object : arg;
}

/** The file an argument stands for: a local name imported from it, or `require("./routes/chat")` inline. */
function mountedFile(arg: Node, imported: Map<string, string>, from: string): string | undefined {
  if (mountedRouter(arg) !== arg) return mountedFile(mountedRouter(arg), imported, from);
  if (arg.type === "Identifier") return imported.get(arg.name);
  if (arg.type === "CallExpression" && arg.callee.type === "Identifier" && arg.callee.name === "require") {
    const specifier = stringValue(arg.arguments[0]);
    return specifier?.startsWith(".") ? resolvedCode(from, specifier) : undefined;
  }
  if (arg.type === "MemberExpression") {
    const { root } = memberPath(arg);
    return root.type === "Identifier" ? imported.get(root.name) : undefined;
  }
  return undefined;
}

/** Local names bound to the app's own modules (relative imports and requires) → the file. */
function importedFiles(source: SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  const bind = (local: string, specifier: string | undefined) => {
    if (!specifier || specifier.startsWith("node:")) return;
    const target = resolvedCode(source.file, specifier);
    if (target) out.set(local, target);
  };
  for (const statement of source.ast.body) {
    if (statement.type === "ImportDeclaration" && statement.importKind !== "type") {
      for (const specifier of statement.specifiers) bind(specifier.local.name, String(statement.source.value));
    }
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") continue;
      const specifier = stringValue(init.arguments[0]);
      if (declarator.id.type === "Identifier") bind(declarator.id.name, specifier);
      else if (declarator.id.type === "ObjectPattern") {
        for (const property of declarator.id.properties) if (property.type === "Property" && property.value.type === "Identifier") bind(property.value.name, specifier);
      }
    }
  }
  return out;
}

function resolvedCode(from: string, specifier: string): string | undefined {
  const target = resolveImport(from, specifier);
  return target && !target.includes(`${path.sep}node_modules${path.sep}`) ? target : undefined;
}

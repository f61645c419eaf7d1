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
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { onInvalidate } from "../../client/files";
import { nearestPackageDir } from "../../package-dir";
import type { ProjectView } from "../types";
import { chainCalls, memberPath, stringValue } from "../ast-utils";
import { fileBindings } from "./bindings";
import { namesLimiter, scanFunction } from "./function-scan";
import { type Indexed, packageIndex } from "./package-index";
import { addImportedBindings, resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

/** A mount that may be limited: a `.use(`/`.route(` call and an import in one file. */
const MAY_MOUNT = /\.(?:use|route)\s*\(/;
const IMPORTS = /\brequire\s*\(|\bimport\b/;
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
}

const indexes = new Map<string, Indexed<MountIndex>>();
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

/** Some file of the project at `root` mounts a router of its own (`app.use("/api", chatRouter)`): it loads its routers by name. */
export function mountsRouters(root: string, project: ProjectView): boolean {
  return mountIndex(root, project, []).mounts.size > 0;
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
  return packageIndex(indexes, root, project, {
    mayHold: (text) => MAY_MOUNT.test(text) && IMPORTS.test(text),
    empty: () => ({ mounts: new Map() }),
    add: (source, index) => addMounts(source, project, extra, index),
  });
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
    if (!specifier) return;
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

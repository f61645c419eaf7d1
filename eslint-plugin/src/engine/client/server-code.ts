/**
 * Route modules mix browser and server code: Next's getServerSideProps/getStaticProps,
 * Remix loaders/actions, Gatsby's getServerData. The framework deletes those exports from the
 * browser build, then every declaration and import that only they used (as Next's
 * next-ssg-transform does). This computes what is left out, for both ASTs.
 *
 * TanStack Start does the same inside calls (`serverCalls`): its compiler replaces a route's
 * `server` option, the function given to `createServerFn(…).handler(…)` (an RPC stub takes
 * its place), `createServerOnlyFn(…)` and the `.server(…)` part of `createIsomorphicFn()` and
 * `createMiddleware()` in the browser build, and then drops the imports only they used. Qwik
 * City's optimizer keeps `routeLoader$(…)`, `routeAction$(…)`, `globalAction$(…)` and
 * `server$(…)` on the server the same way.
 */
import { forEachValueName } from "./references";
import type { AnyNode } from "./walk";
import { rangeOf, walk } from "./walk";

export interface ServerCodeSplit {
  /** Top-level statements removed from the browser build (server exports and what only they use). */
  serverRanges: Array<[number, number]>;
}

interface Declaration {
  statement: AnyNode;
  names: string[];
  refs: Set<string>;
  isImport: boolean;
}

export function splitServerCode(program: AnyNode, serverExports: ReadonlySet<string> = NONE, serverCalls = false): ServerCodeSplit {
  const body = (program.body as AnyNode[]) ?? [];
  const declarations: Declaration[] = [];
  const serverRanges: Array<[number, number]> = [];
  const rootRefs = new Set<string>();
  const serverRefs = new Set<string>();
  let hasServerCode = false;

  for (const statement of body) {
    if (statement.type === "ImportDeclaration") {
      if (statement.importKind === "type") continue;
      const specifiers = (statement.specifiers as AnyNode[]).filter((s) => s.importKind !== "type");
      // Side-effect imports always stay.
      if (specifiers.length === 0) continue;
      declarations.push({ statement, names: specifiers.map((s) => (s.local as AnyNode).name as string), refs: new Set(), isImport: true });
      continue;
    }
    if (statement.type === "ExportNamedDeclaration") {
      const declaration = statement.declaration as AnyNode | null;
      if (declaration) {
        const names = declaredNames(declaration);
        if (names.length > 0 && names.every((name) => serverExports.has(name))) {
          hasServerCode = true;
          serverRanges.push(rangeOf(statement));
          collect(declaration, serverRefs);
        } else {
          // `export const Route = createFileRoute(…)({ server: … })`: the server part is cut out.
          const regions = serverCalls ? serverRegions(declaration) : [];
          for (const region of regions) {
            hasServerCode = true;
            serverRanges.push(rangeOf(region));
            collect(region, serverRefs);
          }
          collect(declaration, rootRefs, regions);
        }
        continue;
      }
      const specifiers = statement.specifiers as AnyNode[];
      if (statement.source) {
        // `export { getServerSideProps } from "./data"`: a server-only re-export edge.
        if (specifiers.length > 0 && specifiers.every((s) => serverExports.has(exportedName(s)))) {
          hasServerCode = true;
          serverRanges.push(rangeOf(statement));
        }
        continue;
      }
      for (const specifier of specifiers) {
        const local = (specifier.local as AnyNode).name as string;
        if (serverExports.has(exportedName(specifier))) {
          hasServerCode = true;
          serverRefs.add(local);
        } else rootRefs.add(local);
      }
      continue;
    }
    const target = statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration" ? ((statement.declaration as AnyNode | null) ?? statement) : statement;
    const regions = serverCalls ? serverRegions(target) : [];
    for (const region of regions) {
      hasServerCode = true;
      serverRanges.push(rangeOf(region));
      collect(region, serverRefs);
    }
    const names = declaredNames(statement);
    const refs = new Set<string>();
    collect(statement, refs, regions);
    // A name the statement declares inside (a component's own `const handleBookmarkPost`, its
    // parameters) is that local, not the top-level function of the same name only the action calls
    // (sora32127/healthy-person-emulator-dotorg's route module, batch 83).
    for (const local of innerDeclaredNames(statement)) if (!names.includes(local)) refs.delete(local);
    if (names.length > 0) declarations.push({ statement, names, refs, isImport: false });
    else for (const ref of refs) rootRefs.add(ref);
  }
  if (!hasServerCode) return { serverRanges: [] };

  const live = closure(rootRefs, declarations);
  const serverOnly = closure(serverRefs, declarations);
  for (const declaration of declarations) {
    const usedByServer = declaration.names.some((name) => serverOnly.has(name));
    const usedByBrowser = declaration.names.some((name) => live.has(name));
    if (usedByServer && !usedByBrowser) serverRanges.push(rangeOf(declaration.statement));
  }
  return { serverRanges };
}

/** Names reachable from `start` through top-level declarations' references. */
function closure(start: Set<string>, declarations: Declaration[]): Set<string> {
  const reached = new Set(start);
  let changed = true;
  while (changed) {
    changed = false;
    for (const declaration of declarations) {
      if (!declaration.names.some((name) => reached.has(name))) continue;
      for (const ref of declaration.refs) {
        if (!reached.has(ref)) {
          reached.add(ref);
          changed = true;
        }
      }
    }
  }
  return reached;
}

function collect(node: AnyNode, into: Set<string>, skip: AnyNode[] = []): void {
  forEachValueName(node, (name) => into.add(name), skip.length > 0 ? (inner) => skip.includes(inner) : undefined);
}

const NONE: ReadonlySet<string> = new Set();

/** Calls TanStack Start cuts server code out of: a cheap test on the text before any walk or parse. */
const SERVER_CALL = /\b(?:createFileRoute|createRootRoute|createRootRouteWithContext|createServerFn|createServerOnlyFn|createIsomorphicFn|createMiddleware|createServerFileRoute|createAPIFileRoute|routeLoader\$|routeAction\$|globalAction\$|server\$|QwikAuth\$)\s*[<(]/;

export function mayHoldServerCalls(text: string): boolean {
  return SERVER_CALL.test(text);
}
/** `createFileRoute("/x")({ server })`, `createRootRoute({ server })`: the option the compiler cuts. */
const ROUTE_FACTORIES = new Set(["createFileRoute", "createRootRoute", "createRootRouteWithContext", "createLazyFileRoute"]);
/** Calls whose `.handler(fn)` / `.server(fn)` arguments run on the server only. */
const SERVER_FUNCTION_FACTORIES = new Set(["createServerFn", "createIsomorphicFn", "createMiddleware"]);
/**
 * Calls whose every argument runs on the server only: TanStack's createServerOnlyFn, Qwik City's
 * loaders, actions and server$, and Auth.js for Qwik's `QwikAuth$(() => config)`, whose config (the
 * auth secret, a database client) serves its onRequest handler and actions (sebacc92/sportgarden's
 * `src/routes/plugin@auth.ts`, batch 98).
 */
const SERVER_ONLY_FUNCTIONS = new Set(["createServerOnlyFn", "routeLoader$", "routeAction$", "globalAction$", "server$", "QwikAuth$"]);
/** Older API routes: `createAPIFileRoute("/api/x")({ GET })`, `createServerFileRoute("/x").methods({ … })`. */
const API_ROUTE_FACTORIES = new Set(["createServerFileRoute", "createAPIFileRoute"]);

/** The TanStack Start server code inside `node` (outermost regions only). */
function serverRegions(node: AnyNode): AnyNode[] {
  const regions: AnyNode[] = [];
  walk(node, (visited) => {
    const inner = visited as unknown as AnyNode;
    if (inner.type !== "CallExpression") return undefined;
    const callee = inner.callee as AnyNode;
    const args = (inner.arguments as AnyNode[]).filter((arg) => arg.type !== "SpreadElement");
    if (callee.type === "Identifier" && SERVER_ONLY_FUNCTIONS.has(callee.name as string)) {
      regions.push(...args);
      return false;
    }
    const root = chainRoot(callee);
    if (root && root !== callee && API_ROUTE_FACTORIES.has(root.name as string)) {
      regions.push(...args);
      return false;
    }
    // createServerFn({ method: "POST" }).validator(…).handler(fn)
    if (callee.type === "MemberExpression" && !callee.computed && root && SERVER_FUNCTION_FACTORIES.has(root.name as string)) {
      const method = (callee.property as AnyNode).name;
      if (method === "handler" || method === "server") {
        regions.push(...args);
        return false;
      }
    }
    // createFileRoute("/api/chat")({ server: { handlers } }) and createRootRoute({ server })
    const factory = callee.type === "CallExpression" ? (callee.callee as AnyNode) : callee;
    if (factory.type === "Identifier" && ROUTE_FACTORIES.has(factory.name as string)) {
      for (const arg of args) {
        if (arg.type !== "ObjectExpression") continue;
        for (const property of arg.properties as AnyNode[]) {
          if (property.type !== "Property" || property.computed) continue;
          const key = property.key as AnyNode;
          if ((key.name ?? key.value) === "server") regions.push(property.value as AnyNode);
        }
      }
    }
    return undefined;
  });
  return regions;
}

/** The identifier a call chain starts from: `createServerFn` in `createServerFn(…).validator(…).handler`. */
function chainRoot(node: AnyNode): AnyNode | undefined {
  let current: AnyNode | undefined = node;
  for (let depth = 0; current && depth < 20; depth++) {
    if (current.type === "Identifier") return current;
    if (current.type === "MemberExpression") current = current.object as AnyNode;
    else if (current.type === "CallExpression") current = current.callee as AnyNode;
    else if (current.type === "TSNonNullExpression" || current.type === "TSAsExpression" || current.type === "TSSatisfiesExpression") current = current.expression as AnyNode;
    else return undefined;
  }
  return undefined;
}

function exportedName(specifier: AnyNode): string {
  const exported = specifier.exported as AnyNode;
  return (exported.name as string | undefined) ?? String(exported.value);
}

function declaredNames(statement: AnyNode): string[] {
  switch (statement.type) {
    case "FunctionDeclaration":
    case "ClassDeclaration":
    case "TSEnumDeclaration":
      return statement.id ? [(statement.id as AnyNode).name as string] : [];
    case "VariableDeclaration":
      return (statement.declarations as AnyNode[]).flatMap((declarator) => patternNames(declarator.id as AnyNode));
    default:
      return [];
  }
}

/** The names declared inside a statement: variables, nested functions and classes, every function's parameters. */
function innerDeclaredNames(statement: AnyNode): Set<string> {
  const out = new Set<string>();
  walk(statement, (visited) => {
    const node = visited as unknown as AnyNode;
    if (node.type === "VariableDeclarator") for (const name of patternNames(node.id as AnyNode)) out.add(name);
    if ((node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") && node !== statement && node.id) out.add((node.id as AnyNode).name as string);
    if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") {
      for (const param of node.params as AnyNode[]) for (const name of patternNames(param)) out.add(name);
    }
    return undefined;
  });
  return out;
}

function patternNames(pattern: AnyNode | null): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name as string];
    case "ObjectPattern":
      return (pattern.properties as AnyNode[]).flatMap((p) => patternNames((p.type === "RestElement" ? p.argument : p.value) as AnyNode));
    case "ArrayPattern":
      return (pattern.elements as Array<AnyNode | null>).flatMap((e) => patternNames(e));
    case "AssignmentPattern":
      return patternNames(pattern.left as AnyNode);
    case "RestElement":
      return patternNames(pattern.argument as AnyNode);
    default:
      return [];
  }
}

/** True when offset `at` lies in one of `ranges`. */
export function inRanges(ranges: Array<[number, number]>, at: number): boolean {
  return ranges.some(([start, end]) => at >= start && at < end);
}

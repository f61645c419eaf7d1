/**
 * tRPC procedures: each `publicProcedure.input(…).mutation(async ({ input }) => …)` (or `.query`,
 * `.subscription`) is an endpoint the browser calls over HTTP (`/api/trpc/<name>`), served by one
 * `createNextApiHandler({ router })` or adapter that names no procedure itself.
 *
 * A procedure's chain is its middleware: `.use(rateLimit)` on the chain, or on the base it starts
 * from when this file builds that base (`const limited = t.procedure.use(ratelimiter)`), counts as
 * a limit, as does a base named like one (`rateLimitedProcedure`) or one an imported module builds
 * with a limiter (shared-clients reads `export const protectedProcedure = t.procedure.use(…)`).
 * A base the app's own module exports is one under any name (`export const publicQuery = t.procedure`).
 */
import * as path from "node:path";
import { parseSource, type SourceFile, type TSESTree } from "../../ast";
import { importOf } from "../../module-imports";
import { moduleDeclaration, walk } from "../ast-utils";
import { exportedValue, parsedModuleMentioning } from "./imported-modules";
import type { FunctionOf, RouteHandler } from "./route-handlers";
import { resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

const RESOLVERS = new Set(["mutation", "query", "subscription"]);
/** Chain links between a procedure base and its resolver. */
const BUILDERS = new Set(["input", "output", "meta", "use", "concat", "unstable_concat"]);

/** A procedure base, or tRPC itself (its import, `TRPCError`, a `./trpc` module), named in the text. A literal alternation: linear. */
const TRPC_WORD = /procedure|trpc/i;

/**
 * A word search first: a procedure resolver, and a procedure base or tRPC named in the text. A base
 * imported from the app's own module may have any name, and its router name neither
 * (`publicQuery.input(…).mutation(…)` with `publicQuery` from "../middleware":
 * Alboro26/assemblyai-v3-teleprompter's routers, batch 134): a chain's `.input(` counts too.
 */
export function mayDefineTrpcProcedures(text: string): boolean {
  if (!text.includes(".mutation(") && !text.includes(".query(") && !text.includes(".subscription(")) return false;
  return text.includes(".input(") || TRPC_WORD.test(text);
}

export function trpcHandlers(source: SourceFile, functionOf: FunctionOf): RouteHandler[] {
  const out: RouteHandler[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.computed || node.callee.property.type !== "Identifier") return;
    const kind = node.callee.property.name;
    if (!RESOLVERS.has(kind)) return;
    const chain = procedureChain(source, node.callee.object, 0);
    if (!chain) return;
    const found = functionOf(source, node.arguments[0] as Node | undefined);
    if (!found) return;
    const key = node.parent?.type === "Property" && !node.parent.computed && node.parent.key.type === "Identifier" ? node.parent.key : undefined;
    out.push({ kind: "trpc", name: `${key?.name ?? "procedure"} (tRPC ${kind})`, fn: found.fn, reportNode: key ?? node.callee.property, companions: [...chain, ...found.wrappers] });
  });
  return out;
}

/**
 * The middleware of a procedure chain (`.use(x)` arguments, and the base's name, which may say
 * it limits), or undefined when the chain does not start at a procedure base (`t.procedure`,
 * `publicProcedure`, a const of this file or an export of an imported one built from one).
 */
function procedureChain(source: SourceFile, node: Node, depth: number): Node[] | undefined {
  const middleware: Node[] = [];
  let link = node;
  while (link.type === "CallExpression" && link.callee.type === "MemberExpression" && !link.callee.computed && link.callee.property.type === "Identifier" && BUILDERS.has(link.callee.property.name)) {
    if (link.callee.property.name === "use") middleware.push(...link.arguments.filter((arg) => arg.type !== "SpreadElement"));
    link = link.callee.object;
  }
  if (link.type === "MemberExpression" && !link.computed && link.property.type === "Identifier" && link.property.name === "procedure") return middleware;
  if (link.type !== "Identifier") return undefined;
  // A base this file builds: its own chain's middleware counts too.
  const declared = depth < 3 ? moduleDeclaration(source.ast, link.name)?.value : undefined;
  const base = declared && declared !== node ? procedureChain(source, declared, depth + 1) : undefined;
  if (base) return [...middleware, ...base, link];
  if (/procedure$/i.test(link.name)) return [...middleware, link];
  // A base another module builds, under any name: `export const publicQuery = t.procedure` in
  // api/middleware.ts (Alboro26/assemblyai-v3-teleprompter, batch 134). Its `.use()` stays there:
  // shared-clients binds a base built with a limiter as one, so the name goes with the middleware.
  return depth < 3 && isImportedProcedureBase(source, link.name, depth + 1) ? [...middleware, link] : undefined;
}

/** `name` is imported from the app's own module, which exports it built from a procedure base. */
function isImportedProcedureBase(source: SourceFile, name: string, depth: number): boolean {
  const imported = importOf(source, name);
  if (!imported || imported.name === "*" || imported.name === "default") return false;
  const file = resolveImport(source.file, imported.specifier);
  // An installed package exports no app's procedure base.
  if (!file || file.includes(`${path.sep}node_modules${path.sep}`)) return false;
  // Only a module that names a procedure at all is parsed for its exports.
  const module = parsedModuleMentioning(file, "procedure");
  const value = module && exportedValue(module, imported.name);
  return !!module && !!value && procedureChain(module, value, depth) !== undefined;
}


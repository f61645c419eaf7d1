/**
 * keyfence/require-rate-limit's analysis: server route handlers that call an AI provider and apply
 * no rate limit, in the handler, around it, before it (Express `app.use`), before the router is mounted
 * in another file (./mounted-limits) or in Next.js middleware.
 */
import { isAgentSkillFile } from "../../agent-skills";
import type { SourceFile, TSESTree } from "../../ast";
import { chainCalls, stringValue } from "../ast-utils";
import type { Finding } from "../../finding";
import { diskProjectView } from "../disk-project-view";
import type { ProjectView } from "../types";
import { addChains, fileBindings, LIMITER_PACKAGES } from "./bindings";
import { companionLimits, namesLimiter, scanFunction } from "./function-scan";
import { AUTH_HEADERS } from "./provider-requests";
import { middlewareCovers, middlewareLimit, pagesMiddlewareLimit, routeUrl, sveltekitHooksLimit } from "./next-middleware";
import { findRouteHandlers, handlerKindOf, type ImportedRouteHandler, type RouteHandler } from "./route-handlers";
import { textFacts } from "../../text-facts";
import { registeredOnUnloadedRouter } from "./unserved-routers";
import { planAddRateLimit } from "./add-limit-fix";
import { addImportedBindings } from "./shared-clients";
import { coversRoute, limitedWhereMounted, mountedRouter } from "./mounted-limits";
import { EDITOR_HISTORY_FILE, TEST_FILE } from "./package-index";
import { skipsThrottle } from "./nest-handlers";
import { nestAppLimited } from "./nest-limits";
import { addGenkit } from "./genkit";
import { addGraphs } from "./langgraph";

export const REQUIRE_RATE_LIMIT = "require-rate-limit";

export interface RateLimitOptions {
  /** How to read the project's middleware.ts. Default: the file system. */
  project?: ProjectView;
  /** Extra function or object names that apply a rate limit in this codebase. */
  limiterNames?: readonly string[];
}

/** The auth headers a provider's key travels in, as words of the text: a literal alternation, linear. */
const AUTH_HEADER = new RegExp(`\\b(?:${AUTH_HEADERS.join("|")})\\b`, "i");

/** A key sent in a URL's query (`"?key=" + env.GEMINI_API_KEY`): function-scan's keyHeaderProvider reads it too. */
const KEY_QUERY = /[?&](?:api_?)?key=/i;

export function findUnlimitedAiRoutes(source: SourceFile, options: RateLimitOptions = {}): Finding[] {
  if (TEST_FILE.test(source.file) || EDITOR_HISTORY_FILE.test(source.file) || isAgentSkillFile(source.file)) return [];
  // A cheap first look: files with no route handler are skipped; a route that mentions no
  // provider SDK, AI SDK or host may still call one through a shared client it imports.
  const imported: ImportedRouteHandler[] = [];
  const handlers = findRouteHandlers(source, imported);
  if (handlers.length === 0 && imported.length === 0) return [];
  const bindings = fileBindings(source);
  const project = options.project ?? diskProjectView();
  addImportedBindings(source, bindings, project);
  addChains(source, bindings); // again: chains built from an imported model
  if (addGraphs(source, bindings)) addChains(source, bindings);
  addGenkit(source, bindings);
  // An AI SDK call (`streamText`, `streamUI`) reaches whichever model it is given, named or not; a
  // request with an auth header may send a provider's key to a URL from env (function-scan's keyHeaderProvider).
  if (
    textFacts(source.text).evidence("providerMention") < 0 &&
    bindings.providers.size === 0 &&
    !bindings.memberProviders &&
    bindings.aiSdkCalls.size === 0 &&
    !bindings.agentRunners &&
    !AUTH_HEADER.test(source.text) &&
    !KEY_QUERY.test(source.text) &&
    // A Worker's AI binding runs a model with no key or provider name written (function-scan's runsWorkersAiModel):
    // on the env (`env.AI.run(`), or taken out of it and known by a model's name (`AI.run("@cf/…")`).
    !source.text.includes("AI.run(") &&
    !source.text.includes("@cf/") &&
    !source.text.includes("@hf/")
  )
    return [];
  const extra = options.limiterNames ?? [];
  const findings: Finding[] = [];
  const handlerFunctions = handlers.map((handler) => handler.fn);
  for (const handler of handlers) {
    const scan = scanFunction(source, bindings, handler.fn, extra, handlerFunctions);
    if (!scan.provider || scan.rateLimited) continue;
    if (handler.companions.some((node) => namesLimiter(node, bindings, extra) || companionLimits(source, node, bindings, extra))) continue;
    if (handler.kind === "nest" && !skipsThrottle(handler) && nestAppLimited(source.file, project, extra)) continue;
    if (limitedAround(source, handler, handler.kind, bindings, options)) continue;
    if (handler.kind === "server-framework" && registeredOnUnloadedRouter(source, handler.reportNode, project)) continue;
    const fix = planAddRateLimit(source, handler);
    findings.push({
      ruleId: REQUIRE_RATE_LIMIT,
      messageId: handler.kind === "server-action" ? "missingRateLimitAction" : handler.kind === "server-fn" ? "missingRateLimitServerFn" : "missingRateLimit",
      data: { handler: handler.name, provider: scan.provider.name },
      file: source.file,
      range: { start: handler.reportNode.range[0], end: handler.reportNode.range[1] },
      ...(fix ? { fixes: [fix] } : {}),
    });
  }
  // Handlers another module defines (an MVC app's controllers): what that module's export does
  // (./shared-clients: it calls a provider, unless a limiter wraps it or runs inside). No fix:
  // the limit would go into the other module or the chain here; the message says where.
  for (const handler of imported) {
    // `UploadController.uploadMeasure`: also a static method of an imported class (`UploadController#uploadMeasure`).
    const provider = bindings.providers.get(handler.reference) ?? bindings.memberProviders?.get(handler.reference) ?? bindings.memberProviders?.get(handler.reference.replace(".", "#"));
    if (!provider || handler.companions.some((node) => namesLimiter(node, bindings, extra) || companionLimits(source, node, bindings, extra))) continue;
    // Middleware of a registration already reported (its handler, or an earlier middleware): one finding.
    if (handler.middleware && findings.some((finding) => finding.range.start === handler.reportNode.range[0])) continue;
    if (limitedAround(source, handler, handler.kind ?? "server-framework", bindings, options)) continue;
    if ((handler.kind ?? "server-framework") === "server-framework" && registeredOnUnloadedRouter(source, handler.reportNode, project)) continue;
    findings.push({
      ruleId: REQUIRE_RATE_LIMIT,
      messageId: handler.kind === "server-action" ? "missingRateLimitAction" : "missingRateLimit",
      data: { handler: handler.name, provider: provider.name },
      file: source.file,
      range: { start: handler.reportNode.range[0], end: handler.reportNode.range[1] },
    });
  }
  return findings;
}

/**
 * A limit the route's app applies before the handler runs: the registrations before it or where
 * its router is mounted (Express, Hono, Fastify), Next.js middleware, SvelteKit's server hook.
 */
function limitedAround(source: SourceFile, handler: Pick<RouteHandler, "reportNode" | "routePath">, kind: RouteHandler["kind"], bindings: ReturnType<typeof fileBindings>, options: RateLimitOptions): boolean {
  const extra = options.limiterNames ?? [];
  const project = options.project ?? diskProjectView();
  if (kind === "server-framework") return limitedByAppUse(source, handler, bindings, extra) || limitedWhereMounted(source.file, project, extra, handler.routePath);
  if (kind === "next-app" || kind === "next-pages") return limitedByMiddleware(source.file, options, extra);
  if (kind === "sveltekit" || kind === "sveltekit-action") return sveltekitHooksLimit(source.file, project, extra) !== undefined;
  if (kind === "pages-function") return pagesMiddlewareLimit(source.file, project, extra) !== undefined;
  return false;
}

/**
 * Express/Hono: `app.use(limiter)` or `app.use("/api", rateLimit(...))` registered before the route;
 * Fastify: `await fastify.register(rateLimit, { … })` (global unless told otherwise).
 */
function limitedByAppUse(source: SourceFile, handler: Pick<RouteHandler, "reportNode" | "routePath">, bindings: ReturnType<typeof fileBindings>, extra: readonly string[]): boolean {
  // `app.use(limiter)` or `.register(…)` for every path or for one the route is under (`app.use("/summarize",
  // limiter)` limits that path only: krishnactive/ai-report-simplifier, batch 37).
  const limits = (call: TSESTree.Node | undefined) => {
    if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.callee.property.type !== "Identifier") return false;
    const method = call.callee.property.name;
    if (method !== "use" && method !== "register") return false;
    // The middleware may be written in place: `app.use("*", async (c, next) => { … await c.env.RATE_LIMITER.limit({ key }) … })`
    // (nicholasgriffintn/assistant's Worker, batch 66), as where a router is mounted (./mounted-limits).
    return (
      coversRoute(stringValue(call.arguments[0]), handler.routePath) &&
      call.arguments.some((arg) => ((arg.type === "ArrowFunctionExpression" || arg.type === "FunctionExpression") ? scanFunction(source, bindings, arg, extra).rateLimited : namesLimiter(arg, bindings, extra)))
    );
  };
  // Earlier in the same chain: `new Hono().use(rateLimiter).post("/chat", ask)`.
  const reportNode = handler.reportNode;
  const member = reportNode.type === "MemberExpression" ? reportNode : reportNode.parent?.type === "MemberExpression" ? reportNode.parent : undefined;
  if (member && chainCalls(member.object).some(limits)) return true;
  const registeredAt = reportNode.range[0];
  // At the top level, and in the setup function the route is registered in (a Fastify plugin's
  // `await server.register(rateLimit)` before its `server.post(…)`), and in each block between
  // (a route registered under `if (flag) { … }`).
  for (const body of [source.ast.body, ...enclosingBlocks(reportNode).map((block) => block.body)]) {
    for (const statement of body) {
      if (statement.range[0] >= registeredAt) break;
      const expression = statement.type === "ExpressionStatement" ? statement.expression : undefined;
      if (limits(expression?.type === "AwaitExpression" ? expression.argument : expression)) return true;
    }
  }
  // A server written as a class: its middleware method (`this.app.use(limiter)`) may run before the
  // routes' method whatever their order in the class; any method's counts.
  for (const method of enclosingClassMethods(reportNode)) {
    for (const statement of method.body?.body ?? []) {
      const expression = statement.type === "ExpressionStatement" ? statement.expression : undefined;
      if (limits(expression?.type === "AwaitExpression" ? expression.argument : expression)) return true;
    }
  }
  // A router this file mounts after its routes (`router.post(…)` … `app.use(limiter)`; `app.use(router.routes())`, Oak):
  // limited when a limiter is registered before every mount, or in it.
  const receiver = member?.object;
  if (receiver?.type === "Identifier") {
    const isRouter = (arg: TSESTree.Node) => {
      const router = mountedRouter(arg);
      return router.type === "Identifier" && router.name === receiver.name;
    };
    const body = source.ast.body;
    const expressionOf = (statement: TSESTree.Node) => {
      const expression = statement.type === "ExpressionStatement" ? statement.expression : undefined;
      return expression?.type === "AwaitExpression" ? expression.argument : expression;
    };
    const mounts = body.filter((statement) => {
      const call = expressionOf(statement);
      return statement.range[0] > registeredAt && call?.type === "CallExpression" && call.callee.type === "MemberExpression" && call.callee.property.type === "Identifier" && (call.callee.property.name === "use" || call.callee.property.name === "route") && call.arguments.some((arg) => isRouter(arg as TSESTree.Node));
    });
    if (mounts.length > 0 && mounts.every((mount) => limits(expressionOf(mount)) || body.some((statement) => statement.range[0] < mount.range[0] && limits(expressionOf(statement))))) return true;
  }
  return false;
}

/** The method bodies of the class `node` is in (none outside a class). */
function enclosingClassMethods(node: TSESTree.Node): Array<TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression> {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "ClassBody") return current.body.flatMap((member) => (member.type === "MethodDefinition" ? [member.value] : []));
  }
  return [];
}

/** The blocks around `node`, innermost first, up to the program (not included). */
function enclosingBlocks(node: TSESTree.Node): TSESTree.BlockStatement[] {
  const blocks: TSESTree.BlockStatement[] = [];
  for (let current = node.parent; current; current = current.parent) if (current.type === "BlockStatement") blocks.push(current);
  return blocks;
}

function limitedByMiddleware(file: string, options: RateLimitOptions, extra: readonly string[]): boolean {
  const limit = middlewareLimit(file, options.project ?? diskProjectView(), extra);
  return limit !== undefined && middlewareCovers(limit, routeUrl(file));
}

export { handlerKindOf, LIMITER_PACKAGES };

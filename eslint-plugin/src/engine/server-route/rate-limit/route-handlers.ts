/**
 * Server route handlers in one file: Next.js App Router `route.ts` exports (GET, POST…), Pages
 * Router `pages/api/**` default exports, Vercel-style `api/**` functions, Cloudflare Pages
 * Functions (`functions/**` exporting `onRequestPost`…), SvelteKit `+server.ts`
 * exports, Astro endpoints (`src/pages/**.ts` exporting GET, POST… or ALL), Remix / React Router
 * `app/routes/**` and `app/root` `action` and `loader` exports, SolidStart API routes (`src/routes/**` exporting
 * GET, POST…), TanStack Start server routes (`src/routes/**`: `createFileRoute(…)({ server: {
 * handlers: { POST } } })`, and the older `createServerFileRoute(…).methods({ POST })` and
 * `createAPIFileRoute(…)({ POST })`), a module's `export default { fetch(request, env) { … } }`
 * (Cloudflare Workers, Bun and Deno serve it to the internet), Express/Hono-style
 * `app.post("/path", …middleware, handler)` registrations, servers started in code (`Deno.serve`,
 * `Bun.serve`: ./serve-handlers), WebSocket message handlers (./socket-handlers), NestJS controller methods
 * (./nest-handlers), Firebase Cloud Functions' `onCall` / `onRequest` (./firebase-handlers), Azure
 * Functions' `app.http(…)` (./azure-handlers), tRPC
 * procedures (./trpc-handlers), SvelteKit form actions and GraphQL resolver maps (./graphql-handlers).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { blockDeclaration, calleeName, chainCalls, commonJsExport, declarationSeenBy, memberPath, moduleDeclaration, stringValue, walk, withoutTypeAssertion } from "../ast-utils";
import { directivesOf } from "../../client/directives";
import { importOf } from "../../module-imports";
import { clientGraphFor } from "../../client/graph";
import { frameworkOf } from "../../client/framework";
import { minimatch } from "minimatch";
import { nearestPackageDir } from "../../package-dir";
import { azureHandlers, mayDefineAzureFunctions } from "./azure-handlers";
import { firebaseHandlers, mayDefineFirebaseFunctions } from "./firebase-handlers";
import { graphqlResolvers, mayDefineGraphqlResolvers } from "./graphql-handlers";
import { mayDefineNestRoutes, nestHandlers } from "./nest-handlers";
import { isConfiguredRouteModule } from "./route-config";
import { actionsHandedToCreateAI } from "./rsc-actions-index";
import { mayStartServer, serveHandlers } from "./serve-handlers";
import { mayHandleSockets, socketHandlers } from "./socket-handlers";
import { mayDefineTrpcProcedures, trpcHandlers } from "./trpc-handlers";

type Node = TSESTree.Node;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
/**
 * route-handlers' `functionOf`, handed to the modules that find other handler kinds (they are
 * imported here, so they take it as an argument rather than import it back).
 */
export type FunctionOf = (source: SourceFile, node: Node | null | undefined) => { fn: FunctionNode; wrappers: Node[] } | undefined;

export type HandlerKind = "next-app" | "next-pages" | "api-function" | "netlify" | "pages-function" | "sveltekit" | "astro" | "remix" | "solid-start" | "tanstack-start" | "server-fn" | "expo-api" | "qwik" | "server-action" | "fetch-export" | "serve" | "socket" | "server-framework" | "nest" | "firebase" | "azure" | "trpc" | "sveltekit-action" | "graphql";

export interface RouteHandler {
  kind: HandlerKind;
  /** "POST", "default", "app.post(\"/chat\")". */
  name: string;
  fn: FunctionNode;
  /** Where a finding points: the handler's name, or the registration call. */
  reportNode: Node;
  /** Middleware passed next to the handler (Express/Hono), and wrappers around it (`withLimit(handler)`). */
  companions: Node[];
  /** The path a router registration names (`"/chat"` for `router.post("/chat", …)`), within its router. */
  routePath?: string;
}

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
/** The exports each file convention runs as a route. */
const EXPORTED_NAMES: Partial<Record<HandlerKind, ReadonlySet<string>>> = {
  // Astro 2 named them in lower case, `del` for DELETE (Mahmoudgalalz/wheretogo's `export const post`, batch 57).
  astro: new Set([...HTTP_METHODS, "ALL", "get", "post", "put", "patch", "del", "all"]),
  remix: new Set(["action", "loader"]),
  // Qwik City's request handlers, in a route module (an endpoint, or beside a page).
  qwik: new Set(["onGet", "onPost", "onPut", "onPatch", "onDelete", "onRequest"]),
  // Netlify Functions: `export const handler` / `exports.handler` (v1), or a default export (v2).
  netlify: new Set(["handler"]),
  // Cloudflare Pages Functions: `onRequest` for every method, or one per method.
  "pages-function": new Set(["onRequest", "onRequestGet", "onRequestPost", "onRequestPut", "onRequestPatch", "onRequestDelete", "onRequestHead", "onRequestOptions"]),
  // Next.js's Pages Router serves a `pages/api/**` module's default export only: an App Router
  // `export async function GET` written there serves nothing (minneatairu/newzip, batch 124).
  "next-pages": new Set(),
};
const ROUTER_METHODS = new Set(["get", "post", "put", "patch", "delete", "all", "on"]);

export function handlerKindOf(file: string): HandlerKind | undefined {
  const unix = file.replace(/\\/g, "/");
  // SvelteKit serves `+server` files under its routes folder only (jacobjeremiahjohnson/goobi keeps one in src/lib).
  if (/\/routes\/(?:.*\/)?\+server\.[cm]?[jt]s$/.test(unix)) return "sveltekit";
  // Netlify's default functions folders (netlify.toml may name another: not read).
  if (/\/netlify\/(?:edge-)?functions\/.+\.[cm]?[jt]sx?$/.test(unix)) return "netlify";
  // Expo Router API routes: `app/chat+api.ts` exporting POST(request).
  if (/\+api\.[cm]?[jt]sx?$/.test(unix)) return "expo-api";
  if (/\/app\/(?:.*\/)?route\.[cm]?[jt]sx?$/.test(unix)) return "next-app";
  if (/\/pages\/api\//.test(unix)) return "next-pages";
  if (/\/app\/routes\/.+\.[cm]?[jt]sx?$/.test(unix)) return "remix";
  // The root route module answers `POST /` with its `action` (nelsonokothguya/my-remix-app, batch 35).
  if (/\/app\/root\.[cm]?[jt]sx?$/.test(unix)) return "remix";
  // A module React Router 7's `app/routes.ts` names, wherever it sits under `app/`.
  if (/\/app\/.+\.[cm]?[jt]sx?$/.test(unix) && !/\/app\/(?:.*\/)?(?:page|layout|route)\.[cm]?[jt]sx?$/.test(unix) && isConfiguredRouteModule(file)) return "remix";
  // SvelteKit's own files here start with `+` (above); SolidStart's API routes are plain modules.
  if (/\/src\/routes\/(?:[^/]+\/)*[^+/][^/]*\.[cm]?[jt]sx?$/.test(unix)) return "solid-start";
  if (/\/src\/pages\/.+\.[cm]?[jt]s$/.test(unix)) return "astro";
  // Where in the project the folder sits is fileConventionKind's question (isServedApiFolder).
  if (unix.includes("/api/")) return "api-function";
  return undefined;
}

/** Where Astro's endpoints live; Next.js's Pages Router may use `src/pages/api/` too. */
const ASTRO_PAGES = /\/src\/pages\/.+\.[cm]?[jt]s$/;

/** A Nuxt server route module (`server/routes/**`). */
const NITRO_ROUTE = /\/server\/routes\/.+\.[cm]?[jt]s$/;
/** A module under a `functions/` folder: a Cloudflare Pages Function when it exports `onRequest…`. */
const PAGES_FUNCTION = /\/functions\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]s$/;

/** An HTTP method named in the text: a SolidStart route module without one exports no handler. */
const METHOD_NAME = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/;
/** Qwik City's request handlers exported: a route module of `src/routes/**` with one is an endpoint too. */
const QWIK_HANDLER_EXPORT = /\bexport\s+(?:const|let|(?:async\s+)?function)\s+on(?:Get|Post|Put|Patch|Delete|Request)\b/;

/**
 * Vercel serves the `api/` folder at a project's root, and Nuxt / Nitro its `server/api/`: an `api/`
 * folder deeper in is no functions folder (multicam/ai-sveltekit-openai's `purgatory/api/`, batch 93;
 * an editor's dated copies in `.vscode/.history/…/api/`: st-spica/chat-kanai, batch 90). A folder with
 * its own vercel.json is a root too. With no package.json above, the root is unknown (a static site's
 * `api/` beside its index.html): any `api/` folder is taken as one (Azure Static Web Apps keep their
 * Functions project there, with its own package.json), unless the file's own package.json is in it
 * and is no Functions project (an Express back end kept in `api/`, the only project of the
 * repository: Akash-Sharma-9804/qhashai, batch 124).
 */
function isServedApiFolder(file: string): boolean {
  const unix = path.resolve(file).replace(/\\/g, "/");
  for (let at = unix.indexOf("/api/"); at >= 0; at = unix.indexOf("/api/", at + 1)) {
    const parent = unix.slice(0, at);
    const root = nearestPackageDir(parent)?.replace(/\\/g, "/");
    if (root === undefined && !CODE_FOLDER_API.test(unix) && !ownBackEnd(`${parent}/api`, unix)) return true;
    if (root !== undefined && (parent === root || parent === `${root}/server`)) return true;
    if (fs.existsSync(`${parent}/vercel.json`)) return true;
    // A Nuxt layer's own `server/api/` (`layers/chat/server/api/`, beside the layer's nuxt.config: BarryCoding/mastering-nuxt-with-cursor, batch 82).
    if (parent.endsWith("/server") && NUXT_CONFIGS.some((config) => fs.existsSync(`${parent.slice(0, -"/server".length)}/${config}`))) return true;
    // vercel.json's `functions` may name another folder (`"apps/Fitness/api/**/*.ts"`: aashraf2510/C2-T2-Fitness-App, batch 93).
    if (root !== undefined && vercelFunctionGlobs(root).some((glob) => minimatch(unix.slice(root.length + 1), glob, { dot: true }))) return true;
  }
  return false;
}

/**
 * Next.js serves the `app/` folder at its project's root or in its `src/`: in a Next.js project, a
 * `route.ts` under an `app/` folder kept anywhere else (an `archive/` of old routes:
 * marcolemcke2014/Ask-Nouri, batch 182) is served by nothing. Where no Next.js project is known
 * around the file, any `app/` is taken as one.
 */
function isAppRouterFolder(file: string): boolean {
  const resolved = path.resolve(file);
  const framework = frameworkOf(resolved);
  if (framework.name !== "next") return true;
  const relative = path.relative(framework.root, resolved).replace(/\\/g, "/");
  return relative.startsWith("app/") || relative.startsWith("src/app/");
}

/** Is `file`'s nearest package.json in `folder` or below it, and no Azure Functions project's (host.json, @azure/functions)? */
function ownBackEnd(folder: string, file: string): boolean {
  const own = nearestPackageDir(path.dirname(file))?.replace(/\\/g, "/");
  if (own === undefined || (own !== folder && !own.startsWith(`${folder}/`))) return false;
  if (fs.existsSync(`${own}/host.json`)) return false;
  try {
    const manifest = JSON.parse(fs.readFileSync(`${own}/package.json`, "utf8")) as { dependencies?: object; devDependencies?: object };
    return !("@azure/functions" in { ...manifest.dependencies, ...manifest.devDependencies });
  } catch {
    return true; // a package.json that does not parse declares no Functions project
  }
}

/** The `functions` patterns of the vercel.json at `root` (read when asked: only a file in an `api/` folder off the root asks). */
function vercelFunctionGlobs(root: string): string[] {
  try {
    const functions = (JSON.parse(fs.readFileSync(`${root}/vercel.json`, "utf8")) as { functions?: unknown }).functions;
    return functions && typeof functions === "object" ? Object.keys(functions) : [];
  } catch {
    return []; // no vercel.json, or one that does not parse
  }
}

const NUXT_CONFIGS = ["nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"];

/** With no project root known, an `api/` folder among the app's code folders (`src/api/`, `lib/api/`) is its API client, not functions. */
const CODE_FOLDER_API = /\/(?:src|app|pages|components|lib)\/(?:.*\/)?api\//;

/**
 * A file in a dot-folder of its project (VS Code's Local History `.history/` or `.vscode/.history/`,
 * a tool's cache or build output) is a copy nothing serves, whatever it exports or registers
 * (st-spica/chat-kanai, batch 90: 67 dated copies of one route).
 */
function inDotFolder(file: string): boolean {
  const resolved = path.resolve(file);
  if (!resolved.replace(/\\/g, "/").includes("/.")) return false;
  const relative = path.relative(frameworkOf(resolved).root, path.dirname(resolved)).replace(/\\/g, "/");
  return relative.split("/").some((segment) => segment.startsWith(".") && segment !== "." && segment !== "..");
}

/** The file convention `source` is a route module of, if any (judged by its path, and its text for `src/routes/**`). */
function fileConventionKind(source: SourceFile): HandlerKind | undefined {
  // Cloudflare Pages Functions: the project's `functions/` folder (`functions/api/chat.ts` serves
  // /api/chat), known by its `onRequest…` exports: Firebase's `functions/` exports none.
  if (PAGES_FUNCTION.test(source.file.replace(/\\/g, "/")) && source.text.includes("onRequest")) return "pages-function";
  // Nuxt / Nitro's `server/routes/**` serve at their path as `server/api/**` does under /api
  // (kudoh/nuxt-openai-realtimeapi-example's `server/routes/session.get.ts`): known by an event handler.
  if (NITRO_ROUTE.test(source.file.replace(/\\/g, "/")) && source.text.includes("EventHandler")) return "api-function";
  const kind = handlerKindOf(source.file);
  if (kind === "api-function" && !isServedApiFolder(source.file)) return undefined;
  if (kind === "next-app" && !isAppRouterFolder(source.file)) return undefined;
  // `src/pages/api/**` of an Astro project is Astro's endpoint, not a Next.js Pages Router API route
  // (Mahmoudgalalz/wheretogo's src/pages/api/StreamAPI.ts, batch 57).
  if (kind === "next-pages" && ASTRO_PAGES.test(source.file.replace(/\\/g, "/")) && frameworkOf(path.resolve(source.file)).name === "astro") return "astro";
  // `src/routes/**` is also every page of SvelteKit, TanStack and Qwik apps: no tree for a page.
  // Qwik City's own handlers are exported `onGet`, `onPost`…
  if (kind === "solid-start") {
    if (QWIK_HANDLER_EXPORT.test(source.text)) return "qwik";
    if (!METHOD_NAME.test(source.text)) return undefined;
    // SvelteKit serves only its `+` files: any other module under its src/routes/ is no route
    // (awcomms/dalle2client's `_+server.ts`, a route switched off by its name, batch 98).
    return frameworkOf(path.resolve(source.file)).name === "sveltekit" ? undefined : "solid-start";
  }
  return kind;
}

/**
 * The route handlers `source` defines. Those it registers or exports but another module writes (an
 * MVC app's controllers, `export const action = taskAction`) go to `imported`, when given: one
 * read of the file's exports and registrations serves both.
 */
export function findRouteHandlers(source: SourceFile, imported?: ImportedRouteHandler[]): RouteHandler[] {
  if (inDotFolder(source.file)) return [];
  const kind = fileConventionKind(source);
  // Neither a route file nor any `x.post("/…"` in the text: no handler, and the tree (which a
  // host may build only when asked, as the workspace scan does) is not needed.
  const fetchExport = mayExportFetch(source.text);
  // A word search (memchr-fast) before each regex: a multiline `^` is tried at every position.
  const actions = source.text.includes("use server") && USE_SERVER.test(source.text);
  const serverFns = source.text.includes("createServerFn") && CREATE_SERVER_FN.test(source.text);
  const qwikFns = source.text.includes("$(") && QWIK_SERVER_FN.test(source.text);
  const nest = mayDefineNestRoutes(source.text);
  const firebase = mayDefineFirebaseFunctions(source.text);
  const azure = mayDefineAzureFunctions(source.text);
  const trpc = mayDefineTrpcProcedures(source.text);
  const formActions = SVELTEKIT_PAGE_SERVER.test(source.file.replace(/\\/g, "/")) && source.text.includes("actions");
  const graphql = mayDefineGraphqlResolvers(source.text);
  const serves = mayStartServer(source.text);
  const sockets = mayHandleSockets(source.text);
  if (!kind && !fetchExport && !serves && !sockets && !actions && !serverFns && !qwikFns && !nest && !firebase && !azure && !trpc && !formActions && !graphql && !mayRegisterRoutes(source.text)) return [];
  const handlers: RouteHandler[] = [];
  if (graphql) handlers.push(...graphqlResolvers(source, functionOf));
  if (formActions) handlers.push(...sveltekitFormActions(source));
  if (trpc) handlers.push(...trpcHandlers(source, functionOf));
  if (nest) handlers.push(...nestHandlers(source));
  if (firebase) handlers.push(...firebaseHandlers(source, functionOf, imported, (name) => isImportedName(source, name)));
  if (azure) handlers.push(...azureHandlers(source, functionOf, imported, (name) => isImportedName(source, name)));
  if (actions) handlers.push(...serverActions(source, imported));
  if (serverFns) handlers.push(...tanstackServerFns(source));
  if (qwikFns) handlers.push(...qwikServerFns(source));
  if (kind) handlers.push(...exportedHandlers(source, kind, imported));
  if (kind === "solid-start") handlers.push(...tanstackHandlers(source));
  if (fetchExport) handlers.push(...fetchExportHandlers(source));
  if (serves) handlers.push(...serveHandlers(source, functionOf));
  if (sockets) handlers.push(...socketHandlers(source, functionOf));
  handlers.push(...registeredHandlers(source, imported));
  return handlers;
}

/** A SvelteKit page's server module, under its routes folder. */
const SVELTEKIT_PAGE_SERVER = /\/routes\/(?:.*\/)?\+page\.server\.[cm]?[jt]s$/;

/**
 * SvelteKit form actions: each function of a page's `export const actions = { default, named }`
 * answers a POST to the page (`<form method="POST">`, `?/named`), from anyone, like an endpoint.
 */
function sveltekitFormActions(source: SourceFile): RouteHandler[] {
  const out: RouteHandler[] = [];
  const add = (init: Node | null | undefined) => {
    const object = withoutTypeAssertion(init);
    if (object?.type !== "ObjectExpression") return;
    for (const property of object.properties) {
      if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
      const found = functionOf(source, property.value);
      if (found) out.push({ kind: "sveltekit-action", name: `actions.${property.key.name}`, fn: found.fn, reportNode: property.key, companions: found.wrappers });
    }
  };
  for (const statement of source.ast.body) {
    if (statement.type !== "ExportNamedDeclaration") continue;
    if (statement.declaration?.type === "VariableDeclaration") {
      for (const declarator of statement.declaration.declarations) if (declarator.id.type === "Identifier" && declarator.id.name === "actions") add(declarator.init);
    }
    // `const actions = { … }; export { actions, load }` (cptcrunchy/mercado, batch 38).
    for (const specifier of statement.source ? [] : statement.specifiers) {
      const exported = specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
      if (exported === "actions" && specifier.local.type === "Identifier") add(moduleDeclaration(source.ast, specifier.local.name)?.value);
    }
  }
  return out;
}

/** TanStack Start's (and SolidStart's) server functions: `createServerFn(…)…handler(fn)`. */
const CREATE_SERVER_FN = /\bcreateServerFn\b/;

/**
 * TanStack Start server functions: the function given to `.handler()` of a chain that starts at
 * `createServerFn(…)` (`.middleware([...])`, `.validator()`/`.inputValidator()` between). The
 * browser calls each one over an RPC endpoint, like a Next.js server action. Middleware named like
 * a limiter in the chain counts as one.
 */
function tanstackServerFns(source: SourceFile): RouteHandler[] {
  const out: RouteHandler[] = [];
  // Anywhere: at module level, or in a route's options.
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.property.type !== "Identifier" || node.callee.property.name !== "handler") return;
    const middleware: Node[] = [];
    let link: Node = node.callee.object;
    while (link.type === "CallExpression" && link.callee.type === "MemberExpression") {
      if (link.callee.property.type === "Identifier" && link.callee.property.name === "middleware") {
        for (const arg of link.arguments) middleware.push(...(arg.type === "ArrayExpression" ? arg.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== "SpreadElement") : [arg]));
      }
      link = link.callee.object;
    }
    if (link.type !== "CallExpression" || link.callee.type !== "Identifier" || link.callee.name !== "createServerFn") return;
    const found = functionOf(source, node.arguments[0] as Node | undefined);
    if (!found) return;
    const declarator = node.parent?.type === "VariableDeclarator" && node.parent.id.type === "Identifier" ? node.parent.id : undefined;
    out.push({ kind: "server-fn", name: declarator?.name ?? "createServerFn()", fn: found.fn, reportNode: declarator ?? node.callee.property, companions: [...middleware, ...found.wrappers] });
  });
  return out;
}

/**
 * Qwik's functions the browser calls on the server: actions (a form or `action.submit()`) and
 * `server$`; SolidStart 0.2's `createServerAction$` / `createServerMultiAction$` and `server$` are
 * the same idea under other names (`createServerData$`, like Qwik's `routeLoader$`, runs on a page load).
 */
const QWIK_SERVER_FNS = new Set(["routeAction$", "globalAction$", "server$", "createServerAction$", "createServerMultiAction$"]);
const QWIK_SERVER_FN = /\b(?:routeAction|globalAction|server|createServerAction|createServerMultiAction)\$\(/;

/**
 * Qwik City's server functions: `export const useAsk = routeAction$(async (data, event) => …)`,
 * `globalAction$(…)` and `server$(…)`. The browser calls each over an RPC request (a POST to the
 * page or to `?qfunc=`), like a Next.js server action; `routeLoader$` runs on a page load and is
 * left out, as a server component is.
 */
function qwikServerFns(source: SourceFile): RouteHandler[] {
  const out: RouteHandler[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || !QWIK_SERVER_FNS.has(node.callee.name)) return;
    const found = functionOf(source, node.arguments[0] as Node | undefined);
    if (!found) return;
    const declarator = node.parent?.type === "VariableDeclarator" && node.parent.id.type === "Identifier" ? node.parent.id : undefined;
    // `const [, action] = createServerAction$(transcribeAction)`: a function handed over by name is reported
    // where it is written, as `serve(handler)` is (magmast/notes, batch 89).
    const argument = node.arguments[0];
    const named = !declarator && argument?.type === "Identifier" ? moduleDeclaration(source.ast, argument.name)?.id : undefined;
    out.push({ kind: "server-fn", name: declarator?.name ?? named?.name ?? `${node.callee.name}()`, fn: found.fn, reportNode: declarator ?? named ?? node.callee, companions: found.wrappers });
  });
  return out;
}

/** `"use server"` at the start of a line: a cheap superset of the directive prologue's test. */
const USE_SERVER = /^[ \t]*["']use server["']/m;

/**
 * Next.js server actions: the exported async functions of a `"use server"` module. Browser code
 * calls them with a POST to the page, like an API route. Only those browser code imports count
 * (the client graph's answer): Next.js gives no endpoint to an action only server code calls.
 */
const AI_SDK_IMPORT = /["']ai(?:\/rsc)?["']/;

function serverActions(source: SourceFile, imported?: ImportedRouteHandler[]): RouteHandler[] {
  if (!directivesOf(source.ast).includes("use server")) return inlineServerActions(source);
  const fromBrowser = clientGraphFor(source.file)?.actionsCalledFromBrowser(source.file);
  // The actions this module hands to the AI SDK's `createAI({ actions: { sendMessage } })`: the
  // browser calls them through `useActions()` (chesquinio/chat-with-shops, batch 77).
  const handedToCreateAI = rscActions(source);
  // …and those another module imports and hands to createAI (mundume/quickchat-ai, batch 176). Asked
  // only of a module that uses the AI SDK itself (an action createAI wraps streams its UI or text):
  // the answer costs a read of the package's code files, once per package.
  const handedElsewhere = AI_SDK_IMPORT.test(source.text) ? actionsHandedToCreateAI(source.file) : undefined;
  const exposed = new Set([...(fromBrowser ?? []), ...handedToCreateAI.map((reference) => reference.name), ...(handedElsewhere ?? [])]);
  if (exposed.size === 0) return [];
  const out: RouteHandler[] = [];
  for (const statement of source.ast.body) {
    // `export default async function classifier()`: a default import binds it under any name.
    if (statement.type === "ExportDefaultDeclaration" && exposed.has("*")) {
      const declaration = statement.declaration as Node;
      const found = functionOf(source, declaration);
      // `const pdfToText = async (…) => {…}` then `export default pdfToText` (TECHNO-NB/Chat-With-Pdf-A.I.-Frontend,
      // batch 68): reported on the function's name, where its code is, as for `export { generateImage }`.
      const local = declaration.type === "Identifier" ? moduleDeclaration(source.ast, declaration.name) : undefined;
      const id = declaration.type === "FunctionDeclaration" ? declaration.id : (local?.id ?? null);
      if (found) out.push({ kind: "server-action", name: id?.name ?? "default", fn: found.fn, reportNode: id ?? statement, companions: found.wrappers });
      continue;
    }
    if (statement.type !== "ExportNamedDeclaration") continue;
    // `async function generateImage() { … }` then `export { generateImage }` (am1553/ai-image-generator,
    // batch 43): reported on the function's name, where its code is.
    if (!statement.declaration && !statement.source) {
      for (const specifier of statement.specifiers) {
        if (specifier.exportKind === "type" || specifier.local.type !== "Identifier") continue;
        const exported = specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
        if (!exposed.has("*") && !exposed.has(exported)) continue;
        const local = moduleDeclaration(source.ast, specifier.local.name);
        const found = local && functionOf(source, local.value);
        if (local && found) out.push({ kind: "server-action", name: exported, fn: found.fn, reportNode: local.id, companions: found.wrappers });
        // `export { createVariantImport as createVariant }`: as `export const createVariant = createVariantImport` below.
        else if (!local && imported && isImportedName(source, specifier.local.name)) imported.push({ kind: "server-action", name: exported, reference: specifier.local.name, reportNode: specifier.exported, companions: [] });
      }
      continue;
    }
    if (!statement.declaration) continue;
    const declaration = statement.declaration;
    const candidates: Array<[TSESTree.Identifier, Node | null | undefined]> =
      declaration.type === "FunctionDeclaration" && declaration.id
        ? [[declaration.id, declaration]]
        : declaration.type === "VariableDeclaration"
          ? declaration.declarations.flatMap((d) => (d.id.type === "Identifier" ? [[d.id, d.init] as [TSESTree.Identifier, Node | null | undefined]] : []))
          : [];
    for (const [id, value] of candidates) {
      if (!exposed.has("*") && !exposed.has(id.name)) continue;
      const found = functionOf(source, value);
      if (found) out.push({ kind: "server-action", name: id.name, fn: found.fn, reportNode: id, companions: found.wrappers });
      // `export const createVariant = createVariantImport`, an action another module writes: judged by that
      // module's export, reported here where the browser reaches it (panter/Magic-Moment, batch 176).
      else if (imported && value?.type === "Identifier" && isImportedName(source, value.name)) imported.push({ kind: "server-action", name: id.name, reference: value.name, reportNode: id, companions: [] });
    }
  }
  out.push(...unexportedRscActions(source, handedToCreateAI, out));
  return out;
}

/** The functions a module's `createAI({ actions: { … } })` hands to the browser (AI SDK RSC), as written there. */
function rscActions(source: SourceFile): TSESTree.Identifier[] {
  if (!source.text.includes("createAI")) return [];
  const references: TSESTree.Identifier[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "createAI") return;
    const actions = propertyValue(node.arguments[0] as Node | undefined, "actions");
    if (actions?.type !== "ObjectExpression") return;
    for (const property of actions.properties) if (property.type === "Property" && property.value.type === "Identifier") references.push(property.value);
  });
  return references;
}

/**
 * The actions a `"use server"` module hands to `createAI({ actions })` but does not export
 * (ai-graphic/Graphic-so's `async function submitUserMessage`, batch 140): createAI binds each one
 * to a server action of its own, which the browser calls through `useActions()`, so the module's
 * exports do not decide it. Reported on the function's name; one already in `found` (exported) is not
 * reported twice.
 */
function unexportedRscActions(source: SourceFile, references: TSESTree.Identifier[], found: RouteHandler[]): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const reference of references) {
    // `createAI` called inside a function reads a declaration there first; a parameter hides the rest.
    const declared = declarationSeenBy(source.ast, reference);
    const action = declared && functionOf(source, declared.value);
    if (!declared || !action || [...found, ...out].some((handler) => handler.fn === action.fn)) continue;
    out.push({ kind: "server-action", name: declared.id.name, fn: action.fn, reportNode: declared.id, companions: action.wrappers });
  }
  return out;
}

/**
 * Server actions declared inline: a function whose own body starts with "use server" (in a
 * Server Component, or an AI SDK RSC action handed to `createAI({ actions })`:
 * emanuelederossi/aiactcompass's `submitUserMessage`, batch 44). Next.js gives each one an
 * endpoint the browser calls; reported on the function's name (or the directive, when it has none).
 */
function inlineServerActions(source: SourceFile): RouteHandler[] {
  // Next.js allows inline actions in Server Components (JSX files) and hands AI SDK RSC actions to
  // `createAI`; a `.ts` helper with a "use server" line that server code calls gets no endpoint
  // (sime-time/white-paper-chat's lib/create-chat.ts).
  if (!/\.[jt]sx$/.test(source.file) && !source.text.includes("createAI")) return [];
  const out: RouteHandler[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "FunctionDeclaration" && node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") return;
    if (node.body.type !== "BlockStatement") return;
    const first = node.body.body[0];
    if (first?.type !== "ExpressionStatement" || first.directive !== "use server") return;
    const directive = first;
    const declarator = node.parent?.type === "VariableDeclarator" ? node.parent : undefined;
    const id = node.type !== "ArrowFunctionExpression" && node.id ? node.id : declarator?.id.type === "Identifier" ? declarator.id : undefined;
    out.push({ kind: "server-action", name: id?.name ?? "action", fn: node, reportNode: id ?? directive, companions: [] });
  });
  return out;
}

/**
 * A `fetch` method or property (`async fetch(`, `{ fetch:`, a line starting `fetch(`) and an
 * `export default`: a cheap superset of fetchExportHandlers' test. A plain `await fetch(url)`
 * does not count, so a page that calls fetch gets no tree for this (the workspace scan builds
 * trees only when asked). `[ \t]*`, not `\s*`: linear on runs of blank lines.
 */
const FETCH_MEMBER = /(?:^|[{,]|\basync)[ \t]*fetch[ \t]*[(:]/m;
const EXPORT_DEFAULT = /\bexport\s+default\b/;

function mayExportFetch(text: string): boolean {
  // The cheap tests first: most modules that name `fetch` call it and export no default object.
  return text.includes("fetch") && EXPORT_DEFAULT.test(text) && FETCH_MEMBER.test(text);
}

/**
 * The module-worker convention: `export default { async fetch(request, env, ctx) { … } }` (or the
 * object by name). Cloudflare Workers, Bun and Deno serve its `fetch` to the internet. A
 * `fetch: app.fetch` (Hono) is no function here: its routes are registrations, found below.
 */
function fetchExportHandlers(source: SourceFile): RouteHandler[] {
  for (const statement of source.ast.body) {
    if (statement.type !== "ExportDefaultDeclaration") continue;
    let object: Node | undefined = statement.declaration as Node;
    if (object.type === "Identifier") object = declarationOf(source, object.name);
    object = withoutTypeAssertion(object);
    if (object?.type !== "ObjectExpression") return [];
    for (const property of object.properties) {
      if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || property.key.name !== "fetch") continue;
      const found = functionOf(source, property.value);
      if (found) return [{ kind: "fetch-export", name: "fetch", fn: found.fn, reportNode: property.key, companions: found.wrappers }];
    }
  }
  return [];
}

/**
 * A router method (ROUTER_METHODS, or `use` mounting a handler) called with a string first: `.post("`, `.get<T>(\``, with
 * spaces or up to five short comments between (bounded repeats: linear on any text).
 */
const ROUTER_CALL = /\.\s*(?:get|post|put|patch|delete|all|on|use)\s*(?:<[^()]{0,200}>\s*)?\(\s*(?:(?:\/\*(?:[^*]|\*(?!\/)){0,200}\*\/|\/\/[^\n]{0,200}\n)\s*){0,5}(["'`])/g;
/** A string value starting with "/", however its first character is written. */
const PATH_START = /^(?:\\(?:\r\n|[\r\n\u2028\u2029]))*(?:\/|\\\/|\\u002[fF]|\\u\{0*2[fF]\}|\\x2[fF]|\\57)/;

/** A router method called with a constant first, `.get(TOKEN_PATH, …)`: a path a module const may hold (pathConstant). */
const CONSTANT_PATH_CALL = /\.\s*(?:get|post|put|patch|delete|all)\s*\(\s*[A-Z][A-Z0-9_]{0,60}\s*,/;
/** A router method called with a route object's path first, `.post(api.recordings.process.path,` (bounded pieces: linear). */
const OBJECT_PATH_CALL = /\.\s*(?:get|post|put|patch|delete|all)\s*\(\s*[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,6}\.path,/;

/** `.route("/…` (Express's route chain), spaces allowed. */
const ROUTE_CHAIN_START = /\.route\s*\(\s*["'`]\//;
/** `.route({` (Fastify's full declaration), spaces allowed. */
const ROUTE_OBJECT = /\.route\s*\(\s*\{/;

/** A cheap superset of registeredHandlers' test, on the text. */
export function mayRegisterRoutes(text: string): boolean {
  if (text.includes(".openapi(")) return true;
  if (text.includes(".route(") && ROUTE_OBJECT.test(text)) return true;
  if (text.includes(".route(") && ROUTE_CHAIN_START.test(text)) return true;
  if (CONSTANT_PATH_CALL.test(text) || (text.includes(".path,") && OBJECT_PATH_CALL.test(text))) return true;
  for (const match of text.matchAll(ROUTER_CALL)) {
    const after = match.index + match[0].length;
    // A path, or an empty one (`router.post("", handler)`).
    // A path, an empty one, or Express's catch-all `"*"`.
    if (text[after] === match[1] || text[after] === "*" || PATH_START.test(text.slice(after, after + 12))) return true;
  }
  return false;
}

/** The function a value stands for: itself, a wrapped function (`withX(fn)`), or a same-file function by name. */
function functionOf(source: SourceFile, node: Node | null | undefined, wrappers: Node[] = []): { fn: FunctionNode; wrappers: Node[] } | undefined {
  if (!node) return undefined;
  // `export const POST = (async ({ request }) => …) satisfies RequestHandler` (and `as`, `!`).
  if (node.type === "TSSatisfiesExpression" || node.type === "TSAsExpression" || node.type === "TSNonNullExpression") return functionOf(source, node.expression, wrappers);
  if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") return { fn: node, wrappers };
  if (node.type === "CallExpression") {
    const bound = boundFunction(node);
    if (bound) return functionOf(source, bound, wrappers);
    // Nuxt's lazy handler: the factory runs once, the handler it returns on each request (where a limit goes).
    const lazy = lazyEventHandler(node);
    if (lazy) return functionOf(source, lazy, wrappers);
    // `export const POST = withRateLimit(async (req) => …)`: the wrapper is a companion.
    const inner = [...node.arguments].reverse().find((arg) => arg.type !== "SpreadElement" && functionOf(source, arg));
    return inner ? functionOf(source, inner, [...wrappers, node.callee, ...node.arguments.filter((arg) => arg !== inner)]) : undefined;
  }
  // Express takes a list of handlers anywhere it takes one, `router.post("/", [validate, create])`
  // or `const create = [validate, async (req, res) => …]` (stevekcm/OpenAI-Express-Server, batch 181):
  // the last answers the request, the others run before it.
  if (node.type === "ArrayExpression") {
    const elements = node.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== "SpreadElement");
    const last = elements[elements.length - 1];
    return last && elements.length === node.elements.length ? functionOf(source, last, [...wrappers, ...elements.slice(0, -1)]) : undefined;
  }
  if (node.type === "Identifier") {
    const local = blockDeclaration(node);
    if (local === null) return undefined;
    return functionOf(source, local ? local.value : declarationOf(source, node.name), wrappers);
  }
  return undefined;
}

/** `handler.bind(controller)`: the function bound (Express apps pass class methods this way). */
function boundFunction(node: Node): Node | undefined {
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.computed) return undefined;
  return node.callee.property.type === "Identifier" && node.callee.property.name === "bind" ? node.callee.object : undefined;
}

/**
 * Nuxt's `defineLazyEventHandler(async () => { …; return defineEventHandler(async (event) => …) })`:
 * the handler that answers each request, where its author writes it (alexander-gekov/vuejs-summit-demo, batch 59).
 */
function lazyEventHandler(node: Node): Node | undefined {
  if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "defineLazyEventHandler") return undefined;
  const factory = node.arguments[0];
  if (factory?.type !== "ArrowFunctionExpression" && factory?.type !== "FunctionExpression") return undefined;
  const isHandler = (value: Node | null | undefined) => value?.type === "CallExpression" && value.callee.type === "Identifier" && /^(?:define)?EventHandler$/i.test(value.callee.name);
  if (factory.body.type !== "BlockStatement") return isHandler(factory.body) ? factory.body : undefined;
  for (const statement of factory.body.body) if (statement.type === "ReturnStatement" && isHandler(statement.argument)) return statement.argument ?? undefined;
  return undefined;
}

function declarationOf(source: SourceFile, name: string): Node | undefined {
  return moduleDeclaration(source.ast, name)?.value;
}

/**
 * The handlers a route module exports by its convention's names. One written in another module
 * (`export const action: ActionFunction = taskAction`, imported: Dornes/learno-mode's Remix routes)
 * goes to `imported`, when given, as the Express registrations' handlers do.
 */
function exportedHandlers(source: SourceFile, kind: HandlerKind, imported?: ImportedRouteHandler[]): RouteHandler[] {
  const out: RouteHandler[] = [];
  // A Netlify function is known by its file (`netlify/functions/chat`): every one exports `handler`.
  const netlifyName = kind === "netlify" ? /\/(netlify\/(?:edge-)?functions\/.+?)\.[cm]?[jt]sx?$/.exec(source.file.replace(/\\/g, "/"))?.[1] : undefined;
  // One function exported under two names, reported where it is written: one finding (`export
  // const post = …` then `export const POST = post`, Astro 2's name and 3's: javidpl/astro-gemini-animal-generator, batch 138).
  const reportedAt = new Map<Node, FunctionNode>();
  const add = (name: string, value: Node | null | undefined, reportNode: Node) => {
    const found = functionOf(source, value);
    if (found && reportedAt.get(reportNode) === found.fn) return;
    if (found) {
      reportedAt.set(reportNode, found.fn);
      out.push({ kind, name: netlifyName ?? name, fn: found.fn, reportNode, companions: found.wrappers });
    }
    const reference = !found && imported && value ? referenceOf(value) : undefined;
    if (reference && isImportedName(source, reference.split(".")[0])) imported!.push({ kind, name: netlifyName ?? name, reference, reportNode, companions: [] });
  };
  // `const handler = async (req, res) => …; export default handler` (or `export { handler }`,
  // `module.exports = handler`): reported where the handler is written, as its author would look
  // for it (irfan-za/caption-ai, 0xNeon-opensource/ts-langchain-exploration: both labellers did).
  const writtenAt = (value: Node): Node | undefined => (value.type === "Identifier" ? moduleDeclaration(source.ast, value.name)?.id : undefined);
  const names = EXPORTED_NAMES[kind] ?? HTTP_METHODS;
  // The conventions whose handler is the module's default export.
  const byDefault = kind === "next-pages" || kind === "api-function" || kind === "netlify";
  for (const statement of source.ast.body) {
    if (statement.type === "ExportDefaultDeclaration" && byDefault) {
      const declaration = statement.declaration;
      const named = declaration.type === "FunctionDeclaration" && declaration.id ? declaration.id : writtenAt(declaration as Node);
      add("default", declaration as Node, lazyEventHandler(declaration as Node) ?? named ?? statement);
    }
    // CommonJS: `exports.handler = async (event) => …` (a Netlify function), `module.exports = (req, res) => …`.
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && statement.expression.operator === "=") {
      const exported = commonJsExport(statement.expression.left);
      const value = statement.expression.right;
      // `module.exports = { handler }` (agits-code/chatBot's Netlify function, batch 80): the object's named handlers.
      if (exported === "default" && value.type === "ObjectExpression") {
        for (const property of value.properties) {
          if (property.type === "Property" && !property.computed && property.key.type === "Identifier" && names.has(property.key.name)) add(property.key.name, property.value as Node, writtenAt(property.value as Node) ?? property.key);
        }
      } else if (exported === "default" && byDefault) add("default", value, writtenAt(value) ?? statement.expression.left);
      // `exports.handler = handler` after `const handler = async (event) => …` (marbellacannabisclub/mcc-chatbot, batch 114): where it is written.
      else if (exported !== undefined && names.has(exported)) add(exported, value, writtenAt(value) ?? statement.expression.left);
    }
    if (statement.type !== "ExportNamedDeclaration") continue;
    const declaration = statement.declaration;
    if (declaration?.type === "FunctionDeclaration" && declaration.id && names.has(declaration.id.name)) {
      add(declaration.id.name, declaration, declaration.id);
    } else if (declaration?.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) {
        // `export const POST = post`: reported where `post` is written, as for `export { post as POST }`.
        if (declarator.id.type === "Identifier" && names.has(declarator.id.name)) add(declarator.id.name, declarator.init, (declarator.init && writtenAt(declarator.init)) || declarator.id);
      }
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
      // `const handler = async (event) => …; export { handler }`: reported where the handler is written.
      // `export { handler as default }` is the default export, as esbuild writes it (ayomidecole/AI-Hackathon-Guide's
      // committed `api/` bundles, batch 125).
      if ((names.has(exported) || (exported === "default" && byDefault && !statement.source)) && specifier.local.type === "Identifier") add(exported, specifier.local, (!statement.source && writtenAt(specifier.local)) || specifier.exported);
    }
  }
  return out;
}

/**
 * Where TanStack Start keeps a route's server handlers (the route's options, or the older API's
 * method map), with the middleware the route's `server` option runs before all of them.
 */
function tanstackMethodMap(call: TSESTree.CallExpression): { methods: TSESTree.ObjectExpression; middleware: Node[] } | undefined {
  const objectArg = call.arguments.find((arg): arg is TSESTree.ObjectExpression => arg.type === "ObjectExpression");
  if (!objectArg) return undefined;
  const callee = call.callee;
  // createFileRoute("/api/chat")({ server: { middleware, handlers: { POST } } }), createRootRoute({ server: … })
  const factory = callee.type === "CallExpression" ? callee.callee : callee;
  if (factory.type === "Identifier" && (factory.name === "createFileRoute" || factory.name === "createRootRoute")) {
    const server = propertyValue(objectArg, "server");
    const handlers = propertyValue(server, "handlers");
    return handlers?.type === "ObjectExpression" ? { methods: handlers, middleware: middlewareOf(server) } : undefined;
  }
  // createAPIFileRoute("/api/chat")({ POST }), createServerFileRoute("/api/chat").methods({ POST })
  if (callee.type === "CallExpression" && callee.callee.type === "Identifier" && callee.callee.name === "createAPIFileRoute") return { methods: objectArg, middleware: [] };
  if (callee.type === "MemberExpression" && calleeName(callee) === "methods") {
    const { root } = memberPath(callee);
    if (root.type === "CallExpression" && root.callee.type === "Identifier" && root.callee.name === "createServerFileRoute") return { methods: objectArg, middleware: [] };
  }
  return undefined;
}

/** The elements of an options object's `middleware: [...]`. */
function middlewareOf(options: Node | undefined): Node[] {
  const list = propertyValue(options, "middleware");
  return list?.type === "ArrayExpression" ? list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== "SpreadElement") : [];
}

function propertyValue(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== "ObjectExpression") return undefined;
  for (const property of node.properties) {
    if (property.type === "Property" && !property.computed && property.key.type === "Identifier" && property.key.name === name) return property.value;
  }
  return undefined;
}

/** TanStack Start's server route handlers, in the module's top-level route declarations. */
function tanstackHandlers(source: SourceFile): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const statement of source.ast.body) {
    const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
    if (declaration.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.init?.type !== "CallExpression") continue;
      const route = tanstackMethodMap(declarator.init);
      for (const property of route?.methods.properties ?? []) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
        const method = property.key.name;
        if (!HTTP_METHODS.has(method) && method !== "ANY") continue;
        // `POST: { middleware: [...], handler }` or the function itself.
        const perMethod = property.value.type === "ObjectExpression";
        const found = functionOf(source, perMethod ? propertyValue(property.value, "handler") : property.value);
        const middleware = [...route!.middleware, ...(perMethod ? middlewareOf(property.value) : [])];
        if (found) out.push({ kind: "tanstack-start", name: method, fn: found.fn, reportNode: property.key, companions: [...middleware, ...found.wrappers] });
      }
    }
  }
  return out;
}

/**
 * An Express/Hono registration whose handler lives in another module: `router.post("/analyze",
 * chatbotController.analyzeSymptoms)` or `router.post("/chat", auth, chat)` with `chat` imported
 * (the controllers of an MVC app). `reference` is the local name, or `name.member`.
 */
export interface ImportedRouteHandler {
  /** The file convention that serves it; none for a registration (`router.post(…)`). */
  kind?: HandlerKind;
  name: string;
  reference: string;
  reportNode: Node;
  companions: Node[];
  /** As RouteHandler's. */
  routePath?: string;
  /** Middleware registered before the route's handler, not the handler itself. */
  middleware?: boolean;
}

/** `name` is bound by an import or a `require` of a module (as ../../module-imports reads them, destructured ones included). */
function isImportedName(source: SourceFile, name: string): boolean {
  return importOf(source, name) !== undefined;
}

/**
 * A path a module const holds: `const TOKEN_PATH = "/token"`, or one the env may override with a
 * path as the fallback, `process.env.TOKEN_PATH || "/token"` (Ayushbh6/SpeechBot, batch 71).
 */
function pathConstant(source: SourceFile, node: Node | TSESTree.CallExpressionArgument | undefined): string | undefined {
  if (node?.type !== "Identifier") return undefined;
  const value = moduleDeclaration(source.ast, node.name)?.value;
  if (value?.type === "LogicalExpression" && value.operator !== "&&") {
    const fallback = stringValue(value.right);
    return fallback?.startsWith("/") ? fallback : undefined;
  }
  return value ? stringValue(value) : undefined;
}

interface Registration {
  /** How the route is named in a message: `"/chat"`, or the route object's name. */
  path: string;
  /** The path itself, when written as a string. */
  routePath?: string;
  handler: Node | undefined;
  /** Middleware registered with it. */
  companions: Node[];
}

/** `app.post("/chat", …middleware, handler)`: the handler is the last argument. */
function pathRegistration(node: TSESTree.CallExpression, source: SourceFile, method: string): Registration | undefined {
  // Hono's `app.on(["GET", "POST"], "/ai", handler)` and `app.on("POST", "/ai", handler)`: the methods come first
  // (miniboxs/chatgpt-ts-cfworkers, batch 64).
  const args = httpMethods(node.arguments[0]) ? node.arguments.slice(1) : node.arguments;
  const written = stringValue(args[0]) ?? pathConstant(source, args[0]);
  // A template with holes, `` router.post(`/api/${API_NAME}/text2speech`, getAudio) `` (agonzalezo/api-speech,
  // batch 114): each hole is one segment, as a `:param` is.
  const template = written === undefined ? templatePath(args[0]) : undefined;
  const path = written ?? template;
  const verb = method !== "use" && method !== "on";
  // A route object's path, `app.post(api.recordings.process.path, async (req, res) => …)` (Replit's full-stack
  // template keeps every route's method and path in shared/routes.ts: Dylan42415/SoundScribe, batch 110), or
  // Express's catch-all `app.post("*", handler)` (justinmae/ai-characters-debate): where a limiter mounted at a
  // path applies is not known, so one there counts.
  const objectPath = verb && args.length >= 2 && args[0]?.type === "MemberExpression" ? routeObjectPath(args[0]) : undefined;
  if (objectPath !== undefined || (verb && path === "*" && args.length >= 2)) {
    const end = args.length;
    return { path: objectPath ?? `"*"`, handler: args[end - 1], companions: args.slice(1, end - 1) };
  }
  // `router.post("", async (req, res) => …)` serves the router's own path (federico722/back-end-clinic-pets,
  // batch 37); an empty string before anything but an inline function is some other API's.
  const last = args[args.length - 1];
  const emptyPath = path === "" && args.length >= 2 && (last?.type === "ArrowFunctionExpression" || last?.type === "FunctionExpression");
  if (path === undefined || (!path.startsWith("/") && !emptyPath)) return undefined;
  // Elysia puts its hook object after the handler (`.post("/ai", ({ body }) => …, { body: t.Object(…) })`:
  // algonacci/elysia-stream, batch 41); an object is never the handler itself.
  const end = args.length >= 3 && last?.type === "ObjectExpression" ? args.length - 1 : args.length;
  const shown = template !== undefined && args[0].range[1] - args[0].range[0] <= 120 ? source.text.slice(args[0].range[0], args[0].range[1]) : `"${path}"`;
  return { path: shown, routePath: path, handler: end >= 2 ? args[end - 1] : undefined, companions: args.slice(1, end - 1) };
}

/** `` `/api/${name}/tts` `` → "/api/:param/tts"; undefined for anything but a template that starts with "/". */
function templatePath(node: Node | undefined): string | undefined {
  if (node?.type !== "TemplateLiteral" || !(node.quasis[0]?.value.cooked ?? "").startsWith("/")) return undefined;
  return node.quasis.map((quasi) => quasi.value.cooked ?? "").join(":param");
}

/**
 * Fastify's full declaration, `fastify.route({ method: "POST", url: "/chat", preHandler, config, handler })`
 * (dinavinter/fastify-ai-starter's plugins, batch 106): the object is the route's options too, so a
 * limiter in its hooks or `config: { rateLimit }` counts as for `fastify.post(path, options, handler)`.
 */
function routeDeclaration(node: TSESTree.CallExpression): Registration | undefined {
  const [options] = node.arguments;
  if (node.arguments.length !== 1 || options?.type !== "ObjectExpression") return undefined;
  // `url`, as Fastify's docs write it: Convex's `http.route({ path, method, handler: httpAction(…) })` is another
  // router, whose HTTP actions the rule does not read yet.
  const path = stringValue(propertyValue(options, "url"));
  const handler = propertyValue(options, "handler");
  if (path === undefined || !path.startsWith("/") || !handler) return undefined;
  return { path: `"${path}"`, routePath: path, handler, companions: [options] };
}

/** `api.recordings.process.path`: a member chain from a name, ending in `.path`, as written. */
function routeObjectPath(node: TSESTree.MemberExpression): string | undefined {
  const { root, path } = memberPath(node);
  return root.type === "Identifier" && path[path.length - 1] === "path" ? [root.name, ...path].join(".") : undefined;
}

/** `"POST"` or `["GET", "POST"]`: the methods Hono's `app.on` takes first. */
function httpMethods(node: TSESTree.CallExpressionArgument | undefined): boolean {
  const isMethod = (value: Node | null) => value !== null && /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ALL)$/i.test(stringValue(value) ?? "");
  if (node?.type === "ArrayExpression") return node.elements.length > 0 && node.elements.every((element) => element !== null && element.type !== "SpreadElement" && isMethod(element));
  return node !== undefined && node.type !== "SpreadElement" && isMethod(node);
}

/**
 * @hono/zod-openapi's `app.openapi(route, handler, hook?)`: the route object (`createRoute({
 * method, path })`, often imported) comes first and an optional validation hook after the handler.
 */
function openapiRegistration(node: TSESTree.CallExpression): Registration | undefined {
  const [route, handler] = node.arguments;
  if (!route || !handler || route.type === "SpreadElement") return undefined;
  const path = route.type === "Identifier" ? route.name : stringValue(propertyValue(route.type === "CallExpression" ? route.arguments[0] : route, "path"));
  return path === undefined ? undefined : { path: route.type === "Identifier" ? path : `"${path}"`, handler, companions: [] };
}

/**
 * Express's route chain: `router.route("/chat").get(list).post(limiter, ask)`, each method given
 * its handlers (middleware first). `node` is the last call of the chain; undefined for anything
 * else (Hono's `app.route("/chat", sub)` mounts an app, and takes no methods after it).
 */
function routeChain(node: TSESTree.CallExpression): Array<{ call: TSESTree.CallExpression; method: string; path: string }> | undefined {
  const calls: Array<{ call: TSESTree.CallExpression; method: string }> = [];
  let link: Node = node;
  while (link.type === "CallExpression" && link.callee.type === "MemberExpression") {
    const method = calleeName(link.callee);
    if (method === "route") break;
    if (!method || !ROUTER_METHODS.has(method)) return undefined;
    calls.push({ call: link, method });
    link = link.callee.object;
  }
  if (link.type !== "CallExpression" || link.callee.type !== "MemberExpression" || link.arguments.length !== 1) return undefined;
  const path = stringValue(link.arguments[0]);
  if (path === undefined || !path.startsWith("/")) return undefined;
  const { root } = memberPath(link.callee);
  const owner = root.type === "Identifier" ? root.name : "router";
  return calls.reverse().map(({ call, method }) => ({ call, method, path: `${owner}.route("${path}")` }));
}

/**
 * An imported handler, also passed through a wrapper: `asyncHandler(imageGenerator.postGenerator)`
 * (yashas-salian/post-audience-email-automation, batch 60), `catchAsync(controller.getData)`. The
 * wrapper goes with it as a companion, so a limiter that wraps (`withRateLimit(ask)`) still counts.
 */
function importedReference(handler: Node): { reference: string; wrappers: Node[] } | undefined {
  const reference = referenceOf(handler);
  if (reference) return { reference, wrappers: [] };
  if (handler.type !== "CallExpression" || handler.arguments.length !== 1) return undefined;
  const inner = referenceOf(handler.arguments[0] as Node);
  return inner ? { reference: inner, wrappers: [handler] } : undefined;
}

/** `a` or `a.b` (plain names): what an imported handler is written as, also cast (`generateQuiz as any`: M-Zaid-Tayyab/QuizGPT-Monorepo, batch 211). */
function referenceOf(node: Node): string | undefined {
  if (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression" || node.type === "TSNonNullExpression") return referenceOf(node.expression);
  const bound = boundFunction(node);
  if (bound) return referenceOf(bound);
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && !node.computed && node.object.type === "Identifier" && node.property.type === "Identifier") return `${node.object.name}.${node.property.name}`;
  return undefined;
}

/** The body of the function `x.register(fn, …)` (or `await x.register(fn, …)`) is given inline. */
function inlinePlugin(expression: TSESTree.Expression): TSESTree.BlockStatement | undefined {
  const call = expression.type === "AwaitExpression" ? expression.argument : expression;
  if (call.type !== "CallExpression" || call.callee.type !== "MemberExpression" || calleeName(call.callee) !== "register") return undefined;
  const plugin = call.arguments[0];
  return (plugin?.type === "ArrowFunctionExpression" || plugin?.type === "FunctionExpression") && plugin.body.type === "BlockStatement" ? plugin.body : undefined;
}

/**
 * `app.post("/chat", limiter, async (req, res) => …)` at any depth, and each registration of a
 * chain (Hono's `export const chat = new Hono().get("/", list).post("/:id", ask)`: khaya-zulu/kayaGPT,
 * batch 35); handlers named from elsewhere go to `imported`.
 */
function registeredHandlers(source: SourceFile, imported?: ImportedRouteHandler[]): RouteHandler[] {
  const out: RouteHandler[] = [];
  const visit = (node: Node | null | undefined) => {
    const links = chainCalls(node);
    const last = links[links.length - 1];
    if (!last) return;
    // Express's `router.route("/chat").get(list).post(ask)` is read whole from its last call; any
    // other chain call by call, in source order.
    const method = calleeName(last.callee);
    const chained = method && ROUTER_METHODS.has(method) ? routeChain(last) : undefined;
    if (chained) {
      for (const { call, method: verb, path } of chained) {
        const args = call.arguments;
        const handler = args[args.length - 1];
        const companions = args.slice(0, -1);
        const reportNode = (call.callee as TSESTree.MemberExpression).property;
        const name = `${path}.${verb}`;
        const found = handler ? functionOf(source, handler) : undefined;
        if (found) out.push({ kind: "server-framework", name, fn: found.fn, reportNode, companions: [...companions, ...found.wrappers] });
        else if (imported && handler) {
          const named = importedReference(handler);
          if (named) imported.push({ name, reference: named.reference, reportNode, companions: [...companions, ...named.wrappers] });
        }
      }
      return;
    }
    for (const link of links) visitCall(link);
  };
  const visitCall = (node: TSESTree.CallExpression) => {
    if (node.callee.type !== "MemberExpression") return;
    const method = calleeName(node.callee);
    if (!method) return;
    // `router.use("/api/chat", geminiController)`: a handler mounted at a path answers every method
    // there (devzwide/chatbot, batch 79); a router mounted so is no function, and registers its own routes.
    const registration =
      ROUTER_METHODS.has(method) || method === "use" ? pathRegistration(node, source, method) : method === "openapi" ? openapiRegistration(node) : method === "route" ? routeDeclaration(node) : undefined;
    if (!registration) return;
    const { path, routePath, handler, companions } = registration;
    // `app.get("/ws", upgradeWebSocket((c) => ({ onMessage })))`: the upgrade runs no model; its
    // message hook is a socket handler (./socket-handlers).
    if (handler?.type === "CallExpression" && handler.callee.type === "Identifier" && handler.callee.name === "upgradeWebSocket") return;
    const found = handler ? functionOf(source, handler) : undefined;
    // In a chain (`new Hono().get(…).post("/chat", ask)`) the call starts where the chain does: reported on its method name.
    const reportNode = node.callee.object.type === "CallExpression" ? node.callee.property : node.callee;
    const { root } = memberPath(node.callee);
    const owner = root.type === "Identifier" ? root.name : "app";
    const name = `${owner}.${method}(${path})`;
    // Middleware another module defines runs for the route too: `router.post("/create",
    // openaiController.createImage, (req, res) => res.json(res.locals.image))` calls OpenAI in the
    // controller (gorillainsuit/cards-r-us, batch 50). Reported once per registration, on the
    // handler's finding if it has one.
    const middleware = () => {
      for (const companion of companions) {
        const reference = referenceOf(companion);
        if (reference) imported!.push({ name, reference, reportNode, companions: companions.filter((other) => other !== companion), routePath, middleware: true });
      }
    };
    if (!found) {
      const named = imported && handler ? importedReference(handler) : undefined;
      if (named) imported!.push({ name, reference: named.reference, reportNode, companions: [...companions, ...named.wrappers], routePath });
      if (imported) middleware();
      return;
    }
    out.push({ kind: "server-framework", name, fn: found.fn, reportNode, companions: [...companions, ...found.wrappers], routePath });
    if (imported) middleware();
  };
  const stack: Node[] = [source.ast];
  // Registrations sit at module level or inside a setup function: a bounded walk of statements.
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "ExpressionStatement") {
      visit(node.expression);
      // A setup function CommonJS exports: `module.exports = (app) => { app.get(…) }`, or
      // `exports.routes = function (app) {…}` (cuongg2804/tarot_product, batch 173).
      const expression = node.expression;
      if (expression.type === "AssignmentExpression" && expression.operator === "=" && commonJsExport(expression.left) !== undefined) {
        const right = expression.right;
        if ((right.type === "ArrowFunctionExpression" || right.type === "FunctionExpression") && right.body.type === "BlockStatement") stack.push(right.body);
      }
      // An inline Fastify plugin, `fastify.register(async (instance) => { instance.get(…) })`:
      // @fastify/websocket's way to write a route (pranitl/elevenlabs-twilio-ai-caller, batch 177).
      const plugin = inlinePlugin(expression);
      if (plugin) stack.push(plugin);
      continue;
    }
    if (node.type === "VariableDeclaration") {
      for (const declarator of node.declarations) {
        visit(declarator.init);
        // A setup function held by a const: a Fastify plugin, `export const routes = async
        // (server: FastifyInstance) => { server.post("/", …) }` (aantoschuk/gpt_back_fastify, batch 39).
        const init = declarator.init;
        if ((init?.type === "ArrowFunctionExpression" || init?.type === "FunctionExpression") && init.body.type === "BlockStatement") stack.push(init.body);
      }
      continue;
    }
    if (node.type === "ExportDefaultDeclaration") {
      const declaration = node.declaration as Node;
      // `export default async function routes(fastify) { fastify.post(…) }`.
      if ((declaration.type === "FunctionDeclaration" || declaration.type === "FunctionExpression" || declaration.type === "ArrowFunctionExpression") && declaration.body.type === "BlockStatement") stack.push(declaration.body);
      else if (declaration.type === "ClassDeclaration" || declaration.type === "ClassExpression") stack.push(declaration);
      else visit(declaration);
      continue;
    }
    // A server written as a class: `this.app.post("/chat", …)` in its constructor or a method it
    // calls (alberto-hortelano/never-ending's `Api`, batch 121).
    if (node.type === "ClassDeclaration" || node.type === "ClassExpression") {
      for (const member of node.body.body) if (member.type === "MethodDefinition" && member.value.body) stack.push(member.value.body);
      continue;
    }
    if (node.type === "Program" || node.type === "BlockStatement") stack.push(...node.body);
    // A route behind a feature flag (`if (GPT_FLAG) fastify.post("/ask", …)`: tsorgz/metaphoto,
    // batch 42) is registered whenever the flag is on.
    else if (node.type === "IfStatement") stack.push(node.consequent, ...(node.alternate ? [node.alternate] : []));
    // A setup that connects to its database first, in a `try` (ratishjain12/Langgraph.js's
    // startServer, batch 79): the routes it registers there are registered once it connects.
    else if (node.type === "TryStatement") stack.push(node.block);
    else if (node.type === "FunctionDeclaration") stack.push(node.body);
    else if (node.type === "ExportNamedDeclaration" && node.declaration) stack.push(node.declaration);
  }
  return out;
}

/**
 * Next.js middleware (`middleware.ts`, or `proxy.ts` in Next 16) that rate-limits requests
 * before they reach a route. Read once per file version (path + mtime) and cached.
 */
import * as path from "node:path";
import { parseSource, type TSESTree } from "../../ast";
import { findProperty, stringValue, walk } from "../ast-utils";
import type { ProjectView } from "../types";
import { fileBindings } from "./bindings";
import { namesLimiter } from "./function-scan";

export interface MiddlewareLimit {
  file: string;
  /**
   * The paths the middleware runs on, one per matcher: a path prefix (`/api/:path*` → "/api/"), or
   * the matcher itself as a pattern when it is one (`/((?!api|_next/static).*)`); undefined = every
   * path (no matcher, or one that cannot be read).
   */
  prefixes?: Array<string | RegExp>;
}

const NAMES = ["middleware", "proxy"].flatMap((name) => ["ts", "js", "mjs", "tsx", "jsx"].map((ext) => `${name}.${ext}`));
const cache = new Map<string, { stamp: string; limit: MiddlewareLimit | undefined }>();

/** The Next.js app folder's middleware that applies a rate limit, or undefined. */
export function middlewareLimit(routeFile: string, project: ProjectView, extraNames: readonly string[]): MiddlewareLimit | undefined {
  const dir = nextProjectDir(routeFile);
  if (!dir) return undefined;
  const file = NAMES.map((name) => path.join(dir, name)).find((candidate) => project.exists(candidate));
  return file ? cachedLimit(file, project, extraNames) : undefined;
}

/** The limit `file` applies, read once per file version (path + mtime). */
function cachedLimit(file: string, project: ProjectView, extraNames: readonly string[]): MiddlewareLimit | undefined {
  const stamp = `${project.mtime?.(file) ?? "?"}|${extraNames.join(",")}`;
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp && project.mtime) return cached.limit;
  const limit = analyse(file, project.read(file), extraNames);
  if (cache.size > 200) cache.clear();
  cache.set(file, { stamp, limit });
  return limit;
}

const SVELTEKIT_HOOKS = ["ts", "js"].map((ext) => path.join("src", `hooks.server.${ext}`));

/**
 * SvelteKit's server hook (`src/hooks.server.ts`, its `handle` runs before every endpoint and
 * form action) that applies a rate limit: the SvelteKit counterpart of Next.js middleware
 * (nihatavci/watsch limits every `/api/` path there and answers 429). Paths are not read: a
 * limit in the hook counts for every route.
 */
export function sveltekitHooksLimit(routeFile: string, project: ProjectView, extraNames: readonly string[]): MiddlewareLimit | undefined {
  const unix = routeFile.replace(/\\/g, "/");
  const at = unix.lastIndexOf("/src/routes/");
  if (at < 0) return undefined;
  const root = routeFile.slice(0, at);
  // A hook has no `config.matcher`: its limit reads as one for every path.
  const file = SVELTEKIT_HOOKS.map((name) => path.join(root, name)).find((candidate) => project.exists(candidate));
  return file ? cachedLimit(file, project, extraNames) : undefined;
}

const PAGES_MIDDLEWARE = ["js", "ts", "mjs"].map((ext) => `_middleware.${ext}`);

/**
 * Cloudflare Pages Functions' middleware: a `_middleware.js` runs before every function of its folder
 * and the folders below it, up to `functions/` itself (aKs030/iweb's `functions/api/_middleware.js`
 * answers 429 from a KV-backed window for every `/api` function): its limit counts for all of them.
 */
export function pagesMiddlewareLimit(routeFile: string, project: ProjectView, extraNames: readonly string[]): MiddlewareLimit | undefined {
  const unix = routeFile.replace(/\\/g, "/");
  const at = unix.lastIndexOf("/functions/");
  if (at < 0) return undefined;
  const root = routeFile.slice(0, at + "/functions".length);
  for (let dir = path.dirname(routeFile); dir.length >= root.length; dir = path.dirname(dir)) {
    const file = PAGES_MIDDLEWARE.map((name) => path.join(dir, name)).find((candidate) => candidate !== routeFile && project.exists(candidate));
    const limit = file ? cachedLimit(file, project, extraNames) : undefined;
    if (limit) return limit;
    if (dir === root || path.dirname(dir) === dir) break;
  }
  return undefined;
}

/** Middleware sits next to `app/` or `pages/` (the project root, or `src/`). */
function nextProjectDir(routeFile: string): string | undefined {
  const parts = routeFile.split(/[\\/]/);
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] === "app" || parts[i] === "pages") return parts.slice(0, i).join(path.sep) || path.sep;
  }
  return undefined;
}

function analyse(file: string, text: string | undefined, extraNames: readonly string[]): MiddlewareLimit | undefined {
  if (!text) return undefined;
  // Read for its limiter and matcher only: no locations, no comments (oxc's tree, ../../oxc-tree).
  const source = parseSource(file, text, { loc: false, comments: false });
  if (!source) return undefined;
  const bindings = fileBindings(source);
  let limited = false;
  walk(source.ast, (node) => {
    if (!limited && (node.type === "CallExpression" || node.type === "NewExpression") && namesLimiter(node, bindings, extraNames)) limited = true;
  });
  if (!limited) return undefined;
  return { file, prefixes: matcherPrefixes(source.ast) };
}

/** `export const config = { matcher: "/api/:path*" | [...] }` → ["/api/"]; undefined = all paths. */
function matcherPrefixes(ast: TSESTree.Program): Array<string | RegExp> | undefined {
  for (const statement of ast.body) {
    if (statement.type !== "ExportNamedDeclaration" || statement.declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type !== "Identifier" || declarator.id.name !== "config" || declarator.init?.type !== "ObjectExpression") continue;
      const matcher = findProperty(declarator.init, "matcher")?.value;
      if (!matcher) return undefined;
      const items = matcher.type === "ArrayExpression" ? matcher.elements : [matcher];
      const prefixes: Array<string | RegExp> = [];
      for (const item of items) {
        const value = item?.type === "ObjectExpression" ? stringValue(findProperty(item, "source")?.value) : stringValue(item);
        if (value === undefined) return undefined; // can't tell: assume it covers the route
        prefixes.push(matcherPattern(value) ?? literalPrefix(value));
      }
      return prefixes;
    }
  }
  return undefined;
}

/**
 * A matcher that excludes paths with a lookahead, `/((?!api|_next/static|favicon.ico).*)`: its groups
 * are regular expressions (Next.js's path-to-regexp), so it is read as one, and `/api/chat` is not
 * covered (Syed-Ahmed02/roadmap-gpt, batch 126: an Upstash limit that never runs on its API routes).
 * Undefined for a matcher with `:param`s or none, or one that is no valid pattern.
 */
function matcherPattern(matcher: string): RegExp | undefined {
  if (!matcher.includes("(?!") || matcher.includes(":")) return undefined;
  try {
    return new RegExp(`^${matcher}$`);
  } catch {
    return undefined;
  }
}

/** The fixed start of a Next.js matcher: "/api/:path*" → "/api/", "/((?!_next).*)" → "/". */
function literalPrefix(matcher: string): string {
  const stop = matcher.search(/[:(*[?+]/);
  return stop < 0 ? matcher : matcher.slice(0, stop);
}

/** The URL path a route file serves: app/api/chat/route.ts → /api/chat; pages/api/chat.ts → /api/chat. */
export function routeUrl(routeFile: string): string | undefined {
  const unix = routeFile.replace(/\\/g, "/");
  const app = /\/app(\/.*)?\/route\.[cm]?[jt]sx?$/.exec(unix);
  if (app) return (app[1] ?? "").split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@")).map((s) => `/${s}`).join("") || "/";
  const pages = /\/pages(\/api\/.*)\.[cm]?[jt]sx?$/.exec(unix);
  if (pages) return pages[1].replace(/\/index$/, "");
  return undefined;
}

export function middlewareCovers(limit: MiddlewareLimit, url: string | undefined): boolean {
  if (!limit.prefixes || url === undefined) return true;
  return limit.prefixes.some((prefix) => (typeof prefix === "string" ? url.startsWith(prefix) || `${url}/` === prefix || prefix === url : prefix.test(url)));
}

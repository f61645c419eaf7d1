/**
 * What `npm install` and a framework's code generation give a project's type-check, for copies
 * of fixture and benchmark apps that have neither (project-type-check.ts). Typed where generated
 * routes use the types (so a route that misuses them still fails), `any` elsewhere:
 *   - a package the code imports is `any` (`declare module "openai";` per bare name: a wildcard
 *     `declare module "*"` would also swallow a relative import that a fix breaks);
 *   - next, astro: the request/handler types the generated routes import;
 *   - SvelteKit: `$env/dynamic/*`, `$env/static/public` exporting the PUBLIC_ names of the env
 *     files (as svelte-kit sync declares it; `$env/static/private` has all of process.env: `any`),
 *     and the `./$types` svelte-kit sync writes beside each route;
 *   - Nuxt: the auto-imported globals (h3's handlers, useRuntimeConfig, $fetch);
 *   - Vite, Astro, SvelteKit: `import.meta.env` (vite/client).
 * Node's own types come from the repo's @types/node.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { builtinModules } from "node:module";

const TYPED = new Set(["next", "astro"]);
const PACKAGES = `declare module "next" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  export interface NextApiRequest extends IncomingMessage { body: any; query: Record<string, string | string[]> }
  export interface NextApiResponse<T = any> extends ServerResponse { status(code: number): NextApiResponse<T>; json(body: T): void }
}
declare module "astro" {
  export type APIRoute = (context: { request: Request; url: URL; readonly clientAddress: string; [name: string]: any }) => Response | Promise<Response>;
}
`;

const SVELTEKIT = `declare module "$env/dynamic/private" { export const env: Record<string, string | undefined> }
declare module "$env/dynamic/public" { export const env: Record<string, string | undefined> }
declare module "$env/static/private";
`;
/** SvelteKit's dev/build env files (Vite's loadEnv), in the order it reads them. */
const SVELTEKIT_ENV_FILES = [".env", ".env.local", ".env.development", ".env.development.local"];

const NUXT = `interface H3Event { node: { req: any; res: any }; context: Record<string, any> }
declare function defineEventHandler<T>(handler: (event: H3Event) => T): (event: H3Event) => T;
declare function toWebRequest(event: H3Event): Request;
declare function getRequestIP(event: H3Event, options?: { xForwardedFor?: boolean }): string | undefined;
declare function useRuntimeConfig(event?: H3Event): Record<string, any>;
declare function $fetch<T = unknown>(url: string, options?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<T>;
declare function defineNuxtConfig(config: Record<string, any>): Record<string, any>;
`;

const VITE = "interface ImportMeta { readonly env: Record<string, any> }\n";

/** svelte-kit sync's `./$types` for a `+server.ts` (the part generated routes use). */
export const SVELTEKIT_ROUTE_TYPES =
  "export type RequestHandler = (event: { request: Request; url: URL; params: Record<string, string>; getClientAddress(): string }) => Response | Promise<Response>;\n";

/**
 * The declarations for the project at `root` (by its package.json's dependencies) whose code
 * imports `imported` (module names as written).
 */
export function environmentFor(root: string, imported: Iterable<string>): string {
  const depends = dependencies(root);
  let text = PACKAGES;
  for (const name of new Set(imported)) {
    if (/^[./]/.test(name) || name.startsWith("node:") || name.startsWith("$env/") || builtinModules.includes(name) || TYPED.has(name)) continue;
    text += `declare module ${JSON.stringify(name)};\n`;
  }
  if (depends.has("@sveltejs/kit")) text += SVELTEKIT + staticPublicEnv(root);
  if (depends.has("nuxt")) text += NUXT;
  if (["vite", "astro", "@sveltejs/kit"].some((name) => depends.has(name))) text += VITE;
  return text;
}

/** `$env/static/public`: only the PUBLIC_ variables the env files define. */
function staticPublicEnv(root: string): string {
  const names = new Set<string>();
  for (const file of SVELTEKIT_ENV_FILES) {
    let text = "";
    try {
      text = fs.readFileSync(path.join(root, file), "utf8");
    } catch {
      continue;
    }
    for (const match of text.matchAll(/^[ \t]*(?:export[ \t]+)?(PUBLIC_[A-Za-z0-9_]*)[ \t]*=/gm)) names.add(match[1]);
  }
  return `declare module "$env/static/public" {\n${[...names].map((name) => `  export const ${name}: string;\n`).join("")}}\n`;
}

function dependencies(root: string): Set<string> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    return new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  } catch {
    return new Set();
  }
}

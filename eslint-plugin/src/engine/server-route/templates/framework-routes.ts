/**
 * How each full-stack framework declares the generated POST route. The steps inside are
 * web-route.ts's (a web Request in, a Response out, streaming passed through); what differs is
 * the handler's declaration, where server env vars are read, and how the client's address is known.
 */
import type { RouteSpec } from "./spec";
import { typeOnly } from "./spec";
import type { WebHost } from "./web-route";

/**
 * SvelteKit `src/routes/api/ai/<provider>/+server.ts`. The key comes from `$env/dynamic/private`
 * (read at run time, so a build without the key set still succeeds; SvelteKit refuses that module
 * in browser code). getClientAddress() is the adapter's answer (adapter-node: the socket, or
 * ADDRESS_HEADER/XFF_DEPTH when configured).
 */
export function svelteKitHost(spec: RouteSpec): WebHost {
  const t = typeOnly(spec);
  return {
    where: "SvelteKit server route (+server).",
    imports: `${spec.typescript ? 'import type { RequestHandler } from "./$types";\n' : ""}import { env } from "$env/dynamic/private";\n`,
    open: `export const POST${t(": RequestHandler")} = async ({ request, getClientAddress }) => {`,
    close: "};",
    clientId: "clientIp(request, getClientAddress)",
    addressParameter: true,
  };
}

/**
 * Nuxt `server/api/ai/<provider>.post.ts` (Nitro serves it for POST only). h3's helpers are
 * auto-imported in server/. The body is read through toWebRequest so the same size cap and
 * pass-through apply as on every other host; h3 sends the returned Response, streams included.
 */
export function nuxtHost(): WebHost {
  return {
    where: "Nuxt server route (server/api, POST only).",
    open: "export default defineEventHandler(async (event) => {\n  const request = toWebRequest(event);",
    close: "});",
    clientId: "clientIp(request, () => getRequestIP(event))",
    addressParameter: true,
  };
}

/**
 * Astro endpoint `src/pages/api/ai/<provider>.ts`, rendered on demand (`prerender = false`; a
 * server adapter is needed to deploy it). `clientAddress` is a getter that throws where the
 * adapter cannot tell, so it is read inside clientIp's guard, never destructured.
 */
export function astroHost(spec: RouteSpec): WebHost {
  const t = typeOnly(spec);
  return {
    where: "Astro endpoint, rendered on demand (needs a server adapter).",
    imports: spec.typescript ? 'import type { APIRoute } from "astro";\n' : "",
    preamble: "// Runs on the server for each request, never at build time.\nexport const prerender = false;\n",
    open: `export const POST${t(": APIRoute")} = async (context) => {\n  const { request } = context;`,
    close: "};",
    clientId: "clientIp(request, () => context.clientAddress)",
    addressParameter: true,
  };
}

/**
 * Remix / React Router resource route `app/routes/api.ai.<provider>.ts`: an `action` and no
 * default export, so the URL answers data, not a page. The request has no socket address: clients
 * are told apart by platform headers (see clientIp) or share the unknown-clients budget.
 */
export function reactRouterHost(spec: RouteSpec): WebHost {
  const t = typeOnly(spec);
  return {
    where: "Remix / React Router resource route (action only).",
    open: `export async function action({ request }${t(": { request: Request }")})${t(": Promise<Response>")} {`,
    close: "}",
    clientId: "clientIp(request)",
    postOnly: true,
  };
}

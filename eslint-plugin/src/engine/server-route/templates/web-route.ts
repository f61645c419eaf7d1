/**
 * A route handler on the web Request/Response API. The same steps serve Next.js App Router
 * (`app/api/ai/<provider>/route.ts`), a Vercel function in a Vite/CRA app (`api/ai/<provider>.ts`),
 * and the framework routes of framework-routes.ts (SvelteKit, Nuxt, Astro, Remix / React Router),
 * which differ only in how the handler is declared and how they name the client's address.
 */
import {
  apiKeyCheck,
  baseUrlLine,
  type Fail,
  header,
  parsedBody,
  policyConstants,
  providerErrorMessage,
  rateLimiter,
  rateLimiterImports,
  restrictFunction,
  upstreamFailure,
  upstreamHeaders,
  webClientIp,
} from "./policy";
import { type RouteSpec, typeOnly } from "./spec";

/** How one framework declares a POST handler around the shared steps (which use `request`). */
export interface WebHost {
  /** One line for the header comment: what the file is and who serves it. */
  where: string;
  /** Import lines of the framework's own types, ending in a newline. */
  imports?: string;
  /** Module-level lines before the policy constants (e.g. Astro's `export const prerender = false;`). */
  preamble?: string;
  /** The handler's opening, up to and including `{` and any line that defines `request`. */
  open: string;
  /** Closes `open`: "}" or "});". */
  close: string;
  /** The expression naming the client for the rate limit. */
  clientId: string;
  /** `clientIp`'s second parameter: a function returning the socket address the host knows. */
  addressParameter?: boolean;
  /** Refuse other methods (a Remix action also receives PUT, PATCH and DELETE). */
  postOnly?: boolean;
}

export function nextAppHost(spec: RouteSpec, where: string): WebHost {
  const t = typeOnly(spec);
  return { where, open: `export async function POST(request${t(": Request")})${t(": Promise<Response>")} {`, close: "}", clientId: "clientIp(request)" };
}

export function webRouteText(spec: RouteSpec, host: WebHost): string {
  const t = typeOnly(spec);
  const q = JSON.stringify;
  const fail: Fail = (status, message) => `errorResponse(${status}, ${message})`;
  const preamble = host.preamble ? `\n${host.preamble}` : "";
  const methodCheck = host.postOnly ? `  if (request.method !== "POST") return errorResponse(405, "Use POST.", { Allow: "POST" });\n` : "";
  return `${header(spec, host.where)}${host.imports ?? ""}${rateLimiterImports(spec)}${preamble}
${policyConstants(spec)}
${host.open}
${methodCheck}${apiKeyCheck(spec, fail)}
  const limit = await checkRateLimit(${host.clientId});
  if (!limit.ok) {
    return errorResponse(429, "Too many requests. Try again later.", { "Retry-After": String(limit.retryAfterSeconds) });
  }

  // JSON only: another site's page cannot send that without a CORS preflight, which this route never grants.
  if (!request.headers.get("content-type")?.includes("application/json")) {
    return errorResponse(415, "Send JSON (Content-Type: application/json).");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return errorResponse(413, "Request too large.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return errorResponse(413, "Request too large.");
${parsedBody(spec, fail)}
${baseUrlLine(spec)}  let upstream${t(": Response")};
  try {
    upstream = await fetch(baseUrl + PROVIDER_API_PATH, {
      method: "POST",
      headers: ${upstreamHeaders(spec, "      ")},
      body: JSON.stringify(body),
      signal: request.signal,
    });
  } catch {
    return errorResponse(502, ${q(`Could not reach ${spec.providerName}.`)});
  }
${upstreamFailure(spec, fail)}
  // A streaming answer (\`stream: true\`) is Server-Sent Events: it passes through chunk by chunk.
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      "Content-Type": upstream.headers.get("content-type") ?? "application/json",
      "Cache-Control": "no-store",
    },
  });
${host.close}

${restrictFunction(spec)}
${rateLimiter(spec)}
${webClientIp(spec.typescript, host.addressParameter)}
${providerErrorMessage(spec)}
function errorResponse(status${t(": number")}, message${t(": string")}, headers${t(": Record<string, string>")} = {})${t(": Response")} {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}
`;
}

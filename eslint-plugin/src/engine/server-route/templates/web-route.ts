/**
 * A route handler on the web Request/Response API: `export async function POST(request)`.
 * The same text serves Next.js App Router (`app/api/ai/<provider>/route.ts`) and a Vercel
 * function in a Vite/CRA app (`api/ai/<provider>.ts`), which Vercel serves at the same URL.
 */
import {
  header,
  policyConstants,
  providerErrorMessage,
  rateLimiter,
  rateLimiterImports,
  restrictFunction,
  upstreamHeaders,
  webClientIp,
} from "./policy";
import { type RouteSpec, typeOnly } from "./spec";

export function webRouteText(spec: RouteSpec, where: string): string {
  const t = typeOnly(spec);
  const q = JSON.stringify;
  return `${header(spec, where)}${rateLimiterImports(spec)}
${policyConstants(spec)}
export async function POST(request${t(": Request")})${t(": Promise<Response>")} {
  const apiKey = process.env.${spec.keyEnvVar};
  if (!apiKey) return errorResponse(500, ${q(`The server has no ${spec.keyEnvVar} set.`)});

  const limit = await checkRateLimit(clientIp(request));
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
  let body${t(": unknown")};
  try {
    body = JSON.parse(text);
  } catch {
    return errorResponse(400, "Send a JSON body.");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return errorResponse(400, "Send a JSON object.");
  const refused = restrict(body${t(" as Record<string, unknown>")});
  if (refused) return errorResponse(400, refused);

  const baseUrl = (process.env.${spec.baseUrlEnvVar} || DEFAULT_BASE_URL).replace(/\\/+$/, "");
  let upstream${t(": Response")};
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
  if (!upstream.ok) {
    console.error(${q(`${spec.providerName} request failed with status`)}, upstream.status);
    const status = upstream.status === 429 ? 429 : upstream.status >= 500 || upstream.status === 401 || upstream.status === 403 ? 502 : upstream.status;
    return errorResponse(status, await providerErrorMessage(upstream, apiKey));
  }

  // A streaming answer (\`stream: true\`) is Server-Sent Events: it passes through chunk by chunk.
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      "Content-Type": upstream.headers.get("content-type") ?? "application/json",
      "Cache-Control": "no-store",
    },
  });
}

${restrictFunction(spec)}
${rateLimiter(spec)}
${webClientIp(spec.typescript)}
${providerErrorMessage(spec)}
function errorResponse(status${t(": number")}, message${t(": string")}, headers${t(": Record<string, string>")} = {})${t(": Response")} {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}
`;
}

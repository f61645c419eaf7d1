/**
 * A route handler on the web Request/Response API: `export async function POST(request)`.
 * The same text serves Next.js App Router (`app/api/ai/<provider>/route.ts`) and a Vercel
 * function in a Vite/CRA app (`api/ai/<provider>.ts`), which Vercel serves at the same URL.
 */
import {
  apiKeyCheck,
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

export function webRouteText(spec: RouteSpec, where: string): string {
  const t = typeOnly(spec);
  const q = JSON.stringify;
  const fail: Fail = (status, message) => `errorResponse(${status}, ${message})`;
  return `${header(spec, where)}${rateLimiterImports(spec)}
${policyConstants(spec)}
export async function POST(request${t(": Request")})${t(": Promise<Response>")} {
${apiKeyCheck(spec, fail)}
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
${parsedBody(spec, fail)}
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
${upstreamFailure(spec, fail)}
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

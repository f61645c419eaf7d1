/**
 * A Next.js Pages Router API route (`pages/api/ai/<provider>.ts`), Node-style req/res.
 * Next's body parser is off so the route can cap the body size and forward it untouched.
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
  nodeClientIp,
  upstreamFailure,
  upstreamHeaders,
} from "./policy";
import { type RouteSpec, typeOnly } from "./spec";

export function nextPagesRouteText(spec: RouteSpec): string {
  const t = typeOnly(spec);
  const q = JSON.stringify;
  const fail: Fail = (status, message) => `sendError(res, ${status}, ${message})`;
  const typeImport = spec.typescript ? `import type { NextApiRequest, NextApiResponse } from "next";\n` : "";
  return `${header(spec, "Next.js Pages Router API route.")}${typeImport}${rateLimiterImports(spec)}
// The route reads the body itself, to cap its size and forward it as sent.
export const config = { api: { bodyParser: false } };

${policyConstants(spec)}
export default async function handler(req${t(": NextApiRequest")}, res${t(": NextApiResponse")})${t(": Promise<void>")} {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return sendError(res, 405, "Use POST.");
  }
${apiKeyCheck(spec, fail)}
  const limit = await checkRateLimit(clientIp(req));
  if (!limit.ok) {
    res.setHeader("Retry-After", String(limit.retryAfterSeconds));
    return sendError(res, 429, "Too many requests. Try again later.");
  }

  // JSON only: another site's page cannot send that without a CORS preflight, which this route never grants.
  if (!req.headers["content-type"]?.includes("application/json")) return sendError(res, 415, "Send JSON (Content-Type: application/json).");
  const text = await readBody(req);
  if (text === undefined) return sendError(res, 413, "Request too large.");
${parsedBody(spec, fail)}
  const baseUrl = (process.env.${spec.baseUrlEnvVar} || DEFAULT_BASE_URL).replace(/\\/+$/, "");
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  let upstream${t(": Response")};
  try {
    upstream = await fetch(baseUrl + PROVIDER_API_PATH, {
      method: "POST",
      headers: ${upstreamHeaders(spec, "      ")},
      body: JSON.stringify(body),
      signal: abort.signal,
    });
  } catch {
    return sendError(res, 502, ${q(`Could not reach ${spec.providerName}.`)});
  }
${upstreamFailure(spec, fail)}
  res.statusCode = upstream.status;
  res.setHeader("Content-Type", upstream.headers.get("content-type") ?? "application/json");
  res.setHeader("Cache-Control", "no-store");
  if (!upstream.body) return void res.end();
  // A streaming answer (\`stream: true\`) is Server-Sent Events: pass it on chunk by chunk.
  const reader = upstream.body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
  } catch {
    // The browser went away or the provider cut the stream: end what was sent.
  }
  res.end();
}

${restrictFunction(spec)}
${rateLimiter(spec)}
${nodeClientIp(spec.typescript, "NextApiRequest")}
async function readBody(req${t(": NextApiRequest")})${t(": Promise<string | undefined>")} {
  const chunks${t(": Buffer[]")} = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString("utf8");
}

${providerErrorMessage(spec)}
function sendError(res${t(": NextApiResponse")}, status${t(": number")}, message${t(": string")})${t(": void")} {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify({ error: { message } }));
}
`;
}

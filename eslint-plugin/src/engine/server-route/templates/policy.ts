/**
 * The part every generated route shares: what the browser may choose, the rate limiter, and
 * the steps of a request that read the same whatever the route's request/response API
 * (`fail(status, message)` writes that API's error answer).
 */
import { DOCS_URL, type RouteSpec, typeOnly } from "./spec";

const q = (value: unknown): string => JSON.stringify(value);
const list = (values: string[]): string => `[${values.map(q).join(", ")}]`;
/** A property key as a person writes it: bare when it is an identifier. */
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : q(name));

export function policyConstants(spec: RouteSpec): string {
  const t = typeOnly(spec);
  return `// What the browser may choose is decided here, on the server: the model (ALLOWED_MODELS), the
// output size (MAX_TOKENS) and the provider API (always ${spec.providerName} ${spec.apiPath}).
const PROVIDER_API_PATH = ${q(spec.apiPath)};
const DEFAULT_BASE_URL = ${q(spec.defaultBaseUrl)};
const ALLOWED_MODELS${t(": string[]")} = ${list(spec.allowedModels)};
const MAX_TOKENS = ${spec.maxTokens};
const TOKEN_FIELDS${t(": string[]")} = ${list(spec.tokenFields)};
const MAX_BODY_BYTES = 1_000_000;

// Each client (IP address) may send RATE_LIMIT requests per minute.
const RATE_LIMIT = 20;
`;
}

export function restrictFunction(spec: RouteSpec): string {
  const t = typeOnly(spec);
  const addDefault = spec.defaultTokenField
    ? `  if (!capped) body[${q(spec.defaultTokenField)}] = MAX_TOKENS;\n`
    : "";
  return `/** Applies the server's limits to the body the browser sent; returns why it is refused, if it is. */
function restrict(body${t(": Record<string, unknown>")})${t(": string | undefined")} {
  if (body.model === undefined) body.model = ALLOWED_MODELS[0];
  if (typeof body.model !== "string" || !ALLOWED_MODELS.includes(body.model)) {
    return \`Model not allowed. Use one of: \${ALLOWED_MODELS.join(", ")}\`;
  }
  let capped = false;
  for (const field of TOKEN_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== "number" || !(value > 0)) return \`\${field} must be a positive number\`;
    body[field] = Math.min(value, MAX_TOKENS);
    capped = true;
  }
${addDefault}  if (body.n !== undefined) body.n = 1;
  return undefined;
}
`;
}

export function rateLimiterImports(spec: RouteSpec): string {
  return spec.rateLimiter === "upstash"
    ? `import { Ratelimit } from "@upstash/ratelimit";\nimport { Redis } from "@upstash/redis";\n`
    : "";
}

export function rateLimiter(spec: RouteSpec): string {
  const t = typeOnly(spec);
  const resultType = t(": Promise<{ ok: boolean; retryAfterSeconds: number }>");
  if (spec.rateLimiter === "upstash") {
    return `// Counts live in Upstash Redis (UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN), so the limit
// holds across every instance of this route.
const ratelimit = new Ratelimit({
  redis: Redis.fromEnv(),
  limiter: Ratelimit.slidingWindow(RATE_LIMIT, "60 s"),
  prefix: ${q(`ai-route:${spec.slug}`)},
});

async function checkRateLimit(clientId${t(": string")})${resultType} {
  const result = await ratelimit.limit(clientId);
  return { ok: result.success, retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
}
`;
  }
  return `// In-memory limiter: counts per server instance. With several instances (serverless, replicas)
// switch to a shared store such as @upstash/ratelimit: ${DOCS_URL}#shared-rate-limit
const RATE_WINDOW_MS = 60_000;
const requestCounts = new Map${t("<string, { count: number; resetAt: number }>")}();

async function checkRateLimit(clientId${t(": string")})${resultType} {
  const now = Date.now();
  if (requestCounts.size > 10_000) {
    for (const [id, entry] of requestCounts) if (entry.resetAt <= now) requestCounts.delete(id);
  }
  const entry = requestCounts.get(clientId);
  if (!entry || entry.resetAt <= now) {
    requestCounts.set(clientId, { count: 1, resetAt: now + RATE_WINDOW_MS });
    return { ok: true, retryAfterSeconds: 0 };
  }
  entry.count += 1;
  return { ok: entry.count <= RATE_LIMIT, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
}
`;
}

/** How a route answers with an error: `errorResponse(400, "…")`, `sendError(res, 400, "…")`. */
export type Fail = (status: string, message: string) => string;

/** The key comes from the server's environment, or the route refuses to run. */
export function apiKeyCheck(spec: RouteSpec, fail: Fail): string {
  return `  const apiKey = process.env.${spec.keyEnvVar};
  if (!apiKey) return ${fail("500", q(`The server has no ${spec.keyEnvVar} set.`))};
`;
}

/** `text` (the request body, size-checked) → `body`, a JSON object within the policy. */
export function parsedBody(spec: RouteSpec, fail: Fail): string {
  const t = typeOnly(spec);
  return `  let body${t(": unknown")};
  try {
    body = JSON.parse(text);
  } catch {
    return ${fail("400", q("Send a JSON body."))};
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return ${fail("400", q("Send a JSON object."))};
  const refused = restrict(body${t(" as Record<string, unknown>")});
  if (refused) return ${fail("400", "refused")};
`;
}

/** A provider error answer: logged by status only, passed on without the key. */
export function upstreamFailure(spec: RouteSpec, fail: Fail): string {
  return `  if (!upstream.ok) {
    console.error(${q(`${spec.providerName} request failed with status`)}, upstream.status);
    const status = upstream.status === 429 ? 429 : upstream.status >= 500 || upstream.status === 401 || upstream.status === 403 ? 502 : upstream.status;
    return ${fail("status", "await providerErrorMessage(upstream, apiKey)")};
  }
`;
}

/** Provider error → a message for the browser, without the key and without auth details. */
export function providerErrorMessage(spec: RouteSpec): string {
  const t = typeOnly(spec);
  return `/** The provider's reason for an error, minus anything that could echo the key. */
async function providerErrorMessage(upstream${t(": Response")}, apiKey${t(": string")})${t(": Promise<string>")} {
  if (upstream.status === 401 || upstream.status === 403) {
    return ${q(`${spec.providerName} refused the server's credentials. Check ${spec.keyEnvVar} on the server.`)};
  }
  let reason = "";
  try {
    const data${t(": { error?: { message?: unknown } | string; message?: unknown }")} = await upstream.json();
    const error = data.error;
    const candidate = typeof error === "string" ? error : typeof error?.message === "string" ? error.message : data.message;
    if (typeof candidate === "string") reason = candidate;
  } catch {
    // Not JSON: the status says enough.
  }
  reason = reason.split(apiKey).join("[redacted]").slice(0, 500);
  return reason || \`${spec.providerName} answered \${upstream.status}.\`;
}
`;
}

/** The headers sent to the provider: the key is added here and nowhere else. */
export function upstreamHeaders(spec: RouteSpec, indent: string): string {
  const auth = spec.authScheme ? `\`${spec.authScheme} \${apiKey}\`` : "apiKey";
  const lines = [
    `"Content-Type": "application/json"`,
    ...Object.entries(spec.fixedHeaders).map(([name, value]) => `${key(name)}: ${q(value)}`),
    `${key(spec.authHeader)}: ${auth}`,
  ];
  return `{\n${lines.map((line) => `${indent}  ${line},\n`).join("")}${indent}}`;
}

export function header(spec: RouteSpec, where: string): string {
  return `// Generated by KeyFence: the browser calls this route, and only this server code holds the
// ${spec.providerName} key (${spec.keyEnvVar}). ${where}
// How it works and how to adapt it: ${DOCS_URL}
`;
}

/** The client's IP from a web Request. */
export function webClientIp(typescript: boolean): string {
  const t = (text: string) => (typescript ? text : "");
  return `function clientIp(request${t(": Request")})${t(": string")} {
  // On Vercel, Netlify or behind another proxy you trust, the first x-forwarded-for entry is the client.
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}
`;
}

/** The client's IP from a Node request (Pages Router, Express). `requestType` is its TypeScript type. */
export function nodeClientIp(typescript: boolean, requestType: string): string {
  const t = (text: string) => (typescript ? text : "");
  return `function clientIp(req${t(`: ${requestType}`)})${t(": string")} {
  // Behind Vercel or another proxy you trust, the first x-forwarded-for entry is the client.
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || req.socket.remoteAddress || "unknown";
}
`;
}

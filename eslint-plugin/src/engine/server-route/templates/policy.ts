/**
 * The part every generated route shares: what the browser may choose, the rate limiter, and
 * the steps of a request that read the same whatever the route's request/response API
 * (`fail(status, message)` writes that API's error answer).
 */
import { DOCS_URL, envRead, type RouteSpec, typeOnly } from "./spec";

export { nodeClientIp, rateLimiter, rateLimiterImports, webClientIp } from "./rate-limiter";

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

// Each client (IP address, as the host reports it: see clientIp) may send RATE_LIMIT requests per minute.
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

/** How a route answers with an error: `errorResponse(400, "…")`, `sendError(res, 400, "…")`. */
export type Fail = (status: string, message: string) => string;

/** The key comes from the server's environment, or the route refuses to run. */
export function apiKeyCheck(spec: RouteSpec, fail: Fail): string {
  return `  const apiKey = ${spec.keyExpression ?? envRead(spec, spec.keyEnvVar)};
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

/** The provider's base URL: the env override (a proxy, a test stand-in) or the default. */
export function baseUrlLine(spec: RouteSpec): string {
  return `  const baseUrl = (${envRead(spec, spec.baseUrlEnvVar)} || DEFAULT_BASE_URL).replace(/\\/+$/, "");\n`;
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

/**
 * The rate limiter every generated route (and the require-rate-limit suggestion) carries: who the
 * client is, from what the host sets and a client cannot forge, and a count per client that keeps
 * its memory bounded. Run for real in test/server-route/rate-limit-holds.test.ts.
 */
import { DOCS_URL, type RouteSpec, typeOnly } from "./spec";

const q = (value: unknown): string => JSON.stringify(value);

/** Names the limiter block declares (the suggestion refuses to add it when one is taken). */
export const LIMITER_NAMES = [
  "checkRateLimit", "clientIp", "clientIpFrom", "RATE_LIMIT", "RATE_WINDOW_MS", "UNKNOWN_CLIENTS_RATE_LIMIT",
  "MAX_TRACKED_CLIENTS", "requestCounts", "UNKNOWN_CLIENTS", "warnedUnknownClients",
];

export function rateLimiterImports(spec: RouteSpec): string {
  return spec.rateLimiter === "upstash"
    ? `import { Ratelimit } from "@upstash/ratelimit";\nimport { Redis } from "@upstash/redis";\n`
    : "";
}

/** `RATE_LIMIT` is declared by the caller (the route's policy constants, or the suggestion). */
export function rateLimiter(spec: RouteSpec): string {
  const t = typeOnly(spec);
  const resultType = t(": Promise<{ ok: boolean; retryAfterSeconds: number }>");
  const unknownClients = `// Requests whose client cannot be told apart (see clientIp) share one budget, sized for many
// visitors, so no single client can lock out everyone, and none gets more than this together.
const UNKNOWN_CLIENTS_RATE_LIMIT = RATE_LIMIT * 10;
let warnedUnknownClients = false;

function warnUnknownClients()${t(": void")} {
  if (warnedUnknownClients) return;
  warnedUnknownClients = true;
  console.warn("Rate limit: cannot tell clients apart here, so they share one budget. See ${DOCS_URL}#rate-limit-per-client");
}
`;
  if (spec.rateLimiter === "upstash") {
    return `${unknownClients}
// Counts live in Upstash Redis (UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN), so the limit
// holds across every instance of this route.
const ratelimit = new Ratelimit({
  redis: Redis.fromEnv(),
  limiter: Ratelimit.slidingWindow(RATE_LIMIT, "60 s"),
  prefix: ${q(`ai-route:${spec.slug}`)},
});
const unknownClientsLimit = new Ratelimit({
  redis: Redis.fromEnv(),
  limiter: Ratelimit.slidingWindow(UNKNOWN_CLIENTS_RATE_LIMIT, "60 s"),
  prefix: ${q(`ai-route:${spec.slug}:unknown-clients`)},
});

async function checkRateLimit(clientId${t(": string | undefined")})${resultType} {
  if (!clientId) warnUnknownClients();
  const result = clientId ? await ratelimit.limit(clientId) : await unknownClientsLimit.limit("all");
  return { ok: result.success, retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
}
`;
  }
  return `// In-memory limiter: it counts per server instance. That is right for one long-running server and
// for development; with several instances (serverless functions scale out, replicas) each counts
// on its own. Then use a shared store, @upstash/ratelimit (KeyFence generates it when the project
// depends on it): ${DOCS_URL}#shared-rate-limit
const RATE_WINDOW_MS = 60_000;
// Memory stays bounded: expired counts are swept, and at most this many clients are counted at once
// (beyond it, new clients share the unknown-clients budget until counts expire).
const MAX_TRACKED_CLIENTS = 10_000;
const UNKNOWN_CLIENTS = "(unknown clients)";
// Oldest first (a count is added when its window starts and deleted when it ends), so the sweep
// at the top of checkRateLimit stops at the first count still running.
const requestCounts = new Map${t("<string, { count: number; resetAt: number }>")}();

${unknownClients}
async function checkRateLimit(clientId${t(": string | undefined")})${resultType} {
  const now = Date.now();
  // Not for…of: a project compiled to ES5 without downlevelIteration cannot iterate a Map.
  for (let oldest = requestCounts.entries().next(); !oldest.done && oldest.value[1].resetAt <= now; oldest = requestCounts.entries().next()) {
    requestCounts.delete(oldest.value[0]);
  }
  let id = clientId || UNKNOWN_CLIENTS;
  if (!requestCounts.has(id) && requestCounts.size >= MAX_TRACKED_CLIENTS) id = UNKNOWN_CLIENTS;
  if (id === UNKNOWN_CLIENTS) warnUnknownClients();
  const limit = id === UNKNOWN_CLIENTS ? UNKNOWN_CLIENTS_RATE_LIMIT : RATE_LIMIT;
  const entry = requestCounts.get(id);
  if (!entry) {
    requestCounts.set(id, { count: 1, resetAt: now + RATE_WINDOW_MS });
    return { ok: true, retryAfterSeconds: 0 };
  }
  entry.count += 1;
  return { ok: entry.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
}
`;
}

/** How the client is told apart; the same for every request API (`header(name)` reads one). */
function clientIpFrom(typescript: boolean): string {
  const t = (text: string) => (typescript ? text : "");
  return `/**
 * Who is asking, from what the host sets and a client cannot forge. x-forwarded-for alone is never
 * trusted: any client can write it, and a limit keyed on it is no limit.
 * - Vercel (VERCEL is set): x-vercel-forwarded-for, then x-real-ip; Vercel overwrites both.
 * - Cloudflare Workers and Pages Functions: cf-connecting-ip, set by Cloudflare.
 * - Another host that sets its own header (Netlify: x-nf-client-connection-ip, Fly.io:
 *   fly-client-ip): name it in KEYFENCE_CLIENT_IP_HEADER.
 * - Behind your own proxies that append to x-forwarded-for: set KEYFENCE_TRUST_PROXY to how many
 *   (usually 1); the entry that far from the right is the address your first proxy saw.
 * Otherwise the socket address where there is one, else unknown (see UNKNOWN_CLIENTS_RATE_LIMIT).
 */
function clientIpFrom(header${t(": (name: string) => string | undefined")}, socketAddress${t("?: string")})${t(": string | undefined")} {
  const first = (value${t("?: string")}) => value?.split(",")[0]?.trim() || undefined;
  // Hosts without Node's process (Cloudflare Workers without nodejs_compat) set none of these.
  const hostEnv${t(": Record<string, string | undefined>")} = typeof process === "undefined" ? {} : process.env;
  const named = hostEnv.KEYFENCE_CLIENT_IP_HEADER;
  if (named) return first(header(named.toLowerCase()));
  if (hostEnv.VERCEL) return first(header("x-vercel-forwarded-for")) ?? first(header("x-real-ip"));
  const runtime = (globalThis${t(" as { navigator?: { userAgent?: string } }")}).navigator?.userAgent;
  if (runtime === "Cloudflare-Workers") return first(header("cf-connecting-ip"));
  const hops = Number(hostEnv.KEYFENCE_TRUST_PROXY === "true" ? 1 : hostEnv.KEYFENCE_TRUST_PROXY ?? 0);
  if (Number.isInteger(hops) && hops > 0) {
    const entries = (header("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
    return entries.length >= hops ? entries[entries.length - hops] : undefined;
  }
  return socketAddress || undefined;
}
`;
}

/**
 * The client's address from a web Request: platform headers, else the socket address when the
 * framework offers one (`address`: SvelteKit's getClientAddress, Astro's clientAddress, h3's
 * getRequestIP), else unknown.
 */
export function webClientIp(typescript: boolean, withAddress = false): string {
  const t = (text: string) => (typescript ? text : "");
  if (withAddress) {
    return `function clientIp(request${t(": Request")}, address${t(": () => string | undefined")})${t(": string | undefined")} {
  let socketAddress${t(": string | undefined")};
  try {
    socketAddress = address();
  } catch {
    // The adapter cannot tell (it throws): platform headers or unknown.
  }
  return clientIpFrom((name) => request.headers.get(name) ?? undefined, socketAddress);
}

${clientIpFrom(typescript)}`;
  }
  return `function clientIp(request${t(": Request")})${t(": string | undefined")} {
  return clientIpFrom((name) => request.headers.get(name) ?? undefined);
}

${clientIpFrom(typescript)}`;
}

/** The client's address from a Node request (Pages Router): platform headers, else the socket. */
export function nodeClientIp(typescript: boolean, requestType: string): string {
  const t = (text: string) => (typescript ? text : "");
  return `function clientIp(req${t(`: ${requestType}`)})${t(": string | undefined")} {
  const header = (name${t(": string")}) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  return clientIpFrom(header, req.socket?.remoteAddress);
}

${clientIpFrom(typescript)}`;
}

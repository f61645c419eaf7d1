/** Message templates of keyfence/require-rate-limit (the ESLint rule's meta.messages and the extension's text). */
import type { Messages } from "../finding";

export const REQUIRE_RATE_LIMIT_MESSAGES = {
  missingRateLimit:
    "This {{handler}} handler calls {{provider}} with no rate limit: one client can spend your whole quota. Limit requests per user or IP (e.g. @upstash/ratelimit).",
  missingRateLimitAction:
    "The server action {{handler}} calls {{provider}} with no rate limit: browser code calls it like an API route, and one client can spend your whole quota. Limit calls per user or IP (e.g. @upstash/ratelimit).",
  missingRateLimitServerFn:
    "The server function {{handler}} calls {{provider}} with no rate limit: browser code calls it over its RPC endpoint, and one client can spend your whole quota. Limit calls per user or IP (e.g. @upstash/ratelimit).",
  addInMemoryRateLimit: "Add an in-memory rate limit (20 requests a minute per IP)",
} satisfies Messages;

/** Everything a route template needs to know; built by the planner. */
export interface RouteSpec {
  /** "OpenAI", for messages and comments. */
  providerName: string;
  /** The env var the key is read from on the server. */
  keyEnvVar: string;
  /** The env var that may point the route at another base URL (a proxy, a test stand-in). */
  baseUrlEnvVar: string;
  defaultBaseUrl: string;
  /** The one provider API the route calls, e.g. "/chat/completions". */
  apiPath: string;
  authHeader: string;
  authScheme?: "Bearer";
  /** Non-secret headers the provider needs (e.g. anthropic-version). */
  fixedHeaders: Record<string, string>;
  allowedModels: string[];
  maxTokens: number;
  /** Body fields that cap output size; each one sent is clamped to maxTokens. */
  tokenFields: string[];
  /** Added with maxTokens when the browser sends none of tokenFields (absent for e.g. embeddings). */
  defaultTokenField?: string;
  /** Shared-store limiter when the project already depends on @upstash/ratelimit. */
  rateLimiter: "memory" | "upstash";
  /** Route name, e.g. "openai" (used as the Upstash key prefix). */
  slug: string;
  /** Emit TypeScript (else plain modern JavaScript). */
  typescript: boolean;
  /** Where server env vars are read: "process.env" (default), SvelteKit's `env`, Astro's "import.meta.env". */
  envObject?: string;
  /** How the key is read when not `${envObject}.${keyEnvVar}` (Nuxt: `useRuntimeConfig(event).openaiApiKey`). */
  keyExpression?: string;
}

/** `process.env.NAME`, or the host's own way to read a server env var. */
export function envRead(spec: RouteSpec, name: string): string {
  return `${spec.envObject ?? "process.env"}.${name}`;
}

/** `text` in TypeScript output only: `ts(": string")`. */
export function typeOnly(spec: RouteSpec): (text: string) => string {
  return (text) => (spec.typescript ? text : "");
}

export const DOCS_URL = "https://github.com/keyfence/keyfence/blob/main/eslint-plugin/docs/server-route-fix.md";

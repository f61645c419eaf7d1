import type { Provider } from "../types";

/**
 * @langchain/cloudflare reads CLOUDFLARE_API_TOKEN (with CLOUDFLARE_ACCOUNT_ID, which is not a secret).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const cloudflareWorkersAi: Provider = {
  id: "cloudflare-workers-ai",
  name: "Cloudflare Workers AI",
  envVar: "CLOUDFLARE_API_TOKEN",
  envVarAliases: ["CLOUDFLARE_API_KEY", "CF_API_TOKEN", "CLOUDFLARE_WORKERS_AI_API_TOKEN"],
  contextWords: ["cloudflare", "workersai"],
  sdkConstructors: ["ChatCloudflareWorkersAI", "CloudflareWorkersAIEmbeddings", "CloudflareWorkersAI", "createWorkersAI"],
  // @cloudflare/ai: the first Workers AI package, whose `new Ai(env.AI)` wraps the Worker's binding
  // (`ai.run("@cf/…", …)`: You-saku/workers-ai-hono, batch 184).
  sdkPackages: ["@langchain/cloudflare", "workers-ai-provider", "@cloudflare/ai"],
  endpoints: ["api.cloudflare.com", "gateway.ai.cloudflare.com"],
  // The rest of api.cloudflare.com is Cloudflare's whole API (zones, cache purges, DNS, R2): louise36-g/MysticOracle purges its cache there (batch 94).
  modelPaths: { "api.cloudflare.com": /\/ai\// },
  revokeUrl: "https://dash.cloudflare.com/profile/api-tokens",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

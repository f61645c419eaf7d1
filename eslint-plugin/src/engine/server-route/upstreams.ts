/**
 * How the generated route talks to each provider's HTTP API: where it lives, how the key is sent,
 * which body fields a browser must not control freely. The browser-facing request body is the
 * provider's own request body, so the value the browser gets back keeps its shape.
 */

export interface Upstream {
  /** Default API base URL, overridable at run time by `<PREFIX>_BASE_URL`. */
  baseUrl: string;
  /** How the key is sent. */
  auth: { header: string; scheme?: "Bearer" };
  /** Extra fixed headers the provider requires (no secrets). */
  headers?: Record<string, string>;
  /** Body fields that cap output tokens, in the order to clamp them; the first is added when none is sent. */
  tokenFields: string[];
  /** The model used when the browser sends none. */
  defaultModel: string;
  /** SDK method paths (after the client) → API path. */
  sdkMethods: Record<string, string>;
}

const OPENAI_METHODS: Record<string, string> = {
  "chat.completions.create": "/chat/completions",
  "completions.create": "/completions",
  "responses.create": "/responses",
  "embeddings.create": "/embeddings",
  "images.generate": "/images/generations",
  "moderations.create": "/moderations",
};

function openAiCompatible(baseUrl: string, defaultModel: string, tokenFields = ["max_tokens"]): Upstream {
  return {
    baseUrl,
    auth: { header: "Authorization", scheme: "Bearer" },
    tokenFields: ["max_completion_tokens", "max_output_tokens", ...tokenFields],
    defaultModel,
    sdkMethods: OPENAI_METHODS,
  };
}

const UPSTREAMS: Record<string, Upstream> = {
  openai: openAiCompatible("https://api.openai.com/v1", "gpt-4o-mini"),
  anthropic: {
    baseUrl: "https://api.anthropic.com/v1",
    auth: { header: "x-api-key" },
    headers: { "anthropic-version": "2023-06-01" },
    tokenFields: ["max_tokens"],
    defaultModel: "claude-3-5-haiku-latest",
    sdkMethods: { "messages.create": "/messages" },
  },
  groq: openAiCompatible("https://api.groq.com/openai/v1", "llama-3.1-8b-instant"),
  mistral: openAiCompatible("https://api.mistral.ai/v1", "mistral-small-latest"),
  openrouter: openAiCompatible("https://openrouter.ai/api/v1", "openai/gpt-4o-mini"),
  together: openAiCompatible("https://api.together.xyz/v1", "meta-llama/Llama-3.3-70B-Instruct-Turbo"),
  deepseek: openAiCompatible("https://api.deepseek.com", "deepseek-chat"),
  xai: openAiCompatible("https://api.x.ai/v1", "grok-3-mini"),
  perplexity: openAiCompatible("https://api.perplexity.ai", "sonar"),
  fireworks: openAiCompatible("https://api.fireworks.ai/inference/v1", "accounts/fireworks/models/llama-v3p1-8b-instruct"),
};

export function upstreamFor(providerId: string): Upstream | undefined {
  return UPSTREAMS[providerId];
}

/** `OPENAI_API_KEY` → `OPENAI_BASE_URL` (the name the OpenAI and Anthropic SDKs also read). */
export function baseUrlEnvVar(keyEnvVar: string): string {
  const prefix = keyEnvVar.replace(/_(?:API_KEY|KEY|TOKEN|SECRET)$/, "");
  return `${prefix}_BASE_URL`;
}

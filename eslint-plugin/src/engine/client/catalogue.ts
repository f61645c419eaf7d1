/**
 * The provider catalogue as this area sees it. The catalogue (`engine/providers/index.ts`) is the
 * source of truth; until it is present (it is written in parallel) a small built-in list of the
 * AI providers this area must know keeps the rules working. Loaded once per process.
 */
import type { Provider } from "../providers/types";

export interface ClientCatalogue {
  providers: Provider[];
}

/** Minimal records: env var names, SDK constructors and browser-callable endpoints. */
const FALLBACK: Provider[] = [
  ai("openai", "OpenAI", "OPENAI_API_KEY", ["openai"], ["OpenAI", "AzureOpenAI", "createOpenAI"], ["api.openai.com"]),
  ai("anthropic", "Anthropic", "ANTHROPIC_API_KEY", ["anthropic", "claude"], ["Anthropic", "createAnthropic"], ["api.anthropic.com"]),
  ai("google-ai", "Google AI", "GEMINI_API_KEY", ["gemini", "google"], ["GoogleGenerativeAI", "GoogleGenAI", "createGoogleGenerativeAI"], ["generativelanguage.googleapis.com"], ["GOOGLE_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY"]),
  ai("groq", "Groq", "GROQ_API_KEY", ["groq"], ["Groq", "createGroq"], ["api.groq.com"]),
  ai("openrouter", "OpenRouter", "OPENROUTER_API_KEY", ["openrouter"], ["OpenRouter", "createOpenRouter"], ["openrouter.ai"]),
  ai("huggingface", "Hugging Face", "HF_TOKEN", ["huggingface", "hf"], ["HfInference", "InferenceClient"], ["api-inference.huggingface.co", "router.huggingface.co"], ["HUGGINGFACE_API_KEY"]),
  ai("mistral", "Mistral", "MISTRAL_API_KEY", ["mistral"], ["Mistral", "MistralClient", "createMistral"], ["api.mistral.ai"]),
  ai("cohere", "Cohere", "COHERE_API_KEY", ["cohere"], ["CohereClient", "CohereClientV2", "createCohere"], ["api.cohere.com", "api.cohere.ai"], ["CO_API_KEY"]),
  ai("deepseek", "DeepSeek", "DEEPSEEK_API_KEY", ["deepseek"], ["createDeepSeek"], ["api.deepseek.com"]),
  ai("xai", "xAI", "XAI_API_KEY", ["xai", "grok"], ["createXai"], ["api.x.ai"]),
  ai("together", "Together AI", "TOGETHER_API_KEY", ["together"], ["Together", "createTogetherAI"], ["api.together.xyz"]),
  ai("perplexity", "Perplexity", "PERPLEXITY_API_KEY", ["perplexity", "pplx"], ["createPerplexity"], ["api.perplexity.ai"]),
  ai("replicate", "Replicate", "REPLICATE_API_TOKEN", ["replicate"], ["Replicate"], ["api.replicate.com"]),
  ai("fireworks", "Fireworks AI", "FIREWORKS_API_KEY", ["fireworks"], ["createFireworks"], ["api.fireworks.ai"]),
  ai("elevenlabs", "ElevenLabs", "ELEVENLABS_API_KEY", ["elevenlabs"], ["ElevenLabsClient"], ["api.elevenlabs.io"]),
];

function ai(
  id: string,
  name: string,
  envVar: string,
  contextWords: string[],
  sdkConstructors: string[],
  endpoints: string[],
  envVarAliases: string[] = [],
): Provider {
  return { id, name, envVar, envVarAliases, contextWords, sdkConstructors, endpoints, revokeUrl: "", kinds: [] };
}

let loaded: ClientCatalogue | undefined;

export function catalogue(): ClientCatalogue {
  if (loaded) return loaded;
  let providers: Provider[] = [];
  try {
    // A computed path: the catalogue module may not exist yet in this tree.
    const modulePath = "../providers";
    const catalogueModule = require(modulePath) as { providers?: Provider[] };
    if (Array.isArray(catalogueModule.providers)) providers = catalogueModule.providers;
  } catch {
    // Not written yet: fall back below.
  }
  // Built-in records fill gaps (providers the catalogue does not list yet), never override it.
  const known = new Set(providers.map((p) => p.id));
  loaded = { providers: [...providers, ...FALLBACK.filter((p) => !known.has(p.id))] };
  return loaded;
}

/** API hosts of every catalogue provider, lower-case, with the provider they belong to. */
let endpoints: Map<string, Provider> | undefined;

export function providerEndpoints(): Map<string, Provider> {
  if (endpoints) return endpoints;
  const hosts = new Map<string, Provider>();
  for (const provider of catalogue().providers) {
    for (const host of provider.endpoints ?? []) if (!hosts.has(host.toLowerCase())) hosts.set(host.toLowerCase(), provider);
  }
  endpoints = hosts;
  return hosts;
}

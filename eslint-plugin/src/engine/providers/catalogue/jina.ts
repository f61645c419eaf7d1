import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const jina: Provider = {
  id: "jina",
  name: "Jina AI",
  envVar: "JINA_API_KEY",
  envVarAliases: ["JINA_AUTH_TOKEN", "JINAAI_API_KEY"],
  contextWords: ["jina", "jinaai"],
  sdkConstructors: ["JinaEmbeddings", "createJina"],
  sdkPackages: ["jina-ai-provider"],
  endpoints: ["api.jina.ai"],
  revokeUrl: "https://jina.ai/api-dashboard/key-manager",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

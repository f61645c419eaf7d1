import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const quiverai: Provider = {
  id: "quiverai",
  name: "QuiverAI",
  envVar: "QUIVERAI_API_KEY",
  envVarAliases: ["QUIVER_API_KEY"],
  contextWords: ["quiverai", "quiver_ai"],
  sdkConstructors: ["createQuiverAI"],
  sdkPackages: ["@ai-sdk/quiverai"],
  endpoints: ["api.quiver.ai"],
  revokeUrl: "https://quiver.ai/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

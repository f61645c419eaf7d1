import type { Provider } from "../types";

/**
 * The key travels in an `X-Hume-Api-Key` header (@ai-sdk/hume).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const hume: Provider = {
  id: "hume",
  name: "Hume AI",
  envVar: "HUME_API_KEY",
  envVarAliases: ["HUME_SECRET_KEY"],
  contextWords: ["hume"],
  sdkConstructors: ["createHume", "HumeClient"],
  sdkPackages: ["@ai-sdk/hume", "hume"],
  endpoints: ["api.hume.ai"],
  authHeaders: ["x-hume-api-key"],
  revokeUrl: "https://platform.hume.ai/settings/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * The key travels in an `x-key` header (@ai-sdk/black-forest-labs).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const blackForestLabs: Provider = {
  id: "black-forest-labs",
  name: "Black Forest Labs (FLUX)",
  envVar: "BFL_API_KEY",
  envVarAliases: ["BLACK_FOREST_LABS_API_KEY"],
  contextWords: ["bfl", "blackforestlabs", "black_forest_labs"],
  sdkConstructors: ["createBlackForestLabs"],
  sdkPackages: ["@ai-sdk/black-forest-labs"],
  endpoints: ["api.bfl.ai", "api.bfl.ml", "*.bfl.ai"],
  authHeaders: ["x-key"],
  revokeUrl: "https://dashboard.bfl.ai/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

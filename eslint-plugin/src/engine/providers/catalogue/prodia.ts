import type { Provider } from "../types";

/**
 * @ai-sdk/prodia reads PRODIA_TOKEN: a token name, not an `_API_KEY` one.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const prodia: Provider = {
  id: "prodia",
  name: "Prodia",
  envVar: "PRODIA_TOKEN",
  envVarAliases: ["PRODIA_API_KEY", "PRODIA_KEY"],
  contextWords: ["prodia"],
  sdkConstructors: ["createProdia", "createProdiaClient"],
  sdkPackages: ["@ai-sdk/prodia", "prodia"],
  endpoints: ["inference.prodia.com", "api.prodia.com"],
  revokeUrl: "https://app.prodia.com/api",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * @ai-sdk/gmicloud reads GMI_CLOUD_APIKEY: no `_API_KEY` suffix, so the name is listed exactly.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const gmicloud: Provider = {
  id: "gmicloud",
  name: "GMI Cloud",
  envVar: "GMI_CLOUD_APIKEY",
  envVarAliases: ["GMI_CLOUD_API_KEY", "GMI_API_KEY"],
  contextWords: ["gmicloud", "gmi_cloud", "gmi-serving", "gmiserving"],
  sdkConstructors: ["createGmicloud"],
  sdkPackages: ["@ai-sdk/gmicloud"],
  endpoints: ["api.gmi-serving.com"],
  revokeUrl: "https://console.gmicloud.ai/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

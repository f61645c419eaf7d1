import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const luma: Provider = {
  id: "luma",
  name: "Luma AI",
  envVar: "LUMA_API_KEY",
  envVarAliases: ["LUMAAI_API_KEY"],
  contextWords: ["luma", "lumaai", "lumalabs"],
  sdkConstructors: ["createLuma", "LumaAI"],
  sdkPackages: ["@ai-sdk/luma", "lumaai"],
  endpoints: ["api.lumalabs.ai"],
  revokeUrl: "https://lumalabs.ai/api/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * Leonardo AI's image and video generation API (no AI SDK or LangChain.js package; apps call its
 * REST API directly, as Alexisxde/galer-ia's Astro endpoint does with `API_KEY_LEONARDO_AI`, batch
 * 146). The key travels as `Authorization: Bearer <key>`; no key format is published, so its keys
 * are known by name only.
 */
export const leonardo: Provider = {
  id: "leonardo",
  name: "Leonardo AI",
  envVar: "LEONARDO_API_KEY",
  envVarAliases: ["LEONARDO_AI_API_KEY", "LEONARDO_KEY", "LEONARDOAI_API_KEY"],
  contextWords: ["leonardo", "leonardoai"],
  sdkConstructors: ["Leonardo"],
  sdkPackages: ["@leonardo-ai/sdk"],
  endpoints: ["cloud.leonardo.ai"],
  revokeUrl: "https://app.leonardo.ai/api-access",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

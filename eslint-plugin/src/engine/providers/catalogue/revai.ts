import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const revai: Provider = {
  id: "revai",
  name: "Rev AI",
  envVar: "REVAI_API_KEY",
  envVarAliases: ["REV_AI_API_KEY", "REVAI_ACCESS_TOKEN", "REV_ACCESS_TOKEN"],
  contextWords: ["revai", "rev_ai"],
  sdkConstructors: ["createRevai", "RevAiApiClient"],
  sdkPackages: ["@ai-sdk/revai", "revai-node-sdk"],
  endpoints: ["api.rev.ai"],
  revokeUrl: "https://www.rev.ai/access_token",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

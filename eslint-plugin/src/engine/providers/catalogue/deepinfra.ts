import type { Provider } from "../types";

/**
 * @ai-sdk/deepinfra reads DEEPINFRA_API_KEY; LangChain's DeepInfra classes read DEEPINFRA_API_TOKEN.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const deepinfra: Provider = {
  id: "deepinfra",
  name: "DeepInfra",
  envVar: "DEEPINFRA_API_KEY",
  envVarAliases: ["DEEPINFRA_API_TOKEN", "DEEPINFRA_TOKEN"],
  contextWords: ["deepinfra"],
  sdkConstructors: ["createDeepInfra", "ChatDeepInfra", "DeepInfraEmbeddings", "DeepInfraLLM"],
  sdkPackages: ["@ai-sdk/deepinfra"],
  endpoints: ["api.deepinfra.com"],
  revokeUrl: "https://deepinfra.com/dash/api_keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

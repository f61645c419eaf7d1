import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const bytedance: Provider = {
  id: "bytedance",
  name: "ByteDance (BytePlus / Volcengine Ark)",
  envVar: "ARK_API_KEY",
  envVarAliases: ["BYTEPLUS_API_KEY", "VOLCENGINE_API_KEY", "DOUBAO_API_KEY"],
  contextWords: ["bytedance", "byteplus", "volcengine", "volces", "doubao"],
  sdkConstructors: ["createByteDance", "ByteDanceDoubaoEmbeddings"],
  sdkPackages: ["@ai-sdk/bytedance", "@tanstack/ai-byteplus"],
  endpoints: ["ark.*.bytepluses.com", "ark.*.volces.com"],
  revokeUrl: "https://console.byteplus.com/ark/apiKey",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

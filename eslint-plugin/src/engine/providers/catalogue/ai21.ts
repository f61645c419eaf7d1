import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const ai21: Provider = {
  id: "ai21",
  name: "AI21 Labs",
  envVar: "AI21_API_KEY",
  contextWords: ["ai21"],
  sdkConstructors: ["AI21", "ChatAI21"],
  sdkPackages: ["ai21"],
  endpoints: ["api.ai21.com"],
  revokeUrl: "https://studio.ai21.com/account/api-key",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * The key travels in an `X-API-Key` header (@ai-sdk/lmnt).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const lmnt: Provider = {
  id: "lmnt",
  name: "LMNT",
  envVar: "LMNT_API_KEY",
  contextWords: ["lmnt"],
  sdkConstructors: ["createLMNT"],
  sdkPackages: ["@ai-sdk/lmnt", "lmnt-node"],
  endpoints: ["api.lmnt.com"],
  revokeUrl: "https://app.lmnt.com/account",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * The key travels in an `x-gladia-key` header (@ai-sdk/gladia).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const gladia: Provider = {
  id: "gladia",
  name: "Gladia",
  envVar: "GLADIA_API_KEY",
  contextWords: ["gladia"],
  sdkConstructors: ["createGladia"],
  sdkPackages: ["@ai-sdk/gladia", "@gladiaio/sdk"],
  endpoints: ["api.gladia.io"],
  authHeaders: ["x-gladia-key"],
  revokeUrl: "https://app.gladia.io/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * LangChain's GradientLLM reads GRADIENT_ACCESS_TOKEN (GRADIENT_WORKSPACE_ID is an id).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const gradient: Provider = {
  id: "gradient",
  name: "Gradient AI",
  envVar: "GRADIENT_ACCESS_TOKEN",
  contextWords: ["gradientai"],
  sdkConstructors: ["GradientLLM", "GradientEmbeddings"],
  sdkPackages: ["@gradientai/nodejs-sdk"],
  endpoints: ["api.gradient.ai"],
  revokeUrl: "https://auth.gradient.ai/select-workspace",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

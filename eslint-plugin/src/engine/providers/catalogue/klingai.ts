import type { Provider } from "../types";

/**
 * @ai-sdk/klingai signs a short-lived token from KLINGAI_ACCESS_KEY + KLINGAI_SECRET_KEY (or takes
 * KLINGAI_API_KEY): each half is a secret.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const klingai: Provider = {
  id: "klingai",
  name: "Kling AI",
  envVar: "KLINGAI_API_KEY",
  envVarAliases: ["KLINGAI_ACCESS_KEY", "KLINGAI_SECRET_KEY", "KLING_ACCESS_KEY", "KLING_SECRET_KEY"],
  contextWords: ["klingai", "kling"],
  sdkConstructors: ["createKlingAI"],
  sdkPackages: ["@ai-sdk/klingai"],
  endpoints: ["api-*.klingai.com", "api.klingai.com"],
  revokeUrl: "https://kling.ai/dev/api-key",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

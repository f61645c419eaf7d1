import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const baseten: Provider = {
  id: "baseten",
  name: "Baseten",
  envVar: "BASETEN_API_KEY",
  contextWords: ["baseten"],
  sdkConstructors: ["createBaseten"],
  sdkPackages: ["@ai-sdk/baseten"],
  endpoints: ["inference.baseten.co", "*.api.baseten.co"],
  revokeUrl: "https://app.baseten.co/settings/api_keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const cartesia: Provider = {
  id: "cartesia",
  name: "Cartesia",
  envVar: "CARTESIA_API_KEY",
  contextWords: ["cartesia"],
  sdkConstructors: ["createCartesia", "CartesiaClient"],
  sdkPackages: ["@ai-sdk/cartesia", "@cartesia/cartesia-js"],
  endpoints: ["api.cartesia.ai"],
  revokeUrl: "https://play.cartesia.ai/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

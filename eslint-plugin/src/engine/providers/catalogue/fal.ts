import type { Provider } from "../types";

/**
 * The key travels as `Authorization: Key <key>`; @ai-sdk/fal reads FAL_API_KEY, then FAL_KEY.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const fal: Provider = {
  id: "fal",
  name: "fal",
  envVar: "FAL_KEY",
  envVarAliases: ["FAL_API_KEY"],
  contextWords: ["fal", "falai", "fal_ai"],
  sdkConstructors: ["createFal", "createFalClient"],
  sdkPackages: ["@ai-sdk/fal", "@fal-ai/client", "@fal-ai/serverless-client"],
  endpoints: ["fal.run", "queue.fal.run", "rest.alpha.fal.ai"],
  revokeUrl: "https://fal.ai/dashboard/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

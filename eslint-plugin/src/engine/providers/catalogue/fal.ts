import type { Provider } from "../types";
import { format, lit, run, uuidSegments } from "./segments";

/**
 * The key travels as `Authorization: Key <key>`; @ai-sdk/fal reads FAL_API_KEY, then FAL_KEY.
 * A key is its id and its secret, `<uuid>:<32 hex>` (the one rainbow686/food-image-recipe wrote into
 * `const FAL_KEY`, batch 149): a shape other services' id:secret pairs may share, so reported only
 * with a fal name, SDK or host beside it.
 * Its API answers on fal.run and on fal.ai's subdomains (`queue.fal.ai`, `rest.alpha.fal.ai`).
 */
export const fal: Provider = {
  id: "fal",
  name: "fal",
  envVar: "FAL_KEY",
  envVarAliases: ["FAL_API_KEY"],
  contextWords: ["fal", "falai", "fal_ai"],
  sdkConstructors: ["createFal", "createFalClient"],
  sdkPackages: ["@ai-sdk/fal", "@fal-ai/client", "@fal-ai/serverless-client", "@tanstack/ai-fal"],
  endpoints: ["fal.run", "queue.fal.run", "fal.ai"],
  revokeUrl: "https://fal.ai/dashboard/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(...uuidSegments, lit(":"), run("hexLower", 32))] }],
};

import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const replicate: Provider = {
  id: "replicate",
  name: "Replicate",
  envVar: "REPLICATE_API_TOKEN",
  envVarAliases: ["REPLICATE_API_KEY"],
  contextWords: ["replicate"],
  sdkConstructors: ["Replicate", "createReplicate"],
  sdkPackages: ["replicate", "@ai-sdk/replicate"],
  // replicate.com/api/models/…/predictions: the website's API, which early demos posted to with the
  // same token (Ricardo0429/AI-Hat-and-Face-Image-Generator-Stable-Diffusion, batch 70). Not
  // replicate.delivery, where outputs are served.
  endpoints: ["api.replicate.com", "replicate.com"],
  revokeUrl: "https://replicate.com/account/api-tokens",
  kinds: [{ id: "api-token", name: "API token", selfIdentifying: true, formats: [format(lit("r8_"), run("base64url", 37))] }],
};

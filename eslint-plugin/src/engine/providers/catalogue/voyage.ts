import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/** "pa-" is a short prefix: the exact length and the mixed-case check keep CSS-like names out. */
export const voyage: Provider = {
  id: "voyage",
  name: "Voyage AI",
  envVar: "VOYAGE_API_KEY",
  envVarAliases: ["VOYAGEAI_API_KEY"],
  contextWords: ["voyage", "voyageai"],
  sdkConstructors: ["VoyageAIClient", "createVoyage", "VoyageEmbeddings"],
  sdkPackages: ["voyageai", "voyage-ai-provider", "@ai-sdk/voyage"],
  endpoints: ["api.voyageai.com"],
  revokeUrl: "https://dashboard.voyageai.com/organization/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("pa-"), run("base64url", 43))] }],
};

import type { Provider } from "../types";
import { format, run } from "./segments";

/** Cohere keys are 40 bare alphanumerics: reported only with "cohere" / CO_API_KEY nearby. */
export const cohere: Provider = {
  id: "cohere",
  name: "Cohere",
  envVar: "COHERE_API_KEY",
  envVarAliases: ["CO_API_KEY"],
  contextWords: ["cohere", "co_api_key"],
  sdkConstructors: ["CohereClient", "CohereClientV2", "createCohere", "ChatCohere", "CohereEmbeddings"],
  sdkPackages: ["cohere-ai", "@ai-sdk/cohere", "@langchain/cohere", "@tanstack/ai-cohere"],
  endpoints: ["api.cohere.com", "api.cohere.ai"],
  revokeUrl: "https://dashboard.cohere.com/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(run("alnum", 40))] }],
};

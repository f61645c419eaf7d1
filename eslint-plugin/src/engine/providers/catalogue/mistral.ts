import type { Provider } from "../types";
import { format, run } from "./segments";

/** Mistral keys are 32 bare alphanumerics: reported only when something nearby says "mistral". */
export const mistral: Provider = {
  id: "mistral",
  name: "Mistral AI",
  envVar: "MISTRAL_API_KEY",
  contextWords: ["mistral", "codestral"],
  sdkConstructors: ["Mistral", "MistralClient", "createMistral", "ChatMistralAI", "MistralAIEmbeddings"],
  sdkPackages: ["@mistralai/mistralai", "@ai-sdk/mistral", "@langchain/mistralai", "@llamaindex/mistral", "genkitx-mistral", "@tanstack/ai-mistral"],
  endpoints: ["api.mistral.ai", "codestral.mistral.ai"],
  revokeUrl: "https://console.mistral.ai/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(run("alnum", 32))] }],
};

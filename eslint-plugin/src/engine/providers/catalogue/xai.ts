import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const xai: Provider = {
  id: "xai",
  name: "xAI (Grok)",
  envVar: "XAI_API_KEY",
  envVarAliases: ["GROK_API_KEY"],
  contextWords: ["xai", "grok"],
  sdkConstructors: ["createXai", "ChatXAI", "ChatXAIResponses"],
  sdkPackages: ["@ai-sdk/xai", "@langchain/xai", "@tanstack/ai-grok"],
  endpoints: ["api.x.ai"],
  revokeUrl: "https://console.x.ai",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("xai-"), run("word", 80))] }],
};

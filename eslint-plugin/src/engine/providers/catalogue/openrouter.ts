import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const openrouter: Provider = {
  id: "openrouter",
  name: "OpenRouter",
  envVar: "OPENROUTER_API_KEY",
  contextWords: ["openrouter"],
  sdkConstructors: ["createOpenRouter", "OpenRouter", "ChatOpenRouter"],
  sdkPackages: ["@openrouter/ai-sdk-provider", "@openrouter/sdk", "@langchain/openrouter", "@tanstack/ai-openrouter"],
  endpoints: ["openrouter.ai"],
  revokeUrl: "https://openrouter.ai/settings/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("sk-or-v1-"), run("hexLower", 64))] }],
};

import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const together: Provider = {
  id: "together",
  name: "Together AI",
  envVar: "TOGETHER_API_KEY",
  envVarAliases: ["TOGETHER_AI_API_KEY", "TOGETHERAI_API_KEY"],
  contextWords: ["together", "togetherai"],
  sdkConstructors: ["Together", "createTogetherAI", "ChatTogetherAI", "TogetherAIEmbeddings", "TogetherAI"],
  sdkPackages: ["together-ai", "@ai-sdk/togetherai", "@langchain/together-ai"],
  endpoints: ["api.together.xyz", "api.together.ai"],
  revokeUrl: "https://api.together.ai/settings/api-keys",
  kinds: [
    { id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("tgp_v1_"), run("base64url", 43))] },
    {
      id: "legacy-key",
      name: "legacy API key (64 hex)",
      selfIdentifying: false,
      formats: [format(run("hexLower", 64))],
    },
  ],
};

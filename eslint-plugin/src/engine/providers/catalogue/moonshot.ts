import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const moonshot: Provider = {
  id: "moonshot",
  name: "Moonshot AI (Kimi)",
  envVar: "MOONSHOT_API_KEY",
  envVarAliases: ["KIMI_API_KEY"],
  contextWords: ["moonshot", "kimi"],
  sdkConstructors: ["createMoonshotAI", "ChatMoonshot"],
  sdkPackages: ["@ai-sdk/moonshotai"],
  endpoints: ["api.moonshot.ai", "api.moonshot.cn"],
  revokeUrl: "https://platform.moonshot.ai/console/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(lit("sk-"), run("base64url", 48))] }],
};

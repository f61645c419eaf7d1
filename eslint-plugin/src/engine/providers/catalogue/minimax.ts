import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const minimax: Provider = {
  id: "minimax",
  name: "MiniMax",
  envVar: "MINIMAX_API_KEY",
  contextWords: ["minimax"],
  sdkConstructors: ["createMiniMax", "ChatMinimax", "MinimaxEmbeddings"],
  sdkPackages: ["vercel-minimax-ai-provider", "@ai-sdk/minimax"],
  endpoints: ["api.minimax.io", "api.minimaxi.com", "api.minimax.chat"],
  revokeUrl: "https://platform.minimax.io/user-center/basic-information/interface-key",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("sk-api-"), run("base64url", 119))] }],
};

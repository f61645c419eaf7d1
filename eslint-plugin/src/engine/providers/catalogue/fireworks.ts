import type { Provider } from "../types";
import { format, lit, runBetween } from "./segments";

/** Length is not published (observed 20–40 after "fw_"): the mixed-case check keeps identifiers out. */
export const fireworks: Provider = {
  id: "fireworks",
  name: "Fireworks AI",
  envVar: "FIREWORKS_API_KEY",
  contextWords: ["fireworks"],
  sdkConstructors: ["createFireworks", "ChatFireworks", "FireworksEmbeddings", "Fireworks"],
  sdkPackages: ["@ai-sdk/fireworks", "@langchain/community", "@langchain/fireworks"],
  endpoints: ["api.fireworks.ai"],
  revokeUrl: "https://app.fireworks.ai/settings/users/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("fw_"), runBetween("alnum", 20, 40))] }],
};

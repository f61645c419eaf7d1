import type { Provider } from "../types";
import { format, run } from "./segments";

export const deepgram: Provider = {
  id: "deepgram",
  name: "Deepgram",
  envVar: "DEEPGRAM_API_KEY",
  contextWords: ["deepgram"],
  sdkConstructors: ["DeepgramClient", "createDeepgram"],
  sdkPackages: ["@deepgram/sdk", "@ai-sdk/deepgram"],
  endpoints: ["api.deepgram.com"],
  revokeUrl: "https://console.deepgram.com/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(run("hexLower", 40))] }],
};

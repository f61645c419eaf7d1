import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const runpod: Provider = {
  id: "runpod",
  name: "RunPod",
  envVar: "RUNPOD_API_KEY",
  contextWords: ["runpod"],
  sdkPackages: ["runpod-sdk", "@runpod/ai-sdk-provider"],
  endpoints: ["api.runpod.ai", "api.runpod.io", "rest.runpod.io"],
  revokeUrl: "https://www.runpod.io/console/user/settings",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      formats: [format(lit("rpa_"), run("alnumUpper", 40), run("alnum", 6))],
    },
  ],
};

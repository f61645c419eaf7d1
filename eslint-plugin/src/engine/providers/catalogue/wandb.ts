import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const wandb: Provider = {
  id: "wandb",
  name: "Weights & Biases",
  envVar: "WANDB_API_KEY",
  contextWords: ["wandb", "weightsandbiases", "weights_and_biases"],
  sdkPackages: ["wandb", "weave"],
  endpoints: ["api.wandb.ai", "trace.wandb.ai"],
  revokeUrl: "https://wandb.ai/settings",
  kinds: [
    { id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("wandb_v1_"), run("word", 77))] },
    { id: "legacy-key", name: "legacy API key (40 hex)", selfIdentifying: false, formats: [format(run("hexLower", 40))] },
  ],
};

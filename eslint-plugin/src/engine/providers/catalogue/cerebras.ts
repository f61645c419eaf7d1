import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const cerebras: Provider = {
  id: "cerebras",
  name: "Cerebras",
  envVar: "CEREBRAS_API_KEY",
  contextWords: ["cerebras"],
  sdkConstructors: ["Cerebras", "createCerebras", "ChatCerebras"],
  sdkPackages: ["@cerebras/cerebras_cloud_sdk", "@ai-sdk/cerebras", "@langchain/cerebras"],
  endpoints: ["api.cerebras.ai"],
  revokeUrl: "https://cloud.cerebras.ai/platform/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("csk-"), run("alnumLower", 48))] }],
};

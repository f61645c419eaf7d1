import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/** "sk-" + 32 hex is shared with other vendors' shapes: reported only with "deepseek" nearby. */
export const deepseek: Provider = {
  id: "deepseek",
  name: "DeepSeek",
  envVar: "DEEPSEEK_API_KEY",
  contextWords: ["deepseek"],
  sdkConstructors: ["createDeepSeek", "ChatDeepSeek"],
  sdkPackages: ["@ai-sdk/deepseek", "@langchain/deepseek"],
  endpoints: ["api.deepseek.com"],
  revokeUrl: "https://platform.deepseek.com/api_keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(lit("sk-"), run("hexLower", 32))] }],
};

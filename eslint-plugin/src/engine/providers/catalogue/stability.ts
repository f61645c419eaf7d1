import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/** "sk-" + 48 alphanumerics is shared with Moonshot and others: context only. */
export const stability: Provider = {
  id: "stability",
  name: "Stability AI",
  envVar: "STABILITY_API_KEY",
  envVarAliases: ["STABILITY_KEY", "DREAMSTUDIO_API_KEY"],
  contextWords: ["stability", "stabilityai", "dreamstudio"],
  sdkConstructors: ["createStability"],
  sdkPackages: ["@stability-ai/sdk"],
  endpoints: ["api.stability.ai"],
  revokeUrl: "https://platform.stability.ai/account/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(lit("sk-"), run("alnum", 48))] }],
};

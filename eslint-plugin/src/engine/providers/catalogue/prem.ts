import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const prem: Provider = {
  id: "prem",
  name: "Prem AI",
  envVar: "PREM_API_KEY",
  envVarAliases: ["PREMAI_API_KEY"],
  contextWords: ["premai", "prem_ai"],
  sdkConstructors: ["ChatPrem", "PremEmbeddings"],
  sdkPackages: ["@premai/prem-sdk"],
  endpoints: ["app.premai.io", "studio.premai.io"],
  revokeUrl: "https://app.premai.io/api_keys/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

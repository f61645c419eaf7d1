import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const novita: Provider = {
  id: "novita",
  name: "Novita AI",
  envVar: "NOVITA_API_KEY",
  contextWords: ["novita", "novitaai"],
  sdkConstructors: ["ChatNovitaAI", "createNovita"],
  sdkPackages: ["@novita/sdk"],
  endpoints: ["api.novita.ai"],
  revokeUrl: "https://novita.ai/settings/key-management",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

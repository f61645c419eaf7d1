import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const alephAlpha: Provider = {
  id: "aleph-alpha",
  name: "Aleph Alpha",
  envVar: "ALEPH_ALPHA_API_KEY",
  envVarAliases: ["AA_TOKEN", "ALEPH_ALPHA_TOKEN"],
  contextWords: ["alephalpha", "aleph_alpha", "aleph-alpha"],
  sdkConstructors: ["AlephAlpha"],
  endpoints: ["api.aleph-alpha.com"],
  revokeUrl: "https://app.aleph-alpha.com/profile",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

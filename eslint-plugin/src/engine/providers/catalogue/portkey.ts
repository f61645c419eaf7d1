import type { Provider } from "../types";

/**
 * The key travels in an `x-portkey-api-key` header.
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const portkey: Provider = {
  id: "portkey",
  name: "Portkey AI Gateway",
  envVar: "PORTKEY_API_KEY",
  contextWords: ["portkey"],
  sdkConstructors: ["PortkeyChat", "Portkey", "createPortkey"],
  sdkPackages: ["portkey-ai", "@portkey-ai/vercel-provider"],
  endpoints: ["api.portkey.ai"],
  authHeaders: ["x-portkey-api-key"],
  revokeUrl: "https://app.portkey.ai/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

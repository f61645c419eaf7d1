import type { Provider } from "../types";

/**
 * LangChain's ChatFriendli reads FRIENDLI_TOKEN (FRIENDLI_TEAM is an id, not a secret).
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const friendli: Provider = {
  id: "friendli",
  name: "FriendliAI",
  envVar: "FRIENDLI_TOKEN",
  envVarAliases: ["FRIENDLI_API_KEY"],
  contextWords: ["friendli", "friendliai"],
  sdkConstructors: ["ChatFriendli", "Friendli", "createFriendli"],
  sdkPackages: ["@friendliai/ai-provider"],
  endpoints: ["inference.friendli.ai", "api.friendli.ai"],
  revokeUrl: "https://friendli.ai/suite/setting/tokens",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

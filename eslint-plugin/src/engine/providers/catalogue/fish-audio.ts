import type { Provider } from "../types";

/**
 * No key format is published or observable: keys are found by name (env var, SDK
 * option, auth header), never by shape.
 */
export const fishAudio: Provider = {
  id: "fish-audio",
  name: "Fish Audio",
  envVar: "FISH_AUDIO_API_KEY",
  envVarAliases: ["FISH_API_KEY"],
  contextWords: ["fishaudio", "fish_audio", "fish-audio"],
  sdkConstructors: ["createFishAudio"],
  sdkPackages: ["@ai-sdk/fish-audio", "fish-audio-sdk"],
  endpoints: ["api.fish.audio"],
  revokeUrl: "https://fish.audio/app/api-keys/",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [] }],
};

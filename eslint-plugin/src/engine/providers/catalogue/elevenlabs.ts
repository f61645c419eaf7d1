import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/**
 * Current keys are "sk_" + exactly 48 lower-case hex (no other vendor uses that shape; Stripe's
 * "sk_" keys continue with live_/test_). First-generation keys were bare 32 hex: context only.
 */
export const elevenlabs: Provider = {
  id: "elevenlabs",
  name: "ElevenLabs",
  envVar: "ELEVENLABS_API_KEY",
  envVarAliases: ["XI_API_KEY", "ELEVEN_API_KEY"],
  // "eleven_api": a first-generation key under NEXT_PUBLIC_ELEVEN_API (randamit123/mockinterviewrep).
  contextWords: ["elevenlabs", "eleven_labs", "eleven_api", "xi-api-key", "xi_api_key"],
  sdkConstructors: ["ElevenLabsClient", "createElevenLabs"],
  sdkPackages: ["@elevenlabs/elevenlabs-js", "elevenlabs", "@ai-sdk/elevenlabs", "@tanstack/ai-elevenlabs"],
  endpoints: ["api.elevenlabs.io"],
  revokeUrl: "https://elevenlabs.io/app/settings/api-keys",
  kinds: [
    { id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("sk_"), run("hexLower", 48))] },
    { id: "legacy-key", name: "legacy API key (32 hex)", selfIdentifying: false, formats: [format(run("hexLower", 32))] },
  ],
};

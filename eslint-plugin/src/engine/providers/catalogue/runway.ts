import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/** "key_" is a common word, but exactly 128 hex after it is distinctive. */
export const runway: Provider = {
  id: "runway",
  name: "Runway",
  envVar: "RUNWAYML_API_SECRET",
  envVarAliases: ["RUNWAY_API_KEY"],
  contextWords: ["runway", "runwayml"],
  sdkConstructors: ["RunwayML"],
  sdkPackages: ["@runwayml/sdk"],
  endpoints: ["api.dev.runwayml.com"],
  revokeUrl: "https://dev.runwayml.com/",
  kinds: [{ id: "api-secret", name: "API secret", selfIdentifying: true, formats: [format(lit("key_"), run("hexLower", 128))] }],
};

import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const nvidia: Provider = {
  id: "nvidia",
  name: "NVIDIA (build.nvidia.com / NIM)",
  envVar: "NVIDIA_API_KEY",
  envVarAliases: ["NGC_API_KEY", "NIM_API_KEY"],
  contextWords: ["nvidia", "nvapi", "ngc"],
  sdkConstructors: ["ChatNVIDIA"],
  sdkPackages: ["@langchain/nvidia"],
  endpoints: ["integrate.api.nvidia.com", "ai.api.nvidia.com"],
  revokeUrl: "https://build.nvidia.com/settings/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("nvapi-"), run("base64url", 64))] }],
};

import type { Provider } from "../types";
import { format, run } from "./segments";

export const assemblyai: Provider = {
  id: "assemblyai",
  name: "AssemblyAI",
  envVar: "ASSEMBLYAI_API_KEY",
  contextWords: ["assemblyai", "assembly_ai"],
  sdkConstructors: ["AssemblyAI", "createAssemblyAI"],
  sdkPackages: ["assemblyai", "@ai-sdk/assemblyai"],
  endpoints: ["api.assemblyai.com", "streaming.assemblyai.com"],
  revokeUrl: "https://www.assemblyai.com/app/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: false, formats: [format(run("alnumLower", 32))] }],
};

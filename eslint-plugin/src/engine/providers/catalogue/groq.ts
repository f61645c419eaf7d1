import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const groq: Provider = {
  id: "groq",
  name: "Groq",
  envVar: "GROQ_API_KEY",
  contextWords: ["groq"],
  sdkConstructors: ["Groq", "createGroq", "ChatGroq"],
  sdkPackages: ["groq-sdk", "@ai-sdk/groq", "@langchain/groq", "@llamaindex/groq", "genkitx-groq", "@tanstack/ai-groq"],
  endpoints: ["api.groq.com"],
  revokeUrl: "https://console.groq.com/keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("gsk_"), run("alnum", 52))] }],
};

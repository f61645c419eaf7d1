import type { Provider } from "../types";
import { format, lit, run } from "./segments";

const key = (prefix: string) => format(lit(prefix), run("hexLower", 32), lit("_"), run("hexLower", 10));

export const langsmith: Provider = {
  id: "langsmith",
  name: "LangSmith",
  envVar: "LANGSMITH_API_KEY",
  envVarAliases: ["LANGCHAIN_API_KEY"],
  contextWords: ["langsmith", "langchain"],
  sdkPackages: ["langsmith"],
  endpoints: ["api.smith.langchain.com", "eu.api.smith.langchain.com"],
  revokeUrl: "https://smith.langchain.com/settings",
  tracing: true,
  kinds: [
    { id: "personal-token", name: "personal access token", selfIdentifying: true, formats: [key("lsv2_pt_")] },
    { id: "service-key", name: "service key", selfIdentifying: true, formats: [key("lsv2_sk_")] },
  ],
};

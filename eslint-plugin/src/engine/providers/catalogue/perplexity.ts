import type { Provider } from "../types";
import { format, lit, run } from "./segments";

export const perplexity: Provider = {
  id: "perplexity",
  name: "Perplexity",
  envVar: "PERPLEXITY_API_KEY",
  envVarAliases: ["PPLX_API_KEY"],
  contextWords: ["perplexity", "pplx"],
  sdkConstructors: ["createPerplexity", "Perplexity", "ChatPerplexity"],
  sdkPackages: ["@ai-sdk/perplexity", "@perplexity-ai/perplexity_ai", "@langchain/perplexity", "@tanstack/ai-perplexity"],
  endpoints: ["api.perplexity.ai"],
  revokeUrl: "https://www.perplexity.ai/settings/api",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      // Earlier keys are `pplx-` + 48 lower-case hex (itisaevalex/mistr-agent's MCP scripts, batch 80):
      // read as mixed-case alphanumerics, their all-lower-case letters looked like a placeholder.
      formats: [format(lit("pplx-"), run("alnum", 48)), format(lit("pplx-"), run("hexLower", 48))],
    },
  ],
};

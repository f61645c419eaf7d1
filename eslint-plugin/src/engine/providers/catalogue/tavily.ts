import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/**
 * Tavily, the web search LangChain.js agents call as a tool (`@langchain/tavily`,
 * `TavilySearchResults` of `@langchain/community`) and apps call directly (`@tavily/core`): billed
 * per search. Keys are `tvly-` and 32 letters and digits (hua-bang/AIGC-Server's, batch 52),
 * newer ones `tvly-dev-` / `tvly-prod-` first.
 */
export const tavily: Provider = {
  id: "tavily",
  name: "Tavily",
  envVar: "TAVILY_API_KEY",
  contextWords: ["tavily"],
  sdkConstructors: ["TavilySearchResults", "TavilySearch", "TavilyExtract", "TavilySearchAPIRetriever"],
  sdkPackages: ["@tavily/core", "@langchain/tavily"],
  endpoints: ["api.tavily.com"],
  revokeUrl: "https://app.tavily.com/home",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      formats: [format(lit("tvly-"), run("alnum", 32)), format(lit("tvly-dev-"), run("alnum", 32)), format(lit("tvly-prod-"), run("alnum", 32))],
    },
  ],
};

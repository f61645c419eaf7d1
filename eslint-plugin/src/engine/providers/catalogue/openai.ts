import type { Provider } from "../types";
import { format, lit, run, runBetween } from "./segments";

/** "T3BlbkFJ" is base64 for "OpenAI": every current OpenAI secret key carries it mid-string. */
const MARKER = "T3BlbkFJ";
const body = (prefix: string) =>
  format(lit(prefix), runBetween("base64url", 58, 74), lit(MARKER), runBetween("base64url", 58, 74));

export const openai: Provider = {
  id: "openai",
  name: "OpenAI",
  envVar: "OPENAI_API_KEY",
  // Apps name the key after the product too (`VITE_GPT_API_KEY`: dylnbk/portfolio_site, batch 36).
  envVarAliases: ["OPENAI_KEY", "OPENAI_ADMIN_KEY", "GPT_API_KEY", "GPT_KEY", "CHATGPT_API_KEY", "CHATGPT_KEY"],
  contextWords: ["openai"],
  // ChatGPTAPI: the `chatgpt` package's client of the official API (gragland/chatgpt-chrome-extension, batch 67).
  // OpenAIChat: LangChain's first chat model class (`langchain/llms/openai`; appwrite/assistant, batch 185).
  sdkConstructors: ["OpenAI", "createOpenAI", "ChatOpenAI", "OpenAIChat", "OpenAIEmbeddings", "ChatOpenAIResponses", "DallEAPIWrapper", "ChatGPTAPI", "OpenAIAgent", "OpenAIEmbedding", "OpenAIAssistantRunnable"],
  // openai-edge: the v3 API for edge runtimes, which Vercel's early AI examples used (tierrun/tier-vercel-openai, batch 40).
  // @openai/realtime-api-beta: the Realtime API's reference client, which openai-realtime-console's relay
  // server runs with the server's key (NuclearGeekETH/openai-realtime-next-app, batch 54).
  // @llamaindex/openai: LlamaIndex.TS's OpenAI LLM, embedding and agent (`OpenAIAgent`, `OpenAIEmbedding`).
  // chatgpt: transitive-bullet's ChatGPTAPI, a conversation client over the Chat Completions API
  // that early ChatGPT apps and extensions' servers used.
  sdkPackages: ["openai", "@ai-sdk/openai", "@langchain/openai", "@openai/agents", "openai-edge", "@openai/realtime-api-beta", "chatgpt", "@llamaindex/openai", "genkitx-openai", "openai-api", "@tanstack/ai-openai"],
  endpoints: ["api.openai.com"],
  // The SDKs' helpers that run no model: @openai/agents' saved run state (`RunState.fromString(agent, saved)`:
  // nmogil-tw/twilio-openai-agents-sdk-ts-starter's approval webhook, batch 238), its tool, handoff and
  // message builders and settings; openai's `toFile`. Its `run`, `Runner` and `Agent` stay the provider's.
  nonModelApis: { constructors: ["RunState", "tool", "handoff", "user", "assistant", "system", "setDefaultOpenAIKey", "setDefaultOpenAIClient", "setTracingDisabled", "setTracingExportApiKey", "toFile"] },
  revokeUrl: "https://platform.openai.com/api-keys",
  kinds: [
    {
      id: "project-key",
      name: "project API key",
      selfIdentifying: true,
      // The second: the first project keys (2024), the legacy key's 20 + marker + 20 under the
      // `sk-proj-` prefix (detect-secrets' rule allows it; found in a real Angular app).
      formats: [body("sk-proj-"), format(lit("sk-proj-"), run("alnum", 20), lit(MARKER), run("alnum", 20))],
    },
    {
      id: "service-account-key",
      name: "service-account key",
      selfIdentifying: true,
      // The second, as for project keys: the first service-account keys, 20 + marker + 20 (asmtv1/gptbot's tracked .env, batch 188).
      formats: [body("sk-svcacct-"), format(lit("sk-svcacct-"), run("alnum", 20), lit(MARKER), run("alnum", 20))],
    },
    {
      id: "admin-key",
      name: "admin key",
      selfIdentifying: true,
      formats: [body("sk-admin-")],
      envVar: "OPENAI_ADMIN_KEY",
      revokeUrl: "https://platform.openai.com/settings/organization/admin-keys",
    },
    {
      id: "user-key",
      name: "legacy user API key",
      selfIdentifying: true,
      formats: [format(lit("sk-"), run("alnum", 20), lit(MARKER), run("alnum", 20))],
    },
  ],
};

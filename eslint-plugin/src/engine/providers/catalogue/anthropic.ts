import type { Provider } from "../types";
import { format, lit, run } from "./segments";

/** Anthropic keys are 93 url-safe characters after the prefix, always ending in "AA". */
export const anthropic: Provider = {
  id: "anthropic",
  name: "Anthropic",
  envVar: "ANTHROPIC_API_KEY",
  envVarAliases: ["CLAUDE_API_KEY", "ANTHROPIC_ADMIN_KEY", "ANTHROPIC_AWS_API_KEY"],
  contextWords: ["anthropic", "claude"],
  sdkConstructors: ["Anthropic", "createAnthropic", "ChatAnthropic", "AnthropicVertex", "AnthropicBedrock", "createAnthropicAws"],
  sdkPackages: ["@anthropic-ai/sdk", "@ai-sdk/anthropic", "@langchain/anthropic", "@anthropic-ai/claude-agent-sdk", "@ai-sdk/anthropic-aws", "@llamaindex/anthropic", "genkitx-anthropic", "@tanstack/ai-anthropic"],
  endpoints: ["api.anthropic.com"],
  revokeUrl: "https://console.anthropic.com/settings/keys",
  kinds: [
    {
      id: "api-key",
      name: "API key",
      selfIdentifying: true,
      formats: [format(lit("sk-ant-api03-"), run("base64url", 93), lit("AA"))],
    },
    {
      id: "admin-key",
      name: "admin key",
      selfIdentifying: true,
      formats: [format(lit("sk-ant-admin01-"), run("base64url", 93), lit("AA"))],
      envVar: "ANTHROPIC_ADMIN_KEY",
      revokeUrl: "https://console.anthropic.com/settings/admin-keys",
    },
  ],
};

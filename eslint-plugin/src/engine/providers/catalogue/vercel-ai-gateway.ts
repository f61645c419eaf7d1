import type { Provider } from "../types";
import { format, lit, runBetween } from "./segments";

export const vercelAiGateway: Provider = {
  id: "vercel-ai-gateway",
  name: "Vercel AI Gateway",
  envVar: "AI_GATEWAY_API_KEY",
  contextWords: ["ai_gateway", "aigateway"],
  sdkConstructors: ["createGateway"],
  sdkPackages: ["@ai-sdk/gateway", "@tanstack/ai-vercel-gateway"],
  endpoints: ["ai-gateway.vercel.sh"],
  revokeUrl: "https://vercel.com/dashboard/ai/api-keys",
  kinds: [{ id: "api-key", name: "API key", selfIdentifying: true, formats: [format(lit("vck_"), runBetween("base64url", 24, 64))] }],
};

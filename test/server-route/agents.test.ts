/**
 * Agents that run a keyed model when a route runs them: LangChain 1's `createAgent({ model: new
 * ChatOpenAI(…) })` then `agent.invoke(…)` (codingvikasbansal-png/langchain1.0, batch 116), and AI
 * SDK 6's `ToolLoopAgent`, run by `agent.generate(…)` or handed to `createAgentUIStreamResponse`
 * (drewhirschi/agent, batch 116).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-agents-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text).map((f) => [f.handler, f.provider, f.line]);

describe("require-rate-limit: agents built on a keyed model", () => {
  it("LangChain 1's createAgent with the model made in its options, invoked by an Express route", () => {
    const server = (model: string) => `import express from "express";
import { createAgent } from "langchain";
import { ChatOpenAI } from "@langchain/openai";
const agent = createAgent({
  model: ${model},
  tools: [],
});
const app = express();
app.post("/api/chat", async (req, res) => {
  const response = await agent.invoke({ messages: req.body.messages });
  res.json(response);
});
`;
    assert.deepEqual(findings("src/server.ts", server(`new ChatOpenAI({ model: "gpt-4o-mini", apiKey: process.env.OPENAI_API_KEY })`)), [['app.post("/api/chat")', "OpenAI", 9]]);
    // A model named by a string only (LangChain resolves "openai:gpt-4o-mini" itself) is not followed.
    assert.deepEqual(findings("src/server-string.ts", server(`"openai:gpt-4o-mini"`)), []);
  });

  it("AI SDK 6's ToolLoopAgent, run by generate() or by createAgentUIStreamResponse", () => {
    const agent = `import { ToolLoopAgent, createAgentUIStreamResponse } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
const agent = new ToolLoopAgent({ model: anthropic("claude-sonnet-4-5"), tools: {} });
`;
    assert.deepEqual(findings("app/api/chat/route.ts", `${agent}export async function POST(req: Request) {\n  const { messages } = await req.json();\n  return createAgentUIStreamResponse({ agent, messages });\n}\n`), [["POST", "Anthropic", 4]]);
    assert.deepEqual(findings("app/api/ask/route.ts", `${agent}export async function POST(req: Request) {\n  const { prompt } = await req.json();\n  return Response.json(await agent.generate({ prompt }));\n}\n`), [["POST", "Anthropic", 4]]);
  });

  it("a Mastra agent run through its registry: handleChatStream({ mastra, agentId }) or mastra.getAgent(id).stream(…), the registry in the route or imported (atomly/journl, batch 168)", () => {
    const registry = `import { openai } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { Mastra } from "@mastra/core";
const chatAgent = new Agent({ name: "chat", instructions: "Help.", model: openai("gpt-4o-mini") });
export const mastra = new Mastra({ agents: { chatAgent } });
`;
    const viaHandler = (head: string) => `${head}import { handleChatStream } from "@mastra/ai-sdk";
import { createUIMessageStreamResponse } from "ai";
export async function POST(req: Request) {
  const { messages } = await req.json();
  const stream = await handleChatStream({ agentId: "chatAgent", mastra, params: { messages } });
  return createUIMessageStreamResponse({ stream });
}
`;
    assert.deepEqual(findings("app/api/chat/route.ts", viaHandler(registry)), [["POST", "OpenAI", 8]]);
    const getAgent = `${registry}export async function POST(req: Request) {\n  const { messages } = await req.json();\n  return (await mastra.getAgent("chatAgent").stream(messages)).toUIMessageStreamResponse();\n}\n`;
    assert.deepEqual(findings("app/api/agent/route.ts", getAgent), [["POST", "OpenAI", 6]]);
    fs.mkdirSync(path.join(ROOT, "src/mastra"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "src/mastra/index.ts"), registry);
    assert.deepEqual(findings("src/app/api/imported/route.ts", viaHandler(`import { mastra } from "../../../mastra";\n`)), [["POST", "OpenAI", 4]]);
    // A registry of agents on a local model (Ollama) spends no quota.
    const local = registry.replace('import { openai } from "@ai-sdk/openai";', 'import { ollama } from "ollama-ai-provider";').replace('openai("gpt-4o-mini")', 'ollama("llama3")');
    assert.deepEqual(findings("app/api/local/route.ts", viaHandler(local)), []);
  });

  it("a client made in place anywhere but a model's slot builds no chain (svenwiegand/fragdaswahlprogramm-backend, batch 93)", () => {
    // The shared client a module exports: Azure Document Intelligence, given a credential made in place.
    fs.mkdirSync(path.join(ROOT, "src"), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, "src/di-client.ts"),
      `import DocumentIntelligence from "@azure-rest/ai-document-intelligence";
import { AzureKeyCredential } from "@azure/core-auth";
export const diClient = DocumentIntelligence("https://example.cognitiveservices.azure.com/", new AzureKeyCredential(process.env.AZURE_DOCUMENT_INTELLIGENCE_KEY));
`,
    );
    const route = `import express from "express";
import { diClient } from "./di-client";
const app = express();
app.put("/manifesto", async (req, res) => {
  res.json(await diClient.path("/documentModels/{modelId}:analyze", "prebuilt-layout").post({ body: req.body }));
});
`;
    assert.deepEqual(findings("src/manifesto.ts", route), []);
  });
});

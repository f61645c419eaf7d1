/**
 * require-rate-limit on Firebase Genkit instances written less plainly than `genkit({ plugins:
 * [googleAI()] })`, and on Firebase's `onCallGenkit` trigger. Apps from bench/real-apps batch 144:
 * Jakedismo/GenkitChat (plugins from a same-file builder behind a condition, the instance made in
 * a function called where it is declared; routes two imports away) and droidyayu/GenKit-Restaurant
 * (`genkit` from "genkit/beta", a flow served with `onCallGenkit(options, flow)`).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

function findingsIn(dir: string, rel: string, code: string): string[] {
  const source = parseSource(path.join(dir, rel), code);
  assert.ok(source);
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`).sort();
}

/** GenkitChat's src/genkit-server.ts, cut down; `plugin` is the plugin the builder pushes. */
const BUILT_INSTANCE = (plugin: { name: string; from: string }) => `import { genkit } from "genkit";
import { ${plugin.name} } from "${plugin.from}";

const isServerRuntime = typeof window === "undefined";

function getPlugins() {
  const plugins = [];
  try {
    plugins.push(${plugin.name}());
  } catch (e) {
    console.warn("Failed to initialize the plugin:", e);
  }
  return plugins;
}

export const aiInstance = (function () {
  if (!isServerRuntime) {
    const instance = genkit({ plugins: [] });
    return instance;
  }
  const instance = genkit({
    promptDir: "./src/ai/prompts",
    plugins: isServerRuntime ? getPlugins() : [],
  });
  return instance;
})();
`;

const CHAT_UTILS = `import { aiInstance } from "@/genkit-server";
export async function streamAnswer(prompt: string) {
  return aiInstance.generateStream({ prompt });
}
`;

const RAG_FLOW = `import { z } from "genkit";
import { aiInstance } from "@/genkit-server";
export const documentQaStreamFlow = aiInstance.defineFlow({ name: "documentQaStreamFlow", inputSchema: z.string() }, async (query) => {
  const { text } = await aiInstance.generate({ prompt: query });
  return text;
});
`;

const BASIC_CHAT_ROUTE = `import { streamAnswer } from "@/lib/chat-utils";
export async function POST(req: Request) {
  const { message } = await req.json();
  const { stream } = await streamAnswer(message);
  return new Response(stream as unknown as ReadableStream);
}
`;

const RAG_CHAT_ROUTE = `import { documentQaStreamFlow } from "@/ai/flows/ragFlow";
export async function POST(req: Request) {
  const { query } = await req.json();
  const { stream } = documentQaStreamFlow.stream(query);
  return new Response(stream as unknown as ReadableStream);
}
`;

describe("require-rate-limit: Genkit instances built in functions, and onCallGenkit", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  describe("an instance whose plugins a same-file function builds, made in a function called in place (GenkitChat)", () => {
    const nextApp = (plugin: { name: string; from: string }) =>
      makeRepo({
        "package.json": JSON.stringify({ dependencies: { next: "15", genkit: "1", "@genkit-ai/googleai": "1", "genkitx-ollama": "0.10" } }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
        "src/genkit-server.ts": BUILT_INSTANCE(plugin),
        "src/lib/chat-utils.ts": CHAT_UTILS,
        "src/ai/flows/ragFlow.ts": RAG_FLOW,
      });

    it("a route that generates through a helper, and one that streams a flow made on the instance, are reported", () => {
      const dir = nextApp({ name: "googleAI", from: "@genkit-ai/googleai" });
      assert.deepEqual(findingsIn(dir, "src/app/api/basic-chat/route.ts", BASIC_CHAT_ROUTE), ["POST → Google AI (Gemini)"]);
      assert.deepEqual(findingsIn(dir, "src/app/api/rag-chat/route.ts", RAG_CHAT_ROUTE), ["POST → Google AI (Gemini)"]);
    });

    it("the same instance built with a plugin outside the catalogue (a local Ollama model) is no provider's client", () => {
      const dir = nextApp({ name: "ollama", from: "genkitx-ollama" });
      assert.deepEqual(findingsIn(dir, "src/app/api/basic-chat/route.ts", BASIC_CHAT_ROUTE), []);
      assert.deepEqual(findingsIn(dir, "src/app/api/rag-chat/route.ts", RAG_CHAT_ROUTE), []);
    });

    it("plugins from a const of the file, spread into the list, and an arrow called in place", () => {
      const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", genkit: "1", "genkitx-openai": "0.20" } }) });
      const server = `import express from "express";
import { genkit } from "genkit";
import { openAI } from "genkitx-openai";
const basePlugins = [openAI()];
const ai = (() => genkit({ plugins: [...basePlugins] }))();
const app = express();
app.post("/ask", async (req, res) => res.json(await ai.generate({ prompt: req.body.q })));
`;
      assert.deepEqual(findingsIn(dir, "server.ts", server), ['app.post("/ask") → OpenAI']);
    });
  });

  describe("Firebase's onCallGenkit serving a flow (GenKit-Restaurant)", () => {
    const functionsDir = (files: Record<string, string> = {}) =>
      makeRepo({
        "functions/package.json": JSON.stringify({ dependencies: { "firebase-functions": "6", "firebase-admin": "12", genkit: "1", "@genkit-ai/googleai": "1", "genkitx-ollama": "0.10" } }),
        ...files,
      });

    it("a flow imported from another module, on an instance from genkit/beta, is reported on the export", () => {
      const dir = functionsDir({
        "functions/src/genkit.ts": `import { genkit, z } from "genkit/beta";
import { googleAI } from "@genkit-ai/googleai";
const ai = genkit({ plugins: [googleAI()] });
export { ai, z };
`,
        "functions/src/flows/kitchenFlow.ts": `import { ai, z } from "../genkit";
export const kitchenOrchestratorFlow = ai.defineFlow({ name: "kitchen", inputSchema: z.string() }, async (order) => {
  const { text } = await ai.generate({ prompt: order });
  return text;
});
`,
      });
      const index = `import { onCallGenkit } from "firebase-functions/https";
import { defineSecret } from "firebase-functions/params";
import { kitchenOrchestratorFlow } from "./flows/kitchenFlow";
const apiKey = defineSecret("GOOGLE_GENAI_API_KEY");
export const kitchenFlow = onCallGenkit({ authPolicy: (user) => user !== null, secrets: [apiKey] }, kitchenOrchestratorFlow);
`;
      assert.deepEqual(findingsIn(dir, "functions/src/index.ts", index), ["kitchenFlow (onCallGenkit) → Google AI (Gemini)"]);
    });

    it("a flow of the same module, with no options, is reported; one on a local model's instance is not", () => {
      const code = (plugin: string, from: string) => `import { genkit } from "genkit";
import { ${plugin} } from "${from}";
import { onCallGenkit } from "firebase-functions/v2/https";
const ai = genkit({ plugins: [${plugin}()] });
const chatFlow = ai.defineFlow({ name: "chat" }, async (q: string) => (await ai.generate({ prompt: q })).text);
export const chat = onCallGenkit(chatFlow);
`;
      assert.deepEqual(findingsIn(functionsDir(), "functions/src/index.ts", code("googleAI", "@genkit-ai/googleai")), ["chat (onCallGenkit) → Google AI (Gemini)"]);
      assert.deepEqual(findingsIn(functionsDir(), "functions/src/index.ts", code("ollama", "genkitx-ollama")), []);
    });
  });
});

/**
 * require-rate-limit on Firebase Genkit: an instance made with a provider's plugin is that
 * provider's client, and a flow or prompt made from it runs the model when called, in the route
 * or through an adapter (`expressHandler(chatFlow)`). Apps from bench/real-apps batches 76–77
 * (FabianBartschDatenanalyse/ESSChatBot's server action, mainawycliffe/angular-genkit-streaming-demo's Express route).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const GENKIT = (plugin: string) => `import { genkit } from "genkit";
${plugin === "none" ? "" : `import { googleAI } from "@genkit-ai/googleai";\n`}export const ai = genkit({ plugins: [${plugin === "none" ? "" : "googleAI()"}], model: "googleai/gemini-2.0-flash" });
`;

const FLOWS = `import { z } from "genkit";
import { ai } from "./genkit";
export const chatFlow = ai.defineFlow({ name: "chatFlow", inputSchema: z.string(), outputSchema: z.string() }, async (prompt) => {
  const { text } = await ai.generate({ prompt });
  return text;
});
const summaryPrompt = ai.definePrompt({ name: "summary", input: { schema: z.string() } });
export async function summarize(text: string) {
  return (await summaryPrompt(text)).text;
}
export const lookupTool = ai.defineTool({ name: "lookup", description: "a table", inputSchema: z.string() }, async (id) => id);
`;

const SERVER = `import express from "express";
import { expressHandler } from "@genkit-ai/express";
import { chatFlow, summarize } from "./flows";
const app = express();
app.post("/api/chat", expressHandler(chatFlow));
app.post("/api/summary", async (req, res) => res.json({ text: await summarize(req.body.text) }));
app.get("/api/health", (req, res) => res.send("ok"));
`;

describe("require-rate-limit: Firebase Genkit flows and prompts", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const run = (plugin: string) => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", genkit: "1", "@genkit-ai/googleai": "1", "@genkit-ai/express": "1" } }),
      "src/genkit.ts": GENKIT(plugin),
      "src/flows.ts": FLOWS,
    });
    return findUnlimitedAiRoutes(parseSource(path.join(dir, "src/server.ts"), SERVER)!).map((f) => `${f.data.handler} → ${f.data.provider}`).sort();
  };

  it("a flow handed to expressHandler and a prompt called in a route run the plugin's model", () => {
    assert.deepEqual(run("googleAI"), ['app.post("/api/chat") → Google AI (Gemini)', 'app.post("/api/summary") → Google AI (Gemini)']);
  });

  it("an instance with no provider's plugin is no client", () => {
    assert.deepEqual(run("none"), []);
  });
});

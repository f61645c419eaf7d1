/**
 * require-rate-limit follows a route's imports to the AI client or helper it shares with other
 * routes (test/fixtures/apps/shared-clients), in Next App and Pages routes and Express handlers.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import requireRateLimit from "../../eslint-plugin/src/rules/require-rate-limit";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { ruleTester } from "../support/rule-tester";
import { invalidate } from "../../eslint-plugin/src/engine/client/index";
import { makeRepo, removeRepos, writeFile } from "../env/support";

const APP = path.join(__dirname, "..", "fixtures", "apps", "shared-clients");
const rule = requireRateLimit as unknown as RuleModule<"missingRateLimit" | "addInMemoryRateLimit", [{ limiterNames?: string[] }]>;

function findings(relative: string, code: string) {
  const source = parseSource(path.join(APP, relative), code);
  assert.ok(source, "the route parses");
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
}

describe("require-rate-limit: shared AI clients and helpers", () => {
  beforeEach(() => clearSharedClientCache());

  const cases: Array<{ name: string; file: string; code: string; expected: string[] }> = [
    {
      name: "App Router route using lib/openai.ts's client (tsconfig alias)",
      file: "app/api/chat/route.ts",
      code: `import { openai } from "@/lib/openai";
export async function POST(req: Request) {
  const { messages } = await req.json();
  return Response.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages }));
}`,
      expected: ["POST → OpenAI"],
    },
    {
      name: "default export of app/openai.ts, relative import",
      file: "app/api/summary/route.ts",
      code: `import client from "../../openai";
export const POST = async (req: Request) => Response.json(await client.chat.completions.create(await req.json()));`,
      expected: ["POST → OpenAI"],
    },
    {
      name: "a singleton getter, called inline and through a local",
      file: "app/api/singleton/route.ts",
      code: `import { getOpenAIClient, OpenAISingleton } from "@/ai/openaiSingleton";
export async function POST(req: Request) {
  return Response.json(await getOpenAIClient().chat.completions.create(await req.json()));
}
export async function PUT(req: Request) {
  const ai = OpenAISingleton.getInstance();
  return Response.json(await ai.embeddings.create(await req.json()));
}`,
      expected: ["POST → OpenAI", "PUT → OpenAI"],
    },
    {
      name: "a provider's factory re-exported under the app's name (export { openai as model } from \"@ai-sdk/openai\")",
      file: "app/api/reexport/route.ts",
      code: `import { generateText } from "ai";
import { model } from "@/lib/sdk-reexport";
export async function POST(req: Request) {
  const { prompt } = await req.json();
  return Response.json(await generateText({ model: model("gpt-4o-mini"), prompt }));
}`,
      expected: ["POST → OpenAI"],
    },
    {
      name: "a client re-exported by lib/ai/index.ts (export *)",
      file: "app/api/chat/route.ts",
      code: `import { ai, formatAnswer } from "@/lib/ai";
export async function POST(req: Request) {
  const answer = await ai.chat.completions.create(await req.json());
  return new Response(formatAnswer(answer.choices[0].message.content ?? ""));
}`,
      expected: ["POST → OpenAI"],
    },
    {
      name: "Pages API route calling a utils/ helper that calls Groq",
      file: "pages/api/ask.ts",
      code: `import type { NextApiRequest, NextApiResponse } from "next";
import { askGroq } from "../../utils/groq";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ answer: await askGroq(req.body.prompt) });
}`,
      expected: ["default → Groq"],
    },
    {
      name: "Express router requiring the helper (CommonJS)",
      file: "server/index.js",
      code: `const express = require("express");
const { askGroq } = require("../utils/groq");
const app = express();
app.post("/api/ask", async (req, res) => res.json({ answer: await askGroq(req.body.prompt) }));`,
      expected: ['app.post("/api/ask") → Groq'],
    },
    {
      name: "Hono handler importing the shared client",
      file: "server/hono.ts",
      code: `import { Hono } from "hono";
import { openai } from "../lib/openai";
const app = new Hono();
app.post("/chat", async (c) => c.json(await openai.chat.completions.create(await c.req.json())));`,
      expected: ['app.post("/chat") → OpenAI'],
    },
    {
      // ptavasci/chatbot-js (batch 55): routes → services/rag_service.js → services/langchain.js.
      name: "Express router requiring a helper that runs a chain built from another module's model",
      file: "server/qa.js",
      code: `const express = require("express");
const { answer } = require("../lib/qa");
const router = express.Router();
router.post("/chat", async (req, res) => res.json({ answer: await answer(req.body.message, []) }));
module.exports = router;`,
      expected: ['router.post("/chat") → OpenAI'],
    },
    {
      // dashingvinit/brogrammers-AI (batch 55): route → controllers/index.js → course-controller.js →
      // services/index.js → the service; the two barrels are no hops of their own.
      name: "Express router reaching a service through CommonJS barrels of controllers and services",
      file: "server/course-routes.js",
      code: `const express = require("express");
const { CourseController, UserController } = require("../cjs/controllers");
const router = express.Router();
router.patch("/keynotes/:title", CourseController.getKeyNotes);
router.get("/all", CourseController.listCourses);
router.get("/me", UserController.me);
module.exports = router;`,
      expected: ['router.patch("/keynotes/:title") → Google AI (Gemini)'],
    },
    {
      // rrtxt/Peri-Chat (batch 55): a route streaming a LangGraph graph, and one running it compiled.
      name: "App Router routes running an imported LangGraph graph whose node calls a provider",
      file: "app/api/graph/route.ts",
      code: `import { graph, graphWithMemory } from "@/lib/graph";
export async function POST(req: Request) {
  const { question } = await req.json();
  return Response.json(await graph.invoke({ question }));
}
export async function PUT(req: Request) {
  return Response.json(await graphWithMemory.invoke({ question: await req.text() }, { configurable: { thread_id: "1" } }));
}`,
      expected: ["POST → Google AI (Gemini)", "PUT → Google AI (Gemini)"],
    },
    {
      // Bruno-Nunes17/dietaapp-backend (batch 56): Fastify handlers making the imported controller in place.
      name: "Fastify handlers calling a method of an imported controller made in place (new GeminiController().nutrition())",
      file: "server/fastify-routes.ts",
      code: `import type { FastifyInstance } from "fastify";
import { GeminiController } from "../classes/GeminiController";
export async function routes(fastify: FastifyInstance) {
  fastify.post("/nutricao", async (request, reply) => new GeminiController().nutrition(request as any, reply));
  fastify.get("/health", async (request, reply) => new GeminiController().health(request, reply));
}`,
      expected: ['fastify.post("/nutricao") → Google AI (Gemini)'],
    },
    {
      // WRI-Indonesia/nbs-llm (batch 61): `export { EmbeddingAgent } from "./embedding-agent"` in `_agents/index.ts`.
      name: "a route making an instance of a class a barrel re-exports by name (export { X } from \"./x\")",
      file: "app/api/barrel-class/route.ts",
      code: `import { GeminiController } from "../../../classes";
export async function POST(req: Request) {
  const controller = new GeminiController();
  const reply = { send: (value: unknown) => value };
  await controller.nutrition({ body: await req.json() }, reply);
  return new Response("ok");
}
export async function GET() {
  const controller = new GeminiController();
  await controller.health(null, { send: () => undefined });
  return new Response("ok");
}`,
      expected: ["POST → Google AI (Gemini)"],
    },
    {
      // louise36-g/MysticOracle (batch 94): routes import the service from their folder's shared.ts,
      // which imports it and exports it again (`import { x } from "…"; export { x }`).
      name: "Express routes calling a service instance through an import-then-export hub",
      file: "server/reading-routes.ts",
      code: `import { Router } from "express";
import { openRouterService, formatAnswer } from "../services/shared";
const router = Router();
router.post("/reading", async (req, res) => res.json(await openRouterService.generateReading(req.body.prompt)));
router.get("/date", (req, res) => res.json({ date: openRouterService.formatDate(new Date()), text: formatAnswer("x") }));
export default router;`,
      expected: ['router.post("/reading") → OpenRouter'],
    },
    {
      // timjtc/treatment-adviser (batch 65): `export const llmClient = createLLMClient()`.
      name: "a route using a client another module makes with its own factory",
      file: "app/api/analyze/route.ts",
      code: `import { llmClient, DEFAULT_MODEL } from "@/lib/llm";
export async function POST(req: Request) {
  return Response.json(await llmClient.chat.completions.create({ model: DEFAULT_MODEL, messages: await req.json() }));
}`,
      expected: ["POST → OpenAI"],
    },
    {
      // smithwithatypo/gpt_research_backend (batch 56): `const TextGeneratingService = { … }; export { TextGeneratingService }`.
      name: "Express routes calling members of an object of functions exported as export { X }",
      file: "server/text-routes.ts",
      code: `import express from "express";
import { TextService } from "../classes/textService";
const router = express.Router();
router.post("/generate", async (req, res) => res.json({ text: await TextService.generateText(req.body.prompt) }));
router.post("/count", (req, res) => res.json({ words: TextService.wordCount(req.body.text) }));
export default router;`,
      expected: ['router.post("/generate") → OpenAI'],
    },
    {
      // visioninhope/DocXpert-fire (batch 58): `await vectoriseDocument(url, id)` from @/lib/vectorise.
      name: "a route calling an imported helper that embeds into Pinecone; getting the client alone spends nothing",
      file: "app/api/vectorise/route.ts",
      code: `import { getPinecone, vectoriseDocument } from "@/lib/vectorise";
export async function POST(req: Request) {
  await vectoriseDocument((await req.json()).docs);
  return new Response(null, { status: 204 });
}
export async function DELETE(req: Request) {
  await getPinecone().index("docs").deleteMany((await req.json()).ids);
  return new Response(null, { status: 204 });
}`,
      expected: ["POST → Pinecone"],
    },
    // Negative twins.
    {
      name: "a use case handed the route's client as a parameter typed with the SDK's class (through a barrel)",
      file: "app/api/orthography/route.ts",
      code: `import OpenAI from "openai";
import { lastMessage, orthographyCheckUseCase } from "@/lib/use-cases";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function POST(req: Request) {
  const { prompt } = await req.json();
  return Response.json(await orthographyCheckUseCase(openai, { prompt }));
}
export async function PUT(req: Request) {
  const { messages } = await req.json();
  return Response.json(lastMessage(messages, messages[0]));
}`,
      expected: ["POST → OpenAI"],
    },
    {
      name: "a use case handed a client made with the caller's own key spends the caller's quota",
      file: "app/api/orthography/route.ts",
      code: `import OpenAI from "openai";
import { orthographyCheckUseCase } from "@/lib/use-cases";
export async function POST(req: Request) {
  const { prompt, apiKey } = await req.json();
  const openai = new OpenAI({ apiKey });
  return Response.json(await orthographyCheckUseCase(openai, { prompt }));
}`,
      expected: [],
    },
    {
      name: "Fastify's full route declaration in a plugin: fastify.route({ url, method, handler }) (dinavinter/fastify-ai-starter, batch 106)",
      file: "server/routes/text.ts",
      code: `import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";
const routes = async function (fastify) {
  fastify.route({
    url: "/thought/text",
    method: "GET",
    schema: { summary: "a thought" },
    handler: async function (_request, reply) {
      const result = await streamText({ model: openai("gpt-4o"), prompt: "Share a thought" });
      result.pipeTextStreamToResponse(reply.raw);
      return reply;
    },
  });
  fastify.route({ url: "not-a-path", method: "GET", handler: async () => streamText({ model: openai("gpt-4o"), prompt: "x" }) });
  // Convex's router writes \`path\`: its HTTP actions are not read as routes yet.
  http.route({ path: "/chat-stream", method: "POST", handler: httpAction(async () => streamText({ model: openai("gpt-4o"), prompt: "x" })) });
};
export default routes;`,
      expected: ['fastify.route("/thought/text") → OpenAI'],
    },
    {
      name: "Express routes at a route object's path (Replit's shared/routes.ts) or at the catch-all \"*\"",
      file: "server/routes.ts",
      code: `import express from "express";
import OpenAI from "openai";
import { api } from "@shared/routes";
const openai = new OpenAI({ apiKey: process.env.GROQ_API_KEY, baseURL: "https://api.groq.com/openai/v1" });
export function registerRoutes(app: express.Express) {
  app.get(api.recordings.list.path, async (_req, res) => res.json([]));
  app.post(api.recordings.process.path, async (req, res) => {
    res.json(await openai.chat.completions.create({ model: "llama-3.3-70b-versatile", messages: req.body.messages }));
  });
  app.post("*", async (req, res) => res.json(await openai.chat.completions.create(req.body)));
  emitter.on(events.all.path, async (message) => openai.chat.completions.create(message));
}`,
      expected: ['app.post("*") → Groq', "app.post(api.recordings.process.path) → Groq"],
    },
    {
      name: "a helper that rate-limits itself",
      file: "app/api/limited/route.ts",
      code: `import { limitedCompletion } from "@/lib/limited-ai";
export async function POST(req: Request) {
  const { prompt } = await req.json();
  return Response.json(await limitedCompletion(req.headers.get("x-forwarded-for") ?? "anon", prompt));
}`,
      expected: [],
    },
    {
      name: "an imported module with no AI in it",
      file: "app/api/format/route.ts",
      code: `import { formatAnswer } from "@/lib/format";
export async function POST(req: Request) { return new Response(formatAnswer(await req.text())); }`,
      expected: [],
    },
    {
      name: "a type-only import of the client module",
      file: "app/api/format/route.ts",
      code: `import type { openai } from "@/lib/openai";
export async function POST(req: Request, client: typeof openai) { return new Response(await req.text()); }`,
      expected: [],
    },
    {
      name: "the shared client behind a limiter in the route",
      file: "app/api/chat/route.ts",
      code: `import { openai } from "@/lib/openai";
import { checkRateLimit } from "@/lib/rate-limit";
export async function POST(req: Request) {
  if (!(await checkRateLimit(req))) return new Response(null, { status: 429 });
  return Response.json(await openai.chat.completions.create(await req.json()));
}`,
      expected: [],
    },
    {
      name: "a module that imports the client but is no route",
      file: "lib/answer.ts",
      code: `import { openai } from "./openai";
export async function answer(q: string) { return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] }); }`,
      expected: [],
    },
  ];
  for (const { name, file, code, expected } of cases) {
    it(name, () => assert.deepEqual(findings(file, code), expected));
  }

  it("an unresolvable or broken import gives no finding and no crash", () => {
    assert.deepEqual(findings("app/api/chat/route.ts", `import { openai } from "@/lib/missing";
export async function POST() { return Response.json(await openai.chat.completions.create({})); }`), []);
  });
});

ruleTester().run("require-rate-limit (shared clients)", rule, {
  valid: [
    {
      name: "Express route using a helper that rate-limits itself",
      filename: path.join(APP, "server", "index.ts"),
      code: `import express from "express";
import { limitedCompletion } from "../lib/limited-ai";
const app = express();
app.post("/api/chat", async (req, res) => res.json(await limitedCompletion(req.ip ?? "", req.body.prompt)));`,
    },
  ],
  invalid: [
    {
      name: "Express route using the shared OpenAI client",
      filename: path.join(APP, "server", "index.ts"),
      code: `import express from "express";
import { openai } from "../lib/openai";
const app = express();
app.post("/api/chat", async (req, res) => res.json(await openai.chat.completions.create(req.body)));`,
      errors: [{ messageId: "missingRateLimit", line: 4, data: { handler: 'app.post("/api/chat")', provider: "OpenAI" } }],
    },
  ],
});

describe("require-rate-limit: a client class made by a workspace package's factory (z-jingqi/potato, batch 60)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a route calling a method of what an imported factory returns (return new AIClient(config)) calls the provider", () => {
    const aiPackage = (factory: string) => `import OpenAI from "openai";
export class AIClient {
  private client: OpenAI;
  constructor(config: { apiKey: string }) {
    this.client = new OpenAI({ apiKey: config.apiKey, baseURL: "https://openrouter.ai/api/v1" });
  }
  async chat(messages: { role: "user"; content: string }[]) {
    const response = await this.client.chat.completions.create({ model: "anthropic/claude-sonnet-4", messages });
    return response.choices[0]?.message?.content ?? "";
  }
  describe() {
    return "OpenRouter";
  }
}
${factory}
`;
    const dir = makeRepo({
      "package.json": JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"] }),
      "apps/charts/package.json": JSON.stringify({ dependencies: { next: "15.0.0", "@potato/ai": "workspace:*" } }),
      "packages/ai/package.json": JSON.stringify({ name: "@potato/ai", exports: { ".": "./src/index.ts" }, dependencies: { openai: "4.0.0" } }),
      "packages/ai/src/index.ts": aiPackage("export function createAIClient(config: { apiKey: string }): AIClient {\n  return new AIClient(config);\n}"),
      "packages/ai/src/arrow.ts": aiPackage("export const makeClient = (config: { apiKey: string }) => new AIClient(config);"),
    });
    const route = (code: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "apps/charts/app/api/ai/chat/route.ts"), code)!).map((f) => String(f.data.handler));
    assert.deepEqual(
      route(`import { createAIClient } from "@potato/ai";
export async function POST(request: Request) {
  const aiClient = createAIClient({ apiKey: process.env.OPENROUTER_API_KEY! });
  return Response.json({ response: await aiClient.chat(await request.json()) });
}
export async function GET() {
  const aiClient = createAIClient({ apiKey: "" });
  return Response.json({ name: aiClient.describe() });
}`),
      ["POST"],
    );
    assert.deepEqual(
      route(`import { makeClient } from "../../../../../../packages/ai/src/arrow";
export async function POST(request: Request) {
  const ai = makeClient({ apiKey: process.env.OPENROUTER_API_KEY! });
  return Response.json({ response: await ai.chat(await request.json()) });
}`),
      ["POST"],
    );
  });
});

describe("require-rate-limit: a shared module that changes", () => {
  after(() => removeRepos());

  it("is read again at once when the file watcher reports it (and the summary is kept otherwise)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", openai: "4.0.0" } }),
      "lib/ai.ts": `import OpenAI from "openai";\nexport const client = new OpenAI();\n`,
    });
    const route = path.join(dir, "app/api/chat/route.ts");
    const code = `import { client } from "../../../lib/ai";
export async function POST(req: Request) {
  return Response.json(await client.chat.completions.create(await req.json()));
}`;
    const run = () => findUnlimitedAiRoutes(parseSource(route, code)!).map((f) => String(f.data.provider));
    assert.deepEqual(run(), ["OpenAI"]);
    writeFile(dir, "lib/ai.ts", `export const client = { chat: { completions: { create: async (x: unknown) => x } } };\n`);
    invalidate(path.join(dir, "lib/ai.ts"));
    assert.deepEqual(run(), [], "the watcher's invalidation makes the summary check its files again");
  });
});

describe("require-rate-limit: a model's answer is not a client (JeffSa-dev/call-coach's lib/claude.ts)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a helper that only fetches the app's own route is no provider call, though another function names its answer alike", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14", "@anthropic-ai/sdk": "0.30" } }),
      "src/lib/claude.ts": `import { Anthropic } from "@anthropic-ai/sdk";
const claude = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
export async function getChatResponse(question: string) {
  const response = await claude.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 256, messages: [{ role: "user", content: question }] });
  return response.content;
}
export async function analyzeTranscript(text: string) {
  const response = await fetch("/api/analyze", { method: "POST", body: JSON.stringify({ text }) });
  return response.json();
}
`,
    });
    const route = (helper: string) => `import type { NextApiRequest, NextApiResponse } from "next";
import { ${helper} } from "../../lib/claude";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json(await ${helper}(req.body.text));
}
`;
    const found = (rel: string, code: string) => {
      const source = parseSource(path.join(dir, rel), code);
      assert.ok(source);
      return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
    };
    assert.deepEqual(found("src/pages/api/process.ts", route("analyzeTranscript")), []);
    assert.deepEqual(found("src/pages/api/chat.ts", route("getChatResponse")), ["default → Anthropic"]);
  });
});

describe("require-rate-limit: Nuxt's auto-imported server utils (AbhisekhJha/AI-SaaS-App)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const utils = `import OpenAI from "openai";
const config = useRuntimeConfig();
export const openai = new OpenAI({ apiKey: config.geminiApiKey, baseURL: "https://generativelanguage.googleapis.com/v1beta/openai/" });
export function formatAnswer(text: string) { return text.trim(); }
`;
  const route = `export default defineEventHandler(async (event) => {
  const { messages } = await readBody(event);
  const res = await openai.chat.completions.create({ model: "gemini-2.5-flash", messages });
  return formatAnswer(res.choices[0].message.content ?? "");
});`;
  const run = (dir: string, file: string, code = route) => findUnlimitedAiRoutes(parseSource(path.join(dir, file), code)!).map((f) => String(f.data.handler));

  it("a server route uses server/utils' client with no import statement, as Nuxt's server imports it", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { nuxt: "4.0.0", openai: "5.0.0" } }), "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/openai.ts": utils });
    assert.deepEqual(run(dir, "server/api/ai-tools/conversation.post.ts"), ["default"]);
    assert.deepEqual(run(dir, "server/routes/chat.ts"), ["default"]);
  });

  it("a default export under the camelCase of its file's name (quentinjuarez/nuxt3-gpt's `openaiClient()`, batch 200)", () => {
    const factory = `import OpenAI from "openai";\nconst openaiClient = () => {\n  const config = useRuntimeConfig();\n  return new OpenAI({ apiKey: config.openaiApiKey });\n};\nexport default openaiClient;\n`;
    const call = (name: string) => `export default defineEventHandler(async (event) => {\n  const body = await readBody(event);\n  const client = ${name}();\n  const answer = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: body.query }] });\n  return answer.choices[0].message.content;\n});`;
    const pkg = JSON.stringify({ dependencies: { nuxt: "3.12.0", openai: "4.0.0" } });
    const camel = makeRepo({ "package.json": pkg, "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/openaiClient.ts": factory });
    assert.deepEqual(run(camel, "server/api/conversations/create.post.ts", call("openaiClient")), ["default"]);
    const kebab = makeRepo({ "package.json": pkg, "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/open-ai-client.ts": factory });
    assert.deepEqual(run(kebab, "server/api/chat.post.ts", call("openAiClient")), ["default"]);
    // Not under another name: `default` itself, or the file's name in another case.
    assert.deepEqual(run(camel, "server/api/chat.post.ts", call("OpenaiClient")), []);
  });

  it("a folder of server/utils one level down: Nitro scans `utils/*` and the files under each of its folders (max512060925/resume, batch 223)", () => {
    const pkg = JSON.stringify({ dependencies: { nuxt: "3.12.0", openai: "4.0.0" } });
    const nested = makeRepo({ "package.json": pkg, "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/helper/index.ts": utils });
    assert.deepEqual(run(nested, "server/api/chat/completion.post.ts"), ["default"]);
    const named = makeRepo({ "package.json": pkg, "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/ai/openai.ts": utils });
    assert.deepEqual(run(named, "server/api/chat.post.ts"), ["default"]);
    // An index file's default export goes by its folder's name.
    const factory = `import OpenAI from "openai";\nexport default () => new OpenAI({ apiKey: useRuntimeConfig().openaiApiKey });\n`;
    const call = (name: string) => `export default defineEventHandler(async (event) => {\n  const body = await readBody(event);\n  return ${name}().chat.completions.create({ model: "gpt-4o-mini", messages: body.messages });\n});`;
    const indexed = makeRepo({ "package.json": pkg, "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/openai-client/index.ts": factory });
    assert.deepEqual(run(indexed, "server/api/chat.post.ts", call("openaiClient")), ["default"]);
    assert.deepEqual(run(indexed, "server/api/chat.post.ts", call("index")), []);
  });

  it("not where Nuxt imports nothing: outside server/, a folder two levels down, a name the route declares, or a project that is not Nuxt's", () => {
    const nuxt = makeRepo({ "package.json": JSON.stringify({ dependencies: { nuxt: "4.0.0", openai: "5.0.0" } }), "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/ai/clients/openai.ts": utils });
    assert.deepEqual(run(nuxt, "server/api/chat.post.ts"), [], "a folder two levels down is not scanned");
    const vite = makeRepo({ "package.json": JSON.stringify({ dependencies: { vite: "6.0.0", openai: "5.0.0" } }), "server/utils/openai.ts": utils });
    assert.deepEqual(run(vite, "server/api/chat.post.ts"), [], "a project that is not Nuxt's imports nothing by itself");
    const shadowed = makeRepo({ "package.json": JSON.stringify({ dependencies: { nuxt: "4.0.0", openai: "5.0.0" } }), "nuxt.config.ts": "export default defineNuxtConfig({});\n", "server/utils/openai.ts": utils });
    assert.deepEqual(run(shadowed, "server/api/chat.post.ts", route.replace("export default", "const openai = { chat: { completions: { create: async (x: unknown) => ({ choices: [{ message: { content: String(x) } }] }) } } };\nexport default")), [], "the route's own openai");
  });
});

describe("require-rate-limit: counting tokens runs no model (ujjwalsinghbasnet-3ptrades/ai-starter)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a route that only counts a prompt's tokens owes no limit; one that generates does", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { next: "15.0.0", "@google/genai": "1.0.0", "@anthropic-ai/sdk": "0.50.0" } }) });
    const route = (call: string) => `import { GoogleGenAI } from "@google/genai";
import Anthropic from "@anthropic-ai/sdk";
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const claude = new Anthropic();
export async function POST(req: Request) {
  const { text } = await req.json();
  return Response.json(await ${call});
}`;
    const run = (call: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "app/api/tokens/route.ts"), route(call))!).map((f) => String(f.data.provider));
    assert.deepEqual(run(`ai.models.countTokens({ model: "gemini-2.5-flash", contents: text })`), []);
    assert.deepEqual(run(`claude.messages.countTokens({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: text }] })`), []);
    assert.equal(run(`ai.models.generateContent({ model: "gemini-2.5-flash", contents: text })`).length, 1);
  });

  it("nor does listing the models, also through the promise's then (eugenmihailescu/chatgpt-chatbot, batch 75)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4.0.0", openai: "3.3.0" } }) });
    const server = (call: string) => `const express = require("express");
const { Configuration, OpenAIApi } = require("openai");
const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
const app = express();
let models = [];
const initModels = () => ${call};
app.post("/settings", async (req, res) => {
  await initModels();
  res.json({ models });
});`;
    const run = (call: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "index.js"), server(call))!).map((f) => String(f.data.handler));
    assert.deepEqual(run(`openai.listModels().then((r) => (models = r.data.data))`), []);
    assert.deepEqual(run(`openai.models.list().then((r) => (models = r.data))`), []);
    assert.deepEqual(run(`openai.createCompletion({ model: "gpt-3.5-turbo-instruct", prompt: "hi" }).then((r) => (models = r.data.choices))`), ['app.post("/settings")']);
  });
});

describe("require-rate-limit: a factory class's static method makes a client, it calls no model (ujjwalsinghbasnet-3ptrades/ai-starter)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("only a call on what the factory made spends quota, and counting tokens does not", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", "@google/genai": "1.0.0" } }),
      "lib/google-tokenizer.ts": `import { GoogleGenAI } from "@google/genai";
export class GoogleTokenizer {
  private ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
  constructor(private model: string) {}
  async countTokens(text: string) { return (await this.ai.models.countTokens({ model: this.model, contents: text })).totalTokens ?? 0; }
  async summarise(text: string) { return (await this.ai.models.generateContent({ model: this.model, contents: text })).text; }
}
`,
      "lib/factory.ts": `import { GoogleTokenizer } from "./google-tokenizer";
export class TokenizerFactory {
  static create(id: string) { return new GoogleTokenizer(id); }
}
`,
    });
    const route = (body: string) => `import { TokenizerFactory } from "../../../lib/factory";
export async function POST(req: Request) {
  const { text, model } = await req.json();
${body}
}`;
    const run = (body: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "app/api/tokens/route.ts"), route(body))!).map((f) => String(f.data.provider));
    assert.deepEqual(run(`  const tokenizer = TokenizerFactory.create(model);\n  return Response.json(await tokenizer.countTokens(text));`), []);
    assert.deepEqual(run(`  let tokenizer;\n  tokenizer = TokenizerFactory.create(model);\n  return Response.json(await tokenizer.summarise(text));`), ["Google AI (Gemini)"]);
  });
});

describe("require-rate-limit: LlamaIndex.TS's clients (kai4avaya/agent_brain, batch 75)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("an agent from the llamaindex package made by the app's module, and a provider package's LLM in the route", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ type: "module", dependencies: { express: "4.0.0", llamaindex: "0.8.0", "@llamaindex/anthropic": "0.3.0" } }),
      "src/agents/query_agent.js": `import { OpenAIAgent } from "llamaindex";
export async function query_agent(tools, query) {
  const agent = new OpenAIAgent({ tools, apiKey: process.env.OPENAI_API_KEY });
  return agent.chat({ message: query });
}
`,
    });
    const server = `import express from "express";
import { Anthropic } from "@llamaindex/anthropic";
import { Document, VectorStoreIndex } from "llamaindex";
import { query_agent } from "./agents/query_agent.js";
const app = express();
const claude = new Anthropic({ model: "claude-3-5-haiku-latest" });
app.get("/ai", async (req, res) => res.send(await query_agent([], req.query.query)));
app.get("/claude", async (req, res) => res.send(await claude.complete({ prompt: String(req.query.q) })));
app.get("/doc", async (req, res) => res.send(new Document({ text: String(req.query.q) }).text));
app.listen(3000);
`;
    const found = findUnlimitedAiRoutes(parseSource(path.join(dir, "src/index.js"), server)!).map((f) => `${f.data.handler} → ${f.data.provider}`);
    assert.deepEqual(found.sort(), ['app.get("/ai") → OpenAI', 'app.get("/claude") → Anthropic']);
  });
});

describe("require-rate-limit: a getter declared to return the SDK's client (atraining/claude-ui, batch 72)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("what a function typed `: Anthropic` hands back is the client, whatever its body keeps it in; one typed with the SDK's data makes none", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { nuxt: "3.13.0", "@anthropic-ai/sdk": "0.50.0" } }),
      "nuxt.config.ts": "export default defineNuxtConfig({});\n",
      "server/utils/fileParser.ts": `import Anthropic, { type MessageParam } from "@anthropic-ai/sdk";
const cache = new Map<string, Anthropic>();
function getClaudeInstance(apiKey: string): Anthropic {
  if (!cache.has(apiKey)) cache.set(apiKey, new Anthropic({ apiKey }));
  return cache.get(apiKey)!;
}
export function toMessage(text: string): MessageParam {
  return { role: "user", content: text };
}
export async function parseFile(name: string, data: Buffer): Promise<string> {
  const anthropic = getClaudeInstance(useRuntimeConfig().anthropicKey);
  const reply = await anthropic.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 1024, messages: [toMessage(data.toString("base64"))] });
  return reply.content[0].type === "text" ? reply.content[0].text : name;
}
`,
    });
    const route = (call: string) => `import { parseFile, toMessage } from "~/server/utils/fileParser";
export default defineEventHandler(async (event) => {
  const form = await readMultipartFormData(event);
  return ${call};
});`;
    const run = (call: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "server/api/files.post.ts"), route(call))!).map((f) => String(f.data.provider));
    assert.deepEqual(run(`parseFile(form[0].filename, form[0].data)`), ["Anthropic"]);
    assert.deepEqual(run(`toMessage(String(form.length))`), []);
  });
});

describe("require-rate-limit: a service a factory returns, whose methods run a graph the factory builds (Rafiqdevhub/Langchain-With-Node.js, batch 75)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("route → controller object → the factory's service: only the methods that run the graph", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ type: "module", dependencies: { express: "5.0.0", "@langchain/google-genai": "0.2.0", "@langchain/langgraph": "0.3.0" } }),
      "src/services/chatbot.service.ts": `import { ChatGoogleGenerativeAI } from "@langchain/google-genai";
import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
export function createChatService() {
  const llm = new ChatGoogleGenerativeAI({ model: "gemini-2.0-flash", apiKey: process.env.GOOGLE_API_KEY });
  async function callModel(state: typeof MessagesAnnotation.State) {
    return { messages: [await llm.invoke(state.messages)] };
  }
  const workflow = new StateGraph(MessagesAnnotation).addNode("model", callModel).addEdge("__start__", "model");
  const app = workflow.compile();
  return {
    async sendMessage(message: string) {
      const output = await app.invoke({ messages: [{ role: "user", content: message }] });
      return output.messages.at(-1)?.content;
    },
    detectLanguage(filename: string) {
      return filename.endsWith(".ts") ? "typescript" : "text";
    },
  };
}
`,
      "src/controllers/chat.controller.ts": `import type { Request, Response } from "express";
import { createChatService } from "../services/chatbot.service.js";
const chatService = createChatService();
export const chatController = {
  async chat(req: Request, res: Response) {
    res.json({ reply: await chatService.sendMessage(req.body.message) });
  },
  languages(req: Request, res: Response) {
    res.json({ language: chatService.detectLanguage(String(req.query.file)) });
  },
};
`,
    });
    const routes = `import { Router } from "express";
import { chatController } from "../controllers/chat.controller.js";
const router = Router();
router.post("/chat", (req, res, next) => {
  Promise.resolve(chatController.chat(req, res)).catch(next);
});
router.get("/languages", (req, res) => chatController.languages(req, res));
export default router;
`;
    const found = findUnlimitedAiRoutes(parseSource(path.join(dir, "src/routes/ai.routes.ts"), routes)!).map((f) => `${f.data.handler} → ${f.data.provider}`);
    assert.deepEqual(found, ['router.post("/chat") → Google AI (Gemini)']);
  });
});

describe("require-rate-limit: an instance of an imported class is judged method by method (ay0711/AI, batch 76)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a method that runs the model counts, one that lists the class's own data does not, also for an instance assigned in a try", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4.0.0", "@google/genai": "1.0.0" } }),
      "services/aiService.js": `const { GoogleGenAI } = require("@google/genai");
class AIService {
  constructor() {
    this.ai = new GoogleGenAI({ apiKey: process.env.GOOGLE_AI_API_KEY });
    this.validModels = ["gemini-2.5-flash"];
  }
  async listAvailableModels() {
    return this.validModels.map((name) => ({ name }));
  }
  async generateContent(contents) {
    return (await this.ai.models.generateContent({ model: "gemini-2.5-flash", contents })).text;
  }
}
module.exports = AIService;
`,
    });
    const controller = (made: string) => `const AIService = require("./services/aiService");
${made}
const generate = async (req, res) => res.json({ text: await aiService.generateContent(req.body.contents) });
const listModels = async (req, res) => res.json({ models: await aiService.listAvailableModels() });
const app = require("express")();
app.post("/generate", generate);
app.get("/models", listModels);
`;
    const run = (made: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "index.js"), controller(made))!).map((f) => String(f.data.handler));
    assert.deepEqual(run(`let aiService;\ntry {\n  aiService = new AIService();\n} catch (error) {\n  console.error(error.message);\n}`), ['app.post("/generate")']);
    assert.deepEqual(run(`const aiService = new AIService();`), ['app.post("/generate")']);
  });
});

describe("require-rate-limit: an imported class that makes its client from a constructor argument (LordLuceus/chat-lounge, batch 87)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("an instance made with the user's own key spends the user's quota; one made with the server's key counts", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { "@sveltejs/kit": "2.0.0", "@openrouter/ai-sdk-provider": "1.0.0", ai: "5.0.0" } }),
      "src/lib/server/ai-service.ts": `import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { generateText } from "ai";
export default class AIService {
  private client;
  constructor(private provider: string, private apiKey: string) {
    this.client = createOpenRouter({ apiKey });
  }
  async chat(prompt: string) {
    return (await generateText({ model: this.client("openai/gpt-4o-mini"), prompt })).text;
  }
}
`,
    });
    const route = (key: string) => `import AIService from "$lib/server/ai-service";
import { getApiKey } from "$lib/server/api-keys";
export const POST = async ({ request, locals }) => {
  const apiKey = await getApiKey(locals.user.id, "openrouter");
  const aiService = new AIService("openrouter", ${key});
  return new Response(await aiService.chat((await request.json()).prompt));
};
`;
    const run = (key: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "src/routes/api/chat/+server.ts"), route(key))!).map((f) => String(f.data.handler));
    assert.deepEqual(run("apiKey.key"), []);
    assert.deepEqual(run("process.env.OPENROUTER_API_KEY"), ["POST"]);
  });
});

describe("require-rate-limit: a client a factory returns in an object, through a wrapper (bpor92/ai-playground, batch 76)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`const { openai, model } = initOpenAi()` is the client `initializeAzureOpenAi()` made, and azure-openai is Azure OpenAI's", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { nuxt: "3.8.0", "azure-openai": "0.9.4" } }),
      "nuxt.config.ts": "export default defineNuxtConfig({});\n",
      "server/utils/azure-open-ai.ts": `import { Configuration, OpenAIApi } from "azure-openai";
export const initializeAzureOpenAi = () => {
  const { AZURE_API_KEY } = useRuntimeConfig();
  const openai = new OpenAIApi(new Configuration({ apiKey: AZURE_API_KEY, azure: { apiKey: AZURE_API_KEY, endpoint: "https://example.openai.azure.com/" } }));
  return { openai, model: "gpt35" };
};
`,
      "server/utils/initialize-open-ai.ts": `import { initializeAzureOpenAi } from "../utils/azure-open-ai";\nexport const initOpenAi = () => initializeAzureOpenAi();\n`,
    });
    const route = (use: string) => `import { initOpenAi } from "../utils/initialize-open-ai";
const { openai, model } = initOpenAi();
export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  return ${use};
});`;
    const run = (use: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "server/api/chat.post.ts"), route(use))!).map((f) => String(f.data.provider));
    assert.deepEqual(run(`(await openai.createChatCompletion({ model, messages: body.messages })).data`), ["Azure OpenAI"]);
    assert.deepEqual(run(`{ model }`), []);
  });
});

describe("require-rate-limit: a Fastify route's own rate-limit setting (Ben41k/AI_nutritionist, batch 77)", () => {
  after(() => removeRepos());

  it("`config: { rateLimit: false }` turns the limit off; other options limit nothing", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { fastify: "5.0.0", openai: "5.0.0" } }) });
    const server = (options: string) => `import Fastify from "fastify";
import OpenAI from "openai";
const app = Fastify();
const client = new OpenAI();
app.post("/chat", ${options}, async (request) => client.chat.completions.create(request.body));
`;
    const run = (options: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "src/index.ts"), server(options))!).map((f) => String(f.data.handler));
    assert.deepEqual(run(`{ config: { rateLimit: false } }`), ['app.post("/chat")']);
    assert.deepEqual(run(`{ schema: { body: { type: "object" } }, preHandler: [app.authenticate] }`), ['app.post("/chat")']);
    assert.deepEqual(run(`{ config: { rateLimit: { max: 5, timeWindow: "1 minute" } } }`), []);
  });
});

describe("require-rate-limit: a class's field holding an instance of another imported class (narutobhati/AI-Chat-Support, batch 78)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`private routerAgent = new RouterAgent()` then `this.routerAgent.route(…)`: the route's Hono chain reaches the model through a workspace package's barrel", () => {
    const agent = (made: string) => ({
      "package.json": JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"], dependencies: { hono: "4.0.0", ai: "6.0.0", "@ai-sdk/google": "3.0.0" } }),
      "apps/api/package.json": JSON.stringify({ name: "@repo/api", type: "module", dependencies: { hono: "4.0.0", "@repo/services": "*" } }),
      "packages/services/package.json": JSON.stringify({ name: "@repo/services", type: "module", main: "index.ts" }),
      "packages/services/index.ts": `export * from "./chat.service.js";\n`,
      "packages/services/chat.service.ts": `import { RouterAgent } from "@repo/agents";
export class ChatService {
${made}
  async streamMessage(input: { message: string }) {
    const route = await this.routerAgent.route(input.message);
    return route.agent;
  }
}
`,
      "packages/agents/package.json": JSON.stringify({ name: "@repo/agents", type: "module", main: "index.ts" }),
      "packages/agents/index.ts": `export * from "./router.agent.js";\n`,
      "packages/agents/llm.ts": `import { google } from "@ai-sdk/google";\nexport const geminiModel = google("gemini-1.5-flash");\n`,
      "packages/agents/router.agent.ts": `import { generateText } from "ai";
import { geminiModel } from "./llm.js";
export class RouterAgent {
  async route(userMessage: string) {
    const result = await generateText({ model: geminiModel, prompt: userMessage });
    return JSON.parse(result.text);
  }
}
`,
    });
    const route = `import { Hono } from "hono";
import { ChatService } from "@repo/services";
export const chatRoutes = new Hono()
  .post("/messages", async (c) => {
    const body = await c.req.json();
    const chatService = new ChatService();
    return c.json(await chatService.streamMessage({ message: body.message }));
  });
`;
    const run = (made: string) => {
      clearSharedClientCache();
      const dir = makeRepo(agent(made));
      return findUnlimitedAiRoutes(parseSource(path.join(dir, "apps/api/src/routes/chat.ts"), route)!).map((f) => String(f.data.handler));
    };
    assert.equal(run(`  private routerAgent = new RouterAgent();`).length, 1);
    assert.equal(run(`  private routerAgent;\n  constructor() {\n    this.routerAgent = new RouterAgent();\n  }`).length, 1);
    // A field holding something else runs no model.
    assert.deepEqual(run(`  private routerAgent = { route: async (m: string) => ({ agent: m }) };`), []);
  });
});

describe("require-rate-limit: a client of a provider's APIs that run no model, made in a class (orev7s/pr-reviewer, batch 82)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`this.appOctokit = new Octokit(…)` in an imported class runs no model; an OpenAI client made so does", () => {
    const run = (sdk: string, made: string, call: string) => {
      const dir = makeRepo({
        "package.json": JSON.stringify({ dependencies: { express: "4", "@octokit/rest": "20", openai: "4" } }),
        "src/auth.ts": `import { ${sdk} } from "${sdk === "Octokit" ? "@octokit/rest" : "openai"}";
export class AppAuth {
  private client: any;
  constructor(config: { appId: string }) {
    this.client = new ${made};
  }
  async test() {
    return this.client.${call};
  }
}
`,
      });
      const route = `import express from "express";\nimport { AppAuth } from "./auth";\nconst app = express();\napp.post("/config/test", async (req, res) => res.json(await new AppAuth(req.body).test()));\n`;
      return findUnlimitedAiRoutes(parseSource(path.join(dir, "src/server.ts"), route)!).map((f) => String(f.data.provider));
    };
    assert.deepEqual(run("Octokit", "Octokit({ auth: config.appId })", "apps.getAuthenticated()"), []);
    assert.deepEqual(run("OpenAI", "OpenAI({ apiKey: process.env.OPENAI_API_KEY })", "responses.create({ model: \"gpt-4o-mini\", input: \"hi\" })"), ["OpenAI"]);
  });
});

describe("require-rate-limit: a vector store module's helpers (gregermendle/remix-ai-chat-stack, batch 88)", () => {
  beforeEach(() => clearSharedClientCache());

  it("adding a note embeds it; removing one (`store.save`, `store.index.markDelete`) embeds nothing, and the store the helper returns is no model call", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { "@remix-run/node": "2", "@langchain/openai": "0.3", "@langchain/community": "0.3" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }),
      "app/chat.server.ts": `import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { OpenAIEmbeddings } from "@langchain/openai";
const initVectorStore = async () => {
  const embeddings = new OpenAIEmbeddings({ openAIApiKey: process.env.OPEN_AI_KEY });
  try {
    const store = await HNSWLib.load(process.env.HNSW_INDEX_PATH!, embeddings);
    return store;
  } catch {
    const store = await HNSWLib.fromDocuments([], embeddings);
    await store.save(process.env.HNSW_INDEX_PATH!);
    return store;
  }
};
const _vectorStore = initVectorStore();
export async function addDocument(note: { id: string; body: string }) {
  const store = await _vectorStore;
  await store.addDocuments([{ pageContent: note.body, metadata: { id: note.id } }]);
  await store.save(process.env.HNSW_INDEX_PATH!);
  return store;
}
export async function removeDocument(id: string) {
  const store = await _vectorStore;
  const found = Array.from(store.docstore._docs.entries()).find(([, doc]) => doc.metadata.id === id);
  if (!found) return store;
  store.index.markDelete(parseInt(found[0]));
  await store.save(process.env.HNSW_INDEX_PATH!);
  return store;
}
`,
    });
    const action = (helper: string) =>
      findUnlimitedAiRoutes(parseSource(path.join(dir, "app/routes/notes.tsx"), `import { ${helper} } from "~/chat.server";
export const action = async ({ request }: { request: Request }) => {
  await ${helper}(await request.json());
  return null;
};
`)!).map((f) => String(f.data.provider));
    assert.deepEqual(action("addDocument"), ["OpenAI"]);
    assert.deepEqual(action("removeDocument"), []);
  });

  it("a store another module exports is judged as one made here: searching it embeds, deleting from it does not", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "15", "@langchain/openai": "0.3", langchain: "0.3" } }),
      "lib/store.ts": `import { MemoryVectorStore } from "langchain/vectorstores/memory";
import { OpenAIEmbeddings } from "@langchain/openai";
const embeddings = new OpenAIEmbeddings({ apiKey: process.env.OPENAI_API_KEY });
export const vectorStore = new MemoryVectorStore(embeddings);
`,
    });
    const route = (call: string) =>
      findUnlimitedAiRoutes(parseSource(path.join(dir, "app/api/docs/route.ts"), `import { vectorStore } from "../../../lib/store";
export async function POST(request: Request) {
  const body = await request.json();
  return Response.json(await ${call});
}
`)!).map((f) => String(f.data.provider));
    assert.deepEqual(route("vectorStore.similaritySearch(body.query, 4)"), ["OpenAI"]);
    assert.deepEqual(route("vectorStore.delete({ ids: body.ids })"), []);
  });
});

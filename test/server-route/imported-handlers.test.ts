/**
 * require-rate-limit on Express routers whose handlers another module defines, the MVC layout of
 * many real apps (AbhineethT41/CuraBot, Min-DongYoung/SmartKiosk in bench/real-apps):
 * `router.post("/analyze", chatbotController.analyzeSymptoms)` with the controller's exports
 * wrapped in `asyncHandler(…)` and calling a module-level provider client.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos, writeFile } from "../env/support";

const CONTROLLER = `const asyncHandler = require("express-async-handler");
const { Groq } = require("groq-sdk");

let groq;
try {
  groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
} catch (error) {
  console.error(error);
}

const analyzeSymptoms = asyncHandler(async (req, res) => {
  const completion = await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: req.body.messages });
  res.json(completion.choices[0].message);
});

// No model call: a lookup in a table.
const listSpecialties = asyncHandler(async (req, res) => res.json(["Neurology", "Cardiology"]));

// Limited where it is defined.
const summarize = withRateLimit(async (req, res) => {
  res.json(await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: req.body.messages }));
});

module.exports = { analyzeSymptoms, listSpecialties, summarize };
`;

const ESM_CONTROLLER = `import OpenAI from "openai";
const openai = new OpenAI();
export async function chat(req, res) {
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
}
export const health = (req, res) => res.send("ok");
`;

function findingsIn(dir: string, rel: string, code: string): string[] {
  const source = parseSource(path.join(dir, rel), code);
  assert.ok(source);
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`).sort();
}

describe("require-rate-limit: handlers defined in another module (controllers)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const app = () =>
    makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", "express-async-handler": "1", "groq-sdk": "0.9", openai: "4" } }),
      "src/controllers/chatbotController.js": CONTROLLER,
      "src/controllers/chat.js": ESM_CONTROLLER,
    });

  it("a controller required whole, its members registered: the ones that call the model", () => {
    const router = `const express = require("express");
const router = express.Router();
const chatbotController = require("../controllers/chatbotController");
router.post("/analyze", chatbotController.analyzeSymptoms);
router.get("/specialties", chatbotController.listSpecialties);
router.post("/summarize", chatbotController.summarize);
module.exports = router;
`;
    assert.deepEqual(findingsIn(app(), "src/routes/chatbotRoutes.js", router), ['router.post("/analyze") → Groq']);
  });

  it("destructured and ESM imports, a namespace import; a limiter beside the handler or app.use before it holds", () => {
    const dir = app();
    const destructured = `const express = require("express");
const { analyzeSymptoms } = require("../controllers/chatbotController");
const router = express.Router();
router.post("/analyze", analyzeSymptoms);
router.post("/limited", rateLimiter, analyzeSymptoms);
module.exports = router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/a.js", destructured), ['router.post("/analyze") → Groq']);
    const esm = `import express from "express";
import { chat, health } from "../controllers/chat.js";
import * as controllers from "../controllers/chat.js";
const app = express();
app.get("/health", health);
app.post("/chat", chat);
app.post("/chat2", controllers.chat);
`;
    assert.deepEqual(findingsIn(dir, "src/routes/b.js", esm), ['app.post("/chat") → OpenAI', 'app.post("/chat2") → OpenAI']);
    const limitedFirst = `import express from "express";
import rateLimit from "express-rate-limit";
import { chat } from "../controllers/chat.js";
const app = express();
app.use(rateLimit({ windowMs: 60_000, limit: 20 }));
app.post("/chat", chat);
`;
    assert.deepEqual(findingsIn(dir, "src/routes/c.js", limitedFirst), []);
  });

  it("an imported handler cast where it is registered, `chat as any` (M-Zaid-Tayyab/QuizGPT-Monorepo, batch 211)", () => {
    const dir = app();
    const cast = `import express from "express";
import { chat, health } from "../controllers/chat.js";
import * as controllers from "../controllers/chat.js";
const router = express.Router();
router.post("/generate", authenticate as any, chat as any);
router.post("/explain", controllers.chat as unknown as express.RequestHandler);
router.get("/health", health as any);
export default router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/quiz.ts", cast), ['router.post("/explain") → OpenAI', 'router.post("/generate") → OpenAI']);
  });

  it("a handler mounted with use(path, handler) answers every method there (devzwide/chatbot, batch 79); a router mounted so is no handler", () => {
    const dir = app();
    writeFile(dir, "src/routes/chatRouter.js", `import express from "express";\nimport { chat } from "../controllers/chat.js";\nconst router = express.Router();\nrouter.post("/", chat);\nexport default router;\n`);
    const mounted = `import express from "express";
import { chat, health } from "../controllers/chat.js";
import chatRouter from "./chatRouter.js";
const router = express.Router();
router.use("/api/chat", chat);
router.use("/api/health", health);
router.use("/api/v2", chatRouter);
router.use("/api/limited", rateLimiter, chat);
router.use(express.json());
export default router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/router.js", mounted), ['router.use("/api/chat") → OpenAI']);
  });

  it("an imported handler passed through a wrapper (asyncHandler(controller.method)); a limiter wrapper holds (yashas-salian/post-audience-email-automation, batch 60)", () => {
    const router = `import express from "express";
import { chat, health } from "../controllers/chat.js";
import { asyncHandler } from "../utils/asyncHandler.js";
import { withRateLimit } from "../utils/limits.js";
const app = express();
app.post("/wrapped", asyncHandler(chat));
app.get("/health", asyncHandler(health));
app.post("/limited", withRateLimit(chat));
app.route("/chained").post(asyncHandler(chat));
`;
    assert.deepEqual(findingsIn(app(), "src/routes/wrapped.js", router), ['app.post("/wrapped") → OpenAI', 'app.route("/chained").post → OpenAI']);
  });

  it("an imported middleware that answers 429 before next() is a limiter whatever its name; one that only answers 429 in its handler is not (batch 60)", () => {
    const dir = app();
    writeFile(dir, "src/middlewares/guard.js", `export const ratelimmiter = async (c, next) => {
  const count = await redis.incr(c.req.header("x-forwarded-for") ?? "unknown");
  if (count > 10) return c.json({ error: "Too many requests" }, 429);
  await next();
};
export const authGuard = async (c, next) => {
  if (!c.req.header("authorization")) return c.json({ error: "Unauthorized" }, 401);
  await next();
};
export const tooMany = (c) => c.json({ error: "Too many requests" }, 429);
`);
    const router = `import { Hono } from "hono";
import { chat } from "../controllers/chat.js";
import { ratelimmiter, authGuard, tooMany } from "../middlewares/guard.js";
import { asyncHandler } from "../utils/asyncHandler.js";
export const router = new Hono();
router.post("/limited", ratelimmiter, asyncHandler(chat));
router.post("/guarded", authGuard, asyncHandler(chat));
router.post("/busy", tooMany, asyncHandler(chat));
`;
    assert.deepEqual(findingsIn(dir, "src/routes/guarded.js", router), ['router.post("/busy") → OpenAI', 'router.post("/guarded") → OpenAI']);
  });

  it("an imported factory of such a middleware, called where the route is registered (prabhleen003/AI-Powered-Job-Portal, batch 226)", () => {
    const dir = app();
    writeFile(dir, "src/middlewares/aiLimiter.js", `const DAILY_LIMIT = 5;
const checkAiLimit = (feature) => {
  return async (req, res, next) => {
    const count = await countToday(req.user.id, feature);
    if (count >= DAILY_LIMIT) return res.status(429).json({ message: "Daily limit reached" });
    next();
  };
};
const logFeature = (feature) => (req, res, next) => { console.log(feature); next(); };
module.exports = { checkAiLimit, logFeature };
`);
    const router = `const express = require("express");
const router = express.Router();
const { checkAiLimit, logFeature } = require("../middlewares/aiLimiter");
const chatbotController = require("../controllers/chatbotController");
router.post("/limited", checkAiLimit("coverLetter"), chatbotController.analyzeSymptoms);
router.post("/logged", logFeature("coverLetter"), chatbotController.analyzeSymptoms);
module.exports = router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/factory.js", router), ['router.post("/logged") → Groq']);
  });

  it("a controller registered as middleware before the handler that answers (gorillainsuit/cards-r-us, batch 50): one finding per route", () => {
    const router = `const express = require("express");
const router = express.Router();
const chatbotController = require("../controllers/chatbotController");
router.post("/create", chatbotController.analyzeSymptoms, (req, res) => res.json(res.locals.result));
router.post("/twice", chatbotController.analyzeSymptoms, chatbotController.summarize, chatbotController.analyzeSymptoms);
router.post("/lists", chatbotController.listSpecialties, (req, res) => res.json(res.locals.list));
router.post("/limited", rateLimiter, chatbotController.analyzeSymptoms, (req, res) => res.json(res.locals.result));
module.exports = router;
`;
    assert.deepEqual(findingsIn(app(), "src/routes/middleware.js", router), ['router.post("/create") → Groq', 'router.post("/twice") → Groq']);
  });

  it("controller and service objects exported by name: route → chatController.sendMessage → chatService.sendMessage → llmClient.ask", () => {
    // realtgy/my-ai-apps (batch 42): each layer an object literal of arrows, three import hops deep.
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "5", openai: "5" } }),
      "llm/client.ts": `import { OpenAI } from "openai";
const openAIClient = new OpenAI({ apiKey: process.env.POE_API_KEY, baseURL: "https://api.poe.com/v1" });
export const llmClient = {
  ask: async (prompt: string) => (await openAIClient.chat.completions.create({ model: "gpt-5-mini", messages: [{ role: "user", content: prompt }] })).choices[0].message.content,
  label: (text: string) => text.trim(),
};
`,
      "services/chat.service.ts": `import { llmClient } from "../llm/client";
export const chatService = {
  sendMessage: async (prompt: string) => ({ message: await llmClient.ask(prompt) }),
  history: async () => [],
};
`,
      "controllers/chat.controller.ts": `import type { Request, Response } from "express";
import { chatService } from "../services/chat.service";
export const chatController = {
  sendMessage: async (req: Request, res: Response) => {
    res.json(await chatService.sendMessage(req.body.prompt));
  },
  history: async (req: Request, res: Response) => {
    res.json(await chatService.history());
  },
};
`,
    });
    const routes = `import express from "express";
import { chatController } from "./controllers/chat.controller";
const router = express.Router();
router.post("/api/chat", chatController.sendMessage);
router.get("/api/history", chatController.history);
export default router;
`;
    assert.deepEqual(findingsIn(dir, "routes.ts", routes), ['router.post("/api/chat") → OpenAI']);
  });

  it("objects exported `as const`, a service naming its function under another name (maksymilianPadalak/unbAIsed, batch 45)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "5", openai: "5" } }),
      "services/open-ai.ts": `import OpenAI from "openai";
const client = new OpenAI();
export const getUnbiasedScore = async (prompt: string) => (await client.responses.create({ model: "gpt-5", input: prompt })).output_text;
const countWords = (text: string) => text.split(" ").length;
export const openAiService = { getHelloMessage: getUnbiasedScore, countWords } as const;
`,
      "controllers/open-ai.ts": `import type { Request, Response } from "express";
import { openAiService } from "../services/open-ai";
export const handleOpenAiRequest = async (req: Request, res: Response) => {
  res.json(await openAiService.getHelloMessage(req.body.prompt));
};
const handleCount = (req: Request, res: Response) => res.json(openAiService.countWords(req.body.text));
export const openAiController = { handleOpenAiRequest, handleCount } as const;
`,
    });
    const routes = `import { Router } from "express";
import { openAiController } from "./controllers/open-ai";
export const createOpenAiRouter = (): Router => {
  const router = Router();
  router.post("/", openAiController.handleOpenAiRequest);
  router.post("/count", openAiController.handleCount);
  return router;
};
`;
    assert.deepEqual(findingsIn(dir, "routes.ts", routes), ['router.post("/") → OpenAI']);
  });

  it("a chain exported by name, built from a keyed chat model, run by the route (SaravananR01/ResAI, batch 43)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ type: "module", dependencies: { express: "4", "@langchain/google-genai": "0.2", "@langchain/core": "0.3" } }),
      "langchain/ragChain.js": `import { ChatGoogleGenerativeAI } from "@langchain/google-genai";
import { RunnableSequence } from "@langchain/core/runnables";
import { PromptTemplate } from "@langchain/core/prompts";
const model = new ChatGoogleGenerativeAI({ model: "gemini-2.0-flash", apiKey: process.env.GEMINI_API_KEY });
const prompt = PromptTemplate.fromTemplate("Answer: {question}");
export const ragChain = RunnableSequence.from([prompt, model]);
export const template = prompt;
`,
    });
    const server = `import express from "express";
import { ragChain, template } from "./langchain/ragChain.js";
const app = express();
app.post("/ask", async (req, res) => res.json({ answer: await ragChain.invoke({ question: req.body.question }) }));
app.post("/format", async (req, res) => res.json({ text: await template.format({ question: req.body.question }) }));
`;
    assert.deepEqual(findingsIn(dir, "server.js", server), ['app.post("/ask") → Google AI (Gemini)']);
  });

  it("Express's route chain: router.route(path).get(…).post(…), imported and inline handlers, a limiter beside one", () => {
    // Vaibhaviitian/mango_desk_assignment's Backend/Routes/main.routes.js (batch 31).
    const chain = `import { Router } from "express";
import OpenAI from "openai";
import { chat, health } from "../controllers/chat.js";
const openai = new OpenAI();
const mainrouter = Router();
mainrouter.route("/apiresponse").post(chat);
mainrouter.route("/health").get(health);
mainrouter
  .route("/ask")
  .get(health)
  .post(async (req, res) => res.json(await openai.responses.create({ model: "gpt-4o-mini", input: req.body.q })));
mainrouter.route("/limited").post(rateLimiter, chat);
export default mainrouter;
`;
    assert.deepEqual(findingsIn(app(), "src/routes/main.routes.js", chain), ['mainrouter.route("/apiresponse").post → OpenAI', 'mainrouter.route("/ask").post → OpenAI']);
  });
});

describe("require-rate-limit: a route module that exports a handler written in another module", () => {
  after(() => removeRepos());

  it("a Remix route's `export const action = taskAction` (imported through ~/), not a loader that calls no model", () => {
    // Dornes/learno-mode's app/routes/evaluation.$taskId.tsx (batch 31).
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { "@remix-run/node": "2", "@remix-run/react": "2", openai: "4" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }),
      "app/services/task-action.ts": `import { OpenAI } from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export const taskAction = async ({ request }) => {
  const form = await request.formData();
  return Response.json(await openai.responses.create({ model: "gpt-4o-mini", input: String(form.get("message")) }));
};
`,
      "app/services/task-loader.ts": `export const taskLoader = async ({ params }) => Response.json({ id: params.taskId });
`,
    });
    const route = `import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { taskAction } from "~/services/task-action";
import { taskLoader } from "~/services/task-loader";
export const loader: LoaderFunction = taskLoader;
export const action: ActionFunction = taskAction;
export default function Evaluation() {
  return null;
}
`;
    assert.deepEqual(findingsIn(dir, "app/routes/evaluation.$taskId.tsx", route), ["action → OpenAI"]);
    // The same module outside any route convention serves nothing.
    assert.deepEqual(findingsIn(dir, "app/components/evaluation.tsx", route), []);
  });
});

describe("require-rate-limit: a service's default export of functions, through a barrel", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`export default { sendMessage }` re-exported as `export { default as OpenAIService }` (IvanMijic0/Edu-AI-API)", () => {
    const service = `import axios from "axios";
const sendMessage = async (message: string) => {
  const response = await axios.post("https://api.openai.com/v1/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: message }] }, { headers: { Authorization: \`Bearer \${process.env.OPEN_API_KEY}\` } });
  return response.data;
};
const countWords = (text: string) => text.split(" ").length;
export default { sendMessage, countWords };
`;
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", axios: "1" } }),
      "src/services/OpenAIService.ts": service,
      "src/services/index.ts": `export { default as OpenAIService } from "./OpenAIService";\n`,
    });
    const routes = `import express from "express";
import { OpenAIService } from "../services";
const router = express.Router();
router.post("/chat", async (req, res) => res.json(await OpenAIService.sendMessage(req.body.message)));
router.post("/count", async (req, res) => res.json(OpenAIService.countWords(req.body.text)));
export default router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/OpenAIRoutes.ts", routes), ['router.post("/chat") → OpenAI']);
  });

  it("the object held in a const first, default-exported or assigned to module.exports (uelthon/image-generator-next, batch 50)", () => {
    const stability = `import axios from "axios";
const textToImage = async (text) => {
  const { data } = await axios.post("https://api.stability.ai/v1beta/generation/sd/text-to-image", { text_prompts: [{ text }] }, { headers: { Authorization: \`Bearer \${process.env.STABILITY_API_KEY}\` } });
  return data;
};
const stableApi = { textToImage };
export default stableApi;
`;
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14", axios: "1" } }),
      "jsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
      "src/lib/stability.js": stability,
      "src/lib/stability-cjs.js": stability.replace('import axios from "axios";', 'const axios = require("axios");').replace("export default stableApi;", "module.exports = stableApi;"),
    });
    const route = (from: string) => `import stableApi from "${from}";
export default async function handler(req, res) {
  res.json(await stableApi.textToImage(req.body.prompt));
}
`;
    assert.deepEqual(findingsIn(dir, "src/pages/api/stable.js", route("@/lib/stability")), ["default → Stability AI"]);
    assert.deepEqual(findingsIn(dir, "src/pages/api/stable-cjs.js", route("@/lib/stability-cjs")), ["default → Stability AI"]);
  });
});

describe("require-rate-limit: a SvelteKit +server file outside the routes folder", () => {
  it("is served by nothing (jacobjeremiahjohnson/goobi's src/lib/+server.ts)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ devDependencies: { "@sveltejs/kit": "2" }, dependencies: { openai: "4" } }) });
    const code = `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function POST({ request }) {\n  return new Response(JSON.stringify(await openai.chat.completions.create(await request.json())));\n}\n`;
    assert.deepEqual(findingsIn(dir, "src/lib/+server.js", code), []);
    assert.deepEqual(findingsIn(dir, "src/routes/api/chat/+server.js", code), ["POST → OpenAI"]);
  });
});

describe("require-rate-limit: Hono's app.on(methods, path, handler) (miniboxs/chatgpt-ts-cfworkers, batch 64)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("reads the path after the methods; a socket's on(event) stays no route", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { hono: "4", openai: "4" } }), "src/controllers/chat.js": ESM_CONTROLLER });
    const code = `import { Hono } from "hono";
import OpenAI from "openai";
import { chat } from "../controllers/chat.js";
const openai = new OpenAI();
const app = new Hono();
app.on(["GET", "POST"], "/ai", async (c) => c.json(await openai.chat.completions.create(await c.req.json())));
app.on("POST", "/chat", chat);
app.on("PURGE", "/cache", (c) => c.text("ok"));
socket.on("message", async (data) => openai.chat.completions.create(data));
export default app;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/ai.js", code), ['app.on("/ai") → OpenAI', 'app.on("/chat") → OpenAI']);
  });
});

describe("require-rate-limit: an imported helper keyed by its argument (iamCelott/AskWai, batch 64)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("the caller's key handed to it spends the caller's quota; the server's key is reported", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", "groq-sdk": "0.5" } }),
      "utils/groq.ts": `import { Groq } from "groq-sdk";
export const requestToGroqAI = async (content: string, API_KEY: string) => {
  const groq = new Groq({ apiKey: API_KEY });
  const reply = await groq.chat.completions.create({ messages: [{ role: "user", content }], model: "llama3-8b-8192" });
  return reply.choices[0]?.message?.content || "";
};
`,
    });
    const code = `import express from "express";
import { requestToGroqAI } from "./utils/groq";
const app = express();
app.post("/byok", async (req, res) => {
  const { content } = req.body;
  const { API_KEY } = req.body;
  res.json({ record: await requestToGroqAI(content, API_KEY) });
});
app.post("/header", async (req, res) => res.json({ record: await requestToGroqAI(req.body.content, req.headers["x-api-key"]) }));
app.post("/server", async (req, res) => res.json({ record: await requestToGroqAI(req.body.content, process.env.GROQ_API_KEY) }));
`;
    assert.deepEqual(findingsIn(dir, "index.ts", code), ['app.post("/server") → Groq']);
  });

  it("also a helper whose fetch sends its parameter as the key (AVMG20/arnotes' server/utils, batch 122)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4" } }),
      "utils/openrouter.ts": `export async function streamOpenRouter(apiKey: string, messages: unknown[]) {
  return fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\`, "Content-Type": "application/json" }, body: JSON.stringify({ messages }) });
}
`,
    });
    const code = `import express from "express";
import { streamOpenRouter } from "./utils/openrouter";
const app = express();
app.post("/byok", async (req, res) => res.json(await streamOpenRouter(req.headers["x-api-key"], req.body.messages)));
app.post("/server", async (req, res) => res.json(await streamOpenRouter(process.env.OPENROUTER_API_KEY, req.body.messages)));
`;
    assert.deepEqual(findingsIn(dir, "index.ts", code), ['app.post("/server") → OpenRouter']);
  });
});

describe("require-rate-limit: routes a test registers", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a test or spec file's app serves no one (openstatusHQ/openstatus's handler.test.ts)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { hono: "4", openai: "4" } }), "src/controllers/chat.js": ESM_CONTROLLER });
    const test = `import { Hono } from "hono";
import { chat } from "../controllers/chat.js";
const app = new Hono();
app.post("/chat", chat);
`;
    assert.deepEqual(findingsIn(dir, "src/routes/chat.test.js", test), []);
    assert.deepEqual(findingsIn(dir, "src/routes/__tests__/chat.js", test), []);
    assert.deepEqual(findingsIn(dir, "src/routes/chat.js", test), ['app.post("/chat") → OpenAI']);
  });
});

describe("require-rate-limit: controllers that call a service module", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  // mayank-verma04/english-ai-tutor: route → controller → service (required whole) → config/gemini.
  const files = {
    "package.json": JSON.stringify({ dependencies: { express: "4", "@google/generative-ai": "0.21" } }),
    "config/gemini.js": `const { GoogleGenerativeAI } = require("@google/generative-ai");\nmodule.exports = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);\n`,
    "services/aiService.js": `const genAI = require("../config/gemini");\nexports.ask = async (prompt) => (await genAI.getGenerativeModel({ model: "gemini-1.5-flash" }).generateContent(prompt)).response.text();\n`,
    "controllers/tutor.js": `const aiService = require("../services/aiService");\nexports.question = async (req, res) => res.json(await aiService.ask(req.body.topic));\n`,
    // Reaches the service one hop later than the tutor's route does: at the end of its chain.
    "lib/relay.js": `const aiService = require("../services/aiService");\nexports.relay = (text) => aiService.ask(text);\n`,
    "controllers/long.js": `const { relay } = require("../lib/relay");\nexports.summary = async (req, res) => res.json(await relay(req.body.text));\n`,
  };
  const route = (controller: string, name: string) => `const express = require("express");\nconst { ${name} } = require("../controllers/${controller}");\nconst router = express.Router();\nrouter.post("/${name}", ${name});\nmodule.exports = router;\n`;

  it("a controller's call on a service module imported whole (aiService.ask()) reaches the provider", () => {
    assert.deepEqual(findingsIn(makeRepo(files), "routes/tutor.js", route("tutor", "question")), ['router.post("/question") → Google AI (Gemini)']);
  });

  it("the answer does not depend on which route was linted first (a module summarised at the end of a longer chain is summarised again)", () => {
    const dir = makeRepo(files);
    // The long chain reaches services/aiService.js with no hop left: its summary then knows no client.
    findingsIn(dir, "routes/long.js", route("long", "summary"));
    assert.deepEqual(findingsIn(dir, "routes/tutor.js", route("tutor", "question")), ['router.post("/question") → Google AI (Gemini)']);
  });
});

describe("require-rate-limit: a service module that exports an instance of its class", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const SERVICE = `const Groq = require("groq-sdk");
let groq = null;
if (process.env.GROQ_API_KEY) groq = new Groq({ apiKey: process.env.GROQ_API_KEY });

class AIService {
  async generateResponse(message, history = []) {
    const completion = await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: [...history, { role: "user", content: message }] });
    return completion.choices[0].message.content;
  }
  formatHistory(messages) {
    return messages.map((m) => ({ role: m.role, content: m.content }));
  }
}

module.exports = new AIService();
`;

  it("a method that calls a provider counts, also when the module is required inside the handler (amanverma-00/DSA-Mitra)", () => {
    const dir = makeRepo({ "backend/package.json": JSON.stringify({ dependencies: { express: "4", "groq-sdk": "0.9" } }), "backend/src/services/aiService.js": SERVICE });
    const server = `const express = require("express");
const app = express();
app.post("/api/messages", authenticate, async (req, res) => {
  const aiService = require("./services/aiService");
  res.json({ reply: await aiService.generateResponse(req.body.content) });
});
app.post("/api/history", async (req, res) => {
  const aiService = require("./services/aiService");
  res.json(aiService.formatHistory(req.body.messages));
});
`;
    assert.deepEqual(findingsIn(dir, "backend/src/index.js", server), ['app.post("/api/messages") → Groq']);
  });

  it("a model the constructor builds from its client field (this.model = this.genAI.getGenerativeModel()), two modules away (debabrata013/notes-app)", () => {
    const service = `const { GoogleGenerativeAI } = require("@google/generative-ai");
class GeminiService {
  constructor() {
    this.genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);
    this.model = this.genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  }
  async generateNote(prompt) {
    const result = await this.model.generateContent(prompt);
    return { content: result.response.text() };
  }
  listTypes() {
    return ["general", "summary"];
  }
}
module.exports = new GeminiService();
`;
    const controller = `const geminiService = require("../services/geminiService");
const generateAINote = async (req, res) => res.json(await geminiService.generateNote(req.body.prompt));
const getAINoteTypes = async (req, res) => res.json(geminiService.listTypes());
module.exports = { generateAINote, getAINoteTypes };
`;
    const dir = makeRepo({
      "backend/package.json": JSON.stringify({ dependencies: { express: "4", "@google/generative-ai": "0.21" } }),
      "backend/services/geminiService.js": service,
      "backend/controllers/aiNotesController.js": controller,
    });
    const routes = `const express = require("express");
const router = express.Router();
const { generateAINote, getAINoteTypes } = require("../controllers/aiNotesController");
router.post("/generate", authenticateToken, generateAINote);
router.get("/types", authenticateToken, getAINoteTypes);
module.exports = router;
`;
    assert.deepEqual(findingsIn(dir, "backend/routes/aiNotes.js", routes), ['router.post("/generate") → Google AI (Gemini)']);
  });
});

describe("require-rate-limit: a static method of an imported controller class", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("is followed to the provider its module reaches (peddroccas/consumption-reading's Fastify routes)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { fastify: "4", "@google/generative-ai": "0.21" } }),
      "src/app.ts": `import { GoogleGenerativeAI } from "@google/generative-ai";\nconst genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);\nexport const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });\n`,
      "src/controllers/UploadController.ts": `import { model } from "../app";
export class UploadController {
  static async uploadMeasure(request: { body: { image: string } }) {
    const result = await model.generateContent(["Read the meter", { inlineData: { data: request.body.image, mimeType: "image/png" } }]);
    return result.response.text();
  }
  static async listMeasures() {
    return [];
  }
}
`,
    });
    const routes = `import type { FastifyInstance } from "fastify";
import { UploadController } from "./controllers/UploadController";
export async function appRoutes(app: FastifyInstance) {
  app.post("/upload", UploadController.uploadMeasure);
  app.get("/list", UploadController.listMeasures);
}
`;
    assert.deepEqual(findingsIn(dir, "src/routes.ts", routes), ['app.post("/upload") → Google AI (Gemini)']);
  });
});

describe("require-rate-limit: a controller method passed through .bind()", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("is the method itself, imported or in the same file; a module may export its singleton through a const (kmmuntasir/groq-api-proxy)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", "groq-sdk": "0.9" } }),
      "src/services/groqService.js": `const Groq = require("groq-sdk");
class GroqService {
  constructor() {
    this.groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
  }
  async createChatCompletion(params) {
    return this.groq.chat.completions.create(params);
  }
}
// A singleton through a const.
const groqService = new GroqService();
module.exports = groqService;
`,
      "src/controllers/chatController.js": `const groqService = require("../services/groqService");
class ChatController {
  async createChatCompletion(req, res) {
    res.json(await groqService.createChatCompletion(req.body));
  }
  async version(req, res) {
    res.json({ version: 1 });
  }
}
module.exports = new ChatController();
`,
    });
    const routes = `const express = require("express");
const chatController = require("../controllers/chatController");
const router = express.Router();
router.post("/", validate, chatController.createChatCompletion.bind(chatController));
router.get("/version", chatController.version.bind(chatController));
router.post("/limited", limiter, chatController.createChatCompletion.bind(chatController));
module.exports = router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/chatRoutes.js", routes), ['router.post("/") → Groq']);
    const local = `const express = require("express");
const OpenAI = require("openai");
const openai = new OpenAI();
async function chat(req, res) {
  res.json(await openai.chat.completions.create(req.body));
}
const app = express();
app.post("/chat", chat.bind(null));
`;
    assert.deepEqual(findingsIn(makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }) }), "src/server.js", local), ['app.post("/chat") → OpenAI']);
  });
});

describe("require-rate-limit: @hono/zod-openapi's app.openapi(route, handler)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("is a route registration: the handler is the second argument, a validation hook may follow (nicobytes/ai-api)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { hono: "4", "@hono/zod-openapi": "0.9", openai: "4" } }) });
    const code = `import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import OpenAI from "openai";
import chatRoute from "./routes/chat";
const openai = new OpenAI();
const app = new OpenAPIHono();
app.openapi(chatRoute, async (c) => c.json(await openai.chat.completions.create(await c.req.json())));
app.openapi(createRoute({ method: "post", path: "/inline" }), async (c) => c.json(await openai.chat.completions.create(await c.req.json())), (result, c) => {
  if (!result.success) return c.json({ error: "bad request" }, 400);
});
app.openapi(createRoute({ method: "get", path: "/health" }), (c) => c.json({ ok: true }));
export default app;
`;
    assert.deepEqual(findingsIn(dir, "src/index.ts", code), ['app.openapi("/inline") → OpenAI', "app.openapi(chatRoute) → OpenAI"]);
  });
});

describe("require-rate-limit: an imported factory that returns a chain built in place", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`return RunnableSequence.from([prompt, model, parser])` with the key from the caller's c.env (nicobytes/ai-api)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { hono: "4", langchain: "0.0.200" } }),
      "src/chains/openai_chain.ts": `import { ChatPromptTemplate } from "langchain/prompts";
import { StringOutputParser } from "langchain/schema/output_parser";
import { RunnableSequence } from "langchain/schema/runnable";
import { ChatOpenAI } from "langchain/chat_models/openai";

export const buildOpenAIChain = async ({ openAIApiKey }: { openAIApiKey: string }) => {
  const model = new ChatOpenAI({ modelName: "gpt-3.5-turbo", openAIApiKey });
  const prompt = ChatPromptTemplate.fromMessages([["human", "{input}"]]);
  return RunnableSequence.from([prompt, model, new StringOutputParser()]);
};

export const buildPrompt = () => RunnableSequence.from([ChatPromptTemplate.fromMessages([["human", "{input}"]])]);
`,
    });
    const code = `import { Hono } from "hono";
import { buildOpenAIChain, buildPrompt } from "./chains/openai_chain";
const app = new Hono();
app.post("/chat", async (c) => {
  const chain = await buildOpenAIChain({ openAIApiKey: c.env.OPENAI_API_KEY });
  return c.json({ message: await chain.invoke({ input: (await c.req.json()).message }) });
});
app.post("/prompt", async (c) => c.json({ message: await buildPrompt().invoke({ input: "hi" }) }));
export default app;
`;
    assert.deepEqual(findingsIn(dir, "src/index.ts", code), ['app.post("/chat") → OpenAI']);
  });
});

describe("require-rate-limit: LangChain's legacy OpenAIChat, from an imported async factory (appwrite/assistant, batch 185)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`await getOpenAIChat(…)` returning `new OpenAIChat({ openAIApiKey })` from langchain/llms/openai, also inside a QA chain", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", langchain: "0.0.150" } }),
      "src/embeddings.js": `import { OpenAIChat } from "langchain/llms/openai";
import { loadQAStuffChain } from "langchain/chains";
export const getOpenAIChat = async (onToken) =>
  new OpenAIChat({ modelName: "gpt-4o", openAIApiKey: process.env.OPENAI_API_KEY, streaming: true, callbacks: [{ handleLLMNewToken: onToken }] });
export const getRagChain = async (onToken) => loadQAStuffChain(await getOpenAIChat(onToken));
`,
    });
    const code = `import express from "express";
import { getOpenAIChat, getRagChain } from "./embeddings.js";
const app = express();
app.post("/assistant", async (req, res) => {
  const chain = await getRagChain((token) => res.write(token));
  await chain.call({ input_documents: [], question: req.body.prompt });
  res.end();
});
app.post("/generic", async (req, res) => {
  const chat = await getOpenAIChat((token) => res.write(token));
  await chat.call(req.body.prompt);
  res.end();
});
app.listen(3003);
`;
    assert.deepEqual(findingsIn(dir, "src/main.js", code), ['app.post("/assistant") → OpenAI', 'app.post("/generic") → OpenAI']);
  });
});

describe("require-rate-limit: a helper that gets its client from a singleton getter of its module", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("`const openai = getOpenAIInstance()` where the getter assigns and returns the client (statementsapp/statements_v3)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14", openai: "4" } }),
      "utils/openai.ts": `import OpenAI from "openai";
let openaiInstance: OpenAI | null = null;
function getOpenAIInstance() {
  if (!openaiInstance) {
    const apiKey = typeof window !== "undefined" ? (window as any).__NEXT_DATA__?.props?.pageProps?.openaiKey : process.env.OPENAI_API_KEY;
    openaiInstance = new OpenAI({ apiKey });
  }
  return openaiInstance;
}
export async function criticise(sentence: string): Promise<string> {
  const openai = getOpenAIInstance();
  const response = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: sentence }] });
  return response.choices[0].message.content ?? "";
}
export const greeting = () => "hello";
`,
    });
    const route = (name: string) => `import type { NextApiRequest, NextApiResponse } from "next";
import { ${name} } from "../../utils/openai";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ out: await ${name}(req.body.sentence) });
}
`;
    assert.deepEqual(findingsIn(dir, "pages/api/criticise.ts", route("criticise")), ["default → OpenAI"]);
    assert.deepEqual(findingsIn(dir, "pages/api/hello.ts", route("greeting")), []);
  });
});

describe("require-rate-limit: an instance of an imported service class made in the route file", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const service = (exportLine: string, classPrefix = "") => `const OpenAI = require("openai");
${classPrefix}class AiService {
  constructor() {
    this.client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  }
  async ask(prompt) {
    return this.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
  }
  health() {
    return "ok";
  }
}
${exportLine}
`;
  const routes = (importLine: string) => `${importLine}
const express = require("express");
const ai = new AiService();
const app = express();
app.post("/ask", async (req, res) => res.json(await ai.ask(req.body.prompt)));
app.get("/health", (req, res) => res.send(ai.health()));
`;

  it("`const ai = new AiService()`: the methods that call a provider are the routes' calls (CommonJS object export, ESM class export)", () => {
    const cjs = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }), "src/services/ai.js": service("module.exports = { AiService };") });
    assert.deepEqual(findingsIn(cjs, "src/server.js", routes(`const { AiService } = require("./services/ai");`)), ['app.post("/ask") → OpenAI']);
    const esm = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }), "src/services/ai.js": service("", "export ") });
    assert.deepEqual(findingsIn(esm, "src/server.js", routes(`import { AiService } from "./services/ai.js";`)), ['app.post("/ask") → OpenAI']);
  });
});

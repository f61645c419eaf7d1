/**
 * require-rate-limit on NestJS controllers (the model call is in an injected service, in another
 * module) and Firebase Cloud Functions (`onCall` / `onRequest`, v1 and v2), two kinds of endpoint
 * the labellers of bench/real-apps batches 20–22 found unlimited and the rule did not know
 * (Wx-lin/element-ai-vue-demo's `@Post()` chat route, adrienlefvr/commune-ai-react's and
 * rc-dev16/Clario's `onCall` functions).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
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

const SERVICE = `import { Injectable } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";
import OpenAI from "openai";

@Injectable()
export class ChatService {
  private readonly openai = new OpenAI({ apiKey: this.config.get("OPENAI_API_KEY") });
  constructor(private readonly config: ConfigService) {}

  async ask(question: string) {
    return this.complete([{ role: "user", content: question }]);
  }

  private async complete(messages: OpenAI.ChatCompletionMessageParam[]) {
    const completion = await this.openai.chat.completions.create({ model: "gpt-4o-mini", messages });
    return completion.choices[0].message;
  }

  history() {
    return [];
  }
}
`;

// A service that reaches the model through another injected service, and one that builds its client in the constructor.
const SUMMARY_SERVICE = `import { Injectable } from "@nestjs/common";
import { ChatService } from "./chat.service";

@Injectable()
export class SummaryService {
  constructor(private readonly chat: ChatService) {}
  summarize(text: string) {
    return this.chat.ask("Summarize: " + text);
  }
}
`;
const GROQ_SERVICE = `import { Injectable } from "@nestjs/common";
import Groq from "groq-sdk";

@Injectable()
export class GroqService {
  private client: Groq;
  constructor() {
    this.client = new Groq({ apiKey: process.env.GROQ_API_KEY });
  }
  async translate(text: string) {
    return this.client.chat.completions.create({ model: "llama-3.1-8b-instant", messages: [{ role: "user", content: text }] });
  }
}
`;

const controller = (decorators: { cls?: string; ask?: string } = {}) => `import { Body, Controller, Get, Post, UseGuards } from "@nestjs/common";
import { ThrottlerGuard, Throttle, SkipThrottle } from "@nestjs/throttler";
import { ChatService } from "./chat.service";
import { SummaryService } from "./summary.service";
import { GroqService } from "./groq.service";

${decorators.cls ?? ""}
@Controller("chat")
export class ChatController {
  constructor(
    private readonly chatService: ChatService,
    private readonly summaries: SummaryService,
    private groq: GroqService,
  ) {}

  ${decorators.ask ?? ""}
  @Post()
  async ask(@Body() body: { question: string }) {
    return this.chatService.ask(body.question);
  }

  @Get("history")
  history() {
    return this.chatService.history();
  }

  @Post("summary")
  summary(@Body("text") text: string) {
    return this.summaries.summarize(text);
  }

  @Post("translate")
  translate(@Body("text") text: string) {
    return this.groq.translate(text);
  }

  // Not a route: no HTTP method decorator.
  helper() {
    return this.chatService.ask("ping");
  }
}
`;

const ALL_ROUTES = ["ChatController.ask (@Post) → OpenAI", "ChatController.summary (@Post) → OpenAI", "ChatController.translate (@Post) → Groq"];

describe("require-rate-limit: NestJS controllers", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const app = (extra: Record<string, string> = {}) =>
    makeRepo({
      "package.json": JSON.stringify({ dependencies: { "@nestjs/common": "10", "@nestjs/core": "10", "@nestjs/throttler": "6", openai: "4", "groq-sdk": "0.9" } }),
      "src/chat/chat.service.ts": SERVICE,
      "src/chat/summary.service.ts": SUMMARY_SERVICE,
      "src/chat/groq.service.ts": GROQ_SERVICE,
      "src/main.ts": `import { NestFactory } from "@nestjs/core";\nimport { AppModule } from "./app.module";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableCors();\n  await app.listen(3000);\n}\nbootstrap();\n`,
      ...extra,
    });

  it("reports each route whose injected service calls a provider (through the service's own methods and other services), not the others", () => {
    assert.deepEqual(findingsIn(app(), "src/chat/chat.controller.ts", controller()), ALL_ROUTES);
  });

  it("a throttler guard or @Throttle on the class or the method is a limit", () => {
    const dir = app();
    assert.deepEqual(findingsIn(dir, "src/chat/a.controller.ts", controller({ cls: "@UseGuards(ThrottlerGuard)" })), []);
    assert.deepEqual(findingsIn(dir, "src/chat/b.controller.ts", controller({ ask: "@Throttle({ default: { limit: 3, ttl: 60000 } })" })), ALL_ROUTES.slice(1));
    // An auth guard is not a limit.
    assert.deepEqual(findingsIn(dir, "src/chat/c.controller.ts", controller({ cls: "@UseGuards(JwtAuthGuard)" })), ALL_ROUTES);
  });

  it("a guard registered for the whole app limits every route but one that skips the throttler", () => {
    const module = `import { Module } from "@nestjs/common";
import { APP_GUARD } from "@nestjs/core";
import { ThrottlerGuard, ThrottlerModule } from "@nestjs/throttler";
@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
`;
    const dir = app({ "src/app.module.ts": module });
    assert.deepEqual(findingsIn(dir, "src/chat/chat.controller.ts", controller()), []);
    assert.deepEqual(findingsIn(dir, "src/chat/skip.controller.ts", controller({ ask: "@SkipThrottle()" })), ["ChatController.ask (@Post) → OpenAI"]);
  });

  it("express-rate-limit applied in main.ts limits every route; another APP_GUARD does not", () => {
    const main = `import { NestFactory } from "@nestjs/core";\nimport rateLimit from "express-rate-limit";\nimport { AppModule } from "./app.module";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(rateLimit({ windowMs: 60_000, limit: 20 }));\n  await app.listen(3000);\n}\nbootstrap();\n`;
    assert.deepEqual(findingsIn(app({ "src/main.ts": main }), "src/chat/chat.controller.ts", controller()), []);
    const authOnly = `import { Module } from "@nestjs/common";\nimport { APP_GUARD } from "@nestjs/core";\n@Module({ providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })\nexport class AppModule {}\n`;
    assert.deepEqual(findingsIn(app({ "src/app.module.ts": authOnly }), "src/chat/chat.controller.ts", controller()), ALL_ROUTES);
  });

  it("@fastify/rate-limit registered on the Fastify adapter in main.ts limits every route; CSRF protection alone does not", () => {
    // Albert-Min/neithhoggr-openai-api's main.ts (batch 31).
    const main = (plugins: string) => `import fastifyCsrf from "@fastify/csrf-protection";
import fastifyRateLimit from "@fastify/rate-limit";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, NestFastifyApplication } from "@nestjs/platform-fastify";
import { AppModule } from "./app.module";
async function bootstrap() {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter());
${plugins}
  await app.listen(3000, "0.0.0.0");
}
bootstrap();
`;
    const limited = main(`  await app.register(fastifyCsrf);\n  await app.register(fastifyRateLimit, { max: 100, timeWindow: "1 minute" });`);
    assert.deepEqual(findingsIn(app({ "src/main.ts": limited }), "src/chat/chat.controller.ts", controller()), []);
    const csrfOnly = main(`  await app.register(fastifyCsrf);`);
    assert.deepEqual(findingsIn(app({ "src/main.ts": csrfOnly }), "src/chat/chat.controller.ts", controller()), ALL_ROUTES);
  });

  it("a service that posts to a provider's API host kept in a field (Wx-lin/element-ai-vue-demo's DeepSeek chat)", () => {
    const service = `import { Injectable } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";
import axios from "axios";
@Injectable()
export class DeepseekService {
  private readonly apiUrl = "https://api.deepseek.com/chat/completions";
  constructor(private configService: ConfigService) {}
  async chat(message: string) {
    const apiKey = this.configService.get<string>("DEEPSEEK_API_KEY");
    const response = await axios.post(this.apiUrl, { model: "deepseek-chat", messages: [{ role: "user", content: message }] }, { headers: { Authorization: \`Bearer \${apiKey}\` } });
    return response.data;
  }
}
`;
    const controllerCode = `import { Body, Controller, Post } from "@nestjs/common";
import { DeepseekService } from "./deepseek.service";
@Controller("api/chat")
export class DeepseekController {
  constructor(private readonly chatService: DeepseekService) {}
  @Post()
  async chat(@Body("message") message: string) {
    return this.chatService.chat(message);
  }
}
`;
    assert.deepEqual(findingsIn(app({ "src/deepseek.service.ts": service }), "src/deepseek.controller.ts", controllerCode), ["DeepseekController.chat (@Post) → DeepSeek"]);
    // The host set by the constructor instead, and read inside a template (as jenniferccao/Chirp's ElevenLabs class, batch 35).
    const setInConstructor = service
      .replace(`  private readonly apiUrl = "https://api.deepseek.com/chat/completions";\n  constructor(private configService: ConfigService) {}`, `  private readonly baseUrl: string;\n  constructor(private configService: ConfigService) {\n    this.baseUrl = "https://api.deepseek.com";\n  }`)
      .replace("axios.post(this.apiUrl,", "axios.post(`${this.baseUrl}/chat/completions`,");
    assert.notEqual(setInConstructor, service);
    assert.deepEqual(findingsIn(app({ "src/deepseek.service.ts": setInConstructor }), "src/deepseek.controller.ts", controllerCode), ["DeepseekController.chat (@Post) → DeepSeek"]);
  });

  it("a client field known by its SDK type, made by another service's factory or injected (huoshan25/hsBlog_api, batch 38)", () => {
    const factory = `import { Injectable } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";
import OpenAI from "openai";
@Injectable()
export class LlmConfigService {
  constructor(private configService: ConfigService) {}
  createClient() {
    return new OpenAI({ baseURL: this.configService.get("DEEPSEEK_BASE_URL"), apiKey: this.configService.get("DEEPSEEK_API_KEY") });
  }
}
`;
    const service = (field: string, constructor: string) => `import { Injectable } from "@nestjs/common";
import type OpenAI from "openai";
import { LlmConfigService } from "./llm-config.service";
@Injectable()
export class LlmService {
  ${field}
  constructor(${constructor}) {
    this.client = this.llmConfig.createClient();
  }
  async chat(content: string) {
    return this.client.chat.completions.create({ model: "deepseek-chat", messages: [{ role: "user", content }] });
  }
}
`;
    const controllerCode = `import { Body, Controller, Post } from "@nestjs/common";
import { LlmService } from "./llm.service";
@Controller("llm")
export class LlmController {
  constructor(private readonly llm: LlmService) {}
  @Post("chat")
  chat(@Body("content") content: string) {
    return this.llm.chat(content);
  }
}
`;
    const files = (serviceCode: string) => app({ "src/llm-config.service.ts": factory, "src/llm.service.ts": serviceCode });
    assert.deepEqual(findingsIn(files(service("private client: OpenAI;", "private llmConfig: LlmConfigService")), "src/llm.controller.ts", controllerCode), ["LlmController.chat (@Post) → OpenAI"]);
    // Injected into the constructor (a custom provider), no factory call.
    const injected = service("", "private client: OpenAI").replace("    this.client = this.llmConfig.createClient();\n", "");
    assert.deepEqual(findingsIn(files(injected), "src/llm.controller.ts", controllerCode), ["LlmController.chat (@Post) → OpenAI"]);
    // A field typed with something else is no client.
    assert.deepEqual(findingsIn(files(service("private client: Map<string, string>;", "private llmConfig: LlmConfigService")), "src/llm.controller.ts", controllerCode), []);
  });

  it("a controller that calls the provider itself, through a client field", () => {
    const direct = `import { Body, Controller, Post } from "@nestjs/common";
import Anthropic from "@anthropic-ai/sdk";
@Controller("ask")
export class AskController {
  private anthropic = new Anthropic();
  @Post()
  ask(@Body() body: { q: string }) {
    return this.anthropic.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 256, messages: [{ role: "user", content: body.q }] });
  }
}
`;
    assert.deepEqual(findingsIn(app(), "src/ask.controller.ts", direct), ["AskController.ask (@Post) → Anthropic"]);
  });
});

describe("require-rate-limit: Firebase Cloud Functions", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const functionsDir = () => makeRepo({ "functions/package.json": JSON.stringify({ dependencies: { "firebase-functions": "6", "firebase-admin": "12", openai: "4", "@google/generative-ai": "0.21" } }) });

  it("v2 onCall and onRequest (with options first) that call a provider", () => {
    const code = `import { onCall, onRequest, HttpsError } from "firebase-functions/v2/https";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { GoogleGenerativeAI } from "@google/generative-ai";
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);

export const ask = onCall({ secrets: ["GEMINI_API_KEY"], enforceAppCheck: true }, async (request) => {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in first");
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  return (await model.generateContent(request.data.prompt)).response.text();
});

export const summarize = onRequest(async (req, res) => {
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  res.send((await model.generateContent(req.body.text)).response.text());
});

export const health = onRequest((req, res) => res.send("ok"));

// A Firestore trigger runs on a write, not on a request from the internet.
export const tag = onDocumentCreated("notes/{id}", async (event) => {
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  await model.generateContent(event.data.get("text"));
});
`;
    assert.deepEqual(findingsIn(functionsDir(), "functions/src/index.ts", code), ["ask (onCall) → Google AI (Gemini)", "summarize (onRequest) → Google AI (Gemini)"]);
  });

  it("v1 functions.https and functions.region(…).https, CommonJS exports; a limiter inside holds", () => {
    const code = `const functions = require("firebase-functions");
const OpenAI = require("openai");
const { FirebaseFunctionsRateLimiter } = require("firebase-functions-rate-limiter");
const openai = new OpenAI({ apiKey: functions.config().openai.key });
const limiter = FirebaseFunctionsRateLimiter.withFirestoreBackend({ name: "ask", maxCalls: 10, periodSeconds: 60 }, admin.firestore());

exports.callOpenAIAPI = functions.region("europe-west1").https.onCall(async (data, context) => {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: data.messages });
  return completion.choices[0].message;
});

exports.limited = functions.https.onRequest(async (req, res) => {
  await limiter.rejectOnQuotaExceededOrRecordUsage();
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
});
`;
    assert.deepEqual(findingsIn(functionsDir(), "functions/index.js", code), ["callOpenAIAPI (onCall) → OpenAI"]);
  });

  it("v2's HTTPS module imported whole, and tsc's CommonJS output of it (DJ-Greenwood/bubbas-app, batch 53)", () => {
    const source = `import * as functions from "firebase-functions/v2/https";
import { defineSecret } from "firebase-functions/params";
import { GoogleGenerativeAI } from "@google/generative-ai";
const GEMINI_API_KEY = defineSecret("gemini-key");
export const callGemini = functions.onCall({ secrets: [GEMINI_API_KEY] }, async (request) => {
  const genAI = new GoogleGenerativeAI(GEMINI_API_KEY.value());
  return (await genAI.getGenerativeModel({ model: "gemini-1.5-flash" }).generateContent(request.data.prompt)).response.text();
});
`;
    assert.deepEqual(findingsIn(functionsDir(), "functions/src/gemini.ts", source), ["callGemini (onCall) → Google AI (Gemini)"]);
    const compiled = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callOpenAI = exports.summarize = void 0;
const functions = __importStar(require("firebase-functions/v2/https"));
const https_1 = require("firebase-functions/v2/https");
const params_1 = require("firebase-functions/params");
const openai_1 = __importDefault(require("openai"));
const OPENAI_API_KEY = (0, params_1.defineSecret)("openai-key");
exports.callOpenAI = functions.onCall({ secrets: [OPENAI_API_KEY] }, async (request) => {
  const openai = new openai_1.default({ apiKey: OPENAI_API_KEY.value() });
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: request.data.messages });
});
exports.summarize = (0, https_1.onRequest)(async (req, res) => {
  const openai = new openai_1.default({ apiKey: OPENAI_API_KEY.value() });
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
});
`;
    assert.deepEqual(findingsIn(functionsDir(), "functions/lib/openai.js", compiled), ["callOpenAI (onCall) → OpenAI", "summarize (onRequest) → OpenAI"]);
  });

  it("onRequest serving an Express app: its routes are read as Express routes", () => {
    const code = `const { onRequest } = require("firebase-functions/v2/https");
const express = require("express");
const OpenAI = require("openai");
const openai = new OpenAI();
const app = express();
app.post("/chat", async (req, res) => res.json(await openai.chat.completions.create(req.body)));
exports.api = onRequest(app);
`;
    assert.deepEqual(findingsIn(functionsDir(), "functions/index.js", code), ['app.post("/chat") → OpenAI']);
  });

  it("a handler another module exports (highopenended/ai_project, batch 37); an Express app another module exports is read through its own routes", () => {
    const dir = functionsDir();
    const write = (rel: string, text: string) => fs.writeFileSync(path.join(dir, rel), text);
    fs.mkdirSync(path.join(dir, "functions/src"), { recursive: true });
    write("functions/src/config.js", `const OpenAI = require("openai");\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nmodule.exports = { openai };\n`);
    write("functions/src/chatHandler.js", `const { openai } = require("./config");\nasync function chatEndpoint(req, res) {\n  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));\n}\nmodule.exports = chatEndpoint;\n`);
    write("functions/src/app.js", `const express = require("express");\nconst { openai } = require("./config");\nconst app = express();\napp.post("/chat", async (req, res) => res.json(await openai.chat.completions.create(req.body)));\nmodule.exports = app;\n`);
    const index = `const functions = require("firebase-functions/v1");
const chatEndpoint = require("./chatHandler");
const app = require("./app");
exports.chat = functions.https.onRequest(chatEndpoint);
exports.api = functions.https.onRequest(app);
`;
    assert.deepEqual(findingsIn(dir, "functions/src/index.js", index), ["chat (onRequest) → OpenAI"]);
  });
});

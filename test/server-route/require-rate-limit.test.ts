import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import requireRateLimit from "../../eslint-plugin/src/rules/require-rate-limit";
import { nextAppHost, webRouteText } from "../../eslint-plugin/src/engine/server-route/templates/web-route";
import { nextPagesRouteText } from "../../eslint-plugin/src/engine/server-route/templates/next-pages";
import type { RouteSpec } from "../../eslint-plugin/src/engine/server-route/templates/spec";
import { nodeClientIp, rateLimiter, webClientIp } from "../../eslint-plugin/src/engine/server-route/templates/policy";
import { ruleTester } from "../support/rule-tester";
import { FIXTURES } from "./fixture-project";

// The plugin and the rule tester resolve two copies of @typescript-eslint/utils: same shape, other type identity.
const rule = requireRateLimit as unknown as RuleModule<"missingRateLimit" | "addInMemoryRateLimit", [{ limiterNames?: string[] }]>;

const APP_ROUTE = path.join(FIXTURES, "rules", "app", "api", "chat", "route.ts");
const PAGES_ROUTE = path.join(FIXTURES, "rules", "pages", "api", "chat.ts");
const SERVER = path.join(FIXTURES, "rules", "server", "index.ts");
const LIB = path.join(FIXTURES, "rules", "src", "lib", "ai.ts");
const WITH_MIDDLEWARE = path.join(FIXTURES, "middleware-app", "app", "api", "chat", "route.ts");
const OUTSIDE_MATCHER = path.join(FIXTURES, "middleware-app", "app", "admin", "ai", "route.ts");
const NO_LIMIT_MIDDLEWARE = path.join(FIXTURES, "middleware-app-src", "src", "app", "api", "chat", "route.ts");

const SPEC: RouteSpec = {
  providerName: "OpenAI",
  keyEnvVar: "OPENAI_API_KEY",
  baseUrlEnvVar: "OPENAI_BASE_URL",
  defaultBaseUrl: "https://api.openai.com/v1",
  apiPath: "/chat/completions",
  authHeader: "Authorization",
  authScheme: "Bearer",
  fixedHeaders: {},
  allowedModels: ["gpt-4o-mini"],
  maxTokens: 1024,
  tokenFields: ["max_completion_tokens", "max_tokens"],
  defaultTokenField: "max_completion_tokens",
  rateLimiter: "memory",
  slug: "openai",
  typescript: true,
};

/**
 * The limiter block the suggestion appends is the generated routes' own (run for real in
 * generated-route.test.ts); what these cases pin down is where the check goes and what it says.
 */
function limiterBlock(kind: "web" | "node" | "hono", typescript: boolean): string {
  const spec = { ...SPEC, typescript };
  const clientIp = kind !== "node" ? webClientIp(typescript, kind === "hono") : nodeClientIp(typescript, 'Pick<import("node:http").IncomingMessage, "headers" | "socket">');
  return ["// Added by KeyFence: each client (IP address, as the host reports it) may send RATE_LIMIT requests a minute.", "const RATE_LIMIT = 20;", rateLimiter(spec), clientIp].join("\n");
}
const WEB_CHECK = (param: string, indent = "  ") =>
  `${indent}const limit = await checkRateLimit(clientIp(${param}));
${indent}if (!limit.ok) {
${indent}  return new Response("Too many requests. Try again later.", { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
${indent}}
`;
const ADD_LIMIT = "addInMemoryRateLimit" as const;

const OPENAI_CLIENT = `import OpenAI from "openai";
const openai = new OpenAI();
`;

ruleTester().run("require-rate-limit", rule, {
  valid: [
    {
      name: "an AI SDK call whose model runs locally (Ollama) spends no provider's quota",
      filename: APP_ROUTE,
      code: `import { createOllama } from "ollama-ai-provider";
import { streamText } from "ai";
const ollama = createOllama();
export const POST = async ({ request }: { request: Request }) => streamText({ model: ollama("llama3.1"), prompt: await request.text() }).toDataStreamResponse();`,
    },
    {
      // huggingface/chat-ui's admin export: the Hub client uploads a dataset, it runs no model.
      name: "a route that uploads files with the Hugging Face Hub client",
      filename: APP_ROUTE,
      code: `import { uploadFile } from "@huggingface/hub";
export async function POST(request: Request) {
  const { path } = await request.json();
  await uploadFile({ repo: { type: "dataset", name: "acme/export" }, file: { path, content: new Blob([]) }, accessToken: process.env.HF_TOKEN });
  return new Response(null, { status: 204 });
}`,
    },
    {
      // A real app's feedback route (miurla/morphic): a score sent to a tracing service spends no model quota.
      name: "a route that only sends Langfuse a feedback score",
      filename: APP_ROUTE,
      code: `import { LangfuseClient } from "@langfuse/client";
export async function POST(request: Request) {
  const { traceId, score } = await request.json();
  const langfuse = new LangfuseClient();
  await langfuse.score.create({ traceId, name: "user_feedback", value: score });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: "App Router route limited with @upstash/ratelimit",
      filename: APP_ROUTE,
      code: `${OPENAI_CLIENT}import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
const rl = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(5, "60 s") });
export async function POST(request: Request) {
  const { success } = await rl.limit(request.headers.get("x-forwarded-for") ?? "anon");
  if (!success) return new Response("slow down", { status: 429 });
  return Response.json(await openai.chat.completions.create(await request.json()));
}`,
    },
    {
      name: "a called function whose name says rate limit",
      filename: APP_ROUTE,
      code: `${OPENAI_CLIENT}import { checkRateLimit } from "@/lib/limits";
export const POST = async (request: Request) => {
  if (!(await checkRateLimit(request))) return new Response(null, { status: 429 });
  return Response.json(await openai.responses.create({ model: "gpt-4o-mini", input: "hi" }));
};`,
    },
    {
      name: "a per-user quota that answers rate_limit (vercel/ai-chatbot)",
      filename: APP_ROUTE,
      code: `${OPENAI_CLIENT}
export async function POST(request: Request) {
  const count = await getMessageCountByUserId(request);
  if (count > 100) return new ChatSDKError("rate_limit:chat").toResponse();
  return Response.json(await openai.chat.completions.create(await request.json()));
}`,
    },
    {
      name: "a bring-your-own-key client spends the user's quota (chatbot-ui)",
      filename: APP_ROUTE,
      code: `import OpenAI from "openai";
export async function POST(request: Request) {
  const profile = await getServerProfile();
  const groq = new OpenAI({ apiKey: profile.groq_api_key || "", baseURL: "https://api.groq.com/openai/v1" });
  return Response.json(await groq.chat.completions.create(await request.json()));
}`,
    },
    {
      // yehiaabdelm/chat (batch 88): the user's own key, decrypted from their row (held in a variable named
      // for config), given to a client the branches assign to a `let`.
      name: "a client assigned in a branch, keyed with the key decrypted from the user's row",
      filename: APP_ROUTE,
      code: `import { createOpenAI } from "@ai-sdk/openai";
import { streamText } from "ai";
export async function POST(request: Request) {
  const model = await db.models.findFirst({ where: { id: (await request.json()).modelId } });
  const endpointConfig = model.endpoints[0].endpoint;
  const apiKey = decrypt(endpointConfig.userEndpoints[0].apiKey, process.env.SECRET_KEY);
  let aiClient;
  if (endpointConfig.name === "openai") {
    aiClient = createOpenAI({ apiKey: apiKey });
  } else {
    return new Response("Unsupported", { status: 400 });
  }
  return streamText({ model: aiClient("gpt-4o-mini"), prompt: "hi" }).toTextStreamResponse();
}`,
    },
    {
      // RealityMoez/risu-chatbot's api/chat.js (batch 55): the key from the caller's cookie, wrapped for Azure's SDK.
      name: "an Azure client given the caller's key as an AzureKeyCredential spends the caller's quota",
      filename: PAGES_ROUTE,
      code: `import ModelClient from "@azure-rest/ai-inference";
import { AzureKeyCredential } from "@azure/core-auth";
export default async function handler(req, res) {
  const apiKey = req.cookies.API_KEY;
  const client = ModelClient("https://models.inference.ai.azure.com", new AzureKeyCredential(apiKey));
  const response = await client.path("/chat/completions").post({ body: { messages: req.body.messages } });
  res.status(200).json(response.body);
}`,
    },
    {
      name: "a fetch that forwards the caller's own key spends the caller's quota (Pantry-Management)",
      filename: PAGES_ROUTE,
      code: `export default async function handler(req, res) {
  const r = await fetch("https://openrouter.ai/api/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${req.headers["authorization"]}\`, "Content-Type": "application/json" },
    body: JSON.stringify(req.body),
  });
  res.status(200).json(await r.json());
}`,
    },
    {
      // dcrebbin/ai-leetcode-coach's routes (batch 56): the headers object in a const, the key in a template's hole.
      name: "the caller's key header read into a const, sent in a headers const's Bearer template",
      filename: APP_ROUTE,
      code: `export async function POST(req: Request) {
  const apiKey = req.headers.get("x-api-key");
  const headers: any = { "Content-Type": "application/json", Authorization: \`Bearer \${apiKey}\` };
  const response = await fetch("https://api.openai.com/v1/chat/completions", { headers: headers, body: await req.text(), method: "POST" });
  return new Response(await response.text());
}`,
    },
    {
      name: "the caller's header kept in a const first, then forwarded (Dr-Ewa/psychoed-pro, batch 40)",
      filename: PAGES_ROUTE,
      code: `export default async function handler(req, res) {
  const authHeader = req.headers["authorization"];
  if (!authHeader) return res.status(401).json({ error: "Missing API key" });
  const response = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: authHeader },
    body: JSON.stringify(req.body),
  });
  return res.status(response.status).json(await response.json());
}`,
    },
    {
      name: "axios.post that forwards the caller's own key, and axios to a host that is no provider",
      filename: SERVER,
      code: `const express = require("express");
const axios = require("axios");
const app = express();
app.post("/api/byok", async (req, res) => {
  const r = await axios.post("https://api.openai.com/v1/chat/completions", req.body, {
    headers: { Authorization: req.headers.authorization },
  });
  res.json(r.data);
});
app.get("/api/weather", async (req, res) => res.json((await axios.get("https://api.weather.example/v1/today")).data));`,
    },
    {
      name: "a handler that answers 429 when over its own quota",
      filename: APP_ROUTE,
      code: `${OPENAI_CLIENT}
export async function POST(request: Request) {
  if (await overQuota(request)) return Response.json({ error: "quota" }, { status: 429 });
  return Response.json(await openai.chat.completions.create(await request.json()));
}`,
    },
    {
      // huggingface/chat-ui's conversation route counts a user's messages and calls SvelteKit's error(429, …).
      name: "a handler that throws a 429 over its own quota: error(429, …), res.status(429), HttpStatus.TOO_MANY_REQUESTS",
      filename: SERVER,
      code: `const express = require("express");
const OpenAI = require("openai");
const openai = new OpenAI();
const app = express();
app.post("/a", async (req, res) => {
  if (await overQuota(req)) error(429, MESSAGES.rateLimited);
  res.json(await openai.chat.completions.create(req.body));
});
app.post("/b", async (req, res) => {
  if (await overQuota(req)) return res.status(429).end();
  res.json(await openai.chat.completions.create(req.body));
});
app.post("/c", async (req, res) => {
  if (await overQuota(req)) throw new HttpException("slow down", HttpStatus.TOO_MANY_REQUESTS);
  res.json(await openai.chat.completions.create(req.body));
});`,
    },
    { name: "the App Router route KeyFence generates", filename: APP_ROUTE, code: webRouteText(SPEC, nextAppHost(SPEC, "Next.js App Router route handler.")) },
    { name: "the Pages Router route KeyFence generates", filename: PAGES_ROUTE, code: nextPagesRouteText(SPEC) },
    { name: "the Upstash variant KeyFence generates", filename: APP_ROUTE, code: webRouteText({ ...SPEC, rateLimiter: "upstash" }, nextAppHost(SPEC, "")) },
    {
      name: "Pages Router handler wrapped in a limiter",
      filename: PAGES_ROUTE,
      code: `import Anthropic from "@anthropic-ai/sdk";
import { withRateLimit } from "../../lib/with-rate-limit";
const anthropic = new Anthropic();
export default withRateLimit(async (req, res) => {
  res.json(await anthropic.messages.create(req.body));
});`,
    },
    {
      name: "rate-limiter-flexible, under any variable name",
      filename: PAGES_ROUTE,
      code: `import { RateLimiterMemory } from "rate-limiter-flexible";
const quota = new RateLimiterMemory({ points: 10, duration: 60 });
export default async function handler(req, res) {
  await quota.consume(req.socket.remoteAddress);
  const r = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify(req.body) });
  res.json(await r.json());
}`,
    },
    {
      name: "Fastify: await fastify.register(rateLimit) before the route",
      filename: SERVER,
      code: `import Fastify from "fastify";
import rateLimit from "@fastify/rate-limit";
import OpenAI from "openai";
const fastify = Fastify();
const client = new OpenAI();
await fastify.register(rateLimit, { max: 20, timeWindow: "1 minute" });
fastify.post("/chat", async (request) => client.chat.completions.create(request.body));`,
    },
    {
      // Ben41k/AI_nutritionist (batch 77): @fastify/rate-limit's per-route setting, and a limiter among the route's hooks.
      name: "Fastify: a route's own config.rateLimit, or a limiter in its preHandler",
      filename: SERVER,
      code: `import Fastify from "fastify";
import OpenAI from "openai";
const app = Fastify();
const client = new OpenAI();
app.post("/meals", { config: { rateLimit: { max: 5, timeWindow: "1 minute" } } }, async (request) => client.chat.completions.create(request.body));
app.post("/chat", { preHandler: [app.authenticate, app.rateLimit({ max: 5 })] }, async (request) => client.chat.completions.create(request.body));`,
    },
    {
      name: "Fastify: a full route declaration with its own config.rateLimit or a limiter in its preHandler",
      filename: SERVER,
      code: `import Fastify from "fastify";
import OpenAI from "openai";
const app = Fastify();
const client = new OpenAI();
app.route({ method: "POST", url: "/meals", config: { rateLimit: { max: 5, timeWindow: "1 minute" } }, handler: async (request) => client.chat.completions.create(request.body) });
app.route({ method: "POST", url: "/chat", preHandler: [app.rateLimit({ max: 5 })], handler: async (request) => client.chat.completions.create(request.body) });`,
    },
    {
      name: "Express: app.use(limiter) before the route",
      filename: SERVER,
      code: `import express from "express";
import rateLimit from "express-rate-limit";
import OpenAI from "openai";
const app = express();
const client = new OpenAI();
app.use(rateLimit({ windowMs: 60_000, limit: 20 }));
app.post("/chat", async (req, res) => {
  res.json(await client.chat.completions.create(req.body));
});`,
    },
    {
      name: "Express: limiter passed as route middleware",
      filename: SERVER,
      code: `import express from "express";
import rateLimit from "express-rate-limit";
import Groq from "groq-sdk";
const app = express();
const groq = new Groq();
const aiLimit = rateLimit({ limit: 5 });
app.post("/chat", aiLimit, async (req, res) => {
  res.json(await groq.chat.completions.create(req.body));
});`,
    },
    {
      name: "Next.js middleware.ts rate-limits /api/*",
      filename: WITH_MIDDLEWARE,
      code: `${OPENAI_CLIENT}export async function POST(request: Request) {
  return Response.json(await openai.chat.completions.create(await request.json()));
}`,
    },
    {
      name: "limiterNames option",
      filename: APP_ROUTE,
      options: [{ limiterNames: ["guard"] }],
      code: `${OPENAI_CLIENT}import { guard } from "@/lib/guard";
export async function POST(request: Request) {
  await guard(request);
  return Response.json(await openai.chat.completions.create(await request.json()));
}`,
    },
    {
      name: "not a route: a library module",
      filename: LIB,
      code: `${OPENAI_CLIENT}export async function ask(q: string) { return openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); }`,
    },
    {
      name: "a route that calls no AI provider",
      filename: APP_ROUTE,
      code: `import OpenAI from "openai";
export async function GET() { return Response.json(await fetch("https://example.com/data").then((r) => r.json())); }`,
    },
  ],
  invalid: [
    {
      // 1Yanik3/Stash (batch 87): `env["MISTRAL_API_KEY"]` is the server's env as `env.MISTRAL_API_KEY` is.
      name: "a client keyed from env written with brackets spends the server's quota",
      filename: APP_ROUTE,
      code: `import { Mistral } from "@mistralai/mistralai";
import { env } from "$env/dynamic/private";
const client = new Mistral({ apiKey: env["MISTRAL_API_KEY"] });
export async function POST(req: Request) {
  return Response.json(await client.chat.complete({ model: "mistral-small-latest", messages: await req.json() }));
}`,
      errors: [{ messageId: "missingRateLimit", line: 4, suggestions: [{ messageId: ADD_LIMIT, output: `import { Mistral } from "@mistralai/mistralai";
import { env } from "$env/dynamic/private";
const client = new Mistral({ apiKey: env["MISTRAL_API_KEY"] });
export async function POST(req: Request) {
${WEB_CHECK("req")}  return Response.json(await client.chat.complete({ model: "mistral-small-latest", messages: await req.json() }));
}

${limiterBlock("web", true)}` }] }],
    },
    {
      name: "a client keyed through a local alias of the env (named for config) spends the server's quota",
      filename: APP_ROUTE,
      code: `import OpenAI from "openai";
export async function POST(req: Request) {
  const appConfig = globalThis.process.env;
  const openai = new OpenAI({ apiKey: appConfig.OPENAI_API_KEY });
  return Response.json(await openai.chat.completions.create(await req.json()));
}`,
      errors: [{ messageId: "missingRateLimit", line: 2, suggestions: [{ messageId: ADD_LIMIT, output: `import OpenAI from "openai";
export async function POST(req: Request) {
${WEB_CHECK("req")}  const appConfig = globalThis.process.env;
  const openai = new OpenAI({ apiKey: appConfig.OPENAI_API_KEY });
  return Response.json(await openai.chat.completions.create(await req.json()));
}

${limiterBlock("web", true)}` }] }],
    },
    {
      name: "a headers const whose Bearer template holds the server's key",
      filename: APP_ROUTE,
      code: `export async function POST(req: Request) {
  const apiKey = process.env.OPENAI_API_KEY;
  const headers: any = { "Content-Type": "application/json", Authorization: \`Bearer \${apiKey}\` };
  const response = await fetch("https://api.openai.com/v1/chat/completions", { headers: headers, body: await req.text(), method: "POST" });
  return new Response(await response.text());
}`,
      errors: [{ messageId: "missingRateLimit", line: 1, suggestions: [{ messageId: ADD_LIMIT, output: `export async function POST(req: Request) {
${WEB_CHECK("req")}  const apiKey = process.env.OPENAI_API_KEY;
  const headers: any = { "Content-Type": "application/json", Authorization: \`Bearer \${apiKey}\` };
  const response = await fetch("https://api.openai.com/v1/chat/completions", { headers: headers, body: await req.text(), method: "POST" });
  return new Response(await response.text());
}

${limiterBlock("web", true)}` }] }],
    },
    {
      name: "an Azure client given the server's key as an AzureKeyCredential spends the server's quota",
      filename: PAGES_ROUTE,
      code: `import ModelClient from "@azure-rest/ai-inference";
import { AzureKeyCredential } from "@azure/core-auth";
export default async function handler(req, res) {
  const client = ModelClient("https://models.inference.ai.azure.com", new AzureKeyCredential(process.env.GITHUB_TOKEN));
  const response = await client.path("/chat/completions").post({ body: { messages: req.body.messages } });
  res.status(200).json(response.body);
}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 3,
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `import ModelClient from "@azure-rest/ai-inference";
import { AzureKeyCredential } from "@azure/core-auth";
export default async function handler(req, res) {
  const limit = await checkRateLimit(clientIp(req));
  if (!limit.ok) {
    res.setHeader("Retry-After", String(limit.retryAfterSeconds));
    res.statusCode = 429;
    res.end("Too many requests. Try again later.");
    return;
  }
  const client = ModelClient("https://models.inference.ai.azure.com", new AzureKeyCredential(process.env.GITHUB_TOKEN));
  const response = await client.path("/chat/completions").post({ body: { messages: req.body.messages } });
  res.status(200).json(response.body);
}

${limiterBlock("node", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "App Router POST calls the OpenAI SDK with no limit",
      filename: APP_ROUTE,
      code: `${OPENAI_CLIENT}
export async function POST(request: Request) {
  const body = await request.json();
  return Response.json(await openai.chat.completions.create(body));
}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 4,
          column: 23,
          data: { handler: "POST", provider: "OpenAI" },
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `${OPENAI_CLIENT}
export async function POST(request: Request) {
${WEB_CHECK("request")}  const body = await request.json();
  return Response.json(await openai.chat.completions.create(body));
}

${limiterBlock("web", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "Pages Router handler fetches Anthropic's API with a server key",
      filename: PAGES_ROUTE,
      code: `export default async function handler(req, res) {
  const r = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "x-api-key": process.env.ANTHROPIC_API_KEY, "anthropic-version": "2023-06-01" },
    body: JSON.stringify(req.body),
  });
  res.status(r.status).json(await r.json());
}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 1,
          data: { handler: "default", provider: "Anthropic" },
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `export default async function handler(req, res) {
  const limit = await checkRateLimit(clientIp(req));
  if (!limit.ok) {
    res.setHeader("Retry-After", String(limit.retryAfterSeconds));
    res.statusCode = 429;
    res.end("Too many requests. Try again later.");
    return;
  }
  const r = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "x-api-key": process.env.ANTHROPIC_API_KEY, "anthropic-version": "2023-06-01" },
    body: JSON.stringify(req.body),
  });
  res.status(r.status).json(await r.json());
}

${limiterBlock("node", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "Express route calls Anthropic; app.use only parses JSON",
      filename: SERVER,
      code: `import express from "express";
import Anthropic from "@anthropic-ai/sdk";
const app = express();
const anthropic = new Anthropic();
app.use(express.json());
app.post("/api/chat", async (req, res) => {
  res.json(await anthropic.messages.create(req.body));
});`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 6,
          data: { handler: 'app.post("/api/chat")', provider: "Anthropic" },
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `import express from "express";
import Anthropic from "@anthropic-ai/sdk";
const app = express();
const anthropic = new Anthropic();
app.use(express.json());
app.post("/api/chat", async (req, res) => {
  const limit = await checkRateLimit(clientIp(req));
  if (!limit.ok) {
    res.setHeader("Retry-After", String(limit.retryAfterSeconds));
    res.statusCode = 429;
    res.end("Too many requests. Try again later.");
    return;
  }
  res.json(await anthropic.messages.create(req.body));
});

${limiterBlock("node", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "Hono route calls OpenAI: the limit reads the Request and, on Node, the socket",
      filename: SERVER,
      code: `import { Hono } from "hono";
${OPENAI_CLIENT}const app = new Hono();
app.post("/chat", async (c) => {
  return c.json(await openai.chat.completions.create(await c.req.json()));
});
export default app;
`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 5,
          data: { handler: 'app.post("/chat")', provider: "OpenAI" },
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `import { Hono } from "hono";
${OPENAI_CLIENT}const app = new Hono();
app.post("/chat", async (c) => {
${WEB_CHECK("c.req.raw, () => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress")}  return c.json(await openai.chat.completions.create(await c.req.json()));
});
export default app;

${limiterBlock("hono", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "a server whose framework is not known (no express or hono import): no suggestion",
      filename: SERVER,
      code: `${OPENAI_CLIENT}export function register(app: any) {
  app.post("/chat", async (req: any, res: any) => {
    res.json(await openai.chat.completions.create(req.body));
  });
}`,
      errors: [{ messageId: "missingRateLimit", line: 4, suggestions: [] }],
    },
    {
      name: "Express: axios.post to OpenAI's API with the server key (chatgpt-proxy)",
      filename: SERVER,
      code: `const express = require("express");
const axios = require("axios");
const app = express();
app.post("/api/chatgpt", async (req, res) => {
  const r = await axios.post("https://api.openai.com/v1/chat/completions", req.body, {
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
  });
  res.json(r.data);
});`,
      errors: [{ messageId: "missingRateLimit", line: 4, data: { handler: 'app.post("/api/chatgpt")', provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "a limiter registered after the route does not apply to it",
      filename: SERVER,
      code: `import express from "express";
import rateLimit from "express-rate-limit";
import OpenAI from "openai";
const app = express();
const client = new OpenAI();
app.post("/chat", async (req, res) => { res.json(await client.chat.completions.create(req.body)); });
app.use(rateLimit({ limit: 20 }));`,
      errors: [{ messageId: "missingRateLimit", line: 6, suggestions: [] }],
    },
    {
      name: "Vercel AI SDK streamText with a provider model",
      filename: APP_ROUTE,
      code: `import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";
export async function POST(req: Request) {
  const { messages } = await req.json();
  return streamText({ model: openai("gpt-4o-mini"), messages }).toDataStreamResponse();
}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 3,
          data: { handler: "POST", provider: "OpenAI" },
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";
export async function POST(req: Request) {
${WEB_CHECK("req")}  const { messages } = await req.json();
  return streamText({ model: openai("gpt-4o-mini"), messages }).toDataStreamResponse();
}

${limiterBlock("web", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "the provider is called from a helper in the same file",
      filename: APP_ROUTE,
      code: `${OPENAI_CLIENT}async function complete(prompt: string) {
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
}
export const POST = async (request: Request) => Response.json(await complete(await request.text()));`,
      errors: [{ messageId: "missingRateLimit", line: 6, data: { handler: "POST", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "middleware.ts limits /api/* only; this route is elsewhere",
      filename: OUTSIDE_MATCHER,
      code: `${OPENAI_CLIENT}export async function POST(request: Request) {
  return Response.json(await openai.chat.completions.create(await request.json()));
}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 3,
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `${OPENAI_CLIENT}export async function POST(request: Request) {
${WEB_CHECK("request")}  return Response.json(await openai.chat.completions.create(await request.json()));
}

${limiterBlock("web", true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "src/middleware.ts applies no limit; the file's own limiter is never called (the fix only adds the call)",
      filename: NO_LIMIT_MIDDLEWARE,
      code: `${OPENAI_CLIENT}export async function POST(request: Request) {
  return Response.json(await openai.chat.completions.create(await request.json()));
}

${limiterBlock("web", true)}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 3,
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `${OPENAI_CLIENT}export async function POST(request: Request) {
${WEB_CHECK("request")}  return Response.json(await openai.chat.completions.create(await request.json()));
}

${limiterBlock("web", true)}`,
            },
          ],
        },
      ],
    },
  ],
});

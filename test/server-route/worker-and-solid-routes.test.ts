/**
 * Route shapes found on apps nobody here wrote (bench/real-apps): a Cloudflare Worker's
 * `export default { fetch }` proxying DeepSeek with its URL in a const, and SolidStart API routes
 * (`src/routes/api/chat.ts` exporting POST). require-rate-limit reports both, and stays quiet on
 * their limited and non-AI twins.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fixedByFirstFix, routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-routes-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text);

const WORKER = `export default {
  async fetch(request, env) {
    if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
    const deepseekUrl = "https://api.deepseek.com/v1/chat/completions";
    const response = await fetch(deepseekUrl, {
      method: "POST",
      headers: { Authorization: \`Bearer \${env.DEEPSEEK_API_KEY}\`, "Content-Type": "application/json" },
      body: JSON.stringify(await request.json()),
    });
    return new Response(response.body, { status: response.status });
  },
};
`;

describe("require-rate-limit: Worker fetch exports and SolidStart API routes", () => {
  it("reports a Worker's `export default { fetch }` that calls a provider through a URL const, and offers the limiter", () => {
    const [finding, ...rest] = findings("cloudflare-worker/deepseek-proxy.js", WORKER);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "fetch", provider: "DeepSeek", line: 2 });
    const fixed = fixedByFirstFix(ROOT, "cloudflare-worker/deepseek-proxy.js", WORKER, finding);
    assert.deepEqual(findings("cloudflare-worker/fixed.js", fixed), [], "and is no longer reported");
  });

  it("reads the host of a URL built with + (BeauMarc/cljhba--'s Gemini proxy, batch 32) or with new URL()", () => {
    const worker = `export default {
  async fetch(request: Request, env: { GEMINI_API_KEY: string }) {
    const resp = await fetch(
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent?key=" +
        env.GEMINI_API_KEY,
      { method: "POST", body: JSON.stringify(await request.json()) },
    );
    return new Response(await resp.text());
  },
};
`;
    assert.deepEqual(findings("worker/gemini-proxy.ts", worker).map((f) => [f.handler, f.provider, f.line]), [["fetch", "Google AI (Gemini)", 2]]);
    // floripabit/accessible-actions' SvelteKit endpoint (batch 33): the URL const is a `new URL(…)`.
    const url = `const OPENAI_URL = new URL("https://api.openai.com/v1/completions");\nexport async function POST({ request }) {\n  return fetch(OPENAI_URL, { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` }, body: await request.text() });\n}\n`;
    assert.deepEqual(findings("src/routes/api/openai/+server.ts", url).map((f) => [f.handler, f.provider, f.line]), [["POST", "OpenAI", 2]]);
    // B1ack2Mamba/nutrition-ai (batch 42): the base URL's fallback, its trailing slash trimmed.
    const trimmed = `export async function POST(req: Request) {\n  const baseUrl = (process.env.DEEPSEEK_BASE_URL ?? "https://api.deepseek.com").replace(/\\/$/, "");\n  return fetch(\`\${baseUrl}/v1/chat/completions\`, { method: "POST", headers: { Authorization: \`Bearer \${process.env.DEEPSEEK_API_KEY}\` }, body: await req.text() });\n}\n`;
    assert.deepEqual(findings("app/api/draft/route.ts", trimmed).map((f) => [f.handler, f.provider, f.line]), [["POST", "DeepSeek", 1]]);
    // mbark223/aipromptbuilder: `let endpoint;` set in each branch, the key from a helper of the file (no env read in the request).
    const branches = `function token(): string | undefined {\n  return process.env.REPLICATE_API_TOKEN;\n}\nexport async function POST(req: Request) {\n  const key = token();\n  const { model, modelId } = await req.json();\n  let endpoint: string;\n  if (model) {\n    endpoint = "https://api.replicate.com/v1/predictions";\n  } else if (modelId) {\n    endpoint = \`https://api.replicate.com/v1/models/\${modelId}/predictions\`;\n  } else {\n    return new Response("no model", { status: 400 });\n  }\n  return fetch(endpoint, { method: "POST", headers: { Authorization: \`Token \${key}\` } });\n}\n`;
    assert.deepEqual(findings("app/api/replicate/route.ts", branches).map((f) => [f.handler, f.provider, f.line]), [["POST", "Replicate", 4]]);
    // A `let` that only ever holds another host is no provider's.
    assert.deepEqual(findings("app/api/other/route.ts", branches.replaceAll("api.replicate.com", "example.com")), []);
    // A `let` that refers to itself (`u = u + u`) still names the host it is given last, and is read once per `let`.
    const grown = `const token = () => process.env.TOKEN;\nexport async function POST(req: Request) {\n  let u: string;\n${"  u = u + u;\n".repeat(300)}  u = "https://api.openai.com/v1/chat/completions";\n  return fetch(u, { method: "POST", headers: { Authorization: \`Bearer \${token()}\` } });\n}\n`;
    assert.deepEqual(findings("app/api/grown/route.ts", grown).map((f) => [f.handler, f.provider]), [["POST", "OpenAI"]]);
    // kudoh/nuxt-openai-realtimeapi-example (batch 34): Nitro's $fetch to the provider, the key in its headers.
    const nitro = `export default defineEventHandler(async () =>\n  $fetch("https://api.openai.com/v1/realtime/sessions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` }, body: { model: "gpt-4o-realtime-preview" } }),\n);\n`;
    assert.deepEqual(findings("server/api/session.get.ts", nitro).map((f) => [f.handler, f.provider]), [["default", "OpenAI"]]);
    // Nuxt's server/routes/ serve at their own path, as server/api/ does under /api.
    assert.deepEqual(findings("server/routes/session.get.ts", nitro).map((f) => [f.handler, f.provider]), [["default", "OpenAI"]]);
    // An Express app's server/routes/ module that exports its router is no Nitro route.
    assert.deepEqual(findings("server/routes/chat.js", `module.exports = function setup(app) {\n  app.locals.ready = fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });\n};\n`), []);
    const chain = worker.replace(`"https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent?key=" +`, `"https://generativelanguage.googleapis.com/v1beta/models/" + "gemini-1.5-pro" + ":generateContent?key=" +`);
    assert.deepEqual(findings("worker/gemini-proxy.ts", chain).map((f) => f.provider), ["Google AI (Gemini)"]);
  });

  it("finds the handler exported by name, as an arrow, or `satisfies ExportedHandler`", () => {
    const named = `const worker = { fetch: async (request: Request) => fetch("https://api.openai.com/v1/responses", { method: "POST", body: await request.text() }) };\nexport default worker;\n`;
    assert.deepEqual(findings("src/index.ts", named).map((f) => f.provider), ["OpenAI"]);
    const typed = `export default { async fetch(request) { return fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST" }); } } satisfies ExportedHandler;\n`;
    assert.deepEqual(findings("src/worker.ts", typed).map((f) => f.provider), ["Groq"]);
  });

  it("stays quiet on a Worker that calls no provider, a Hono app's `fetch: app.fetch`, and a URL const declared twice", () => {
    assert.deepEqual(findings("src/a.js", `export default { async fetch(request) { return fetch("https://example.com/api"); } };\n`), []);
    assert.deepEqual(findings("src/b.ts", `import { Hono } from "hono";\nconst app = new Hono();\nexport default { fetch: app.fetch };\n`), []);
    const twice = `function a() { const url = "https://api.openai.com/v1/responses"; }\nexport default { async fetch() { const url = "https://example.com"; return fetch(url); } };\n`;
    assert.deepEqual(findings("src/c.js", twice), []);
  });

  it("reports a Cloudflare Pages Function's onRequestPost and onRequest, offers the limiter, and reads Firebase's functions/ as before", () => {
    // The shape batch 32's labeller met in Pages projects: `functions/api/chat.ts`, the key from context.env.
    const pages = `interface Env { OPENAI_API_KEY: string }
export const onRequestPost: PagesFunction<Env> = async (context) => {
  const body = await context.request.json();
  const response = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${context.env.OPENAI_API_KEY}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: body.messages }),
  });
  return new Response(response.body, { status: response.status });
};
export const onRequestGet: PagesFunction<Env> = async () => new Response("ok");
`;
    const [finding, ...rest] = findings("functions/api/chat.ts", pages);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "onRequestPost", provider: "OpenAI", line: 2 });
    const fixed = fixedByFirstFix(ROOT, "functions/api/chat.ts", pages, finding);
    assert.deepEqual(findings("functions/api/chat.ts", fixed), [], "and is no longer reported");
    const all = `export async function onRequest({ request, env }) {\n  return fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${env.GROQ_API_KEY}\` }, body: await request.text() });\n}\n`;
    assert.deepEqual(findings("functions/ask.js", all).map((f) => [f.handler, f.provider]), [["onRequest", "Groq"]]);
    // A Vercel-style function under functions/api/ that exports no onRequest keeps its kind.
    const vercel = `export default async function handler(req, res) {\n  res.json(await (await fetch("https://api.openai.com/v1/responses", { method: "POST", body: req.body })).json());\n}\n`;
    assert.deepEqual(findings("functions/api/vercel.js", vercel).map((f) => f.handler), ["default"]);
  });

  it("a server key picked from a list in env is the server's; a key picked from the request's list is the caller's (9671RY/cc-cherryblossom-ai-booth, batch 38)", () => {
    const rotating = (keys: string) => `import { GoogleGenAI } from "@google/genai";
export async function onRequestPost({ request, env }) {
  const body = await request.json();
  const apiKeys = ${keys}.split(",").map((k) => k.trim()).filter((k) => k);
  const selectedApiKey = apiKeys[Number(body.uploadId) % apiKeys.length];
  const ai = new GoogleGenAI({ apiKey: selectedApiKey });
  const response = await ai.models.generateContent({ model: "gemini-2.5-flash", contents: body.prompt });
  return Response.json({ text: response.text });
}
`;
    assert.deepEqual(findings("functions/api/generate.js", rotating(`(env.GEMINI_API_KEY || "")`)).map((f) => [f.handler, f.provider]), [["onRequestPost", "Google AI (Gemini)"]]);
    assert.deepEqual(findings("functions/api/generate.js", rotating("body.keys")), []);
    // Something a call computes from env is not the env value: `lookup(env.TABLE)[id]` may be the user's.
    assert.deepEqual(findings("functions/api/generate.js", rotating("lookup(env.KEYS_TABLE)")), []);
  });

  it("a `let` given only the caller's bearer token is the caller's key; a fallback to a stored key is the server's (11694193aa-bot/novel-assistant, batch 150)", () => {
    const proxy = (value: string) => `export async function onRequestPost({ request, env }) {
  const auth = request.headers.get("Authorization") || "";
  let apiKey = ${value};
  return fetch("https://api.deepseek.com/chat/completions", { method: "POST", headers: { Authorization: "Bearer " + apiKey }, body: await request.text() });
}
`;
    assert.deepEqual(findings("functions/api/chat.js", proxy("auth.slice(7)")), []);
    assert.deepEqual(findings("functions/api/chat.js", proxy(`auth.startsWith("Bearer ") ? auth.slice(7).trim() : await env.SYNC.get("api_key")`)).map((f) => [f.handler, f.provider]), [["onRequestPost", "DeepSeek"]]);
    assert.deepEqual(findings("functions/api/chat.js", proxy("auth.slice(7);\n  if (!apiKey) apiKey = env.DEEPSEEK_API_KEY")).map((f) => [f.handler, f.provider]), [["onRequestPost", "DeepSeek"]]);
  });

  it("reads the routes a Fastify plugin registers: a const arrow, a default-exported function (aantoschuk/gpt_back_fastify, batch 39)", () => {
    const body = `  server.post("/", async (request, reply) => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: request.body.message }] });
    return reply.send(completion.choices[0].message.content);
  });
  server.get("/health", async () => ({ ok: true }));`;
    const head = `import OpenAI from "openai";\nconst openai = new OpenAI({ apiKey: process.env.OPEN_AI_API_KEY });\n`;
    const handlers = (text: string) => findings("src/routes/routes.ts", text).map((f) => [f.handler, f.provider]);
    assert.deepEqual(handlers(`${head}export const routes = async (server, options) => {\n${body}\n};\n`), [['server.post("/")', "OpenAI"]]);
    assert.deepEqual(handlers(`${head}export default async function routes(server) {\n${body}\n}\n`), [['server.post("/")', "OpenAI"]]);
    // With @fastify/rate-limit's per-route config the route is limited.
    assert.deepEqual(handlers(`${head}import rateLimit from "@fastify/rate-limit";\nexport default async function routes(server) {\n  await server.register(rateLimit, { max: 10, timeWindow: "1 minute" });\n${body}\n}\n`), []);
    // Behind a feature flag (tsorgz/metaphoto, batch 42): registered whenever the flag is on; a
    // limiter registered before the `if` still counts.
    const flagged = `const GPT_FLAG = process.env.ENABLE_GPT === "TRUE";\nexport default async (server, options) => {\n  if (GPT_FLAG) {\n${body}\n  }\n};\n`;
    assert.deepEqual(handlers(`${head}${flagged}`), [['server.post("/")', "OpenAI"]]);
    assert.deepEqual(handlers(`${head}${flagged.replace("  if (GPT_FLAG) ", '  await server.register(rateLimit, { max: 10 });\n  if (GPT_FLAG) ')}`.replace(head, `${head}import rateLimit from "@fastify/rate-limit";\n`)), []);
    // Inside the `try` of a setup that connects to its database first (ratishjain12/Langgraph.js, batch 79).
    const connected = `export default async function routes(server) {\n  try {\n    await db.connect();\n${body}\n  } catch (error) {\n    process.exit(1);\n  }\n}\n`;
    assert.deepEqual(handlers(`${head}${connected}`), [['server.post("/")', "OpenAI"]]);
  });

  it("reads the routes a CommonJS-exported setup function registers: `module.exports = (app) => {…}`, `exports.routes = function (app) {…}` (cuongg2804/tarot_product, batch 173)", () => {
    const head = `const { GoogleGenerativeAI } = require("@google/generative-ai");\nconst model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY).getGenerativeModel({ model: "gemini-1.5-flash" });\n`;
    const body = `  app.post("/read", async (req, res) => res.json(await model.generateContent(req.body.q)));\n  app.get("/health", (req, res) => res.send("ok"));`;
    const handlers = (text: string) => findings("router/client/index.router.js", text).map((f) => [f.handler, f.provider]);
    assert.deepEqual(handlers(`${head}module.exports = (app) => {\n${body}\n};\n`), [['app.post("/read")', "Google AI (Gemini)"]]);
    assert.deepEqual(handlers(`${head}module.exports = function routes(app) {\n${body}\n};\n`), [['app.post("/read")', "Google AI (Gemini)"]]);
    assert.deepEqual(handlers(`${head}exports.routes = (app) => {\n${body}\n};\n`), [['app.post("/read")', "Google AI (Gemini)"]]);
    // A limiter the setup registers first still counts.
    assert.deepEqual(handlers(`const rateLimit = require("express-rate-limit");\n${head}module.exports = (app) => {\n  app.use(rateLimit({ windowMs: 60000, limit: 20 }));\n${body}\n};\n`), []);
  });

  it("reads the routes an inline Fastify plugin registers, `fastify.register(async (instance) => {…})`, at module level and in a setup function (pranitl/elevenlabs-twilio-ai-caller, batch 177)", () => {
    const head = `import Fastify from "fastify";\nimport websocket from "@fastify/websocket";\nimport rateLimit from "@fastify/rate-limit";\nconst ELEVENLABS_API_KEY = process.env.ELEVENLABS_API_KEY;\nasync function getSignedUrl() {\n  const r = await fetch("https://api.elevenlabs.io/v1/convai/conversation/get_signed_url?agent_id=a", { headers: { "xi-api-key": ELEVENLABS_API_KEY } });\n  return (await r.json()).signed_url;\n}\n`;
    const plugin = (limit: string) => `fastify.register(async (instance) => {\n${limit}  instance.get("/media-stream", { websocket: true }, (ws, req) => { getSignedUrl(); });\n  instance.get("/health", async () => "ok");\n});\n`;
    const handlers = (text: string) => findings("outbound-calls.js", text).map((f) => [f.handler, f.provider, f.line]);
    const moduleLevel = `${head}const fastify = Fastify();\nfastify.register(websocket);\n${plugin("")}`;
    assert.deepEqual(handlers(moduleLevel), [['instance.get("/media-stream")', "ElevenLabs", 12]]);
    // Inside a setup function, with `await` and a `function` plugin taking (instance, opts, done).
    const setup = `${head}export function registerOutboundRoutes(fastify) {\n  await ${plugin("").replace("async (instance) =>", "async function (instance, opts) ").replace(/\n/g, "\n  ")}}\n`;
    assert.deepEqual(handlers(setup), [['instance.get("/media-stream")', "ElevenLabs", 11]]);
    // A limiter the plugin registers first counts, as does one registered before the plugin.
    assert.deepEqual(handlers(`${head}const fastify = Fastify();\n${plugin("  await instance.register(rateLimit, { max: 20 });\n")}`), []);
    assert.deepEqual(handlers(`${head}const fastify = Fastify();\nawait fastify.register(rateLimit, { max: 20 });\n${plugin("")}`), []);
  });

  it("a Worker's AI binding running a model, `env.AI.run(\"@cf/…\", …)`, here or in an imported service (zemellal/bookstore-summary-hono-ai, batch 177)", () => {
    const dir = path.join(ROOT, "workers-ai");
    fs.mkdirSync(path.join(dir, "src/services"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bookstore", dependencies: { hono: "4" } }));
    fs.writeFileSync(
      path.join(dir, "src/services/aiService.ts"),
      `export async function generateBookSummary(env: Env, text: string) {\n  const model = "@cf/meta/llama-3-8b-instruct";\n  const { response } = await env.AI.run(model, { prompt: text });\n  return response;\n}\nexport async function storeBook(env: Env, book: string) {\n  return env.BOOKS.put("k", book);\n}\n`,
    );
    const route = (call: string) => `import { Hono } from "hono";\nimport { generateBookSummary, storeBook } from "./services/aiService";\nconst app = new Hono<{ Bindings: Env }>();\napp.get("/:id/summary", async (c) => c.json({ summary: await ${call} }));\nexport default app;\n`;
    const handlers = (text: string) => routeFindings(dir, "src/books.ts", text).map((f) => [f.handler, f.provider]);
    assert.deepEqual(handlers(route(`generateBookSummary(c.env, c.req.param("id"))`)), [['app.get("/:id/summary")', "Cloudflare Workers AI"]]);
    assert.deepEqual(handlers(route(`storeBook(c.env, c.req.param("id"))`)), []);
    // In the route itself; another binding's run() is no model.
    const inline = (call: string) => `import { Hono } from "hono";\nconst app = new Hono<{ Bindings: Env }>();\napp.post("/ask", async (c) => c.json(await ${call}));\nexport default app;\n`;
    assert.deepEqual(routeFindings(dir, "src/ask.ts", inline(`c.env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "hi" })`)).map((f) => f.provider), ["Cloudflare Workers AI"]);
    assert.deepEqual(routeFindings(dir, "src/ask.ts", inline(`c.env.JOBS.run("@cf/meta/llama-3.1-8b-instruct")`)), []);
    // The binding on the Worker's env runs whichever model it is given, one the request picks from a map too
    // (21967201/cloud-ai-hub's chat function); off the env, only a Workers AI model's name says so.
    assert.deepEqual(routeFindings(dir, "src/ask.ts", inline(`c.env.AI.run(MODELS[c.req.query("model")] || MODELS.llama, {})`)).map((f) => f.provider), ["Cloudflare Workers AI"]);
    assert.deepEqual(routeFindings(dir, "src/ask.ts", inline(`game.AI.run(c.req.query("move"))`)), []);
  });

  it("the binding taken out of the env, `const { AI } = locals.runtime.env; AI.run(\"@cf/…\")`, here or in an imported helper (MisterB80/cloudflare-astro-chatbot, batch 197)", () => {
    const dir = path.join(ROOT, "workers-ai-astro");
    fs.mkdirSync(path.join(dir, "utils"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "astro-chatbot", dependencies: { astro: "4", "@astrojs/cloudflare": "10" } }));
    fs.writeFileSync(
      path.join(dir, "utils/ai.ts"),
      `export async function deleteVectors(locals: App.Locals) {\n  const { AI, VECTORIZE } = locals.runtime.env;\n  const { data } = await AI.run("@cf/baai/bge-base-en-v1.5", { text: ["x"] });\n  return VECTORIZE.query(data[0], { topK: 100 });\n}\nexport async function listFiles(locals: App.Locals) {\n  const { R2_BUCKET } = locals.runtime.env;\n  return R2_BUCKET.list();\n}\n`,
    );
    const endpoint = (body: string) => `import type { APIContext } from "astro";\nimport { deleteVectors, listFiles } from "../../../../utils/ai";\nexport async function DELETE({ params, locals }: APIContext) {\n${body}\n  return new Response("ok");\n}\n`;
    const found = (body: string) => routeFindings(dir, "src/pages/api/files/[id].ts", endpoint(body)).map((f) => [f.handler, f.provider]);
    assert.deepEqual(found(`  const { AI } = locals.runtime.env;\n  await AI.run("@cf/baai/bge-base-en-v1.5", { text: [params.id] });`), [["DELETE", "Cloudflare Workers AI"]]);
    assert.deepEqual(found(`  await deleteVectors(locals);`), [["DELETE", "Cloudflare Workers AI"]]);
    // Another binding's run(), or one given no Workers AI model's name, is no model.
    assert.deepEqual(found(`  const { JOBS } = locals.runtime.env;\n  await JOBS.run(params.id);`), []);
    assert.deepEqual(found(`  await listFiles(locals);`), []);
    // A Hono Worker taking it out of `c.env`, nothing else in the file naming a provider.
    const hono = `import { Hono } from "hono";\nconst app = new Hono();\napp.post("/ask", async (c) => {\n  const { AI } = c.env;\n  return c.json(await AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "hi" }));\n});\nexport default app;\n`;
    assert.deepEqual(routeFindings(dir, "src/ask.ts", hono).map((f) => f.provider), ["Cloudflare Workers AI"]);
  });

  it("the binding wrapped by the first Workers AI package, `new Ai(c.env.AI).run(…)` from @cloudflare/ai (You-saku/workers-ai-hono, batch 184)", () => {
    const dir = path.join(ROOT, "workers-ai-package");
    fs.mkdirSync(path.join(dir, "src"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "hono-ai", dependencies: { "@cloudflare/ai": "1", hono: "3" } }));
    const route = (from: string) =>
      `import { Ai } from "${from}";\nimport { Hono } from "hono";\nconst app = new Hono<{ Bindings: { AI: any } }>();\napp.all("/api/ai", async (c) => {\n  const body = await c.req.json();\n  const ai = new Ai(c.env.AI);\n  const answer = await ai.run(body.model, { prompt: body.prompt });\n  return c.json({ response: answer.response });\n});\nexport default app;\n`;
    assert.deepEqual(routeFindings(dir, "src/index.ts", route("@cloudflare/ai")).map((f) => [f.handler, f.provider]), [['app.all("/api/ai")', "Cloudflare Workers AI"]]);
    // Another package's `Ai` is no Workers AI client.
    assert.deepEqual(routeFindings(dir, "src/index.ts", route("./ai")), []);
  });

  it("a Pages Functions `_middleware.js` that limits, in the function's folder or one above it up to functions/ (aKs030/iweb)", () => {
    const dir = path.join(ROOT, "pages-middleware");
    fs.mkdirSync(path.join(dir, "functions/api/admin"), { recursive: true });
    fs.mkdirSync(path.join(dir, "functions/public"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "site", devDependencies: { wrangler: "3" } }));
    const chat = `export async function onRequestPost({ request, env }) {\n  const { model, prompt } = await request.json();\n  return Response.json(await env.AI.run(MODELS[model], { prompt }));\n}\n`;
    const handlers = (rel: string) => routeFindings(dir, rel, chat).map((f) => f.handler);
    // No middleware yet: reported.
    assert.deepEqual(handlers("functions/api/chat.js"), ["onRequestPost"]);
    // A middleware of the api folder that answers 429 limits its functions and those below it, not a sibling folder's.
    const limiting = `import { createWindowRateLimiter } from "./_rate-limit.js";\nconst rateLimiter = createWindowRateLimiter({ keyNamespace: "rl" });\nexport async function onRequest({ request, env, next }) {\n  const result = await rateLimiter.check(request.headers.get("CF-Connecting-IP"), { kv: env.RATE_LIMIT_KV });\n  if (!result.allowed) return new Response("Too many requests", { status: 429 });\n  return next();\n}\n`;
    fs.writeFileSync(path.join(dir, "functions/api/_middleware.js"), limiting);
    assert.deepEqual(handlers("functions/api/chat.js"), []);
    assert.deepEqual(handlers("functions/api/admin/chat.js"), []);
    assert.deepEqual(handlers("functions/public/chat.js"), ["onRequestPost"]);
    // A middleware that only sets headers limits nothing.
    fs.writeFileSync(path.join(dir, "functions/api/_middleware.js"), `export async function onRequest({ next }) {\n  const response = await next();\n  response.headers.set("Access-Control-Allow-Origin", "*");\n  return response;\n}\n`);
    assert.deepEqual(handlers("functions/api/chat.js"), ["onRequestPost"]);
  });

  it("reads the key and the base URL a fetch takes from consts of the app's config module (webaverse-studios/ai-server, batch 173)", () => {
    const dir = path.join(ROOT, "config-module");
    fs.mkdirSync(path.join(dir, "services"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "ai-server", type: "module", dependencies: { express: "4", dotenv: "16" } }));
    fs.writeFileSync(
      path.join(dir, "config.mjs"),
      `export const OPENAI_BASE = "https://api.openai.com/v1";\nexport const OPENAI_KEY = process.env["OPENAI_API_KEY"] ?? "";\nexport const ANALYTICS_URL = "https://collect.example.com/v1";\nexport const ANALYTICS_KEY = process.env.ANALYTICS_TOKEN;\n`,
    );
    fs.writeFileSync(path.join(dir, "services/index.mjs"), `export * from "../config.mjs";\n`);
    const route = (imports: string, url: string, key: string) =>
      `import express from "express";\nimport { ${imports} } from "./config.mjs";\nconst app = express();\napp.post("/chat", async (req, res) => {\n  const r = await fetch(${url}, { method: "POST", body: JSON.stringify(req.body), headers: { Authorization: \`Bearer \${${key}}\` } });\n  res.json(await r.json());\n});\n`;
    const handlers = (text: string) => routeFindings(dir, "server.mjs", text).map((f) => [f.handler, f.provider]);
    // The key imported, the URL from the env: the key names OpenAI.
    assert.deepEqual(handlers(route("OPENAI_KEY", "`${process.env.OPENAI_BASE_URL}/chat/completions`", "OPENAI_KEY")), [['app.post("/chat")', "OpenAI"]]);
    // The URL imported (through a barrel), the key a secret of the env: the host names OpenAI.
    assert.deepEqual(handlers(route("OPENAI_BASE", "`${OPENAI_BASE}/chat/completions`", "process.env.KEY").replace('"./config.mjs"', '"./services/index.mjs"')), [['app.post("/chat")', "OpenAI"]]);
    // Another service's URL and token, both imported: no model runs.
    assert.deepEqual(handlers(route("ANALYTICS_URL, ANALYTICS_KEY", "ANALYTICS_URL", "ANALYTICS_KEY")), []);
  });

  it("follows a method of an instance of a class this file declares (nimjinwei/Nodejs-langchain-gemini, batch 39)", () => {
    const server = (use: string) => `import express from "express";
import { ChatGoogleGenerativeAI } from "@langchain/google-genai";
class RAGSystem {
  constructor() {
    this.llm = new ChatGoogleGenerativeAI({ model: "gemini-2.0-flash", apiKey: process.env.GOOGLE_API_KEY });
  }
  async summarizeText(text) {
    return (await this.llm.invoke("Summarize: " + text)).content;
  }
  getMemory() {
    return [];
  }
}
const ragSystem = new RAGSystem();
const app = express();
app.post("/api/summarize", async (req, res) => {
  res.json({ summary: await ragSystem.${use} });
});
app.listen(3000);
`;
    assert.deepEqual(findings("server.js", server("summarizeText(req.body.text)")).map((f) => [f.handler, f.provider]), [['app.post("/api/summarize")', "Google AI (Gemini)"]]);
    assert.deepEqual(findings("server.js", server("getMemory()")), []);
  });

  it("reports a SolidStart API route's POST, not a SvelteKit +page.server.ts or a limited route", () => {
    const route = `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
import type { APIEvent } from "@solidjs/start/server";
export async function POST(event: APIEvent) {
  const { messages } = await event.request.json();
  return streamText({ model: openai("gpt-4o-mini"), messages }).toDataStreamResponse();
}
`;
    const [finding] = findings("src/routes/api/chat.ts", route);
    assert.deepEqual({ handler: finding.handler, line: finding.line }, { handler: "POST", line: 4 });
    assert.deepEqual(findings("src/routes/chat/+page.server.ts", route.replace("export async function POST", "export async function load")), []);
    const limited = route.replace("const { messages }", "if (!(await ratelimit.limit(ip)).success) return new Response(null, { status: 429 });\n  const { messages }");
    assert.deepEqual(findings("src/routes/api/chat.ts", limited), []);
  });

  it("in a SvelteKit project, a module under src/routes/ that is not a `+server` file is no route (awcomms/dalle2client's `_+server.ts`, batch 98)", () => {
    const route = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function POST({ request }) {
  const { messages } = await request.json();
  return new Response(JSON.stringify(await openai.chat.completions.create({ model: "gpt-4o-mini", messages })));
}
`;
    fs.mkdirSync(path.join(ROOT, "kit-app"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "kit-app/package.json"), JSON.stringify({ devDependencies: { "@sveltejs/kit": "2.5.0", svelte: "4.2.0" } }));
    assert.deepEqual(findings("kit-app/src/routes/openai/_chat/_+server.ts", route), []);
    // Its `+server.ts` is the route, and the same module in a SolidStart project is one too.
    assert.equal(findings("kit-app/src/routes/openai/chat/+server.ts", route).length, 1);
    assert.equal(findings("src/routes/openai/_chat/_+server.ts", route).length, 1);
  });

  it("follows a provider client wrapped for memory or tracing", () => {
    // supermemoryai/supermemory's chat route: the OpenAI client wrapped with memory, then called.
    const route = `import { OpenAI } from "openai";
import { withSupermemory } from "@supermemory/tools/openai";
export async function POST(req: Request) {
  const { messages } = await req.json();
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  const remembering = withSupermemory(openai, { containerTag: "user-123" });
  const completion = await remembering.chat.completions.create({ model: "gpt-4o-mini", messages });
  return Response.json(completion.choices[0].message);
}
`;
    const [finding, ...rest] = findings("app/api/chat/route.ts", route);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "POST", provider: "OpenAI", line: 3 });
  });

  it("follows a client a factory of the file returns (a Worker's createOpenAIClient(env)), bound or called inline", () => {
    // fasidOnGit/openai-worker's lib/openai.ts, in one file.
    const worker = `import OpenAI from "openai";
import Groq from "groq-sdk";
function createOpenAIClient(env: Env) {
  if (!env.OPENAI_API_KEY) throw new Error("no key");
  return new OpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.GATEWAY_URL });
}
const makeGroq = (env: Env) => new Groq({ apiKey: env.GROQ_API_KEY });
export default {
  async fetch(request: Request, env: Env) {
    const url = new URL(request.url);
    if (url.pathname === "/fast") return Response.json(await makeGroq(env).chat.completions.create(await request.json()));
    const openai = createOpenAIClient(env);
    return Response.json(await openai.chat.completions.create(await request.json()));
  },
};
`;
    const [finding, ...rest] = findings("src/index.ts", worker);
    assert.deepEqual(rest, []);
    assert.ok(finding && ["OpenAI", "Groq"].includes(String(finding.provider)), JSON.stringify(finding));
    const onlyFactory = worker.replace(/    if \(url.pathname[^\n]*\n/, "");
    assert.equal(findings("src/index.ts", onlyFactory)[0]?.provider, "OpenAI");
  });

  it("follows a part of a client kept under another name (`const completions = openai.chat.completions`)", () => {
    // ATMJin/chatGPT-API-web's Nitro handler, in a Next.js route's shape.
    const route = `import OpenAI from "openai";
export async function POST(req: Request) {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  const openaiChatCompletion = openai.chat.completions;
  const completion = await openaiChatCompletion.create({ model: "gpt-4o-mini", messages: await req.json() });
  return Response.json(completion.choices[0].message);
}
`;
    const [finding, ...rest] = findings("app/api/chat/route.ts", route);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding?.handler, provider: finding?.provider, line: finding?.line }, { handler: "POST", provider: "OpenAI", line: 2 });
  });

  it("a 429 passed on from the provider's error is no limit of the route's; one the route decides is", () => {
    // mfts/papermark's AI route: the provider's rate-limit error becomes the client's 429.
    const route = `import { openai } from "@ai-sdk/openai";
import { generateObject } from "ai";
export default async function handle(req, res) {
  try {
    const result = await generateObject({ model: openai("gpt-4o-mini"), prompt: req.body.prompt, schema });
    return res.status(200).json(result.object);
  } catch (error) {
    const status = error.message.includes("rate limit") ? 429 : 500;
    return res.status(status).json({ error: "Too many requests" });
  }
}
`;
    assert.deepEqual(findings("pages/api/structure.ts", route).map(({ handler, line }) => ({ handler, line })), [{ handler: "default", line: 3 }]);
    const limited = route.replace("  try {", "  if (await overQuota(req)) return res.status(429).json({ error: \"Too many requests\" });\n  try {");
    assert.deepEqual(findings("pages/api/structure.ts", limited), []);
  });

  it("a 429 the provider answered, said again under `if (response.status === 429)`, is no limit of the route's", () => {
    // jayesh-cmd/my-portfolio-website's api/chat.js (batch 32).
    const route = `export default async function handler(req) {
  const response = await fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.GROQ_API_KEY}\` }, body: await req.text() });
  if (!response.ok) {
    if (response.status === 429) {
      throw new Error("Rate limit exceeded. Please wait a moment and try again.");
    }
    throw new Error(\`API request failed: \${response.status}\`);
  }
  return new Response(await response.text());
}
`;
    assert.deepEqual(findings("api/chat.js", route).map((f) => [f.handler, f.provider, f.line]), [["default", "Groq", 1]]);
    // The route's own count compared with its limit answers 429 itself: a limit.
    const own = route.replace("  const response", "  if ((await hits(req)) > 20) return new Response(\"Rate limit exceeded\", { status: 429 });\n  const response");
    assert.deepEqual(findings("api/chat.js", own), []);
  });

  it("follows the URL through a template and a configured base with a provider fallback", () => {
    // huggingface/chat-ui's transcription route: the base URL is configurable, the default is the provider's.
    const route = `import { config } from "$lib/server/config";
import { getApiToken } from "$lib/server/apiToken";
export async function POST({ request, locals }) {
  const model = config.get("TRANSCRIPTION_MODEL");
  const baseUrl = config.get("TRANSCRIPTION_BASE_URL") || "https://router.huggingface.co/hf-inference/models";
  const apiUrl = \`\${baseUrl}/\${model}\`;
  const response = await fetch(apiUrl, { method: "POST", headers: { Authorization: \`Bearer \${getApiToken(locals)}\` }, body: await request.arrayBuffer() });
  return new Response(await response.text());
}
`;
    const [finding, ...rest] = findings("src/routes/api/transcribe/+server.ts", route);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "POST", provider: "Hugging Face", line: 3 });
    const own = route.replace('|| "https://router.huggingface.co/hf-inference/models"', '|| "https://transcribe.example.com/models"');
    assert.deepEqual(findings("src/routes/api/transcribe/+server.ts", own), [], "a base URL of the app's own service");
  });

  it("stays quiet on a route disabled by a return above its provider call; a conditional return still counts the call", () => {
    // joewatts000/verceal-ai-api: "temporarily disabled" routes answer 503 before their body.
    const route = `import { NextResponse } from "next/server";
export async function POST(req) {
  return NextResponse.json({ error: "This API route is temporarily disabled." }, { status: 503 });
  try {
    const { prompt } = await req.json();
    const response = await fetch("https://api.anthropic.com/v1/messages", {
      method: "POST",
      headers: { "x-api-key": process.env.ANTHROPIC_API_KEY },
      body: JSON.stringify({ prompt }),
    });
    return NextResponse.json(await response.json());
  } catch (error) {
    return NextResponse.json({ error: String(error) }, { status: 500 });
  }
}
`;
    assert.deepEqual(findings("app/api/claude/route.ts", route), []);
    const conditional = route.replace("  return NextResponse.json({ error: \"This API", "  if (process.env.DISABLED) return NextResponse.json({ error: \"This API");
    assert.deepEqual(findings("app/api/claude/route.ts", conditional).map((f) => [f.handler, f.provider]), [["POST", "Anthropic"]]);
    // A helper declared after the return is hoisted: the handler can still call it.
    const hoisted = `export async function POST(req) {
  return callClaude(await req.json());
  async function callClaude(body) {
    return fetch("https://api.anthropic.com/v1/messages", { method: "POST", headers: { "x-api-key": process.env.ANTHROPIC_API_KEY }, body: JSON.stringify(body) });
  }
}
`;
    assert.deepEqual(findings("app/api/claude/route.ts", hoisted).map((f) => [f.handler, f.provider]), [["POST", "Anthropic"]]);
  });

  it("reports an Expo Router API route and a Qwik City endpoint; a Qwik page without request handlers is no route", () => {
    // notJust-dev/DEVember-notJustGPT and bryanhannes/qwikchat (bench/real-apps).
    const expo = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function POST(request: Request) {
  const { prompt } = await request.json();
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
  return Response.json(completion.choices[0]);
}
`;
    const [expoRoute, ...moreExpo] = findings("src/app/completion+api.ts", expo);
    assert.deepEqual(moreExpo, []);
    assert.deepEqual({ handler: expoRoute.handler, provider: expoRoute.provider, line: expoRoute.line }, { handler: "POST", provider: "OpenAI", line: 3 });
    const fixed = fixedByFirstFix(ROOT, "src/app/completion+api.ts", expo, expoRoute);
    assert.match(fixed, /checkRateLimit\(clientIp\(request\)\)/);
    const qwik = `import type { RequestHandler } from "@builder.io/qwik-city";
export const onPost: RequestHandler = async ({ request, send }) => {
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify(await request.json()),
  });
  send(new Response(res.body));
};
`;
    const [qwikRoute, ...moreQwik] = findings("src/routes/api/chat/index.ts", qwik);
    assert.deepEqual(moreQwik, []);
    assert.deepEqual({ handler: qwikRoute.handler, provider: qwikRoute.provider, line: qwikRoute.line, fixes: qwikRoute.fixes.length }, { handler: "onPost", provider: "OpenAI", line: 2, fixes: 0 });
    const page = `import { component$ } from "@builder.io/qwik";
export const useModels = () => fetch("https://api.openai.com/v1/models", { headers: { Authorization: "Bearer " + process.env.OPENAI_API_KEY } });
export default component$(() => <p>chat</p>);
`;
    assert.deepEqual(findings("src/routes/index.tsx", page), []);
  });

  it("a Nuxt handler keyed from useRuntimeConfig() spends the server's key; a SvelteKit handler written `(…) satisfies RequestHandler` is a handler", () => {
    // tbunz/llm-cart-validator and gSUz92nc/Computer-Science-NEA (bench/real-apps).
    const nuxt = `import Anthropic from "@anthropic-ai/sdk";
export default defineEventHandler(async (event) => {
  const config = useRuntimeConfig();
  const anthropic = new Anthropic({ apiKey: config.anthropicApiKey });
  const body = await readBody(event);
  return anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1000, messages: [{ role: "user", content: body.message }] });
});
`;
    assert.deepEqual(findings("server/api/chat.post.ts", nuxt).map((f) => [f.handler, f.provider]), [["default", "Anthropic"]]);
    const direct = nuxt.replace("config.anthropicApiKey", "useRuntimeConfig(event).anthropicApiKey");
    assert.deepEqual(findings("server/api/chat.post.ts", direct).map((f) => [f.handler, f.provider]), [["default", "Anthropic"]]);
    const callers = nuxt.replace("apiKey: config.anthropicApiKey", "apiKey: (await readBody(event)).apiKey");
    assert.deepEqual(findings("server/api/chat.post.ts", callers), [], "the caller's own key: bring-your-own-key");
    const svelte = `import { createAnthropic } from "@ai-sdk/anthropic";
import { streamText } from "ai";
import { env } from "$env/dynamic/private";
import type { RequestHandler } from "./$types";
export const POST = (async ({ request }) => {
  const anthropic = createAnthropic({ apiKey: env.ANTHROPIC_API_KEY });
  const { messages } = await request.json();
  return streamText({ model: anthropic("claude-3-5-sonnet-latest"), messages }).toTextStreamResponse();
}) satisfies RequestHandler;
`;
    assert.deepEqual(findings("src/routes/api/chat/+server.ts", svelte).map((f) => [f.handler, f.provider, f.line]), [["POST", "Anthropic", 5]]);
  });
  it("reads a URL const in the function that uses it when two functions declare the same name (zoewhitmore/my-friend-bot, batch 35)", () => {
    const bot = `async function sendMessage(chatId: number, text: string, env: Env) {
  const base = env.TELEGRAM_API_BASE || "https://api.telegram.org";
  await fetch(\`\${base}/bot\${env.TELEGRAM_BOT_TOKEN}/sendMessage\`, { method: "POST", body: JSON.stringify({ chat_id: chatId, text }) });
}
async function reply(messages: unknown[], env: Env) {
  const base = env.OPENAI_BASE_URL || "https://api.openai.com/v1";
  const response = await fetch(\`\${base}/chat/completions\`, { method: "POST", headers: { Authorization: \`Bearer \${env.OPENAI_API_KEY}\` }, body: JSON.stringify({ messages }) });
  return (await response.json()).choices[0].message.content;
}
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const update = await request.json();
    ctx.waitUntil(reply([update.message], env).then((text) => sendMessage(update.message.chat.id, text, env)));
    return new Response("ok");
  },
};
`;
    assert.deepEqual(findings("src/worker.ts", bot).map((f) => [f.handler, f.provider, f.line]), [["fetch", "OpenAI", 11]]);
    // Only the Telegram call: no finding.
    const telegramOnly = bot.replace(/async function reply[\s\S]*?\n}\n/, "const reply = async (m: unknown[], env: Env) => String(m.length);\n");
    assert.deepEqual(findings("src/worker-telegram.ts", telegramOnly), []);
  });

  it("reports the action of Remix's root route module, app/root.tsx (nelsonokothguya/my-remix-app, batch 35)", () => {
    const root = `import OpenAI from "openai";
import { Form, Outlet } from "@remix-run/react";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function action({ request }: { request: Request }) {
  const form = await request.formData();
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: String(form.get("q")) }] });
  return { answer: completion.choices[0].message.content };
}
export default function App() {
  return <html><body><Form method="post" /><Outlet /></body></html>;
}
`;
    assert.deepEqual(findings("app/root.tsx", root).map((f) => [f.handler, f.provider, f.line]), [["action", "OpenAI", 4]]);
    // A component folder's root.tsx is no route module.
    assert.deepEqual(findings("app/components/root.tsx", root), []);
  });
  it("reports the action of a module React Router 7's app/routes.ts names outside app/routes/ (NorSoftEngineering/elevenlabs-hackaton, batch 65)", () => {
    const module = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function action({ request }: { request: Request }) {
  const form = await request.formData();
  return { answer: await openai.responses.create({ model: "gpt-4o-mini", input: String(form.get("q")) }) };
}
export default function Interview() {
  return null;
}
`;
    fs.mkdirSync(path.join(ROOT, "rr7", "app"), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, "rr7", "app", "routes.ts"),
      `import { type RouteConfig, index, route } from "@react-router/dev/routes";
export default [
  index("./screens/home.tsx"),
  route("interviews/:id", "./screens/candidate/interview.tsx"),
] satisfies RouteConfig;
`,
    );
    assert.deepEqual(findings("rr7/app/screens/candidate/interview.tsx", module).map((f) => [f.handler, f.provider, f.line]), [["action", "OpenAI", 3]]);
    // A module the config does not name is no route module.
    assert.deepEqual(findings("rr7/app/screens/candidate/helpers.tsx", module), []);
    // A config of 200 kB of near misses is read in one pass.
    fs.mkdirSync(path.join(ROOT, "rr7b", "app"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "rr7b", "app", "routes.ts"), `"${"./a/".repeat(50_000)}`);
    const started = Date.now();
    assert.deepEqual(findings("rr7b/app/screens/x.tsx", module), []);
    assert.ok(Date.now() - started < 2000);
  });
  it("reads each route of a Hono chain assigned to a name, with a limiter earlier in the chain (khaya-zulu/kayaGPT, batch 35)", () => {
    const routes = (use: string) => `import { Hono } from "hono";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export const chatRoute = new Hono()${use}
  .get("/", (c) => c.json({ chats: [] }))
  .post("/:chatId", async (c) => {
    const { messages } = await c.req.json();
    return c.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages }));
  })
  .post("/:chatId/title", async (c) => c.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] })));
`;
    const chain = routes("");
    const found = findings("src/routes/chat.ts", chain);
    assert.deepEqual(found.map((f) => [f.handler, f.provider, f.line]), [["app.post(\"/:chatId\")", "OpenAI", 6], ["app.post(\"/:chatId/title\")", "OpenAI", 10]]);
    const fixed = fixedByFirstFix(ROOT, "src/routes/chat.ts", chain, found[0]);
    assert.deepEqual(findings("src/routes/chat-fixed.ts", fixed).map((f) => f.handler), ["app.post(\"/:chatId/title\")"], "the fixed route is no longer reported");
    // `export default` of a chain, and a limiter the chain uses first.
    assert.equal(findings("src/routes/default.ts", chain.replace("export const chatRoute =", "export default")).length, 2);
    const limited = `import { rateLimiter } from "hono-rate-limiter";\n${routes("\n  .use(rateLimiter({ windowMs: 60_000, limit: 20, keyGenerator: (c) => c.req.header(\"x-forwarded-for\") ?? \"\" }))")}`;
    assert.deepEqual(findings("src/routes/limited.ts", limited), []);
  });
  it("reads a router's registration on the empty path, and no other API's empty string (federico722/back-end-clinic-pets, batch 37)", () => {
    const router = `import { Router } from "express";
import { GoogleGenerativeAI } from "@google/generative-ai";
const genAI = new GoogleGenerativeAI(process.env.KEY_GEMINI ?? "");
const router = Router();
router.post("", async (req, res) => {
  const chat = genAI.getGenerativeModel({ model: "gemini-1.5-flash" }).startChat({ history: req.body.history });
  res.json(await chat.sendMessage(req.body.message));
});
export const cached = new Map().get("");
export default router;
`;
    assert.deepEqual(findings("routes/chat.ts", router).map((f) => [f.handler, f.provider, f.line]), [["router.post(\"\")", "Google AI (Gemini)", 5]]);
  });
});

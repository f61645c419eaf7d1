/**
 * Requests to a provider that spend none of the server's quota (cameronapak/open-chat, batch 77):
 * a key the caller keeps sealed in their own cookie (`decrypt(getCookie(c, "ork"), secret)`), the
 * model list, and an OAuth code exchange that sends no credential at all.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

describe("require-rate-limit: requests that spend none of the server's quota (cameronapak/open-chat, batch 77)", () => {
  let dir: string;
  before(() => (dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { hono: "4.0.0", "@openrouter/ai-sdk-provider": "1.0.0", ai: "5.0.0" } }) })));
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());
  const run = (code: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "src/routes/chat.ts"), code)!).map((f) => String(f.data.handler));
  const hono = (body: string) => `import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { streamText } from "ai";
import { decrypt } from "@/lib/crypto";
export const chat = new Hono();
chat.post("/", async (c) => {
${body}
});
`;

  it("the caller's own key, decrypted from their cookie, for an SDK client and for a fetch", () => {
    assert.deepEqual(run(hono(`  const apiKey = decrypt(getCookie(c, "ork"), process.env.ENCRYPTION_SECRET);
  const openrouter = createOpenRouter({ apiKey });
  return streamText({ model: openrouter("openai/gpt-4o-mini"), prompt: "hi" }).toTextStreamResponse();`)), []);
    assert.deepEqual(run(hono(`  const sealed = getCookie(c, "ork");
  const apiKey = await decryptKey(sealed);
  return fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: await c.req.text() });`)), []);
    // The server's own key is still the server's.
    assert.deepEqual(run(hono(`  const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
  return streamText({ model: openrouter("openai/gpt-4o-mini"), prompt: "hi" }).toTextStreamResponse();`)), ['chat.post("/")']);
  });

  it("the caller's own key in LangChain's provider-named option, `openAIApiKey` (JCaraballo113/nuxt-ai, batch 131)", () => {
    const code = (key: string) => `import { Hono } from "hono";
import { ChatOpenAI } from "@langchain/openai";
export const chat = new Hono();
chat.post("/", async (c) => {
  const { content, apiKey } = await c.req.json();
  const llm = new ChatOpenAI({ openAIApiKey: ${key}, model: "gpt-4o-mini" });
  return c.json(await llm.invoke(content));
});
`;
    assert.deepEqual(run(code("apiKey")), []);
    assert.deepEqual(run(code("process.env.OPENAI_API_KEY")), ['chat.post("/")']);
  });

  it("the caller's own key from their own row (`const [settings] = await db…where(eq(…userId, userId))`: AVMG20/arnotes, batch 122)", () => {
    const request = 'return fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", headers: { Authorization: `Bearer ${apiKey}` }, body: await c.req.text() });';
    assert.deepEqual(run(hono(`  const userId = c.get("user").id;
  const [settings] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  const apiKey = settings?.openrouterApiKey;
  ${request}`)), []);
    // A row the server picks for itself holds the server's key.
    assert.deepEqual(run(hono(`  const [settings] = await db.select().from(appSettings).where(eq(appSettings.id, 1));
  const apiKey = settings?.openrouterApiKey;
  ${request}`)), ['chat.post("/")']);
  });

  it("the model list written out whole, and a request whose headers carry no credential", () => {
    assert.deepEqual(run(hono(`  const url = new URL("https://openrouter.ai/api/v1/models");
  return fetch(url, { headers: { Authorization: \`Bearer \${process.env.OPENROUTER_API_KEY}\` } });`)), []);
    assert.deepEqual(run(hono(`  const { code } = await c.req.json();
  return fetch("https://openrouter.ai/api/v1/auth/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });`)), []);
    // A URL that only starts with a models path, and headers that carry the key, run a model.
    assert.deepEqual(run(hono(`  return fetch("https://generativelanguage.googleapis.com/v1beta/models/" + "gemini-2.0-flash" + ":generateContent", { method: "POST", headers: { "x-goog-api-key": process.env.GEMINI_API_KEY } });`)), ['chat.post("/")']);
  });
});

describe("require-rate-limit: the model list and a model's description run no model (vladaCizek/chatgptapi, huggingface/chat-ui)", () => {
  let dir: string;
  before(() => (dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4.0.0", axios: "1.0.0", replicate: "1.0.0" } }) })));
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());
  const run = (body: string, top = "") =>
    findUnlimitedAiRoutes(
      parseSource(
        path.join(dir, "server/routes.js"),
        `import express from "express";
import axios from "axios";
import Replicate from "replicate";
${top}
const app = express();
app.get("/job", async (req, res) => {
${body}
});
`,
      )!,
    ).map((f) => String(f.data.handler));
  const openaiAuth = "headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` }";

  it("the model list behind a configurable base: `${base}/models` as written", () => {
    const base = 'const base = (process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").replace(/\\/$/, "");';
    assert.deepEqual(run(`  res.json(await (await fetch(\`\${base}/models\`, { ${openaiAuth} })).json());`, base), []);
    assert.deepEqual(run(`  res.json(await (await fetch(base + "/models/", { ${openaiAuth} })).json());`, base), []);
    assert.deepEqual(run(`  res.json(await (await fetch(\`\${base}/chat/completions\`, { method: "POST", ${openaiAuth}, body: "{}" })).json());`, base), ['app.get("/job")']);
    // The key in the query (choidy180/rise-2025's debug route, batch 112): the path as written still ends in /models;
    // one model's method after a hole does not.
    const gemini = 'const gemini = "https://generativelanguage.googleapis.com/v1beta"; const key = process.env.GEMINI_API_KEY;';
    assert.deepEqual(run(`  res.json(await (await fetch(\`https://generativelanguage.googleapis.com/v1beta/models?key=\${key}\`)).json());`, gemini), []);
    assert.deepEqual(run(`  res.json(await (await fetch(gemini + "/models?key=" + key)).json());`, gemini), []);
    // Held in a const first (HVVSATHWIK/Dots' models route, batch 165); a model's method so held still runs it.
    assert.deepEqual(run(`  const url = \`\${gemini}/models?key=\${key}\`;\n  res.json(await (await fetch(url)).json());`, gemini), []);
    assert.deepEqual(run(`  const url = \`\${gemini}/models/gemini-1.5-flash:generateContent?key=\${key}\`;\n  res.json(await (await fetch(url, { method: "POST", body: "{}" })).json());`, gemini), ['app.get("/job")']);
    assert.deepEqual(run(`  res.json(await (await fetch(\`\${gemini}/models/\${req.query.model}:generateContent?key=\${key}\`, { method: "POST", body: "{}" })).json());`, gemini), ['app.get("/job")']);
  });

  it("a shared host's other APIs: a Cloudflare cache purge runs no model, Workers AI under /ai/ does (louise36-g/MysticOracle, batch 94)", () => {
    const auth = "headers: { Authorization: `Bearer ${process.env.CLOUDFLARE_API_TOKEN}` }";
    assert.deepEqual(run(`  await fetch("https://api.cloudflare.com/client/v4/zones/zone-id/purge_cache", { method: "POST", ${auth}, body: "{}" });\n  res.json({});`), []);
    assert.deepEqual(run(`  res.json(await (await fetch("https://api.cloudflare.com/client/v4/accounts/account-id/ai/run/@cf/meta/llama-3-8b-instruct", { method: "POST", ${auth}, body: "{}" })).json());`), ['app.get("/job")']);
  });

  it("Workers AI with the account and the model in a template's holes, or after a base URL const (Jazee6/cloudflare-ai-web, playstateprojects/opusXX, batch 108)", () => {
    const auth = "headers: { Authorization: `Bearer ${process.env.CF_WORKERS_AI_TOKEN}` }";
    const run1 = `  res.json(await (await fetch(\`https://api.cloudflare.com/client/v4/accounts/\${process.env.CF_ACCOUNT_ID}/ai/run/\${req.body.model}\`, { method: "POST", ${auth}, body: "{}" })).json());`;
    assert.deepEqual(run(run1), ['app.get("/job")']);
    const base = "const CF = `https://api.cloudflare.com/client/v4/accounts/${process.env.CF_ACCOUNT_ID}`;";
    assert.deepEqual(run(`  res.json(await (await fetch(\`\${CF}/ai/run/@cf/meta/llama-3-8b-instruct\`, { method: "POST", ${auth}, body: "{}" })).json());`, base), ['app.get("/job")']);
    assert.deepEqual(run(`  await fetch(\`\${CF}/../zones/\${req.body.zone}/purge_cache\`, { method: "POST", ${auth}, body: "{}" });\n  res.json({});`, base), []);
  });

  it("an axios instance made for a provider's host: its model list and one model's description; a POST runs", () => {
    const openai = 'const openai = axios.create({ baseURL: "https://api.openai.com/v1/", headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });';
    assert.deepEqual(run(`  res.json((await openai.get("/models")).data);`, openai), []);
    assert.deepEqual(run(`  res.json((await openai.get(\`/models/\${req.params.model}\`)).data);`, openai), []);
    assert.deepEqual(run(`  res.json((await axios.get("https://api.openai.com/v1/models", { ${openaiAuth} })).data);`), []);
    assert.deepEqual(run(`  res.json((await openai.post("/chat/completions", req.body)).data);`, openai), ['app.get("/job")']);
  });

  it("a client called bare with no method and no body is a GET: the model list runs no model (AVMG20/arnotes' `$fetch`, batch 122)", () => {
    const ofetch = 'import { ofetch } from "ofetch";';
    assert.deepEqual(run(`  res.json(await ofetch("https://openrouter.ai/api/v1/models", { ${openaiAuth} }));`, ofetch), []);
    assert.deepEqual(run(`  res.json(await ofetch("https://openrouter.ai/api/v1/models"));`, ofetch), []);
    assert.deepEqual(run(`  res.json(await ofetch("https://api.openai.com/v1/models", { method: "GET", ${openaiAuth} }));`, ofetch), []);
    // A POST to a model's path runs it (Gemini), written as a method or implied by a body.
    const gemini = "https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=${process.env.GEMINI_API_KEY}";
    assert.deepEqual(run(`  res.json(await ofetch(\`${gemini}\`, { method: "POST", body: req.body }));`, ofetch), ['app.get("/job")']);
    assert.deepEqual(run(`  res.json(await ofetch(\`${gemini}\`, { body: req.body }));`, ofetch), ['app.get("/job")']);
    assert.deepEqual(run(`  res.json(await ofetch("https://api.openai.com/v1/chat/completions", { method: "POST", ${openaiAuth}, body: req.body }));`, ofetch), ['app.get("/job")']);
  });

  it("Gemini's Files API (`new GoogleAIFileManager(key)`: list, delete) runs no model; the model beside it does (AntonyOnScript/water-gas-spent-ai, batch 173)", () => {
    const express = (body: string) => `import express from "express";
import { GoogleAIFileManager } from "@google/generative-ai/server";
import { GoogleGenerativeAI } from "@google/generative-ai";
const fileManager = new GoogleAIFileManager(process.env.GEMINI_API_KEY ?? "");
const model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? "").getGenerativeModel({ model: "gemini-1.5-flash" });
export const router = express.Router();
router.delete("/files", async (req, res) => {
${body}
});
`;
    const routes = (code: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "src/router.ts"), code)!).map((f) => String(f.data.handler));
    assert.deepEqual(routes(express(`  const { files } = await fileManager.listFiles();\n  await Promise.all((files ?? []).map((f) => fileManager.deleteFile(f.name)));\n  res.sendStatus(200);`)), []);
    assert.deepEqual(routes(express(`  const upload = await fileManager.uploadFile(req.body.path, { mimeType: "image/png" });\n  res.json(await model.generateContent([{ fileData: { fileUri: upload.file.uri, mimeType: "image/png" } }]));`)), ['router.delete("/files")']);
  });

  it("reads a 1 MB path in linear time", () => {
    const openai = 'const openai = axios.create({ baseURL: "https://api.openai.com/v1/", headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });';
    for (const path of ["/models/" + "a".repeat(1_000_000) + "/x", "/models".repeat(150_000), "/" + "models/".repeat(150_000) + "?"]) {
      const started = Date.now();
      run(`  res.json((await openai.get(${JSON.stringify(path)})).data);
  res.json(await (await fetch(${JSON.stringify("https://api.openai.com" + path)}, { ${openaiAuth} })).json());`, openai);
      assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms for ${path.slice(0, 20)}…`);
    }
  });

  it("other reads still count: a GET may mint a token on the account (AssemblyAI) or poll a paid job", () => {
    assert.deepEqual(run(`  const r = await axios.get("https://streaming.assemblyai.com/v3/token?expires_in_seconds=600", { headers: { Authorization: process.env.ASSEMBLYAI_API_KEY } });
  res.json(r.data);`), ['app.get("/job")']);
    assert.deepEqual(run(`  const r = await fetch(\`https://api.replicate.com/v1/predictions/\${req.query.id}\`, { method: "GET", headers: { Authorization: \`Bearer \${process.env.REPLICATE_API_TOKEN}\` } });
  res.json(await r.json());`), ['app.get("/job")']);
    const replicate = "const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });";
    // `replicate.models.get(owner, name)` returns the model its caller then runs.
    assert.deepEqual(run(`  const model = await replicate.models.get("stability-ai", "sdxl");
  res.json(await replicate.predictions.get(req.query.id));`, replicate), ['app.get("/job")']);
  });
});

describe("require-rate-limit: an SDK's helpers that run no model (nmogil-tw/twilio-openai-agents-sdk-ts-starter, batch 238)", () => {
  const handlers = (code: string) => findUnlimitedAiRoutes(parseSource("/project/src/server.ts", code)!).map((f) => String(f.data.handler));
  it("@openai/agents' saved run state and tool builder run none; its run() does", () => {
    const code = `import express from "express";
import { RunState, run, tool } from "@openai/agents";
import { toFile } from "openai";
import { agent } from "./agents/support";
const app = express();
app.post("/approvals", async (req, res) => {
  const state = await RunState.fromString(agent, req.body.state);
  res.json({ pending: state.getInterruptions().length });
});
app.post("/tools", async (req, res) => {
  const lookup = tool({ name: "lookup", description: "Find", parameters: {}, execute: async () => "x" });
  res.json({ name: lookup.name, file: await toFile(Buffer.from(req.body.text), "a.txt") });
});
app.post("/chat", async (req, res) => {
  res.json(await run(agent, req.body.text));
});
app.listen(3000);
`;
    assert.deepEqual(handlers(code), ['app.post("/chat")']);
  });
});

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

  it("the model list written out whole, and a request whose headers carry no credential", () => {
    assert.deepEqual(run(hono(`  const url = new URL("https://openrouter.ai/api/v1/models");
  return fetch(url, { headers: { Authorization: \`Bearer \${process.env.OPENROUTER_API_KEY}\` } });`)), []);
    assert.deepEqual(run(hono(`  const { code } = await c.req.json();
  return fetch("https://openrouter.ai/api/v1/auth/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });`)), []);
    // A URL that only starts with a models path, and headers that carry the key, run a model.
    assert.deepEqual(run(hono(`  return fetch("https://generativelanguage.googleapis.com/v1beta/models/" + "gemini-2.0-flash" + ":generateContent", { method: "POST", headers: { "x-goog-api-key": process.env.GEMINI_API_KEY } });`)), ['chat.post("/")']);
  });
});

describe("require-rate-limit: reads run no model (mindful-labs-ai/Jun-G, vladaCizek/chatgptapi, huggingface/chat-ui)", () => {
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
app.post("/job", async (req, res) => {
${body}
});
`,
      )!,
    ).map((f) => String(f.data.handler));
  const bearer = "headers: { Authorization: `Bearer ${process.env.REPLICATE_API_TOKEN}` }";

  it("a GET written in a request to a model host: a job polled", () => {
    for (const method of ["GET", "get", "HEAD"]) {
      assert.deepEqual(run(`  const r = await fetch(\`https://api.replicate.com/v1/predictions/\${req.body.id}\`, { method: "${method}", ${bearer} });
  res.json(await r.json());`), [], method);
    }
    // Held in a const, as the options of a request often are.
    assert.deepEqual(run(`  const options = { method: "GET", ${bearer} };
  res.json(await (await fetch("https://api.replicate.com/v1/predictions/" + req.body.id, options)).json());`), []);
    // A DELETE is no read (looped, it empties the account's stores: papermark's vector-store routes).
    assert.deepEqual(run(`  const r = await fetch(\`https://api.replicate.com/v1/predictions/\${req.body.id}\`, { method: "DELETE", ${bearer} });
  res.json(await r.json());`), ['app.post("/job")']);
    // The POST that starts the job runs the model; so does a request with no method written.
    assert.deepEqual(run(`  const r = await fetch("https://api.replicate.com/v1/predictions", { method: "POST", ${bearer}, body: JSON.stringify(req.body) });
  res.json(await r.json());`), ['app.post("/job")']);
    assert.deepEqual(run(`  const r = await fetch("https://api.replicate.com/v1/predictions", { ${bearer} });
  res.json(await r.json());`), ['app.post("/job")']);
  });

  it("a GET to a host that is no model host, known only by the key it sends, still counts (a web-search API bills a GET)", () => {
    assert.deepEqual(run(`  const r = await fetch(\`\${process.env.SEARCH_URL}/search?q=\${req.body.q}\`, { method: "GET", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });
  res.json(await r.json());`), ['app.post("/job")']);
  });

  it("axios: axios.get of a model host, and an instance made for the host (its model list, one model)", () => {
    assert.deepEqual(run(`  const r = await axios.get("https://api.replicate.com/v1/predictions/" + req.body.id, { ${bearer} });
  res.json(r.data);`), []);
    assert.deepEqual(run(`  const r = await axios.post("https://api.replicate.com/v1/predictions", req.body, { ${bearer} });
  res.json(r.data);`), ['app.post("/job")']);
    const openai = 'const openai = axios.create({ baseURL: "https://api.openai.com/v1/", headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });';
    assert.deepEqual(run(`  res.json((await openai.get("/models")).data);`, openai), []);
    assert.deepEqual(run(`  res.json((await openai.get(\`/models/\${req.params.model}\`)).data);`, openai), []);
    assert.deepEqual(run(`  res.json((await openai.post("/chat/completions", req.body)).data);`, openai), ['app.post("/job")']);
  });

  it("an SDK client's reads: a prediction polled; a delete still counts", () => {
    const replicate = "const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });";
    assert.deepEqual(run(`  res.json(await replicate.predictions.get(req.body.id));`, replicate), []);
    assert.deepEqual(run(`  res.json(await replicate.predictions.delete(req.body.id));`, replicate), ['app.post("/job")']);
    assert.deepEqual(run(`  res.json(await replicate.run("black-forest-labs/flux-schnell", { input: req.body }));`, replicate), ['app.post("/job")']);
  });

  it("the model list behind a configurable base: `${base}/models` as written", () => {
    const base = 'const base = (process.env.OPENAI_BASE_URL || "https://api.openai.com/v1").replace(/\\/$/, "");';
    assert.deepEqual(run(`  res.json(await (await fetch(\`\${base}/models\`, { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } })).json());`, base), []);
    assert.deepEqual(run(`  res.json(await (await fetch(base + "/models/", { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } })).json());`, base), []);
    assert.deepEqual(run(`  res.json(await (await fetch(\`\${base}/chat/completions\`, { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` }, body: "{}" })).json());`, base), ['app.post("/job")']);
  });
});

/**
 * An app's own wrapper of `fetch` (AbylaiNurtaev/whatsapp-gemini-bot, batch 148): `fetchWithTimeout(url,
 * options)` hands its URL and options to `fetch` as they are, so a call of it is read as the `fetch`
 * it makes, with the provider's host and key header written at the call site. The wrapper may be
 * the route file's own or imported (ESM or CommonJS), also two modules away, through a class's method.
 * A function that makes its own URL, or gives its URL parameter another value, is no wrapper.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { fetchWrapperOf } from "../../eslint-plugin/src/engine/server-route/rate-limit/fetch-wrappers";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const GEMINI_URL = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent";

/** The bot's src/http.js, as written: the options spread into a copy with the abort signal. */
const HTTP_JS = `export async function fetchWithTimeout(url, options = {}, timeoutMs = 20_000) {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...options, signal: controller.signal });
  } finally {
    clearTimeout(timeout);
  }
}
`;

const express = (prelude: string, body: string) => `import express from "express";
${prelude}
const app = express();
app.use(express.json());
app.post("/chat", async (req, res) => {
${body}
});
`;

const geminiCall = (wrapper: string, headers = `"x-goog-api-key": process.env.GEMINI_API_KEY`) => `  const r = await ${wrapper}("${GEMINI_URL}", {
    method: "POST",
    headers: { ${headers}, "Content-Type": "application/json" },
    body: JSON.stringify(req.body),
  });
  res.json(await r.json());`;

describe("require-rate-limit: an app's own fetch wrapper is read as fetch (AbylaiNurtaev/whatsapp-gemini-bot, batch 148)", () => {
  let dir: string;
  before(() => {
    dir = makeRepo({
      "package.json": JSON.stringify({ type: "module", dependencies: { express: "4.0.0" } }),
      "src/http.js": HTTP_JS,
      // The bot's shape: the route → a module-level `new GeminiClient` → its method → the imported wrapper.
      "src/gemini.js": `import { fetchWithTimeout } from "./http.js";
export class GeminiClient {
  constructor({ apiKey }) { this.apiKey = apiKey; }
  async reply(input) {
    const response = await fetchWithTimeout("${GEMINI_URL}", {
      method: "POST",
      headers: { "x-goog-api-key": this.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ contents: [{ parts: [{ text: input }] }] }),
    }, 30_000);
    return response.json();
  }
}
`,
      "src/wappi.js": `import { fetchWithTimeout } from "./http.js";
export class WappiClient {
  async send(text) {
    return fetchWithTimeout("https://wappi.pro/api/sync/message/send", { method: "POST", headers: { Authorization: process.env.WAPPI_TOKEN }, body: JSON.stringify({ text }) });
  }
}
`,
      "src/http-cjs.js": `async function withRetry(url, init) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url, init);
    if (response.ok) return response;
  }
  throw new Error("failed");
}
module.exports = { withRetry };
`,
      "src/proxy.js": `export async function viaProxy(url, options) {
  url = "/relay?to=" + encodeURIComponent(url);
  return fetch(url, options);
}
export async function apiFetch(path, options) {
  return fetch(process.env.BACKEND_URL + path, options);
}
`,
    });
  });
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const run = (relative: string, code: string) => {
    const source = parseSource(path.join(dir, relative), code);
    assert.ok(source, "the route parses");
    return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
  };
  const SAME_FILE_WRAPPER = `async function fetchWithTimeout(url, options = {}, ms = 20000) {
  const c = new AbortController();
  setTimeout(() => c.abort(), ms);
  return fetch(url, { ...options, signal: c.signal });
}`;

  it("a wrapper of the route's own file, called with Gemini's URL and key header", () => {
    assert.deepEqual(run("src/server.js", express(SAME_FILE_WRAPPER, geminiCall("fetchWithTimeout"))), ['app.post("/chat") → Google AI (Gemini)']);
  });

  it("a wrapper imported from the app's module, called in the route", () => {
    assert.deepEqual(run("src/server.js", express(`import { fetchWithTimeout } from "./http.js";`, geminiCall("fetchWithTimeout"))), ['app.post("/chat") → Google AI (Gemini)']);
    // Under another local name, and a CommonJS module's export required by name.
    assert.deepEqual(run("src/server.js", express(`import { fetchWithTimeout as request } from "./http.js";`, geminiCall("request"))), ['app.post("/chat") → Google AI (Gemini)']);
    assert.deepEqual(run("src/server.cjs", express(`const { withRetry } = require("./http-cjs.js");`, geminiCall("withRetry"))), ['app.post("/chat") → Google AI (Gemini)']);
  });

  it("the bot's own chain: a handler calling a method of an imported client class whose method calls the imported wrapper", () => {
    const bot = `import express from "express";
import { GeminiClient } from "./gemini.js";
const app = express();
const gemini = new GeminiClient({ apiKey: process.env.GEMINI_API_KEY });
app.post("/webhook", async (req, res) => {
  res.status(200).json({ ok: true });
  await handleMessage(req.body);
});
async function handleMessage(message) {
  return gemini.reply(message.text);
}
`;
    assert.deepEqual(run("src/server.js", bot), ['app.post("/webhook") → Google AI (Gemini)']);
  });

  it("a method of the same class that hands its URL and options to fetch: `this.makeApiRequest(url, options)` (aviz85/elevenlabs-bridge, batch 177)", () => {
    const service = (host: string) => `import express from "express";
class SttService {
  apiKey = process.env.ELEVENLABS_API_KEY;
  baseUrl = "${host}";
  async transcribe(body) {
    const response = await this.makeApiRequest(\`\${this.baseUrl}/speech-to-text\`, { method: "POST", headers: { "xi-api-key": this.apiKey }, body });
    return response.json();
  }
  async makeApiRequest(url, options) {
    return fetch(url, { ...options, signal: AbortSignal.timeout(30000) });
  }
}
const stt = new SttService();
const app = express();
app.post("/transcribe", async (req, res) => res.json(await stt.transcribe(req.body)));
`;
    assert.deepEqual(run("src/server.js", service("https://api.elevenlabs.io/v1")), ['app.post("/transcribe") → ElevenLabs']);
    // The same class sending to a host no provider serves, with the key header of none.
    assert.deepEqual(run("src/server.js", service("https://stt.example.com/v1").replace(`"xi-api-key": this.apiKey`, `"x-token": process.env.STT_TOKEN`)), []);
  });

  it("a wrapper called with a URL no provider serves, or with the caller's own key, reaches no provider's quota", () => {
    const wappi = `import express from "express";
import { WappiClient } from "./wappi.js";
const app = express();
const wappi = new WappiClient();
app.post("/send", async (req, res) => res.json(await wappi.send(req.body.text)));
`;
    assert.deepEqual(run("src/server.js", wappi), []);
    assert.deepEqual(run("src/server.js", express(SAME_FILE_WRAPPER, geminiCall("fetchWithTimeout", `"x-goog-api-key": req.headers["x-goog-api-key"]`))), []);
    // The model list runs no model, through a wrapper as through fetch.
    assert.deepEqual(
      run("src/server.js", express(`import { fetchWithTimeout } from "./http.js";`, `  res.json(await (await fetchWithTimeout("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } })).json());`)),
      [],
    );
  });

  it("a function that sends its request elsewhere than its URL parameter says is no wrapper", () => {
    assert.deepEqual(run("src/server.js", express(`import { viaProxy } from "./proxy.js";`, geminiCall("viaProxy"))), []);
    assert.deepEqual(run("src/server.js", express(`import { apiFetch } from "./proxy.js";`, geminiCall("apiFetch"))), []);
  });

  it("only a function that hands its own URL parameter, unchanged, and its options to fetch", () => {
    const wrapperIn = (code: string) => {
      const source = parseSource(path.join(dir, "src/lib.js"), code);
      assert.ok(source);
      const statement = source.ast.body[0];
      return fetchWrapperOf(statement.type === "VariableDeclaration" ? statement.declarations[0].init : statement);
    };
    assert.deepEqual(wrapperIn(`function get(url, init) { return fetch(url, init); }`), { url: 0, init: 1 });
    assert.deepEqual(wrapperIn(`const call = async (timeout, resource, { retries, ...options } = {}) => globalThis.fetch(resource, { ...options, keepalive: true });`), { url: 1, init: 2 });
    // The URL made of the parameter, the options not handed on, the name rebound, or a callback's own parameter.
    assert.equal(wrapperIn(`function get(path, init) { return fetch(BASE + path, init); }`), undefined);
    assert.equal(wrapperIn(`function get(url, init) { return fetch(url, { method: "POST" }); }`), undefined);
    assert.equal(wrapperIn(`function get(url, init) { var url = url.trim(); return fetch(url, init); }`), undefined);
    assert.equal(wrapperIn(`function get(url, init) { return list.map((url) => fetch(url, init)); }`), undefined);
    assert.equal(wrapperIn(`function get(url) { return fetch(url); }`), undefined);
  });
});

describe("require-rate-limit: an axios instance the module made, given the provider's URL in the call (appai-dev/sarcasmio, batch 231)", () => {
  const route = (create: string, call: string) => {
    const text = `import axios from "axios";
const OPENAI_API_URL = "https://api.openai.com/v1/completions";
const api = axios.create(${create});
export default async function handler(req, res) {
  const result = await api.${call};
  res.status(200).json({ text: result.data.choices[0].text });
}
`;
    const source = parseSource("/project/pages/api/sarcastic-response.js", text);
    assert.ok(source);
    return findUnlimitedAiRoutes(source).map((finding) => finding.data.provider);
  };
  const withKey = "{ headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } }";

  it("the provider's host in the call, or its key in the instance's headers with a URL from env", () => {
    assert.deepEqual(route(withKey, "post(OPENAI_API_URL, { prompt: req.body.question })"), ["OpenAI"]);
    assert.deepEqual(route("", "post(OPENAI_API_URL, { prompt: req.body.question })"), ["OpenAI"]);
    assert.deepEqual(route(withKey, "post(process.env.COMPLETIONS_URL, { prompt: req.body.question })"), ["OpenAI"]);
  });

  it("no provider: the model list, the caller's key, a host of the app's own, another name", () => {
    assert.deepEqual(route(withKey, 'get("https://api.openai.com/v1/models")'), []);
    assert.deepEqual(route("", "post(OPENAI_API_URL, req.body, { headers: { Authorization: req.headers.authorization } })"), []);
    assert.deepEqual(route(`{ baseURL: "https://my-api.example.dev", ${withKey.slice(1)}`, 'post("/chat", req.body)'), []);
    assert.deepEqual(route(withKey, "post.bind(api)"), []);
  });
});

describe("require-rate-limit: a key and base URL destructured from the app's config object (GrandPages/backend-whatsapp-gpt, batch 255)", () => {
  let dir = "";
  const service = (destructure: string) => `const axios = require("axios");
const { env } = require("../config/env");
${destructure}
let baseURL = apiUrl;
if (apiUrl.includes("/chat/completions")) baseURL = apiUrl.replace("/chat/completions", "");
const client = axios.create({ baseURL, headers: { Authorization: \`Bearer \${apiKey}\` } });
async function generateResponse(text) {
  const response = await client.post("/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
  return response.data.choices[0].message.content;
}
module.exports = { generateResponse };
`;
  before(() => {
    dir = makeRepo({
      "package.json": JSON.stringify({ name: "bot", dependencies: { express: "4", axios: "1", dotenv: "16" } }),
      "src/config/env.js": `const env = {
  openai: {
    apiKey: process.env.OPENAI_API_KEY,
    apiUrl: process.env.OPENAI_API_URL || "https://api.openai.com/v1",
  },
  zapi: { baseUrl: process.env.ZAPI_BASE_URL || "https://api.z-api.io", token: process.env.ZAPI_TOKEN },
};
module.exports = { env };
`,
      "src/services/openai.js": service("const { apiKey, apiUrl } = env.openai;"),
      "src/services/renamed.js": service("const { apiKey: apiKey, apiUrl } = env.openai;"),
      "src/services/zapi.js": service("const { token: apiKey, baseUrl: apiUrl } = env.zapi;"),
    });
  });
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const route = (service: string) => {
    const code = `const express = require("express");
const { generateResponse } = require("./services/${service}");
const app = express();
app.post("/webhook", async (req, res) => {
  res.json({ reply: await generateResponse(req.body.text) });
});
`;
    const source = parseSource(path.join(dir, "src/server.js"), code);
    assert.ok(source, "the route parses");
    return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
  };

  it("the OpenAI key and host of the config's openai object, destructured in the service", () => {
    assert.deepEqual(route("openai"), ['app.post("/webhook") → OpenAI']);
    assert.deepEqual(route("renamed"), ['app.post("/webhook") → OpenAI']);
  });

  it("not the messaging API's token and host, destructured the same way", () => {
    assert.deepEqual(route("zapi"), []);
  });
});

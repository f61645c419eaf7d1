/**
 * require-rate-limit on Azure Functions' v4 HTTP triggers (`app.http("chat", { handler })` and the
 * per-method shorthands), registered in code with no export: samuelgomeslima/daily-prayers (batch
 * 40) serves three anonymous OpenAI functions this way from its static web app's `api/` folder.
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
  const line = (offset: number) => code.slice(0, offset).split("\n").length;
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider} @${line(finding.range.start)}`).sort();
}

describe("require-rate-limit: Azure Functions (v4 programming model)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const apiDir = () => makeRepo({ "api/package.json": JSON.stringify({ dependencies: { "@azure/functions": "4", openai: "4" } }) });

  it("app.http with an inline handler and with a named one, CommonJS; a health check and a limited function are not reported", () => {
    const code = `const { app } = require("@azure/functions");
const OpenAI = require("openai");
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const { RateLimiterMemory } = require("rate-limiter-flexible");
const limiter = new RateLimiterMemory({ points: 10, duration: 60 });

app.http("chat", {
  methods: ["POST"],
  authLevel: "anonymous",
  handler: async (request, context) => {
    const body = await request.json();
    const response = await fetch("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: body.messages }),
    });
    return { jsonBody: await response.json() };
  },
});

async function transcribe(request, context) {
  const form = await request.formData();
  return { jsonBody: await openai.audio.transcriptions.create({ file: form.get("file"), model: "whisper-1" }) };
}
app.http("transcribe", { methods: ["POST"], authLevel: "anonymous", handler: transcribe });

app.get("health", async () => ({ body: "ok" }));

app.post("limited", {
  handler: async (request) => {
    await limiter.consume(request.headers.get("x-forwarded-for") ?? "anon");
    return { jsonBody: await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] }) };
  },
});
`;
    assert.deepEqual(findingsIn(apiDir(), "api/src/functions/chat.js", code), ["chat (app.http) → OpenAI @7", "transcribe (app.http) → OpenAI @25"]);
  });

  it("ES module imports under another name, a method shorthand, and a handler another module exports", () => {
    const dir = apiDir();
    fs.mkdirSync(path.join(dir, "api/src/functions"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "api/src/agent.ts"),
      `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function runAgent(request: unknown) {\n  return { jsonBody: await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] }) };\n}\n`,
    );
    const code = `import { app as functions, HttpRequest } from "@azure/functions";
import { runAgent } from "../agent";
import OpenAI from "openai";
const openai = new OpenAI();

functions.post("ask", async (request: HttpRequest) => ({ jsonBody: await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] }) }));
functions.http("agent", { handler: runAgent });
`;
    assert.deepEqual(findingsIn(dir, "api/src/functions/index.ts", code), ["agent (app.http) → OpenAI @7", "ask (app.post) → OpenAI @6"]);
  });

  it("the v3 model's exported function under api/ is an API function already", () => {
    const code = `const OpenAI = require("openai");
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
module.exports = async function (context, req) {
  context.res = { body: await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }) };
};
`;
    assert.equal(findingsIn(apiDir(), "api/chat/index.js", code).length, 1);
  });

  it("an `app` that is not Azure's registers nothing here", () => {
    const code = `import express from "express";
import OpenAI from "openai";
const openai = new OpenAI();
const app = express();
// "@azure/functions" is only named in a comment
app.http?.("chat", { handler: async () => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] }) });
`;
    assert.deepEqual(findingsIn(apiDir(), "server.js", code), []);
  });
});

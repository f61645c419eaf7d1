/**
 * 67-CPU/Vue-deepseek (real-app batch 200): a health route that asks the file's own client factory
 * whether a client can be made (`getClient() !== null`) runs no model; a route that uses what the
 * factory hands back, in any way not followed, still counts.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-factory-calls-")));
fs.writeFileSync(path.join(ROOT, "package.json"), JSON.stringify({ name: "deepseek-chat", dependencies: { express: "4", openai: "4" } }));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const server = (body: string, factory = "function getClient() {\n  const apiKey = process.env.DEEPSEEK_API_KEY;\n  if (!apiKey) return null;\n  return new OpenAI({ apiKey, baseURL: \"https://api.deepseek.com\" });\n}") => `import express from "express";
import OpenAI from "openai";
const app = express();
${factory}
function ask(c, q) {
  return c.chat.completions.create({ model: "deepseek-chat", messages: [{ role: "user", content: q }] });
}
app.get("/api/health", (req, res) => {
${body}
});
app.listen(3001);
`;
const found = (body: string, factory?: string) => routeFindings(ROOT, "server.js", server(body, factory)).map((f) => [f.handler, f.provider]);
const REPORTED = [['app.get("/api/health")', "DeepSeek"]];

describe("require-rate-limit: a call of the file's own client factory", () => {
  it("runs no model when the client is only tested", () => {
    assert.deepEqual(found(`  const client = getClient();\n  res.json({ status: "ok", api_configured: client !== null });`), []);
    assert.deepEqual(found(`  res.json({ configured: getClient() !== null, typed: Boolean(getClient()) });`), []);
    assert.deepEqual(found(`  const client = getClient();\n  if (!client) return res.status(503).end();\n  res.json({ ok: true });`), []);
    // A singleton getter is such a factory too.
    const singleton = "let instance;\nfunction getClient() {\n  if (!instance) instance = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: \"https://api.deepseek.com\" });\n  return instance;\n}";
    assert.deepEqual(found(`  res.json({ ok: getClient() !== undefined });`, singleton), []);
  });

  it("counts what the route does with the client", () => {
    assert.deepEqual(found(`  const client = getClient();\n  client.chat.completions.create({ model: "deepseek-chat", messages: [] }).then((r) => res.json(r));`), REPORTED);
    assert.deepEqual(found(`  getClient().chat.completions.create({ model: "deepseek-chat", messages: [] }).then((r) => res.json(r));`), REPORTED);
    // Handed on or taken apart: not followed, so the call of the factory counts.
    assert.deepEqual(found(`  const client = getClient();\n  ask(client, req.query.q).then((r) => res.json(r));`), REPORTED);
    assert.deepEqual(found(`  const { chat } = getClient();\n  chat.completions.create({ model: "deepseek-chat", messages: [] }).then((r) => res.json(r));`), REPORTED);
    assert.deepEqual(found(`  const client = getClient();\n  if (!client) return res.status(503).end();\n  ask(client, "ping").then(() => res.json({ ok: true }));`), REPORTED);
  });
});

/**
 * A key tidied before use is the same key: `String(apiKey).trim()` of the server's env key spends
 * the server's quota (cesswhite/nuxt-ai-image, batch 100), as the caller's key tidied stays theirs.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-tidied-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const route = (key: string) => `import express from "express";
import OpenAI from "openai";
const app = express();
const apiKey = process.env.OPENAI_API_KEY;
app.post("/chat", async (req, res) => {
  const openai = new OpenAI({ apiKey: ${key} });
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
});
`;

describe("require-rate-limit: a key tidied with String(…), .trim() or .toString()", () => {
  it("is the server's key when it was the server's, and the caller's when it was theirs", () => {
    for (const key of ["String(apiKey).trim()", "apiKey.trim()", "apiKey.toString().trimEnd()"]) {
      assert.deepEqual(routeFindings(ROOT, "server/index.js", route(key)).map((finding) => finding.handler), ['app.post("/chat")'], key);
    }
    for (const key of ["String(req.body.apiKey).trim()", "req.headers['x-api-key'].toString()"]) {
      assert.deepEqual(routeFindings(ROOT, "server/index.js", route(key)), [], key);
    }
  });
});

/**
 * A client made on first use (`let groq = null; … groq = new Groq({ apiKey })`, a real Express
 * app in bench/real-apps) with its key in the server's own config object: require-rate-limit
 * reports the routes that reach it. A key the module looks up per user (`userKeys.get(id)`) or
 * reads from a profile stays the caller's.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-lazy-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text);

const express = (clientLine: string, declarations: string, inGenerate = "") => `const express = require("express");
const app = express();
${declarations}
let groq = null;
async function generate() {${inGenerate}
  if (!groq) {
    const Groq = require("groq-sdk");
    ${clientLine}
  }
  return groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: [] });
}
app.post("/api/name", async (req, res) => {
  res.json(await generate());
});
`;

describe("require-rate-limit: clients made on first use", () => {
  it("reports a route whose client is assigned on first use, keyed from the module's config", () => {
    const app = express(`groq = new Groq({ apiKey: config.nameGenerator.groqApiKey });`, `const config = JSON.parse(require("fs").readFileSync("config.json", "utf8"));\nconfig.nameGenerator.groqApiKey = process.env.GROQ_API_KEY;`);
    assert.deepEqual(findings("name-api.js", app).map((f) => [f.handler, f.provider, f.line]), [['app.post("/api/name")', "Groq", 13]]);
  });

  it("reports `client ??= new OpenAI()` with the env's key", () => {
    const app = `import express from "express";
import OpenAI from "openai";
const app = express();
let client: OpenAI | undefined;
app.post("/chat", async (req, res) => {
  client ??= new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  res.json(await client.chat.completions.create(req.body));
});
`;
    assert.deepEqual(findings("server.ts", app).map((f) => f.provider), ["OpenAI"]);
  });

  it("stays quiet when the key is looked up per user or read from a profile", () => {
    const perUser = express(`groq = new Groq({ apiKey: userKeys.get(currentUser()) });`, `const userKeys = new Map();`);
    assert.deepEqual(findings("per-user.js", perUser), []);
    const profile = express(`groq = new Groq({ apiKey: profile.groqApiKey });`, "", "\n  const profile = await loadProfile();");
    assert.deepEqual(findings("profile.js", profile), []);
  });
});

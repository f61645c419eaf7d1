/**
 * Servers set up inside a function (`async function main() { … app.listen() }`): the handler a
 * route names and the helper it calls are declared in that function, not at module level
 * (HyperactiveDuck/FibaHackathon's `main()`, 594poxun/vue-openai-chatbot's `startServer()`,
 * ElenaH77/Dinner_Decided's `registerRoutes()`, batches 99–103). A parameter of the same name
 * hides them.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-setup-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const SERVER = `import express from "express";
import OpenAI from "openai";
async function main() {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  const app = express();
  async function callOpenAi(messages) {
    return openai.chat.completions.create({ model: "gpt-4o-mini", messages });
  }
  try {
    const chatHandler = async (req, res) => {
      res.json(await callOpenAi(req.body.messages));
    };
    app.post("/chat", chatHandler);
  } catch (error) {
    console.error(error);
  }
  app.post("/direct", async (req, res) => {
    res.json(await callOpenAi(req.body.messages));
  });
  app.post("/shadowed", async (req, res) => {
    const run = (callOpenAi) => callOpenAi();
    res.json(run(() => 1));
  });
  app.listen(3000);
}
main();
`;

describe("require-rate-limit: routes and helpers declared in the function that sets the server up", () => {
  it("follows a handler and a helper declared in main(), not one a parameter of the same name hides", () => {
    const found = routeFindings(ROOT, "server/index.js", SERVER).map((finding) => `${finding.handler}:${finding.line}`);
    assert.deepEqual(found.sort(), ['app.post("/chat"):13', 'app.post("/direct"):17']);
  });
});

describe("require-rate-limit: a server written as a class (alberto-hortelano/never-ending, batch 121)", () => {
  const server = (middleware: string) => `import express from "express";
import Anthropic from "@anthropic-ai/sdk";
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
export class Api {
  private app = express();
  constructor() {
    this.middleware();
    this.routes();
    this.app.post("/health", (req, res) => res.json({ ok: true }));
  }
  private routes() {
    this.app.post("/story", async (req, res) => res.json(await anthropic.messages.create(req.body)));
  }
  private middleware() {
    this.app.use(express.json());
${middleware}
  }
}
`;

  it("reports the routes its methods register on `this.app`", () => {
    const found = routeFindings(ROOT, "src/server/Api.ts", server("")).map((finding) => `${finding.handler}:${finding.line}`);
    assert.deepEqual(found, ['app.post("/story"):12']);
  });

  it("a limiter another method of the class puts on the app limits them", () => {
    assert.deepEqual(routeFindings(ROOT, "src/server/Api.ts", server(`    this.app.use(rateLimit({ windowMs: 60_000, max: 20 }));`)), []);
  });
});

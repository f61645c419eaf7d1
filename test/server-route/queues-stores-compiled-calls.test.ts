/**
 * require-rate-limit: an outbound queue (Bottleneck, p-limit) is no rate limit, whatever its name
 * (Ztola/shopify-ai-seo's `limiter.schedule(…)` spacing its own Shopify calls, batch 160); a
 * PrismaVectorStore built by its builder chain embeds on `addModels` (arnoldblake/ai-chatbot,
 * batch 163); tsc's CommonJS call of an import, `(0, cohere_1.getTranslation)(…)`, is that
 * function's call (itsS4nty/ai-translator's committed build, batch 161).
 */
import assert from "node:assert/strict";
import { routeFindings } from "./route-findings";
import { inTempTree } from "../support/temp-tree";

const found = (root: string, rel: string, text: string) => routeFindings(root, rel, text).map((finding) => [finding.handler, finding.provider]);

describe("require-rate-limit: queues, store builders, compiled calls", () => {
  it("reports a route whose only 'limiter' is an outbound queue of its own requests", () => {
    inTempTree("keyfence-queue-", (root) => {
      const queued = `import express from "express";
import Bottleneck from "bottleneck";
import OpenAI from "openai";
const app = express();
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const limiter = new Bottleneck({ maxConcurrent: 1, minTime: 650 });
app.post("/chat", async (req, res) => {
  const shop = await limiter.schedule(() => fetch("https://shop.example/products.json"));
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: String(shop.status) }] }));
});
`;
      assert.deepEqual(found(root, "server.js", queued), [[`app.post("/chat")`, "OpenAI"]]);
      // A limiter of the app's callers still counts (express-rate-limit).
      const limited = queued.replace('import Bottleneck from "bottleneck";', 'import rateLimit from "express-rate-limit";').replace('app.post("/chat", async', 'app.post("/chat", rateLimit({ windowMs: 60_000, max: 10 }), async');
      assert.deepEqual(found(root, "limited.js", limited), []);
    });
  });

  it("counts addModels on a PrismaVectorStore its builder chain made over keyed embeddings", () => {
    inTempTree("keyfence-prisma-store-", (root) => {
      const text = `import { PrismaVectorStore } from "@langchain/community/vectorstores/prisma";
import { OpenAIEmbeddings } from "@langchain/openai";
import { PrismaClient, Prisma } from "@prisma/client";
const prisma = new PrismaClient();
const vectorStore = PrismaVectorStore.withModel(prisma).create(new OpenAIEmbeddings(), { prisma: Prisma, tableName: "Document", vectorColumnName: "vector", columns: { id: PrismaVectorStore.IdColumn, content: PrismaVectorStore.ContentColumn } });
export async function POST(request) {
  const rows = await prisma.document.findMany();
  await vectorStore.addModels(rows);
  return Response.json({ ok: true });
}
`;
      assert.deepEqual(found(root, "app/api/vectorize/route.js", text), [["POST", "OpenAI"]]);
    });
  });

  it("reads tsc's CommonJS call of an imported helper as that helper's call", () => {
    inTempTree("keyfence-tsc-call-", (root, write) => {
      write("package.json", JSON.stringify({ dependencies: { express: "4", "cohere-ai": "7" } }));
      write("dist/cohere.js", `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.getTranslation = getTranslation;\nconst cohere_ai_1 = require("cohere-ai");\nconst cohere = new cohere_ai_1.CohereClient({ token: process.env.COHERE_API_KEY });\nasync function getTranslation(text) {\n    return cohere.chat({ message: text });\n}\n`);
      const index = `"use strict";\nconst express = require("express");\nconst cohere_1 = require("./cohere");\nconst app = express();\napp.get("/gt", async (req, res) => {\n    res.json(await (0, cohere_1.getTranslation)(String(req.query.text)));\n});\napp.listen(3000);\n`;
      write("dist/index.js", index);
      assert.deepEqual(found(root, "dist/index.js", index), [[`app.get("/gt")`, "Cohere"]]);
    });
  });
});

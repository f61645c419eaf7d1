/**
 * require-rate-limit, batches 179–181:
 * - Express takes a list of handlers wherever it takes one: `router.post("/", [validate, create])`,
 *   `const create = [validateRequest(schema), async (req, res) => …]` in a controller default-exported
 *   as `{ create }` (stevekcm/OpenAI-Express-Server). The last answers; a limiter among the others limits it.
 * - Reading or deleting the account's models and files runs no model: v3's `retrieveModel`,
 *   `deleteModel`, `deleteFile` (gajojr/gpt-steroid's `DELETE /fine-tune`), v4's `models.retrieve`,
 *   `files.del`; a helper that returns such a call's answer hands back no client.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

function findingsIn(dir: string, rel: string, code: string): string[] {
  const source = parseSource(path.join(dir, rel), code);
  assert.ok(source);
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`).sort();
}

const V3_CLIENT = `import { Configuration, OpenAIApi } from "openai";
export const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
`;

describe("require-rate-limit: Express's lists of handlers (stevekcm/OpenAI-Express-Server, batch 181)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a list written in the registration or held in a const of the file: the last answers, a limiter before it holds", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", openai: "3" } }), "src/utils/openai.ts": V3_CLIENT });
    const routes = `import { Router } from "express";
import rateLimit from "express-rate-limit";
import { openai } from "../utils/openai";
const router = Router();
const limiter = rateLimit({ windowMs: 60_000, max: 20 });
const complete = async (req, res) => res.json(await openai.createCompletion({ model: "m", prompt: req.body.prompt }));
const validate = (req, res, next) => next();
const create = [validate, complete];
router.post("/inline", [validate, complete]);
router.post("/held", create);
router.post("/limited", [limiter, complete]);
router.post("/health", [validate, (req, res) => res.send("ok")]);
// A list of middleware before the handler (luomor-ai/chatgpt-web, batch 234).
router.post("/guarded", [validate, limiter], complete);
router.post("/validated", [validate], complete);
const guard = (req, res, next) => (seen(req.ip) > 20 ? res.status(429).end() : next());
router.post("/counted", [validate, guard], complete);
export default router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/openai.route.ts", routes), ['router.post("/held") → OpenAI', 'router.post("/inline") → OpenAI', 'router.post("/validated") → OpenAI']);
  });

  it("a controller's default export of lists, each reaching the client through a service object", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", openai: "3" } }),
      "src/utils/openai.ts": V3_CLIENT,
      "src/services/openai.service.ts": `import { openai } from "../utils/openai";
const createCompletion = async (model: string, prompt: string) => (await openai.createCompletion({ model, prompt })).data.choices[0].text;
export default { createCompletion };
`,
      "src/controllers/openai.controller.ts": `import openaiService from "../services/openai.service";
import { validateRequest } from "../middlewares/validator";
import { rateLimiter } from "../middlewares/rate-limiter";
const create = [
  validateRequest({ body: {} }),
  async (req, res, next) => {
    try {
      res.json(await openaiService.createCompletion(req.body.model, req.body.prompt));
    } catch (e) {
      next(e);
    }
  },
];
const createLimited = [rateLimiter, create[1]];
const ping = [validateRequest({}), (req, res) => res.send("pong")];
export default { create, createLimited, ping };
`,
    });
    const routes = `import { Router } from "express";
import openaiController from "../controllers/openai.controller";
const router = Router();
router.post("/", openaiController.create);
router.post("/limited", openaiController.createLimited);
router.get("/ping", openaiController.ping);
export default router;
`;
    assert.deepEqual(findingsIn(dir, "src/routes/openai.route.ts", routes), ['router.post("/") → OpenAI']);
  });
  it("an exported list that is no list of handlers (tools, its last one calling a model) is no client: listing it calls nothing", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }),
      "src/tools.ts": `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const weather = async (city: string) => ({ city, sunny: true });
const summarize = async (text: string) => (await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] })).choices[0].message;
export const tools = [weather, summarize];
`,
    });
    const routes = `import express from "express";
import { tools } from "../tools";
const app = express();
app.get("/tools", (req, res) => res.json(tools.map((tool) => tool.name)));
app.listen(3000);
`;
    assert.deepEqual(findingsIn(dir, "src/routes/tools.ts", routes), []);
  });
});

describe("require-rate-limit: the account's models and files are no model (gajojr/gpt-steroid, batch 180)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("v3's retrieveModel, deleteModel and deleteFile, in the route or in a helper it imports; making a fine-tune still counts", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { express: "4", openai: "3" } }),
      "server/openai/client.js": V3_CLIENT,
      "server/openai/fineTuning.js": `import { openai } from "./client.js";
export async function deleteFineTune(model, fileId) {
  await openai.deleteModel(model);
  await openai.deleteFile(fileId);
}
export const describeModel = async (model) => {
  return await openai.retrieveModel(model);
};
export async function createFineTune(fileId) {
  return (await openai.createFineTune({ training_file: fileId })).data;
}
`,
    });
    const server = `import express from "express";
import { openai } from "./openai/client.js";
import { createFineTune, deleteFineTune, describeModel } from "./openai/fineTuning.js";
const app = express();
app.delete("/fine-tune", async (req, res) => { await deleteFineTune(req.body.model, req.body.fileId); res.json({ ok: true }); });
app.get("/model", async (req, res) => res.json(await describeModel(req.query.model)));
app.get("/files", async (req, res) => res.json((await openai.listFiles()).data));
app.post("/fine-tune", async (req, res) => res.json(await createFineTune(req.body.fileId)));
app.listen(8000);
`;
    assert.deepEqual(findingsIn(dir, "server/index.js", server), ['app.post("/fine-tune") → OpenAI']);
  });

  it("v4's models.retrieve, files.list and files.del, and deleting any resource; a chat completion beside them, an assistant read and a vector store's files still count", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }) });
    const server = `import express from "express";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = express();
app.get("/model/:id", async (req, res) => res.json(await openai.models.retrieve(req.params.id)));
app.get("/files", async (req, res) => res.json(await openai.files.list()));
app.delete("/files/:id", async (req, res) => res.json(await openai.files.del(req.params.id)));
// Deleting an assistant, a thread, an assistant's file or a vector store runs no model either (azakiio/heatofus, batch 223).
app.delete("/assistants/:id", async (req, res) => res.json(await openai.beta.assistants.del(req.params.id)));
app.delete("/threads/:id", async (req, res) => res.json(await openai.beta.threads.del(req.params.id)));
app.delete("/assistants/:id/files/:file", async (req, res) => res.json(await openai.beta.assistants.files.del(req.params.id, req.params.file)));
app.delete("/stores/:id", async (req, res) => res.json(await openai.vectorStores.delete(req.params.id)));
// Reading an assistant still counts: the doc counts every read but the account's models and files.
app.get("/assistants/:id", async (req, res) => res.json(await openai.beta.assistants.retrieve(req.params.id)));
// A vector store's files are no account file (tom-mcmillan/nwsl_data_platform's list_files route, labelled as counting).
app.get("/stores/:id/files", async (req, res) => res.json(await openai.vectorStores.files.list(req.params.id)));
app.post("/chat", async (req, res) => {
  await openai.files.retrieve(req.body.fileId);
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
});
app.listen(8000);
`;
    assert.deepEqual(findingsIn(dir, "server.js", server), ['app.get("/assistants/:id") → OpenAI', 'app.get("/stores/:id/files") → OpenAI', 'app.post("/chat") → OpenAI']);
  });
});

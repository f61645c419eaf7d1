/**
 * require-rate-limit on an Express router that no file of its project loads (7onyx7/wildhacks25's
 * routes/financeRoutes.js, JebbyMiller/final_project's routes/gemini.js: real-app batches 213 and 226):
 * its routes answer no request. Judged only where the project mounts its routers by name and loads
 * no module by a computed path.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, readFile, removeRepos } from "../env/support";

const router = (route: string) => `const express = require("express");
const { GoogleGenerativeAI } = require("@google/generative-ai");
const router = express.Router();
const model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY).getGenerativeModel({ model: "gemini-1.5-flash" });
router.post("${route}", async (req, res) => {
  const result = await model.generateContent(req.body.prompt);
  res.json({ text: result.response.text() });
});
module.exports = router;
`;
const SERVER = `const express = require("express");
const app = express();
app.use(express.json());
app.use("/api/chat", require("./routes/chat"));
app.listen(3000);
`;
const PACKAGE = JSON.stringify({ name: "wildhacks-backend", dependencies: { express: "4", "@google/generative-ai": "0.24" } });

describe("require-rate-limit: an Express router no file loads", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const findings = (dir: string, rel: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, rel), readFile(dir, rel))!).map((f) => String(f.data.handler));
  const repo = (extra: Record<string, string> = {}) =>
    makeRepo({ "package.json": PACKAGE, "server.js": SERVER, "routes/chat.js": router("/"), "routes/financeRoutes.js": router("/advice"), ...extra });

  it("reports the mounted router's route and not the one nothing loads", () => {
    const dir = repo();
    assert.deepEqual(findings(dir, "routes/chat.js"), ['router.post("/")']);
    assert.deepEqual(findings(dir, "routes/financeRoutes.js"), []);
  });

  it("a test file that requires the router loads it for no one", () => {
    const dir = repo({ "test/finance.test.js": `const finance = require("../routes/financeRoutes");\nmodule.exports = finance;\n` });
    assert.deepEqual(findings(dir, "routes/financeRoutes.js"), []);
  });

  it("counts the router when any file imports it, or when the project loads modules by a computed path", () => {
    const imported = repo({ "routes/index.js": `module.exports = [require("./financeRoutes")];\n` });
    assert.deepEqual(findings(imported, "routes/financeRoutes.js"), ['router.post("/advice")']);
    const loop = repo({
      "load.js": `const fs = require("fs");\nconst path = require("path");\nmodule.exports = (app) => fs.readdirSync(path.join(__dirname, "routes")).forEach((file) => app.use(require(path.join(__dirname, "routes", file))));\n`,
    });
    assert.deepEqual(findings(loop, "routes/financeRoutes.js"), ['router.post("/advice")']);
  });

  it("is not judged where the project mounts no router of its own, or for an app that listens itself", () => {
    const alone = makeRepo({ "package.json": PACKAGE, "routes/financeRoutes.js": router("/advice") });
    assert.deepEqual(findings(alone, "routes/financeRoutes.js"), ['router.post("/advice")']);
    const listens = repo({ "routes/financeRoutes.js": `${router("/advice")}express().use(router).listen(4000);\n` });
    assert.deepEqual(findings(listens, "routes/financeRoutes.js"), ['router.post("/advice")']);
  });
});

/**
 * require-rate-limit skips the copies an editor's local history keeps (VS Code's Local History extension
 * writes `.history/<path>_<timestamp>.js`; remydev47/ai-dalle commits them, batch 245): no server loads them.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-editor-history-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const ROUTER = `import express from "express";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const router = express.Router();
router.route("/").post(async (req, res) => {
  const image = await openai.images.generate({ prompt: req.body.prompt });
  res.json(image);
});
export default router;
`;

describe("require-rate-limit: an editor's local history", () => {
  it("reports the router, not its timestamped copies under .history/", () => {
    assert.deepEqual(routeFindings(ROOT, "server/routes/dalleRoutes.js", ROUTER).map((f) => f.line), [5]);
    assert.deepEqual(routeFindings(ROOT, ".history/server/routes/dalleRoutes_20230125101946.js", ROUTER), []);
    // A folder that only ends in "history" is the app's own.
    assert.deepEqual(routeFindings(ROOT, "server/chat-history/routes.js", ROUTER).map((f) => f.line), [5]);
  });
});

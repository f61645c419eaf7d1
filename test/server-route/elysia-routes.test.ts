/**
 * require-rate-limit on Elysia's route chains: the handler comes before Elysia's hook object
 * (`.post("/ai", ({ body }) => …, { body: t.Object(…) })`), where Express and Hono end with it
 * (algonacci/elysia-stream, batch 41).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const app = (post: string) => `import { Elysia, t } from "elysia";
import { OpenAI } from "openai";
import { rateLimit } from "elysia-rate-limit";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = new Elysia()
  .get("/", () => "hello")
${post}
  .listen(3000);
`;

describe("require-rate-limit: Elysia routes", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const findings = (code: string) => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { elysia: "1", openai: "4" } }) });
    const source = parseSource(path.join(dir, "src/index.ts"), code);
    assert.ok(source);
    return findUnlimitedAiRoutes(source).map((finding) => finding.data.handler);
  };

  it("reports a handler followed by Elysia's hook object", () => {
    const post = `  .post("/ai", ({ body }) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: body.prompt }] }), {
    body: t.Object({ prompt: t.String() }),
  })`;
    assert.deepEqual(findings(app(post)), ['app.post("/ai")']);
  });

  it("stays quiet when a limiter runs in the handler, and on a route whose handler calls no model", () => {
    const limited = `  .post("/ai", async ({ body, set }) => {
    if (!(await rateLimit.check(body.user))) { set.status = 429; return "slow down"; }
    return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
  }, { body: t.Object({ prompt: t.String(), user: t.String() }) })`;
    assert.deepEqual(findings(app(limited)), []);
    assert.deepEqual(findings(app(`  .post("/echo", ({ body }) => body, { body: t.Object({ prompt: t.String() }) })`)), []);
  });
});

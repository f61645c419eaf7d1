/**
 * Requests to a provider that spend none of the server's quota (cameronapak/open-chat, batch 77):
 * a key the caller keeps sealed in their own cookie (`decrypt(getCookie(c, "ork"), secret)`), the
 * model list, and an OAuth code exchange that sends no credential at all.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

describe("require-rate-limit: requests that spend none of the server's quota (cameronapak/open-chat, batch 77)", () => {
  let dir: string;
  before(() => (dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { hono: "4.0.0", "@openrouter/ai-sdk-provider": "1.0.0", ai: "5.0.0" } }) })));
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());
  const run = (code: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "src/routes/chat.ts"), code)!).map((f) => String(f.data.handler));
  const hono = (body: string) => `import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { streamText } from "ai";
import { decrypt } from "@/lib/crypto";
export const chat = new Hono();
chat.post("/", async (c) => {
${body}
});
`;

  it("the caller's own key, decrypted from their cookie, for an SDK client and for a fetch", () => {
    assert.deepEqual(run(hono(`  const apiKey = decrypt(getCookie(c, "ork"), process.env.ENCRYPTION_SECRET);
  const openrouter = createOpenRouter({ apiKey });
  return streamText({ model: openrouter("openai/gpt-4o-mini"), prompt: "hi" }).toTextStreamResponse();`)), []);
    assert.deepEqual(run(hono(`  const sealed = getCookie(c, "ork");
  const apiKey = await decryptKey(sealed);
  return fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: await c.req.text() });`)), []);
    // The server's own key is still the server's.
    assert.deepEqual(run(hono(`  const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
  return streamText({ model: openrouter("openai/gpt-4o-mini"), prompt: "hi" }).toTextStreamResponse();`)), ['chat.post("/")']);
  });

  it("the model list written out whole, and a request whose headers carry no credential", () => {
    assert.deepEqual(run(hono(`  const url = new URL("https://openrouter.ai/api/v1/models");
  return fetch(url, { headers: { Authorization: \`Bearer \${process.env.OPENROUTER_API_KEY}\` } });`)), []);
    assert.deepEqual(run(hono(`  const { code } = await c.req.json();
  return fetch("https://openrouter.ai/api/v1/auth/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });`)), []);
    // A URL that only starts with a models path, and headers that carry the key, run a model.
    assert.deepEqual(run(hono(`  return fetch("https://generativelanguage.googleapis.com/v1beta/models/" + "gemini-2.0-flash" + ":generateContent", { method: "POST", headers: { "x-goog-api-key": process.env.GEMINI_API_KEY } });`)), ['chat.post("/")']);
  });
});

/**
 * require-rate-limit: a wrapper of the same file whose own code limits (juustesout/agent-server, batch 187):
 * `export default withMiddleware(async (req, res) => …)` where `withMiddleware` consumes a
 * rate-limiter-flexible limiter and answers 429 before it calls the handler. A wrapper that only logs does not.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const run = (wrapperBody: string) => `import type { VercelRequest, VercelResponse } from "@vercel/node";
import OpenAI from "openai";
import { RateLimiterMemory } from "rate-limiter-flexible";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const rateLimiter = new RateLimiterMemory({ points: 10, duration: 60 });
const withMiddleware = (handler: (req: VercelRequest, res: VercelResponse) => Promise<void>) => {
  return async (req: VercelRequest, res: VercelResponse) => {
${wrapperBody}
    await handler(req, res);
  };
};
export default withMiddleware(async (req: VercelRequest, res: VercelResponse): Promise<void> => {
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
});
`;

const LIMITS = `    const key = String(req.headers["x-forwarded-for"] ?? "anonymous");
    try {
      await rateLimiter.consume(key);
    } catch {
      res.status(429).json({ error: "rate_limited" });
      return;
    }`;

describe("require-rate-limit: a same-file wrapper that limits (juustesout/agent-server, batch 187)", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("a handler wrapped by a function of its file that consumes a limiter and answers 429 is limited; one wrapped by a logger is not", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { openai: "4", "rate-limiter-flexible": "5" } }) });
    const handlers = (text: string) => {
      const source = parseSource(path.join(dir, "api/run.ts"), text);
      assert.ok(source);
      return findUnlimitedAiRoutes(source).map((finding) => String(finding.data.handler));
    };
    assert.deepEqual(handlers(run(LIMITS)), []);
    assert.deepEqual(handlers(run(`    console.log(req.method, req.url);`)), ["default"]);
  });

  it("another function of the app that calls that wrapped handler is limited by it too (api/quick-chat.ts → ./run)", () => {
    const forward = `import type { VercelRequest, VercelResponse } from "@vercel/node";
import mainHandler from "./run";
export default async function handler(req: VercelRequest, res: VercelResponse) {
  req.query.path = ["quick-chat"];
  return mainHandler(req, res);
}
`;
    const limited = makeRepo({ "package.json": JSON.stringify({ dependencies: { openai: "4", "rate-limiter-flexible": "5" } }), "api/run.ts": run(LIMITS) });
    const logged = makeRepo({ "package.json": JSON.stringify({ dependencies: { openai: "4" } }), "api/run.ts": run(`    console.log(req.url);`) });
    const handlers = (dir: string) => {
      const source = parseSource(path.join(dir, "api/quick-chat.ts"), forward);
      assert.ok(source);
      return findUnlimitedAiRoutes(source).map((finding) => String(finding.data.handler));
    };
    assert.deepEqual(handlers(limited), []);
    assert.deepEqual(handlers(logged), ["default"]);
  });
});

describe("require-rate-limit: a proxy that passes the caller's own headers on (LefeiYin/edge-functions-examples-2056, batch 193)", () => {
  after(() => removeRepos());

  it("`fetch(openai, { headers: request.headers })` sends the caller's key, not the server's; one that adds the server's is reported", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ name: "edge" }) });
    const handlers = (text: string) => {
      const source = parseSource(path.join(dir, "netlify/edge-functions/hello.js"), text);
      assert.ok(source);
      return findUnlimitedAiRoutes(source).map((finding) => String(finding.data.handler));
    };
    const proxy = (headers: string) =>
      `export default async (request) => {\n  let config = { headers: ${headers}, method: "POST", body: request.body };\n  return fetch("https://api.openai.com/v1/chat/completions", config);\n};\n`;
    assert.deepEqual(handlers(proxy("request.headers")), []);
    assert.deepEqual(handlers(proxy("{ Authorization: `Bearer ${Netlify.env.get(\"OPENAI_API_KEY\")}` }")), ["netlify/edge-functions/hello"]);
  });

  it("a copy of the caller's headers, `new Headers(request.headers)`, is theirs unless the copy gets the server's key (lovingfish/Simple-OpenAI-API-Proxy, batch 227)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ name: "edge" }) });
    const handlers = (set: string) => {
      const text = `export default async (request) => {
  const headers = new Headers(request.headers);
  ${set}
  const proxied = new Request("https://api.openai.com/v1/chat/completions", { method: "POST", headers, body: request.body });
  return fetch(proxied);
};
`;
      const source = parseSource(path.join(dir, "netlify/edge-functions/proxy.js"), text);
      assert.ok(source);
      return findUnlimitedAiRoutes(source).map((finding) => String(finding.data.handler));
    };
    assert.deepEqual(handlers(`headers.set("User-Agent", "OpenAI-Proxy/1.0");`), []);
    assert.deepEqual(handlers("headers.set(\"Authorization\", `Bearer ${Netlify.env.get(\"OPENAI_API_KEY\")}`);"), ["netlify/edge-functions/proxy"]);
  });
});

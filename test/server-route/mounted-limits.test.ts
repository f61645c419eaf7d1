/**
 * Routers whose limiter is in the file that mounts them (hamzaayarii/kanz-app, an Express API
 * with `app.use(rateLimit(…))` before its routers; SammitBadodekar/jsonify, a Hono app whose
 * middleware answers 429 before `app.route("/jsonify", jsonify)`; both in bench/real-apps), and
 * a shared client a CommonJS module exports (`module.exports = cohere`).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { invalidate } from "../../eslint-plugin/src/engine/client";
import { routeFindings } from "./route-findings";

const ROOTS: string[] = [];
after(() => {
  for (const root of ROOTS) fs.rmSync(root, { recursive: true, force: true });
});

/** A project on disk; returns its folder. */
function project(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-mounted-")));
  ROOTS.push(root);
  for (const [rel, text] of Object.entries({ "package.json": `{ "name": "api", "dependencies": { "express": "4" } }\n`, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const COHERE_CLIENT = `const { CohereClient } = require("cohere-ai");
const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });
module.exports = cohere;
`;

const CHAT_ROUTER = `const express = require("express");
const router = express.Router();
const cohere = require("../clients/cohere");
router.post("/ask", async (req, res) => {
  const response = await cohere.generate({ model: "command", prompt: req.body.message });
  res.json({ reply: response.generations[0].text });
});
module.exports = router;
`;

const server = (...lines: string[]) => [`const express = require("express");`, `const rateLimit = require("express-rate-limit");`, `const app = express();`, ...lines, `app.listen(3000);`, ``].join("\n");

const chatFindings = (files: Record<string, string>) => {
  const root = project({ "clients/cohere.js": COHERE_CLIENT, "routes/chat.js": CHAT_ROUTER, ...files });
  return routeFindings(root, "routes/chat.js", CHAT_ROUTER).map((f) => [f.handler, f.provider]);
};

describe("require-rate-limit: a limiter where the router is mounted", () => {
  it("reports a router calling a client that a CommonJS module exports, when nothing limits it", () => {
    assert.deepEqual(chatFindings({ "server.js": server(`app.use("/api/chat", require("./routes/chat"));`) }), [['router.post("/ask")', "Cohere"]]);
  });

  it("a limiter mounted behind a switch, in a block or in a setup's try covers the routers after it (JuniorSebastian/TecCreateBackendDeployed, batch 106)", () => {
    const mount = `app.use("/api/chat", require("./routes/chat"));`;
    assert.deepEqual(chatFindings({ "server.js": server(`const limiter = process.env.NO_LIMIT ? null : rateLimit({ max: 20 });`, `if (limiter) app.use(limiter);`, mount) }), []);
    assert.deepEqual(chatFindings({ "server.js": server(`if (process.env.LIMIT) {`, `  app.use(rateLimit({ max: 20 }));`, `}`, mount) }), []);
    assert.deepEqual(chatFindings({ "server.js": server(`try {`, `  app.use(rateLimit({ max: 20 }));`, `} catch {}`, mount) }), []);
    // A limiter behind a switch after the router is mounted runs after its routes: still reported.
    assert.deepEqual(chatFindings({ "server.js": server(mount, `if (process.env.LIMIT) app.use(rateLimit({ max: 20 }));`) }), [['router.post("/ask")', "Cohere"]]);
  });

  it("a limiter registered for one path covers the routes under it only (krishnactive/ai-report-simplifier, batch 37)", () => {
    const twoRoutes = CHAT_ROUTER.replace("module.exports = router;", `router.post("/summarize", async (req, res) => {\n  res.json(await cohere.generate({ model: "command", prompt: req.body.text }));\n});\nmodule.exports = router;`);
    const findingsFor = (serverText: string) => {
      const root = project({ "clients/cohere.js": COHERE_CLIENT, "routes/chat.js": twoRoutes, "server.js": serverText });
      return routeFindings(root, "routes/chat.js", twoRoutes).map((f) => f.handler);
    };
    const scoped = server(`const aiLimiter = rateLimit({ windowMs: 60_000, max: 20 });`, `app.use("/summarize", aiLimiter);`, `app.use("/", require("./routes/chat"));`);
    assert.deepEqual(findingsFor(scoped), ['router.post("/ask")']);
    // Under a mount path: /api/summarize is covered by a limiter on /api/summarize, and both by one on /api.
    const mounted = server(`app.use("/api/summarize", rateLimit({ max: 20 }));`, `app.use("/api", require("./routes/chat"));`);
    assert.deepEqual(findingsFor(mounted), ['router.post("/ask")']);
    assert.deepEqual(findingsFor(server(`app.use("/api/", rateLimit({ max: 20 }));`, `app.use("/api", require("./routes/chat"));`)), []);
    assert.deepEqual(findingsFor(server(`app.use("/", rateLimit({ max: 20 }));`, `app.use("/api", require("./routes/chat"));`)), []);
  });

  it("an app factory mounting the router behind a limiter it makes (dabit3/react-native-ai, batch 67)", () => {
    const factory = (mount: string) =>
      [
        `import express from "express";`,
        `import rateLimit from "express-rate-limit";`,
        `import chat from "./routes/chat";`,
        `import { auth } from "./auth";`,
        `export function createApp() {`,
        `  const app = express();`,
        `  const limiter = rateLimit({ windowMs: 60_000, limit: 60 });`,
        `  ${mount}`,
        `  return app;`,
        `}`,
        ``,
      ].join("\n");
    const auth = `export function auth(req, res, next) { next(); }\n`;
    assert.deepEqual(chatFindings({ "server.js": factory(`app.use("/chat", auth, limiter, chat);`), "auth.js": auth }), []);
    const arrow = factory(`app.use("/chat", auth, limiter, chat);`).replace("export function createApp() {", "export const createApp = () => {").replace(/}\n$/, "};\n");
    assert.deepEqual(chatFindings({ "server.js": arrow, "auth.js": auth }), []);
    assert.deepEqual(chatFindings({ "server.js": factory(`app.use("/chat", auth, chat);`), "auth.js": auth }), [['router.post("/ask")', "Cohere"]]);
  });

  it("the same in one file: `app.use(\"/summarize\", limiter)` then the routes", () => {
    const root = project({ "clients/cohere.js": COHERE_CLIENT });
    const app = server(
      `const cohere = require("./clients/cohere");`,
      `app.use("/summarize", rateLimit({ max: 20 }));`,
      `app.post("/summarize", async (req, res) => res.json(await cohere.generate({ prompt: req.body.text })));`,
      `app.post("/extract", async (req, res) => res.json(await cohere.generate({ prompt: req.body.text })));`,
    );
    assert.deepEqual(routeFindings(root, "server.js", app).map((f) => f.handler), ['app.post("/extract")']);
  });

  it("stays quiet when the mounting file registers a limiter before the router", () => {
    const limited = server(`app.use(rateLimit({ windowMs: 60_000, max: 20 }));`, `const chat = require("./routes/chat");`, `app.use("/api/chat", chat);`);
    assert.deepEqual(chatFindings({ "server.js": limited }), []);
    const inMount = server(`const limiter = rateLimit({ windowMs: 60_000, max: 20 });`, `app.use("/api/chat", limiter, require("./routes/chat"));`);
    assert.deepEqual(chatFindings({ "server.js": inMount }), []);
  });

  it("a limiter imported from the app's own module, registered before the router, limits it", () => {
    const limiterModule = `const rateLimit = require("express-rate-limit");\nconst limiter = rateLimit({ windowMs: 60_000, max: 20 });\nmodule.exports = { limiter };\n`;
    const limited = server(`const { limiter } = require("./middlewares/limiter");`, `app.use(limiter);`, `app.use("/api/chat", require("./routes/chat"));`);
    assert.deepEqual(chatFindings({ "middlewares/limiter.js": limiterModule, "server.js": limited }), []);
  });

  it("follows an edit of the mounting file once the editor says it changed", () => {
    const limited = server(`app.use(rateLimit({ max: 20 }));`, `app.use("/api/chat", require("./routes/chat"));`);
    const root = project({ "clients/cohere.js": COHERE_CLIENT, "routes/chat.js": CHAT_ROUTER, "server.js": limited });
    assert.deepEqual(routeFindings(root, "routes/chat.js", CHAT_ROUTER), []);
    fs.writeFileSync(path.join(root, "server.js"), server(`app.use("/api/chat", require("./routes/chat"));`));
    invalidate(path.join(root, "server.js"));
    assert.equal(routeFindings(root, "routes/chat.js", CHAT_ROUTER).length, 1, "the limiter was removed");
  });

  it("reports a router mounted before the limiter, or mounted twice and limited once", () => {
    const after = server(`app.use("/api/chat", require("./routes/chat"));`, `app.use(rateLimit({ max: 20 }));`);
    assert.deepEqual(chatFindings({ "server.js": after }).length, 1);
    const twice = server(`app.use(rateLimit({ max: 20 }));`, `app.use("/api/chat", require("./routes/chat"));`);
    assert.deepEqual(chatFindings({ "server.js": twice, "admin.js": server(`app.use("/chat", require("./routes/chat"));`) }).length, 1);
  });

  it("follows a routes index mounted behind the limiter", () => {
    const index = `const router = require("express").Router();\nrouter.use("/chat", require("./chat"));\nmodule.exports = router;\n`;
    const limited = server(`app.use(rateLimit({ max: 20 }));`, `app.use("/api", require("./routes"));`);
    assert.deepEqual(chatFindings({ "routes/index.js": index, "server.js": limited }), []);
    const open = server(`app.use("/api", require("./routes"));`);
    assert.deepEqual(chatFindings({ "routes/index.js": index, "server.js": open }).length, 1);
  });

  it("Hono: a middleware answering 429 before `app.route()` limits the sub-app", () => {
    const subApp = `import { Hono } from "hono";
import Groq from "groq-sdk";
const app = new Hono();
app.post("/", async (c) => {
  const groq = new Groq({ apiKey: c.env.GROQ_API_KEY });
  return c.json(await groq.chat.completions.create(await c.req.json()));
});
export default app;
`;
    const parent = (middleware: string) => `import { Hono } from "hono";
import jsonify from "./jsonify";
const app = new Hono().basePath("/api");
${middleware}
app.route("/jsonify", jsonify);
export default app;
`;
    const quota = `app.use(async (c, next) => {\n  const used = Number(await redis.get(c.req.header("x-user")));\n  if (used >= 100) return c.json({ message: "Rate limit exceeded" }, { status: 429 });\n  await next();\n});`;
    const limitedRoot = project({ "app/server/jsonify.ts": subApp, "app/server/route.ts": parent(quota) });
    assert.deepEqual(routeFindings(limitedRoot, "app/server/jsonify.ts", subApp), []);
    const logging = `app.use(async (c, next) => {\n  console.log(c.req.path);\n  await next();\n});`;
    const openRoot = project({ "app/server/jsonify.ts": subApp, "app/server/route.ts": parent(logging) });
    assert.deepEqual(routeFindings(openRoot, "app/server/jsonify.ts", subApp).map((f) => f.provider), ["Groq"]);
  });
  it("Hono: an in-place middleware calling a Workers rate-limit binding limits the routes after it and a sub-app mounted at a path constant (nicholasgriffintn/assistant, batch 66)", () => {
    const subApp = `import { Hono } from "hono";
import { tavily } from "@tavily/core";
const app = new Hono();
app.post("/web-search", async (c) => c.json(await tavily({ apiKey: c.env.TAVILY_API_KEY }).search((await c.req.json()).query)));
export default app;
`;
    const parent = (middleware: string) => `import { Hono } from "hono";
import OpenAI from "openai";
import apps from "./routes/apps";
import { ROUTES } from "./constants";
const app = new Hono();
${middleware}
app.get("/metrics", async (c) => c.json(await new OpenAI({ apiKey: c.env.OPENAI_API_KEY }).embeddings.create({ model: "text-embedding-3-small", input: c.req.query("q") ?? "" })));
app.post("/ask", async (c) => c.json(await new OpenAI({ apiKey: c.env.OPENAI_API_KEY }).responses.create(await c.req.json())));
app.route(ROUTES.APPS, apps);
export default app;
`;
    const limiter = `app.use("*", async (context, next) => {
  const result = await context.env.RATE_LIMITER.limit({ key: context.req.header("x-user-email") ?? "anonymous" });
  if (!result.success) throw new Error("Rate limit exceeded");
  return next();
});`;
    const files = (middleware: string) => ({ "src/routes/apps.ts": subApp, "src/constants.ts": `export const ROUTES = { APPS: "/apps" };\n`, "src/index.ts": parent(middleware) });
    const limited = project(files(limiter));
    assert.deepEqual(routeFindings(limited, "src/index.ts", parent(limiter)), []);
    assert.deepEqual(routeFindings(limited, "src/routes/apps.ts", subApp), []);
    const logging = `app.use("*", async (c, next) => {
  console.log(c.req.path);
  await next();
});`;
    const open = project(files(logging));
    assert.deepEqual(routeFindings(open, "src/index.ts", parent(logging)).map((f) => f.handler).sort(), ['app.get("/metrics")', 'app.post("/ask")']);
    assert.deepEqual(routeFindings(open, "src/routes/apps.ts", subApp).map((f) => f.provider), ["Tavily"]);
  });

  it("Hono chains: sub-apps mounted by a chain in a declaration, behind a limiter for their path (documenso's /api/ai)", () => {
    const detect = `import { Hono } from "hono";
import Groq from "groq-sdk";
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
export const detectRoute = new Hono().post("/", async (c) => c.json(await groq.chat.completions.create(await c.req.json())));
`;
    const ai = `import { Hono } from "hono";\nimport { detectRoute } from "./detect";\nexport const aiRoute = new Hono().route("/detect", detectRoute);\n`;
    const router = (limitPath: string) => `import { Hono } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { aiRoute } from "./api/ai/route";
const aiRateLimit = rateLimiter({ windowMs: 60_000, limit: 20, keyGenerator: (c) => c.req.header("x-user") ?? "" });
const app = new Hono();
app.use("${limitPath}", aiRateLimit);
app.route("/api/ai", aiRoute);
export default app;
`;
    const files = (limitPath: string) => ({ "server/api/ai/detect.ts": detect, "server/api/ai/route.ts": ai, "server/router.ts": router(limitPath) });
    assert.deepEqual(routeFindings(project(files("/api/ai/*")), "server/api/ai/detect.ts", detect), []);
    assert.deepEqual(routeFindings(project(files("/api/files/*")), "server/api/ai/detect.ts", detect).map((f) => [f.handler, f.provider]), [['app.post("/")', "Groq"]]);
  });

  it("a test file that mounts the router without a limiter is no app: the limited server's mount decides (Mar-cere/Anto, batch 171)", () => {
    const limited = { "server.js": server(`app.use(rateLimit({ windowMs: 60000, limit: 20 }));`, `app.use("/api/chat", require("./routes/chat"));`) };
    const jest = `const express = require("express");\nconst chat = require("../routes/chat");\nconst app = express();\napp.use("/api/chat", chat);\ntest("mounts", () => expect(app).toBeDefined());\n`;
    assert.deepEqual(chatFindings({ ...limited, "tests/chat.test.js": jest, "routes/__tests__/guards.js": jest.replace("../routes/chat", "../chat") }), []);
    // A second app that mounts it without one is still an unlimited way in.
    assert.deepEqual(chatFindings({ ...limited, "admin.js": jest.replace("../routes/chat", "./routes/chat").replace(/test\(.*\n/, "") }), [['router.post("/ask")', "Cohere"]]);
  });

  it("a router this file mounts after a limiter is limited: Express, and Oak's `app.use(router.routes())` (AnxinYang/chatgpt-extension, batch 174)", () => {
    const route = `router.post("/chat", async (req, res) => {\n  const response = await cohere.generate({ model: "command", prompt: req.body.message });\n  res.json({ reply: response.generations[0].text });\n});`;
    const express = (mounting: string[]) =>
      [`const express = require("express");`, `const rateLimit = require("express-rate-limit");`, `const cohere = require("./clients/cohere");`, `const app = express();`, `const router = express.Router();`, route, ...mounting, `app.listen(3000);`, ``].join("\n");
    const findings = (text: string) => routeFindings(project({ "clients/cohere.js": COHERE_CLIENT, "server.js": text }), "server.js", text).map((f) => [f.handler, f.provider]);
    assert.deepEqual(findings(express([`app.use(rateLimit({ limit: 20 }));`, `app.use("/api", router);`])), []);
    // A limiter after the mount runs after the router: still reported.
    assert.deepEqual(findings(express([`app.use("/api", router);`, `app.use(rateLimit({ limit: 20 }));`])), [['router.post("/chat")', "Cohere"]]);
    const oak = (mounting: string[]) =>
      [`import { Application, Router } from "https://deno.land/x/oak/mod.ts";`, `import { rateLimiter } from "./rate-limiter.ts";`, `const router = new Router();`,
        `router.post("/api/chat", async (ctx) => {`, `  const r = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${Deno.env.get("OPENAI_API_KEY")}\` }, body: await ctx.request.body().value });`, `  ctx.response.body = r.body;`, `});`,
        `const app = new Application();`, ...mounting, ``].join("\n");
    const oakFindings = (text: string) => routeFindings(project({ "server/main.ts": text }), "server/main.ts", text).map((f) => [f.handler, f.provider]);
    assert.deepEqual(oakFindings(oak([`app.use(rateLimiter({ maxRequests: 5, windowMs: 60000 }));`, `app.use(router.routes(), router.allowedMethods());`])), []);
    assert.deepEqual(oakFindings(oak([`app.use(router.routes());`])), [['router.post("/api/chat")', "OpenAI"]]);
  });
});

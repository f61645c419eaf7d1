/**
 * no-served-keys: a provider key from the environment sent in a response or a page's server data.
 * eriknewland/codepen-gpt (batch 41) serves its OpenAI key from a Netlify function that the browser
 * fetches before calling OpenAI itself; labellers of batches 40–41 noted such "key routes" in
 * several apps.
 */
import * as assert from "node:assert/strict";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import noServedKeys from "../../eslint-plugin/src/rules/no-served-keys";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findServedKeys } from "../../eslint-plugin/src/engine/responses";
import { mayServeImportedKeys } from "../../eslint-plugin/src/engine/responses/imported-keys";
import { ruleTester } from "../support/rule-tester";
import { join } from "node:path";
import { makeRepo, removeRepos } from "../env/support";

const rule = noServedKeys as unknown as RuleModule<"keyServed", []>;
const filename = "/project/server/index.ts";

ruleTester().run("no-served-keys", rule, {
  valid: [
    // A Places key the page's map needs is public by design, not Gemini's (rkandela/FoodHacks' Netlify function, batch 204).
    {
      code: `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ apiKey: process.env.GOOGLE_PLACES_API_KEY, maps: process.env.VITE_GOOGLE_MAPS_KEY }) });`,
      filename: "/project/netlify/functions/get-google-key.js",
    },
    // Whether it is set, or something computed from it, is no key.
    { code: `app.get("/api/status", (req, res) => res.json({ openai: Boolean(process.env.OPENAI_API_KEY), tail: process.env.OPENAI_API_KEY?.slice(-4) }));`, filename },
    // The provider's answer, not the key.
    {
      code: `const key = process.env.OPENAI_API_KEY;\nexport async function POST(req: Request) {\n  const r = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${key}\` }, body: await req.text() });\n  return Response.json(await r.json());\n}`,
      filename: "/project/app/api/chat/route.ts",
    },
    // Whether it is set, by `&&` or a test.
    { code: `app.get("/s", (req, res) => res.json({ ok: process.env.OPENAI_API_KEY && "configured", has: process.env.OPENAI_API_KEY ? 1 : 0 }));`, filename },
    // A model name or a URL from env is no key; a key logged is no-logged-keys' business.
    { code: `app.get("/config", (req, res) => res.json({ model: process.env.OPENAI_MODEL, url: process.env.OPENAI_BASE_URL }));`, filename },
    // A short-lived session token the provider minted.
    {
      code: `export async function GET() {\n  const r = await fetch("https://api.openai.com/v1/realtime/sessions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });\n  const session = await r.json();\n  return Response.json({ client_secret: session.client_secret.value });\n}`,
      filename: "/project/app/api/session/route.ts",
    },
    // A page's data is no-client-secrets' ("secrets sent to the browser as data"): not reported twice.
    { code: `export async function getServerSideProps() {\n  return { props: { openaiKey: process.env.OPENAI_API_KEY } };\n}`, filename: "/project/pages/index.tsx" },
    { code: `import { json } from "@remix-run/node";\nexport const loader = async () => json({ ENV: { OPENAI_API_KEY: process.env.OPENAI_API_KEY } });`, filename: "/project/app/root.tsx" },
    { code: `const key = process.env.GROQ_API_KEY;\nexport const load = async () => {\n  return { key };\n};`, filename: "/project/src/routes/+page.server.ts" },
    // An object holding the key, sent without it: one property, or spread with the key masked.
    { code: `const config = { model: "gpt-4o-mini", openaiApiKey: process.env.OPENAI_API_KEY };\napp.get("/cfg", (_req, res) => res.json({ model: config.model }));\napp.get("/cfg2", (_req, res) => res.json({ ...config, openaiApiKey: undefined }));`, filename },
    // A config object with no key in it, sent whole.
    { code: `const config = { model: process.env.OPENAI_MODEL, port: 3000 };\napp.get("/cfg", (_req, res) => res.json(config));`, filename },
    // A `send` of something that is not a response.
    { code: `socket.send(JSON.stringify({ type: "ping" }));\nemitter.json(process.env.PORT);`, filename },
  ],
  invalid: [
    {
      name: "a Google key that names no public API is Gemini's",
      code: `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ apiKey: process.env.GOOGLE_API_KEY }) });`,
      filename: "/project/netlify/functions/get-google-key.js",
      errors: [{ messageId: "keyServed", line: 1 }],
    },
    {
      name: "a Netlify function returns the key (eriknewland/codepen-gpt)",
      code: `exports.handler = async (event, context) => {\n  const { OPENAI_API_KEY } = process.env;\n  return { statusCode: 200, body: JSON.stringify({ apiKey: OPENAI_API_KEY }) };\n};`,
      filename: "/project/functions/getOpenAiApiKey.js",
      errors: [{ messageId: "keyServed", line: 3, data: { sink: "what `handler` returns", provider: "OpenAI", name: "OPENAI_API_KEY" } }],
    },
    {
      // A read behind `?.` or a cast is the same read.
      name: "a Netlify function returns the key read with ?. (process.env?.X)",
      code: `const handler = async (event) => {\n  return {\n    statusCode: 200,\n    body: JSON.stringify({ key: process.env?.GEMINI_API_KEY, other: (process as any).env.OPENAI_API_KEY }),\n  };\n};\nexport { handler };`,
      filename: "/project/netlify/functions/get-gemini-key.ts",
      errors: [{ messageId: "keyServed", line: 4, data: { sink: "what `handler` returns", provider: "Google AI (Gemini)", name: "GEMINI_API_KEY" } }],
    },
    {
      // IndieAISmith/findor-ui's netlify/functions/get-gemini-key.ts (batch 59).
      name: "a Netlify function declared as a const and exported as export { handler } returns the key",
      code: `const handler = async (event) => {\n  return {\n    statusCode: 200,\n    body: JSON.stringify({ key: process.env.GEMINI_API_KEY }),\n  };\n};\nexport { handler };`,
      filename: "/project/netlify/functions/get-gemini-key.ts",
      errors: [{ messageId: "keyServed", line: 4, data: { sink: "what `handler` returns", provider: "Google AI (Gemini)", name: "GEMINI_API_KEY" } }],
    },
    {
      // mohamedamingemini/headshot-pro (batch 94): a generic name first, the provider's key as its fallback.
      name: "a variable holding a provider key on either side of || is the key",
      code: `app.get("/api/config", (_req, res) => {\n  const key = process.env.API_KEY || process.env.GEMINI_API_KEY;\n  res.json({ geminiApiKey: key });\n});`,
      filename,
      errors: [{ messageId: "keyServed", line: 3, data: { sink: "`res.json(…)`", provider: "Google AI (Gemini)", name: "GEMINI_API_KEY" } }],
    },
    {
      // AkiThuong/ChatVRM (batch 99): whoever sends no key of their own gets the server's.
      name: "the caller's key or else the server's",
      code: `export default function handler(req, res) {\n  const apiKey = req.body.apiKey || process.env.OPENAI_API_KEY;\n  res.status(200).json({ apiKey });\n}`,
      filename: "/project/pages/api/openai_api.ts",
      errors: [{ messageId: "keyServed", line: 3, data: { sink: "`res.json(…)`", provider: "OpenAI", name: "OPENAI_API_KEY" } }],
    },
    {
      name: "an Express route answers with the key",
      code: `const apiKey = process.env.GEMINI_API_KEY;\napp.get("/api/key", (req, res) => {\n  res.status(200).json({ apiKey });\n});`,
      filename,
      errors: [{ messageId: "keyServed", line: 3, data: { sink: "`res.json(…)`", provider: "Google AI (Gemini)", name: "GEMINI_API_KEY" } }],
    },
    {
      name: "a Next.js route handler and a Web Response",
      code: `import { NextResponse } from "next/server";\nexport async function GET() {\n  return NextResponse.json({ key: process.env.ANTHROPIC_API_KEY });\n}\nexport async function POST() {\n  return new Response(\`\${process.env.GROQ_API_KEY}\`);\n}`,
      filename: "/project/app/api/key/route.ts",
      errors: [
        { messageId: "keyServed", line: 3, data: { sink: "`NextResponse.json(…)`", provider: "Anthropic", name: "ANTHROPIC_API_KEY" } },
        { messageId: "keyServed", line: 6, data: { sink: "`new Response(…)`", provider: "Groq", name: "GROQ_API_KEY" } },
      ],
    },
    {
      name: "a Worker's env binding, Hono's c.env, t3-env's env",
      code: `export default {\n  async fetch(request, env) {\n    return Response.json({ key: env.GEMINI_API_KEY });\n  },\n};\napp.get("/k", (c) => c.text(c.env.OPENAI_API_KEY));`,
      filename: "/project/src/worker.ts",
      errors: [
        { messageId: "keyServed", line: 3, data: { sink: "`Response.json(…)`", provider: "Google AI (Gemini)", name: "GEMINI_API_KEY" } },
        { messageId: "keyServed", line: 6, data: { sink: "`c.text(…)`", provider: "OpenAI", name: "OPENAI_API_KEY" } },
      ],
    },
    {
      name: "`key ?? \"\"` and a branch (a-n-a-s/deepgram-hackweek, batch 37); a key named after the product (dylnbk/portfolio_site, batch 36)",
      code: `export async function GET() {\n  if (process.env.DEEPGRAM_ENV === "development") {\n    return NextResponse.json({ key: process.env.DEEPGRAM_API_KEY ?? "" });\n  }\n  return NextResponse.json({ key: dev ? process.env.VITE_GPT_API_KEY : null });\n}`,
      filename: "/project/app/api/authenticate/route.ts",
      errors: [
        { messageId: "keyServed", line: 3, data: { sink: "`NextResponse.json(…)`", provider: "Deepgram", name: "DEEPGRAM_API_KEY" } },
        { messageId: "keyServed", line: 5, data: { sink: "`NextResponse.json(…)`", provider: "OpenAI", name: "VITE_GPT_API_KEY" } },
      ],
    },
    {
      name: "Hono and Koa",
      code: `app.get("/key", (c) => c.json({ token: process.env.OPENAI_API_KEY }));\nrouter.get("/key", async (ctx) => {\n  ctx.body = { key: process.env.MISTRAL_API_KEY };\n});`,
      filename,
      errors: [
        { messageId: "keyServed", line: 1, data: { sink: "`c.json(…)`", provider: "OpenAI", name: "OPENAI_API_KEY" } },
        { messageId: "keyServed", line: 3, data: { sink: "`ctx.body = …`", provider: "Mistral AI", name: "MISTRAL_API_KEY" } },
      ],
    },
    {
      // huseynovvusal/whatsapp-ai-bot (batch 177): an admin route sends the runtime config, keys and all.
      name: "an object holding the key, sent whole or spread",
      code: `const config = { model: "gpt-4o-mini", openaiApiKey: process.env.OPENAI_API_KEY };\napp.get("/cfg", (_req, res) => res.json(config));\napp.get("/cfg2", (_req, res) => {\n  res.json({ ...config, model: "x" });\n});`,
      filename,
      errors: [
        { messageId: "keyServed", line: 2, data: { sink: "`res.json(…)`", provider: "OpenAI", name: "OPENAI_API_KEY" } },
        { messageId: "keyServed", line: 4, data: { sink: "`res.json(…)`", provider: "OpenAI", name: "OPENAI_API_KEY" } },
      ],
    },
    {
      name: "a Nitro event handler",
      code: `export default defineEventHandler(() => ({ apiKey: process.env.OPENAI_API_KEY }));`,
      filename: "/project/server/api/key.get.ts",
      errors: [{ messageId: "keyServed", line: 1, data: { sink: "what `defineEventHandler` returns", provider: "OpenAI", name: "OPENAI_API_KEY" } }],
    },
  ],
});

describe("no-served-keys: bad input", function () {
  this.timeout(60_000);

  it("stays linear and bounded on 1 MB of responses and near misses", () => {
    const lines: string[] = [`const apiKey = process.env.OPENAI_API_KEY;`];
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      const line = i % 3 === 0 ? `res.json({ apiKey });` : i % 3 === 1 ? `c.json({ n: apiKey.length, m: process.env.PORT });` : `res . ${"json".repeat(10)} (x);`;
      lines.push(line);
      size += line.length + 1;
    }
    const source = parseSource("/project/big.ts", lines.join("\n"))!;
    const start = performance.now();
    const findings = findServedKeys(source);
    const ms = performance.now() - start;
    assert.ok(findings.length > 1000, `${findings.length} findings`);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });

  it("never shows the key's value: the finding names the variable only", () => {
    const source = parseSource("/project/f.ts", `const k = process.env.OPENAI_API_KEY;\nres.send(k);`)!;
    const [finding] = findServedKeys(source);
    assert.deepEqual(finding.data, { sink: "`res.send(…)`", provider: "OpenAI", name: "OPENAI_API_KEY" });
  });
});

describe("no-served-keys: a key a function of the app's own module returns (shashicode2n4mcoffee/vhai-be, batch 74)", () => {
  const service = `import { env } from "../config/env.js";
export function getGeminiToken() {
  return { apiKey: env.GEMINI_API_KEY, model: env.GEMINI_MODEL, issuedAt: Date.now() };
}
export const getModel = () => ({ model: env.GEMINI_MODEL });
`;
  const controller = (body: string) => `import type { Request, Response } from "express";
import * as geminiService from "../services/gemini.service.js";
import { getGeminiToken, getModel } from "../services/gemini.service.js";
export async function getToken(req: Request, res: Response) {
${body}
}
`;
  let dir: string;
  before(() => {
    dir = makeRepo({
      "package.json": JSON.stringify({ type: "module", dependencies: { express: "5.0.0" } }),
      "src/config/env.ts": `export const env = { GEMINI_API_KEY: process.env.GEMINI_API_KEY ?? "", GEMINI_MODEL: "gemini-2.5-flash" };\n`,
      "src/services/gemini.service.ts": service,
    });
  });
  after(() => removeRepos());
  const served = (body: string) => findServedKeys(parseSource(join(dir, "src/controllers/gemini.controller.ts"), controller(body))!).map((f) => `${f.data.name} in ${f.data.sink}`);

  it("reports the service's key sent whole: through a const, the call itself, or an object's property", () => {
    assert.deepEqual(served(`  const token = geminiService.getGeminiToken();\n  res.json(token);`), ["GEMINI_API_KEY in `res.json(…)`"]);
    assert.deepEqual(served(`  res.status(200).json(await getGeminiToken());`), ["GEMINI_API_KEY in `res.json(…)`"]);
    assert.deepEqual(served(`  res.json({ ok: true, token: getGeminiToken() });`), ["GEMINI_API_KEY in `res.json(…)`"]);
  });

  it("reads a file's tree only when its text writes a response and imports one of the app's modules", () => {
    const writes = ["res.json(", "res.send(", "res.status(", "reply.send(", "c.json(", "ctx.body", "Response.json(", "new Response("];
    const imports = [' from "./', " from './", ' from "../', " from '../", ' from "@/', "require("];
    for (const write of writes) {
      for (const local of imports) assert.equal(mayServeImportedKeys(`import x${local}x";\n${write}y);`), true, `${local} … ${write}`);
      assert.equal(mayServeImportedKeys(`import x from "express";\n${write}y);`), false, write);
    }
    // Near misses: another method, a space before the call, an import without its space.
    for (const write of ["res.jsonp(", "res .json(", "reply.sendFile(", "Response.json (", "ctx.bodyParser", "new Responses("]) {
      const expected = write === "ctx.bodyParser"; // `ctx.body` is in it
      assert.equal(mayServeImportedKeys(`import x from "./x";\n${write}y);`), expected, write);
    }
    assert.equal(mayServeImportedKeys(`import x from"./x";\nres.json(y);`), false);
    // 1 MB of near misses of both patterns: linear.
    const text = `res.jso from ".x" req(uire Respons c.jso `.repeat((1 << 20) / 40);
    const start = performance.now();
    assert.equal(mayServeImportedKeys(text), false);
    assert.ok(performance.now() - start < 2000);
  });

  it("stays quiet on what returns no key, and on a function it does not know", () => {
    assert.deepEqual(served(`  res.json(getModel());\n  res.json(geminiService.getModel());`), []);
    assert.deepEqual(served(`  const token = unknownThing();\n  res.json(token);`), []);
  });
});

describe("no-served-keys: a module's key variable the route set to what the caller posted (eugenmihailescu/chatgpt-chatbot, batch 75)", () => {
  const settings = (body: string) => `let OPENAI_API_KEY = process.env.OPENAI_API_KEY || "";
app.post("/settings", async (req, res) => {
${body}
});`;
  const served = (code: string) => findServedKeys(parseSource("/project/index.js", code)!).map((f) => f.data.name);

  it("is the caller's value once the route assigned it, and the env's before", () => {
    assert.deepEqual(served(settings(`  OPENAI_API_KEY = req.body.openai_api_key;\n  res.json({ OPENAI_API_KEY });`)), []);
    assert.deepEqual(served(settings(`  res.json({ OPENAI_API_KEY });\n  OPENAI_API_KEY = req.body.openai_api_key;`)), ["OPENAI_API_KEY"]);
    assert.deepEqual(served(settings(`  const update = () => { OPENAI_API_KEY = req.body.openai_api_key; };\n  res.json({ OPENAI_API_KEY });`)), ["OPENAI_API_KEY"]);
  });
});

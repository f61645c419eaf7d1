/**
 * Servers started in code (`Deno.serve`, the Deno standard library's `serve`, `Bun.serve`), as
 * Supabase Edge Functions are written, with SDKs imported the Deno way (`npm:openai@4`,
 * `https://esm.sh/…`). require-rate-limit reports their unlimited AI handlers, offers the limiter,
 * and stays quiet on limited and non-AI twins.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { npmSpecifierOf } from "../../eslint-plugin/src/engine/providers";
import { findRouteHandlers } from "../../eslint-plugin/src/engine/server-route/rate-limit/route-handlers";
import { fixedByFirstFix, routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-serve-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text);
const FUNCTION = "supabase/functions/chat/index.ts";

// The shape of Supabase's own OpenAI example: std serve, the key from Deno.env, a fetch to the host.
const STD_SERVE = `import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
const corsHeaders = { "Access-Control-Allow-Origin": "*" };
serve(async (req) => {
  if (req.method === "OPTIONS") return new Response("ok", { headers: corsHeaders });
  const { prompt } = await req.json();
  const response = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${Deno.env.get("OPENAI_API_KEY")}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] }),
  });
  return new Response(JSON.stringify(await response.json()), { headers: corsHeaders });
});
`;

const DENO_SERVE = `import OpenAI from "npm:openai@^4.52.0";
const openai = new OpenAI({ apiKey: Deno.env.get("OPENAI_API_KEY") });
Deno.serve(async (req: Request) => {
  const { query } = await req.json();
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: query }] });
  return Response.json(completion.choices[0].message);
});
`;

describe("require-rate-limit: servers started in code (Deno.serve, std serve, Bun.serve)", () => {
  it("reports a Supabase Edge Function on std serve calling OpenAI over fetch, and offers the limiter", () => {
    const [finding, ...rest] = findings(FUNCTION, STD_SERVE);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "serve", provider: "OpenAI", line: 3 });
    const fixed = fixedByFirstFix(ROOT, FUNCTION, STD_SERVE, finding);
    assert.deepEqual(findings(FUNCTION, fixed), [], "and is no longer reported");
  });

  it("reports Deno.serve with the SDK imported as npm:openai, and its handler given by name or after options", () => {
    const [finding, ...rest] = findings(FUNCTION, DENO_SERVE);
    assert.deepEqual(rest, []);
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "Deno.serve", provider: "OpenAI", line: 3 });
    const fixed = fixedByFirstFix(ROOT, FUNCTION, DENO_SERVE, finding);
    assert.deepEqual(findings(FUNCTION, fixed), []);
    const byName = DENO_SERVE.replace("Deno.serve(async (req: Request) => {", "async function handler(req: Request) {").replace(/\}\);\n$/, "}\nDeno.serve({ port: 8000 }, handler);\n");
    // Given by name, it is reported where it is written, as an exported handler is (anggi1991/Umai-Lite's `serve(generateTipHandler)`, batch 48).
    assert.deepEqual(findings("server.ts", byName).map((f) => [f.handler, f.line]), [["Deno.serve", 3]]);
    const inOptions = byName.replace("Deno.serve({ port: 8000 }, handler);", "Deno.serve({ port: 8000, handler });");
    assert.deepEqual(findings("server.ts", inOptions).map((f) => f.handler), ["Deno.serve"]);
  });

  it("reads SDKs imported from esm.sh and the AI SDK as npm:ai", () => {
    const gemini = `import { GoogleGenerativeAI } from "https://esm.sh/@google/generative-ai@0.21.0";
const genAI = new GoogleGenerativeAI(Deno.env.get("GEMINI_API_KEY")!);
Deno.serve(async (req) => {
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  const result = await model.generateContent((await req.json()).prompt);
  return Response.json({ text: result.response.text() });
});
`;
    assert.deepEqual(findings(FUNCTION, gemini).map((f) => f.provider), ["Google AI (Gemini)"]);
    const aiSdk = `import { generateText } from "npm:ai@4";
import { createOpenAI } from "npm:@ai-sdk/openai@1";
const openai = createOpenAI({ apiKey: Deno.env.get("OPENAI_API_KEY") });
Deno.serve(async (req) => Response.json(await generateText({ model: openai("gpt-4o-mini"), prompt: await req.text() })));
`;
    assert.deepEqual(findings(FUNCTION, aiSdk).map((f) => f.handler), ["Deno.serve"]);
  });

  it("reports Bun.serve's fetch and its routes by path and method", () => {
    const bun = `import OpenAI from "openai";
const openai = new OpenAI();
Bun.serve({
  port: 3000,
  routes: {
    "/api/health": () => new Response("ok"),
    "/api/chat": {
      POST: async (req) => Response.json(await openai.chat.completions.create(await req.json())),
    },
  },
  async fetch(req) {
    return Response.json(await openai.responses.create({ model: "gpt-4o-mini", input: await req.text() }));
  },
});
`;
    assert.deepEqual(
      findings("index.ts", bun).map((f) => [f.handler, f.line]),
      [["Bun.serve \"/api/chat\" POST", 8], ["Bun.serve", 11]],
    );
    // jannar18/arch-cupid (batch 81): `import { serve } from "bun"`, a route's method written as one.
    const imported = bun.replace("Bun.serve({", 'import { serve } from "bun";\nserve({').replace("POST: async (req) => Response.json(await openai.chat.completions.create(await req.json())),", "async POST(req) {\n        return Response.json(await openai.chat.completions.create(await req.json()));\n      },");
    assert.deepEqual(findings("index.ts", imported).map((f) => f.handler), ["Bun.serve \"/api/chat\" POST", "Bun.serve"]);
    // A `serve` of another library is none of Bun's.
    assert.deepEqual(findings("index.ts", imported.replace('from "bun"', 'from "./my-server"')), []);
  });

  it("stays quiet on a limited function, one calling no provider, a Hono app handed to Bun, and a serve of another library", () => {
    const limited = DENO_SERVE.replace("  const { query }", "  if (!(await ratelimit.limit(req.headers.get(\"x-real-ip\") ?? \"anon\")).success) return new Response(null, { status: 429 });\n  const { query }").replace(
      'import OpenAI from "npm:openai@^4.52.0";',
      'import OpenAI from "npm:openai@^4.52.0";\nimport { Ratelimit } from "https://esm.sh/@upstash/ratelimit@1";\nconst ratelimit = new Ratelimit({ limiter: Ratelimit.slidingWindow(10, "60 s") });',
    );
    assert.deepEqual(findings(FUNCTION, limited), []);
    assert.deepEqual(findings(FUNCTION, `Deno.serve(async (req) => fetch("https://example.com/api", { method: "POST", body: await req.text() }));\n`), []);
    assert.deepEqual(findings("index.ts", `import { Hono } from "hono";\nconst app = new Hono();\nBun.serve({ fetch: app.fetch, port: 3000 });\n`), []);
    // A `serve` that is not Deno's (here a static file server's) starts no handler of ours.
    const other = `import serve from "serve-handler";\nimport OpenAI from "openai";\nconst openai = new OpenAI();\nserve(async (req) => openai.chat.completions.create(await req.json()));\n`;
    assert.deepEqual(findings("server.ts", other), []);
  });

  it("finds nothing in a file whose `serve` is only a word, without building the search", () => {
    const source = parseSource(path.join(ROOT, "src/a.ts"), `// we serve (static) files\nexport const server = "x";\n`);
    assert.ok(source);
    assert.deepEqual(findRouteHandlers(source), []);
  });
});

describe("npmSpecifierOf: the npm package a Deno or CDN import names", () => {
  it("reads npm:, jsr:, esm.sh, jsDelivr, unpkg, jspm and deno.land/x imports, versions dropped", () => {
    const cases: Array<[string, string]> = [
      ["npm:openai@^4.52.0", "openai"],
      ["npm:/openai@4/resources", "openai/resources"],
      ["npm:@anthropic-ai/sdk@0.24", "@anthropic-ai/sdk"],
      ["jsr:@openai/openai@4", "openai"],
      ["https://esm.sh/openai@4.20.1", "openai"],
      ["https://esm.sh/v135/@google/generative-ai@0.1.3?target=deno", "@google/generative-ai"],
      ["https://esm.sh/stable/groq-sdk", "groq-sdk"],
      ["https://cdn.jsdelivr.net/npm/openai@4/+esm", "openai"],
      ["https://unpkg.com/@mistralai/mistralai@1/dist/index.mjs", "@mistralai/mistralai"],
      ["https://ga.jspm.io/npm:openai@4.0.0/index.mjs", "openai"],
      ["https://deno.land/x/openai@v4.24.0/mod.ts", "openai"],
    ];
    for (const [specifier, name] of cases) assert.equal(npmSpecifierOf(specifier), name, specifier);
  });

  it("gives back bare names, relative paths and URLs no registry maps as they are", () => {
    for (const specifier of ["openai", "@ai-sdk/openai", "./lib/openai", "https://example.com/openai.js", "https://deno.land/x/replicate/mod.ts", "jsr:@std/http", "node:fs"]) {
      assert.equal(npmSpecifierOf(specifier), specifier);
    }
  });

  it("is linear on a 1 MB specifier", () => {
    for (const specifier of [`npm:${"@".repeat(1 << 20)}`, `https://esm.sh/${"v1/".repeat(1 << 18)}`, `https://${"a".repeat(1 << 20)}`, `jsr:${"/".repeat(1 << 20)}x`]) {
      const started = performance.now();
      npmSpecifierOf(specifier);
      assert.ok(performance.now() - started < 2000, specifier.slice(0, 20));
    }
  });
});

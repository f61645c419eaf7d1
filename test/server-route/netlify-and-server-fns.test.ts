/**
 * Two endpoint shapes two apps of bench/real-apps have, which the helpers who labelled them noted
 * users would expect reported: a Netlify function calling Anthropic (erc2804/website-gatsby,
 * `exports.handler` in `netlify/functions/`), and TanStack Start server functions calling the AI
 * SDK (sc30gsw/tanstack-start-prose-polish, `createServerFn({ method: "POST" }).handler(…)`).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-netlify-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text).map((f) => [f.handler, f.provider, f.line, f.fixes.length]);

describe("require-rate-limit: Netlify functions and TanStack Start server functions", () => {
  it("reports a Netlify function (v1 `exports.handler`, ESM `export const handler`, v2 default export), without a suggestion", () => {
    const v1 = `const Anthropic = require("@anthropic-ai/sdk");
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
exports.handler = async (event) => {
  const { prompt } = JSON.parse(event.body);
  const message = await anthropic.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 512, messages: [{ role: "user", content: prompt }] });
  return { statusCode: 200, body: JSON.stringify(message) };
};
`;
    assert.deepEqual(findings("netlify/functions/makeApiCall.js", v1), [["netlify/functions/makeApiCall", "Anthropic", 3, 0]]);
    const esm = `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(await openai.responses.create(JSON.parse(event.body))) });\n`;
    assert.deepEqual(findings("netlify/functions/chat.mjs", esm), [["netlify/functions/chat", "OpenAI", 3, 0]]);
    const v2 = `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport default async (req: Request) => Response.json(await openai.responses.create(await req.json()));\n`;
    assert.deepEqual(findings("netlify/functions/chat-v2.ts", v2).map(([handler, provider]) => [handler, provider]), [["netlify/functions/chat-v2", "OpenAI"]]);
    // twinlight2222/twinlight: `export { handler }` at the end; reported where the handler is written.
    const exportedLater = `import OpenAI from "openai";
const openai = new OpenAI();
const handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify(await openai.responses.create(JSON.parse(event.body))),
});

export { handler };
`;
    assert.deepEqual(findings("netlify/functions/openai.ts", exportedLater), [["netlify/functions/openai", "OpenAI", 3, 0]]);
    // agits-code/chatBot (batch 80): CommonJS `module.exports = { handler }`.
    assert.deepEqual(findings("netlify/functions/cjs-object.js", exportedLater.replace("export { handler };", "module.exports = { handler };")), [["netlify/functions/cjs-object", "OpenAI", 3, 0]]);
    // marbellacannabisclub/mcc-chatbot (batch 114): CommonJS `exports.handler = handler` at the end.
    assert.deepEqual(findings("netlify/functions/cjs-named.js", exportedLater.replace("export { handler };", "exports.handler = handler;")), [["netlify/functions/cjs-named", "OpenAI", 3, 0]]);
  });

  it("reports a Netlify proxy whose URL's path is a hole right after the provider's host (12561257/Cat-Judge, batch 150)", () => {
    const proxy = (host: string) => `export default async (request) => {
  const url = new URL(request.url);
  const apiPath = url.pathname.replace("/.netlify/functions/gemini", "");
  return fetch(\`https://${host}\${apiPath}\${url.search}\`, { method: request.method, headers: { "x-goog-api-key": process.env.GOOGLE_API_KEY }, body: request.body });
};
`;
    assert.deepEqual(findings("netlify/functions/gemini.js", proxy("generativelanguage.googleapis.com")).map(([handler, provider, line]) => [handler, provider, line]), [["netlify/functions/gemini", "Google AI (Gemini)", 1]]);
    // A host of the app's own is no provider's, whatever follows it.
    assert.deepEqual(findings("netlify/functions/own.js", proxy("api.example.com")), []);
  });

  it("reads fal's API on fal.ai's subdomains (rainbow686/food-image-recipe's queue.fal.ai, batch 149)", () => {
    const fal = `exports.handler = async (event) => {
  const r = await fetch("https://queue.fal.ai/fal-ai/flux/dev", { method: "POST", headers: { Authorization: \`Key \${process.env.FAL_KEY}\` }, body: event.body });
  return { statusCode: 200, body: await r.text() };
};
`;
    assert.deepEqual(findings("netlify/functions/image.js", fal).map(([handler, provider]) => [handler, provider]), [["netlify/functions/image", "fal"]]);
  });

  it("stays quiet on a Netlify function with a limiter, one that calls no provider, and a handler outside the functions folder", () => {
    const limited = `import OpenAI from "openai";\nimport { checkRateLimit } from "./limit";\nconst openai = new OpenAI();\nexport const handler = async (event) => {\n  if (!(await checkRateLimit(event.headers["x-nf-client-connection-ip"]))) return { statusCode: 429 };\n  return { statusCode: 200, body: JSON.stringify(await openai.responses.create(JSON.parse(event.body))) };\n};\n`;
    assert.deepEqual(findings("netlify/functions/limited.mjs", limited), []);
    assert.deepEqual(findings("netlify/functions/hello.js", `exports.handler = async () => ({ statusCode: 200, body: "hi" });\n`), []);
    const elsewhere = `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport const handler = async (event) => openai.responses.create(JSON.parse(event.body));\n`;
    assert.deepEqual(findings("src/lib/handler.mjs", elsewhere), []);
  });

  it("stays quiet on a Netlify proxy that forwards the key the caller destructured out of the body; the server's key is reported (kimjeppesen/Samlino-ai-pressence, batch 60)", () => {
    const proxy = (key: string) => `exports.handler = async (event) => {
  const requestBody = JSON.parse(event.body || "{}");
  const { apiKey, ...openaiRequest } = requestBody;
  const response = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: \`Bearer \${${key}}\` },
    body: JSON.stringify(openaiRequest),
  });
  return { statusCode: response.status, body: await response.text() };
};
`;
    assert.deepEqual(findings("netlify/functions/openai-proxy.js", proxy("apiKey")), []);
    assert.deepEqual(findings("netlify/functions/openai-server.js", proxy("process.env.OPENAI_API_KEY")).map(([handler, provider]) => [handler, provider]), [["netlify/functions/openai-server", "OpenAI"]]);
  });

  it("reports a TanStack Start server function that calls a model, with its own message kind; a limiter middleware quiets it", () => {
    const serverFn = `import { createServerFn } from "@tanstack/react-start";
import { generateText } from "ai";
import * as v from "valibot";

export const correctEssay = createServerFn({ method: "POST" })
  .middleware([requireAuth])
  .inputValidator(v.object({ essay: v.string() }))
  .handler(async ({ data }) => {
    const { text } = await generateText({ model: "google/gemini-2.5-flash-lite", prompt: data.essay });
    return text;
  });

export const listTopics = createServerFn().handler(async () => ["a", "b"]);
`;
    assert.deepEqual(routeFindings(ROOT, "src/features/essay/correct-essay.ts", serverFn).map((f) => [f.handler, f.line, f.messageId, f.fixes.length]), [["correctEssay", 5, "missingRateLimitServerFn", 0]]);
    const limited = serverFn.replace("[requireAuth]", "[requireAuth, rateLimitMiddleware]");
    assert.deepEqual(findings("src/features/essay/limited.ts", limited), []);
  });

  it("reports Qwik City's routeAction$, globalAction$ and server$ that call a model; a limiter inside quiets one; routeLoader$ is a page load", () => {
    const actions = `import { routeAction$, routeLoader$, globalAction$, server$, zod$, z } from "@builder.io/qwik-city";
import OpenAI from "openai";

export const useGenerate = routeAction$(async (data, requestEvent) => {
  const openai = new OpenAI({ apiKey: requestEvent.env.get("OPENAI_API_KEY") });
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: data.prompt }] });
  return { text: completion.choices[0].message.content };
}, zod$({ prompt: z.string() }));

export const useSummary = globalAction$(async (data) => {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  return openai.responses.create({ model: "gpt-4o-mini", input: String(data.text) });
});

export const ask = server$(async function (prompt: string) {
  const openai = new OpenAI({ apiKey: this.env.get("OPENAI_API_KEY") });
  return openai.responses.create({ model: "gpt-4o-mini", input: prompt });
});

export const useTitle = routeLoader$(async () => {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  return openai.responses.create({ model: "gpt-4o-mini", input: "a title" });
});
`;
    assert.deepEqual(routeFindings(ROOT, "src/routes/ask/index.tsx", actions).map((f) => [f.handler, f.line, f.messageId]), [
      ["useGenerate", 4, "missingRateLimitServerFn"],
      ["useSummary", 10, "missingRateLimitServerFn"],
      ["ask", 15, "missingRateLimitServerFn"],
    ]);
    const limited = actions.replace("const openai = new OpenAI({ apiKey: requestEvent.env.get", "const { success } = await ratelimit.limit(requestEvent.clientConn.ip ?? \"anon\");\n  if (!success) throw new Error(\"Slow down\");\n  const openai = new OpenAI({ apiKey: requestEvent.env.get");
    assert.deepEqual(routeFindings(ROOT, "src/routes/limited/index.tsx", limited).map((f) => f.handler), ["useSummary", "ask"]);
  });
  it("SolidStart 0.2's createServerAction$ and server$ (a batch 41 labeller's note); createServerData$ is a page load", () => {
    const page = `import { createServerAction$, createServerData$, server$ } from "solid-start/server";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export function routeData() {
  return createServerData$(async () => (await openai.models.list()).data);
}

export default function Ask() {
  const [asking, ask] = createServerAction$(async (form: FormData) => {
    return (await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: String(form.get("q")) }] })).choices[0].message;
  });
  const summarize = server$(async (text: string) => openai.responses.create({ model: "gpt-4o-mini", input: text }));
  return null;
}
`;
    assert.deepEqual(routeFindings(ROOT, "src/routes/ask.tsx", page).map((f) => [f.handler, f.line, f.messageId]), [
      ["createServerAction$()", 10, "missingRateLimitServerFn"],
      ["summarize", 13, "missingRateLimitServerFn"],
    ]);
    // A function handed over by name is reported where it is written (magmast/notes, batch 89).
    const named = `import { createServerAction$ } from "solid-start/server";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
async function transcribeAction(form: FormData) {
  return openai.audio.transcriptions.create({ model: "whisper-1", file: form.get("audio") as File });
}
export const useTranscription = () => {
  const [transcribing, transcribe] = createServerAction$(transcribeAction);
  return { transcribing, transcribe };
};
`;
    assert.deepEqual(routeFindings(ROOT, "src/routes/notes.tsx", named).map((f) => [f.handler, f.line]), [["transcribeAction", 4]]);
  });
});

/**
 * A route that says "rate limit" or answers 429 under a test of the provider's own response
 * (`if (!response.ok)`, `if (response.status === 402)`) passes the provider's trouble on: no
 * limit of the route's, so require-rate-limit still reports it. A 429 the route answers on its own
 * count, or on a limiter service's response, is still a limit.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-provider-status-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text).map((finding) => [finding.handler, finding.provider, finding.line]);

// felixzieger/think-in-sync's guess-word Edge Function (batch 143): OpenRouter's 402 (out of
// credits) said as "reached its rate limit" in a helper the handler calls.
const EDGE_FUNCTION = `import { serve } from "https://deno.land/std@0.168.0/http/server.ts";
async function ask(q: string) {
  const response = await fetch("https://openrouter.ai/api/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${Deno.env.get("OPENROUTER_API_KEY")}\` },
    body: JSON.stringify({ messages: [{ role: "user", content: q }] }),
  });
  if (!response.ok) {
    if (response.status === 402) throw new Error("The AI service has reached its rate limit.");
    throw new Error("upstream error");
  }
  return response.json();
}
serve(async (req: Request) => {
  try { return Response.json(await ask((await req.json()).q)); }
  catch (error) { return new Response("error", { status: String(error).includes("rate limit") ? 429 : 500 }); }
});
`;

// A Next.js route whose helper answers the provider's failure with a 429 of its own making.
const NEXT_ROUTE = `async function complete(prompt: string) {
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] }),
  });
  if (res.status >= 400) return new Response("Too many requests, try again later", { status: 429 });
  return Response.json(await res.json());
}
export async function POST(req: Request) {
  const { prompt } = await req.json();
  return complete(prompt);
}
`;

describe("require-rate-limit: answers under a test of the provider's own response", () => {
  it("reports a helper that says rate limit under `if (response.status === 402)` of the provider's fetch", () => {
    assert.deepEqual(findings("supabase/functions/ask/index.ts", EDGE_FUNCTION), [["serve", "OpenRouter", 14]]);
  });

  it("reports a helper that answers 429 under `if (res.status >= 400)` of the provider's fetch", () => {
    assert.deepEqual(findings("app/api/chat/route.ts", NEXT_ROUTE), [["POST", "OpenAI", 10]]);
    assert.deepEqual(findings("app/api/chat/route.ts", NEXT_ROUTE.replace("if (res.status >= 400)", "if (!res.ok)")), [["POST", "OpenAI", 10]]);
  });

  it("still counts the route's own 429: on its own count, or on a limiter service's response", () => {
    const ownCount = NEXT_ROUTE.replace("  const { prompt }", "  if ((await hits(req)) > 20) return new Response(\"Rate limit exceeded\", { status: 429 });\n  const { prompt }");
    assert.deepEqual(findings("app/api/chat/route.ts", ownCount), []);
    const limiterService = NEXT_ROUTE.replace(
      "  const { prompt }",
      "  const check = await fetch(\"https://limits.example.com/check\", { method: \"POST\", body: req.headers.get(\"x-forwarded-for\") });\n  if (!check.ok) return new Response(\"Too many requests\", { status: 429 });\n  const { prompt }",
    );
    assert.deepEqual(findings("app/api/chat/route.ts", limiterService), []);
  });
});

describe("require-rate-limit: a text the route looks for in the provider's error is no limit (aditya-2k23/moody, batch 240)", () => {
  const route = (after: string) => `import { GoogleGenAI } from "@google/genai";
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
function isQuotaError(error) {
  const msg = String(error?.message || "").toLowerCase();
  return error?.status === 429 || msg.includes("rate limit") || msg.startsWith("too many requests") || msg === "quota exceeded";
}
export async function POST(req: Request) {
  const { message } = await req.json();
  let result;
  let sawQuotaError = false;
  for (const model of ["gemini-2.5-flash", "gemini-2.0-flash"]) {
    try {
      result = await ai.models.generateContent({ model, contents: message });
      break;
    } catch (error) {
      if (isQuotaError(error)) sawQuotaError = true;
    }
  }
  ${after}
  return Response.json({ text: result?.text });
}
`;

  it("the provider's quota error passed on after the calls is reported; a limit the route answers is not", () => {
    assert.deepEqual(findings("app/api/chat/route.ts", route(`if (sawQuotaError) return Response.json({ error: "Gemini's quota" }, { status: 429 });`)), [["POST", "Google AI (Gemini)", 7]]);
    assert.deepEqual(findings("app/api/chat/route.ts", route(`if (!result) return Response.json({ error: "Please retry" }, { status: 503 });`)), [["POST", "Google AI (Gemini)", 7]]);
    // A text the route answers with still says it limits: a 429 of its own before the call.
    const limited = route("").replace("const { message } = await req.json();", `const { message } = await req.json();\n  if (await overLimit(req)) return new Response("Rate limit exceeded", { status: 429 });`);
    assert.deepEqual(findings("app/api/chat/route.ts", limited), []);
  });
});

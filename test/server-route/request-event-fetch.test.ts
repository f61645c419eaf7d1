/**
 * nsk4/WikiReader (real-app batch 197): a SvelteKit endpoint that forwards the caller's own OpenAI key,
 * tidied (`` `Bearer ${apiKey.trim()}` ``), spends no quota of the server's; and SvelteKit's `event.fetch`
 * is a fetch like the destructured `{ fetch }`.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-event-fetch-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const ROUTE = "src/routes/api/tts/+server.ts";
const found = (text: string) => routeFindings(ROOT, ROUTE, text).map((f) => [f.handler, f.provider, f.line]);

/** An endpoint that reads `{ text, apiKey }` from the body and sends `key` to OpenAI's speech API. */
function endpoint(key: string, style: "destructured" | "event"): string {
  const params = style === "event" ? "event" : "{ request, fetch }";
  const request = style === "event" ? "event.request" : "request";
  const fetchCall = style === "event" ? "event.fetch" : "fetch";
  return `import { json } from "@sveltejs/kit";
export async function POST(${params}) {
  const { text, apiKey } = await ${request}.json();
  if (!apiKey) return json({ error: "Missing key" }, { status: 400 });
  const upstream = await ${fetchCall}("https://api.openai.com/v1/audio/speech", {
    method: "POST",
    headers: { Authorization: \`Bearer \${${key}}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini-tts", input: text }),
  });
  return new Response(upstream.body);
}
`;
}

describe("require-rate-limit: a SvelteKit endpoint's event.fetch and the caller's tidied key", () => {
  for (const style of ["destructured", "event"] as const) {
    it(`reports the server's key sent with ${style === "event" ? "event.fetch" : "fetch"}`, () => {
      assert.deepEqual(found(endpoint("process.env.OPENAI_API_KEY", style)), [["POST", "OpenAI", 2]]);
      assert.deepEqual(found(endpoint("process.env.OPENAI_API_KEY.trim()", style)), [["POST", "OpenAI", 2]]);
    });
    it(`stays quiet on the caller's own key, tidied or not (${style})`, () => {
      assert.deepEqual(found(endpoint("apiKey", style)), []);
      assert.deepEqual(found(endpoint("apiKey.trim()", style)), []);
      assert.deepEqual(found(endpoint("String(apiKey).trim()", style)), []);
    });
  }
});

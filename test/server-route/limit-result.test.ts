/**
 * A limiter whose answer is never checked limits nothing: `ratelimit.limit(id)` returns `{ success }`
 * and blocks nothing itself (jacob-craffey/tune-brush, batch 40, only logs `success`). Limiters
 * that throw when over (`limiter.consume()`) may have their result dropped.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const route = (limit: string) => `import OpenAI from "openai";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
const openai = new OpenAI();
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, "1 d") });
export async function POST(request: Request) {
  const data = await request.json();
${limit}
  return Response.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: data.messages }));
}
`;

describe("require-rate-limit: a limiter's answer that is never checked", () => {
  let dir: string;
  before(() => (dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { next: "15", openai: "4", "@upstash/ratelimit": "2" } }) })));
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const reported = (limit: string): boolean => {
    const source = parseSource(path.join(dir, "app/api/lyrics/route.ts"), route(limit));
    assert.ok(source);
    return findUnlimitedAiRoutes(source).length > 0;
  };

  it("reports a route whose limit result is dropped, kept and never read, or only logged", () => {
    assert.equal(reported("  await ratelimit.limit(data.email);"), true);
    assert.equal(reported("  const result = await ratelimit.limit(data.email);"), true);
    assert.equal(reported("  const { success, remaining } = await ratelimit.limit(data.email);\n  console.log(\"limit\", success, remaining);"), true);
    assert.equal(reported("  const { remaining } = await ratelimit.limit(data.email);\n  if (remaining < 0) console.log(remaining);"), true);
    // The log line says "rate limit": a log answers nothing (tune-brush's own shape).
    assert.equal(reported("  const { success, remaining } = await ratelimit.limit(data.email);\n  console.log(\"Rate limit status:\", { success, remaining });"), true);
  });

  it("keeps quiet when success is checked, read through the result, or handed on", () => {
    assert.equal(reported("  const { success } = await ratelimit.limit(data.email);\n  if (!success) return new Response(\"slow down\", { status: 403 });"), false);
    assert.equal(reported("  const { success: allowed } = await ratelimit.limit(data.email);\n  if (!allowed) throw new Error(\"slow down\");"), false);
    assert.equal(reported("  const result = await ratelimit.limit(data.email);\n  if (!result.success) throw new Error(\"slow down\");"), false);
    assert.equal(reported("  if (!(await ratelimit.limit(data.email)).success) throw new Error(\"slow down\");"), false);
    assert.equal(reported("  const { success, ...rest } = await ratelimit.limit(data.email);\n  audit(rest);"), false);
    // rate-limiter-flexible's consume() rejects when over: its result may be dropped.
    assert.equal(reported("  await ratelimiter.consume(data.email);"), false);
  });
});

describe("require-rate-limit: a limit checked only after the model was called (naman7474/search_app)", () => {
  let dir: string;
  before(() => (dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { "@remix-run/node": "2", openai: "4" } }) })));
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const loader = (body: string) => `import OpenAI from "openai";
import { checkRateLimit } from "../rate-limit.server";
const openai = new OpenAI();
async function transcribeAudio(audio: string) {
  return openai.audio.transcriptions.create({ model: "whisper-1", file: await fetch(audio) });
}
export const loader = async ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  let query = url.searchParams.get("q");
${body}
  return Response.json({ query });
};
`;
  const run = (body: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "app/routes/api.search.ts"), loader(body))!).map((f) => `${f.data.handler} → ${f.data.provider}`);
  const check = `  const limit = await checkRateLimit(request);
  if (!limit.allowed) return Response.json({ error: "Rate limit exceeded" }, { status: 429 });`;
  const transcribe = `  const audio = url.searchParams.get("audio");
  if (audio) query = (await transcribeAudio(audio)).text;`;

  it("reports the model reached before every check, through the file's own helper", () => {
    assert.deepEqual(run(`${transcribe}\n${check}`), ["loader → OpenAI"]);
  });

  it("reports a retry loop around the model with the check after the loop (wxckelija2/White-Space-1.5, batch 129)", () => {
    assert.deepEqual(run(`  let tries = 0;\n  while (tries++ < 3) {\n    try { query = (await transcribeAudio("a")).text; break; } catch { continue; }\n  }\n${check}`), ["loader → OpenAI"]);
  });

  it("stays quiet when a check comes first, runs in a loop's next turn, or the model is called from a function the handler defines", () => {
    assert.deepEqual(run(`${check}\n${transcribe}`), []);
    assert.deepEqual(run(`  for (const audio of url.searchParams.getAll("audio")) {\n    query = (await transcribeAudio(audio)).text;\n    const limit = await checkRateLimit(request);\n    if (!limit.allowed) break;\n  }`), []);
    assert.deepEqual(run(`  const later = async () => (await transcribeAudio("a")).text;\n${check}\n  query = await later();`), []);
  });
});

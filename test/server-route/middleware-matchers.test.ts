/**
 * A Next.js middleware limits the routes its `config.matcher` covers. A matcher may exclude paths
 * with a lookahead (`/((?!api|_next/static).*)`, the usual way to keep middleware off assets):
 * then its limit does not reach the API routes (Syed-Ahmed02/roadmap-gpt, batch 126).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { makeRepo, removeRepos } from "../env/support";

const ROUTE = `import { streamText } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
export async function POST(req: Request) {
  return streamText({ model: anthropic("claude-3-5-haiku-latest"), prompt: await req.text() }).toTextStreamResponse();
}
`;

const middleware = (matcher: string) => `import { NextResponse, type NextRequest } from "next/server";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(5, "60 s") });
export async function middleware(request: NextRequest) {
  const { success } = await ratelimit.limit(request.headers.get("x-forwarded-for") ?? "anonymous");
  return success ? NextResponse.next() : new NextResponse("Too many requests", { status: 429 });
}
export const config = { matcher: [${JSON.stringify(matcher)}] };
`;

function reported(matcher: string): boolean {
  const dir = makeRepo({
    "package.json": JSON.stringify({ dependencies: { next: "15", ai: "5", "@ai-sdk/anthropic": "2", "@upstash/ratelimit": "2" } }),
    "src/middleware.ts": middleware(matcher),
  });
  return findUnlimitedAiRoutes(parseSource(path.join(dir, "src/app/api/chat/route.ts"), ROUTE)!).length > 0;
}

describe("require-rate-limit: the paths a Next.js middleware's matcher covers", () => {
  after(() => removeRepos());

  it("a matcher that excludes /api with a lookahead does not limit the API routes", () => {
    assert.equal(reported("/((?!api|_next/static|_next/image|favicon.ico).*)"), true);
  });

  it("one that excludes only assets, a prefix matcher over /api, and one that cannot be read, do", () => {
    assert.equal(reported("/((?!_next/static|_next/image|favicon.ico).*)"), false);
    assert.equal(reported("/api/:path*"), false);
    assert.equal(reported("/((?!api(.*)"), false);
  });

  it("a matcher for other paths does not", () => {
    assert.equal(reported("/dashboard/:path*"), true);
  });
});

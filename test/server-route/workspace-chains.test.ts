/**
 * require-rate-limit follows a route's import into a workspace package (`exports` →
 * `./src/index.ts` → `export *` → the module that builds `ChatOpenAI` and a chain around it):
 * test/fixtures/apps/langchain-monorepo.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";

const ROUTE = path.join(__dirname, "..", "fixtures", "apps", "langchain-monorepo", "apps", "web", "app", "api", "chat", "route.ts");

function findings(code: string): string[] {
  const source = parseSource(ROUTE, code);
  assert.ok(source, "the route parses");
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
}

describe("require-rate-limit: a chain built in a workspace package", () => {
  beforeEach(() => clearSharedClientCache());

  it("reports a route running the chain a workspace package builds from a keyed ChatOpenAI", () => {
    assert.deepEqual(findings(readFileSync(ROUTE, "utf8")), ["POST → OpenAI"]);
  });

  it("does not take a helper that answers \"rate limit exceeded\" for the provider's 429 as a limiter", () => {
    const code = readFileSync(ROUTE, "utf8");
    assert.match(code, /handleOpenAIError/);
    assert.deepEqual(findings(code), ["POST → OpenAI"]);
    const withoutHelper = code.replace("return handleOpenAIError(error as Error);", "throw error;");
    assert.deepEqual(findings(withoutHelper), ["POST → OpenAI"]);
  });

  it("is quiet on a route that imports only the package's non-AI helpers, or its types", () => {
    const helpers = `import { formatMessages, handleOpenAIError } from "@acme/chains";
export async function POST(req: Request) {
  try {
    return Response.json({ text: formatMessages((await req.json()).messages) });
  } catch (error) {
    return handleOpenAIError(error as Error);
  }
}`;
    assert.deepEqual(findings(helpers), []);
    const types = `import type { ConversationResult } from "@acme/chains";
export async function POST(req: Request) {
  const result: ConversationResult | undefined = undefined;
  return Response.json({ ok: result === undefined });
}`;
    assert.deepEqual(findings(types), []);
  });

  it("is quiet when the route limits requests before running the chain", () => {
    const limited = readFileSync(ROUTE, "utf8").replace("const { input, sessionId } = await req.json();", "if (!(await rateLimit(req))) return new Response(null, { status: 429 });\n    const { input, sessionId } = await req.json();");
    assert.deepEqual(findings(limited), []);
  });
});

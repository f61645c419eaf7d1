/**
 * TanStack Start server routes (a real app's `src/routes/api/chat.ts`, bench/real-apps): the
 * handlers sit in the route's options, `createFileRoute("/api/chat")({ server: { handlers: { POST } } })`,
 * or in the older `createServerFileRoute(…).methods({ POST })` and `createAPIFileRoute(…)({ POST })`.
 * require-rate-limit reports each that calls a provider with no limiter, and the add-a-limiter
 * fix leaves a route that parses and is no longer reported.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { fixedByFirstFix, routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-tanstack-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text);

const CHAT = `import { createFileRoute } from "@tanstack/react-router";
import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";

export const Route = createFileRoute("/api/chat")({
  server: {
    handlers: {
      GET: async () => new Response("ok"),
      POST: async ({ request }) => {
        const { messages } = await request.json();
        const result = streamText({ model: openai("gpt-4o-mini"), messages });
        return result.toUIMessageStreamResponse();
      },
    },
  },
});
`;

describe("require-rate-limit: TanStack Start server routes", () => {
  it("reports the POST handler in a route's server option, and the fix adds a limiter that quiets it", () => {
    const [finding, ...rest] = findings("src/routes/api/chat.ts", CHAT);
    assert.deepEqual(rest, [], "GET calls no provider");
    assert.deepEqual({ handler: finding.handler, provider: finding.provider, line: finding.line }, { handler: "POST", provider: "OpenAI", line: 9 });
    const fixed = fixedByFirstFix(ROOT, "src/routes/api/chat.ts", CHAT, finding);
    assert.deepEqual(findings("src/routes/api/fixed.ts", fixed), [], "and is no longer reported");
  });

  it("finds the older API routes and a handler given with its own middleware", () => {
    const call = `const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt: "hi" });\n    return Response.json({ text });`;
    const imports = `import { generateText } from "ai";\nimport { openai } from "@ai-sdk/openai";\n`;
    const older = `${imports}export const ServerRoute = createServerFileRoute("/api/ask").methods({\n  POST: async ({ request }) => {\n    ${call}\n  },\n});\n`;
    assert.deepEqual(findings("src/routes/api/ask.ts", older).map(({ handler, line }) => ({ handler, line })), [{ handler: "POST", line: 4 }]);
    const api = `${imports}export const APIRoute = createAPIFileRoute("/api/ask")({\n  POST: async ({ request }) => {\n    ${call}\n  },\n});\n`;
    assert.deepEqual(findings("src/routes/api/ask2.ts", api).map(({ handler, line }) => ({ handler, line })), [{ handler: "POST", line: 4 }]);
    const perMethod = `${imports}export const Route = createFileRoute("/api/ask")({\n  server: { handlers: { POST: { middleware: [authMiddleware], handler: async ({ request }) => {\n    ${call}\n  } } } },\n});\n`;
    assert.deepEqual(findings("src/routes/api/ask3.ts", perMethod).map(({ handler, line }) => ({ handler, line })), [{ handler: "POST", line: 4 }]);
  });

  it("stays quiet on a limited route (route-level or per-method middleware), a page, and a route calling no provider", () => {
    const limited = CHAT.replace("  server: {\n", "  server: {\n    middleware: [rateLimitMiddleware],\n");
    assert.deepEqual(findings("src/routes/api/limited.ts", limited), []);
    const perMethod = CHAT.replace("POST: async ({ request }) => {", "POST: { middleware: [rateLimit], handler: async ({ request }) => {").replace("      },\n    },\n  },\n});", "      } },\n    },\n  },\n});");
    assert.ok(parseSource(path.join(ROOT, "p.ts"), perMethod), "the per-method variant parses");
    assert.deepEqual(findings("src/routes/api/per-method.ts", perMethod), []);
    const page = `import { createFileRoute } from "@tanstack/react-router";\nexport const Route = createFileRoute("/")({ component: () => null });\n`;
    assert.deepEqual(findings("src/routes/index.tsx", page), []);
    const health = CHAT.replace('const result = streamText({ model: openai("gpt-4o-mini"), messages });', "const result = { toUIMessageStreamResponse: () => Response.json({ count: messages.length }) };");
    assert.notEqual(health, CHAT);
    assert.deepEqual(findings("src/routes/api/health.ts", health), []);
  });
});

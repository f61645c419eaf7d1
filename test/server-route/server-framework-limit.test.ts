/**
 * require-rate-limit's suggestion on Express, Hono and SvelteKit handlers, applied and run for real:
 * the app is served by Express (node:http), by Hono on @hono/node-server, or (SvelteKit, not
 * installed here) called with the event SvelteKit passes, on 127.0.0.1; the handler calls
 * a stand-in provider, and a client that rotates X-Forwarded-For (and forges platform headers)
 * gets no more than the limit while another client still gets through.
 */
import { strict as assert } from "node:assert";
import * as http from "node:http";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { FIXTURES } from "./fixture-project";
import { listen, loadModule, postFrom, type RunningRoute, serveFrameworkHandler } from "./route-harness";
import { type StandIn, startStandInProvider } from "./stand-in-provider";

const RATE_LIMIT = 20;
const SERVER = path.join(FIXTURES, "rules", "server", "index.ts");
const CALL = `await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [] }),
  })`;

const EXPRESS_APP = `import express from "express";
const app = express();
app.post("/api/chat", async (req, res) => {
  const answer = ${CALL};
  res.status(answer.status).json(await answer.json());
});
export default app;
`;

const HONO_APP = `import { Hono } from "hono";
const app = new Hono();
app.post("/api/chat", async (c) => {
  const answer = ${CALL};
  return c.json(await answer.json());
});
export default app;
`;

const NUXT_ROUTE = `export default defineEventHandler(async (event) => {
  const answer = ${CALL};
  return await answer.json();
});
`;

const SVELTEKIT_ROUTE = `export const POST = async ({ request }) => {
  const answer = ${CALL};
  return new Response(answer.body, { status: answer.status });
};
`;

/** The suggestion, applied to the app's text. */
function withSuggestion(text: string, file = SERVER): string {
  const findings = findUnlimitedAiRoutes(parseSource(file, text)!);
  assert.equal(findings.length, 1, "require-rate-limit reports the handler");
  const plan: FixPlan | undefined = findings[0].fixes?.[0];
  assert.ok(plan, "and offers its suggestion");
  let out = text;
  const edits = plan.edits.flatMap((edit) => (edit.kind === "replace" ? [edit] : [])).sort((a, b) => b.range.start - a.range.start);
  for (const edit of edits) out = out.slice(0, edit.range.start) + edit.text + out.slice(edit.range.end);
  return out;
}

/** The compiled app lives in a temp folder: its imports point at this repository's packages. */
function resolvedImports(text: string): string {
  return text.replace(/from "(express|hono)"/g, (_, name: string) => `from ${JSON.stringify(require.resolve(name))}`);
}

describe("require-rate-limit's suggestion on Express and Hono, run for real", () => {
  let standIn: StandIn;
  const routes: RunningRoute[] = [];
  const saved = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };

  before(async () => {
    standIn = await startStandInProvider();
    process.env.OPENAI_API_KEY = "kf-test-server-framework-key";
  });
  after(async () => {
    await Promise.all(routes.map((route) => route.close()));
    await standIn.close();
    for (const [name, value] of [["OPENAI_API_KEY", saved.key], ["OPENAI_BASE_URL", saved.base]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function rotating(route: RunningRoute, from: string, count: number): Promise<number> {
    let accepted = 0;
    for (let i = 0; i < count; i++) {
      const forged = `203.0.113.${i}`;
      const response = await postFrom(from, route.url, {
        headers: { "Content-Type": "application/json", "X-Forwarded-For": forged, "X-Real-IP": forged, "X-Vercel-Forwarded-For": forged, "CF-Connecting-IP": forged },
        body: "{}",
      });
      await response.text();
      if (response.status === 200) accepted++;
      else assert.equal(response.status, 429);
    }
    return accepted;
  }

  function appText(text: string, file?: string): string {
    return resolvedImports(withSuggestion(text, file)).replace("https://api.openai.com/v1", standIn.baseUrl);
  }

  it("Express: a client rotating forwarded headers gets RATE_LIMIT, another client still gets through", async () => {
    const before = standIn.received.length;
    const module = await loadModule(appText(EXPRESS_APP), "express-limited");
    const route = await listen(http.createServer(module.default as http.RequestListener), "/api/chat");
    routes.push(route);
    assert.equal(await rotating(route, "127.0.7.1", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.7.2", 1), 1);
    assert.equal(standIn.received.length - before, RATE_LIMIT + 1, "refused requests never reach the provider");
  });

  it("Hono on @hono/node-server: the socket address from c.env.incoming, forged headers ignored", async () => {
    const module = await loadModule(appText(HONO_APP), "hono-limited");
    const { getRequestListener } = await import("@hono/node-server");
    const app = module.default as { fetch: Parameters<typeof getRequestListener>[0] };
    const route = await listen(http.createServer(getRequestListener(app.fetch)), "/api/chat");
    routes.push(route);
    assert.equal(await rotating(route, "127.0.8.1", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.8.2", 1), 1);
  });

  it("SvelteKit +server.ts: the suggestion's getClientAddress counts the socket, forged headers ignored", async () => {
    const text = appText(SVELTEKIT_ROUTE, path.join(FIXTURES, "framework-routes", "src", "routes", "api", "chat", "+server.ts"));
    assert.match(text, /async \(\{ request, getClientAddress \}\) => \{/);
    const module = await loadModule(text, "sveltekit-limited");
    const POST = module.POST as (event: unknown) => Promise<Response>;
    const route = await serveFrameworkHandler((request, address) => POST({ request, getClientAddress: () => address }), "/api/chat");
    routes.push(route);
    assert.equal(await rotating(route, "127.0.8.3", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.8.4", 1), 1);
  });

  it("Nuxt server/api on h3: the event's Node request gives the socket, forged headers ignored", async () => {
    const text = appText(NUXT_ROUTE, path.join(FIXTURES, "nuxt", "server", "api", "chat.post.ts"));
    assert.match(text, /checkRateLimit\(clientIp\(event\.node\.req\)\)/);
    // Nuxt auto-imports h3's defineEventHandler in server/: here it is imported from h3 itself.
    const module = await loadModule(`import { defineEventHandler } from ${JSON.stringify(require.resolve("h3"))};\n${text}`, "nuxt-limited");
    const h3 = await import("h3");
    const app = h3.createApp();
    app.use(h3.createRouter().post("/api/chat", module.default as import("h3").EventHandler));
    const route = await listen(http.createServer(h3.toNodeListener(app)), "/api/chat");
    routes.push(route);
    assert.equal(await rotating(route, "127.0.8.5", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.8.6", 1), 1);
  });
});

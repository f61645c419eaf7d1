/**
 * The word tests that decide whether a file may define NestJS routes, Firebase functions, tRPC
 * procedures or GraphQL resolvers, and the route-handler search behind them, on 1 MB of their own
 * near misses (a GraphQL server package's name never closed, `.mutation(` and `Procedure` without
 * a chain…). A super-linear pattern takes minutes here; the bound leaves room for a slow machine.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { mayDefineFirebaseFunctions } from "../../eslint-plugin/src/engine/server-route/rate-limit/firebase-handlers";
import { mayDefineGraphqlResolvers } from "../../eslint-plugin/src/engine/server-route/rate-limit/graphql-handlers";
import { mayDefineNestRoutes } from "../../eslint-plugin/src/engine/server-route/rate-limit/nest-handlers";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route/rate-limit/find-unlimited-ai-routes";
import { findRouteHandlers, mayRegisterRoutes } from "../../eslint-plugin/src/engine/server-route/rate-limit/route-handlers";
import { mayDefineTrpcProcedures } from "../../eslint-plugin/src/engine/server-route/rate-limit/trpc-handlers";

const MB = 1 << 20;
const BOUND_MS = 5000;
const repeatTo = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const NEAR_MISSES = [
  `Query "@apollo/server${"x".repeat(200)}`,
  `'apollo-server-${"-".repeat(300)}`,
  `"graphql-yoga/${"y".repeat(500)}`,
  ".mutation(procedure",
  "@Controller @nestjs/",
  "firebase-functions onCall",
  // A route object's path never reaching `.path,`, and a catch-all never closed.
  ".path, .post(api.a.b.c.d.e.f.g.h.i.pat",
  `.post( ${"api.x".repeat(40)}.path;`,
  ".route( { .post('*",
];

describe("route handler gates are linear-time on adversarial input", function () {
  this.timeout(120_000);

  it("each gate on 1 MB of each near miss", () => {
    for (const gate of [mayDefineGraphqlResolvers, mayDefineTrpcProcedures, mayDefineNestRoutes, mayDefineFirebaseFunctions, mayRegisterRoutes]) {
      for (const unit of NEAR_MISSES) {
        const started = performance.now();
        gate(repeatTo(unit));
        const ms = performance.now() - started;
        assert.ok(ms < BOUND_MS, `${gate.name} on ${JSON.stringify(unit.slice(0, 20))}…: ${ms.toFixed(0)} ms`);
      }
    }
  });

  it("a 1 MB file of procedure chains and resolver maps is searched in bounded time", () => {
    const unit = `({ a: publicProcedure.input(z.string()).mutation(async () => 1), Mutation: { b: async () => 2 } });\n`;
    const text = `import { ApolloServer } from "@apollo/server";\n${unit.repeat(Math.floor(MB / unit.length))}`;
    const source = parseSource(path.join("/tmp", "src", "server.ts"), text, { loc: false, comments: false });
    if (!source) return; // a 1 MB module that does not parse has nothing to search
    const started = performance.now();
    const handlers = findRouteHandlers(source);
    const ms = performance.now() - started;
    assert.ok(handlers.length > 20_000);
    // ~21,000 handlers: 1–2.5 s here (a loaded 2-core machine); anything quadratic in them takes minutes.
    assert.ok(ms < 4 * BOUND_MS, `${ms.toFixed(0)} ms`);
  });

  it("a class whose chain-building method many declarators call is read once, not once per call", () => {
    const padding = Array.from({ length: 3000 }, (_, i) => `    const p${i} = ${i};`).join("\n");
    const calls = Array.from({ length: 6000 }, (_, i) => `    const c${i} = this.chain();`).join("\n");
    const text = `import { ChatOpenAI } from "@langchain/openai";
import { RunnableSequence } from "@langchain/core/runnables";
class Service {
  private model: ChatOpenAI;
  chain() {
${padding}
    return RunnableSequence.from([this.model]);
  }
  run() {
${calls}
    return c0.invoke({});
  }
}
const service = new Service();
export async function POST() {
  return Response.json(await service.run());
}
`;
    const source = parseSource(path.join("/tmp", "app", "api", "chain", "route.ts"), text, { loc: false, comments: false });
    assert.ok(source);
    const started = performance.now();
    const findings = findUnlimitedAiRoutes(source);
    const ms = performance.now() - started;
    assert.equal(findings.length, 1);
    assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
  });

  it("a 1 MB route of requests to URLs from env, keyed in auth headers, and of header-name near misses", () => {
    const call = `  await fetch(process.env.VOICE_URL, { headers: { "xi-api-key": process.env.ELEVENLABS_API_KEY } }); // authorizatio x-api-ke\n`;
    const body = call.repeat(Math.floor(MB / call.length));
    const source = parseSource(path.join("/tmp", "app", "api", "voice", "route.ts"), `export async function POST() {\n${body}  return new Response();\n}\n`, { loc: false, comments: false });
    assert.ok(source);
    const started = performance.now();
    const findings = findUnlimitedAiRoutes(source);
    const ms = performance.now() - started;
    assert.equal(findings.length, 1);
    assert.ok(ms < 4 * BOUND_MS, `${ms.toFixed(0)} ms`);
  });

  it("a 1 MB route forwarding many requests through one Headers, and key-query near misses", () => {
    // Every fetch sends the same `new Headers()`, whose `.set` calls are read once, not once per
    // fetch; its header is the caller's, so no fetch names a provider before the last one.
    const call = `  await fetch(new Request(process.env.GATEWAY + "/v1", { method: "POST", headers, body: "?keys &api_ke ?apikey" }));\n`;
    const body = call.repeat(Math.floor(MB / call.length));
    const last = "  await fetch(\"https://api.openai.com/v1/responses\", { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });\n";
    const text = `export async function POST(request: Request) {\n  const headers = new Headers();\n  headers.set("Authorization", request.headers.get("Authorization")!);\n${body}${last}  return new Response();\n}\n`;
    const source = parseSource(path.join("/tmp", "app", "api", "proxy", "route.ts"), text, { loc: false, comments: false });
    assert.ok(source);
    const started = performance.now();
    const findings = findUnlimitedAiRoutes(source);
    const ms = performance.now() - started;
    assert.equal(findings.length, 1);
    assert.ok(ms < 4 * BOUND_MS, `${ms.toFixed(0)} ms`);
  });
});

/**
 * require-rate-limit on two shapes real apps write: a tRPC procedure built on a base an app module
 * exports under a name that says nothing of procedures (`publicQuery`: Alboro26/assemblyai-v3-teleprompter,
 * batch 134), and one handler exported under two names (`export const post = …` then
 * `export const POST = post`: javidpl/astro-gemini-animal-generator, batch 138), reported once,
 * where it is written.
 */
import * as assert from "node:assert/strict";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { mayDefineTrpcProcedures } from "../../eslint-plugin/src/engine/server-route/rate-limit/trpc-handlers";
import { makeRepo, removeRepos } from "../env/support";
import { routeFindings } from "./route-findings";

const MIDDLEWARE = `import { initTRPC, TRPCError } from "@trpc/server";
import { rateLimiter } from "./limits";
const t = initTRPC.create();
const base = t.procedure;
export const createRouter = t.router;
export const publicQuery = t.procedure;
export const authedQuery = t.procedure.use(({ ctx, next }) => (ctx ? next() : Promise.reject(new TRPCError({ code: "UNAUTHORIZED" }))));
export const throttledQuery = t.procedure.use(rateLimiter);
export { base as sharedQuery };
`;

const DB = `export const db = { query: (fn: () => unknown) => fn() };
export const pool = db;
`;

describe("require-rate-limit: imported procedure bases and handlers exported under two names", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const findings = (dir: string, rel: string, text: string) => routeFindings(dir, rel, text).map((finding) => `${finding.line} ${finding.handler} → ${finding.provider}`);

  describe("tRPC: a base another module builds, under any name", () => {
    const app = () =>
      makeRepo({
        "package.json": JSON.stringify({ dependencies: { "@trpc/server": "11", hono: "4", openai: "4" } }),
        "api/middleware.ts": MIDDLEWARE,
        "api/trpc.ts": MIDDLEWARE,
        "api/limits.ts": `export const rateLimiter = async ({ next }: { next: () => unknown }) => next();\n`,
        "api/db.ts": DB,
      });

    it("reports a resolver on an imported base that is `t.procedure`, also through `.input()` and `export { base as name }`", () => {
      const router = `import { z } from "zod";
import { OpenAI } from "openai";
import { observable } from "@trpc/server/observable";
import { createRouter, publicQuery, sharedQuery } from "../middleware";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || "" });
export const aiRouter = createRouter({
  generateAnswer: publicQuery
    .input(z.object({ text: z.string() }))
    .subscription(async ({ input }) => observable<string>((emit) => {
      openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: input.text }] }).then(() => emit.complete());
    })),
  generateCodeSolution: sharedQuery.input(z.string()).mutation(async ({ input }) => openai.responses.create({ model: "gpt-4o-mini", input })),
  history: publicQuery.query(() => []),
});
`;
      // The app's router names no procedure: the base's module does.
      assert.ok(!/procedure/i.test(router));
      assert.deepEqual(findings(app(), "api/routers/ai.ts", router), ["7 generateAnswer (tRPC subscription) → OpenAI", "12 generateCodeSolution (tRPC mutation) → OpenAI"]);
    });

    it("a router that names neither tRPC nor a procedure: its chain's `.input()` is enough to read it", () => {
      const router = `import { z } from "zod";
import OpenAI from "openai";
import { createRouter, publicQuery } from "../middleware";
const openai = new OpenAI();
export const voiceRouter = createRouter({
  describe: publicQuery.input(z.string()).mutation(async ({ input }) => openai.responses.create({ model: "gpt-4o-mini", input })),
});
`;
      assert.ok(!/procedure|trpc/i.test(router));
      assert.deepEqual(findings(app(), "api/routers/voice.ts", router), ["6 describe (tRPC mutation) → OpenAI"]);
    });

    it("a base built with a limiter counts as one; an auth check does not", () => {
      const router = `import OpenAI from "openai";
import { createRouter, authedQuery, throttledQuery } from "../trpc";
const openai = new OpenAI();
export const aiRouter = createRouter({
  ask: authedQuery.mutation(async () => openai.responses.create({ model: "gpt-4o-mini", input: "a" })),
  limited: throttledQuery.mutation(async () => openai.responses.create({ model: "gpt-4o-mini", input: "b" })),
});
`;
      assert.deepEqual(findings(app(), "api/routers/ai.ts", router), ["5 ask (tRPC mutation) → OpenAI"]);
    });

    it("a `.query()` on anything else an app module exports is no procedure", () => {
      const code = `import OpenAI from "openai";
import { TRPCError } from "@trpc/server";
import { db, pool } from "../db";
const openai = new OpenAI();
export const summary = () => db.query(async () => openai.responses.create({ model: "gpt-4o-mini", input: "a" }));
export const titles = () => pool.query(async () => openai.responses.create({ model: "gpt-4o-mini", input: "b" }));
export const fail = () => new TRPCError({ code: "NOT_FOUND" });
`;
      assert.deepEqual(findings(app(), "api/routers/db-helpers.ts", code), []);
    });

    it("the text gate stays linear on 1 MB of near misses", function () {
      this.timeout(120_000);
      for (const unit of [".query(trp", ".mutation(procedur", ".subscription(TRP proc .inpu"]) {
        const text = unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);
        const started = performance.now();
        mayDefineTrpcProcedures(text);
        assert.ok(performance.now() - started < 5000, unit);
      }
    });
  });

  describe("a handler exported under two names", () => {
    const astro = () => makeRepo({ "package.json": JSON.stringify({ dependencies: { astro: "5", "@google/genai": "1" } }) });
    const GEMINI = `import { GoogleGenAI } from "@google/genai";`;
    const BODY = `async ({ request }) => {
  const ai = new GoogleGenAI({ apiKey: import.meta.env.GEMINI_API_KEY });
  return Response.json(await ai.models.generateContent({ model: "m", contents: (await request.json()).prompt }));
}`;

    it("`export const post = …` then `export const POST = post`: one finding, where the function is written", () => {
      const route = `${GEMINI}\nexport const post = ${BODY};\nexport const POST = post;\n`;
      assert.deepEqual(findings(astro(), "src/pages/api/gemini.js", route), ["2 post → Google AI (Gemini)"]);
    });

    it("`const post = …` then `export const POST = post`: reported on `post`, not on the export line", () => {
      const route = `${GEMINI}\nconst post = ${BODY};\n\nexport const POST = post;\n`;
      assert.deepEqual(findings(astro(), "src/pages/api/gemini.js", route), ["2 POST → Google AI (Gemini)"]);
    });

    it("`export { handler as GET, handler as POST }`: one finding", () => {
      const route = `${GEMINI}\nconst handler = ${BODY};\nexport { handler as GET, handler as POST };\n`;
      assert.deepEqual(findings(astro(), "src/pages/api/gemini.js", route), ["2 GET → Google AI (Gemini)"]);
    });

    it("a second export through a wrapper is its own finding, on its own line", () => {
      const route = `${GEMINI}\nconst handler = ${BODY};\nexport const POST = handler;\nexport const PUT = withAuth(handler);\n`;
      assert.deepEqual(findings(astro(), "src/pages/api/gemini.js", route), ["2 POST → Google AI (Gemini)", "7 PUT → Google AI (Gemini)"]);
    });
  });
});

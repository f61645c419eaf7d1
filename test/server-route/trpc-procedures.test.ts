/**
 * require-rate-limit on tRPC procedures: each `.mutation()` / `.query()` is an endpoint the browser
 * calls over HTTP, though the one route file (`createNextApiHandler({ router })`) names none
 * (Rafirvan/visionest's create-t3-app router in bench/real-apps batch 24).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const TRPC = `import { initTRPC } from "@trpc/server";
import { rateLimiter } from "./limits";
const t = initTRPC.create();
const enforceUserAuth = t.middleware(({ next }) => next());
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
export const privateProcedure = t.procedure.use(enforceUserAuth);
export const limitedProcedure = t.procedure.use(enforceUserAuth).use(rateLimiter);
`;

describe("require-rate-limit: tRPC procedures", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const app = () =>
    makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14", "@trpc/server": "10", openai: "4" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./src/*"] } } }),
      "src/server/api/trpc.ts": TRPC,
      "src/server/api/limits.ts": `export const rateLimiter = async ({ next }: { next: () => unknown }) => next();\n`,
    });

  const found = (dir: string, rel: string, code: string) => {
    const source = parseSource(path.join(dir, rel), code);
    assert.ok(source);
    return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`).sort();
  };

  it("reports the mutations and queries that call a provider with no limiting middleware", () => {
    const router = `import { z } from "zod";
import OpenAI from "openai";
import { createTRPCRouter, privateProcedure, publicProcedure, limitedProcedure } from "~/server/api/trpc";
import { env } from "~/env.mjs";
const openai = new OpenAI({ apiKey: env.OPENAI_API_KEY });

export const aiRouter = createTRPCRouter({
  ideaTitles: privateProcedure.input(z.object({ major: z.string() })).mutation(async ({ input }) => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: input.major }] });
    return completion.choices[0].message.content;
  }),
  summary: publicProcedure.query(async () => (await openai.responses.create({ model: "gpt-4o-mini", input: "hi" })).output_text),
  limited: limitedProcedure.mutation(async () => openai.responses.create({ model: "gpt-4o-mini", input: "hi" })),
  inline: publicProcedure.use(rateLimit).mutation(async () => openai.responses.create({ model: "gpt-4o-mini", input: "hi" })),
  history: publicProcedure.query(() => []),
});
`;
    assert.deepEqual(found(app(), "src/server/api/routers/ai.ts", router), ["ideaTitles (tRPC mutation) → OpenAI", "summary (tRPC query) → OpenAI"]);
  });

  it("a base this file builds with a limiter counts; a chain that starts at no procedure is not tRPC", () => {
    const router = `import { initTRPC } from "@trpc/server";
import OpenAI from "openai";
const openai = new OpenAI();
const t = initTRPC.create();
const throttled = t.procedure.use(throttle);
export const router = t.router({
  a: throttled.mutation(async () => openai.responses.create({ model: "gpt-4o-mini", input: "a" })),
  b: t.procedure.mutation(async () => openai.responses.create({ model: "gpt-4o-mini", input: "b" })),
});
// A react-query call, not a procedure.
export const useAsk = () => queryClient.query(async () => openai.responses.create({ model: "gpt-4o-mini", input: "c" }));
`;
    assert.deepEqual(found(app(), "src/server/router.ts", router), ["b (tRPC mutation) → OpenAI"]);
  });

  it("a client the context holds, reached as ctx.openai: in the procedure, and in a helper given ctx (mohammadameer/profits-gg, AspireOne/intellify, batch 77)", () => {
    // create-t3-app: the context function returns the clients every procedure reaches through ctx.
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14", "@trpc/server": "10", openai: "4" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./src/*"] } } }),
      "src/server/openai.ts": `import OpenAI from "openai";\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`,
      "src/server/db.ts": `export const prisma = { user: { findMany: async () => [] } };\n`,
      "src/server/api/trpc.ts": `import { initTRPC } from "@trpc/server";
import { openai } from "~/server/openai";
import { prisma } from "~/server/db";
export const createInnerTRPCContext = () => {
  return { prisma, openai };
};
export const createTRPCContext = async () => createInnerTRPCContext();
const t = initTRPC.context<typeof createTRPCContext>().create();
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
`,
      "src/server/lib/ai.ts": `import type { Context } from "~/server/api/context-type";
import { createTRPCContext } from "~/server/api/trpc";
export class Ai {
  static async ask(ctx: Context, prompt: string) {
    const completion = await ctx.openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
    return completion.choices[0].message.content;
  }
}
export const contextFor = createTRPCContext;
`,
    });
    const router = `import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { Ai } from "~/server/lib/ai";
export const appRouter = createTRPCRouter({
  getImage: publicProcedure.input(z.object({ prompt: z.string() })).mutation(async ({ ctx, input }) => {
    const data = await ctx.openai.images.generate({ model: "dall-e-2", prompt: input.prompt });
    return data.data[0]?.b64_json;
  }),
  ask: publicProcedure.input(z.string()).mutation(async ({ ctx, input }) => Ai.ask(ctx, input)),
  users: publicProcedure.query(async ({ ctx }) => ctx.prisma.user.findMany()),
});
`;
    assert.deepEqual(found(dir, "src/server/api/routers/app.ts", router), ["ask (tRPC mutation) → OpenAI", "getImage (tRPC mutation) → OpenAI"]);
  });
});

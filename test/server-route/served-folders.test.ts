/**
 * require-rate-limit reports handlers a host serves: Vercel's `api/` at a project's root (Nitro's
 * `server/api/`), not an `api/` folder deeper in, and nothing in a dot-folder (an editor's local
 * history copies). Real folders on disk: where the package.json sits decides the project's root.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { makeRepo, removeRepos } from "../env/support";

const FUNCTION = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export default async function handler(req, res) {
  const answer = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages });
  res.json(answer);
}
`;

const EXPRESS = `import express from "express";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = express();
app.post("/api/chat", async (req, res) => res.json(await openai.chat.completions.create(req.body)));
app.listen(3000);
`;

function handlers(dir: string, relative: string, text: string): string[] {
  const source = parseSource(path.join(dir, relative), text);
  assert.ok(source, "parses");
  return findUnlimitedAiRoutes(source).map((finding) => String(finding.data.handler));
}

describe("require-rate-limit: the folders a host serves", () => {
  after(() => removeRepos());

  it("Vercel's api/ at the project's root, or at a folder with its own vercel.json, is a functions folder; one deeper in is not (multicam/ai-sveltekit-openai, batch 93)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { openai: "4" } }),
      "site/vercel.json": "{}",
    });
    assert.deepEqual(handlers(dir, "api/chat.js", FUNCTION), ["default"]);
    assert.deepEqual(handlers(dir, "site/api/chat.js", FUNCTION), ["default"]);
    assert.deepEqual(handlers(dir, "purgatory/api/chat.js", FUNCTION), []);
    assert.deepEqual(handlers(dir, "tools/old/api/chat.js", FUNCTION), []);
  });

  it("in a Next.js project, the App Router serves route.ts under the project's own app/ or src/app/, not an app/ folder kept elsewhere (marcolemcke2014/Ask-Nouri's archive/, batch 182)", () => {
    const route = FUNCTION.replace("export default async function handler(req, res)", "export async function POST(req)").replace("res.json(answer)", "return Response.json(answer)");
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14", openai: "4" } }),
      "apps/web/package.json": JSON.stringify({ dependencies: { next: "15" } }),
      "web/next.config.mjs": "export default {};",
    });
    assert.deepEqual(handlers(dir, "app/api/chat/route.ts", route), ["POST"]);
    assert.deepEqual(handlers(dir, "src/app/api/chat/route.ts", route), ["POST"]);
    assert.deepEqual(handlers(dir, "apps/web/app/api/chat/route.ts", route), ["POST"]);
    // An app run from the repository's root (`next dev web`): its next.config says where the project is.
    assert.deepEqual(handlers(dir, "web/src/app/api/chat/route.ts", route), ["POST"]);
    assert.deepEqual(handlers(dir, "archive/app/api/save-scan/route.ts", route), []);
    assert.deepEqual(handlers(dir, "apps/web/old/app/api/chat/route.ts", route), []);
    // With no Next.js project known around it, any app/ folder is taken as one.
    const bare = makeRepo({ "README.md": "# app" });
    assert.deepEqual(handlers(bare, "archive/app/api/chat/route.ts", route), ["POST"]);
    const other = makeRepo({ "package.json": JSON.stringify({ dependencies: { openai: "4" } }) });
    assert.deepEqual(handlers(other, "fixtures/app/api/chat/route.ts", route), ["POST"]);
  });

  it("an api/ folder holding the repository's only package.json is a back end's folder, not a functions folder (Akash-Sharma-9804/qhashai, batch 124)", () => {
    const dir = makeRepo({ "api/package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }) });
    assert.deepEqual(handlers(dir, "api/utils/extract.js", FUNCTION), []);
    assert.deepEqual(handlers(dir, "api/chat.js", FUNCTION), []);
    // A static site (no package.json at all) keeps its api/ functions.
    const site = makeRepo({ "index.html": "<!doctype html>" });
    assert.deepEqual(handlers(site, "api/chat.js", FUNCTION), ["default"]);
  });

  it("the Pages Router serves a pages/api module's default export only: an App Router GET written there serves nothing (minneatairu/newzip, batch 124)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { next: "14", openai: "4" } }) });
    const named = FUNCTION.replace("export default async function handler(req, res)", "export async function GET(req)").replace("res.json(answer)", "return Response.json(answer)");
    assert.notEqual(named, FUNCTION);
    assert.deepEqual(handlers(dir, "pages/api/chat/route.js", named), []);
    assert.deepEqual(handlers(dir, "pages/api/chat.js", FUNCTION), ["default"]);
  });

  it("a folder vercel.json's `functions` names is served (aashraf2510/C2-T2-Fitness-App, batch 93)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { "@angular/core": "19", openai: "4" } }),
      "vercel.json": JSON.stringify({ rewrites: [{ source: "/api/:path*", destination: "/apps/Fitness/api/:path*" }], functions: { "apps/Fitness/api/**/*.ts": { runtime: "@vercel/node" } } }),
    });
    assert.deepEqual(handlers(dir, "apps/Fitness/api/gemini/chat.ts", FUNCTION), ["default"]);
    assert.deepEqual(handlers(dir, "apps/Other/api/chat.ts", FUNCTION), []);
  });

  it("a workspace package's own api/ folder, and Nuxt's server/api/, are served", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ private: true, workspaces: ["apps/*"] }),
      "apps/web/package.json": JSON.stringify({ dependencies: { openai: "4" } }),
      "apps/chat/package.json": JSON.stringify({ dependencies: { nuxt: "3", openai: "4" } }),
    });
    assert.deepEqual(handlers(dir, "apps/web/api/chat.js", FUNCTION), ["default"]);
    const nuxt = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export default defineEventHandler(async (event) => openai.chat.completions.create(await readBody(event)));
`;
    assert.deepEqual(handlers(dir, "apps/chat/server/api/chat.post.ts", nuxt), ["default"]);
  });

  it("a Nuxt layer's own server/api/ is served (BarryCoding/mastering-nuxt-with-cursor, batch 82)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { nuxt: "3", openai: "4" } }),
      "nuxt.config.ts": "export default defineNuxtConfig({ extends: ['./layers/chat'] });\n",
      "layers/chat/nuxt.config.ts": "export default defineNuxtConfig({});\n",
    });
    const nuxt = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export default defineEventHandler(async (event) => openai.chat.completions.create(await readBody(event)));
`;
    assert.deepEqual(handlers(dir, "layers/chat/server/api/ai.ts", nuxt), ["default"]);
    assert.deepEqual(handlers(dir, "layers/notes/server/api/ai.ts", nuxt), []);
  });

  it("a Nuxt layer's route that calls the model through helpers imported as `#layers/<name>/…` (ahmedovv123/Nuxt-AI-Chat, batch 131)", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { nuxt: "4", ai: "4", "@ai-sdk/openai": "1" } }),
      "nuxt.config.ts": "export default defineNuxtConfig({});\n",
      "layers/chat/nuxt.config.ts": "export default defineNuxtConfig({});\n",
      "layers/chat/server/services/ai-service.ts": `import { generateText, type LanguageModelV1 } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
export const createOpenAIModel = (apiKey: string) => createOpenAI({ apiKey })("gpt-4o-mini");
export async function generateChatTitle(model: LanguageModelV1, firstMessage: string) {
  return (await generateText({ model, prompt: firstMessage })).text;
}
`,
    });
    const route = `import { createOpenAIModel, generateChatTitle } from "#layers/chat/server/services/ai-service";
export default defineEventHandler(async (event) => {
  const model = createOpenAIModel(useRuntimeConfig().openaiApiKey);
  return { title: await generateChatTitle(model, (await readBody(event)).message) };
});
`;
    assert.deepEqual(handlers(dir, "layers/chat/server/api/title.post.ts", route), ["default"]);
  });

  it("with no package.json above, any api/ folder is taken as a static site's functions", () => {
    const dir = makeRepo({ "index.html": "<script src=\"app.js\"></script>" });
    assert.deepEqual(handlers(dir, "api/chat.js", FUNCTION), ["default"]);
    assert.deepEqual(handlers(dir, "backend/api/chat.js", FUNCTION), ["default"]);
  });

  it("a copy in a dot-folder (VS Code's local history) is served by nothing, whatever it exports or registers (st-spica/chat-kanai, batch 90)", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }) });
    assert.deepEqual(handlers(dir, "server.js", EXPRESS), ['app.post("/api/chat")']);
    assert.deepEqual(handlers(dir, ".history/server_20260227100909.js", EXPRESS), []);
    assert.deepEqual(handlers(dir, ".vscode/.history/app/api/chat/route_20260227100909.js", FUNCTION), []);
    assert.deepEqual(handlers(dir, "api/chat.js", FUNCTION), ["default"]);
  });

  it("a project that itself sits in a dot-folder or a folder named src or app (~/.projects/app, ~/src/site) is judged from its own root", () => {
    const dir = makeRepo({
      ".projects/app/package.json": JSON.stringify({ dependencies: { express: "4", openai: "4" } }),
      "src/site/package.json": JSON.stringify({ dependencies: { openai: "4" } }),
    });
    assert.deepEqual(handlers(path.join(dir, ".projects", "app"), "server.js", EXPRESS), ['app.post("/api/chat")']);
    assert.deepEqual(handlers(path.join(dir, ".projects", "app"), "api/chat.js", FUNCTION), ["default"]);
    assert.deepEqual(handlers(path.join(dir, "src", "site"), "api/chat.js", FUNCTION), ["default"]);
    assert.deepEqual(handlers(path.join(dir, "src", "site"), "src/api/chat.js", FUNCTION), []);
  });
});

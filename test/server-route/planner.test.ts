import { strict as assert } from "node:assert";
import ignore from "ignore";
import * as fs from "node:fs";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientAiCalls } from "../../eslint-plugin/src/engine/client";
import { diskProjectView, planMoveCallToServerRoute } from "../../eslint-plugin/src/engine/server-route";
import { applyPlan, fixtureCopies } from "./fixture-project";
import { createdFile, planAt } from "./plan-helpers";

describe("planMoveCallToServerRoute", () => {
  const fixture = fixtureCopies();

  it("Next.js App Router: SDK client with a literal key → app/api/ai/openai/route.ts, key in .env.local", () => {
    const project = fixture("next-app");
    const plan = planAt(project, "app/chat/page.tsx", "new OpenAI");
    assert.ok(plan);
    assert.equal(plan.title, "Move this AI call to a server route");
    assert.equal(plan.isPreferred, true);
    const route = createdFile(plan, "app/api/ai/openai/route.ts");
    assert.match(route, /export async function POST\(request: Request\): Promise<Response>/);
    assert.match(route, /process\.env\.OPENAI_API_KEY/);
    assert.match(route, /process\.env\.OPENAI_BASE_URL \|\| DEFAULT_BASE_URL/);
    assert.match(route, /const ALLOWED_MODELS: string\[\] = \["gpt-4o-mini"\];/);
    assert.match(route, /const PROVIDER_API_PATH = "\/chat\/completions";/);
    assert.match(route, /checkRateLimit\(clientIp\(request\)\)/);
    assert.ok(!route.includes(project.keys.openai));

    applyPlan(plan);
    const page = project.read("app/chat/page.tsx")!;
    assert.ok(!page.includes(project.keys.openai), "key left in the browser file");
    assert.ok(!page.includes("dangerouslyAllowBrowser"));
    assert.ok(!page.includes('from "openai"'));
    assert.ok(page.startsWith('"use client";\nimport { useState } from "react";\n'));
    assert.match(page, /const completion = await callAiRoute\("\/api\/ai\/openai", \{\n {6}model: "gpt-4o-mini",/);
    assert.match(page, /setAnswer\(completion\.choices\[0\]\.message\.content \?\? ""\);/);
    assert.match(page, /async function callAiRoute\(url: string, body: Record<string, any>\): Promise<any> \{/);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
    assertIgnoresEnvLocal(project.read(".gitignore"), "node_modules\n/.next\n");
  });

  it("finds the same fix from the key, the option or the call", () => {
    const project = fixture("next-app");
    const fromClient = planAt(project, "app/chat/page.tsx", "new OpenAI");
    for (const needle of [project.keys.openai, "dangerouslyAllowBrowser", "completions.create", "openai.chat"]) {
      assert.deepEqual(planAt(project, "app/chat/page.tsx", needle), fromClient, needle);
    }
  });

  it("Pages Router: fetch with a NEXT_PUBLIC_ key → pages/api/ai/openai.ts, env var renamed", () => {
    const project = fixture("next-pages", { ".env.local": "NEXT_PUBLIC_OPENAI_API_KEY=__OPENAI_KEY__\n" });
    const plan = planAt(project, "pages/index.tsx", "fetch(");
    assert.ok(plan);
    const route = createdFile(plan, "pages/api/ai/openai.ts");
    assert.match(route, /import type \{ NextApiRequest, NextApiResponse \} from "next";/);
    assert.match(route, /export const config = \{ api: \{ bodyParser: false \} \};/);
    assert.match(route, /export default async function handler\(req: NextApiRequest, res: NextApiResponse\)/);
    assert.match(route, /Authorization: `Bearer \$\{apiKey\}`/);
    applyPlan(plan);
    const page = project.read("pages/index.tsx")!;
    assert.match(page, /fetch\("\/api\/ai\/openai", \{\n {6}method: "POST",\n {6}headers: \{ "Content-Type": "application\/json" \},\n {6}body: JSON\.stringify/);
    assert.ok(!page.includes("NEXT_PUBLIC_OPENAI_API_KEY"));
    assert.ok(!page.includes("Authorization"));
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
    assert.equal(project.read(".gitignore"), "node_modules\n.env*.local\n", ".gitignore already covered it");
    assert.match(plan.note ?? "", /Renamed NEXT_PUBLIC_OPENAI_API_KEY to OPENAI_API_KEY/);
  });

  it("Vite: streaming SDK call with the key in a const → api/ai/openai.ts (Vercel function)", () => {
    const project = fixture("vite");
    const plan = planAt(project, "src/chat.ts", "OPENAI_KEY =");
    assert.ok(plan);
    const route = createdFile(plan, "api/ai/openai.ts");
    assert.match(route, /Vercel function/);
    assert.match(route, /export async function POST\(request: Request\)/);
    applyPlan(plan);
    const chat = project.read("src/chat.ts")!;
    assert.ok(!chat.includes("OPENAI_KEY"), "the key's const is removed");
    assert.ok(!chat.includes(project.keys.openai));
    assert.match(chat, /const stream = await callAiRoute\("\/api\/ai\/openai", \{/);
    assert.match(chat, /for await \(const chunk of stream\)/);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
    assertIgnoresEnvLocal(project.read(".gitignore"), "");
    assert.match(plan.note ?? "", /vercel dev/);
  });

  it("Vite: fetch to Anthropic with import.meta.env → route sends x-api-key and anthropic-version", () => {
    const project = fixture("vite");
    const plan = planAt(project, "src/claude.ts", "fetch(");
    assert.ok(plan);
    const route = createdFile(plan, "api/ai/anthropic.ts");
    assert.match(route, /process\.env\.ANTHROPIC_API_KEY/);
    assert.match(route, /process\.env\.ANTHROPIC_BASE_URL/);
    assert.match(route, /"anthropic-version": "2023-06-01",\n {8}"x-api-key": apiKey,/);
    assert.match(route, /const PROVIDER_API_PATH = "\/messages";/);
    assert.match(route, /const ALLOWED_MODELS: string\[\] = \["claude-3-5-haiku-latest"\];/);
    applyPlan(plan);
    const claude = project.read("src/claude.ts")!;
    assert.match(claude, /fetch\("\/api\/ai\/anthropic", \{\n {4}method: "POST",\n {4}headers: \{ "content-type": "application\/json" \},/);
    assert.ok(!/x-api-key|VITE_ANTHROPIC|dangerous/.test(claude));
    assert.match(plan.note ?? "", /Set ANTHROPIC_API_KEY on the server/);
  });

  it("never overwrites: an existing route and a taken env var get new names; Upstash is used when installed", () => {
    const project = fixture("next-app-upstash", { ".env.local": "OPENAI_API_KEY=some-other-value\n" });
    const plan = planAt(project, "src/app/chat/page.tsx", "responses.create");
    assert.ok(plan);
    const route = createdFile(plan, "src/app/api/ai/openai-2/route.ts");
    assert.match(route, /import \{ Ratelimit \} from "@upstash\/ratelimit";/);
    assert.match(route, /Ratelimit\.slidingWindow\(RATE_LIMIT, "60 s"\)/);
    assert.match(route, /process\.env\.OPENAI_API_KEY_2/);
    assert.match(route, /process\.env\.OPENAI_BASE_URL/);
    assert.match(route, /const PROVIDER_API_PATH = "\/responses";/);
    assert.match(route, /const MAX_TOKENS = 4000;/);
    assert.match(route, /const TOKEN_FIELDS: string\[\] = \["max_output_tokens"\];/);
    applyPlan(plan);
    assert.equal(project.read("src/app/api/ai/openai/route.ts")?.includes("mine"), true);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=some-other-value\nOPENAI_API_KEY_2=${project.keys.openai}\n`);
    assert.match(project.read("src/app/chat/page.tsx")!, /await callAiRoute\("\/api\/ai\/openai-2", \{ model/);
    assert.match(plan.note ?? "", /stored as OPENAI_API_KEY_2/);
  });

  it("plans from keyfence/no-client-ai-calls' own findings (what the extension passes)", () => {
    for (const [name, file, route] of [
      ["next-app", "app/chat/page.tsx", "app/api/ai/openai/route.ts"],
      ["next-pages", "pages/index.tsx", "pages/api/ai/openai.ts"],
    ]) {
      const project = fixture(name);
      const source = parseSource(project.file(file), fs.readFileSync(project.file(file), "utf8"))!;
      const findings = findClientAiCalls(source);
      assert.ok(findings.length > 0, `${name}: no-client-ai-calls finds the call`);
      const plan = planMoveCallToServerRoute({ source, range: findings[0].range, project: diskProjectView() });
      assert.ok(plan, name);
      assert.ok(plan.edits.some((edit) => edit.kind === "create" && edit.file === project.file(route)), name);
    }
  });

  it("two providers in one file: two routes, one shared helper", () => {
    const project = fixture("vite", {
      "src/both.ts": [
        'import OpenAI from "openai";',
        'import Anthropic from "@anthropic-ai/sdk";',
        "",
        'const openai = new OpenAI({ apiKey: "__OPENAI_KEY__", dangerouslyAllowBrowser: true });',
        'const anthropic = new Anthropic({ apiKey: "__ANTHROPIC_KEY__", dangerouslyAllowBrowser: true });',
        "",
        "export async function compare(question: string) {",
        '  const a = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });',
        '  const b = await anthropic.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 300, messages: [{ role: "user", content: question }] });',
        "  return [a.choices[0].message.content, b.content[0]];",
        "}",
        "",
      ].join("\n"),
    });
    applyPlan(planAt(project, "src/both.ts", "new OpenAI")!);
    const second = planAt(project, "src/both.ts", "new Anthropic");
    assert.ok(second);
    const route = createdFile(second, "api/ai/anthropic.ts");
    assert.match(route, /const PROVIDER_API_PATH = "\/messages";/);
    assert.match(route, /"anthropic-version": "2023-06-01",\n {8}"x-api-key": apiKey,/);
    applyPlan(second);
    const both = project.read("src/both.ts")!;
    assert.equal(both.match(/async function callAiRoute/g)?.length, 1);
    assert.match(both, /const b = await callAiRoute\("\/api\/ai\/anthropic", \{ model: "claude-3-5-haiku-latest", max_tokens: 300,/);
    assert.ok(!both.includes(project.keys.openai) && !both.includes(project.keys.anthropic));
    assert.ok(!/from "openai"|@anthropic-ai|dangerouslyAllowBrowser/.test(both));
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\nANTHROPIC_API_KEY=${project.keys.anthropic}\n`);
  });

  it("keeps the other names of the SDK import", () => {
    const project = fixture("vite", {
      "src/upload.ts": [
        'import OpenAI, { toFile } from "openai";',
        'const client = new OpenAI({ apiKey: "__OPENAI_KEY__", dangerouslyAllowBrowser: true });',
        "export const asFile = toFile;",
        'export const ask = (text: string) => client.embeddings.create({ model: "text-embedding-3-small", input: text });',
        "",
      ].join("\n"),
    });
    const plan = planAt(project, "src/upload.ts", "new OpenAI");
    assert.ok(plan);
    const route = createdFile(plan, "api/ai/openai.ts");
    assert.match(route, /const PROVIDER_API_PATH = "\/embeddings";/);
    assert.match(route, /const TOKEN_FIELDS: string\[\] = \[\];/);
    assert.doesNotMatch(route, /if \(!capped\)/, "embeddings get no token field");
    applyPlan(plan);
    const upload = project.read("src/upload.ts")!;
    assert.ok(upload.startsWith('import { toFile } from "openai";\nexport const asFile = toFile;\n'), upload);
    assert.match(upload, /callAiRoute\("\/api\/ai\/openai", \{ model: "text-embedding-3-small", input: text \}\)/);
  });

  it("offers nothing for shapes it cannot stand in for", () => {
    const project = fixture("vite", {
      "src/other.ts": [
        'import OpenAI from "openai";',
        'const client = new OpenAI({ apiKey: "x", dangerouslyAllowBrowser: true });',
        "export const runner = client.beta.chat.completions.stream({ model: 'gpt-4o', messages: [] });",
        "export const plain = 1 + 2;",
        'export const gemini = fetch("https://generativelanguage.googleapis.com/v1/models?key=abc", { method: "POST", headers: {} });',
      ].join("\n"),
    });
    assert.equal(planAt(project, "src/other.ts", "new OpenAI"), undefined, "unsupported SDK method");
    assert.equal(planAt(project, "src/other.ts", "1 + 2"), undefined, "not a provider call");
    assert.equal(planAt(project, "src/other.ts", "fetch("), undefined, "unknown host");
  });

  it("offers nothing in frameworks whose server routes it does not write yet (SolidStart, Expo Router…)", () => {
    const project = fixture("vite", { "package.json": '{ "dependencies": { "@solidjs/start": "1.0.0", "openai": "4.80.0" } }' });
    assert.equal(planAt(project, "src/chat.ts", "new OpenAI"), undefined);
  });

  it("offers nothing in desktop apps, which have no server for a route (Electron, electron-vite, Tauri)", () => {
    for (const dependency of ["electron", "electron-vite", "@tauri-apps/api"]) {
      const project = fixture("vite", { "package.json": `{ "dependencies": { "openai": "4.80.0" }, "devDependencies": { "${dependency}": "1.0.0", "vite": "5.0.0" } }` });
      assert.equal(planAt(project, "src/chat.ts", "new OpenAI"), undefined, dependency);
    }
  });

  it("after the fix, planning again offers nothing", () => {
    const project = fixture("next-app");
    applyPlan(planAt(project, "app/chat/page.tsx", "new OpenAI")!);
    assert.equal(planAt(project, "app/chat/page.tsx", "callAiRoute("), undefined);
  });
});

/** The shared .gitignore helper words its entry its own way: check what git would do. */
function assertIgnoresEnvLocal(gitignore: string | undefined, keptPrefix: string): void {
  assert.ok(gitignore?.startsWith(keptPrefix), "existing lines are kept");
  assert.ok(ignore().add(gitignore ?? "").ignores(".env.local"), ".gitignore covers .env.local");
}

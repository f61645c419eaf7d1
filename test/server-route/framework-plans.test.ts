/**
 * "Move this AI call to a server route" in SvelteKit, Nuxt, Astro and Remix / React Router apps:
 * where the route goes, how it reads the key, how the browser call is rewritten, which env file
 * holds the key. Running the routes: framework-routes-run.test.ts.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { applyPlan, fixtureCopies } from "./fixture-project";
import { createdFile, planAt } from "./plan-helpers";

describe("route plans for SvelteKit, Nuxt, Astro and React Router", () => {
  const fixture = fixtureCopies();

  it("SvelteKit: src/routes/api/ai/openai/+server.ts reads $env/dynamic/private; the PUBLIC_ key is renamed", () => {
    const project = fixture("sveltekit");
    const plan = planAt(project, "src/lib/chat.ts", "new OpenAI");
    assert.ok(plan);
    const route = createdFile(plan, "src/routes/api/ai/openai/+server.ts");
    assert.match(route, /^import type \{ RequestHandler \} from "\.\/\$types";\nimport \{ env \} from "\$env\/dynamic\/private";$/m);
    assert.match(route, /export const POST: RequestHandler = async \(\{ request, getClientAddress \}\) => \{/);
    assert.match(route, /const apiKey = env\.OPENAI_API_KEY;/);
    assert.match(route, /env\.OPENAI_BASE_URL \|\| DEFAULT_BASE_URL/);
    assert.match(route, /checkRateLimit\(clientIp\(request, getClientAddress\)\)/);
    assert.doesNotMatch(route, /process\.env\.OPENAI/);
    applyPlan(plan);
    const browser = project.read("src/lib/chat.ts")!;
    assert.ok(browser.startsWith("export async function ask(question: string): Promise<string> {\n"), browser.slice(0, 200));
    assert.equal(browser.match(/callAiRoute\("\/api\/ai\/openai", \{/g)?.length, 2, "both calls go to the one route");
    assert.doesNotMatch(browser, /PUBLIC_OPENAI_API_KEY|\$env|from "openai"/);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
  });

  it("SvelteKit: a key from $env/dynamic/public is read by name too", () => {
    const project = fixture("sveltekit", {
      "src/lib/chat.ts": `import OpenAI from "openai";
import { env } from "$env/dynamic/public";

const openai = new OpenAI({ apiKey: env.PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });
export const ask = (content: string) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content }] });
`,
    });
    const plan = planAt(project, "src/lib/chat.ts", "new OpenAI");
    assert.ok(plan);
    applyPlan(plan);
    assert.equal(project.read("src/lib/chat.ts")!.split("\n")[0], 'export const ask = (content: string) => callAiRoute("/api/ai/openai", { model: "gpt-4o-mini", messages: [{ role: "user", content }] });');
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
  });

  it("Nuxt: server/api/ai/openai.post.ts reads the private runtimeConfig key; the browser uses $fetch; the key goes to .env", () => {
    const project = fixture("nuxt");
    const plan = planAt(project, "composables/useChat.ts", "new OpenAI");
    assert.ok(plan);
    const route = createdFile(plan, "server/api/ai/openai.post.ts");
    assert.match(route, /^export default defineEventHandler\(async \(event\) => \{\n {2}const request = toWebRequest\(event\);\n {2}const apiKey = useRuntimeConfig\(event\)\.openaiApiKey;$/m);
    assert.match(route, /The server has no NUXT_OPENAI_API_KEY set\./);
    assert.match(route, /checkRateLimit\(clientIp\(request, \(\) => getRequestIP\(event\)\)\)/);
    assert.match(plan.note ?? "", /runtimeConfig\.openaiApiKey .*NUXT_OPENAI_API_KEY/);
    applyPlan(plan);
    const browser = project.read("composables/useChat.ts")!;
    assert.match(browser, /^export function useChat\(\) \{\n/);
    assert.match(browser, /const completion = await \$fetch<any>\("\/api\/ai\/openai", \{ method: "POST", body: \{\n {6}model: "gpt-4o-mini",/);
    assert.doesNotMatch(browser, /callAiRoute|dangerouslyAllowBrowser/);
    // Nuxt loads .env (not .env.local) in development; the fixture's .gitignore already covers it.
    assert.equal(project.read(".env"), `NUXT_OPENAI_API_KEY=${project.keys.openai}\n`);
    assert.equal(project.read(".env.local"), undefined);
    assert.equal(project.read("nuxt.config.ts")!.includes("openaiApiKey"), true, "nuxt.config is never edited");
  });

  it("Nuxt without a runtimeConfig key: the route reads process.env; a streamed call keeps the helper", () => {
    const project = fixture("nuxt", {
      "nuxt.config.ts": "export default defineNuxtConfig({});\n",
      "composables/useChat.ts": `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: "__OPENAI_KEY__", dangerouslyAllowBrowser: true });
export const ask = (content: string) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content }] });
export const stream = (content: string) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content }], stream: true });
`,
    });
    const plan = planAt(project, "composables/useChat.ts", "new OpenAI");
    assert.ok(plan);
    assert.match(createdFile(plan, "server/api/ai/openai.post.ts"), /const apiKey = process\.env\.OPENAI_API_KEY;/);
    applyPlan(plan);
    const browser = project.read("composables/useChat.ts")!;
    assert.match(browser, /^export const ask = \(content: string\) => \$fetch<any>\("\/api\/ai\/openai", \{ method: "POST", body: \{/);
    assert.match(browser, /^export const stream = \(content: string\) => callAiRoute\("\/api\/ai\/openai", \{/m);
    assert.match(browser, /async function callAiRoute\(/);
    assert.equal(project.read(".env"), `OPENAI_API_KEY=${project.keys.openai}\n`);
  });

  it("Nuxt 3 with srcDir: \"src/\": the route goes to src/server/api, where Nuxt 3 looks", () => {
    const project = fixture("nuxt-src-dir");
    const plan = planAt(project, "src/composables/useChat.ts", "new OpenAI");
    assert.ok(plan);
    assert.match(createdFile(plan, "src/server/api/ai/openai.post.ts"), /useRuntimeConfig\(event\)\.openaiApiKey/);
    assert.deepEqual(plan.edits.filter((edit) => edit.kind === "create" && edit.file.endsWith(".post.ts")).map((edit) => edit.file), [project.file("src/server/api/ai/openai.post.ts")]);
    applyPlan(plan);
    assert.equal(project.read(".env"), `NUXT_OPENAI_API_KEY=${project.keys.openai}\n`, ".env stays at the root, where Nuxt reads it");
  });

  it("Nuxt 4 (or compatibilityVersion 4) with srcDir: server/ stays at the root; a serverDir is followed; undecided: no plan", () => {
    const cases: Array<[string, Record<string, string>, string | undefined]> = [
      ["Nuxt 4", { "package.json": JSON.stringify({ dependencies: { nuxt: "^4.0.0", openai: "4.80.0" } }) }, "server/api/ai/openai.post.ts"],
      ["compatibilityVersion 4", { "nuxt.config.ts": 'export default defineNuxtConfig({ srcDir: "src/", future: { compatibilityVersion: 4 } });\n' }, "server/api/ai/openai.post.ts"],
      ["serverDir", { "nuxt.config.ts": 'export default defineNuxtConfig({ srcDir: "src/", serverDir: "backend" });\n' }, "backend/api/ai/openai.post.ts"],
      ["a computed srcDir", { "nuxt.config.ts": 'export default defineNuxtConfig({ srcDir: process.env.SRC ?? "src" });\n' }, undefined],
      ["an unreadable Nuxt version", { "package.json": JSON.stringify({ dependencies: { nuxt: "latest", openai: "4.80.0" } }) }, undefined],
    ];
    for (const [name, files, route] of cases) {
      const project = fixture("nuxt-src-dir", files);
      const plan = planAt(project, "src/composables/useChat.ts", "new OpenAI");
      if (route === undefined) assert.equal(plan, undefined, name);
      else assert.deepEqual(plan?.edits.filter((edit) => edit.kind === "create" && edit.file.endsWith(".post.ts")).map((edit) => edit.file), [project.file(route)], name);
    }
  });

  it("Astro: src/pages/api/ai/openai.ts, on demand, import.meta.env on the server", () => {
    const project = fixture("astro");
    const plan = planAt(project, "src/components/Chat.tsx", "new OpenAI");
    assert.ok(plan);
    const route = createdFile(plan, "src/pages/api/ai/openai.ts");
    assert.match(route, /^import type \{ APIRoute \} from "astro";$/m);
    assert.match(route, /^export const prerender = false;$/m);
    assert.match(route, /export const POST: APIRoute = async \(context\) => \{\n {2}const \{ request \} = context;/);
    assert.match(route, /const apiKey = import\.meta\.env\.OPENAI_API_KEY;/);
    assert.match(route, /clientIp\(request, \(\) => context\.clientAddress\)/);
    assert.doesNotMatch(plan.note ?? "", /adapter/, "the fixture has @astrojs/node");
    applyPlan(plan);
    assert.doesNotMatch(project.read("src/components/Chat.tsx")!, /PUBLIC_OPENAI_API_KEY|from "openai"/);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
  });

  it("Astro without a server adapter: the note says how to deploy the endpoint", () => {
    const project = fixture("astro", { "package.json": '{ "dependencies": { "astro": "5.0.0", "openai": "4.80.0", "react": "19.0.0" } }' });
    assert.match(planAt(project, "src/components/Chat.tsx", "new OpenAI")?.note ?? "", /add a server adapter/);
  });

  it("React Router with flatRoutes(): app/routes/api.ai.openai.ts exports an action, POST only", () => {
    const project = fixture("react-router");
    const plan = planAt(project, "app/routes/chat.tsx", "new OpenAI");
    assert.ok(plan);
    const route = createdFile(plan, "app/routes/api.ai.openai.ts");
    assert.match(route, /^export async function action\(\{ request \}: \{ request: Request \}\): Promise<Response> \{\n {2}if \(request\.method !== "POST"\) return errorResponse\(405/m);
    assert.doesNotMatch(route, /export default/, "a resource route renders nothing");
    assert.match(route, /process\.env\.OPENAI_API_KEY/);
    applyPlan(plan);
    assert.equal(project.read(".env.local"), `OPENAI_API_KEY=${project.keys.openai}\n`);
  });

  it("Remix v2 (no app/routes.ts) gets the same flat route", () => {
    const project = fixture("react-router", {
      "package.json": '{ "dependencies": { "@remix-run/node": "2.15.0", "@remix-run/react": "2.15.0", "openai": "4.80.0" } }',
    });
    fs.rmSync(project.file("app/routes.ts"));
    assert.ok(createdFile(planAt(project, "app/routes/chat.tsx", "new OpenAI")!, "app/routes/api.ai.openai.ts"));
  });

  it("React Router with hand-written routes in app/routes.ts: nothing (a file in app/routes/ would not be served)", () => {
    const project = fixture("react-router", {
      "app/routes.ts": 'import { type RouteConfig, index } from "@react-router/dev/routes";\n\nexport default [index("routes/chat.tsx")] satisfies RouteConfig;\n',
    });
    assert.equal(planAt(project, "app/routes/chat.tsx", "new OpenAI"), undefined);
  });

  it("never overwrites: a taken URL gets openai-2, in every convention", () => {
    const taken: [string, string, string, Record<string, string>][] = [
      ["sveltekit", "src/lib/chat.ts", "src/routes/api/ai/openai-2/+server.ts", { "src/routes/api/ai/openai/+page.svelte": "<p>page</p>\n" }],
      ["nuxt", "composables/useChat.ts", "server/api/ai/openai-2.post.ts", { "server/api/ai/openai.ts": "export default defineEventHandler(() => 1);\n" }],
      ["astro", "src/components/Chat.tsx", "src/pages/api/ai/openai-2.ts", { "src/pages/api/ai/openai.astro": "<p>page</p>\n" }],
      ["react-router", "app/routes/chat.tsx", "app/routes/api.ai.openai-2.ts", { "app/routes/api.ai.openai.tsx": "export default function Page() { return null; }\n" }],
    ];
    for (const [name, file, expected, extra] of taken) {
      const plan = planAt(fixture(name, extra), file, "new OpenAI");
      assert.ok(plan, name);
      const route = createdFile(plan, expected);
      assert.match(route, /checkRateLimit/, name);
      assert.ok(plan.edits.some((edit) => edit.kind === "replace" && edit.text.includes('"/api/ai/openai-2"')), `${name}: the browser calls the free URL`);
    }
  });
});

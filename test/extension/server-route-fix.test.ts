/**
 * "Move this AI call to a server route" (issue 6) in a real VS Code, for each kind of project the
 * planner supports: every file is checked on disk after the fix, and one undo restores them all.
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { actionTitled, apply, closeAll, diagnosticsOf, fakeKey, project, read, saveAll, snapshot, undoIn } from "./support";

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));

interface Case {
  name: string;
  files: Record<string, string>;
  browserFile: string;
  route: string;
  /** The key is written in the browser code (so the fix must move it into .env.local). */
  literalKey?: string;
}

const appRouterKey = fakeKey("openai", 901);

const cases: Case[] = [
  {
    name: "Next.js App Router: a literal key in a client component",
    literalKey: appRouterKey,
    files: {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0", openai: "5.0.0" } }),
      ".gitignore": "node_modules\n",
      "app/chat.tsx":
        `"use client";\nimport OpenAI from "openai";\n` +
        `const client = new OpenAI({ apiKey: "${appRouterKey}", dangerouslyAllowBrowser: true });\n` +
        `export async function ask(question: string) {\n` +
        `  const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });\n` +
        `  return completion.choices[0]?.message.content ?? "";\n}\n`,
    },
    browserFile: "app/chat.tsx",
    route: "app/api/ai/openai/route.ts",
  },
  {
    name: "Next.js Pages Router: a page that calls OpenAI with a public env var",
    files: {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0", openai: "5.0.0" } }),
      ".gitignore": "node_modules\n.env*\n",
      "pages/index.tsx":
        `import OpenAI from "openai";\n` +
        `const client = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });\n` +
        `export default function Home() {\n` +
        `  return <button onClick={async () => { const r = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [] }); console.log(r); }}>go</button>;\n}\n`,
    },
    browserFile: "pages/index.tsx",
    route: "pages/api/ai/openai.ts",
  },
  {
    name: "Vite: browser code that calls OpenAI with a VITE_ key",
    files: {
      "package.json": JSON.stringify({ dependencies: { react: "19.0.0", openai: "5.0.0" }, devDependencies: { vite: "7.0.0" } }),
      "vite.config.ts": `import { defineConfig } from "vite";\nexport default defineConfig({});\n`,
      ".gitignore": "node_modules\n*.local\n.env\n",
      // Vite bundles what index.html's module scripts reach.
      "index.html": `<!doctype html>\n<html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>\n`,
      "src/main.ts": `import { ask } from "./ask";\ndocument.querySelector("#app")!.addEventListener("click", async () => console.log(await ask("hi")));\n`,
      "src/ask.ts":
        `import OpenAI from "openai";\n` +
        `const client = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });\n` +
        `export async function ask(question: string) {\n` +
        `  const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });\n` +
        `  return completion.choices[0]?.message.content ?? "";\n}\n`,
    },
    browserFile: "src/ask.ts",
    route: "api/ai/openai.ts",
  },
];

describe("quick fix: move a browser AI call to a server route, per framework", () => {
  afterEach(closeAll);

  cases.forEach((c, index) => {
    it(c.name, async () => {
      const p = project(`server-route-${index}`, c.files);
      const code = p.path(c.browserFile);
      const route = p.path(c.route);
      const envLocal = p.path(".env.local");
      const gitignore = p.path(".gitignore");
      const files = [code, route, envLocal, gitignore];
      const before = snapshot(files);
      assert.equal(before[route], undefined, "no route before the fix");

      const diagnostics = await diagnosticsOf(code);
      const call = diagnostics.find((d) => codeOf(d) === "no-client-ai-calls");
      assert.ok(call, `no no-client-ai-calls diagnostic among ${diagnostics.map(codeOf)}`);
      const action = await actionTitled(code, call, /server route/);
      assert.equal(action.isPreferred, true);
      await apply(action);
      await saveAll();

      const routeText = read(route);
      assert.ok(routeText, `${c.route} created`);
      assert.match(routeText, /process\.env\.OPENAI_API_KEY/, "the route reads the server-side key");
      assert.match(routeText, /429/, "the route is rate-limited");
      const browser = read(code)!;
      assert.ok(!browser.includes("dangerouslyAllowBrowser"), "the browser no longer holds a client");
      assert.match(browser, /\/api\/ai\/openai/, "the browser calls the route");
      assert.doesNotMatch(browser, /NEXT_PUBLIC_OPENAI_API_KEY|VITE_OPENAI_API_KEY/, "no browser-side key");
      if (c.literalKey) {
        assert.ok(!browser.includes(c.literalKey) && !routeText.includes(c.literalKey), "the key left the code");
        assert.ok(read(envLocal)?.split(/\r?\n/).includes(`OPENAI_API_KEY=${c.literalKey}`), ".env.local holds the key");
        assert.ok(read(gitignore)!.split(/\r?\n/).some((line) => line === ".env.local" || line === ".env*" || line === "*.local"), ".gitignore covers .env.local");
      }

      await undoIn(code);
      assert.deepEqual(snapshot(files), before, "one undo restores every file and removes the created ones");
    });
  });
});

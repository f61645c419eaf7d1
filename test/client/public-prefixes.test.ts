/**
 * Issue 10, class 3: a public prefix is judged by the framework that builds the file. A prefix
 * the framework does not expose gets "undefined in the browser", never "ships to the browser".
 */
import * as assert from "node:assert/strict";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-public-secrets";
import type { noPublicSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { envPrefixes } from "../../eslint-plugin/src/engine/client/public-prefixes";
import { ruleTester } from "../support/rule-tester";
import * as path from "node:path";
import { APPS, appFile } from "./support";
import * as fs from "node:fs";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findPublicSecrets } from "../../eslint-plugin/src/engine/client";
import { inTempTree } from "../support/temp-tree";

const rule = plugin as unknown as RuleModule<keyof typeof noPublicSecretsMessages, [{ allow?: string[] }]>;
const notExposed = (line: number, name: string, prefix: string, framework: string, exposes: string) => ({
  messageId: "prefixNotExposed" as const,
  line,
  data: { name, prefix, framework, exposes },
});

ruleTester().run("no-public-secrets: prefixes by framework", rule, {
  valid: [
    { name: "Next.js: VITE_ name that is publishable", filename: appFile("next-app-router", "app/page.tsx").filename, code: "process.env.VITE_POSTHOG_KEY;" },
    { name: "Vite: a private name stays no-client-secrets' business", filename: appFile("vite-env-prefix", "src/main.tsx").filename, code: "import.meta.env.OPENAI_API_KEY;" },
    { name: "Nuxt: runtime config is not judged by prefix", filename: appFile("nuxt", "lib/format.ts").filename, code: "process.env.NUXT_PUBLIC_SITE_URL;" },
    // flexxxikqwe/AI-Brief-Builder-Gemini (batch 146): Next.js's prefix in a Nuxt app's server code and config ships nothing.
    {
      name: "Nuxt: another framework's prefix read in server/ is server code's",
      filename: path.join(APPS, "nuxt", "server/api/brief.post.ts"),
      code: "export default defineEventHandler(() => ({ ok: !!process.env.NEXT_PUBLIC_GEMINI_API_KEY }));",
    },
    {
      name: "Nuxt: another framework's prefix read in nuxt.config (it runs in Node)",
      filename: path.join(APPS, "nuxt", "nuxt.config.ts"),
      code: "export default defineNuxtConfig({ runtimeConfig: { geminiApiKey: process.env.NEXT_PUBLIC_GEMINI_API_KEY } });",
    },
    {
      // KIMCAT33/voice-spark-reviews: the config runs in Node, where process.env holds every name.
      name: "Vite: process.env.VITE_ read in vite.config.ts is no bug (it runs in Node)",
      filename: appFile("vite", "vite.config.ts").filename,
      code: "const hasKey = !!process.env.VITE_GEMINI_API_KEY;\nexport default {};",
    },
    {
      // duinness/hack2025-GA (batch 60), JoshuaWidastra/JW-IP-RMT52 (batch 65): an Express server with its own
      // package.json inside the Vite app's folder is a project of its own; Vite never bundles it.
      name: "Vite: process.env.VITE_ in a Node server with its own package.json inside the app's folder ships nothing",
      filename: path.join(APPS, "vite", "backend/index.js"),
      code: `import express from "express";\nconst key = process.env.VITE_OPENAI_API_KEY;\nexport default express().get("/", (req, res) => res.json({ ok: !!key }));`,
    },
    {
      // Rmiq/genvideo (batch 33): server code reads every name the server's environment holds.
      name: "Next.js: process.env.REACT_APP_ read in a Pages Router API route is no bug",
      filename: path.join(APPS, "next-pages", "pages/api/generate-text.ts"),
      code: "export default function handler(req, res) {\n  res.json({ configured: !!process.env.REACT_APP_OPENAPI_API_KEY });\n}",
    },
  ],
  invalid: [
    {
      // Eddy-Technologies/edtack-mvp (batch 164): Nuxt serves import.meta.env.VITE_* to the browser, so a config that
      // passes the value on (a private runtimeConfig key) names a secret one read ships; a test of it passes nothing on.
      name: "Nuxt: a build config passing a VITE_ secret's value on names a secret Nuxt exposes; a test of whether it is set does not",
      filename: path.join(APPS, "nuxt", "nuxt.config.ts"),
      code: [
        "const configured = Boolean(process.env.VITE_OPENAI_API_KEY) && process.env.VITE_OPENAI_API_KEY !== '';",
        "export default defineNuxtConfig({ runtimeConfig: { geminiKey: process.env.VITE_GEMINI_API_KEY ?? '', configured } });",
      ].join("\n"),
      errors: [{ messageId: "publicSecret", line: 2, data: { name: "VITE_GEMINI_API_KEY", prefix: "VITE_", unprefixed: "GEMINI_API_KEY" } }],
    },
    {
      name: "Vite: a dev proxy's header in vite.config.ts carries a VITE_ secret that import.meta.env would ship",
      filename: appFile("vite", "vite.config.ts").filename,
      code: "export default { server: { proxy: { '/x': { target: 'https://api.replicate.com', headers: { Authorization: `Token ${process.env.VITE_REPLICATE_API_KEY}` } } } } };",
      errors: [{ messageId: "publicSecret", line: 1 }],
    },
    {
      name: "Nuxt: another framework's prefix in browser code is undefined there; Nuxt's own and Vite's are public",
      filename: path.join(APPS, "nuxt", "composables/useBrief.ts"),
      code: "export const a = process.env.NEXT_PUBLIC_GEMINI_API_KEY;\nexport const b = import.meta.env.VITE_GEMINI_API_KEY;\nexport const c = process.env.NUXT_PUBLIC_GEMINI_API_KEY;",
      errors: [
        notExposed(1, "NEXT_PUBLIC_GEMINI_API_KEY", "NEXT_PUBLIC_", "Nuxt", "useRuntimeConfig().public, filled from NUXT_PUBLIC_*"),
        { messageId: "publicSecret", line: 2, data: { name: "VITE_GEMINI_API_KEY", prefix: "VITE_", unprefixed: "GEMINI_API_KEY" } },
        { messageId: "publicSecret", line: 3, data: { name: "NUXT_PUBLIC_GEMINI_API_KEY", prefix: "NUXT_PUBLIC_", unprefixed: "GEMINI_API_KEY" } },
      ],
    },
    {
      ...appFile("vite-env-prefix", "src/main.tsx"),
      errors: [
        { messageId: "publicSecret", line: 4, data: { name: "APP_OPENAI_API_KEY", prefix: "APP_", unprefixed: "OPENAI_API_KEY" } },
        { messageId: "publicSecret", line: 6, data: { name: "VITE_GROQ_API_KEY", prefix: "VITE_", unprefixed: "GROQ_API_KEY" } },
        notExposed(8, "REACT_APP_API_KEY", "REACT_APP_", "Vite", "import.meta.env.VITE_*, import.meta.env.APP_*"),
        notExposed(10, "NEXT_PUBLIC_ANTHROPIC_API_KEY", "NEXT_PUBLIC_", "Vite", "import.meta.env.VITE_*, import.meta.env.APP_*"),
      ],
    },
    {
      // francescopasqu/libra-app, twinlight2222/twinlight: a secret one import.meta.env read from shipping.
      name: "Vite: process.env.VITE_ in a server function of the project is still a secret under the public prefix",
      filename: path.join(APPS, "vite", "api/gpt.js"),
      code: "export default async function handler(req, res) {\n  res.json({ ok: !!process.env.VITE_OPENAI_API_KEY });\n}",
      errors: [{ messageId: "publicSecret", line: 2, data: { name: "VITE_OPENAI_API_KEY", prefix: "VITE_", unprefixed: "OPENAI_API_KEY" } }],
    },
    {
      // PraveenSalapu/kinetic-constellation (batch 44): a Node script of the project, the same secret name.
      name: "Vite: process.env.VITE_ in a Node script (node:fs) is the same secret under the public prefix",
      filename: path.join(APPS, "vite", "tools/fetch-jobs.ts"),
      code: `import { readFileSync } from "node:fs";\nexport const key = process.env.VITE_GEMINI_API_KEY;`,
      errors: [{ messageId: "publicSecret", line: 2, data: { name: "VITE_GEMINI_API_KEY", prefix: "VITE_", unprefixed: "GEMINI_API_KEY" } }],
    },
    {
      // jblankenspoor/PowerCollectV3's test-claude-integration.js (batch 56): `require("dotenv").config()` makes it a Node script.
      name: "Vite: process.env.VITE_ in a root script that loads dotenv is a Node script, not browser code",
      filename: path.join(APPS, "vite", "test-claude-integration.js"),
      code: `require("dotenv").config();\nconst CLAUDE_API_KEY = process.env.VITE_CLAUDE_API_KEY;\nmodule.exports = { CLAUDE_API_KEY };`,
      errors: [{ messageId: "publicSecret", line: 2, data: { name: "VITE_CLAUDE_API_KEY", prefix: "VITE_", unprefixed: "CLAUDE_API_KEY" } }],
    },
    {
      name: "Vite's default prefix: REACT_APP_ is undefined (the issue's case)",
      filename: appFile("vite", "src/App.tsx").filename,
      code: "export const key = import.meta.env.REACT_APP_API_KEY;",
      errors: [notExposed(1, "REACT_APP_API_KEY", "REACT_APP_", "Vite", "import.meta.env.VITE_*")],
    },
    {
      name: "Create React App: VITE_ is not exposed, REACT_APP_ is",
      filename: appFile("cra", "src/App.js").filename,
      code: "const a = process.env.VITE_OPENAI_API_KEY;\nconst b = process.env.REACT_APP_OPENAI_API_KEY;",
      errors: [
        notExposed(1, "VITE_OPENAI_API_KEY", "VITE_", "Create React App", "process.env.REACT_APP_*"),
        { messageId: "publicSecret", line: 2, data: { name: "REACT_APP_OPENAI_API_KEY", prefix: "REACT_APP_", unprefixed: "OPENAI_API_KEY" } },
      ],
    },
    {
      name: "Next.js: NEXT_PUBLIC_ through import.meta.env and REACT_APP_ are not exposed",
      filename: appFile("next-app-router", "app/chat/chat-box.tsx").filename,
      code: "const a = import.meta.env.NEXT_PUBLIC_OPENAI_API_KEY;\nconst b = process.env.REACT_APP_OPENAI_API_KEY;",
      errors: [
        notExposed(1, "NEXT_PUBLIC_OPENAI_API_KEY", "NEXT_PUBLIC_", "Next.js", "process.env.NEXT_PUBLIC_*"),
        notExposed(2, "REACT_APP_OPENAI_API_KEY", "REACT_APP_", "Next.js", "process.env.NEXT_PUBLIC_*"),
      ],
    },
    {
      name: "Astro: PUBLIC_ is exposed, VITE_ is not (Astro's envPrefix is PUBLIC_)",
      filename: appFile("astro", "src/components/Chat.tsx").filename,
      code: "const a = import.meta.env.PUBLIC_OPENAI_API_KEY;\nconst b = import.meta.env.VITE_OPENAI_API_KEY;",
      errors: [
        { messageId: "publicSecret", line: 1, data: { name: "PUBLIC_OPENAI_API_KEY", prefix: "PUBLIC_", unprefixed: "OPENAI_API_KEY" } },
        notExposed(2, "VITE_OPENAI_API_KEY", "VITE_", "Astro", "import.meta.env.PUBLIC_*"),
      ],
    },
    {
      name: "Expo and Gatsby: each its own prefix",
      filename: appFile("expo", "app/index.tsx").filename,
      code: "const a = process.env.EXPO_PUBLIC_GROQ_API_KEY;\nconst b = process.env.GATSBY_GROQ_API_KEY;",
      errors: [
        { messageId: "publicSecret", line: 1, data: { name: "EXPO_PUBLIC_GROQ_API_KEY", prefix: "EXPO_PUBLIC_", unprefixed: "GROQ_API_KEY" } },
        notExposed(2, "GATSBY_GROQ_API_KEY", "GATSBY_", "Expo", "process.env.EXPO_PUBLIC_*"),
      ],
    },
    {
      name: "SvelteKit: $env/static/public PUBLIC_ is exposed",
      filename: appFile("sveltekit", "src/routes/+page.ts").filename,
      code: 'import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";\nexport const k = PUBLIC_OPENAI_API_KEY;',
      errors: [{ messageId: "publicSecret", line: 1, data: { name: "PUBLIC_OPENAI_API_KEY", prefix: "PUBLIC_", unprefixed: "OPENAI_API_KEY" } }],
    },
  ],
});

describe("Vite envPrefix", () => {
  it("reads a string, an array, and nothing", () => {
    assert.deepEqual(envPrefixes('export default { envPrefix: "APP_" }'), ["APP_"]);
    assert.deepEqual(envPrefixes("envPrefix: ['VITE_', 'TAURI_']"), ["VITE_", "TAURI_"]);
    assert.equal(envPrefixes("export default {}"), undefined);
  });
  it("stays linear on a 1 MB config", () => {
    const started = Date.now();
    envPrefixes(`envPrefix: [${"'".repeat(1_000_000)}`);
    envPrefixes(`envPrefix${" ".repeat(1_000_000)}`);
    assert.ok(Date.now() - started < 1000);
  });
});

describe("no-public-secrets: a helper only the project's server imports", () => {
  it("reads process.env.VITE_ in Node: the secret under the public prefix, not a value undefined in the browser (sunxuedong/frontend-dev-large-model-era, batch 155)", () => {
    inTempTree("keyfence-vite-server-helper-", (root, write) => {
      write("package.json", JSON.stringify({ dependencies: { express: "4.21.0" }, devDependencies: { vite: "6.0.0" } }));
      write("index.html", `<script type="module" src="/src/main.js"></script>\n`);
      write("src/main.js", `document.body.textContent = "hi";\n`);
      write("server.js", `import express from "express";\nimport { helper } from "./lib/helper.js";\nconst app = express();\napp.get("/x", async (req, res) => res.json(await helper()));\n`);
      const helperText = `export async function helper() {\n  return fetch(process.env.API_URL, { headers: { "x-key": process.env.VITE_FLUX_API_KEY } });\n}\n`;
      const helper = write("lib/helper.js", helperText);
      const messages = (file: string) => findPublicSecrets(parseSource(file, fs.readFileSync(file, "utf8"))!).map((finding) => finding.messageId);
      assert.deepEqual(messages(helper), ["publicSecret"]);
      // The same module imported by the page is browser code, where Vite's `process.env` is undefined.
      const browserHelper = write("lib/browser-helper.js", helperText);
      write("src/main.js", `import { helper } from "../lib/browser-helper.js";\nhelper();\n`);
      assert.deepEqual(messages(browserHelper), ["prefixNotExposed"]);
    });
  });

  it("still reports a prefix the framework exposes nowhere: only the message may change (dhopegraphics/hivedemia-web-version)", () => {
    inTempTree("keyfence-next-backend-store-", (root, write) => {
      write("package.json", JSON.stringify({ dependencies: { next: "15.0.0", zustand: "5.0.0" } }));
      write("app/page.tsx", "export default function Page() { return null; }\n");
      // A store kept in a folder named backend/ imports the hook; no page imports either yet.
      write("backend/store/useQuiz.ts", `import { ask } from "@/hooks/ai";\nexport const useQuiz = () => ask;\n`);
      write("tsconfig.json", JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }));
      const hook = write("hooks/ai.ts", "export const ask = () => process.env.PUBLIC_COHERE_API_KEY;\n");
      assert.deepEqual(findPublicSecrets(parseSource(hook, fs.readFileSync(hook, "utf8"))!).map((finding) => finding.messageId), ["prefixNotExposed"]);
    });
  });
});

describe("no-public-secrets: Angular writes no environment variable in unless a builder does", () => {
  const messages = (file: string) => findPublicSecrets(parseSource(file, fs.readFileSync(file, "utf8"))!).map((finding) => finding.messageId);
  const angularApp = (write: (rel: string, text: string) => string, builder: string, dependencies: Record<string, string> = {}) => {
    write("package.json", JSON.stringify({ dependencies: { "@angular/core": "21.0.0", ...dependencies }, devDependencies: { vite: "6.2.0" } }));
    write("angular.json", JSON.stringify({ projects: { app: { architect: { build: { builder, options: { browser: "src/main.ts" } } } } } }));
    write("vite.config.ts", "import { defineConfig } from 'vite';\nexport default defineConfig({});\n");
    write("src/main.ts", `import { bootstrapApplication } from "@angular/platform-browser";\nimport "./key";\nbootstrapApplication(class {});\n`);
  };

  it("the CLI's own builder: VITE_ and NG_APP_ are undefined in the browser and server code's own (MrJash/smart-fridge-and-culinary-assistant, batch 232)", () => {
    inTempTree("keyfence-angular-cli-", (root, write) => {
      angularApp(write, "@angular/build:application");
      const page = write("src/key.ts", "export const a = (import.meta as any)?.env?.VITE_GEMINI_API_KEY;\nexport const b = process.env.NG_APP_GEMINI_API_KEY;\n");
      const fn = write("api/gemini/ask.ts", "export default function handler(req: any, res: any) {\n  res.json({ ok: !!(process.env.GEMINI_API_KEY || process.env.VITE_GEMINI_API_KEY) });\n}\n");
      assert.deepEqual(messages(page), ["prefixNotExposed", "prefixNotExposed"]);
      assert.deepEqual(messages(fn), []);
    });
  });

  it("@ngx-env/builder writes NG_APP_ (and its own prefix) in; AnalogJS builds with Vite", () => {
    inTempTree("keyfence-angular-ngx-env-", (root, write) => {
      angularApp(write, "@ngx-env/builder:application", { "@ngx-env/builder": "21.0.1" });
      const page = write("src/key.ts", "export const a = import.meta.env.NG_APP_GEMINI_API_KEY;\nexport const b = process.env.NG_APP_OPENAI_API_KEY;\nexport const c = import.meta.env.VITE_GEMINI_API_KEY;\n");
      assert.deepEqual(messages(page), ["publicSecret", "publicSecret", "prefixNotExposed"]);
    });
    inTempTree("keyfence-angular-analog-", (root, write) => {
      angularApp(write, "@analogjs/platform:vite", { "@analogjs/platform": "2.0.0" });
      write("vite.config.ts", "import analog from '@analogjs/platform';\nexport default { plugins: [analog()] };\n");
      const page = write("src/key.ts", "export const a = import.meta.env.VITE_GEMINI_API_KEY;\n");
      assert.deepEqual(messages(page), ["publicSecret"]);
    });
  });
});

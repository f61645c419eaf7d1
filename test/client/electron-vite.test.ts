/**
 * electron-vite (fixture app `electron-vite`, the layout of its `npm create @quick-start/electron`
 * templates): Vite builds the main process (`src/main/`), the preload scripts (`src/preload/`) and
 * the renderer (`src/renderer/`, entered from its index.html). Only the renderer is a page; the
 * main process reading `process.env.OPENAI_API_KEY` at run time is how an Electron app should hold
 * a key, and was reported as browser code when the project was read as a plain Vite app. Every
 * process's env prefix (MAIN_VITE_, PRELOAD_VITE_, RENDERER_VITE_, VITE_) is inlined into a bundle
 * the app ships. Also WXT's `WXT_` prefix, inlined into the extension like Vite's.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "electron-vite", rel);

describe("electron-vite: the renderer is the browser, the main process and preload are not", () => {
  it("is read as a Vite app with electron-vite's layout", () => {
    const framework = frameworkOf(file("src/main/index.ts"));
    assert.equal(framework.name, "vite");
    assert.equal(framework.electronVite, true);
  });

  it("the renderer's index.html (its `/src/main.tsx` is under src/renderer) starts the browser graph", () => {
    assert.deepEqual(browserChain(file("src/renderer/src/lib/ask.ts")), [file("src/renderer/src/main.tsx"), file("src/renderer/src/lib/ask.ts")]);
  });

  it("main-process and preload modules are not browser code", () => {
    for (const rel of ["src/main/index.ts", "src/main/summarize.ts", "src/preload/index.ts"]) assert.equal(browserChain(file(rel)), undefined, rel);
  });
});

ruleTester().run("no-client-secrets (electron-vite)", rule(noClientSecrets), {
  valid: [
    // Each was reported as "reaches the browser" before: the project was a single-page app to KeyFence.
    appFile("electron-vite", "src/main/index.ts"),
    appFile("electron-vite", "src/main/summarize.ts"),
    appFile("electron-vite", "src/preload/index.ts"),
    // Public by its prefix: no-public-secrets' business.
    appFile("electron-vite", "src/renderer/src/lib/ask.ts"),
  ],
  invalid: [
    {
      name: "a server secret read in the renderer is still undefined there",
      filename: file("src/renderer/src/lib/ask.ts"),
      code: "export const key = process.env.OPENAI_API_KEY;",
      errors: [{ messageId: "clientSecret", data: { name: "OPENAI_API_KEY", chain: "src/renderer/src/main.tsx → src/renderer/src/lib/ask.ts" } }],
    },
  ],
});

ruleTester().run("no-client-ai-calls (electron-vite)", rule(noClientAiCalls), {
  valid: [appFile("electron-vite", "src/main/index.ts")],
  invalid: [],
});

ruleTester().run("no-public-secrets (electron-vite, WXT)", rule(noPublicSecrets), {
  valid: [
    appFile("electron-vite", "src/main/index.ts"),
    {
      name: "WXT: a publishable name under WXT_",
      filename: path.join(APPS, "unknown", "entrypoints/popup/main.ts"),
      code: "export const url = import.meta.env.WXT_SUPABASE_ANON_KEY;",
    },
  ],
  invalid: [
    {
      ...appFile("electron-vite", "src/main/baked.ts"),
      errors: [{ messageId: "publicSecretInApp", data: { name: "MAIN_VITE_ANTHROPIC_API_KEY", prefix: "MAIN_VITE_", unprefixed: "ANTHROPIC_API_KEY", tool: "electron-vite", backEnd: "the main process, and give the renderer only results over IPC" } }],
    },
    {
      ...appFile("electron-vite", "src/renderer/src/lib/ask.ts"),
      errors: [{ messageId: "publicSecretInApp", data: { name: "RENDERER_VITE_GROQ_API_KEY", prefix: "RENDERER_VITE_", unprefixed: "GROQ_API_KEY", tool: "electron-vite", backEnd: "the main process, and give the renderer only results over IPC" } }],
    },
    {
      // DigitalEpidemic/ai-voice-translator (batch 156): the main process reading the name in Node still says the app, not a visitor's browser.
      name: "electron-vite: process.env.VITE_ in the main process is a secret every installed copy can hold",
      filename: file("src/main/keys.ts"),
      code: 'import { readFileSync } from "node:fs";\nexport const key = process.env.VITE_OPENAI_API_KEY ?? readFileSync("key.txt", "utf8");',
      errors: [{ messageId: "publicSecretInApp", data: { name: "VITE_OPENAI_API_KEY", prefix: "VITE_", unprefixed: "OPENAI_API_KEY", tool: "electron-vite", backEnd: "the main process, and give the renderer only results over IPC" } }],
    },
    {
      name: "electron-vite: VITE_ reaches every process",
      filename: file("src/preload/index.ts"),
      code: "export const key = import.meta.env.VITE_OPENAI_API_KEY;",
      errors: [{ messageId: "publicSecretInApp", data: { name: "VITE_OPENAI_API_KEY", prefix: "VITE_", unprefixed: "OPENAI_API_KEY", tool: "electron-vite", backEnd: "the main process, and give the renderer only results over IPC" } }],
    },
    {
      // wxt.dev: "prefix any environment variables with WXT_ or VITE_, otherwise they won't be available at runtime".
      name: "WXT: a secret under WXT_ is inlined into the extension",
      filename: path.join(APPS, "unknown", "entrypoints/popup/main.ts"),
      code: "export const key = import.meta.env.WXT_OPENAI_API_KEY;",
      errors: [{ messageId: "publicSecret", data: { name: "WXT_OPENAI_API_KEY", prefix: "WXT_", unprefixed: "OPENAI_API_KEY" } }],
    },
  ],
});

ruleTester().run("no-public-secrets (electron-vite's define)", rule(noPublicSecrets), {
  valid: [
    {
      name: "a define of a name that is no secret",
      filename: file("electron.vite.config.ts"),
      code: `export default { main: { define: { "process.env.APP_VERSION": JSON.stringify("1.0.0") } } };`,
    },
  ],
  invalid: [
    {
      name: "main's define writes the build machine's key into the app",
      filename: file("electron.vite.config.ts"),
      code: `export default { main: { define: { "process.env.OPENAI_API_KEY": JSON.stringify(process.env.OPENAI_API_KEY) } } };`,
      errors: [{ messageId: "configDefineSecretInApp", data: { name: "OPENAI_API_KEY" } }],
    },
  ],
});

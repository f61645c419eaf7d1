/**
 * A desktop app's window (Electron's renderer, Tauri's webview) is browser code with no visitors
 * and no server route: no-client-ai-calls reports its calls with the `InApp` messages, which say
 * every installed copy holds the key and point at the app's own back end (the main process, a
 * Tauri command) with a key read at run time. Fixtures: `electron-vite` (electron-vite's layout),
 * `electron-plain` (no bundler: index.html loads renderer.js), `tauri-vite` (Tauri 2 + Vite).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { desktopAppOf, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

const rule = noClientAiCalls as unknown as RuleModule<string, readonly unknown[]>;
const publicSecrets = noPublicSecrets as unknown as RuleModule<string, readonly unknown[]>;
const ELECTRON = "the main process, and give the renderer only results over IPC";
const TAURI = "a Tauri command, and give the webview only results";

describe("desktop apps: which kind of app a file belongs to", () => {
  it("electron-vite, a plain Electron app and a Tauri app are desktop apps; web apps are not", () => {
    assert.equal(desktopAppOf(frameworkOf(path.join(APPS, "electron-vite/src/renderer/src/lib/ask.ts"))), "electron");
    assert.equal(desktopAppOf(frameworkOf(path.join(APPS, "electron-plain/renderer.js"))), "electron");
    assert.equal(frameworkOf(path.join(APPS, "tauri-vite/src/ai.ts")).name, "vite");
    assert.equal(desktopAppOf(frameworkOf(path.join(APPS, "tauri-vite/src/ai.ts"))), "tauri");
    for (const app of ["vite-spa/src/main.ts", "next-app-router/app/page.tsx", "unknown/index.js"]) {
      assert.equal(desktopAppOf(frameworkOf(path.join(APPS, app))), undefined, app);
    }
  });
});

ruleTester().run("no-client-ai-calls (desktop apps)", rule, {
  valid: [
    // electron-vite's main process: Node, not the window.
    appFile("electron-vite", "src/main/index.ts"),
    {
      // interviewaii/remote-support's src/utils/openai.js: required by the main process, with Groq
      // clients flagged for the browser that never run there.
      name: "plain Electron: a module that requires Electron's main-process API is the main process",
      filename: path.join(APPS, "electron-plain/lib/answer.js"),
      code: `const Groq = require("groq-sdk");
const { ipcMain } = require("electron");
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY, dangerouslyAllowBrowser: true });
ipcMain.handle("ask", (_event, prompt) => groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: [{ role: "user", content: prompt }] }));
`,
    },
    {
      name: "plain Electron: a module that requires a Node builtin runs in Node",
      filename: path.join(APPS, "electron-plain/lib/transcribe.js"),
      code: `const { spawn } = require("child_process");
const OpenAI = require("openai");
module.exports = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });
`,
    },
  ],
  invalid: [
    {
      name: "electron-vite renderer: an OpenAI client told it runs in a browser",
      filename: path.join(APPS, "electron-vite/src/renderer/src/lib/ask.ts"),
      code: `import OpenAI from "openai";\nexport const client = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });\n`,
      errors: [{
        messageId: "dangerousBrowserClientInApp",
        data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "src/renderer/src/main.tsx → src/renderer/src/lib/ask.ts", backEnd: ELECTRON },
      }],
    },
    {
      name: "electron-vite renderer: fetch to the provider's host with the key in a header",
      filename: path.join(APPS, "electron-vite/src/renderer/src/lib/ask.ts"),
      code: `const key = import.meta.env.RENDERER_VITE_OPENAI_API_KEY;\nexport const ask = (prompt: string) => fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: \`Bearer \${key}\` }, body: JSON.stringify({ input: prompt }) });\n`,
      errors: [{ messageId: "directProviderCallInApp", data: { host: "api.openai.com", chain: "src/renderer/src/main.tsx → src/renderer/src/lib/ask.ts", backEnd: ELECTRON } }],
    },
    {
      ...appFile("electron-plain", "renderer.js"),
      name: "plain Electron (no bundler): the renderer's declared browser client",
      errors: [{ messageId: "dangerousBrowserClientInApp", data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "renderer.js: the flag declares browser use", backEnd: ELECTRON } }],
    },
    {
      name: "plain Electron: a renderer module that takes only ipcRenderer from electron keeps its finding",
      filename: path.join(APPS, "electron-plain/lib/window-ask.js"),
      code: `const { ipcRenderer } = require("electron");
const OpenAI = require("openai");
module.exports = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });
`,
      errors: [{ messageId: "dangerousBrowserClientInApp", data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "window-ask.js: the flag declares browser use", backEnd: ELECTRON } }],
    },
    {
      ...appFile("tauri-vite", "src/ai.ts"),
      name: "Tauri + Vite: the webview's AI SDK provider keyed from a VITE_ variable",
      errors: [{ messageId: "browserSdkClientInApp", data: { provider: "OpenAI", chain: "src/main.ts → src/ai.ts", backEnd: TAURI } }],
    },
  ],
});

ruleTester().run("no-public-secrets (desktop apps)", publicSecrets, {
  valid: [],
  invalid: [
    {
      ...appFile("tauri-vite", "src/ai.ts"),
      name: "Tauri + Vite: a VITE_ key is in every installed copy; read it at run time in a Tauri command",
      errors: [{ messageId: "publicSecretInApp", data: { name: "VITE_OPENAI_API_KEY", prefix: "VITE_", unprefixed: "OPENAI_API_KEY", tool: "Vite", backEnd: TAURI } }],
    },
    {
      name: "a web app's VITE_ key keeps the browser message",
      filename: path.join(APPS, "vite-spa/src/app-entry.tsx"),
      code: "export const key = import.meta.env.VITE_OPENAI_API_KEY;",
      errors: [{ messageId: "publicSecret", data: { name: "VITE_OPENAI_API_KEY", prefix: "VITE_", unprefixed: "OPENAI_API_KEY" } }],
    },
  ],
});

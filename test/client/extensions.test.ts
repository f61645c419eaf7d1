/**
 * Browser extensions (fixture app `chrome-extension`: a plain MV3 extension, no package.json):
 * a `manifest.json` with `manifest_version` makes its folder an extension, and every script of it
 * runs on its users' machines (popup, content script, service worker), but its build tooling.
 * The user's own key (typed into the popup, read back from `chrome.storage`) is theirs to send:
 * the fixture's background.js does that and is quiet; the developer's key is reported.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { frameworkRequiresIgnoring } from "../../eslint-plugin/src/engine/gitignore/framework-entries";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noHardcodedKeys from "../../eslint-plugin/src/rules/no-hardcoded-keys";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { fakeKey } from "../support/fake-keys";
import { ruleTester } from "../support/rule-tester";
import { inTempTree } from "../support/temp-tree";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "chrome-extension", rel);
const gemini = fakeKey("google-ai", undefined, 61);
const elevenLabs = fakeKey("elevenlabs");

describe("browser extensions: the client boundary", () => {
  it("a manifest with manifest_version makes an extension; its scripts ship, its build scripts do not", () => {
    assert.equal(frameworkOf(file("background.js")).name, "extension");
    for (const rel of ["background.js", "content.js", "popup/popup.js"]) assert.deepEqual(browserChain(file(rel)), [file(rel)], rel);
    assert.equal(browserChain(file("scripts/build-zip.js")), undefined);
  });

  it("a Vite project whose public/ holds an extension manifest is an extension; its other vite configs are build scripts (alaminShaheen/chrome-autocomplete-extension, batch 78)", () => {
    // Three `vite build --config …` runs: the popup (index.html), the content script and the service
    // worker, each from its own config; public/manifest.json is copied into the build.
    inTempTree("keyfence-ext-vite-", (root, write) => {
      try {
        write("package.json", JSON.stringify({ name: "ext", private: true, scripts: { build: "tsc && vite build --config vite.config.ts && vite build --config vite-background.config.ts" }, devDependencies: { vite: "6" } }));
        write("vite.config.ts", `import { defineConfig } from "vite";\nexport default defineConfig({ build: { rollupOptions: { input: { popup: "./popup/index.html" } } } });\n`);
        write("vite-background.config.ts", `import { defineConfig } from "vite";\nexport default defineConfig({ build: { rollupOptions: { input: { background: "./background/background.ts" } } } });\n`);
        write("public/manifest.json", JSON.stringify({ manifest_version: 3, name: "x", version: "1", background: { service_worker: "assets/background.js" } }));
        write("popup/index.html", `<script type="module" src="./src/main.tsx"></script>`);
        write("popup/src/main.tsx", "export {};\n");
        write("background/background.ts", "export {};\n");
        clearFrameworkCache();
        assert.equal(frameworkOf(path.join(root, "background/background.ts")).name, "extension");
        assert.deepEqual(browserChain(path.join(root, "background/background.ts")), [path.join(root, "background/background.ts")]);
        assert.equal(browserChain(path.join(root, "vite-background.config.ts")), undefined);
        // Its env files follow Vite's rules: a `.env` that does not exist, and no code reading a secret, need no entry
        // (Tejasvibihari/Chrome-Ai-Extension, piotrWaw1/chrome-AI-extension).
        assert.equal(frameworkRequiresIgnoring(path.join(root, ".env"), ".env"), false);
        assert.equal(frameworkRequiresIgnoring(path.join(root, ".env.local"), ".env.local"), true);
      } finally {
        clearFrameworkCache();
      }
    });
  });

  it("a server.js beside the manifest is the extension's backend, not one of its scripts (chrisvnicholson/Reading-Copilot, batch 51)", () => {
    inTempTree("keyfence-ext-server-", (root, write) => {
      try {
        write("manifest.json", JSON.stringify({ manifest_version: 3, name: "x", version: "1", background: { service_worker: "background.js" } }));
        write("server.js", `const express = require("express");\nconst app = express();\napp.listen(3000);\n`);
        write("background.js", "export {};\n");
        clearFrameworkCache();
        assert.equal(frameworkOf(path.join(root, "server.js")).name, "extension");
        assert.equal(browserChain(path.join(root, "server.js")), undefined);
        assert.deepEqual(browserChain(path.join(root, "background.js")), [path.join(root, "background.js")]);
      } finally {
        clearFrameworkCache();
      }
    });
  });

  it("a serverless function kept deeper in beside the manifest is no extension script; a module the extension imports from such a folder is (faz-99/summarizer-chrome-extension, batch 132)", () => {
    inTempTree("keyfence-ext-proxy-", (root, write) => {
      try {
        write("manifest.json", JSON.stringify({ manifest_version: 3, name: "x", version: "1", background: { service_worker: "background.js" } }));
        write("proxy/vercel/api/index.js", "export default async function handler(req, res) {\n  res.json({ ok: Boolean(process.env.OPENROUTER_API_KEY) });\n}\n");
        write("background.js", 'import { ask } from "./src/api/openrouter.js";\nask();\n');
        write("src/api/openrouter.js", "export const ask = () => fetch('https://openrouter.ai/api/v1/models');\n");
        clearFrameworkCache();
        assert.equal(browserChain(path.join(root, "proxy/vercel/api/index.js")), undefined);
        assert.deepEqual(browserChain(path.join(root, "src/api/openrouter.js")), [path.join(root, "background.js"), path.join(root, "src/api/openrouter.js")]);
      } finally {
        clearFrameworkCache();
      }
    });
  });

  it("a manifest one folder down makes an extension only of a project folder (a package.json beside it)", () => {
    // PraveenSalapu/kinetic-constellation (batch 44): src/extension/manifest.json inside a Vite app's
    // src/; the Vite app at the root is the framework of src/services/*, not an extension rooted at src/.
    inTempTree("keyfence-ext-sub-", (root, write) => {
      write("package.json", JSON.stringify({ name: "app", private: true, devDependencies: { vite: "7" } }));
      write("index.html", `<script type="module" src="/src/main.ts"></script>`);
      write("src/main.ts", "export {};\n");
      write("src/extension/manifest.json", JSON.stringify({ manifest_version: 3, name: "x", version: "1" }));
      write("src/services/gemini.ts", "export {};\n");
      write("tools/ext/package.json", JSON.stringify({ name: "ext", private: true }));
      write("tools/ext/extension/manifest.json", JSON.stringify({ manifest_version: 3, name: "y", version: "1" }));
      write("tools/ext/popup.js", "export {};\n");
      // ClintasaurusRex/tldr, mateuszmigas/ai-companion: the manifest in src/static/ of the project.
      write("tools/ext2/package.json", JSON.stringify({ name: "ext2", private: true }));
      write("tools/ext2/src/static/manifest.json", JSON.stringify({ manifest_version: 3, name: "z", version: "1" }));
      write("tools/ext2/src/helpers/ai.js", "export {};\n");
      clearFrameworkCache();
      assert.deepEqual(frameworkOf(path.join(root, "tools/ext2/src/helpers/ai.js")), { name: "extension", root: path.join(root, "tools/ext2") });
      assert.deepEqual(frameworkOf(path.join(root, "src/services/gemini.ts")), { name: "vite", root });
      assert.equal(frameworkOf(path.join(root, "tools/ext/popup.js")).name, "extension");
    });
  });
});

/** `let apiKey = ""`, then given a value, then sent in the URL's query. */
const storedLater = (assignment: string) => `export async function ask(text) {
  let apiKey = "";
  const getApiKey = () =>
    new Promise((resolve) => {
      chrome.storage.local.get(["aiKey"], (result) => resolve(result.aiKey));
    });
  ${assignment}
  const apiUrl = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=\${apiKey}\`;
  const body = JSON.stringify({ contents: [{ parts: [{ text }] }] });
  return fetch(apiUrl, { method: "POST", body });
}
`;

ruleTester().run("no-client-ai-calls (extension)", rule(noClientAiCalls), {
  valid: [
    appFile("chrome-extension", "background.js"),
    {
      // sharmapranay38/linkedin-ai-replier (batch 166) wraps its reads so: what the Promise resolves with is the stored key.
      name: "a key read from chrome.storage through a Promise made of its callback, passed whole or called",
      filename: file("popup/popup.js"),
      code: [
        `export async function ask(input) {`,
        `  const result = await new Promise((resolve) => { chrome.storage.sync.get("geminiKey", (stored) => resolve(stored)); });`,
        `  const other = await new Promise((resolve) => chrome.storage.local.get(["openaiKey"], resolve));`,
        `  await fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=\${result.geminiKey}\`, { method: "POST" });`,
        `  return fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: "Bearer " + other.openaiKey }, body: JSON.stringify({ input }) });`,
        `}`,
      ].join("\n"),
    },
    {
      // mirmousaviii/form-pilot (batch 244): the callback tests the stored key and rejects without one.
      name: "a key read from chrome.storage through a Promise whose callback resolves only with the stored value",
      filename: file("popup/popup.js"),
      code: [
        `export async function ask(prompt) {`,
        `  const apiKey = await new Promise((resolve, reject) => {`,
        `    chrome.storage.sync.get("openaiApiKey", (data) => {`,
        `      if (data.openaiApiKey) {`,
        `        resolve(data.openaiApiKey);`,
        `      } else {`,
        `        reject("API Key not found");`,
        `      }`,
        `    });`,
        `  });`,
        `  return fetch("https://api.openai.com/v1/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ prompt }) });`,
        `}`,
      ].join("\n"),
    },
    {
      name: "a key read from localStorage",
      filename: file("popup/popup.js"),
      code: `const key = localStorage.getItem("openaiKey");\nexport const ask = (input) => fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: "Bearer " + key }, body: JSON.stringify({ input }) });\n`,
    },
    {
      name: "a key from the app's own settings reader",
      filename: file("content.js"),
      code: `import { getSettings } from "./settings";\nexport async function ask(storage, prompt) {\n  const { anthropicApiKey } = await getSettings(storage);\n  return fetch("https://api.anthropic.com/v1/messages", { method: "POST", headers: { "x-api-key": anthropicApiKey }, body: prompt });\n}\n`,
    },
    {
      // dqnamo/chaterface's lib/modelStore.ts (batch 84): the key the user saved, read by the app's own getter.
      name: "a key from the app's own reader of the saved key",
      filename: file("content.js"),
      code: `import { getLocalApiKey } from "./crypto";\nexport async function models() {\n  const apiKey = getLocalApiKey();\n  return fetch("https://openrouter.ai/api/v1/models", { headers: { Authorization: \`Bearer \${apiKey}\` } });\n}\n`,
    },
    {
      name: "a key passed in by the caller",
      filename: file("popup/popup.js"),
      code: `export async function ask(settings, input) {\n  return fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${settings.apiKey}\`, { method: "POST", body: input });\n}\n`,
    },
    {
      // Shh37/DirectWarp's lib/apiClients/gemini.ts (batch 78): the caller's key, escaped for the URL.
      name: "a key passed in by the caller, escaped with encodeURIComponent",
      filename: file("background.js"),
      code: `export async function getBestUrl(req) {\n  const endpoint = \`https://generativelanguage.googleapis.com/v1beta/models/\${req.model}:generateContent?key=\${encodeURIComponent(req.apiKey)}\`;\n  return fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: req.query });\n}\n`,
    },
    {
      name: "an empty variable given the key a storage getter reads (Laksh-01/laksh_sachdeva_submission, batch 39)",
      filename: file("content.js"),
      code: storedLater("apiKey = await getApiKey();"),
    },
    {
      // dvoranii/gemini-chrome-extension (batch 107): the getter is imported from the extension's own storage module.
      name: "a const given what an imported getter reads from the extension's storage",
      filename: file("popup/popup.js"),
      code: `import { getApiKey } from "./storage";\nexport async function ask(prompt) {\n  const apiKey = await getApiKey();\n  return fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${apiKey}\`, { method: "POST", body: prompt });\n}\n`,
    },
    {
      // saadamirpk/openai-chrome-extension2 (batch 107): the key the storage read's callback hands over, or typed, or cleared.
      name: "a module variable given the storage read's result in its callback, the typed value, or nothing",
      filename: file("popup/popup.js"),
      code: [
        `let apiKey = "";`,
        `const apiKeyInput = document.getElementById("apiInput");`,
        `chrome.storage.local.get(["key"]).then((result) => {`,
        `  if (result.key) apiKey = result.key;`,
        `  else apiKey = "";`,
        `});`,
        `export const save = () => chrome.storage.local.set({ key: apiKeyInput.value }).then(() => { apiKey = apiKeyInput.value; });`,
        `export const ask = (body) => fetch("https://api.openai.com/v1/completions", { method: "POST", body, headers: { Authorization: "Bearer " + apiKey } });`,
      ].join("\n"),
    },
    {
      // mfarineau/Webpage-Summarizer's sidebar.js (batch 113): filled by a function its storage read and its save button call.
      name: "a module variable given a function's parameter",
      filename: file("popup/popup.js"),
      code: [
        `let currentApiKey = "";`,
        `function updateKeyStatus(key) {`,
        `  if (key) currentApiKey = key;`,
        `  else currentApiKey = "";`,
        `}`,
        `chrome.storage.local.get("openai_api_key", ({ openai_api_key }) => updateKeyStatus(openai_api_key));`,
        `export const ask = (body) => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body, headers: { Authorization: \`Bearer \${currentApiKey}\` } });`,
      ].join("\n"),
    },
    {
      // thaihai-swe/summarizer-extension's options page (batch 257): the inputs looked up once into an object of fields.
      name: "a variable given the value of an input kept in an object of the page's fields",
      filename: file("popup/popup.js"),
      code: [
        `const fields = { provider: document.getElementById("provider"), geminiApiKey: document.getElementById("geminiApiKey"), geminiModel: document.getElementById("geminiModel") };`,
        `export async function enhance(prompt) {`,
        `  let apiKey = "", model = "";`,
        `  if (fields.provider.value === "gemini") {`,
        `    apiKey = fields.geminiApiKey.value.trim();`,
        `    model = fields.geminiModel.value.trim() || "gemini-2.0-flash";`,
        `  }`,
        `  // The model's name before \`key=\` is the URL's path, not a credential.`,
        `  return fetch("https://generativelanguage.googleapis.com/v1beta/models/" + encodeURIComponent(model) + ":generateContent?key=" + encodeURIComponent(apiKey), { method: "POST", body: prompt });`,
        `}`,
      ].join("\n"),
    },
    {
      // burak-sencan/opera-youtube-gemini-summarizer-extension's background helpers (batch 257): the caller's key, escaped into a const.
      name: "a const holding a parameter escaped for the URL",
      filename: file("background.js"),
      code: [
        `async function listGeminiModels(apiKey) {`,
        `  const key = encodeURIComponent(apiKey);`,
        `  const res = await fetch(\`https://generativelanguage.googleapis.com/v1beta/models?key=\${key}\`);`,
        `  return res.json();`,
        `}`,
        `chrome.storage.local.get("apiKey", ({ apiKey }) => listGeminiModels(apiKey));`,
      ].join("\n"),
    },
    {
      // kilimro/nuxt3-chatgpt-web's utils/api.ts (batch 258): the caller's key, else the one a storage getter reads.
      name: "a const given the caller's key or, failing that, the saved settings' key",
      filename: file("popup/popup.js"),
      code: [
        `function getSettings() {`,
        `  const saved = localStorage.getItem("settings");`,
        `  return saved ? JSON.parse(saved) : {};`,
        `}`,
        `export async function complete(options) {`,
        `  const settings = getSettings();`,
        `  const apiKey = options.apiKey || settings.apiKey;`,
        `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify(options), headers: { Authorization: \`Bearer \${apiKey}\` } });`,
        `}`,
      ].join("\n"),
    },
    {
      // warren30815/hey-chatgpt-explain-this's background script (batch 113): a copy of what storage holds.
      name: "a variable given a field of a structuredClone of a storage read",
      filename: file("background.js"),
      code: [
        `export async function ask(query) {`,
        `  let API_KEY = null;`,
        `  const keyObj = await chrome.storage.session.get("openaiKey");`,
        `  API_KEY = structuredClone(keyObj).openaiKey;`,
        `  return fetch("https://api.openai.com/v1/completions", { method: "POST", body: query, headers: { Authorization: \`Bearer \${API_KEY}\` } });`,
        `}`,
      ].join("\n"),
    },
    {
      // kaissaradi/Chatbot's scripts.js (batch 72): asked with prompt(), kept by a function declaration's storage read.
      name: "a module variable given what the user types into prompt() or a storage getter declared as a function",
      filename: file("popup/popup.js"),
      code: [
        `let apiKey = "";`,
        `function getApiKeyFromStorage() {`,
        `  return localStorage.getItem("groq_api_key");`,
        `}`,
        `function promptForApiKey() {`,
        `  apiKey = prompt("Please enter your GROQ API key:");`,
        `}`,
        `export function init() {`,
        `  apiKey = getApiKeyFromStorage();`,
        `  if (!apiKey) promptForApiKey();`,
        `}`,
        `export const ask = (body) => fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", body, headers: { Authorization: \`Bearer \${apiKey}\` } });`,
      ].join("\n"),
    },
    {
      name: "a config object a method sets again (the user's settings, loaded at run time) is not read from the constructor's",
      filename: file("background.js"),
      code: `class Tts {\n  constructor() {\n    this.config = { baseUrl: "https://api.elevenlabs.io/v1", apiKey: "" };\n  }\n  load(settings) {\n    this.config = settings;\n  }\n  speak(text) {\n    return fetch(\`\${this.config.baseUrl}/text-to-speech\`, { method: "POST", headers: { "xi-api-key": this.config.apiKey }, body: text });\n  }\n}\nexport const tts = new Tts();\n`,
    },
  ],
  invalid: [
    {
      name: "a key from an imported getter whose name says nothing of the user's: the developer's",
      filename: file("content.js"),
      code: `import { getApiKey } from "./config";\nexport async function ask(input) {\n  const apiKey = getApiKey();\n  return fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: input });\n}\n`,
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "openrouter.ai", chain: "content.js" } }],
    },
    {
      name: "an imported getter of the extension's own module that reads no storage hands back the developer's key",
      filename: file("popup/popup.js"),
      code: `import { getBuiltInKey } from "./storage";\nexport async function ask(prompt) {\n  const apiKey = await getBuiltInKey();\n  return fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${apiKey}\`, { method: "POST", body: prompt });\n}\n`,
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "generativelanguage.googleapis.com", chain: "popup/popup.js" } }],
    },
    {
      name: "the caller's key falling back to a key written out is the developer's",
      filename: file("popup/popup.js"),
      code: [
        `export async function complete(options) {`,
        `  const apiKey = options.apiKey || "${elevenLabs}";`,
        `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify(options), headers: { Authorization: \`Bearer \${apiKey}\` } });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "popup/popup.js" } }],
    },
    {
      name: "the caller's key falling back to the build's env key is the developer's",
      filename: file("popup/popup.js"),
      code: [
        `export async function complete(options) {`,
        `  const apiKey = options.apiKey || import.meta.env.VITE_OPENAI_API_KEY;`,
        `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify(options), headers: { Authorization: \`Bearer \${apiKey}\` } });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "popup/popup.js" } }],
    },
    {
      name: "a getter that reads storage but may hand back the build's env key is the developer's",
      filename: file("popup/popup.js"),
      code: [
        `function getKey() {`,
        `  const theme = localStorage.getItem("theme");`,
        `  return theme ? process.env.OPENAI_API_KEY : "";`,
        `}`,
        `const apiKey = getKey();`,
        `export const ask = (body) => fetch("https://api.openai.com/v1/completions", { method: "POST", body, headers: { Authorization: "Bearer " + apiKey } });`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 6, data: { host: "api.openai.com", chain: "popup/popup.js" } }],
    },
    {
      name: "a Promise whose storage callback may resolve with a key of the developer's",
      filename: file("popup/popup.js"),
      code: [
        `const BUILT_IN = "sk-placeholder-for-tests";`,
        `export async function ask(prompt) {`,
        `  const apiKey = await new Promise((resolve) => chrome.storage.sync.get("k", (data) => { if (data.k) resolve(data.k); else resolve(BUILT_IN); }));`,
        `  return fetch("https://api.openai.com/v1/completions", { method: "POST", headers: { Authorization: "Bearer " + apiKey }, body: prompt });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: "popup/popup.js" } }],
    },
    {
      name: "a module variable also given a literal key is the developer's",
      filename: file("popup/popup.js"),
      code: [
        `let apiKey = "";`,
        `chrome.storage.local.get(["key"]).then((result) => { apiKey = result.key || "sk-placeholder-for-tests"; });`,
        `export const ask = (body) => fetch("https://api.openai.com/v1/completions", { method: "POST", body, headers: { Authorization: "Bearer " + apiKey } });`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "popup/popup.js" } }],
    },
    {
      name: "the same empty variable given the developer's key instead",
      filename: file("content.js"),
      code: storedLater(`apiKey = await getApiKey();\n  if (!apiKey) apiKey = "${gemini}";`),
      errors: [{ messageId: "directProviderCall", line: 11, data: { host: "generativelanguage.googleapis.com", chain: "content.js" } }],
    },
    {
      name: "the developer's key in a const: Gemini from the service worker",
      filename: file("background.js"),
      code: `const GEMINI_API_KEY = "${gemini}";\nchrome.runtime.onMessage.addListener((message) => {\n  fetch("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent", { method: "POST", headers: { "x-goog-api-key": GEMINI_API_KEY }, body: JSON.stringify(message) });\n});\n`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "generativelanguage.googleapis.com", chain: "background.js" } }],
    },
    {
      name: "the developer's key escaped with encodeURIComponent is still the developer's",
      filename: file("background.js"),
      code: `const KEY = "${gemini}";\nexport const ask = (body) => fetch(\`https://generativelanguage.googleapis.com/v1beta/models/x:generateContent?key=\${encodeURIComponent(KEY)}\`, { method: "POST", body });\n`,
      errors: [{ messageId: "directProviderCall", line: 2 }],
    },
    {
      name: "a key held by the class (this.apiKey) is the developer's",
      filename: file("content.js"),
      code: `class Client {\n  constructor() { this.apiKey = "${gemini}"; }\n  ask(text) {\n    return fetch("https://generativelanguage.googleapis.com/v1beta/models/x:generateContent", { headers: { "x-goog-api-key": this.apiKey }, body: text });\n  }\n}\nexport default new Client();\n`,
      errors: [{ messageId: "directProviderCall", line: 4 }],
    },
    {
      name: "a URL the constructor sets (this.baseUrl), inside a template: ElevenLabs from the service worker (jenniferccao/Chirp, batch 35)",
      filename: file("background.js"),
      code: `class VoiceService {\n  constructor(apiKey) {\n    this.apiKey = apiKey;\n    this.baseUrl = "https://api.elevenlabs.io/v1";\n  }\n  speak(text, voice) {\n    return fetch(\`\${this.baseUrl}/text-to-speech/\${voice}\`, { method: "POST", headers: { "xi-api-key": this.apiKey }, body: JSON.stringify({ text }) });\n  }\n}\nexport const voices = new VoiceService("${elevenLabs}");\n`,
      errors: [{ messageId: "directProviderCall", line: 7, data: { host: "api.elevenlabs.io", chain: "background.js" } }],
    },
    {
      name: "a config object the constructor sets (this.config), its URL and key read from it (krishavs1/DixieAI, batch 139)",
      filename: file("background.js"),
      code: `class Tts {\n  constructor(config) {\n    this.config = { baseUrl: "https://api.elevenlabs.io/v1", ...config };\n  }\n  speak(text) {\n    return fetch(\`\${this.config.baseUrl}/text-to-speech/\${this.config.voiceId}\`, { method: "POST", headers: { "xi-api-key": this.config.apiKey }, body: JSON.stringify({ text }) });\n  }\n}\nexport const tts = new Tts({ apiKey: "${elevenLabs}", voiceId: "v" });\n`,
      errors: [{ messageId: "directProviderCall", line: 6, data: { host: "api.elevenlabs.io", chain: "background.js" } }],
    },
  ],
});

ruleTester().run("no-hardcoded-keys (extension)", rule(noHardcodedKeys), {
  valid: [],
  invalid: [
    {
      name: "a key in the service worker ships with the extension: no process.env suggestion",
      filename: file("background.js"),
      code: `const GEMINI_API_KEY = "${gemini}";\nexport { GEMINI_API_KEY };\n`,
      errors: [{ messageId: "hardcodedInBrowser", line: 1, suggestions: [] }],
    },
  ],
});

ruleTester().run("no-client-secrets (extension)", rule(noClientSecrets), {
  valid: [
    appFile("chrome-extension", "scripts/build-zip.js"),
    {
      // asmeulders/BostonHacks2025's study-chat.js, sh2/extension-summarize-translate-claude's utils/translation (batch 92):
      // a script run with `node` beside the extension's own, which no browser could load.
      name: "a script that is a Node program (Node builtins), wherever it sits",
      filename: file("content.js"),
      code: `const fs = require("fs");\nconst { readFile } = require("node:fs/promises");\nexport const key = process.env.OPENAI_API_KEY;\n`,
    },
  ],
  invalid: [
    {
      // dotenv-webpack or a bundler's define writes the value into the content script.
      name: "a server secret read in a content script",
      filename: file("content.js"),
      code: `export const key = process.env.OPENAI_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain: "content.js" } }],
    },
  ],
});

// WXT: the config's Vite hook defines process.env.OPENAI_API_KEY (x4066x/open-sidepanel, batch 39).
const wxt = (rel: string) => path.join(APPS, "wxt-extension", rel);

ruleTester().run("no-client-ai-calls (WXT extension, a key its Vite hook defines)", rule(noClientAiCalls), {
  valid: [],
  invalid: [
    {
      ...appFile("wxt-extension", "src/entrypoints/background.ts"),
      errors: [{ messageId: "browserSdkClient", line: 4, data: { provider: "OpenAI", chain: "src/entrypoints/background.ts" } }],
    },
  ],
});

ruleTester().run("no-public-secrets (WXT config)", rule(noPublicSecrets), {
  valid: [
    { name: "a define of a non-secret in the hook", filename: wxt("wxt.config.ts"), code: `export default { vite: () => ({ define: { "process.env.NODE_ENV": JSON.stringify("production") } }) };\n` },
    { name: "a define outside the vite hook (another tool's)", filename: wxt("wxt.config.ts"), code: `export default { other: () => ({ define: { "process.env.OPENAI_API_KEY": "x" } }) };\n` },
  ],
  invalid: [
    {
      ...appFile("wxt-extension", "wxt.config.ts"),
      errors: [{ messageId: "configDefineSecret", line: 12, data: { name: "OPENAI_API_KEY" } }],
    },
    {
      name: "the hook as a block that returns the config",
      filename: wxt("wxt.config.ts"),
      code: `export default { vite: () => {\n  return { define: { "process.env.OPENAI_API_KEY": JSON.stringify(process.env.OPENAI_API_KEY) } };\n} };\n`,
      errors: [{ messageId: "configDefineSecret", line: 2, data: { name: "OPENAI_API_KEY" } }],
    },
  ],
});

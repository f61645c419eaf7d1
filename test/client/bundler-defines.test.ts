/**
 * A `process.env` read that the build writes into the bundle is a key that ships: dotenv-webpack
 * in a browser extension's webpack config (maksimod/microsoft-teams-subtitles-extension-main)
 * and gatsby-plugin-env-variables' `allowList` (vergotten/GPT-3.5-Turbo-Gatsby-JS-Chat), both in
 * bench/real-apps. Without them the read is undefined in the browser and the call sends no key.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientAiCalls } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { APPS } from "./support";

const ROOTS: string[] = [];
after(() => {
  for (const root of ROOTS) fs.rmSync(root, { recursive: true, force: true });
});

/** A copy of a fixture app with `extra` files written over it. */
function appCopy(fixture: string, extra: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), `keyfence-${fixture}-`)));
  ROOTS.push(root);
  fs.cpSync(path.join(APPS, fixture), root, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function callsIn(root: string, rel: string, text: string): string[] {
  const file = path.join(root, rel);
  fs.writeFileSync(file, text);
  const source = parseSource(file, text);
  assert.ok(source);
  return findClientAiCalls(source).map((finding) => finding.messageId);
}

const CONTENT = `export async function translate(text) {
  const r = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] }),
  });
  return r.json();
}
`;

describe("no-client-ai-calls: env reads a bundler writes into the bundle", () => {
  it("a content script's fetch keyed by process.env: reported when webpack's dotenv-webpack writes the key in", () => {
    const withDotenv = appCopy("chrome-extension", { "webpack.config.js": `const Dotenv = require("dotenv-webpack");\nmodule.exports = { entry: "./content.js", plugins: [new Dotenv()] };\n` });
    assert.deepEqual(callsIn(withDotenv, "content.js", CONTENT), ["directProviderCall"]);
    const defined = appCopy("chrome-extension", { "webpack.config.js": `const webpack = require("webpack");\nmodule.exports = { plugins: [new webpack.DefinePlugin({ "process.env.OPENAI_API_KEY": JSON.stringify(process.env.OPENAI_API_KEY) })] };\n` });
    assert.deepEqual(callsIn(defined, "content.js", CONTENT), ["directProviderCall"]);
    const plain = appCopy("chrome-extension", { "webpack.config.js": `module.exports = { entry: "./content.js" };\n` });
    assert.deepEqual(callsIn(plain, "content.js", CONTENT), []);
  });

  it("DefinePlugin's nested form defines the names of its object; any other value the whole environment", () => {
    // brauliopf/translator: `"process.env": { OPENAI_API_KEY: JSON.stringify(…) }`; an Outlook add-in: `JSON.stringify(process.env)`.
    const nested = (names: string) => `const webpack = require("webpack");\nmodule.exports = { plugins: [new webpack.DefinePlugin({ "process.env": { ${names} } })] };\n`;
    assert.deepEqual(callsIn(appCopy("chrome-extension", { "webpack.config.js": nested(`// https://nodejs.org/api/process.html\n NODE_ENV: JSON.stringify("production"), /* the key */ OPENAI_API_KEY: JSON.stringify(process.env.OPENAI_API_KEY)`) }), "content.js", CONTENT), ["directProviderCall"]);
    assert.deepEqual(callsIn(appCopy("chrome-extension", { "webpack.config.js": nested(`NODE_ENV: JSON.stringify(process.env.NODE_ENV), "API_URL": JSON.stringify({ OPENAI_API_KEY: 1 })`) }), "content.js", CONTENT), []);
    const whole = `const webpack = require("webpack");\nmodule.exports = { plugins: [new webpack.DefinePlugin({ "process.env": JSON.stringify(process.env) })] };\n`;
    assert.deepEqual(callsIn(appCopy("chrome-extension", { "webpack.config.js": whole }), "content.js", CONTENT), ["directProviderCall"]);
  });

  it("a project that lists react-scripts but builds with its own webpack config is not Create React App (Jaslavie/day-wrapped)", () => {
    const pkg = (start: string) => JSON.stringify({ name: "x", private: true, dependencies: { react: "^18.2.0", "react-scripts": "5.0.1" }, scripts: { start } });
    const config = `const Dotenv = require("dotenv-webpack");\nconst HtmlWebpackPlugin = require("html-webpack-plugin");\nmodule.exports = { entry: "./src/index.js", plugins: [new Dotenv(), new HtmlWebpackPlugin()] };\n`;
    const moved = appCopy("cra", { "package.json": pkg("webpack serve"), "webpack.config.js": config });
    assert.equal(frameworkOf(path.join(moved, "src/ask.js")).name, "webpack");
    assert.deepEqual(callsIn(moved, "src/ask.js", CONTENT), ["directProviderCall"]);
    const stillCra = appCopy("cra", { "package.json": pkg("react-scripts start"), "webpack.config.js": config });
    assert.equal(frameworkOf(path.join(stillCra, "src/ask.js")).name, "cra");
  });

  it("a project that lists react-scripts but builds with Vite is a Vite app (KIMCAT33/voice-spark-reviews)", () => {
    const pkg = (build: string) =>
      JSON.stringify({ name: "x", private: true, dependencies: { react: "^18.2.0", "react-scripts": "5.0.1", vite: "^6.0.0" }, scripts: { start: "react-scripts start", dev: "vite", build } });
    const config = `import { defineConfig } from "vite";\nexport default defineConfig({});\n`;
    const moved = appCopy("cra", { "package.json": pkg("vite build --mode production"), "vite.config.ts": config });
    assert.equal(frameworkOf(path.join(moved, "src/ask.js")).name, "vite");
    const stillCra = appCopy("cra", { "package.json": pkg("react-scripts build"), "vite.config.ts": config });
    assert.equal(frameworkOf(path.join(stillCra, "src/ask.js")).name, "cra");
  });

  it("a project that lists next but builds with Vite is a Vite app, and its browser fetch is reported (teozhengyang/personal-website)", () => {
    const pkg = (build: string) => JSON.stringify({ name: "x", private: true, dependencies: { next: "^16.1.1", react: "^19.2.3", "react-dom": "^19.2.3" }, devDependencies: { vite: "^7.0.0" }, scripts: { dev: "vite", build } });
    const config = `import { defineConfig } from "vite";\nexport default defineConfig({});\n`;
    const main = `import { ask } from "./chatbot.js";\nask("hi");\n`;
    const chatbot = `export const ask = async (text) => {\n  const apiKey = import.meta.env.VITE_GROQ_API_KEY;\n  return fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: text });\n};\n`;
    const moved = appCopy("vite", { "package.json": pkg("vite build"), "vite.config.js": config, "src/main.jsx": main, "src/chatbot.js": chatbot });
    assert.equal(frameworkOf(path.join(moved, "src/chatbot.js")).name, "vite");
    assert.deepEqual(callsIn(moved, "src/chatbot.js", chatbot), ["directProviderCall"]);
    const stillNext = appCopy("vite", { "package.json": pkg("next build"), "vite.config.js": config });
    assert.equal(frameworkOf(path.join(stillNext, "src/chatbot.js")).name, "next");
    // A next.config left beside the Vite build changes nothing (Liergab/Portfolio, batch 52), unless next builds it.
    const leftConfig = appCopy("vite", { "package.json": pkg("tsc && vite build"), "vite.config.ts": config, "next.config.mjs": "export default {};\n", "src/main.jsx": main, "src/chatbot.js": chatbot });
    assert.equal(frameworkOf(path.join(leftConfig, "src/chatbot.js")).name, "vite");
    const nextConfig = appCopy("vite", { "package.json": pkg("next build"), "vite.config.ts": config, "next.config.mjs": "export default {};\n" });
    assert.equal(frameworkOf(path.join(nextConfig, "src/chatbot.js")).name, "next");
  });

  it("an extension built with Vite (CRXJS) ships what its vite.config defines (salarkhannn/clippy)", () => {
    const client = `import { GoogleGenerativeAI } from "@google/generative-ai";\nexport const ai = new GoogleGenerativeAI(process.env.API_KEY || "");\n`;
    const project = (config: string) =>
      appCopy("chrome-extension", {
        "package.json": JSON.stringify({ name: "x", private: true, devDependencies: { "@crxjs/vite-plugin": "2", vite: "6" }, dependencies: { "@google/generative-ai": "0.21" } }),
        "vite.config.ts": config,
      });
    const defined = project(`import { defineConfig, loadEnv } from "vite";\nexport default defineConfig(({ mode }) => ({ define: { "process.env.API_KEY": JSON.stringify(loadEnv(mode, ".", "").GEMINI_API_KEY) } }));\n`);
    assert.equal(frameworkOf(path.join(defined, "gemini.js")).name, "extension");
    assert.deepEqual(callsIn(defined, "gemini.js", client), ["browserSdkClient"]);
    assert.deepEqual(callsIn(project(`export default {};\n`), "gemini.js", client), []);
  });

  it("an extension whose manifest is in src/ is built by the project's webpack config above it (Jaslavie/day-wrapped)", () => {
    const manifest = JSON.stringify({ manifest_version: 3, name: "x", version: "1.0", background: { service_worker: "background.js" } });
    const project = (config: string) =>
      appCopy("unknown", { "package.json": JSON.stringify({ name: "x", private: true, scripts: { build: "webpack" } }), "webpack.config.js": config, "src/manifest.json": manifest });
    const withDotenv = project(`const Dotenv = require("dotenv-webpack");\nmodule.exports = { entry: { background: "./src/background.js" }, plugins: [new Dotenv()] };\n`);
    assert.equal(frameworkOf(path.join(withDotenv, "src/background.js")).name, "extension");
    assert.deepEqual(callsIn(withDotenv, "src/background.js", CONTENT), ["directProviderCall"]);
    assert.deepEqual(callsIn(project(`module.exports = { entry: { background: "./src/background.js" } };\n`), "src/background.js", CONTENT), []);
  });

  it("Gatsby: a page's fetch keyed by a name gatsby-plugin-env-variables allows", () => {
    const page = `import React from "react";\nexport default function Chat() {\n  const ask = () => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: "Bearer " + process.env.OPENAI_KEY } });\n  return <button onClick={ask}>Ask</button>;\n}\n`;
    const config = (allowList: string) => `module.exports = { plugins: [{ resolve: "gatsby-plugin-env-variables", options: { allowList: [${allowList}] } }] };\n`;
    assert.deepEqual(callsIn(appCopy("gatsby", { "gatsby-config.js": config(`"OPENAI_KEY"`) }), "src/pages/chat.jsx", page), ["directProviderCall"]);
    assert.deepEqual(callsIn(appCopy("gatsby", { "gatsby-config.js": config(`"SITE_URL"`) }), "src/pages/chat.jsx", page), []);
  });
});

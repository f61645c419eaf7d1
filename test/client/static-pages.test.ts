/**
 * A site with no build: its HTML pages load their scripts themselves, and those scripts run in the
 * visitor's browser (ledungedu/mstrang-website in bench/real-apps: index.html loads gemini.js,
 * which calls Gemini with a key written in it). no-client-ai-calls reports their AI calls with
 * the page in the chain; a script no page loads, a page's script from another site, and a folder
 * some framework claims stay as before.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientAiCalls } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache } from "../../eslint-plugin/src/engine/client/framework";
import { fakeKey } from "../support/fake-keys";
import { APPS } from "./support";

const ROOTS: string[] = [];
after(() => {
  for (const root of ROOTS) fs.rmSync(root, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-static-")));
  ROOTS.push(root);
  fs.mkdirSync(path.join(root, ".git"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  clearFrameworkCache();
  return root;
}

function calls(root: string, rel: string): Array<{ messageId: string; chain: string | undefined }> {
  const file = path.join(root, rel);
  const source = parseSource(file, fs.readFileSync(file, "utf8"));
  assert.ok(source);
  return findClientAiCalls(source).map((finding) => ({ messageId: finding.messageId, chain: finding.data.chain }));
}

const GEMINI = (key: string) =>
  `const GEMINI_KEY = "${key}";\nasync function ask(text) {\n  return fetch("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=" + GEMINI_KEY, { method: "POST", body: JSON.stringify({ contents: [{ parts: [{ text }] }] }) });\n}\n`;
const PAGE = (scripts: string) => `<!doctype html>\n<html><head><script src="https://cdn.tailwindcss.com"></script></head>\n<body>${scripts}</body></html>\n`;

describe("no-client-ai-calls: a site with no build, whose pages load their scripts", () => {
  const key = fakeKey("google-ai");

  it("reports the call of a script index.html loads, with the page in the chain", () => {
    const root = site({ "index.html": PAGE(`<script src="gemini.js"></script>`), "gemini.js": GEMINI(key) });
    assert.deepEqual(calls(root, "gemini.js"), [{ messageId: "directProviderCall", chain: "index.html → gemini.js" }]);
  });

  it("finds the page a folder or two above, and a root-relative src", () => {
    const root = site({ "index.html": PAGE(`<script src="/js/chat/gemini.js" defer></script>`), "js/chat/gemini.js": GEMINI(key) });
    assert.deepEqual(calls(root, "js/chat/gemini.js"), [{ messageId: "directProviderCall", chain: "index.html → js/chat/gemini.js" }]);
  });

  it("finds the page in another branch of the site: views/ loading ../../js/ (Yureka-Adhikari/Hack---thon, batch 240)", () => {
    const root = site({
      "index.html": PAGE(`<script src="js/main.js"></script>`),
      "views/citizen/chatbot.html": PAGE(`<script src="../../js/citizen/chatbot.js"></script>`),
      "js/citizen/chatbot.js": GEMINI(key),
      "js/tools/seed.js": GEMINI(key),
    });
    assert.deepEqual(calls(root, "js/citizen/chatbot.js"), [{ messageId: "directProviderCall", chain: "chatbot.html → ../../js/citizen/chatbot.js" }]);
    // A script no page of the site loads stays unclaimed.
    assert.deepEqual(calls(root, "js/tools/seed.js"), []);
  });

  it("reads the pages of a site whose own package.json names no framework (functions' dependencies: Electrify-ai/trail-generation, batch 104)", () => {
    const root = site({
      "package.json": JSON.stringify({ name: "site", private: true, dependencies: { "@supabase/supabase-js": "2", "node-fetch": "3" } }),
      "index.html": PAGE(`<script defer type="module" src="scripts/gemini.js"></script>`),
      "scripts/gemini.js": GEMINI(key),
    });
    assert.deepEqual(calls(root, "scripts/gemini.js"), [{ messageId: "directProviderCall", chain: "index.html → scripts/gemini.js" }]);
    // A package.json above the file's own is another project: its pages are not this script's.
    const nested = site({ "package.json": JSON.stringify({ name: "outer" }), "index.html": PAGE(`<script src="tool/gemini.js"></script>`), "tool/package.json": JSON.stringify({ name: "tool" }), "tool/gemini.js": GEMINI(key) });
    assert.deepEqual(calls(nested, "tool/gemini.js"), []);
  });

  it("stays quiet on a script no page loads, a same-named script from another site, and a Node script beside the pages", () => {
    const root = site({
      "index.html": PAGE(`<script src="https://example.com/gemini.js"></script><script src="ui.js"></script>`),
      "gemini.js": GEMINI(key),
      "tools/gemini.js": GEMINI(key),
    });
    assert.deepEqual(calls(root, "gemini.js"), []);
    assert.deepEqual(calls(root, "tools/gemini.js"), []);
  });

  it("reads a page again only when it changes: an edit that keeps size and mtime is not seen, a saved edit is", () => {
    const root = site({ "index.html": PAGE(`<script src="gemini.js"></script>`), "gemini.js": GEMINI(key) });
    const page = path.join(root, "index.html");
    const saved = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000); // whole seconds: utimes keeps them exactly
    fs.utimesSync(page, saved, saved);
    assert.deepEqual(calls(root, "gemini.js"), [{ messageId: "directProviderCall", chain: "index.html → gemini.js" }]);
    // The same size and mtime: the page's scripts are those read before (no read per keystroke).
    fs.writeFileSync(page, PAGE(`<script src="others.js"></script>`));
    fs.utimesSync(page, saved, saved);
    assert.deepEqual(calls(root, "gemini.js"), [{ messageId: "directProviderCall", chain: "index.html → gemini.js" }]);
    // Saved (a new mtime): read again, and gemini.js is no page's script any more.
    fs.utimesSync(page, saved, new Date(saved.getTime() + 5000));
    assert.deepEqual(calls(root, "gemini.js"), []);
  });

  it("leaves a folder a framework claims to its framework", () => {
    const root = site({
      "package.json": JSON.stringify({ name: "x", private: true, dependencies: { next: "15" } }),
      "index.html": PAGE(`<script src="gemini.js"></script>`),
      "gemini.js": GEMINI(key),
    });
    assert.deepEqual(calls(root, "gemini.js"), []);
  });

  it("reports a script a page in the framework's public/ folder loads: the build copies both as they are", () => {
    // Singh4599/QuickNote (batch 42): a Vite app whose public/ai-analytics.html loads js/ai-analytics-gemini.js.
    const root = site({
      "package.json": JSON.stringify({ name: "x", private: true, scripts: { build: "vite build" }, devDependencies: { vite: "5" } }),
      "index.html": PAGE(`<script type="module" src="/src/main.js"></script>`),
      "src/main.js": `document.body.append("hi");\n`,
      "public/analytics.html": PAGE(`<script src="js/gemini.js"></script>`),
      "public/js/gemini.js": GEMINI(key),
      "public/js/unused.js": GEMINI(key),
    });
    assert.deepEqual(calls(root, "public/js/gemini.js"), [{ messageId: "directProviderCall", chain: "analytics.html → js/gemini.js" }]);
    assert.deepEqual(calls(root, "public/js/unused.js"), []);
  });
});

describe("no-client-ai-calls: scripts an Astro page loads with <script src>", () => {
  const key = fakeKey("google-ai", undefined, 2);

  it("a local script, by a relative path or from the project root (/src/…), is browser code", () => {
    // Rakkun9/TranslaSite (batch 33): `<script src="/src/components/scripts/GeminiImage">` in a page.
    const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-astro-src-")));
    ROOTS.push(root);
    fs.cpSync(path.join(APPS, "astro"), root, { recursive: true });
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write("src/pages/translate.astro", `---\nconst title = "Translate";\n---\n<html><body><h1>{title}</h1>\n<script src="/src/scripts/gemini"></script>\n<script src="../scripts/ask.js"></script>\n<script is:inline src="/widget.js"></script>\n<script src="https://cdn.example.com/gemini.js"></script>\n</body></html>\n`);
    write("src/scripts/gemini.js", GEMINI(key));
    write("src/scripts/ask.js", GEMINI(key));
    write("src/scripts/unused.js", GEMINI(key));
    clearFrameworkCache();
    assert.deepEqual(calls(root, "src/scripts/gemini.js"), [{ messageId: "directProviderCall", chain: "src/pages/translate.astro → src/scripts/gemini.js" }]);
    assert.deepEqual(calls(root, "src/scripts/ask.js"), [{ messageId: "directProviderCall", chain: "src/pages/translate.astro → src/scripts/ask.js" }]);
    assert.deepEqual(calls(root, "src/scripts/unused.js"), []);
  });
});

describe("no-client-ai-calls: Vite's root-relative imports (`/env`)", () => {
  it("reads a key from the object a module imported from the project's root holds (Scrimba's `import { process } from '/env'`)", () => {
    // frontendella/Build-AI-Apps-with-ChatGPT--Dall-E-and-GPT-4 (batch 43): env.js exports
    // `process = { env: { OPENAI_API_KEY: "…" } }` and index.js, loaded by index.html, builds the client with it.
    const key = fakeKey("openai", undefined, 3);
    const root = site({
      "package.json": JSON.stringify({ name: "x", private: true, scripts: { dev: "vite" }, devDependencies: { vite: "4" }, dependencies: { openai: "3" } }),
      "index.html": PAGE(`<script type="module" src="/index.js"></script>`),
      "env.js": `export const process = {\n  env: {\n    OPENAI_API_KEY: "${key}",\n  },\n};\n`,
      "index.js": `import { process } from "/env";\nimport { Configuration, OpenAIApi } from "openai";\nconst configuration = new Configuration({\n  apiKey: process.env.OPENAI_API_KEY,\n});\nexport const openai = new OpenAIApi(configuration);\n`,
    });
    assert.deepEqual(calls(root, "index.js").map((call) => call.messageId), ["browserSdkClient"]);
  });
});

import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { browserChain, fileStats, findClientSecrets, invalidate } from "../../eslint-plugin/src/engine/client";
import { clientGraphFor } from "../../eslint-plugin/src/engine/client/graph";
import { APPS } from "./support";

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-client-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const NEXT = JSON.stringify({ dependencies: { next: "15.0.0" } });

describe("client graph", () => {
  const roots: string[] = [];
  after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it("gives the shortest chain from a browser entry", () => {
    const app = path.join(APPS, "next-app-router");
    assert.deepEqual(
      browserChain(path.join(app, "lib/cycle-b.ts"))?.map((file) => path.relative(app, file)),
      ["app/cycle/cycle-view.tsx", "lib/cycle-a.ts", "lib/cycle-b.ts"],
    );
    assert.equal(browserChain(path.join(app, "lib/server-ai.ts")), undefined);
    assert.equal(browserChain(path.join(APPS, "unknown/src/client.ts")), undefined);
  });

  it("resolves like the bundler: tsconfig paths, jsconfig baseUrl, index files, aliases", () => {
    const cases: Array<[string, string, string, string]> = [
      ["next-app-router", "app/shop/cart.tsx", "@/components", "components/index.ts"],
      ["next-app-router", "app/legacy/legacy-widget.jsx", "../../lib/legacy-config", "lib/legacy-config.js"],
      ["next-pages", "pages/index.tsx", "lib/prices", "lib/prices.ts"],
      ["remix", "app/routes/_index.tsx", "~/utils", "app/utils.ts"],
      ["sveltekit", "src/lib/ai.ts", "$lib/server/db", "src/lib/server/db.ts"],
      ["nuxt", "components/ChatBox.vue", "~/lib/format", "lib/format.ts"],
    ];
    for (const [app, from, specifier, expected] of cases) {
      const file = path.join(APPS, app, from);
      assert.equal(clientGraphFor(file)?.resolve(file, specifier), path.join(APPS, app, expected), `${app}: ${specifier}`);
    }
    assert.equal(clientGraphFor(path.join(APPS, "next-app-router/app/page.tsx"))?.resolve(path.join(APPS, "next-app-router/app/page.tsx"), "react"), undefined);
    assert.equal(browserChain(path.join(APPS, "astro/src/pages/index.astro")), undefined);
  });

  it("applies tsconfig paths to an .astro, .vue or .js importer as the bundler does", () => {
    // oxc-resolver applies `paths` only to the files TypeScript compiles; Astro resolves them everywhere.
    const root = project({
      "package.json": JSON.stringify({ dependencies: { astro: "5.0.0", "@astrojs/react": "4.0.0" } }),
      "astro.config.mjs": "export default {};\n",
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
      "src/pages/analysis.astro": "---\nimport Analysis from '@/components/analysis';\n---\n<Analysis client:load />\n",
      "src/components/analysis.tsx": "import { analyse } from '@/lib/analyser';\nexport default function Analysis() { return <button onClick={() => analyse()}>go</button>; }\n",
      "src/lib/analyser.ts": "export function analyse() { return 1; }\n",
      "src/lib/legacy.js": "import { analyse } from '@/lib/analyser';\nexport const run = analyse;\n",
    });
    roots.push(root);
    assert.deepEqual(
      browserChain(path.join(root, "src/lib/analyser.ts"))?.map((file) => path.relative(root, file)),
      ["src/pages/analysis.astro", "src/components/analysis.tsx", "src/lib/analyser.ts"],
    );
    const legacy = path.join(root, "src/lib/legacy.js");
    assert.equal(clientGraphFor(legacy)?.resolve(legacy, "@/lib/analyser"), path.join(root, "src/lib/analyser.ts"));
  });

  it("keeps a tsconfig's own paths when the base it extends is not installed yet", () => {
    // An Expo app cloned, not installed: `expo/tsconfig.base` is in node_modules, `@/*` is its own.
    const root = project({
      "package.json": JSON.stringify({ main: "expo-router/entry", dependencies: { expo: "52.0.0", "expo-router": "4.0.0" } }),
      "tsconfig.json": `{\n  // as create-expo-app writes it\n  "extends": "expo/tsconfig.base",\n  "compilerOptions": { "strict": true, "paths": { "@/*": ["./*"] } }\n}\n`,
      "app/index.tsx": "import { ask } from '@/utils/ai';\nexport default function Home() { ask(); return null; }\n",
      "utils/ai.ts": "export function ask() { return 1; }\n",
    });
    roots.push(root);
    assert.deepEqual(
      browserChain(path.join(root, "utils/ai.ts"))?.map((file) => path.relative(root, file)),
      ["app/index.tsx", "utils/ai.ts"],
    );
  });

  it("leaves an Expo app's \"use server\" modules on the server when the app config turns on server functions (tamdinh/expo-ai, batch 153)", () => {
    const secretsIn = (root: string, rel: string) => {
      const file = path.join(root, rel);
      return findClientSecrets(parseSource(file, fs.readFileSync(file, "utf8"))!).map((finding) => finding.data?.chain);
    };
    const files = (appJson: string) => ({
      "package.json": JSON.stringify({ main: "expo-router/entry", dependencies: { expo: "53.0.0", "expo-router": "5.0.0" } }),
      "app.json": appJson,
      "app/movie.tsx": "import { render } from '../actions/render';\nexport default function Movie() { return render('1'); }\n",
      "actions/render.tsx": `"use server";\nexport async function render(id: string) {\n  return fetch(\`https://api.example.com/\${id}?key=\${process.env.TMDB_API_KEY}\`);\n}\n`,
      "src/actions/unused.ts": `"use server";\nexport const key = () => process.env.TMDB_API_KEY;\n`,
    });
    const on = project(files(JSON.stringify({ expo: { name: "movies", experiments: { reactServerFunctions: true } } })));
    const off = project(files(JSON.stringify({ expo: { name: "movies" } })));
    roots.push(on, off);
    assert.deepEqual(secretsIn(on, "actions/render.tsx"), []);
    assert.deepEqual(secretsIn(on, "src/actions/unused.ts"), [], "a server function nothing imports is no unreached browser module either");
    // Without the flag Metro bundles the module as any other: the page's import ships the read.
    assert.deepEqual(secretsIn(off, "actions/render.tsx"), ["app/movie.tsx → actions/render.tsx"]);
  });

  it("reads an app that `react-router build` builds as React Router, though its package.json still lists next (ar1579/AI_Product_Content_Generator, batch 160)", () => {
    const scripts = (build: string) => ({
      "package.json": JSON.stringify({ scripts: { build }, dependencies: { next: "15.2.4", "react-router": "7.5.0", "@react-router/node": "7.5.0" }, devDependencies: { "@react-router/dev": "7.5.0", vite: "6.0.0" } }),
      "vite.config.ts": `import { reactRouter } from "@react-router/dev/vite";\nexport default { plugins: [reactRouter()] };\n`,
      // A stray "use client" means nothing to React Router; its `.server` import stays on the server.
      "app/routes/app.generate.tsx": `"use client";\nimport { key } from "../key.server";\nexport const action = async () => Response.json({ ok: Boolean(key) });\nexport default function Generate() { return null; }\n`,
      "app/key.server.ts": "export const key = process.env.OPENAI_API_KEY;\n",
    });
    const reactRouter = project(scripts("prisma generate && react-router build"));
    const next = project(scripts("next build"));
    roots.push(reactRouter, next);
    const secrets = (root: string) => {
      const file = path.join(root, "app/key.server.ts");
      return findClientSecrets(parseSource(file, fs.readFileSync(file, "utf8"))!).length;
    };
    assert.equal(secrets(reactRouter), 0);
    assert.equal(secrets(next), 1, "built by next, the directive makes the route and its imports browser code");
  });

  it("reads and scans each file once per process while it is unchanged", () => {
    const app = path.join(APPS, "next-app-router");
    browserChain(path.join(app, "lib/heavy.ts"));
    const before = { ...fileStats };
    for (let i = 0; i < 3; i++) browserChain(path.join(app, "lib/heavy.ts"));
    browserChain(path.join(app, "components/widget.tsx"));
    browserChain(path.join(app, "lib/settings-loader.ts"));
    // A question may settle an open type-only edge: one AST, built once, from the file read
    // again (the scan keeps no text); nothing else is read again, and nothing is scanned again.
    assert.ok(fileStats.asts > before.asts, "an open edge was settled");
    assert.equal(fileStats.reads - before.reads, fileStats.asts - before.asts);
    assert.equal(fileStats.scans, before.scans);
    const settled = { ...fileStats };
    browserChain(path.join(app, "components/widget.tsx"));
    browserChain(path.join(app, "lib/settings-loader.ts"));
    assert.deepEqual(fileStats, settled);
  });

  it("follows edits after invalidate(path)", () => {
    const root = project({
      "package.json": NEXT,
      "app/panel.tsx": `"use client";\nimport { key } from "../lib/key";\nexport const Panel = () => key;\n`,
      "lib/key.ts": `export const key = process.env.OPENAI_API_KEY;\n`,
    });
    roots.push(root);
    const keyFile = path.join(root, "lib/key.ts");
    assert.equal(browserChain(keyFile)?.length, 2);
    fs.writeFileSync(path.join(root, "app/panel.tsx"), `import { key } from "../lib/key";\nexport const Panel = () => key;\n`);
    invalidate(path.join(root, "app/panel.tsx"));
    assert.equal(browserChain(keyFile), undefined);
  });

  it("sees a file added to a folder without invalidate (the periodic re-check stats the folders it listed)", async function () {
    this.timeout(20_000);
    const root = project({
      "package.json": NEXT,
      "app/page.tsx": `export default function Page() { return null; }\n`,
      "app/widgets/clock.tsx": `export const Clock = () => null;\n`,
      "lib/key.ts": `export const key = process.env.OPENAI_API_KEY;\n`,
    });
    roots.push(root);
    const keyFile = path.join(root, "lib/key.ts");
    assert.equal(browserChain(keyFile), undefined);
    fs.writeFileSync(path.join(root, "app/widgets/panel.tsx"), `"use client";\nimport { key } from "../../lib/key";\nexport const Panel = () => key;\n`);
    assert.equal(browserChain(keyFile), undefined, "within the freshness window the graph answers from its build");
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    assert.deepEqual(browserChain(keyFile)?.map((file) => path.relative(root, file)), ["app/widgets/panel.tsx", "lib/key.ts"]);
  });

  it("finds a directive below a long licence header or a leading string (the head read is not enough there)", () => {
    const licence = `/*\n${" * Licensed under the terms that follow.\n".repeat(200)} */\n`;
    const root = project({
      "package.json": NEXT,
      "app/licensed.tsx": `${licence}"use client";\nimport { a } from "../lib/a";\nexport const A = () => a;\n`,
      "app/strings.tsx": `'first';\n// ${"x".repeat(5000)}\n"use client";\nimport { b } from "../lib/b";\nexport const B = () => b;\n`,
      "app/plain.tsx": `// ${"y".repeat(5000)}\nimport { c } from "../lib/c";\nexport const C = () => c;\n`,
      "lib/a.ts": `export const a = process.env.OPENAI_API_KEY;\n`,
      "lib/b.ts": `export const b = process.env.OPENAI_API_KEY;\n`,
      "lib/c.ts": `export const c = process.env.OPENAI_API_KEY;\n`,
    });
    roots.push(root);
    assert.ok(licence.length > 4096);
    assert.equal(browserChain(path.join(root, "lib/a.ts"))?.length, 2);
    assert.equal(browserChain(path.join(root, "lib/b.ts"))?.length, 2);
    assert.equal(browserChain(path.join(root, "lib/c.ts")), undefined);
  });

  it("keeps inline type-only imports under verbatimModuleSyntax in a Vite app (esbuild keeps `import {}`)", () => {
    const files = {
      "package.json": JSON.stringify({ devDependencies: { vite: "6.0.0" } }),
      "index.html": `<script type="module" src="/src/main.tsx"></script>\n`,
      "src/main.tsx": `import { type Theme } from "./theme";\nexport const t: Theme = "dark";\n`,
      "src/theme.ts": `export type Theme = string;\nexport const token = process.env.THEME_SECRET;\n`,
    };
    const plain = project({ ...files, "tsconfig.json": `{ "compilerOptions": {} }` });
    const verbatim = project({ ...files, "tsconfig.json": `{ "compilerOptions": { "verbatimModuleSyntax": true } }` });
    roots.push(plain, verbatim);
    assert.equal(browserChain(path.join(plain, "src/theme.ts")), undefined);
    assert.equal(browserChain(path.join(verbatim, "src/theme.ts"))?.length, 2);
  });

  it("a Vite multi-page app: the pages its config names load browser entries too (dylnbk/portfolio_site, batch 36)", () => {
    const files = {
      "package.json": JSON.stringify({ scripts: { build: "vite build" }, devDependencies: { vite: "6.0.0" } }),
      "vite.config.js": `const { resolve } = require("path");\nmodule.exports = { build: { rollupOptions: { input: { main: resolve(__dirname, "index.html"), contact: resolve(__dirname, "contact/contact.html") } } } };\n`,
      "index.html": `<script type="module" src="/main.js"></script>\n`,
      "main.js": `export const main = 1;\n`,
      "contact/contact.html": `<script type="module" src="/contact/chat-contact.js"></script>\n`,
      "contact/chat-contact.js": `export const key = process.env.OPENAI_API_KEY;\n`,
      "drafts/draft.html": `<script type="module" src="/drafts/draft.js"></script>\n`,
      "drafts/draft.js": `export const draft = 1;\n`,
    };
    const root = project(files);
    roots.push(root);
    assert.deepEqual(browserChain(path.join(root, "contact/chat-contact.js"))?.map((file) => path.relative(root, file)), [path.join("contact", "chat-contact.js")]);
    // A page the config does not name is not built.
    assert.equal(browserChain(path.join(root, "drafts/draft.js")), undefined);
  });

  it("Vite's `root` option, as a string or a path call, is where index.html and src/ are; a `root:` with no index.html is not", () => {
    const page = { "client/index.html": `<script type="module" src="/src/main.ts"></script>\n`, "client/src/main.ts": `import "./chat";\n`, "client/src/chat.ts": `export const chat = 1;\n` };
    const vite = JSON.stringify({ scripts: { build: "vite build" }, devDependencies: { vite: "6.0.0" } });
    const spellings = [
      `export default { root: "client" };`,
      `export default { root: './client/', build: { outDir: "../dist" } };`,
      `import { fileURLToPath } from "node:url";\nexport default { root: fileURLToPath(new URL("./client", import.meta.url)) };`,
      `const path = require("path");\nmodule.exports = {\n  root: path.join(__dirname, "client"),\n};`,
      // vitest's root first (no index.html there), then Vite's.
      `export default { test: { root: "./tests" }, root: "client" };`,
    ];
    for (const config of spellings) {
      const root = project({ "package.json": vite, "vite.config.js": config, ...page });
      roots.push(root);
      assert.deepEqual(browserChain(path.join(root, "client/src/chat.ts"))?.map((file) => path.relative(root, file)), ["client/src/main.ts", "client/src/chat.ts"].map((rel) => path.join(rel)), config);
    }
    // `root: "src"`: the page's folder has no src/ of its own and is the page's source itself;
    // a module nothing imports there is still browser code (the single-page app's rule).
    const srcRoot = project({
      "package.json": vite,
      "vite.config.js": `export default { root: "src" };`,
      "src/index.html": `<script type="module" src="/main.ts"></script>\n`,
      "src/main.ts": `import "./chat";\n`,
      "src/chat.ts": `export const chat = 1;\n`,
      "src/lib/unused.ts": `export const key = process.env.OPENAI_API_KEY;\n`,
    });
    roots.push(srcRoot);
    assert.deepEqual(browserChain(path.join(srcRoot, "src/chat.ts"))?.map((file) => path.relative(srcRoot, file)), ["src/main.ts", "src/chat.ts"].map((rel) => path.join(rel)));
    const unused = path.join(srcRoot, "src/lib/unused.ts");
    assert.equal(findClientSecrets(parseSource(unused, fs.readFileSync(unused, "utf8"))!).length, 1, "src/lib/unused.ts is browser code");
    // A `root:` that names no folder with an index.html, or one outside the project, changes nothing.
    for (const config of [`export default { test: { root: "./tests" } };`, `export default { root: "../client" };`, `export default { root: clientDir };`]) {
      const root = project({ "package.json": vite, "vite.config.js": config, "index.html": `<script type="module" src="/src/main.ts"></script>\n`, "src/main.ts": `export const main = 1;\n`, "tests/a.test.ts": `export {};\n` });
      roots.push(root);
      assert.deepEqual(browserChain(path.join(root, "src/main.ts"))?.map((file) => path.relative(root, file)), [path.join("src", "main.ts")], config);
    }
  });

  it("reads a 1 MB vite.config of `root:`s in linear time", () => {
    for (const unit of [`root: "`, "root: path.resolve((((", `root: "client",\n`, "root:"]) {
      const root = project({ "package.json": JSON.stringify({ devDependencies: { vite: "6.0.0" } }), "vite.config.js": unit.repeat(Math.ceil((1 << 20) / unit.length)), "src/a.ts": "export {};\n" });
      roots.push(root);
      const started = performance.now();
      browserChain(path.join(root, "src/a.ts"));
      assert.ok(performance.now() - started < 5_000, unit);
    }
  });

  it("erases them in a Next.js app whatever the tsconfig: SWC does (create-t3-app's `import { type AppRouter }`, dantedupont/chatbot)", () => {
    const files = {
      "package.json": NEXT,
      "app/form.tsx": `"use client";\nimport { type Theme } from "../lib/theme";\nexport const t: Theme = "dark";\n`,
      "lib/theme.ts": `export type Theme = string;\nexport const token = process.env.THEME_SECRET;\n`,
    };
    const verbatim = project({ ...files, "tsconfig.json": `{ "compilerOptions": { "verbatimModuleSyntax": true } }` });
    roots.push(verbatim);
    assert.equal(browserChain(path.join(verbatim, "lib/theme.ts")), undefined);
  });

  it("stays bounded and quiet on long chains, cycles, broken and missing files", () => {
    const files: Record<string, string> = { "package.json": NEXT, "app/entry.tsx": `"use client";\nimport "../lib/m0";\n` };
    for (let i = 0; i < 300; i++) files[`lib/m${i}.ts`] = `import "./m${(i + 1) % 300}";\nimport "./missing-${i}";\nexport const x${i} = 1;\n`;
    files["lib/m299.ts"] += `export const key = process.env.OPENAI_API_KEY;\n`;
    files["lib/m150.ts"] = `import "./m151";\nexport const broken = (;\n`;
    const root = project(files);
    roots.push(root);
    const file = path.join(root, "lib/m299.ts");
    const source = parseSource(file, fs.readFileSync(file, "utf8"))!;
    const [finding] = findClientSecrets(source);
    assert.equal(finding.messageId, "clientSecret");
    // Long chains show both ends.
    assert.match(finding.data.chain, /^app\/entry\.tsx → lib\/m0\.ts → lib\/m1\.ts → … → lib\/m298\.ts → lib\/m299\.ts$/);
  });
});

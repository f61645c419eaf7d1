/**
 * A component imported in a Vue `<script setup>` or a Svelte script and used only in the markup
 * (`<ChatContainer />`) is rendered: the client graph follows that import. The script's text
 * alone shows no use, and the graph once dropped it as TypeScript drops an unused import, so a
 * browser OpenAI client two components down was never browser code (a real Quasar Electron app,
 * bench/real-apps). Quasar writes its own entry at build time: src/App.vue, the router's routes
 * and the boot files start the app.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { browserChain, resetClientGraphs } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache } from "../../eslint-plugin/src/engine/client/framework";
import { clearResolvers } from "../../eslint-plugin/src/engine/client/resolve";

const made: string[] = [];

function project(files: Record<string, string>): (rel: string) => string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-template-")));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  resetClientGraphs();
  clearFrameworkCache();
  clearResolvers();
  return (rel) => path.join(dir, rel);
}

const chainOf = (file: (rel: string) => string, rel: string) => browserChain(file(rel))?.map((f) => path.relative(file("."), f));

const AI_MODULE = `import OpenAI from "openai";\nexport const openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });\n`;

describe("imports a component's markup uses", () => {
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("Vue <script setup lang=ts>: a component used only in the template is followed into its imports", () => {
    const file = project({
      "package.json": JSON.stringify({ dependencies: { vue: "3", openai: "4" }, devDependencies: { vite: "5" } }),
      "index.html": '<div id="app"></div><script type="module" src="/src/main.ts"></script>\n',
      "src/main.ts": 'import { createApp } from "vue";\nimport Root from "./Root.vue";\ncreateApp(Root).mount("#app");\n',
      "src/Root.vue": '<template><ChatBox /></template>\n<script setup lang="ts">\nimport ChatBox from "./components/ChatBox.vue";\n</script>\n',
      "src/components/ChatBox.vue": '<template><button @click="ask">Ask</button></template>\n<script setup lang="ts">\nimport { openai } from "../api/ai";\nconst ask = () => openai.responses.create({ model: "gpt-4o-mini", input: "hi" });\n</script>\n',
      "src/api/ai.ts": AI_MODULE,
    });
    assert.deepEqual(chainOf(file, "src/api/ai.ts"), ["src/main.ts", "src/Root.vue", "src/components/ChatBox.vue", "src/api/ai.ts"]);
  });

  it("Svelte: a component used only in the markup is followed too", () => {
    const file = project({
      "package.json": JSON.stringify({ devDependencies: { vite: "5", svelte: "4" } }),
      "index.html": '<script type="module" src="/src/main.ts"></script>\n',
      "src/main.ts": 'import Root from "./Root.svelte";\nnew Root({ target: document.body });\n',
      "src/Root.svelte": '<script lang="ts">\n  import Chat from "./Chat.svelte";\n</script>\n<Chat />\n',
      "src/Chat.svelte": '<script lang="ts">\n  import { openai } from "./api/ai";\n</script>\n<button on:click={() => openai}>Ask</button>\n',
      "src/api/ai.ts": AI_MODULE,
    });
    assert.deepEqual(chainOf(file, "src/api/ai.ts"), ["src/main.ts", "src/Root.svelte", "src/Chat.svelte", "src/api/ai.ts"]);
  });

  it("Quasar (no script in index.html, its folder aliases): the router's routes start the app", () => {
    const file = project({
      "package.json": JSON.stringify({ dependencies: { quasar: "2", vue: "3" }, devDependencies: { "@quasar/app-vite": "1" } }),
      // Its tsconfig extends a preset in node_modules, not installed here: Quasar's own aliases still apply.
      "tsconfig.json": JSON.stringify({ extends: "@quasar/app-vite/tsconfig-preset", compilerOptions: { baseUrl: "." } }),
      "quasar.config.js": "module.exports = () => ({});\n",
      "index.html": "<body><!-- quasar:entry-point --></body>\n",
      "src/router/routes.ts": 'export default [{ path: "/chat", component: () => import("pages/ChatPage.vue") }];\n',
      "src/pages/ChatPage.vue": '<template><ChatContainer /></template>\n<script setup lang="ts">\nimport ChatContainer from "src/components/ChatContainer.vue";\n</script>\n',
      "src/components/ChatContainer.vue": '<script setup lang="ts">\nimport { openai } from "src/api/gpt";\nopenai;\n</script>\n',
      "src/api/gpt.ts": AI_MODULE,
    });
    assert.deepEqual(chainOf(file, "src/api/gpt.ts"), ["src/router/routes.ts", "src/pages/ChatPage.vue", "src/components/ChatContainer.vue", "src/api/gpt.ts"]);
  });
});

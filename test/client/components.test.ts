/**
 * Single-file components (.vue, .svelte, .astro): the engine reads their `<script>` blocks (and
 * Astro's frontmatter) where they stand (engine/component-code.ts), and configs.components adds
 * the code rules to the components another config lints, with that config's parser. The rules
 * run here under the real component parsers (vue-eslint-parser, svelte-eslint-parser,
 * astro-eslint-parser), as a user's ESLint runs them; test/integration/component-configs.test.ts
 * runs the frameworks' own ESLint plugins from the registry.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as tsParser from "@typescript-eslint/parser";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { ESLint } from "eslint";
import * as astroParser from "astro-eslint-parser";
import * as vueParser from "vue-eslint-parser";
import plugin from "../../eslint-plugin/src/index";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { componentCode } from "../../eslint-plugin/src/engine/component-code";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noHardcodedKeys from "../../eslint-plugin/src/rules/no-hardcoded-keys";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { fakeKey } from "../support/fake-keys";
import { ruleTester } from "../support/rule-tester";
import { APPS } from "./support";

// svelte-eslint-parser is ESM only: required as Node 20.19+ requires ES modules (typed as any ESLint parser).
const svelteParser = require("svelte-eslint-parser") as typeof vueParser;

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;

const VUE = { languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: "module" as const } } };
const SVELTE = { languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } };
const ASTRO = { languageOptions: { parser: astroParser, parserOptions: { parser: tsParser } } };

const chatBox = path.join(APPS, "nuxt/components/ChatBox.vue");
const sveltePage = path.join(APPS, "sveltekit/src/routes/+page.svelte");
const astroPage = path.join(APPS, "astro/src/pages/index.astro");
const anthropic = fakeKey("anthropic");
const groq = fakeKey("groq");
const openai = fakeKey("openai");
const gemini = fakeKey("google-ai");

describe("components: the code the engine reads", () => {
  const vue = [
    `<template>`,
    `  <p title="<script>">{{ answer }}</p>`,
    `</template>`,
    `<script lang="ts">`,
    `export default { name: "Chat" }`,
    `</script>`,
    `<script setup lang="ts">`,
    `const answer = <string>"hi";`,
    `</script>`,
    `<style>p { color: red }</style>`,
  ].join("\r\n");

  it("keeps the script blocks where they stand: same length, same line breaks, nothing else", () => {
    const { code, jsx } = componentCode("/app/Chat.vue", vue);
    assert.equal(code.length, vue.length);
    assert.equal(jsx, false);
    for (let i = 0; i < vue.length; i++) {
      if (vue[i] === "\r" || vue[i] === "\n") assert.equal(code[i], vue[i], `line break at ${i}`);
    }
    assert.ok(code.includes(`export default { name: "Chat" }`));
    assert.ok(code.includes(`const answer = <string>"hi";`));
    assert.ok(!/[<>{}]/.test(code.replace(`export default { name: "Chat" }`, "").replace(`const answer = <string>"hi";`, "")), code);
    // The tree's ranges are the component's: a literal's range slices the literal out of it.
    const source = parseSource("/app/Chat.vue", vue)!;
    assert.equal(source.text, vue);
    const literal = (source.ast.body[1] as { declarations: Array<{ init: { expression: { range: [number, number] } } }> }).declarations[0].init.expression;
    assert.equal(vue.slice(...literal.range), `"hi"`);
  });

  it("ends each block with a `;`: two blocks never run into one statement", () => {
    const text = `<script>\nconst foo = run\n</script>\n<script setup>\n(bar)()\n</script>\n`;
    const source = parseSource("/app/A.svelte", text)!;
    assert.deepEqual(source.ast.body.map((node) => node.type), ["VariableDeclaration", "ExpressionStatement"]);
    assert.equal((source.ast.body[1] as { expression: { type: string } }).expression.type, "CallExpression");
  });

  it("parses a tsx block with JSX; leaves out JSON-LD and import maps", () => {
    const text = `<script lang="tsx">\nconst view = <div>hi</div>;\n</script>\n<script type="application/ld+json">{"@context": "https://schema.org"}</script>\n<script type="importmap">{"imports": {}}</script>\n`;
    assert.equal(componentCode("/app/A.vue", text).jsx, true);
    const source = parseSource("/app/A.vue", text);
    assert.ok(source, "parses");
    assert.ok(!componentCode("/app/A.vue", text).code.includes("schema.org"));
  });

  it("Astro: the frontmatter and the scripts; a `<script>` string in the frontmatter is no tag", () => {
    const text = `---\nconst tag = "<script>";\nif (!tag) return Astro.redirect("/");\n---\n<p>{tag}</p>\n<script>\n  console.log(1);\n</script>\n`;
    const { code } = componentCode("/app/index.astro", text);
    assert.ok(code.includes(`const tag = "<script>";`));
    assert.ok(code.includes("console.log(1);"));
    assert.ok(!code.includes("<p>"));
    assert.ok(parseSource("/app/index.astro", text), "a top-level return parses");
    // An empty frontmatter does not swallow the page up to a later `---`.
    const empty = componentCode("/app/index.astro", `---\n---\n<p>a</p>\n<hr>\n---\n<p>b</p>\n`).code;
    assert.ok(!empty.includes("<p>"), empty);
  });

  it("reads a Vue or Svelte template's HTML comments as comments (their ESLint processors honour directives there), not an Astro page's", () => {
    const vueText = `<template>\n  <!-- eslint-disable-next-line keyfence/no-hardcoded-keys -->\n  <p>a</p>\n</template>\n<script>\nconst html = "<!-- not a comment -->";\n</script>\n<!-- unclosed`;
    const comments = parseSource("/app/A.vue", vueText)!.ast.comments!;
    assert.deepEqual(comments.map((c) => [c.type, c.value.trim()]), [["Block", "eslint-disable-next-line keyfence/no-hardcoded-keys"]]);
    assert.equal(vueText.slice(...comments[0].range), "<!-- eslint-disable-next-line keyfence/no-hardcoded-keys -->");
    assert.deepEqual(parseSource("/app/index.astro", `---\n---\n<!-- eslint-disable -->\n<p>a</p>\n`)!.ast.comments, []);
  });

  it("is linear: 1 MB of unclosed script tags or of an unclosed frontmatter", function () {
    this.timeout(60_000);
    for (const [file, unit] of [
      ["/app/A.vue", "<script "],
      ["/app/A.vue", "<script>x"],
      ["/app/A.vue", "<script></script><!--"],
      ["/app/A.svelte", "<!--<script>"],
      ["/app/index.astro", "---\n"],
      ["/app/index.astro", "---\n<script>"],
    ]) {
      const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
      const started = performance.now();
      parseSource(file, text, { loc: false });
      const ms = performance.now() - started;
      assert.ok(ms < 5000, `${JSON.stringify(unit)}: ${ms.toFixed(0)} ms`);
    }
  });
});

describe("components: the code rules under the real component parsers", () => {
  ruleTester(VUE).run("no-hardcoded-keys (vue-eslint-parser)", rule(noHardcodedKeys), {
    valid: [
      { name: "a Maps key in the template: public by design, and no word says Gemini", filename: chatBox, code: `<template>\n  <iframe src="https://www.google.com/maps/embed/v1/place?key=${gemini}&q=Paris"></iframe>\n</template>\n` },
      { name: "a UUID and a placeholder", filename: chatBox, code: `<script setup lang="ts">\nconst id = "123e4567-e89b-12d3-a456-426614174000";\nconst key = "sk-your-key-here";\n</script>\n<template><p>{{ id }}{{ key }}</p></template>\n` },
    ],
    invalid: [
      {
        name: "a key in the template of a browser component: markup ships too",
        filename: chatBox,
        code: `<template>\n  <gemini-chat api-key="${gemini}"></gemini-chat>\n</template>\n<script setup lang="ts">\nconst a = 1;\n</script>\n`,
        errors: [{ messageId: "hardcodedInBrowser", line: 2, column: 25, suggestions: [] }],
      },
      {
        name: "a key in <script setup> of a browser component, reported where it stands in the component",
        filename: chatBox,
        code: `<template>\n  <p>{{ answer }}</p>\n</template>\n\n<script setup lang="ts">\nconst answer = "";\nconst key = "${anthropic}";\n</script>\n`,
        // In browser code an env read would ship the key the same: no suggestion (the message says so).
        errors: [{ messageId: "hardcodedInBrowser", line: 7, column: 14, suggestions: [] }],
      },
    ],
  });

  ruleTester(ASTRO).run("no-hardcoded-keys (astro-eslint-parser)", rule(noHardcodedKeys), {
    valid: [],
    invalid: [
      {
        name: "keys in the frontmatter (server code) and in a client script (browser code)",
        filename: astroPage,
        code: `---\nconst groq = "${groq}";\n---\n<html><body>\n<script>\n  const browserKey = "${openai}";\n</script>\n</body></html>\n`,
        errors: [
          { messageId: "hardcodedKey", line: 2, column: 15, suggestions: [{ messageId: "useEnvVar", output: `---\nconst groq = process.env.GROQ_API_KEY;\n---\n<html><body>\n<script>\n  const browserKey = "${openai}";\n</script>\n</body></html>\n` }] },
          { messageId: "hardcodedInBrowser", line: 6, column: 23, suggestions: [] },
        ],
      },
    ],
  });

  ruleTester(SVELTE).run("no-public-secrets (svelte-eslint-parser)", rule(noPublicSecrets), {
    valid: [{ name: "a publishable key", filename: sveltePage, code: `<script lang="ts">\n  import { PUBLIC_SUPABASE_ANON_KEY } from "$env/static/public";\n  console.log(PUBLIC_SUPABASE_ANON_KEY);\n</script>\n<p>hi</p>\n` }],
    invalid: [
      {
        name: "a PUBLIC_ secret imported in a SvelteKit page",
        filename: sveltePage,
        code: `<script lang="ts">\n  import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";\n  let answer = $state(PUBLIC_OPENAI_API_KEY.length);\n</script>\n\n<p>{answer}</p>\n`,
        errors: [{ messageId: "publicSecret", line: 2, suggestions: null }],
      },
    ],
  });

  ruleTester(SVELTE).run("no-client-ai-calls (svelte-eslint-parser)", rule(noClientAiCalls), {
    valid: [
      { name: "a call to the app's own route", filename: sveltePage, code: `<script>\n  const ask = () => fetch("/api/chat", { method: "POST" });\n</script>\n<button onclick={ask}>Ask</button>\n` },
      {
        // The parent passes the key the user typed (niklas-xgh-dev/svelte-5-mvp, batch 41), as a React component's props are its parameter.
        name: "a key from the component's props ($props())",
        filename: sveltePage,
        code: `<script lang="ts">\n  interface Props { apiKey: string }\n  let { apiKey }: Props = $props();\n  async function ask() {\n    return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });\n  }\n</script>\n<button onclick={ask}>Ask</button>\n`,
      },
    ],
    invalid: [
      {
        name: "a SvelteKit page calls OpenAI with a key",
        filename: sveltePage,
        code: `<script lang="ts">\n  import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";\n  async function ask() {\n    return fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${PUBLIC_OPENAI_API_KEY}\` } });\n  }\n</script>\n<button onclick={ask}>Ask</button>\n`,
        errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: "src/routes/+page.svelte" } }],
      },
    ],
  });

  ruleTester(VUE).run("no-client-ai-calls (vue-eslint-parser)", rule(noClientAiCalls), {
    valid: [],
    invalid: [
      {
        name: "a Nuxt component creates an OpenAI client for the browser",
        filename: chatBox,
        code: `<script setup lang="ts">\nimport OpenAI from "openai";\nconst config = useRuntimeConfig();\nconst client = new OpenAI({ apiKey: config.public.openaiKey, dangerouslyAllowBrowser: true });\n</script>\n<template><p>hi</p></template>\n`,
        errors: [{ messageId: "dangerousBrowserClient", line: 4, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "components/ChatBox.vue" } }],
      },
    ],
  });

  ruleTester(VUE).run("no-client-secrets (vue-eslint-parser)", rule(noClientSecrets), {
    valid: [],
    invalid: [
      {
        name: "a server secret read in a Nuxt component",
        filename: chatBox,
        code: `<template><p>{{ ready }}</p></template>\n<script setup lang="ts">\nconst ready = process.env.OPENAI_API_KEY !== undefined;\n</script>\n`,
        errors: [{ messageId: "clientSecret", line: 3, data: { name: "OPENAI_API_KEY", chain: "components/ChatBox.vue" } }],
      },
    ],
  });

  ruleTester(ASTRO).run("no-client-secrets (astro-eslint-parser)", rule(noClientSecrets), {
    valid: [{ name: "the frontmatter renders on the server", filename: astroPage, code: `---\nconst configured = Boolean(import.meta.env.OPENAI_API_KEY);\n---\n<p>{configured}</p>\n<script>\n  console.log("ready");\n</script>\n` }],
    invalid: [
      {
        name: "a client script reads a server secret",
        filename: astroPage,
        code: `---\nconst configured = Boolean(import.meta.env.OPENAI_API_KEY);\n---\n<p>{configured}</p>\n<script>\n  console.log(import.meta.env.ANTHROPIC_API_KEY);\n</script>\n`,
        errors: [{ messageId: "clientSecret", line: 6, data: { name: "ANTHROPIC_API_KEY", chain: "src/pages/index.astro" } }],
      },
    ],
  });
});

describe("configs.components in ESLint", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-components-"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true, dependencies: { vue: "3.5.0" } }));
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(path.join(dir, "src/main.ts"), `export const main = 1;\n`);
    fs.writeFileSync(path.join(dir, "src/Chat.vue"), `<template><p>hi</p></template>\n<script setup lang="ts">\nconst key = "${anthropic}";\n</script>\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lint = async (config: unknown[]) => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never });
    const results = await eslint.lintFiles(["."]);
    return results.flatMap((result) => [path.relative(dir, result.filePath), ...result.messages.map((m) => `${path.relative(dir, result.filePath)}:${m.line} ${m.ruleId ?? `fatal: ${m.message}`}`)]);
  };

  it("never makes ESLint lint a component no other config lints (no parse error on every .vue)", async () => {
    const out = await lint([plugin.configs.recommended, plugin.configs.components]);
    assert.ok(out.includes("src/main.ts"), out.join("\n"));
    assert.ok(!out.some((line) => line.startsWith("src/Chat.vue")), out.join("\n"));
  });

  it("adds the code rules where another config lints components, before or after it", async () => {
    const vue = { files: ["**/*.vue"], ...VUE };
    const expected = ["src/Chat.vue", "src/Chat.vue:3 keyfence/no-hardcoded-keys"];
    for (const config of [
      [vue, plugin.configs.recommended, plugin.configs.components],
      [plugin.configs.recommended, plugin.configs.components, vue],
      [plugin.configs.components, vue],
    ]) {
      const out = await lint(config);
      assert.deepEqual(out.filter((line) => line.startsWith("src/Chat.vue")), expected, out.join("\n"));
    }
    // Without configs.components the component is linted by the user's config alone.
    const without = await lint([vue, plugin.configs.recommended]);
    assert.deepEqual(without.filter((line) => line.startsWith("src/Chat.vue")), ["src/Chat.vue"]);
  });
});

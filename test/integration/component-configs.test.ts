/**
 * configs.components beside the Vue, Svelte and Astro ESLint plugins as their docs set them up
 * (eslint-plugin-vue `flat/recommended`, eslint-plugin-svelte `recommended`, eslint-plugin-astro
 * `recommended`, each with typescript-eslint's parser inside), installed from the registry once
 * into node_modules/.cache, on ESLint 10 (this repository's) and ESLint 9. KeyFence first and
 * last: no parse error; their parsers and processors are the same objects; their findings are
 * those without KeyFence (a template's `<!-- eslint-disable -->` still works, which only their
 * processors make happen); KeyFence's findings are the same either way, each reported once (an
 * Astro client script that eslint-plugin-astro also hands ESLint as a block is not read twice).
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint as ESLintClass, Linter } from "eslint";
import keyfence from "../../eslint-plugin/src/index";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";

const ROOT = join(__dirname, "..", "..");
const CACHE = join(ROOT, "node_modules", ".cache", "keyfence-component-plugins");
const PACKAGES = {
  "eslint-plugin-vue": "10.12.1",
  "vue-eslint-parser": "10.4.2",
  "eslint-plugin-svelte": "3.24.1",
  svelte: "5.57.3",
  "eslint-plugin-astro": "1.7.0",
  "astro-eslint-parser": "1.4.0",
  eslint9: "npm:eslint@9.39.5",
};

function install(): NodeRequire {
  const marker = join(CACHE, `installed-${Object.values(PACKAGES).join("-").replace(/[^\w.-]/g, "_")}`);
  if (!existsSync(marker)) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, "package.json"), JSON.stringify({ private: true, dependencies: PACKAGES }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--legacy-peer-deps", "--loglevel=error"], { cwd: CACHE, stdio: "inherit", timeout: 10 * 60_000 });
    writeFileSync(marker, "");
  }
  // The plugins' peer: this repository's ESLint 10 (ESLint 9 is `eslint9`, used only to lint).
  const eslintLink = join(CACHE, "node_modules", "eslint");
  if (!existsSync(eslintLink)) symlinkSync(join(ROOT, "node_modules", "eslint"), eslintLink, "dir");
  return createRequire(join(CACHE, "package.json"));
}

const anthropic = fakeKey("anthropic");
const groq = fakeKey("groq");
const openai = fakeKey("openai");
const gemini = fakeKey("google-ai");

const APP = {
  "package.json": JSON.stringify({ name: "components", private: true, type: "module", dependencies: { vue: "3.5.0", svelte: "5.0.0", astro: "5.0.0", openai: "5.0.0" } }),
  "src/App.vue": [
    `<template>`,
    `  <!-- eslint-disable-next-line keyfence/no-hardcoded-keys -->`,
    `  <gemini-chat api-key="${gemini}" />`,
    `  <gemini-chat api-key="${gemini}" />`,
    `  <ul>`,
    `    <!-- eslint-disable-next-line vue/require-v-for-key -->`,
    `    <li v-for="item in items">{{ item }}</li>`,
    `    <li v-for="item in items">{{ item }}</li>`,
    `  </ul>`,
    `</template>`,
    ``,
    `<script setup lang="ts">`,
    `import OpenAI from "openai";`,
    `const items: string[] = [];`,
    `const client = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });`,
    `const backup = "${anthropic}";`,
    `export { client, backup };`,
    `</script>`,
    ``,
  ].join("\n"),
  "src/routes/+page.svelte": [
    `<script lang="ts">`,
    `  import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";`,
    `  let answer = $state("");`,
    `  let unused = 1;`,
    `  async function ask() {`,
    `    const res = await fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${PUBLIC_OPENAI_API_KEY}\` } });`,
    `    answer = await res.text();`,
    `  }`,
    `</script>`,
    ``,
    `<!-- eslint-disable-next-line svelte/no-at-html-tags -->`,
    `<p>{@html answer}</p>`,
    `<button onclick={ask}>Ask</button>`,
    ``,
  ].join("\n"),
  "src/pages/index.astro": [
    `---`,
    `const groq = "${groq}";`,
    `const data = await fetch("https://api.groq.com/openai/v1/models", { headers: { Authorization: \`Bearer \${groq}\` } });`,
    `---`,
    `<html><body><p>{data.status}</p>`,
    `<script>`,
    `  const browserKey = "${openai}";`,
    `  var legacy = browserKey.length;`,
    `  console.log(legacy);`,
    `</script>`,
    `</body></html>`,
    ``,
  ].join("\n"),
  "src/main.ts": `export const main = 1;\n`,
};

const PROBES = ["src/App.vue", "src/routes/+page.svelte", "src/pages/index.astro"];

interface Seen {
  messages: string[];
  parsers: unknown[];
  processors: unknown[];
}

describe("configs.components with eslint-plugin-vue, eslint-plugin-svelte and eslint-plugin-astro", function () {
  this.timeout(600_000);
  let theirs: Linter.Config[];
  const eslints: Record<string, typeof ESLintClass> = {};
  before(async () => {
    const requireFromCache = install();
    // Node's own import: some of these are ES modules, which the test runner's require hook
    // (tsx/cjs) would compile to CommonJS.
    const load = new Function("url", "return import(url)") as (url: string) => Promise<{ default?: never }>;
    const from = async <T>(name: string): Promise<T> => {
      const module = await load(pathToFileURL(requireFromCache.resolve(name)).href);
      return (module.default ?? module) as T;
    };
    type Configs = { configs: Record<string, Linter.Config[]> };
    const vue = await from<Configs>("eslint-plugin-vue");
    const svelte = await from<Configs>("eslint-plugin-svelte");
    const astro = await from<Configs>("eslint-plugin-astro");
    const tsParser = require("@typescript-eslint/parser") as Linter.Parser;
    // Each plugin's docs: its recommended config, TypeScript in the `<script>` blocks.
    theirs = [
      ...vue.configs["flat/recommended"],
      { files: ["**/*.vue"], languageOptions: { parserOptions: { parser: tsParser } } },
      ...svelte.configs.recommended,
      { files: ["**/*.svelte"], languageOptions: { parserOptions: { parser: tsParser } } },
      // The CommonJS build (what require.resolve finds) keeps the flat config under `flat/`.
      ...(astro.configs["flat/recommended"] ?? astro.configs.recommended),
    ];
    eslints["10"] = (require("eslint") as { ESLint: typeof ESLintClass }).ESLint;
    eslints["9"] = (requireFromCache("eslint9") as { ESLint: typeof ESLintClass }).ESLint;
  });
  after(removeRepos);

  async function lint(ESLint: typeof ESLintClass, dir: string, configs: Linter.Config[]): Promise<Seen> {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
    const results = await eslint.lintFiles(["."]);
    const messages = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId ?? (m.fatal ? `parse error ${m.message}` : "")}`));
    const configsOf = await Promise.all(PROBES.map((probe) => eslint.calculateConfigForFile(join(dir, probe)) as Promise<Linter.Config | undefined>));
    return { messages: messages.sort(), parsers: configsOf.map((c) => c?.languageOptions?.parser), processors: configsOf.map((c) => c?.processor) };
  }

  for (const major of ["10", "9"]) {
    it(`ESLint ${major}: KeyFence first or last changes nothing of theirs, and reports each component leak once`, async () => {
      const ESLint = eslints[major];
      assert.equal(ESLint.version.split(".")[0], major);
      const dir = makeRepo(APP);
      const kf = [keyfence.configs.recommended, keyfence.configs.components];
      const without = await lint(ESLint, dir, theirs);
      const first = await lint(ESLint, dir, [...kf, ...theirs]);
      const last = await lint(ESLint, dir, [...theirs, ...kf]);
      const own = (seen: Seen) => seen.messages.filter((m) => m.includes("keyfence/"));
      const others = (seen: Seen) => seen.messages.filter((m) => !m.includes("keyfence/"));

      // Their lint is theirs: they do lint the components (the template comment is honoured),
      // and adding KeyFence on either side changes none of it.
      assert.ok(others(without).some((m) => m.startsWith("src/App.vue:8:") && m.endsWith("vue/require-v-for-key")), others(without).join("\n"));
      assert.ok(!others(without).some((m) => m.startsWith("src/App.vue:7:") && m.endsWith("vue/require-v-for-key")), others(without).join("\n"));
      assert.ok(!others(without).some((m) => m.includes("parse error")), others(without).join("\n"));
      for (const [label, seen] of [["first", first], ["last", last]] as const) {
        assert.deepEqual(others(seen), others(without), `KeyFence ${label}: their findings`);
        for (let i = 0; i < PROBES.length; i++) {
          assert.ok(without.parsers[i], `${PROBES[i]}: their parser`);
          assert.equal(seen.parsers[i], without.parsers[i], `KeyFence ${label}: ${PROBES[i]}'s parser`);
          assert.equal(seen.processors[i], without.processors[i], `KeyFence ${label}: ${PROBES[i]}'s processor`);
        }
      }

      // KeyFence's findings: the same either way, each once, where the leaks are.
      assert.deepEqual(own(first), own(last));
      assert.equal(new Set(own(last)).size, own(last).length, `reported twice:\n${own(last).join("\n")}`);
      for (const expected of [
        "src/App.vue:4:25 keyfence/no-hardcoded-keys",
        "src/App.vue:15:53 keyfence/no-public-secrets",
        "src/App.vue:15:74 keyfence/no-client-ai-calls",
        "src/App.vue:16:17 keyfence/no-hardcoded-keys",
        "src/routes/+page.svelte:2:12 keyfence/no-public-secrets",
        "src/pages/index.astro:2:15 keyfence/no-hardcoded-keys",
        "src/pages/index.astro:7:23 keyfence/no-hardcoded-keys",
      ]) {
        assert.ok(own(last).includes(expected), `${expected} missing:\n${own(last).join("\n")}`);
      }
      // The template's `<!-- eslint-disable-next-line -->` holds for KeyFence as for their rules.
      assert.ok(!own(last).some((m) => m.startsWith("src/App.vue:3:")), own(last).join("\n"));
    });
  }
});

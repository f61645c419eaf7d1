/**
 * A Svelte app made with Vite's own template (create-vite's `svelte-ts`) is a single-page app, not
 * SvelteKit, though the template writes a `svelte.config.js` for its preprocessor: SvelteKit is the
 * `@sveltejs/kit` dependency. Read as SvelteKit, its `src/lib/` modules were shared code and an
 * OpenAI client made there with `dangerouslyAllowBrowser` went unreported (TimWijma/dalle-wrapper,
 * batch 45).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { clearFrameworkCache, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { resetClientGraphs } from "../../eslint-plugin/src/engine/client";
import { makeRepo, removeRepos } from "../env/support";

const SVELTE_CONFIG = `import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";\nexport default { preprocess: vitePreprocess() };\n`;
const CONTROLLER = `import OpenAI from "openai";\nexport class OpenAIController {\n  private openai: OpenAI;\n  constructor(apiKey: string) {\n    this.openai = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });\n  }\n}\n`;

async function browserCallsIn(dir: string): Promise<string[]> {
  clearFrameworkCache();
  resetClientGraphs();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
  const results = await eslint.lintFiles(["src"]);
  return results.flatMap((result) => result.messages.filter((m) => m.ruleId === "keyfence/no-client-ai-calls").map((m) => `${result.filePath.slice(dir.length + 1)}:${m.line}`));
}

describe("a Svelte single-page app from Vite's template is no SvelteKit app", function () {
  this.timeout(60_000);
  after(removeRepos);

  it("svelte.config.js beside vite and no @sveltejs/kit: Vite, and the flag in src/lib is reported", async () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "spa", type: "module", dependencies: { openai: "4.0.0" }, devDependencies: { vite: "5.0.0", svelte: "4.2.0", "@sveltejs/vite-plugin-svelte": "3.0.0" } }),
      "svelte.config.js": SVELTE_CONFIG,
      "vite.config.ts": `import { defineConfig } from "vite";\nimport { svelte } from "@sveltejs/vite-plugin-svelte";\nexport default defineConfig({ plugins: [svelte()] });\n`,
      "index.html": `<script type="module" src="/src/main.ts"></script>\n`,
      "src/main.ts": `import { OpenAIController } from "./lib/OpenAIController";\nexport const controller = new OpenAIController(localStorage.getItem("key") ?? "");\n`,
      "src/lib/OpenAIController.ts": CONTROLLER,
    });
    assert.equal(frameworkOf(join(dir, "src/lib/OpenAIController.ts")).name, "vite");
    assert.deepEqual(await browserCallsIn(dir), ["src/lib/OpenAIController.ts:5"]);
  });

  it("with @sveltejs/kit it is SvelteKit", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "kit", type: "module", devDependencies: { vite: "5.0.0", "@sveltejs/kit": "2.0.0" } }),
      "svelte.config.js": `import adapter from "@sveltejs/adapter-auto";\nexport default { kit: { adapter: adapter() } };\n`,
      "vite.config.ts": `import { sveltekit } from "@sveltejs/kit/vite";\nexport default { plugins: [sveltekit()] };\n`,
      "src/lib/x.ts": `export const x = 1;\n`,
    });
    clearFrameworkCache();
    assert.equal(frameworkOf(join(dir, "src/lib/x.ts")).name, "sveltekit");
  });
});

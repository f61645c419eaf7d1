/**
 * Vue CLI (fixture app `vue-cli`): webpack inlines `process.env.VUE_APP_*` into the bundle, and
 * src/main starts the app; what it reaches (through `.vue` components and the `@` alias Vue CLI
 * sets to src/) is browser code. vue.config.js is build tooling.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { projectOf } from "../../eslint-plugin/src/engine/fixes";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/project-files";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "vue-cli", rel);
const gpt = file("src/api/gpt.ts");
const chain = "src/main.ts → src/router/index.ts → src/views/ChatView.vue → src/api/gpt.ts";

describe("Vue CLI: the client boundary", () => {
  it("is a Vue CLI app; src/main reaches the API module through the router, a component and the @ alias", () => {
    assert.equal(frameworkOf(gpt).name, "vue-cli");
    assert.deepEqual(browserChain(gpt), [file("src/main.ts"), file("src/router/index.ts"), file("src/views/ChatView.vue"), gpt]);
    assert.equal(browserChain(file("vue.config.js")), undefined);
  });

  it("Vue CLI's packages left in a project that builds with Vite make a Vite app (shiqstone/chinese-add-pinyin-cursor, batch 82)", () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-vue-vite-")));
    try {
      const write = (rel: string, text: string) => fs.writeFileSync(path.join(root, rel), text);
      const pkg = (build: string) => JSON.stringify({ scripts: { dev: "vite", build }, dependencies: { vue: "3" }, devDependencies: { "@vue/cli-service": "5", vite: "5", "@vitejs/plugin-vue": "5" } });
      write("vite.config.js", `import { defineConfig } from "vite";\nexport default defineConfig({});\n`);
      write("vue.config.js", "module.exports = {};\n");
      write("package.json", pkg("vite build"));
      clearFrameworkCache();
      assert.equal(frameworkOf(path.join(root, "proxy.js")).name, "vite");
      write("package.json", pkg("vue-cli-service build"));
      clearFrameworkCache();
      assert.equal(frameworkOf(path.join(root, "proxy.js")).name, "vue-cli");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      clearFrameworkCache();
    }
  });

  it("a key moved out of code goes to .env.local, as Vue CLI's own .gitignore expects", () => {
    const project = projectOf(diskFiles(), gpt);
    assert.equal(project.framework, "vue-cli");
    assert.equal(project.envFile, file(".env.local"));
    assert.equal(project.publicPrefix, "VUE_APP_");
  });
});

ruleTester().run("no-client-ai-calls (Vue CLI)", rule(noClientAiCalls), {
  valid: [appFile("vue-cli", "vue.config.js")],
  invalid: [
    {
      name: "an axios instance sends the VUE_APP_ key to OpenAI",
      filename: gpt,
      code: readFileSync(gpt, "utf8"),
      errors: [{ messageId: "directProviderCall", line: 3 }],
    },
  ],
});

ruleTester().run("no-public-secrets (Vue CLI)", rule(noPublicSecrets), {
  valid: [appFile("vue-cli", "vue.config.js")],
  invalid: [
    {
      name: "a secret under VUE_APP_",
      filename: gpt,
      code: readFileSync(gpt, "utf8"),
      errors: [{ messageId: "publicSecret", line: 5 }],
    },
  ],
});

ruleTester().run("no-client-secrets (Vue CLI)", rule(noClientSecrets), {
  valid: [appFile("vue-cli", "vue.config.js")],
  invalid: [
    {
      name: "an unprefixed secret read in browser code is undefined there, and still a mistake",
      filename: gpt,
      code: `export const key = process.env.OPENAI_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain } }],
    },
  ],
});

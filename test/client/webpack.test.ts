/**
 * webpack without a framework (fixture apps `webpack`, `webpack-node`): a hand-made SPA whose
 * webpack.config.js builds a page (html-webpack-plugin) is a browser app entered where its
 * `entry` says (`path.resolve(__dirname, "src", "main")`, resolved as webpack does); webpack has
 * no public prefix of its own, and the names its DefinePlugin writes in ship whatever they are
 * called. A config whose target is Node builds no browser code, and the config itself, the server
 * beside the app, are Node code.
 */
import * as assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache, frameworkOf, webpackEntries } from "../../eslint-plugin/src/engine/client/framework";
import { publicPrefixVerdict } from "../../eslint-plugin/src/engine/client/public-prefixes";
import { frameworkRequiresIgnoring } from "../../eslint-plugin/src/engine/gitignore/framework-entries";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "webpack", rel);
const complete = file("src/lib/complete.ts");
const summarize = file("src/lib/summarize.ts");
const chainTo = (rel: string) => `src/main.tsx → src/App.tsx → ${rel}`;

describe("webpack without a framework: the client boundary", () => {
  it("a config that builds a page is a webpack app, entered where its `entry` says", () => {
    assert.equal(frameworkOf(complete).name, "webpack");
    assert.deepEqual(webpackEntries(file("")), [file("src/main.tsx")]);
    assert.deepEqual(browserChain(complete), [file("src/main.tsx"), file("src/App.tsx"), complete]);
  });

  it("the config and the server beside the app are no browser code", () => {
    assert.equal(browserChain(file("webpack.config.js")), undefined);
    assert.equal(browserChain(file("server/index.js")), undefined);
  });

  it("a name DefinePlugin writes in is public whatever its prefix; with the whole environment given, any name is", () => {
    assert.deepEqual(publicPrefixVerdict("REACT_APP_OPENAI_API_KEY", "process.env", complete), { prefix: "REACT_APP_", exposed: true, framework: "webpack", definedByConfig: true });
    assert.equal(publicPrefixVerdict("REACT_APP_ANTHROPIC_API_KEY", "process.env", complete)?.exposed, false);
    const copy = realpathSync(mkdtempSync(path.join(tmpdir(), "keyfence-webpack-env-")));
    try {
      cpSync(file(""), copy, { recursive: true });
      const config = readFileSync(path.join(copy, "webpack.config.js"), "utf8").replace(/new webpack\.DefinePlugin\(\{[\s\S]*?\}\),/, `new webpack.DefinePlugin({ "process.env": JSON.stringify(process.env) }),`);
      writeFileSync(path.join(copy, "webpack.config.js"), config);
      assert.equal(publicPrefixVerdict("REACT_APP_ANTHROPIC_API_KEY", "process.env", path.join(copy, "src/lib/complete.ts"))?.exposed, true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("a config with a Node target builds no browser app", () => {
    const program = path.join(APPS, "webpack-node", "src/index.ts");
    assert.notEqual(frameworkOf(program).name, "webpack");
    assert.equal(browserChain(program), undefined);
  });
});

ruleTester().run("no-client-ai-calls (webpack)", rule(noClientAiCalls), {
  valid: [appFile("webpack", "server/index.js"), appFile("webpack-node", "src/index.ts")],
  invalid: [
    {
      name: "a fetch keyed by a name DefinePlugin writes in",
      filename: complete,
      code: readFileSync(complete, "utf8"),
      errors: [{ messageId: "directProviderCall", line: 5, data: { host: "api.openai.com", chain: chainTo("src/lib/complete.ts") } }],
    },
    {
      name: "the same with a server-style name: DefinePlugin defines it, so it ships",
      filename: summarize,
      code: readFileSync(summarize, "utf8"),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.groq.com", chain: chainTo("src/lib/summarize.ts") } }],
    },
  ],
});

ruleTester().run("no-client-secrets (webpack)", rule(noClientSecrets), {
  valid: [appFile("webpack", "server/index.js"), appFile("webpack", "webpack.config.js"), appFile("webpack-node", "src/index.ts")],
  invalid: [
    {
      name: "a server secret DefinePlugin writes into browser code",
      filename: summarize,
      code: readFileSync(summarize, "utf8"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "GROQ_API_KEY", chain: chainTo("src/lib/summarize.ts") } }],
    },
  ],
});

ruleTester().run("no-public-secrets (webpack)", rule(noPublicSecrets), {
  // The config hands the value to the build: the read that ships is the app's.
  valid: [appFile("webpack", "webpack.config.js")],
  invalid: [
    {
      name: "a public-looking name means nothing to webpack; DefinePlugin is what writes it in",
      filename: complete,
      code: readFileSync(complete, "utf8"),
      errors: [{ messageId: "publicSecretDefined", line: 2, data: { name: "REACT_APP_OPENAI_API_KEY", tool: "webpack" } }],
    },
    {
      name: "a REACT_APP_ name DefinePlugin does not define is undefined in a webpack app",
      filename: complete,
      code: "export const key = process.env.REACT_APP_ANTHROPIC_API_KEY;\n",
      errors: [{ messageId: "prefixNotExposed", line: 1 }],
    },
  ],
});

describe("webpack configs: linear on 1 MB of adversarial text", function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A webpack app whose config is `config` (just under the 1 MB the readers accept). */
  function app(config: string): string {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "keyfence-webpack-")));
    dirs.push(dir);
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "package.json"), "{}");
    writeFileSync(path.join(dir, "index.html"), "<div id=root></div>");
    writeFileSync(path.join(dir, "webpack.config.js"), config.slice(0, 999_000));
    writeFileSync(path.join(dir, "src/index.js"), "export const key = process.env.REACT_APP_OPENAI_API_KEY;\n");
    return dir;
  }

  for (const [name, unit] of [
    ["targets without a value", "target:"],
    ["entries of unclosed strings", `entry: "./`],
    ["path.resolve calls left open", "entry: path.resolve(__dirname, "],
    ["nested process.env objects left open", `"process.env": { A: ({[`],
    ["block comments left open", `"process.env": { /* `],
    ["requires without a name", "require(   "],
  ]) {
    it(name, () => {
      const dir = app(unit.repeat(Math.ceil(1_000_000 / unit.length)));
      const started = performance.now();
      clearFrameworkCache();
      frameworkOf(path.join(dir, "src/index.js"));
      webpackEntries(dir);
      publicPrefixVerdict("REACT_APP_OPENAI_API_KEY", "process.env", path.join(dir, "src/index.js"));
      frameworkRequiresIgnoring(path.join(dir, ".env.local"), ".env.local");
      const ms = performance.now() - started;
      assert.ok(ms < 5000, `${name}: ${ms.toFixed(0)} ms`);
    });
  }
});

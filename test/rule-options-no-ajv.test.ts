/**
 * KeyFence's rules check their own options (eslint-plugin/src/util/rule-options.ts), so a lint run
 * with configs.recommended alone never makes ESLint load ajv: 46 modules and ~70 ms of CPU, the
 * whole gap between a warm `eslint --cache` run with KeyFence and one without (README).
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const repo = path.resolve(__dirname, "..");

describe("rule options: ESLint loads no ajv for KeyFence", function () {
  this.timeout(60_000);

  it("a lint run with configs.recommended alone loads no ajv; one core rule with options does", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "keyfence-no-ajv-"));
    try {
      writeFileSync(path.join(dir, "app.ts"), "export const model = 'gpt-4o-mini';\n");
      const script = (rules: string) => `
        const { ESLint } = require(${JSON.stringify(path.join(repo, "node_modules/eslint"))});
        const keyfence = require(${JSON.stringify(path.join(repo, "eslint-plugin/src/index.ts"))});
        const eslint = new ESLint({ cwd: ${JSON.stringify(dir)}, overrideConfigFile: true, overrideConfig: [keyfence.configs.recommended, ${rules}] });
        eslint.lintFiles(["app.ts"]).then((results) => {
          if (results[0].messages.some((m) => m.fatal)) throw new Error(JSON.stringify(results[0].messages));
          process.stdout.write(String(Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]ajv[\\\\/]/.test(file))));
        });`;
      const run = (rules: string) => execFileSync(process.execPath, ["-r", "tsx/cjs", "-e", script(rules)], { cwd: repo, encoding: "utf8" });
      assert.equal(run("{}"), "false");
      // The check can fail: the same run with a core rule that takes options loads it.
      assert.equal(run(`{ rules: { "no-console": ["error", { allow: ["warn"] }] } }`), "true");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Files ESLint lists but cannot open. ESLint reads every file a config's `files` match and stops
 * the whole run on one it cannot read; KeyFence's configs make it list `.env`, `.gitignore`,
 * Dockerfiles, YAML and JSON, which no other config does. A real monorepo (formbricks) commits
 * `apps/web/.env -> ../../.env`, dangling until a developer creates the root `.env`: `eslint .`
 * with configs.recommended crashed on it. Dangling links and a link loop, through ESLint 10 and 9.
 */
import assert from "node:assert/strict";
import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";

const ESLINT9 = join(__dirname, "../../node_modules/.cache/keyfence-component-plugins/node_modules/eslint9");

function repoWithDanglingLinks(): string {
  const dir = makeRepo({
    "package.json": JSON.stringify({ name: "web", private: true }),
    // Where a repository without a .gitignore gets its report (overrideConfig replaces its content here).
    "eslint.config.mjs": "export default [];\n",
    "src/index.ts": "export const model = process.env.OPENAI_MODEL;\n",
    "apps/api/.env.local": `OPENAI_API_KEY=${fakeKey("openai")}\n`,
    "apps/web/package.json": JSON.stringify({ name: "web-app", private: true }),
  });
  const links: Record<string, string> = {
    "apps/web/.env": "../../.env",
    ".env.local": "missing.env",
    ".gitignore": "gitignore.shared",
    Dockerfile: "docker/Dockerfile",
    "compose.yml": "deploy/compose.yml",
    "settings.json": "missing.json",
    // A loop: the file system answers ELOOP, not ENOENT.
    ".env.production": ".env.production",
  };
  for (const [link, target] of Object.entries(links)) symlinkSync(target, join(dir, link));
  return dir;
}

describe("files ESLint cannot open (dangling symlinks, a link loop)", function () {
  this.timeout(120_000);
  after(removeRepos);

  const configs = [plugin.configs.files, plugin.configs.recommended];

  it("ESLint 10 lints the project without stopping, and the real env file is still read", async () => {
    const dir = repoWithDanglingLinks();
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
    const results = await eslint.lintFiles(["."]);
    const linted = results.map((result) => result.filePath.slice(dir.length + 1)).sort();
    assert.ok(linted.includes("apps/api/.env.local") && linted.includes("src/index.ts"), linted.join(", "));
    for (const link of ["apps/web/.env", ".env.local", ".gitignore", "Dockerfile", "compose.yml", "settings.json", ".env.production"]) {
      assert.ok(!linted.includes(link), `${link} is not read`);
    }
    // The repository's .gitignore is a dangling link: there is none, and that is what is reported.
    assert.ok(results.flatMap((result) => result.messages).some((message) => message.ruleId === "keyfence/env-gitignore"));
  });

  it("ESLint 9 too", async function () {
    if (!existsSync(ESLINT9)) this.skip(); // installed by test/integration/component-configs.test.ts, which runs first
    const { ESLint: ESLint9 } = require(ESLINT9) as { ESLint: typeof ESLint };
    const dir = repoWithDanglingLinks();
    const eslint = new ESLint9({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
    const results = await eslint.lintFiles(["."]);
    assert.ok(results.some((result) => result.filePath.endsWith(".env.local")));
  });
});

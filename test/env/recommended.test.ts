/**
 * The acceptance case of issues 2 and 4 together: a project whose eslint.config.mjs is exactly
 *   import keyfence from "eslint-plugin-keyfence";
 *   export default [keyfence.configs.recommended];
 * and `eslint .` (the ESLint class, which the CLI runs) finds the env and .gitignore problems.
 * `eslint-plugin-keyfence` resolves to a shim in the project's node_modules that loads the
 * plugin from sources (this process runs TypeScript through tsx).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ESLint } from "eslint";
import { KEYFENCE_COMMENT, clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos, writeFile } from "./support";

const USER_CONFIG = 'import keyfence from "eslint-plugin-keyfence";\nexport default [keyfence.configs.recommended];\n';
const PLUGIN_SOURCES = join(__dirname, "../../eslint-plugin/src/index.ts");

async function eslintDot(dir: string) {
  clearGitignoreCache();
  const eslint = new ESLint({ cwd: dir });
  const results = await eslint.lintFiles(["."]);
  const files = results.map((r) => r.filePath.slice(dir.length + 1)).sort();
  const messages = results
    .flatMap((r) => r.messages.map((m) => ({ ...m, file: r.filePath.slice(dir.length + 1) })))
    .map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.messageId ?? m.message}`)
    .sort();
  return { files, messages };
}

describe("env/.gitignore: `export default [keyfence.configs.recommended]` and `eslint .`", () => {
  after(removeRepos);

  it("reports a missing entry, a tracked .env and a key in .env.example; nothing in an ignored .env.local", async () => {
    const key = fakeKey("openai");
    const other = fakeKey("anthropic");
    const dir = makeRepo(
      {
        "package.json": '{ "type": "module" }\n',
        "eslint.config.mjs": USER_CONFIG,
        "node_modules/eslint-plugin-keyfence/package.json": '{ "name": "eslint-plugin-keyfence", "main": "index.js" }\n',
        "node_modules/eslint-plugin-keyfence/index.js": `module.exports = require(${JSON.stringify(PLUGIN_SOURCES)});\n`,
        // Vite's habit: local files ignored, `.env` itself not.
        ".gitignore": "node_modules\n.env.local\n.env.*.local\n",
        ".env": "SESSION_SECRET=abc\n",
        ".env.example": `# copy to .env.local\nOPENAI_API_KEY=${key}\n`,
        // Keys where they belong, one even in a comment: no rule may report here.
        ".env.local": `# ANTHROPIC_API_KEY=${other}\nOPENAI_API_KEY=${key}\nANTHROPIC_API_KEY="${other}"\n`,
        "src/app.ts": "export const model: string = process.env.OPENAI_API_KEY ?? '';\n",
      },
      { add: [".env", ".env.example"] },
    );
    const { files, messages } = await eslintDot(dir);
    // Dotfiles are linted by `eslint .` in flat config, `.env.example` included.
    assert.deepEqual(files, [".env", ".env.example", ".env.local", ".gitignore", "eslint.config.mjs", "src/app.ts"]);
    assert.deepEqual(messages, [
      ".env.example:2 keyfence/no-committed-env-keys keyInTemplate",
      ".env:1 keyfence/env-gitignore trackedEnvFile",
      ".gitignore:1 keyfence/env-gitignore missingEnvEntries",
    ]);
  });

  it("`eslint --fix` then settles the .gitignore, and no code rule ever reports on env files", async () => {
    const key = fakeKey("openai");
    const dir = makeRepo({
      "package.json": '{ "type": "module" }\n',
      "eslint.config.mjs": USER_CONFIG,
      "node_modules/eslint-plugin-keyfence/package.json": '{ "name": "eslint-plugin-keyfence", "main": "index.js" }\n',
      "node_modules/eslint-plugin-keyfence/index.js": `module.exports = require(${JSON.stringify(PLUGIN_SOURCES)});\n`,
      ".gitignore": "node_modules\n",
      // Code-looking text in env files must not wake the code rules (no-hardcoded-keys scans comments).
      ".env.example": `# const openai = new OpenAI({ apiKey: "${key}" });\nOPENAI_API_KEY=\n`,
    });
    clearGitignoreCache();
    const results = await new ESLint({ cwd: dir, fix: true }).lintFiles(["."]);
    await ESLint.outputFixes(results);
    assert.equal(readFile(dir, ".gitignore"), `node_modules\n\n${KEYFENCE_COMMENT}\n.env\n.env.local\n.env.*.local\n`);
    const { messages } = await eslintDot(dir);
    // Only KeyFence's env rule speaks: a key commented out in a template is still committed.
    assert.deepEqual(messages, [".env.example:1 keyfence/no-committed-env-keys keyInComment"]);
    writeFile(dir, ".env.example", "OPENAI_API_KEY=\n");
    writeFile(dir, ".env.local", `OPENAI_API_KEY=${key}\n`);
    assert.deepEqual((await eslintDot(dir)).messages, []);
  });
});

/**
 * The env files processor through the real ESLint class: other configs' rules never run on env
 * or .gitignore files (type-aware rules would throw, text fixers would rewrite them), directive
 * comments work, and the severities the processor is made with apply.
 */
import assert from "node:assert/strict";
import { ESLint, type Linter } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos } from "./support";

const JS = { "package.json": "{}", "src/index.js": "export const a = 1;\n" };

/** A rule that throws on any file, as a type-aware rule does without type information. */
const throwsWithoutTypes = {
  meta: { type: "problem" as const, schema: [] },
  create() {
    throw new Error("You have used a rule which requires type information");
  },
};

async function lint(dir: string, config: Linter.Config[], fix = false) {
  clearGitignoreCache();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, fix });
  const results = await eslint.lintFiles(["."]);
  if (fix) await ESLint.outputFixes(results);
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId} ${m.messageId ?? m.message}`)).sort();
}

describe("env/.gitignore: the env files processor", () => {
  after(removeRepos);
  const key = fakeKey("openai");

  it("keeps every other rule off env and .gitignore files, typed or text-fixing, before or after KeyFence", async () => {
    const hostileEnv = `#local stuff\nOPENAI_API_KEY=${key}   \n\n\n\nPROMPT="one\n  two   \n"\nMODE=dev`;
    const files = { ...JS, ".gitignore": "node_modules\n", ".env.local": hostileEnv, ".env.example": `OPENAI_API_KEY=${key}\n` };
    // Objects without `files`, as shareable configs write them.
    const others: Linter.Config[] = [
      { plugins: { typed: { rules: { "needs-types": throwsWithoutTypes } } }, rules: { "typed/needs-types": "error" } },
      { rules: { "no-trailing-spaces": "error", "no-multiple-empty-lines": "error", "eol-last": "error", "spaced-comment": "error" } },
    ];
    const expected = [".env.example:1 keyfence/no-committed-env-keys keyInTemplate", ".env.local:2 keyfence/no-committed-env-keys keyNotIgnored", ".gitignore:1 keyfence/env-gitignore missingEnvEntries"];
    for (const order of ["first", "last"]) {
      const dir = makeRepo(files);
      const config = order === "first" ? [plugin.configs.recommended, ...others] : [...others, plugin.configs.recommended];
      // The throwing rule runs (and throws) on code files, so lint only the env files here.
      clearGitignoreCache();
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, fix: true });
      const results = await eslint.lintFiles([".env.local", ".env.example", ".gitignore"]);
      await ESLint.outputFixes(results);
      const messages = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId} ${m.messageId}`)).sort();
      assert.deepEqual(messages, expected.filter((m) => !m.includes("missingEnvEntries")), order);
      assert.equal(readFile(dir, ".env.local"), hostileEnv, `${order}: .env.local byte for byte`);
      assert.match(readFile(dir, ".gitignore"), /\.env\.local/, `${order}: KeyFence's own fix applied`);
    }
  });

  it("reads `# eslint-disable` regions and `# eslint-disable-line` like ESLint", async () => {
    const dir = makeRepo({
      ...JS,
      ".gitignore": ".env\n.env.local\n.env.*.local\n",
      ".env.example": [
        "# eslint-disable keyfence/no-committed-env-keys",
        `A_OPENAI_API_KEY=${key}`,
        "# eslint-enable keyfence/no-committed-env-keys",
        `B_OPENAI_API_KEY=${key}`,
        "# eslint-disable-next-line",
        `C_OPENAI_API_KEY=${key}`,
        "# eslint-disable-next-line keyfence/env-gitignore -- another rule",
        `D_OPENAI_API_KEY=${key}`,
        "",
      ].join("\n"),
    });
    assert.deepEqual(await lint(dir, [plugin.configs.recommended]), [".env.example:4 keyfence/no-committed-env-keys keyInTemplate", ".env.example:8 keyfence/no-committed-env-keys keyInTemplate"]);
  });

  it("reports at the severities it is made with, and not at all for `off`", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": "node_modules\n", ".env.example": `OPENAI_API_KEY=${key}\n` });
    const config: Linter.Config[] = [
      plugin.configs.recommended,
      { files: ["**/.env", "**/.env.*", "**/.gitignore"], processor: plugin.envFilesProcessor({ "no-committed-env-keys": "warn", "env-gitignore": "off" }) },
    ];
    clearGitignoreCache();
    const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config }).lintFiles(["."]);
    const messages = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)} ${m.ruleId} ${m.severity}`));
    assert.deepEqual(messages, [".env.example keyfence/no-committed-env-keys 1"]);
  });
});

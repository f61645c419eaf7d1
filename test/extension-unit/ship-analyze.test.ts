/** The extension's analysis of Dockerfiles, .dockerignore, compose and env files (engine/ship), without VS Code. */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { analyzeFile, planFixes, type AnalyzeContext } from "../../extension/src/analyze";
import { fileKind } from "../../extension/src/file-kinds";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos, writeFile } from "../env/support";

const ctx: AnalyzeContext = {
  settings: { enable: true, rules: {}, allow: [], ignoredPaths: [], maxFileSizeKB: 1024, debounceMs: 0 },
  files: diskFiles(),
};

describe("extension: Docker and env-file findings", () => {
  after(removeRepos);

  it("shows env-dockerignore on the env file, the .dockerignore and (without one) the Dockerfile, with the same fix", () => {
    const dir = makeRepo({ Dockerfile: "FROM node\nCOPY . .\n", ".dockerignore": "node_modules\n", ".env.local": "X=1\n" });
    const [env] = analyzeFile(join(dir, ".env.local"), "env", "X=1\n", ctx).filter((f) => f.ruleId === "env-dockerignore");
    assert.equal(planFixes(env, "X=1\n", ctx)[0].edits[0].file, join(dir, ".dockerignore"));
    const ignore = analyzeFile(join(dir, ".dockerignore"), "text", readFile(dir, ".dockerignore"), ctx);
    assert.deepEqual(ignore.map((f) => f.ruleId), ["env-dockerignore"]);
    const other = makeRepo({ "api.Dockerfile": "FROM node\nCOPY . .\n" });
    assert.deepEqual(analyzeFile(join(other, "api.Dockerfile"), "text", readFile(other, "api.Dockerfile"), ctx).map((f) => f.ruleId), ["env-dockerignore"]);
  });

  it("a key in ENV is reported once, as no-docker-keys, and a key in RUN stays no-hardcoded-keys", () => {
    const key = fakeKey("groq");
    const other = fakeKey("groq", undefined, 2);
    const text = `FROM node\nENV GROQ_API_KEY=${key}\nRUN curl -H "Authorization: Bearer ${other}" https://api.groq.com\n`;
    const findings = analyzeFile("/nonexistent/Dockerfile", "text", text, ctx);
    assert.deepEqual(findings.map((f) => [f.ruleId, text.slice(f.range.start, f.range.end) === key]).sort(), [["no-docker-keys", true], ["no-hardcoded-keys", false]]);
  });

  it("compose keys get the ${NAME} quick fix", () => {
    const key = fakeKey("anthropic");
    const text = `services:\n  api:\n    environment:\n      ANTHROPIC_API_KEY: ${key}\n`;
    const [finding] = analyzeFile("/nonexistent/compose.yaml", "text", text, ctx);
    assert.equal(finding.ruleId, "no-docker-keys");
    assert.match(planFixes(finding, text, ctx)[0].title, /Read ANTHROPIC_API_KEY from the environment/);
  });

  it("reports in a YAML or Dockerfile the keys configs.files reports there in ESLint: a name counts just before its key, not anywhere in the file", async () => {
    const mistral = fakeKey("mistral");
    const near = fakeKey("mistral", undefined, 2);
    const groq = fakeKey("groq");
    const text = [
      "# MISTRAL_API_KEY lives in the vault; the values below are for the staging cluster",
      "services:",
      "  worker:",
      `    token: ${mistral}`,
      `    mistral_api_key: ${near}`,
      `    llm: ${groq}`,
      "",
    ].join("\n");
    const dir = makeRepo({ "deploy.yaml": text });
    const editor = analyzeFile(join(dir, "deploy.yaml"), "text", text, ctx).map((f) => `${f.ruleId}@${f.range.start}`);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.files] });
    const [result] = await eslint.lintFiles(["deploy.yaml"]);
    const lines = text.split("\n");
    const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
    const ci = result.messages.map((m) => `${m.ruleId!.replace("keyfence/", "")}@${offset(m.line, m.column)}`);
    assert.deepEqual(editor.sort(), ci.sort());
    assert.deepEqual(editor.length, 2, "the Groq key and the Mistral key named just before it");
  });

  it("reads Markdown and text files as text, as configs.files does: a key in pasted notes", () => {
    const key = fakeKey("openai", undefined, 5);
    for (const name of ["docs/FIX_API_KEY.md", "guide.mdx", "NOTES.markdown", "openai.txt", "public/index.html", "demo.htm"]) assert.equal(fileKind(join("/repo", name)), "text", name);
    const text = `# Fixed\n\nThe key is \`${key}\`.\n`;
    assert.deepEqual(analyzeFile("/nonexistent/FIX_API_KEY.md", "text", text, ctx).map((f) => [f.ruleId, text.slice(f.range.start, f.range.end) === key]), [["no-hardcoded-keys", true]]);
  });

  it("reads a 1 MB one-line .dockerignore, Dockerfile or YAML in linear time", () => {
    const dir = makeRepo({ Dockerfile: "FROM node\nCOPY . .\n" });
    const line = "x".repeat(1 << 20);
    for (const name of [".dockerignore", "Dockerfile", "values.yaml"]) {
      writeFile(dir, name, line);
      const started = performance.now();
      analyzeFile(join(dir, name), "text", line, ctx);
      const ms = performance.now() - started;
      assert.ok(ms < 5000, `${name}: ${ms.toFixed(0)} ms`);
    }
  });
});

/** The extension's analysis of Dockerfiles, .dockerignore, compose and env files (engine/ship), without VS Code. */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { analyzeFile, planFixes, type AnalyzeContext } from "../../extension/src/analyze";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos } from "../env/support";

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
});

/** env-npm-publish on real packages: `npm pack --dry-run --json` before and after the fix. */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { FileEdit } from "../../eslint-plugin/src/engine/finding";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { envFileNpmFindings } from "../../eslint-plugin/src/engine/npm-package";
import { messageOf } from "../../eslint-plugin/src/engine/rules";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos, writeFile } from "../env/support";
import { npmPackFiles } from "./npm-pack";

function apply(dir: string, edits: FileEdit[]): void {
  for (const edit of edits) {
    const path = edit.file.slice(dir.length + 1);
    if (edit.kind === "create") writeFile(dir, path, edit.text);
    else if (edit.kind === "replace") {
      const text = readFile(dir, path);
      writeFile(dir, path, text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end));
    }
  }
  clearGitignoreCache();
}

const pkg = (extra: Record<string, unknown> = {}) => JSON.stringify({ name: "my-lib", version: "1.0.0", ...extra }, null, 2) + "\n";

describe("env-npm-publish", function () {
  this.timeout(60_000);
  after(removeRepos);

  const cases: Array<{ title: string; files: Record<string, string>; env: string; target: string }> = [
    { title: "no ignore file: creates .npmignore", files: { "package.json": pkg(), "index.js": "" }, env: ".env", target: ".npmignore" },
    { title: ".npmignore exists: appends to it", files: { "package.json": pkg(), ".npmignore": "test/\n" }, env: ".env.local", target: ".npmignore" },
    { title: "only .gitignore (npm's fallback): appends to it", files: { "package.json": pkg(), ".gitignore": "node_modules\n" }, env: "src/.env.development.local", target: ".gitignore" },
    { title: "`files` takes it in: a ! entry in files", files: { "package.json": pkg({ files: ["src", "index.js"] }) }, env: "src/.env", target: "package.json" },
  ];
  for (const { title, files, env, target } of cases) {
    it(title, () => {
      const dir = makeRepo({ ...files, [env]: `OPENAI_API_KEY=${fakeKey("openai")}\n` });
      assert.ok(npmPackFiles(dir).includes(env), "npm ships it before the fix");
      const [finding, ...rest] = envFileNpmFindings(join(dir, env), readFile(dir, env));
      assert.equal(rest.length, 0);
      assert.ok(!messageOf(finding).includes(fakeKey("openai").slice(-6)));
      assert.equal(finding.fixes![0].edits[0].file, join(dir, target));
      apply(dir, finding.fixes![0].edits);
      const after = npmPackFiles(dir);
      assert.ok(!after.includes(env), "npm no longer ships it");
      assert.deepEqual(envFileNpmFindings(join(dir, env), readFile(dir, env)), []);
      if (target === "package.json") assert.doesNotThrow(() => JSON.parse(readFile(dir, "package.json")));
    });
  }

  it("private packages, ignored files, templates and harmless non-local env files are not reported", () => {
    const dir = makeRepo({ "package.json": pkg({ private: true }), ".env": "A_KEY=x\n" });
    assert.deepEqual(envFileNpmFindings(join(dir, ".env"), "A_KEY=x\n"), []);
    const lib = makeRepo({ "package.json": pkg(), ".npmignore": ".env*\n", ".env": "X=1\n", ".env.example": "OPENAI_API_KEY=\n", ".env.production": "SITE_URL=https://x\n" });
    assert.deepEqual(envFileNpmFindings(join(lib, ".env"), "X=1\n"), []);
    writeFile(lib, ".npmignore", "");
    clearGitignoreCache();
    assert.deepEqual(envFileNpmFindings(join(lib, ".env.example"), "OPENAI_API_KEY=\n"), []);
    assert.deepEqual(envFileNpmFindings(join(lib, ".env.production"), "SITE_URL=https://x\n"), []);
    assert.equal(envFileNpmFindings(join(lib, ".env"), "X=1\n").length, 1);
  });
  // Found on groq-sdk (a Stainless SDK, like openai and anthropic): the root package.json takes
  // in everything but refuses `npm publish`; the package is published from dist/.
  it("a package whose prepublishOnly always fails is not published from its folder; a conditional guard still is", () => {
    const refuse = "echo 'to publish, run yarn build && (cd dist; yarn publish)' && exit 1";
    const dir = makeRepo({ "package.json": pkg({ files: ["**/*"], private: false, scripts: { prepublishOnly: refuse } }), ".env": `GROQ_API_KEY=${fakeKey("groq")}\n` });
    assert.ok(npmPackFiles(dir).includes(".env"), "npm pack --dry-run (no scripts) lists it");
    const publish = spawnSync("npm", ["publish", "--dry-run"], { cwd: dir, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
    assert.notEqual(publish.status, 0, "the real npm publish stops at prepublishOnly");
    assert.deepEqual(envFileNpmFindings(join(dir, ".env"), readFile(dir, ".env")), []);
    for (const guard of ["test -d dist || exit 1", "exit 0", "if [ -z \"$CI\" ]; then exit 1; fi", "npm run build"]) {
      writeFile(dir, "package.json", pkg({ files: ["**/*"], scripts: { prepublishOnly: guard } }));
      clearGitignoreCache();
      assert.equal(envFileNpmFindings(join(dir, ".env"), readFile(dir, ".env")).length, 1, guard);
    }
  });
});

/**
 * When git cannot be asked whether it tracks an env file — no git binary, a repository git
 * refuses ("dubious ownership", usual in CI containers), a corrupt index — a key in a file no
 * .gitignore covers may already be in history. The report says git could not be asked and
 * what that means, never only "add it to .gitignore before the next git add". Real conditions:
 * a PATH without git, a repository owned by another uid, a truncated .git/index.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { envFileKeyFindings } from "../../eslint-plugin/src/engine/env-files";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { git, makeRepo, removeRepos } from "./support";

function trackedEnvRepo(): { dir: string; text: string } {
  const text = `OPENAI_API_KEY=${fakeKey("openai")}\n`;
  const dir = makeRepo({ ".env": text, ".gitignore": "node_modules\n" }, { add: [".env"] });
  return { dir, text };
}

function findingsFor(dir: string, text: string) {
  clearGitignoreCache();
  return envFileKeyFindings(join(dir, ".env"), text);
}

describe("env files: when git cannot be asked", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.GIT_CONFIG_GLOBAL = "/dev/null";
    process.env.GIT_CONFIG_NOSYSTEM = "1";
  });
  afterEach(() => {
    process.env = { ...saved };
    clearGitignoreCache();
  });
  after(() => removeRepos());

  it("reports a tracked key as in history when git answers (the baseline)", () => {
    const { dir, text } = trackedEnvRepo();
    assert.deepEqual(findingsFor(dir, text).map((f) => f.messageId), ["keyInTrackedFile"]);
  });

  it("says git is missing when it is not on PATH", () => {
    const { dir, text } = trackedEnvRepo();
    process.env.PATH = "/nonexistent-keyfence-bin";
    const [finding] = findingsFor(dir, text);
    assert.equal(finding.messageId, "keyTrackingUnknown");
    assert.match(String(finding.data?.gitProblem), /git is not installed or not on PATH/);
  });

  it("says git refuses a repository another user owns (dubious ownership)", function () {
    if (process.getuid?.() !== 0) this.skip(); // chown to another uid needs root
    const { dir, text } = trackedEnvRepo();
    execFileSync("chown", ["-R", "12345:12345", dir]);
    const [finding] = findingsFor(dir, text);
    assert.equal(finding.messageId, "keyTrackingUnknown");
    assert.match(String(finding.data?.gitProblem), /dubious ownership/);
  });

  it("says git failed on a corrupt index", () => {
    const { dir, text } = trackedEnvRepo();
    git(dir, "add", ".gitignore");
    const index = join(dir, ".git/index");
    // A write cut short (disk full, a killed process): the header survives, the entries do not.
    writeFileSync(index, readFileSync(index).subarray(0, 30));
    const [finding] = findingsFor(dir, text);
    assert.equal(finding.messageId, "keyTrackingUnknown");
    assert.match(String(finding.data?.gitProblem), /^git failed: .*index/);
  });
});

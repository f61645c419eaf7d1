/**
 * The JS evaluation of git's ignore rules against git itself (`git check-ignore`), on real
 * repositories: framework templates, negations, nested .gitignore files, folder patterns,
 * anchoring and .git/info/exclude.
 */
import assert from "node:assert/strict";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { findGitRepo, gitIgnoreVerdict } from "../../eslint-plugin/src/engine/gitignore";
import { gitIgnores, makeRepo, removeRepos, writeFile } from "./support";
import { TEMPLATES } from "./templates";

const PATHS = [
  ".env",
  ".env.local",
  ".env.production",
  ".env.production.local",
  ".env.example",
  ".env.test",
  "packages/app/.env",
  "packages/app/.env.local",
  "packages/app/.env.example",
  "config/.env",
  "config/deep/.env.local",
];

function filesWith(extra: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of PATHS) files[path] = "A=1\n";
  return { ...files, ...extra };
}

function assertAgreesWithGit(dir: string, paths = PATHS): void {
  const repo = findGitRepo(dir)!;
  for (const path of paths) {
    const ours = gitIgnoreVerdict(repo, join(dir, path)).ignored;
    assert.equal(ours, gitIgnores(dir, path), `${path}: KeyFence says ${ours ? "ignored" : "not ignored"}, git disagrees`);
  }
}

describe("env/.gitignore: git's ignore rules in JS", () => {
  // A global excludes file on the test machine would change git's answers, not ours.
  const saved = { ...process.env };
  before(() => {
    process.env.GIT_CONFIG_GLOBAL = "/dev/null";
    process.env.GIT_CONFIG_NOSYSTEM = "1";
    process.env.XDG_CONFIG_HOME = "/nonexistent-keyfence";
  });
  after(() => {
    process.env = saved;
    removeRepos();
  });

  for (const [name, template] of Object.entries(TEMPLATES)) {
    it(`agrees with git check-ignore on the ${name} template`, () => {
      assertAgreesWithGit(makeRepo(filesWith({ ".gitignore": template })));
    });
  }

  it("applies a negation after a wildcard (`.env*` then `!.env.example`)", () => {
    const dir = makeRepo(filesWith({ ".gitignore": ".env*\n!.env.example\n" }));
    assertAgreesWithGit(dir);
    const verdict = gitIgnoreVerdict(findGitRepo(dir)!, join(dir, ".env.example"));
    assert.equal(verdict.ignored, false);
    assert.equal(verdict.negative, true);
    assert.equal(verdict.line, 2);
  });

  it("lets a nested .gitignore re-include what the root ignores, and says where", () => {
    const dir = makeRepo(filesWith({ ".gitignore": ".env\n", "packages/app/.gitignore": "!.env\n" }));
    assertAgreesWithGit(dir);
    const verdict = gitIgnoreVerdict(findGitRepo(dir)!, join(dir, "packages/app/.env"));
    assert.equal(verdict.ignored, false);
    assert.equal(verdict.source, join(dir, "packages/app/.gitignore"));
  });

  it("cannot re-include a file inside an ignored folder", () => {
    const dir = makeRepo(filesWith({ ".gitignore": "config/\n!config/.env\n", "config/.gitignore": "!.env\n" }));
    assertAgreesWithGit(dir);
    assert.equal(gitIgnoreVerdict(findGitRepo(dir)!, join(dir, "config/.env")).ignored, true);
  });

  it("anchors `/.env` to the root only", () => {
    const dir = makeRepo(filesWith({ ".gitignore": "/.env\n" }));
    assertAgreesWithGit(dir);
    assert.equal(gitIgnoreVerdict(findGitRepo(dir)!, join(dir, "packages/app/.env")).ignored, false);
  });

  it("matches paths with a slash relative to the .gitignore's folder", () => {
    const dir = makeRepo(filesWith({ ".gitignore": "app/.env\n", "packages/.gitignore": "app/.env.local\n" }));
    assertAgreesWithGit(dir);
  });

  it("handles `**` and character classes", () => {
    const dir = makeRepo(filesWith({ ".gitignore": "**/config/**/.env*\n.env.[lp]*\n" }));
    assertAgreesWithGit(dir);
  });

  it("marks .git/info/exclude as protecting this clone only", () => {
    const dir = makeRepo(filesWith({}));
    writeFile(dir, ".git/info/exclude", ".env\n");
    assertAgreesWithGit(dir, [".env"]);
    const verdict = gitIgnoreVerdict(findGitRepo(dir)!, join(dir, ".env"));
    assert.equal(verdict.ignored, true);
    assert.equal(verdict.thisCloneOnly, true);
  });

  it("does not follow a symlinked .gitignore, as git does not", () => {
    const dir = makeRepo(filesWith({ "ignore-rules": ".env\n", "packages/app/real": ".env.local\n" }));
    symlinkSync("ignore-rules", join(dir, ".gitignore"));
    symlinkSync("real", join(dir, "packages/app/.gitignore"));
    assertAgreesWithGit(dir);
    assert.equal(gitIgnoreVerdict(findGitRepo(dir)!, join(dir, ".env")).ignored, false);
    assert.equal(gitIgnoreVerdict(findGitRepo(dir)!, join(dir, "packages/app/.env.local")).ignored, false);
  });

  it("uses unsaved text instead of the disk when given", () => {
    const dir = makeRepo(filesWith({ ".gitignore": "node_modules\n" }));
    const overrides = new Map([[join(dir, ".gitignore"), "node_modules\n.env\n"]]);
    assert.equal(gitIgnoreVerdict(findGitRepo(dir)!, join(dir, ".env"), overrides).ignored, true);
    assert.equal(gitIgnoreVerdict(findGitRepo(dir)!, join(dir, ".env")).ignored, false);
  });
});

/**
 * Differential test of the JS ignore rules against git itself: seeded random .gitignore pattern
 * sets (root and nested files, folder patterns, negations that re-include folders), each in a
 * real repository, every path's verdict compared with `git check-ignore` and with what
 * `git ls-files --others --exclude-standard` would add. A mismatch prints the pattern set.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { findGitRepo, gitIgnoreVerdict } from "../../eslint-plugin/src/engine/gitignore";
import { seededRandom } from "../support/fake-keys";
import { makeRepo, removeRepos } from "./support";

const DIRS = ["", "packages", "packages/api", "packages/web", "apps/api", "config", "config/deep", "src/api"];
const NAMES = [".env", ".env.local", ".env.example", "a.txt"];
const PATHS = DIRS.flatMap((dir) => NAMES.map((name) => (dir ? `${dir}/${name}` : name)));

// Pieces people write, chosen so that folder exclusions and re-inclusions meet.
const PATTERNS = [
  ".env", ".env*", "!.env.example", "*.local", "!.env.local", "/.env", "packages/*", "!packages/api",
  "packages/", "!packages/", "packages/**", "!packages/**/.env", "api/", "!api", "api", "config/*/",
  "!config/deep", "**/deep/**", "*", "!*/", "!.env", "/*", "!/packages", "packages/*/.env",
  "**/api/.env*", "src/", "!src/api/", "[ap]*/", "deep", "!deep/.env", "packages/api/", "apps/**/.env",
  "*.txt", "!a.txt", "!/config", "config/**", "!config/**/", "*/", "!packages/web/",
];
const NESTED = ["packages", "packages/api", "config"];

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)];
}

function patternSet(seed: number): Record<string, string> {
  const random = seededRandom(seed);
  const lines = (count: number) => Array.from({ length: count }, () => pick(random, PATTERNS));
  const files: Record<string, string> = { ".gitignore": lines(2 + Math.floor(random() * 5)).join("\n") + "\n" };
  if (random() < 0.35) files[`${pick(random, NESTED)}/.gitignore`] = lines(1 + Math.floor(random() * 2)).join("\n") + "\n";
  return files;
}

function gitRun(dir: string, args: string[], input?: string): string {
  try {
    return execFileSync("git", args, { cwd: dir, encoding: "utf8", input, stdio: ["pipe", "pipe", "ignore"] });
  } catch (error) {
    // check-ignore exits 1 when nothing is ignored; its output is still the answer.
    return String((error as { stdout?: string }).stdout ?? "");
  }
}

describe("env/.gitignore: differential test against git on generated pattern sets", () => {
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

  it("agrees with git on every path of 60 seeded pattern sets", function () {
    this.timeout(120_000);
    const mismatches: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const ignoreFiles = patternSet(seed);
      const files: Record<string, string> = { ...ignoreFiles };
      for (const path of PATHS) files[path] = "A=1\n";
      const dir = makeRepo(files);
      const repo = findGitRepo(dir)!;
      const checkIgnored = new Set(gitRun(dir, ["check-ignore", "--no-index", "--stdin", "-z"], PATHS.join("\0") + "\0").split("\0"));
      const added = new Set(gitRun(dir, ["ls-files", "-z", "--others", "--exclude-standard"]).split("\0"));
      for (const path of PATHS) {
        compared++;
        const ours = gitIgnoreVerdict(repo, join(dir, path)).ignored;
        const gitSays = !added.has(path);
        assert.equal(checkIgnored.has(path), gitSays, `git check-ignore and git ls-files disagree on ${path}`);
        if (ours !== gitSays) {
          mismatches.push(`seed ${seed} ${JSON.stringify(ignoreFiles)}: ${path} KeyFence ${ours ? "ignored" : "committed"}, git ${gitSays ? "ignored" : "committed"}`);
        }
      }
    }
    assert.equal(compared, 60 * PATHS.length);
    assert.deepEqual(mismatches, []);
  });

  it("lets `!packages/api` re-include the folder `packages/*` excluded", () => {
    const dir = makeRepo({ ".gitignore": "packages/*\n!packages/api\n", "packages/api/.env": "A=1\n", "packages/web/.env": "A=1\n" });
    const repo = findGitRepo(dir)!;
    assert.equal(gitIgnoreVerdict(repo, join(dir, "packages/api/.env")).ignored, false);
    assert.equal(gitIgnoreVerdict(repo, join(dir, "packages/web/.env")).ignored, true);
  });
});

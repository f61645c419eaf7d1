/**
 * The git state stamp (the `--cache` fingerprint of git's view of env files) is saved with the facts
 * it was computed from, so a warm run on an unchanged work tree asks git nothing (issue 11), and
 * every change that can move the stamp makes the next run ask git again.
 */
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clearGitignoreCache, gitStateStamp } from "../../eslint-plugin/src/engine/gitignore";
import { gitStampStats } from "../../eslint-plugin/src/engine/gitignore/state-stamp";
import { readGitStateFacts, savedGitState, saveGitState, TOO_LARGE } from "../../eslint-plugin/src/engine/gitignore/saved-git-state";
import { git, makeRepo, removeRepos, writeFile } from "./support";

/** Every file and folder of `dir`, .git included, last changed `secondsAgo` ago: facts old enough to be trusted. */
function backdate(dir: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      utimesSync(path, when, when);
    }
    utimesSync(folder, when, when);
  };
  visit(dir);
}

/** The stamp as a new ESLint process computes it, and whether it asked git. */
function stamp(dir: string): { stamp: string; askedGit: boolean } {
  clearGitignoreCache();
  const before = gitStampStats.listed;
  const value = gitStateStamp(dir);
  return { stamp: value, askedGit: gitStampStats.listed > before };
}

describe("git state stamp: saved for an unchanged work tree (issue 11)", () => {
  after(removeRepos);

  it("asks git once, then answers from the saved facts until one of them changes", () => {
    const dir = makeRepo(
      { "package.json": "{}", ".gitignore": ".env\nnode_modules\n", "src/index.js": "export const a = 1;\n", "apps/web/package.json": "{}", "apps/web/lib/.gitignore": "*.log\n" },
      { add: [".gitignore", "package.json", "apps/web/package.json"] },
    );
    backdate(dir, 1000);
    let age = 900;
    /** What a change touched, made old enough to be trusted (each time older than the last save, and distinct). */
    const settleChange = (...paths: string[]) => {
      const when = new Date(Date.now() - (age -= 10) * 1000);
      for (const path of paths) utimesSync(join(dir, path), when, when);
    };
    /** The run after a change asks git and saves; the one after that is served from the save. */
    const nextRuns = (): string => {
      const computed = stamp(dir);
      assert.equal(computed.askedGit, true, "a fact moved: git is asked");
      assert.deepEqual(stamp(dir), { stamp: computed.stamp, askedGit: false }, "unchanged since: the saved stamp");
      return computed.stamp;
    };

    let last = nextRuns();
    // An env file git would commit, in a project folder: its folder's mtime. Under two seconds old, not trusted.
    writeFile(dir, "apps/web/.env.local", "A=1\n");
    assert.equal(stamp(dir).askedGit, true);
    assert.equal(stamp(dir).askedGit, true, "a change under two seconds old is not saved");
    settleChange("apps/web/.env.local", "apps/web");
    assert.notEqual(nextRuns(), last);
    last = stamp(dir).stamp;
    // The root .gitignore now ignores it: the file's own size and mtime (no folder changes).
    writeFile(dir, ".gitignore", ".env\n.env.local\nnode_modules\n");
    settleChange(".gitignore");
    assert.notEqual(nextRuns(), last);
    // A nested .gitignore edited (this one ignores no env file: the stamp may stay, but git is asked).
    writeFile(dir, "apps/web/lib/.gitignore", "*.log\n*.tmp\n");
    settleChange("apps/web/lib/.gitignore");
    last = nextRuns();
    // git add -f of an ignored env file: the index.
    git(dir, "add", "-f", "apps/web/.env.local");
    settleChange(".git/index");
    assert.notEqual(nextRuns(), last);
    // .git/info/exclude edited.
    writeFile(dir, ".git/info/exclude", "# local\n.env.production\n");
    settleChange(".git/info/exclude");
    nextRuns();
    // A new folder deep in the tree: its parent's mtime (and its own).
    writeFile(dir, "apps/web/lib/deep/.env", "B=2\n");
    settleChange("apps/web/lib/deep/.env", "apps/web/lib/deep", "apps/web/lib");
    nextRuns();
  });

  it("says the same as git when the saved file is damaged", () => {
    const dir = makeRepo({ "package.json": "{}", ".gitignore": ".env\n", ".env.local": "A=1\n" }, { add: [".gitignore", "package.json"] });
    backdate(dir, 100);
    const first = stamp(dir);
    // The repository has no node_modules: its saved state is in the temp folder, named by its root.
    const saved = join(tmpdir(), "keyfence-cache", `git-state-${createHash("sha1").update(`${dir}|1`).digest("hex").slice(0, 12)}.json`);
    assert.ok(existsSync(saved));
    writeFileSync(saved, "{ not json");
    const again = stamp(dir);
    assert.deepEqual(again, { stamp: first.stamp, askedGit: true });
  });

  it("a work tree of too many folders is not saved, and is not walked again for a day", () => {
    const dir = makeRepo({ "a/b/c/x.js": "1;\n", "d/e.js": "2;\n" });
    backdate(dir, 100);
    assert.equal(readGitStateFacts(dir, [], [], Date.now(), 3), TOO_LARGE);
    assert.notEqual(readGitStateFacts(dir, [], [], Date.now(), 100), TOO_LARGE);
    saveGitState(dir, "", TOO_LARGE);
    assert.equal(savedGitState(dir, []), TOO_LARGE);
    // gitStateStamp asks git then, as before the save existed.
    assert.equal(stamp(dir).askedGit, true);
    assert.equal(stamp(dir).askedGit, true);
  });
});

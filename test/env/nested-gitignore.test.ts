/**
 * A package's own .gitignore (`packages/web/.gitignore`, as every package of a monorepo keeps):
 * what env-gitignore reports there, and that a file that cannot draw a report does not make the
 * rule ask git about the whole repository.
 */
import assert from "node:assert/strict";
import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { gitignoreFileFindings } from "../../eslint-plugin/src/engine/gitignore";
import { coverageStats } from "../../eslint-plugin/src/engine/gitignore/coverage";
import { fileStamp, isSymlink, onePass } from "../../eslint-plugin/src/engine/gitignore/file-cache";
import { gitListingStats } from "../../eslint-plugin/src/engine/gitignore/git-index";
import { makeRepo, removeRepos, writeFile } from "./support";

function findings(dir: string, path: string, text: string): { ids: string[]; askedGit: boolean } {
  const before = gitListingStats.listed;
  const ids = gitignoreFileFindings(join(dir, path), text).map((f) => `${f.messageId}:${f.range.start}`);
  return { ids, askedGit: gitListingStats.listed > before };
}

describe("env/.gitignore: a package's own .gitignore", () => {
  after(removeRepos);

  const monorepo = {
    ".gitignore": "node_modules\n",
    "package.json": "{}",
    "packages/web/package.json": "{}",
    "packages/web/.env.local": "A=1\n",
  };

  it("without a `!` line, under a root .gitignore, reports nothing and asks git nothing", () => {
    const dir = makeRepo({ ...monorepo, "packages/web/.gitignore": "dist\n" });
    assert.deepEqual(findings(dir, "packages/web/.gitignore", "dist\n"), { ids: [], askedGit: false });
    // The missing entries are the root's to report, and that does ask git.
    assert.deepEqual(findings(dir, ".gitignore", "node_modules\n"), { ids: ["missingEnvEntries:0"], askedGit: true });
  });

  it("with a `!` re-including an env file, reports the line", () => {
    const text = "dist\n!.env.local\n";
    const dir = makeRepo({ ...monorepo, ".gitignore": ".env*\n", "packages/web/.gitignore": text });
    assert.deepEqual(findings(dir, "packages/web/.gitignore", text).ids, [`envReincluded:${text.indexOf("!")}`]);
  });

  it("with a `!` line, asks git about the env files below its own folder only", () => {
    const text = "dist\n!.vscode/extensions.json\n";
    const dir = makeRepo({
      ...monorepo,
      ".env": "A=1\n",
      "packages/api/package.json": "{}",
      "packages/api/.env.local": "A=1\n",
      "packages/web/.gitignore": text,
    });
    const before = coverageStats.verdicts;
    assert.deepEqual(findings(dir, "packages/web/.gitignore", text).ids, []);
    const asked = coverageStats.verdicts - before;
    // packages/web's own: .env, .env.local and the three .env.*.local names (its .env.local among them).
    assert.ok(asked > 0 && asked <= 5, `asked about ${asked} env files`);
  });

  it("without a root .gitignore, takes the missing entries of the env files below it", () => {
    const { ".gitignore": _root, ...rest } = monorepo;
    const dir = makeRepo({ ...rest, "packages/web/.gitignore": "dist\n" });
    assert.deepEqual(findings(dir, "packages/web/.gitignore", "dist\n").ids, ["missingEnvEntries:0"]);
  });
});

describe("env/.gitignore: one pass over the repository", () => {
  after(removeRepos);

  it("stats each file once within a pass, and afresh after it", () => {
    const dir = makeRepo({ ".gitignore": "dist\n" });
    const file = join(dir, ".gitignore");
    onePass(() => {
      const before = fileStamp(file);
      writeFile(dir, ".gitignore", "dist\n.env\n");
      assert.equal(fileStamp(file), before, "within the pass, the disk as it was");
      assert.equal(isSymlink(file), false);
      rmSync(file);
      symlinkSync(join(dir, "elsewhere"), file);
      assert.equal(isSymlink(file), false, "a link made during the pass is not seen by it");
    });
    assert.equal(isSymlink(file), true, "after the pass, the disk as it is");
    assert.equal(fileStamp(file), undefined, "a dangling link has no stamp");
  });
});

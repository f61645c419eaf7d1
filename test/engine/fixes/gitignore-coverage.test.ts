/**
 * The fixes ask "does git ignore this env file?" before they write a key into it. They must get
 * git's answer (the gitignore engine's), not a simpler one: a wrong "yes" writes a key into a file
 * git will commit.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { clearGitignoreCache } from "../../../eslint-plugin/src/engine/gitignore";
import { coverWithGitignore, diskFiles, isGitignored } from "../../../eslint-plugin/src/engine/fixes";

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "keyfence-cover-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  clearGitignoreCache();
  return dir;
}

function gitIgnores(dir: string, rel: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", "--no-index", rel], { cwd: dir });
    return true;
  } catch {
    return false;
  }
}

describe("fixes: is an env file covered by .gitignore?", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const cases: Array<[string, Record<string, string>, string]> = [
    ["root pattern", { ".gitignore": ".env*\n" }, "app/.env.local"],
    ["a deeper negation re-includes it", { ".gitignore": ".env*\n", "app/.gitignore": "!.env.local\n" }, "app/.env.local"],
    ["anchored pattern in the root does not reach a subfolder", { ".gitignore": "/.env.local\n" }, "app/.env.local"],
    ["folder-relative pattern in a nested .gitignore", { "app/.gitignore": ".env.local\n" }, "app/.env.local"],
    ["only .git/info/exclude: other clones would commit it", { ".git/info/exclude": ".env.local\n" }, ".env.local"],
  ];
  for (const [name, files, target] of cases) {
    it(`${name}: agrees with git (only-this-clone counts as not covered)`, () => {
      const dir = repo(files);
      dirs.push(dir);
      const onlyExclude = name.startsWith("only .git/info/exclude");
      const expected = onlyExclude ? false : gitIgnores(dir, target);
      assert.equal(isGitignored(diskFiles(), join(dir, target)), expected);
      // And the fix adds the file's own entry exactly when it is not covered (it may add the
      // siblings env-gitignore requires either way).
      const added = coverWithGitignore(diskFiles(), join(dir, target)).flatMap((edit) => ("text" in edit ? edit.text.split(/\r?\n/) : []));
      assert.equal(added.some((line) => line === ".env.local" || line.endsWith("/.env.local")), !expected, added.join(" | "));
    });
  }

  // create-next-app's older template ignores `.env*.local` only. The code held a literal key and
  // read no secret env name, so env-gitignore did not ask for `.env`; once the fix makes it read
  // one, it does, and the fix adds it in the same edit (found on a real app by the fix invariant).
  it("a key moved into an ignored .env.local: the fix adds the `.env` env-gitignore will then require", () => {
    const dir = repo({ ".gitignore": "/node_modules\n.env*.local\n", "package.json": JSON.stringify({ dependencies: { next: "15.0.0" } }) });
    dirs.push(dir);
    const edits = coverWithGitignore(diskFiles(), join(dir, ".env.local"), undefined, "OPENAI_API_KEY");
    const added = edits.flatMap((edit) => ("text" in edit ? edit.text.split(/\r?\n/).filter((line) => line && !line.startsWith("#")) : []));
    assert.deepEqual(added, [".env"]);
    // A name that does not look like a secret (the user's own, reused): nothing more to ask for.
    assert.deepEqual(coverWithGitignore(diskFiles(), join(dir, ".env.local"), undefined, "MY_OPENAI"), []);
  });

  it("a Nuxt app (which loads `.env` only): moving a key into `.env` adds `.env` alone", () => {
    const dir = repo({ ".gitignore": "node_modules\n", "package.json": JSON.stringify({ dependencies: { nuxt: "3.0.0" } }) });
    dirs.push(dir);
    const added = coverWithGitignore(diskFiles(), join(dir, ".env"), undefined, "OPENAI_API_KEY").flatMap((edit) => ("text" in edit ? edit.text.split(/\r?\n/).filter((line) => line && !line.startsWith("#")) : []));
    assert.deepEqual(added, [".env"]);
  });

  it("reads unsaved .gitignore text through the ProjectFiles reader", () => {
    const dir = repo({ ".gitignore": "node_modules\n" });
    dirs.push(dir);
    const disk = diskFiles();
    const unsaved = { read: (file: string) => (file === join(dir, ".gitignore") ? "node_modules\n.env.local\n" : disk.read(file)) };
    assert.equal(isGitignored(disk, join(dir, ".env.local")), false);
    assert.equal(isGitignored(unsaved, join(dir, ".env.local")), true);
  });
});

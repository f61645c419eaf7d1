/**
 * Env files that only this machine's ignore files cover: core.excludesFile (set in git config, or
 * git's default `$XDG_CONFIG_HOME/git/ignore`) and, in a `git worktree`, the main clone's
 * `.git/info/exclude`. Each is committed from every other clone, so the report must say
 * "this clone only" as it does for a plain clone's .git/info/exclude. Real repositories and
 * worktrees, with HOME and XDG_CONFIG_HOME pointed at temp folders for git and for the engine.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findGitRepo, gitIgnoreVerdict } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { git, gitIgnores, lint, makeRepo, removeRepos, writeFile } from "./support";

const JS = { "package.json": "{}", "eslint.config.js": "export default [];\n", "src/index.js": "export const a = 1;\n" };
const CLONE_ONLY = /which protects this clone only/;

describe("env/.gitignore: files only this machine's excludes cover", () => {
  const saved = { ...process.env };
  let home: string;
  let xdg: string;

  beforeEach(() => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), "keyfence-home-")));
    home = join(base, "home");
    xdg = join(base, "xdg");
    mkdirSync(home, { recursive: true });
    mkdirSync(xdg, { recursive: true });
    delete process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_NOSYSTEM = "1";
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = xdg;
  });
  afterEach(() => {
    rmSync(join(home, ".."), { recursive: true, force: true });
    process.env = { ...saved };
  });
  after(removeRepos);

  it("says the default $XDG_CONFIG_HOME/git/ignore protects this clone only", async () => {
    writeFile(xdg, "git/ignore", ".env\n");
    const dir = makeRepo({ ...JS, ".gitignore": "*.local\n", ".env": "A=1\n" });
    assert.equal(gitIgnores(dir, ".env"), true, "git ignores it");
    const verdict = gitIgnoreVerdict(findGitRepo(dir)!, join(dir, ".env"));
    assert.deepEqual([verdict.ignored, verdict.thisCloneOnly], [true, true]);
    const [message, ...rest] = await lint(dir);
    assert.deepEqual(rest, []);
    assert.equal(message.messageId, "missingEnvEntries");
    assert.match(message.message, /`\.env` only in your global git excludes file \(core\.excludesFile\), which protects this clone only/);
  });

  it("follows core.excludesFile set in ~/.gitconfig (with ~)", async () => {
    writeFile(home, "my-ignores", ".env.local\n");
    writeFile(home, ".gitconfig", "[core]\n\texcludesFile = ~/my-ignores\n");
    writeFile(xdg, "git/ignore", "nothing-here\n");
    const dir = makeRepo({ ...JS, ".gitignore": ".env\n.env.*.local\n", ".env.local": "A=1\n" });
    assert.equal(git(dir, "status", "--porcelain", "--untracked-files=all").includes(".env.local"), false, "git itself ignores it");
    const [message] = await lint(dir);
    assert.match(message.message, /`\.env\.local` only in your global git excludes file/);
    assert.match(message.message, CLONE_ONLY);
  });

  it("follows core.excludesFile set in the repository's config", async () => {
    writeFile(home, "elsewhere/ignores", ".env\n");
    const dir = makeRepo({ ...JS, ".gitignore": "*.local\n", ".env": "A=1\n" });
    git(dir, "config", "core.excludesFile", join(home, "elsewhere", "ignores"));
    assert.equal(git(dir, "status", "--porcelain").includes(".env"), false, "git itself ignores it");
    const [message] = await lint(dir);
    assert.match(message.message, CLONE_ONLY);
  });

  it("reports a key in an env file only core.excludesFile ignores, with the note", async () => {
    writeFile(xdg, "git/ignore", ".env\n");
    const dir = makeRepo({ ...JS, ".gitignore": ".env.local\n.env.*.local\n", ".env": `GROQ_API_KEY=${fakeKey("groq")}\n` });
    const messages = await lint(dir);
    const key = messages.find((m) => m.file === ".env");
    assert.equal(key?.messageId, "keyNotIgnored");
    assert.match(key.message, /only your global git excludes file \(core\.excludesFile\) ignores it, which protects this clone only/);
  });

  it("says nothing about this clone when no excludes file covers the file", async () => {
    writeFile(xdg, "git/ignore", "*.log\n");
    const dir = makeRepo({ ...JS, ".gitignore": "*.local\n", ".env": "A=1\n" });
    const [message] = await lint(dir);
    assert.equal(message.messageId, "missingEnvEntries");
    assert.doesNotMatch(message.message, CLONE_ONLY);
  });

  it("reads the main clone's .git/info/exclude in a git worktree", async () => {
    const main = makeRepo({ ...JS, ".gitignore": "*.local\n" });
    git(main, "add", "-A");
    git(main, "commit", "-q", "-m", "init");
    writeFile(main, ".git/info/exclude", ".env\n");
    const worktree = `${main}-wt`;
    git(main, "worktree", "add", "-q", worktree);
    try {
      writeFile(worktree, ".env", "A=1\n");
      assert.equal(git(worktree, "status", "--porcelain").includes(".env"), false, "git ignores it in the worktree");
      const verdict = gitIgnoreVerdict(findGitRepo(worktree)!, join(worktree, ".env"));
      assert.deepEqual([verdict.ignored, verdict.thisCloneOnly, verdict.onlyIn], [true, true, ".git/info/exclude"]);
      const [message] = await lint(worktree);
      assert.match(message.message, /`\.env` only in \.git\/info\/exclude, which protects this clone only/);
    } finally {
      rmSync(worktree, { recursive: true, force: true });
    }
  });
});

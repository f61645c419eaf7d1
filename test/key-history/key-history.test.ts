/**
 * History-aware findings, on real git repositories in temp folders: a key in a commit, a key
 * only staged, a key git never saw, and no git at all. Engine level (findHardcodedKeys,
 * envFileKeyFindings) and ESLint level (the real ESLint class with configs.recommended).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { envFileKeyFindings } from "../../eslint-plugin/src/engine/env-files";
import { findHardcodedKeys } from "../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { clearKeyHistoryCache, keyHistory, pickaxePattern } from "../../eslint-plugin/src/engine/key-history/index";
import { messageOf } from "../../eslint-plugin/src/engine/rules";
import { redactKey } from "../../eslint-plugin/src/engine/redact";
import { fakeKey } from "../support/fake-keys";
import { git, lint, makeRepo, removeRepos, writeFile } from "../env/support";

const REVOKE = "https://platform.openai.com/api-keys";

function codeWithKey(key: string): string {
  return `const client = new OpenAI({ apiKey: "${key}" });\n`;
}

function findingsIn(dir: string, path: string, text: string) {
  return findHardcodedKeys(parseSource(join(dir, path), text)!);
}

/** The short id and date git gives the commit that holds `path` (what the message must name). */
function lastCommit(dir: string): { commit: string; date: string } {
  const [commit, date] = git(dir, "log", "-1", "--format=%h %cs").trim().split(" ");
  return { commit, date };
}

describe("history-aware findings", () => {
  beforeEach(() => clearKeyHistoryCache());
  after(() => removeRepos());

  it("names the commit and date when the key is already committed", () => {
    const key = fakeKey("openai", undefined, 31);
    const text = codeWithKey(key);
    const dir = makeRepo({ "src/app.ts": text }, { add: ["src/app.ts"] });
    git(dir, "commit", "-qm", "add client");
    const { commit, date } = lastCommit(dir);
    // Later commits do not hide where the key came in.
    writeFile(dir, "README.md", "docs\n");
    git(dir, "add", "README.md");
    git(dir, "commit", "-qm", "docs");
    const [finding] = findingsIn(dir, "src/app.ts", text);
    const message = messageOf(finding);
    assert.ok(message.includes(`Already committed in ${commit} on ${date}: moving it is not enough, rotate it now at `), message);
    assert.ok(message.includes(REVOKE), message);
    assert.ok(!message.includes(key), "the message never holds the key");
    assert.ok(!JSON.stringify(finding.data).includes(key), "the data never holds the key");
  });

  it("finds a key committed on another branch and since deleted from the work tree", () => {
    const key = fakeKey("openai", undefined, 32);
    const dir = makeRepo({ "old.ts": codeWithKey(key) }, { add: ["old.ts"] });
    git(dir, "commit", "-qm", "old");
    const { commit } = lastCommit(dir);
    git(dir, "rm", "-q", "old.ts");
    git(dir, "commit", "-qm", "removed");
    git(dir, "checkout", "-q", "-b", "side");
    const [finding] = findingsIn(dir, "src/new.ts", codeWithKey(key));
    assert.equal(finding.data.commit, commit);
  });

  it("says the key is staged when only the index holds it", () => {
    const key = fakeKey("openai", undefined, 33);
    const text = codeWithKey(key);
    const dir = makeRepo({ "src/app.ts": text }, { add: ["src/app.ts"] });
    const [finding] = findingsIn(dir, "src/app.ts", text);
    assert.equal(finding.data.historyState, "index");
    assert.match(messageOf(finding), /staged in git's index \(not committed yet\)/);
    assert.equal(finding.data.commit, undefined);
  });

  it("says git holds no copy when the key was never committed, even if another key shares its ends", () => {
    const key = fakeKey("openai", undefined, 34);
    const dir = makeRepo({ "README.md": "x\n" }, { add: ["README.md"] });
    // A different key with the same prefix, length and last four: the pickaxe pattern matches it,
    // the confirming `git grep` must not.
    const twin = key.slice(0, -8) + (key.slice(-8, -4) === "aaaa" ? "bbbb" : "aaaa") + key.slice(-4);
    assert.equal(redactKey(twin, "sk-proj-"), redactKey(key, "sk-proj-"));
    writeFile(dir, "other.ts", codeWithKey(twin));
    git(dir, "add", "other.ts");
    git(dir, "commit", "-qm", "twin");
    git(dir, "rm", "-q", "--cached", "other.ts");
    git(dir, "commit", "-qm", "untrack");
    const [finding] = findingsIn(dir, "src/app.ts", codeWithKey(key));
    assert.equal(finding.data.historyState, "nowhere");
    assert.match(messageOf(finding), /Git's history holds no copy of it; if it was ever shipped, revoke it at /);
  });

  it("says history was not checked outside a git repository and when git is missing", () => {
    const key = fakeKey("openai", undefined, 35);
    const dir = makeRepo({ "src/app.ts": codeWithKey(key) }, { git: false });
    const [outside] = findingsIn(dir, "src/app.ts", codeWithKey(key));
    assert.match(messageOf(outside), /\(history not checked: not in a git repository\)/);

    const repo = makeRepo({ "src/app.ts": codeWithKey(key) });
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const [noGit] = findingsIn(repo, "src/app.ts", codeWithKey(key));
      assert.match(messageOf(noGit), /\(history not checked: git is not installed or not on PATH\)/);
    } finally {
      process.env.PATH = path;
    }
  });

  it("tells an env file's reader when the key is already in a commit", () => {
    const key = fakeKey("openai", undefined, 36);
    const text = `OPENAI_API_KEY=${key}\n`;
    const dir = makeRepo({ ".env": text, ".gitignore": "node_modules\n" }, { add: [".env"] });
    git(dir, "commit", "-qm", "env");
    const { commit, date } = lastCommit(dir);
    const [finding] = envFileKeyFindings(join(dir, ".env"), text).filter((f) => f.messageId === "keyInTrackedFile");
    const message = messageOf(finding);
    assert.ok(message.includes(`Already committed in ${commit} on ${date}: moving it is not enough, rotate it now at ${REVOKE}`), message);
    assert.ok(!message.includes(key));
  });

  it("never puts the whole key on git's command line", () => {
    const key = fakeKey("openai", undefined, 37);
    const pattern = pickaxePattern(key, redactKey(key, "sk-proj-"));
    assert.ok(!pattern.includes(key.slice(8, -4)), pattern);
    assert.match(key, new RegExp(`^${pattern}$`));
  });

  it("says history was not fully checked when the time budget runs out", () => {
    const key = fakeKey("openai", undefined, 39);
    const dir = makeRepo({ "README.md": "x\n" }, { add: ["README.md"] });
    git(dir, "commit", "-qm", "one");
    const history = keyHistory(join(dir, "a.ts"), key, redactKey(key, "sk-proj-"), 1);
    assert.equal(history.found, "partial");
    assert.match(messageOf(findingsIn(dir, "a.ts", codeWithKey(key))[0]), /\(history not fully checked: git searched for 0\.0 s without reaching the oldest commit\)/);
    clearKeyHistoryCache();
    const [finding] = findingsIn(dir, "a.ts", codeWithKey(key));
    assert.equal(finding.data.historyState, "nowhere", "a full budget searches it all");
  });

  it("caches the answer per key until git's state changes", () => {
    const key = fakeKey("openai", undefined, 38);
    const text = codeWithKey(key);
    const dir = makeRepo({ "src/app.ts": text });
    const file = join(dir, "src/app.ts");
    const redacted = redactKey(key, "sk-proj-");
    assert.equal(keyHistory(file, key, redacted).found, "nowhere");
    git(dir, "add", "src/app.ts");
    assert.equal(keyHistory(file, key, redacted).found, "index");
    git(dir, "commit", "-qm", "now");
    assert.equal(keyHistory(file, key, redacted).found, "commit");
  });

  describe("in ESLint (configs.recommended)", () => {
    it("reports committed, staged and never-committed keys in code and env files", async () => {
      const committed = fakeKey("openai", undefined, 41);
      const staged = fakeKey("openai", undefined, 42);
      const fresh = fakeKey("openai", undefined, 43);
      const dir = makeRepo({ "package.json": "{}\n", "a.ts": codeWithKey(committed), ".gitignore": "node_modules\n" }, { add: ["a.ts"] });
      git(dir, "commit", "-qm", "a");
      const { commit, date } = lastCommit(dir);
      writeFile(dir, "b.ts", codeWithKey(staged));
      git(dir, "add", "b.ts");
      writeFile(dir, "c.ts", codeWithKey(fresh));
      writeFile(dir, ".env.example", `OPENAI_API_KEY=${committed}\n`);
      const messages = (await lint(dir)).filter((m) => m.ruleId === "keyfence/no-hardcoded-keys" || m.ruleId === "keyfence/no-committed-env-keys");
      const byFile = Object.fromEntries(messages.map((m) => [m.file, m.message]));
      assert.ok(byFile["a.ts"].includes(`Already committed in ${commit} on ${date}`), byFile["a.ts"]);
      assert.match(byFile["b.ts"], /staged in git's index/);
      assert.match(byFile["c.ts"], /Git's history holds no copy of it/);
      assert.ok(byFile[".env.example"].includes(`Already committed in ${commit} on ${date}`), byFile[".env.example"]);
      for (const m of messages) for (const key of [committed, staged, fresh]) assert.ok(!m.message.includes(key));
    });
  });
});

/**
 * A key commented out in an env file (`# GEMINI_API_KEY=…`) is still text in every copy of the
 * repository: reported in templates, tracked files and files git would commit, under its own
 * message; left alone in properly ignored local files. Real repositories, real ESLint.
 */
import assert from "node:assert/strict";
import { ESLint } from "eslint";
import { envFileComments, envFileKeyFindings } from "../../eslint-plugin/src/engine/env-files";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { lint, makeRepo, removeRepos, userConfig } from "./support";

const JS = { "package.json": "{}", "src/index.js": "export const a = 1;\n" };
const IGNORES = ".env\n.env.local\n.env.*.local\n";
const gemini = fakeKey("google-ai");
const openai = fakeKey("openai");

function texts(text: string): Array<[string, string]> {
  return envFileComments(text).map((c) => [text.slice(c.range.start, c.range.end), text.slice(c.removal.start, c.removal.end)]);
}

describe("env files: commented-out keys", () => {
  after(removeRepos);

  it("finds comment lines and comments after values, never text inside a quoted value", () => {
    const text = ["# one", "A=plain # two", 'B="multi', "# not a comment", 'line" # three', "  # four\r", "C='x#y'", "D=x#five"].join("\n");
    assert.deepEqual(texts(text), [
      ["# one", "# one\n"],
      ["# two", " # two"],
      ["# three", " # three"],
      ["# four", "  # four\r\n"],
      ["#five", "#five"],
    ]);
    // A lone CR ends a line as dotenv reads it.
    assert.deepEqual(texts("# a\rA=1\r# b"), [["# a", "# a\r"], ["# b", "# b"]]);
  });

  it("reports a commented-out key in a template, redacted, with a suggestion to delete the line", async () => {
    const text = `OPENAI_API_KEY=\n# GEMINI_API_KEY=${gemini}\nMODE=dev\n`;
    const dir = makeRepo({ ...JS, ".gitignore": IGNORES, ".env.example": text });
    clearGitignoreCache();
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig });
    const [result] = await eslint.lintFiles([".env.example"]);
    assert.equal(result.messages.length, 1);
    const [message] = result.messages;
    assert.deepEqual([message.ruleId, message.messageId, message.line, message.column], ["keyfence/no-committed-env-keys", "keyInComment", 2, 18]);
    assert.match(message.message, /in a comment in \.env\.example, a template meant to be committed: commenting a key out does not take it out/);
    assert.ok(!message.message.includes(gemini), "the message never shows the key");
    const start = "OPENAI_API_KEY=\n".length;
    assert.deepEqual(message.suggestions?.map((s) => [s.desc, s.fix]), [["Delete the comment", { range: [start, start + `# GEMINI_API_KEY=${gemini}\n`.length], text: "" }]]);
  });

  it("reports one in a tracked .env and in an env file git would commit; a trailing comment too", async () => {
    const dir = makeRepo(
      {
        ...JS,
        ".gitignore": ".env.local\n",
        ".env": `#OPENAI_API_KEY=${openai}\n`,
        ".env.staging": `MODE=dev # old: ${openai}\n`,
      },
      { add: [".env"] },
    );
    const messages = (await lint(dir)).filter((m) => m.messageId === "keyInComment");
    assert.deepEqual(messages.map((m) => `${m.file}:${m.line}`).sort(), [".env.staging:1", ".env:1"]);
    assert.match(messages.find((m) => m.file === ".env")!.message, /which git tracks, so the key is in the repository's history/);
    assert.match(messages.find((m) => m.file === ".env.staging")!.message, /which git would commit/);
  });

  it("reports a key on a line dotenv reads nothing from (Smartburme/burme-ai's `NAME:key`), with a suggestion to delete the line", async () => {
    const text = `MODE=dev\r\nGEMINI_API_KEY:${gemini}\r\n`;
    assert.deepEqual(texts(text), [[`GEMINI_API_KEY:${gemini}`, `GEMINI_API_KEY:${gemini}\r\n`]]);
    const dir = makeRepo({ ...JS, ".gitignore": IGNORES, ".env.local": text }, { add: [".env.local"] });
    const messages = (await lint(dir)).filter((m) => m.ruleId === "keyfence/no-committed-env-keys");
    assert.deepEqual(messages.map((m) => [m.file, m.messageId, m.line]), [[".env.local", "keyInUnreadLine", 2]]);
    assert.match(messages[0]!.message, /on a line of \.env\.local that dotenv reads no variable from .*which git tracks/);
    assert.ok(!messages[0]!.message.includes(gemini), "the message never shows the key");
  });

  it("leaves a commented-out key in a properly ignored local file alone", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": IGNORES, ".env.local": `# GEMINI_API_KEY=${gemini}\n` });
    assert.deepEqual((await lint(dir)).filter((m) => m.file === ".env.local"), []);
  });

  it("does not report a key in a quoted multi-line value twice", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": IGNORES, ".env.example": `NOTES="first\n# GEMINI_API_KEY=${gemini}\n"\n` });
    assert.deepEqual((await lint(dir)).map((m) => m.messageId), ["keyInTemplate"]);
  });

  // Bounds are generous for a loaded 2-core machine; a quadratic scan takes minutes at 1 MB.
  it("stays linear on 1 MB of commented-out keys and of `#` characters", () => {
    const line = `# OPENAI_API_KEY=${openai}\n`;
    const keys = line.repeat(Math.ceil((1024 * 1024) / line.length));
    let started = performance.now();
    assert.equal(envFileKeyFindings("/nowhere/.env.example", keys).length, keys.length / line.length);
    assert.ok(performance.now() - started < 10_000, `keys: ${Math.round(performance.now() - started)} ms`);
    const hashes = "A=1 " + "#".repeat(1024 * 1024) + "\n" + "# #\n".repeat(256 * 1024);
    started = performance.now();
    assert.equal(envFileComments(hashes).length, 1 + 256 * 1024);
    assert.ok(performance.now() - started < 3_000, `hashes: ${Math.round(performance.now() - started)} ms`);
  });
});

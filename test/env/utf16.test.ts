/**
 * UTF-16 env files, what Windows PowerShell 5 writes (`"OPENAI_API_KEY=…" > .env` is UTF-16 LE
 * with a byte order mark and CRLF; `-Encoding BigEndianUnicode` gives BE): read and reported like
 * any other env file, never skipped as binary, never rewritten by `--fix`. Real files, real ESLint.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { decodeTextBytes } from "../../eslint-plugin/src/engine/env-files";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos, userConfig } from "./support";

const JS = { "package.json": "{}", "src/index.js": "export const a = 1;\n" };

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

function utf16be(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
}

async function lintFiles(dir: string, files: string[], fix = false) {
  clearGitignoreCache();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig, fix });
  const results = await eslint.lintFiles(files);
  if (fix) await ESLint.outputFixes(results);
  return results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath.slice(dir.length + 1), ...m })));
}

describe("env files: UTF-16 (PowerShell 5)", () => {
  after(removeRepos);
  const key = fakeKey("openai");

  it("decodes UTF-8, UTF-16 LE and BE by their byte order mark, and still calls binary binary", () => {
    const text = `A=1\r\nOPENAI_API_KEY=${key}\r\n`;
    assert.equal(decodeTextBytes(utf16le(text)), text);
    assert.equal(decodeTextBytes(utf16be(text)), text);
    assert.equal(decodeTextBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), text);
    assert.equal(decodeTextBytes(Buffer.from(text)), text);
    assert.equal(decodeTextBytes(Buffer.from([0x41, 0x00, 0x42, 0x01])), undefined, "NULs without a BOM: binary");
    assert.equal(decodeTextBytes(utf16le("A\u0000B")), undefined, "UTF-16 holding NUL characters: binary");
    assert.equal(decodeTextBytes(Buffer.concat([utf16le("A=1"), Buffer.from([0x42])])), "A=1", "an odd last byte is dropped");
  });

  it("reports keys in UTF-16 LE and BE env files at the right line and column", async () => {
    // A few hundred KB before the key: the whole file is read, not a prefix.
    const filler = "# padding line\r\n".repeat(20_000);
    const dir = makeRepo({ ...JS, ".gitignore": ".env.local\n.env.*.local\n" });
    writeFileSync(join(dir, ".env"), utf16le(`${filler}MODE=dev\r\nOPENAI_API_KEY=${key}\r\n`));
    writeFileSync(join(dir, ".env.example"), utf16be(`# GEMINI_API_KEY=${fakeKey("google-ai")}\nOPENAI_API_KEY=${key}\n`));
    const messages = await lintFiles(dir, [".env", ".env.example"]);
    assert.deepEqual(
      messages.map((m) => [m.file, m.messageId, m.line, m.column]),
      [
        [".env", "keyNotIgnored", 20_002, 16],
        [".env.example", "keyInComment", 1, 18],
        [".env.example", "keyInTemplate", 2, 16],
      ],
    );
    assert.ok(messages.every((m) => !m.fix && !m.suggestions), "no edits computed on ESLint's UTF-8 reading");
  });

  it("leaves UTF-16 env files byte for byte under --fix", async () => {
    const bytes = utf16le(`OPENAI_API_KEY=${key}\r\n`);
    const dir = makeRepo({ ...JS, ".gitignore": "node_modules\n" });
    writeFileSync(join(dir, ".env.example"), bytes);
    const messages = await lintFiles(dir, ["."], true);
    assert.ok(messages.some((m) => m.file === ".env.example" && m.messageId === "keyInTemplate"));
    assert.deepEqual(readFileSync(join(dir, ".env.example")), bytes);
    assert.match(readFileSync(join(dir, ".gitignore"), "utf8"), /\.env\.local/, "KeyFence's own fix still applies elsewhere");
  });

  it("reads a .gitignore with a line appended in UTF-16 as git does: that line matches nothing, the others count (WinstonTa/CalHacks-2025, batch 65)", async () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", dotenv: "16" } }), "src/index.js": "export const a = 1;\n" });
    const appended = (lines: string) => Buffer.concat([Buffer.from(`node_modules\r\n${lines}`), Buffer.from("spark-cs/server/.env\r\n", "utf16le")]);
    writeFileSync(join(dir, ".gitignore"), appended(".env\r\n.env.local\r\n.env.*.local\r\n"));
    assert.deepEqual((await lintFiles(dir, ["."])).filter((m) => m.ruleId === "keyfence/env-gitignore"), []);
    const other = makeRepo({ "package.json": JSON.stringify({ dependencies: { express: "4", dotenv: "16" } }), "src/index.js": "export const a = 1;\n" });
    writeFileSync(join(other, ".gitignore"), appended(".env.local\r\n.env.*.local\r\n"));
    const before = readFileSync(join(other, ".gitignore"));
    const missing = (await lintFiles(other, ["."], true)).filter((m) => m.ruleId === "keyfence/env-gitignore");
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /`\.env`/);
    assert.deepEqual(readFileSync(join(other, ".gitignore")), before, "reported, never rewritten");
  });
});

/**
 * "Move key to .env" never writes a key into an env file git tracks: the next commit would carry
 * it (found by the fix invariant on a real Fastify app whose .env is committed). The env file's
 * own finding offers to stop tracking it; the move is offered again after that.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskFiles, moveKeyToEnvFile } from "../../../eslint-plugin/src/engine/fixes";
import { clearGitignoreCache } from "../../../eslint-plugin/src/engine/gitignore";
import { fakeKey } from "../../support/fake-keys";

const git = (dir: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: dir, stdio: "pipe" });

function nodeApp(trackEnv: boolean): { dir: string; file: string; text: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), "keyfence-move-tracked-"));
  git(dir, "init", "-q");
  const key = fakeKey("openai", undefined, 77);
  const text = `const client = new OpenAI({ apiKey: "${key}" });\n`;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ dependencies: { dotenv: "16.0.0", openai: "4.0.0" } }));
  writeFileSync(join(dir, "server.js"), text);
  writeFileSync(join(dir, ".env"), "PORT=3000\n");
  if (trackEnv) {
    git(dir, "add", ".env");
    git(dir, "commit", "-qm", "env");
  }
  clearGitignoreCache();
  return { dir, file: join(dir, "server.js"), text, key };
}

describe("fixes: move key to an env file git tracks", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  for (const tracked of [true, false]) {
    it(tracked ? "a tracked .env: no move offered" : "the same app with .env untracked: the move is offered, into .env", () => {
      const app = nodeApp(tracked);
      dirs.push(app.dir);
      const start = app.text.indexOf(`"${app.key}"`);
      const plan = moveKeyToEnvFile({
        file: app.file, text: app.text, literal: { start, end: start + app.key.length + 2 }, key: app.key, envVar: "OPENAI_API_KEY", files: diskFiles(), stopDir: app.dir,
      });
      if (tracked) assert.equal(plan, undefined);
      else assert.ok(plan?.edits.some((edit) => edit.file === join(app.dir, ".env")), JSON.stringify(plan?.title));
    });
  }
});

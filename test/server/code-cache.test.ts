/**
 * The server's entry point (extension/server/loader.cjs → dist/server.js) loads the bundle with
 * V8's code cache: written once per bundle and V8, used on the next start, and never in the way
 * (a damaged cache or an unusable cache folder still starts a working server). Over stdio.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

async function readyLine(client: LspClient): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const line = client.logs.find((l) => l.startsWith("keyfence-language-server ready"));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ready line: ${client.logs.join(" | ")}`);
}

describe("language server: V8 code cache", function () {
  this.timeout(60_000);
  let cache: string;
  let dir: string;

  before(() => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    cache = mkdtempSync(join(tmpdir(), "keyfence-code-cache-"));
    dir = makeRepo({ "package.json": "{}\n", ".gitignore": "node_modules\n" });
  });
  after(() => {
    rmSync(cache, { recursive: true, force: true });
    removeRepos();
  });

  /** Starts a server with `cacheDir`, checks it reports a key, returns its ready line. */
  async function start(cacheDir: string, name: string): Promise<{ client: LspClient; ready: string }> {
    const client = await startServer(dir, {}, {}, [dir], true, { KEYFENCE_CACHE_DIR: cacheDir, KEYFENCE_CACHE_WRITE_MS: "0" });
    const ready = await readyLine(client);
    const uri = `file://${join(dir, name)}`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "typescript", version: 1, text: `export const key = "${fakeKey("openai", undefined, 401)}";\n` },
    });
    const published = await client.diagnosticsWhere((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ["no-hardcoded-keys"]);
    return { client, ready };
  }

  const cacheFiles = () => readdirSync(cache).filter((f) => f.endsWith(".cache"));

  it("writes the cache on the first start and uses it on the next", async () => {
    const first = await start(cache, "first.ts");
    assert.match(first.ready, /code cache: none yet/);
    for (let i = 0; i < 200 && cacheFiles().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    await first.client.stop();
    assert.equal(cacheFiles().length, 1, readdirSync(cache).join(", "));
    const second = await start(cache, "second.ts");
    assert.match(second.ready, /code cache: used/);
    await second.client.stop();
    console.log(`      ${first.ready.replace(/^.*ready /, "first: ")}\n      ${second.ready.replace(/^.*ready /, "second: ")}`);
  });

  it("a damaged cache is rejected by V8 and the server works", async () => {
    for (const file of cacheFiles()) writeFileSync(join(cache, file), Buffer.alloc(4096, 7));
    const damaged = await start(cache, "damaged.ts");
    assert.match(damaged.ready, /code cache: rejected/);
    await damaged.client.stop();
  });

  it("a cache folder that cannot exist (a file is in its place) costs nothing but the cache", async () => {
    const blocked = join(cache, "not-a-folder");
    writeFileSync(blocked, "");
    const started = await start(join(blocked, "cache"), "blocked.ts");
    assert.match(started.ready, /code cache: none yet/);
    await new Promise((r) => setTimeout(r, 200));
    await started.client.stop();
  });
});

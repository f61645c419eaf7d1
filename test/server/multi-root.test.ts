/**
 * Multi-root workspaces: each folder's own `keyfence.*` settings (the client sends them under
 * `folders`, keyed by folder URI), over stdio with the built server. Folder A turns
 * no-hardcoded-keys off; folder B ignores `generated/`; a folder added
 * later gets its settings with the configuration change the client sends.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DidChangeConfigurationNotification, DidChangeWorkspaceFoldersNotification, DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import { fakeKey } from "../support/fake-keys";
import { startServer, type LspClient } from "./lsp-client";

describe("language server: per-folder settings in a multi-root workspace", function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const folder = (name: string) => join(root, name);
  const uri = (path: string) => `file://${path}`;
  const keyLine = (seed: number) => `export const key = "${fakeKey("anthropic", undefined, seed)}";\n`;
  const open = (path: string, text: string) =>
    client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(path), languageId: "typescript", version: 1, text } });
  const findingsOf = async (path: string, version = 1) =>
    (await client.diagnosticsWhere((p) => p.uri === uri(path) && p.version === version)).diagnostics.map((d) => String(d.code));

  before(async () => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    root = mkdtempSync(join(tmpdir(), "keyfence-multi-root-"));
    for (const name of ["a", "b", "c"]) {
      mkdirSync(join(root, name, "generated"), { recursive: true });
      writeFileSync(join(root, name, "package.json"), "{}\n");
    }
    const defaults = { debounceMs: 20 };
    const settings = {
      ...defaults,
      folders: {
        [uri(folder("a"))]: { ...defaults, rules: { "keyfence/no-hardcoded-keys": "off" } },
        [uri(folder("b"))]: { ...defaults, ignoredPaths: ["generated/"] },
      },
    };
    client = await startServer(folder("a"), settings, {}, [folder("a"), folder("b")]);
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("a rule one folder turns off still reports in the other folder", async () => {
    open(join(folder("a"), "key.ts"), keyLine(1));
    open(join(folder("b"), "key.ts"), keyLine(2));
    assert.deepEqual(await findingsOf(join(folder("a"), "key.ts")), []);
    assert.deepEqual(await findingsOf(join(folder("b"), "key.ts")), ["no-hardcoded-keys"]);
  });

  it("ignoredPaths apply relative to their own folder", async () => {
    open(join(folder("b"), "generated", "x.ts"), keyLine(5));
    assert.deepEqual(await findingsOf(join(folder("b"), "generated", "x.ts")), []);
  });

  it("a client that never sends folder changes still gets a working server (initialized handled in full)", async () => {
    const plain = await startServer(folder("b"), { debounceMs: 20 }, {}, [folder("b")], false);
    try {
      for (let i = 0; i < 200 && !plain.logs.some((l) => /^parser warmed up/.test(l)); i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(plain.logs.filter((l) => /failed/i.test(l)), []);
      assert.ok(plain.logs.some((l) => /^parser warmed up/.test(l)), plain.logs.join(" | "));
    } finally {
      await plain.stop();
    }
  });

  it("a folder added later gets the settings sent with it", async () => {
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uri(folder("c")), name: "c" }], removed: [] },
    });
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { keyfence: { debounceMs: 20, folders: { [uri(folder("c"))]: { enable: false } } } },
    });
    open(join(folder("c"), "key.ts"), keyLine(6));
    assert.deepEqual(await findingsOf(join(folder("c"), "key.ts")), []);
    // The change replaced the settings as a whole: A and B have no folder-specific settings now.
    open(join(folder("a"), "again.ts"), keyLine(7));
    open(join(folder("b"), "generated", "y.ts"), keyLine(8));
    assert.deepEqual(await findingsOf(join(folder("a"), "again.ts")), ["no-hardcoded-keys"]);
    assert.deepEqual(await findingsOf(join(folder("b"), "generated", "y.ts")), ["no-hardcoded-keys"]);
  });
});

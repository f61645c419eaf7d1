/**
 * The debounce decides when an edit's diagnostics show, not when its analysis starts: the server
 * starts a little before the debounce ends (by about twice the document's last analysis) and
 * holds the result until it ends, so a slow file's diagnostics show when the debounce says, not an
 * analysis later. Never before it: a burst of typing still yields one analysis, of the last text.
 * Over stdio with a plain LSP client; keys generated at run time.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import { LAST_ANALYSIS, type LastAnalysis } from "../../extension/server/src/protocol";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

// Long enough that the lead (at most half of it) dwarfs a late timer on a busy machine.
const DEBOUNCE_MS = 1_000;

describe("language server: the debounce and a slow analysis", function () {
  this.timeout(120_000);
  let dir: string;
  let client: LspClient;
  const uri = () => `file://${join(dir, "big.ts")}`;
  const change = (version: number, line: number, text: string) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(), version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }],
    });
  const lastAnalysis = () => client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri: uri() });

  before(async () => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    dir = makeRepo({ "package.json": "{}\n", ".gitignore": "node_modules\n" });
    client = await startServer(dir, { debounceMs: DEBOUNCE_MS });
    // A file whose analysis takes long enough to start measurably early: 30,000 lines (under the
    // 1 MB size cap, as the editor bench's).
    const lines = Array.from({ length: 30_000 }, (_, i) => `const v${i} = ${i};`);
    lines[20_000] = `export const apiKey = "${fakeKey("openai", undefined, 120)}";`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(), languageId: "typescript", version: 1, text: `${lines.join("\n")}\n` },
    });
    const opened = await client.diagnosticsWhere((p) => p.uri === uri() && p.version === 1, 60_000);
    assert.equal(opened.diagnostics.length, 1, "the key is reported: the file is analysed");
  });
  after(async () => {
    await client?.stop();
    removeRepos();
  });

  it("starts a slow file's analysis before the debounce ends and shows it when the debounce ends, not before", async () => {
    // The open's analysis was slow (a full parse and a client graph): v2's lead is the cap, half
    // the debounce, wide enough that a late timer on a busy machine still starts it early. v3's
    // lead is twice v2's analysis; a timer can fire late, never early, so only its start is bounded.
    let previousMs = Infinity;
    for (let version = 2; version <= 3; version++) {
      await change(version, 10_000, "// typed\n");
      const published = await client.diagnosticsWhere((p) => p.uri === uri() && p.version === version, 60_000);
      assert.equal(published.diagnostics[0]?.range.start.line, 20_000 + version - 1, "the key's line, moved by the typed lines");
      const timing = await lastAnalysis();
      assert.ok(timing?.receivedAt && timing.startedAt && timing.publishedAt && timing.heldMs !== undefined, JSON.stringify(timing));
      const takenUp = timing.startedAt - timing.receivedAt;
      assert.ok(timing.publishedAt - timing.receivedAt >= DEBOUNCE_MS - 2, `sent ${timing.publishedAt - timing.receivedAt} ms after the edit arrived: before the debounce ended`);
      const lead = Math.min(DEBOUNCE_MS / 2, 2 * previousMs);
      assert.ok(takenUp >= DEBOUNCE_MS - lead - 2, `taken up ${takenUp} ms after the edit arrived: earlier than the lead (${lead.toFixed(0)} ms) allows`);
      if (version === 2) assert.ok(takenUp < DEBOUNCE_MS, `taken up ${takenUp} ms after the edit arrived: not before the debounce ended (${timing.ms.toFixed(0)} ms analysis)`);
      console.log(`      v${version}: taken up ${takenUp} ms after the edit arrived, analysed in ${timing.ms.toFixed(0)} ms, held ${timing.heldMs} ms, sent ${timing.publishedAt - timing.receivedAt} ms after it arrived`);
      previousMs = timing.ms;
    }
  });

  it("an edit that arrives while an analysis runs or waits for the debounce: only the newer version is shown", async () => {
    // A document just opened: its first edit's lead is half the debounce (the open's analysis was
    // slow), so its analysis runs from about 500 ms and is held until 1,000 ms. The next edit is
    // sent at 750 ms, with about 250 ms to spare either side.
    const other = `file://${join(dir, "other.ts")}`;
    const lines = Array.from({ length: 30_000 }, (_, i) => `const w${i} = ${i};`);
    lines[20_000] = `export const apiKey = "${fakeKey("openai", undefined, 120)}";`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: other, languageId: "typescript", version: 1, text: `${lines.join("\n")}\n` },
    });
    await client.diagnosticsWhere((p) => p.uri === other && p.version === 1, 60_000);
    const opened = await client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri: other });
    assert.ok(opened && opened.ms >= DEBOUNCE_MS / 4, `the open's analysis took ${opened?.ms.toFixed(0)} ms: too fast to give the first edit a lead of half the debounce`);
    const before = client.published.length;
    const edit = (version: number, text: string) =>
      client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: other, version },
        contentChanges: [{ range: { start: { line: 5_000, character: 0 }, end: { line: 5_000, character: 0 } }, text }],
      });
    await edit(2, "// one\n");
    await new Promise((resolve) => setTimeout(resolve, (3 * DEBOUNCE_MS) / 4));
    await edit(3, "// two\n");
    await client.diagnosticsWhere((p) => p.uri === other && p.version === 3, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const versions = client.published.slice(before).filter((p) => p.uri === other).map((p) => p.version);
    assert.deepEqual(versions, [3], "v2's result, finished after v3 arrived, is not shown");
    assert.equal(client.logs.some((l) => /^analysed other\.ts v2:/.test(l)), false, "nor logged as sent");
  });

  it("an edit that arrives while an analysis runs past its debounce: the older result is not shown", async () => {
    // The analysis blocks the server; an edit sent meanwhile waits unread. A just-opened file is
    // analysed at once and slowly (a full parse of 30,000 lines), so an edit sent 100 ms later
    // arrives while it runs. Shown anyway, the open's diagnostics would sit on moved lines.
    const third = `file://${join(dir, "third.ts")}`;
    const lines = Array.from({ length: 30_000 }, (_, i) => `const x${i} = ${i};`);
    lines[20_000] = `export const apiKey = "${fakeKey("openai", undefined, 120)}";`;
    const before = client.published.length;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: third, languageId: "typescript", version: 1, text: `${lines.join("\n")}\n` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: third, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// typed\n" }],
    });
    const published = await client.diagnosticsWhere((p) => p.uri === third && p.version === 2, 60_000);
    assert.equal(published.diagnostics[0]?.range.start.line, 20_001, "the key's line, moved by the typed line");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const versions = client.published.slice(before).filter((p) => p.uri === third).map((p) => p.version);
    assert.deepEqual(versions, [2], "the open's result, finished after v2 arrived, is not shown");
  });
});

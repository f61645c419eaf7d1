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
    for (let version = 2; version <= 3; version++) {
      await change(version, 10_000, "// typed\n");
      const published = await client.diagnosticsWhere((p) => p.uri === uri() && p.version === version, 60_000);
      assert.equal(published.diagnostics[0]?.range.start.line, 20_000 + version - 1, "the key's line, moved by the typed lines");
      const timing = await lastAnalysis();
      assert.ok(timing?.receivedAt && timing.startedAt && timing.publishedAt && timing.heldMs !== undefined, JSON.stringify(timing));
      assert.ok(timing.publishedAt - timing.receivedAt >= DEBOUNCE_MS - 2, `sent ${timing.publishedAt - timing.receivedAt} ms after the edit arrived: before the debounce ended`);
      // The lead is twice the previous analysis of this document (the open's, then the last edit's).
      assert.ok(timing.startedAt - timing.receivedAt < DEBOUNCE_MS, `taken up ${timing.startedAt - timing.receivedAt} ms after the edit arrived: not before the debounce ended (${timing.ms.toFixed(0)} ms analysis)`);
      assert.ok(timing.startedAt - timing.receivedAt >= DEBOUNCE_MS / 2 - 2, "never earlier than half the debounce");
      console.log(`      v${version}: taken up ${timing.startedAt - timing.receivedAt} ms after the edit arrived, analysed in ${timing.ms.toFixed(0)} ms, held ${timing.heldMs} ms, sent ${timing.publishedAt - timing.receivedAt} ms after it arrived`);
    }
  });

  it("an edit that arrives while a finished analysis waits for the debounce: only the newer version is shown", async () => {
    const before = client.published.length;
    await change(4, 5_000, "// one\n");
    const previous = await lastAnalysis();
    // Wait until the analysis of v4 has surely started (it starts at least 2 × its last analysis
    // before the debounce ends) and is being held, then edit again.
    const lead = Math.min(DEBOUNCE_MS / 2, 2 * (previous?.ms ?? 0));
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS - lead / 4));
    await change(5, 5_000, "// two\n");
    await client.diagnosticsWhere((p) => p.uri === uri() && p.version === 5, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const versions = client.published.slice(before).filter((p) => p.uri === uri()).map((p) => p.version);
    assert.deepEqual(versions, [5], "v4's result, finished after v5 arrived, is not shown");
    const analysedV4 = client.logs.some((l) => /^analysed big\.ts v4:/.test(l));
    assert.equal(analysedV4, false, "nor logged as sent");
  });
});

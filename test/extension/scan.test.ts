/** KeyFence: Scan Workspace on 5,000 files, and what it skips. */
import * as assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import { hostLag, keyfence, report } from "./helpers";
import { closeAll, fakeKey, keyfenceDiagnostics, project, until } from "./support";

describe("workspace scan", () => {
  afterEach(closeAll);

  it("scans 5,000 files, reports findings in Problems and says what it skipped", async function () {
    this.timeout(120_000);
    const api = await keyfence();
    const key = fakeKey("groq", 51);
    const p = project("scan-5k", {
      ".gitignore": "generated/\n",
      "generated/leak.ts": `export const k = "${key}";\n`,
      "node_modules/pkg/index.js": `module.exports = "${key}";\n`,
      "assets/logo.png": "\u0000PNG",
      "data/blob.json": "\u0000binary",
      "big/huge.ts": `export const k = "${key}";\n` + "// filler\n".repeat(120_000),
    });
    for (let i = 0; i < 5000; i++) {
      const dir = join(p.dir, "src", `m${Math.floor(i / 100)}`);
      if (i % 100 === 0) mkdirSync(dir, { recursive: true });
      const leak = i % 1000 === 7 ? `export const groqKey = "${fakeKey("groq", 1000 + i)}";\n` : "";
      writeFileSync(join(dir, `f${i}.ts`), `${leak}export function f${i}(x: number) {\n  return x + ${i};\n}\n`);
    }
    const { result: summary, longestBlockMs } = await hostLag(() => api.scanWorkspace({ quiet: true }));
    assert.ok(summary && !summary.cancelled);
    report(
      `workspace scan: ${summary.files} files in ${(summary.ms / 1000).toFixed(2)} s; ${summary.findings} findings; skipped ${JSON.stringify(summary.skipped)}; ` +
        `longest extension-host block meanwhile ${longestBlockMs.toFixed(0)} ms`,
    );
    assert.ok(summary.files >= 5000);
    assert.ok(summary.skipped.gitignored >= 1 && summary.skipped.nodeModules >= 1 && summary.skipped.binary >= 2 && summary.skipped.tooLarge >= 1);
    // Published by the server before its answer; the client hands them to VS Code on its own schedule.
    const neverOpened = vscode.Uri.file(join(p.dir, "src/m0/f7.ts"));
    await until("a file never opened to be in Problems", () => keyfenceDiagnostics(neverOpened).length > 0).catch(() => undefined);
    assert.equal(keyfenceDiagnostics(neverOpened).length, 1, "a file never opened is in Problems");
    // The language status item's count: every finding the scan published.
    await until("the status count to include the scan's findings", () => api.findingsCount() >= summary.findings).catch(() => undefined);
    assert.ok(api.findingsCount() >= summary.findings, `status count ${api.findingsCount()}, scan found ${summary.findings}`);
    assert.equal(keyfenceDiagnostics(vscode.Uri.file(p.path("generated/leak.ts"))).length, 0, "gitignored");
  });
});

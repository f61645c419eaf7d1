import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { keyfence, report } from "./helpers";
import { diagnosticsOf, fakeKey, keyfenceDiagnostics, project, until } from "./support";

describe("KeyFence extension", () => {
  it("activates from the packed .vsix, registers its commands and starts the language server", async () => {
    const api = await keyfence();
    await api.ready;
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("keyfence.scanWorkspace"));
    assert.ok(commands.includes("keyfence.stopTrackingEnvFile"));
    assert.ok(commands.includes("keyfence.restartServer"));
    report(
      `activation: ${api.activationMs.toFixed(1)} ms in activate(); ${api.loadAndActivationMs?.toFixed(1)} ms from loading extension.js ` +
        `to the end of activate(); the language server answered initialize ${api.serverStartMs()?.toFixed(0)} ms after activation`,
    );
  });

  it("KeyFence: Restart Server starts a new server, which reports again", async () => {
    const key = fakeKey("anthropic", 41);
    const p = project("restart", { "app.ts": `export const key = "${key}";\n` });
    const before = await diagnosticsOf(p.path("app.ts"));
    assert.equal(before.length, 1);
    const api = await keyfence();
    const previous = await api.lastAnalysis(vscode.Uri.file(p.path("app.ts")));
    const ms = await vscode.commands.executeCommand<number>("keyfence.restartServer");
    // The new server knows nothing of the old one's analyses until it analyses the open file again.
    let again = await api.lastAnalysis(vscode.Uri.file(p.path("app.ts")));
    for (const deadline = Date.now() + 30_000; !again && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
      again = await api.lastAnalysis(vscode.Uri.file(p.path("app.ts")));
    }
    assert.ok(again && again.version >= (previous?.version ?? 1), "the new server analysed the open file");
    await until("the key's diagnostic after the restart", () => keyfenceDiagnostics(vscode.Uri.file(p.path("app.ts"))).length === 1);
    report(`restart: the new server answered initialize ${ms.toFixed(0)} ms after the command`);
  });
});

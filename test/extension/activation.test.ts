import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { keyfence, report } from "./helpers";

describe("KeyFence extension", () => {
  it("activates from the packed .vsix, registers its commands and starts the language server", async () => {
    const api = await keyfence();
    await api.ready;
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("keyfence.scanWorkspace"));
    assert.ok(commands.includes("keyfence.stopTrackingEnvFile"));
    report(
      `activation: ${api.activationMs.toFixed(1)} ms in activate(); ${api.loadAndActivationMs?.toFixed(1)} ms from loading extension.js ` +
        `to the end of activate(); the language server answered initialize ${api.serverStartMs()?.toFixed(0)} ms after activation`,
    );
  });
});

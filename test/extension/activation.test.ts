import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { keyfence, report } from "./helpers";

describe("KeyFence extension", () => {
  it("activates from the packed .vsix and registers its commands", async () => {
    const api = await keyfence();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("keyfence.scanWorkspace"));
    assert.ok(commands.includes("keyfence.stopTrackingEnvFile"));
    report(
      `activation: ${api.activationMs.toFixed(1)} ms in activate(); ${api.loadAndActivationMs?.toFixed(1)} ms from loading extension.js ` +
        `to the end of activate(); the engine bundle loads on first use in ${api.engineLoadMs()?.toFixed(0) ?? "(not yet loaded)"} ms`,
    );
  });
});

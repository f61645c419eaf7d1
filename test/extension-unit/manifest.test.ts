/**
 * The extension manifest (root package.json) as the Marketplace and Restricted Mode read it:
 * every setting that could silence KeyFence or run workspace code is restricted in untrusted
 * workspaces, and the Marketplace gets its own README, an icon and a changelog in the .vsix.
 */
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  icon: string;
  keywords: string[];
  scripts: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
};

/** Settings that only change when, not whether, KeyFence reports. */
const HARMLESS = new Set(["keyfence.debounceMs"]);

describe("extension manifest", () => {
  it("restricts, in untrusted workspaces, every setting that could silence KeyFence or run code", () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, "limited");
    const settings = Object.keys(manifest.contributes.configuration.properties).filter((name) => !HARMLESS.has(name));
    assert.ok(settings.includes("keyfence.useEslintConfig"));
    assert.deepEqual([...(trust.restrictedConfigurations ?? [])].sort(), settings.sort());
  });

  it("lets each folder of a multi-root workspace set what KeyFence reports (resource scope); the typing delay is the window's", () => {
    const { properties } = manifest.contributes.configuration;
    for (const [name, setting] of Object.entries(properties)) {
      assert.equal(setting.scope, HARMLESS.has(name) ? "window" : "resource", name);
    }
  });

  it("packages the Marketplace README, a 128x128 PNG icon and the changelog", () => {
    for (const script of ["package", "test:ui"]) assert.match(manifest.scripts[script], /--readme-path extension\/MARKETPLACE\.md/);
    assert.ok(existsSync(join(ROOT, "extension/MARKETPLACE.md")));
    assert.ok(existsSync(join(ROOT, "CHANGELOG.md")));
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString("ascii"), "PNG");
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const ignore = readFileSync(join(ROOT, ".vscodeignore"), "utf8").split("\n");
    for (const file of [manifest.icon, "CHANGELOG.md"]) assert.ok(ignore.includes(`!${file}`), `${file} is left out of the .vsix`);
    assert.ok(manifest.keywords.length >= 5);
  });
});

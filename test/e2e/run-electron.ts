/**
 * The same extension-host suite under @vscode/test-electron, for machines that can download
 * VS Code (this one cannot: see /work/shared/vscode-e2e.md). Installs the packed .vsix into a
 * throw-away extensions folder and runs out/test/extension/index.js against it.
 *   npx tsx test/e2e/run-electron.ts        (after: node extension/build.mjs --tests && npm run package)
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from "@vscode/test-electron";
import { REPO, SEED, VSIX } from "./code-server";

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "keyfence-electron-"));
  const [userData, extensions, workspace] = ["user-data", "extensions", "workspace"].map((name) => join(root, name));
  for (const dir of [userData, extensions, workspace, join(userData, "User")]) mkdirSync(dir, { recursive: true });
  cpSync(SEED, workspace, { recursive: true });
  writeFileSync(
    join(userData, "User/settings.json"),
    JSON.stringify({ "security.workspace.trust.enabled": false, "typescript.tsserver.useSyntaxServer": "always", "update.mode": "none" }),
  );
  const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.KEYFENCE_VSCODE_VERSION ?? "1.99.3");
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  execFileSync(cli, [...cliArgs, "--extensions-dir", extensions, "--install-extension", VSIX], { stdio: "inherit" });
  const installed = readdirSync(extensions).find((name) => name.startsWith("keyfence.keyfence-"));
  if (!installed) throw new Error("the .vsix did not install");
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: join(extensions, installed),
    extensionTestsPath: join(REPO, "out/test/extension/index.js"),
    launchArgs: [workspace, "--user-data-dir", userData, "--extensions-dir", extensions, "--disable-workspace-trust"],
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

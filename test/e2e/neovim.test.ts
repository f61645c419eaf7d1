/**
 * KeyFence's language server in a second real editor: Debian's Neovim, headless, runs
 * test/e2e/neovim/keyfence.lua against the built `keyfence-language-server --stdio` on a temp
 * project with a generated key: diagnostic shown, code actions listed, the move-to-.env fix
 * applied through Neovim's own workspace-edit code, files written, finding gone.
 * Run by scripts/e2e/run.mjs (the editor tests); scripts/e2e/install-code-server.sh installs nvim.
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeKey } from "../support/fake-keys";

const root = join(__dirname, "../..");
const server = join(root, "extension/dist/server.js");

describe("Neovim runs keyfence-language-server --stdio", function () {
  this.timeout(120_000);
  let project: string;

  before(() => {
    if (!existsSync(server)) execFileSync(process.execPath, [join(root, "extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    project = mkdtempSync(join(tmpdir(), "keyfence-nvim-"));
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it("shows the key, offers the fixes, and the move-to-.env fix leaves no finding", () => {
    const key = fakeKey("openai", undefined, 4242);
    mkdirSync(join(project, "src"));
    writeFileSync(join(project, "package.json"), '{ "name": "nvim-app", "dependencies": { "openai": "^4.0.0" } }\n');
    writeFileSync(join(project, ".gitignore"), "node_modules\n");
    writeFileSync(join(project, "src/ai.ts"), `import OpenAI from "openai";\n\nexport const openai = new OpenAI({ apiKey: "${key}" });\n`);
    execFileSync("git", ["init", "-q"], { cwd: project });

    const outFile = join(project, "..", `${project.split("/").pop()}-result.json`);
    const run = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(__dirname, "neovim/keyfence.lua")}`], {
      cwd: project,
      env: { ...process.env, KEYFENCE_NVIM_OUT: outFile, KEYFENCE_PROJECT: project, KEYFENCE_NODE: process.execPath, KEYFENCE_SERVER: server },
      encoding: "utf8",
      timeout: 90_000,
    });
    assert.equal(run.error, undefined, `nvim could not run (install it: scripts/e2e/install-code-server.sh): ${run.error?.message}`);
    const result = JSON.parse(readFileSync(outFile, "utf8")) as {
      error?: string; firstDiagnosticsMs?: number; diagnostics?: { line: number; source: string; code: string; message: string }[];
      actions?: string[]; applied?: string; moveHasEdit?: boolean; diagnosticsAfterFix?: number;
    };
    rmSync(outFile, { force: true });
    assert.equal(result.error, undefined, result.error);
    console.log(`      Neovim ${execFileSync("nvim", ["--version"], { encoding: "utf8" }).split("\n")[0]}: first diagnostics ${result.firstDiagnosticsMs?.toFixed(0)} ms after starting the server`);

    assert.equal(result.diagnostics?.length, 1, JSON.stringify(result.diagnostics));
    const [diagnostic] = result.diagnostics!;
    assert.equal(diagnostic.line, 2);
    assert.equal(diagnostic.source, "KeyFence");
    assert.equal(diagnostic.code, "no-hardcoded-keys");
    assert.ok(!diagnostic.message.includes(key), "the message never shows the whole key");

    assert.ok(result.actions?.includes("Disable keyfence/no-hardcoded-keys for this line"), result.actions?.join(" | "));
    assert.equal(result.moveHasEdit, true, `a move-to-.env fix with its edit: ${result.actions?.join(" | ")}`);
    assert.ok(result.applied);
    const code = readFileSync(join(project, "src/ai.ts"), "utf8");
    assert.ok(!code.includes(key), code);
    assert.match(code, /apiKey: process\.env\.OPENAI_API_KEY/);
    // Created through Neovim's own workspace-edit code (it lists "create" without documentChanges).
    // A plain Node project (no framework) reads .env, so that is where the key goes, git-ignored.
    assert.equal(result.applied, "Move key to .env as OPENAI_API_KEY");
    assert.match(readFileSync(join(project, ".env"), "utf8"), new RegExp(`^OPENAI_API_KEY=${key}$`, "m"));
    assert.match(readFileSync(join(project, ".gitignore"), "utf8"), /^\.env$/m);
    assert.equal(result.diagnosticsAfterFix, 0);
  });
});

/**
 * Runs a real VS Code (code-server 4.99.4 = VS Code 1.99.3) with the packed KeyFence .vsix
 * installed, in a throw-away home, and drives it with Debian's Chromium through playwright-core.
 * See scripts/e2e/install-code-server.sh for what has to be installed first.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const REPO = resolve(__dirname, "../..");
export const VSIX = join(REPO, "keyfence.vsix");
/** Projects on disk before VS Code opens the workspace (see that folder's README). */
export const SEED = join(REPO, "test/fixtures/e2e-workspace");
const TOOLS = process.env.KEYFENCE_E2E_DIR ?? "/opt/keyfence-e2e";
const CODE_SERVER = join(TOOLS, "node_modules/.bin/code-server");
const CHROMIUM = process.env.KEYFENCE_CHROMIUM ?? "/usr/bin/chromium";

export interface Session {
  root: string;
  workspace: string;
  extensionDir: string;
  port: number;
  url(query?: Record<string, string>): string;
  browser: Browser;
  page: Page;
  /** Lines the server printed, for diagnosing failures. */
  log: string[];
  close(): Promise<void>;
}

const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "typescript.disableAutomaticTypeAcquisition": true,
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "chat.commandCenter.enabled": false,
  "git.enabled": false,
  "files.autoSave": "off",
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on("error", fail);
  });
}

export function checkTools(): void {
  const missing = [
    !existsSync(CODE_SERVER) && `code-server (${CODE_SERVER})`,
    !existsSync(CHROMIUM) && `Chromium (${CHROMIUM})`,
    !existsSync(VSIX) && `the packed extension (${VSIX}: run npm run package)`,
  ].filter(Boolean);
  if (missing.length) {
    throw new Error(`Missing ${missing.join(", ")}. Run: sudo bash scripts/e2e/install-code-server.sh`);
  }
}

export interface SessionOptions {
  settings?: Record<string, unknown>;
  /** A folder copied into the workspace before VS Code opens it. */
  seed?: string;
  width?: number;
  height?: number;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  checkTools();
  const root = mkdtempSync(join(process.env.KEYFENCE_E2E_TMP ?? tmpdir(), "keyfence-e2e-"));
  const dirs = {
    home: join(root, "home"),
    userData: join(root, "user-data"),
    extensions: join(root, "extensions"),
    workspace: join(root, "workspace"),
    tmp: join(root, "tmp"),
    chrome: join(root, "chrome"),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  if (options.seed) cpSync(options.seed, dirs.workspace, { recursive: true });
  writeFileSync(join(dirs.userData, "User/settings.json"), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, ".config"),
    XDG_DATA_HOME: join(dirs.home, ".local/share"),
    TMPDIR: dirs.tmp,
    KEYFENCE_E2E_ROOT: root,
  };
  const common = ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
  execFileSync(CODE_SERVER, [...common, "--install-extension", VSIX], { env, stdio: "pipe" });
  const installed = readdirSync(dirs.extensions).find((name) => name.startsWith("keyfence.keyfence-"));
  if (!installed) throw new Error("code-server did not install keyfence.vsix");
  const extensionDir = join(dirs.extensions, installed);

  const port = await freePort();
  const log: string[] = [];
  const server: ChildProcess = spawn(
    CODE_SERVER,
    ["--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry", "--disable-update-check",
      "--disable-workspace-trust", "--disable-getting-started-override", ...(process.env.KEYFENCE_E2E_LOG ? ["--log", process.env.KEYFENCE_E2E_LOG] : []), ...common, dirs.workspace],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout!.on("data", (d: Buffer) => log.push(d.toString()));
  server.stderr!.on("data", (d: Buffer) => log.push(d.toString()));
  const stopServer = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  try {
    await waitForHealth(port);
  } catch (error) {
    stopServer();
    throw new Error(`${(error as Error).message}\n${log.join("")}`);
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 } });
  const page = await context.newPage();
  return {
    root,
    workspace: dirs.workspace,
    extensionDir,
    port,
    browser,
    page,
    log,
    url(query = {}) {
      const params = new URLSearchParams({ folder: dirs.workspace, ...query });
      return `http://127.0.0.1:${port}/?${params.toString()}`;
    },
    async close() {
      await browser.close().catch(() => undefined);
      stopServer();
      if (!process.env.KEYFENCE_E2E_KEEP) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within 30 s`);
}

/** The workbench URL that runs a mocha suite inside the extension host (the `payload` trick). */
export function testPayload(session: Session, extensionTestsPath: string): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${session.port}${path}`;
  return JSON.stringify([
    ["extensionDevelopmentPath", remote(session.extensionDir)],
    ["extensionTestsPath", remote(extensionTestsPath)],
  ]);
}

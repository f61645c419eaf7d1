/**
 * Editor and CI agree: the language server applies the project's own ESLint config for
 * `keyfence/*` rules (off, severity, options) in a trusted workspace, and the defaults when the
 * workspace is untrusted (without running its config) or the config throws. A real ESLint runs:
 * the temp project links the repository's node_modules (eslint, eslint-plugin-keyfence).
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import {
  DiagnosticSeverity, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType, type Diagnostic,
} from "vscode-languageserver-protocol/node";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

const ALLOWED_KEY = fakeKey("openai", undefined, 301);
const REPORTED_KEY = fakeKey("anthropic", undefined, 302);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** A browser file of a Next.js app with two keys and a server secret read: three findings under the defaults. */
const APP = [
  `"use client";`,
  `const openai = "${ALLOWED_KEY}";`,
  `const anthropic = "${REPORTED_KEY}";`,
  `export const secret = process.env.STRIPE_SECRET_KEY;`,
  ``,
].join("\n");

/** A committed-looking env file: no-committed-env-keys and env-gitignore report it under the defaults. */
const ENV = `OPENAI_API_KEY=${fakeKey("openai", undefined, 303)}\n`;

/**
 * The project's config: one rule off, one at "warn" with an `allow` option; in env files the
 * processor's severities (which ESLint applies there, whatever `rules` says). It leaves a mark when it runs.
 */
const CONFIG = `import { writeFileSync } from "node:fs";
import keyfence from "eslint-plugin-keyfence";
writeFileSync(new URL("./config-ran", import.meta.url), "");
export default [
  keyfence.configs.recommended,
  { files: ["**/.env"], processor: keyfence.envFilesProcessor({ "no-committed-env-keys": "warn", "env-gitignore": "off" }) },
  {
    rules: {
      "keyfence/no-committed-env-keys": "off",
      "keyfence/no-client-secrets": "off",
      "keyfence/no-hardcoded-keys": ["warn", { allow: [${JSON.stringify(`${escape(ALLOWED_KEY.slice(-8))}$`)}] }],
    },
  },
];
`;

function project(config: string): string {
  const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0" } }), ".gitignore": "node_modules\n", "eslint.config.mjs": config, "app.tsx": APP, ".env": ENV });
  // The project's own ESLint and plugin, resolved from the project's folder as in a real install.
  symlinkSync(join(__dirname, "../../node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

async function diagnosticsOf(dir: string, options: Record<string, unknown>, settings: Record<string, unknown> = {}): Promise<{ diagnostics: Diagnostic[]; env: Diagnostic[]; client: LspClient }> {
  const client = await startServer(dir, { debounceMs: 0, ...settings }, options);
  const opened = async (name: string, languageId: string, text: string) => {
    const uri = `file://${join(dir, name)}`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return (await client.diagnosticsWhere((p) => p.uri === uri && p.version === 1, 30_000)).diagnostics;
  };
  return { diagnostics: await opened("app.tsx", "typescriptreact", APP), env: await opened(".env", "dotenv", ENV), client };
}

/** rule, line (1-based), severity: what both hosts are compared on. */
const summary = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${String(d.code)}:${d.range.start.line + 1}:${d.severity === DiagnosticSeverity.Error ? "error" : "warning"}`).sort();

const DEFAULTS = ["no-client-secrets:4:error", "no-hardcoded-keys:2:error", "no-hardcoded-keys:3:error"];
const ENV_DEFAULTS = ["no-committed-env-keys:1:error"];

describe("language server: the project's ESLint config for keyfence/* rules", function () {
  this.timeout(120_000);
  const clients: LspClient[] = [];

  before(() => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });
  after(() => removeRepos());

  it("trusted: follows the config (rule off, warn, allow) exactly as ESLint reports the same file", async () => {
    const dir = project(CONFIG);
    const { diagnostics, env, client } = await diagnosticsOf(dir, { trusted: true });
    clients.push(client);
    assert.deepEqual(summary(diagnostics), ["no-hardcoded-keys:3:warning"], JSON.stringify(client.logs));
    assert.deepEqual(summary(env), ["no-committed-env-keys:1:warning"], JSON.stringify(client.logs));

    // CI: the same project linted by the same ESLint.
    const results = await new ESLint({ cwd: dir }).lintFiles(["app.tsx", ".env"]);
    const ci = (name: string) =>
      results.find((r) => r.filePath === join(dir, name))!.messages.map((m) => `${String(m.ruleId).replace(/^keyfence\//, "")}:${m.line}:${m.severity === 2 ? "error" : "warning"}`).sort();
    assert.deepEqual(summary(diagnostics), ci("app.tsx"));
    assert.deepEqual(summary(env), ci(".env"));
  });

  it("a changed config applies to open files once the change is seen (no restart)", async () => {
    const dir = project(CONFIG);
    const { diagnostics, client } = await diagnosticsOf(dir, { trusted: true });
    clients.push(client);
    assert.deepEqual(summary(diagnostics), ["no-hardcoded-keys:3:warning"]);
    const published = client.published.length;
    writeFileSync(join(dir, "eslint.config.mjs"), CONFIG.replace(`"keyfence/no-client-secrets": "off",`, "").replace(`["warn",`, `["error",`));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${join(dir, "eslint.config.mjs")}`, type: FileChangeType.Changed }] });
    const uri = `file://${join(dir, "app.tsx")}`;
    const after = await client.diagnosticsWhere((p) => p.uri === uri && client.published.indexOf(p) >= published, 30_000);
    assert.deepEqual(summary(after.diagnostics), ["no-client-secrets:4:error", "no-hardcoded-keys:3:error"]);
  });

  it("untrusted: the defaults, and the project's config never runs", async () => {
    const dir = project(CONFIG);
    const { diagnostics, env, client } = await diagnosticsOf(dir, { trusted: false });
    clients.push(client);
    assert.deepEqual(summary(diagnostics), DEFAULTS);
    assert.deepEqual(summary(env), ENV_DEFAULTS);
    assert.equal(existsSync(join(dir, "config-ran")), false, "an untrusted workspace's eslint.config ran");
  });

  it("keyfence.useEslintConfig off: the defaults even when trusted", async () => {
    const dir = project(CONFIG);
    const { diagnostics, client } = await diagnosticsOf(dir, { trusted: true }, { useEslintConfig: false });
    clients.push(client);
    assert.deepEqual(summary(diagnostics), DEFAULTS);
    assert.equal(existsSync(join(dir, "config-ran")), false);
  });

  it("a config that throws: the defaults, one log line, and the server keeps serving", async () => {
    const dir = project(`throw new Error("broken on purpose");\n`);
    const { diagnostics, client } = await diagnosticsOf(dir, { trusted: true });
    clients.push(client);
    assert.deepEqual(summary(diagnostics), DEFAULTS);
    const lines = client.logs.filter((line) => line.includes("default rule settings"));
    assert.equal(lines.length, 1, JSON.stringify(client.logs));
    assert.match(lines[0], /failed to load.*broken on purpose/);
  });

  it("a config that never finishes loading: the defaults after the time box, once for all files", async function () {
    this.timeout(180_000);
    const dir = project(`await new Promise(() => {});\nexport default [];\n`);
    const { diagnostics, env, client } = await diagnosticsOf(dir, { trusted: true });
    clients.push(client);
    assert.deepEqual(summary(diagnostics), DEFAULTS);
    assert.deepEqual(summary(env), ENV_DEFAULTS);
    const lines = client.logs.filter((line) => line.includes("default rule settings"));
    assert.equal(lines.length, 1, JSON.stringify(client.logs));
    assert.match(lines[0], /no answer within \d+ ms/);
  });
});

/**
 * One resolver: on a monorepo, ESLint (the real ESLint API, native oxc-resolver) and the built
 * `keyfence-language-server --stdio` (oxc-resolver's wasm build) follow the same imports and so
 * report the same findings. The app's client files reach a secret only through what the old JS
 * stand-in did not know: a package's `imports` (`#config`), its `exports` conditions, and
 * tsconfig `paths` inherited through `extends` from a workspace package; and both still follow
 * relative imports under a tsconfig whose `extends` is not installed.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { symlinkSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { ESLint } from "eslint";
import { DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import plugin from "../../eslint-plugin/src/index";
import { makeRepo, removeRepos, writeFile } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** npm workspaces as `npm install` leaves them: packages linked under node_modules. */
const MONOREPO: Record<string, string> = {
  "package.json": json({ name: "acme", private: true, workspaces: ["apps/*", "packages/*"] }),
  ".gitignore": "node_modules\n.env\n",
  // A shared tsconfig package: the app inherits `paths` from it by package name.
  "packages/tsconfig/package.json": json({ name: "@acme/tsconfig", version: "1.0.0", files: ["nextjs.json"] }),
  "packages/tsconfig/nextjs.json": json({ compilerOptions: { jsx: "preserve", paths: { "@/*": ["${configDir}/src/*"] } } }),
  // The AI package: `exports` with conditions, and `imports` for its own config module.
  "packages/ai/package.json": json({
    name: "@acme/ai",
    version: "1.0.0",
    exports: { ".": { types: "./src/index.ts", default: "./src/index.ts" }, "./settings": { browser: "./src/settings.ts", default: "./src/settings.ts" } },
    imports: { "#config": "./src/config.ts" },
  }),
  "packages/ai/src/config.ts": "export const config = { model: \"gpt-5\", apiKey: process.env.OPENAI_API_KEY };\n",
  "packages/ai/src/settings.ts": "import { config } from \"#config\";\nexport const settings = { model: config.model, key: config.apiKey };\n",
  "packages/ai/src/index.ts": "export { settings } from \"./settings\";\n",
  "apps/web/package.json": json({ name: "web", private: true, dependencies: { next: "15.0.0", react: "19.0.0", "@acme/ai": "*" }, devDependencies: { "@acme/tsconfig": "*" } }),
  "apps/web/tsconfig.json": json({ extends: "@acme/tsconfig/nextjs.json", include: ["src"] }),
  "apps/web/src/lib/anthropic.ts": "export const anthropic = { model: \"claude\", key: process.env.ANTHROPIC_API_KEY };\n",
  "apps/web/src/app/page.tsx": "\"use client\";\nimport { settings } from \"@acme/ai\";\nexport default function Page() {\n  return <p>{settings.model}</p>;\n}\n",
  "apps/web/src/app/chat/page.tsx": "\"use client\";\nimport { anthropic } from \"@/lib/anthropic\";\nimport { settings } from \"@acme/ai/settings\";\nexport default function Chat() {\n  return <p>{anthropic.model}{settings.model}</p>;\n}\n",
  // An app whose shared base tsconfig is not installed: oxc-resolver fails every import under it,
  // so both hosts resolve those without the tsconfig (eslint-plugin/src/engine/client/resolve.ts).
  "apps/docs/package.json": json({ name: "docs", private: true, dependencies: { next: "15.0.0", react: "19.0.0" } }),
  "apps/docs/tsconfig.json": json({ extends: "@acme/not-installed/base.json" }),
  "apps/docs/src/lib/search.ts": "export const search = { index: \"docs\", key: process.env.GROQ_API_KEY };\n",
  "apps/docs/src/app/page.tsx": "\"use client\";\nimport { search } from \"../lib/search\";\nexport default function Docs() {\n  return <p>{search.index}</p>;\n}\n",
  // An app with its own `paths` that `references` a project whose base tsconfig is not installed
  // (vercel/ai's examples reference its packages): `@/…` still resolves with the app's tsconfig alone.
  "apps/lab/package.json": json({ name: "lab", private: true, dependencies: { next: "15.0.0", react: "19.0.0" } }),
  "apps/lab/tsconfig.json": json({ compilerOptions: { paths: { "@/*": ["./*"] } }, references: [{ path: "../docs" }] }),
  "apps/lab/lib/mistral.ts": "export const mistral = { model: \"small\", key: process.env.MISTRAL_API_KEY };\n",
  "apps/lab/app/page.tsx": "\"use client\";\nimport { mistral } from \"@/lib/mistral\";\nexport default function Lab() {\n  return <p>{mistral.model}</p>;\n}\n",
};
const CODE_FILES = Object.keys(MONOREPO).filter((file) => /\.tsx?$/.test(file));
/** Where each host must report a server secret reaching the browser, and which client file it names. */
const SECRET_READS = [
  ["packages/ai/src/config.ts", "OPENAI_API_KEY"],
  ["apps/web/src/lib/anthropic.ts", "ANTHROPIC_API_KEY"],
  ["apps/docs/src/lib/search.ts", "GROQ_API_KEY"],
  ["apps/lab/lib/mistral.ts", "MISTRAL_API_KEY"],
];

function linkWorkspaces(dir: string): void {
  for (const [name, folder] of [["@acme/ai", "packages/ai"], ["@acme/tsconfig", "packages/tsconfig"]]) {
    const link = join(dir, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(dir, folder)), link, "dir");
  }
}

describe("one resolver: ESLint and the language server agree on a monorepo", function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    dir = makeRepo(MONOREPO);
    linkWorkspaces(dir);
    client = await startServer(dir, { debounceMs: 0 });
  });
  after(async () => {
    await client?.stop();
    removeRepos();
  });

  async function fromEslint(): Promise<string[]> {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
    const lines: string[] = [];
    for (const result of await eslint.lintFiles(CODE_FILES.map((file) => join(dir, file)))) {
      for (const m of result.messages) lines.push(`${relative(dir, result.filePath)}:${m.line}:${m.column} ${m.ruleId?.replace(/^keyfence\//, "")} ${m.message}`);
    }
    return lines.sort();
  }

  async function fromServer(): Promise<string[]> {
    const lines: string[] = [];
    for (const file of CODE_FILES) {
      const uri = `file://${join(dir, file)}`;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: file.endsWith(".tsx") ? "typescriptreact" : "typescript", version: 1, text: MONOREPO[file] },
      });
      const published = await client.diagnosticsWhere((p) => p.uri === uri && p.version === 1);
      for (const d of published.diagnostics) lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`);
    }
    return lines.sort();
  }

  it("reports a secret reached through `imports`, `exports`, inherited tsconfig `paths` or under a missing base tsconfig in both hosts", async () => {
    const eslintFindings = await fromEslint();
    for (const [file, name] of SECRET_READS) {
      const reported = eslintFindings.some((line) => line.startsWith(`${file}:`) && line.includes(" no-client-secrets ") && line.includes(name));
      assert.ok(reported, `ESLint should report ${name} in ${file}; got:\n${eslintFindings.join("\n")}`);
    }
    assert.deepEqual(await fromServer(), eslintFindings);
  });

  it("survives imports no resolver can follow (1 MB specifier, NUL, circular tsconfig, symlink loop), then keeps serving", async () => {
    writeFile(dir, "apps/odd/tsconfig.json", json({ extends: "./tsconfig.json" }));
    const text = [
      "\"use client\";",
      `import a from "${"x".repeat(1 << 20)}";`,
      'import b from "./has\\u0000nul";',
      'import c from "./loop/loop/loop/loop/loop/page";',
      'import d from "#missing";',
      "export default function Odd() {\n  return <p>{a}{b}{c}{d}</p>;\n}",
    ].join("\n");
    writeFile(dir, "apps/odd/src/page.tsx", text);
    symlinkSync(join(dir, "apps/odd/src"), join(dir, "apps/odd/src/loop"), "dir");
    const uri = `file://${join(dir, "apps/odd/src/page.tsx")}`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "typescriptreact", version: 1, text } });
    const published = await client.diagnosticsWhere((p) => p.uri === uri && p.version === 1, 30_000);
    assert.deepEqual(published.diagnostics, []);
    // Still the same server, still answering: a file opened after it is analysed and reported.
    const after = `file://${join(dir, "apps/odd/src/after.ts")}`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: after, languageId: "typescript", version: 1, text: 'import { search } from "../../docs/src/lib/search";\nexport const index = search.index;\n' },
    });
    await client.diagnosticsWhere((p) => p.uri === after && p.version === 1);
  });
});

/**
 * The native oxc parser and resolver can end the whole ESLint process: a file nested deeper than
 * oxc's native stack (SIGSEGV, exit 139, no output) and a platform binary left out of the install
 * ("Cannot find native binding"). These run the real ESLint CLI in a child process on a real
 * Next app in a temp folder, with the plugin as built (`npm run build`), and check the exit code.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(__dirname, "../..");
const ESLINT_BIN = join(ROOT, "node_modules/eslint/bin/eslint.js");
const PLUGIN = pathToFileURL(join(ROOT, "eslint-plugin/dist/index.js")).href;
const NO_NATIVE = join(ROOT, "test/support/no-native-oxc.cjs");

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** "file:line rule" for each message, sorted. */
  findings: string[];
}

function makeApp(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "keyfence-native-")));
  const all: Record<string, string> = {
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { next: "15.0.0", react: "19.0.0" } }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] }, jsx: "preserve" } }),
    ".gitignore": "node_modules\n.env*\n",
    "eslint.config.mjs": `import keyfence from ${JSON.stringify(PLUGIN)};\nexport default [keyfence.configs.recommended];\n`,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  spawnSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

function eslint(dir: string, nodeArgs: string[] = []): Run {
  const child = spawnSync(process.execPath, [...nodeArgs, ESLINT_BIN, "--format", "json", "."], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  let findings: string[] = [];
  try {
    const results = JSON.parse(child.stdout) as Array<{ filePath: string; messages: Array<{ line: number; ruleId: string | null; message: string }> }>;
    findings = results
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId ?? m.message.slice(0, 40)}`))
      .sort();
  } catch {
    findings = [];
  }
  return { status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr, findings };
}

/** A page that imports a helper reading a server secret: no-client-secrets must follow the import. */
function pageWith(extra: string): Record<string, string> {
  return {
    "pages/index.tsx": [
      'import { price } from "@/lib/prices";',
      "export async function getServerSideProps() { return { props: {} }; }",
      extra,
      "export default function Page() { return <p>{price}</p>; }",
      "",
    ].join("\n"),
    "lib/prices.ts": "export const price = process.env.OPENAI_API_KEY;\n",
  };
}

describe("client graph: native parser guards (real ESLint CLI)", function () {
  this.timeout(240_000);
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it("survives 8,000 nested parentheses in a file the client graph parses", () => {
    const depth = 8000;
    const dir = makeApp(pageWith(`export const deep = ${"(".repeat(depth)}1${")".repeat(depth)};`));
    made.push(dir);
    const run = eslint(dir);
    assert.equal(run.signal, null, `ESLint was killed by ${run.signal}: ${run.stderr.slice(0, 300)}`);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
    // The deep file itself: ESLint's own parser reports it; the graph still follows its import.
    assert.ok(run.findings.some((f) => f.startsWith("pages/index.tsx:") && f.includes("Parsing error")), run.findings.join("\n"));
    assert.ok(run.findings.includes("lib/prices.ts:1 keyfence/no-client-secrets"), run.findings.join("\n"));
  });

  it("survives deep `if` chains, template literals and type arguments too", () => {
    // Each shape past the depth where oxc alone crashed (measured: ≈6,600, ≈4,200, ≈4,450).
    const page = (body: string) => `export async function getServerSideProps() { return { props: {} }; }\n${body}\nexport default function P() { return null; }\n`;
    const dir = makeApp({
      ...pageWith(""),
      "pages/ifs.tsx": page(`export function f(a: boolean) { ${"if (a) ".repeat(8000)}return 1; }`),
      "pages/templates.tsx": page(`export const t = ${"`${".repeat(5000)}1${"}`".repeat(5000)};`),
      "pages/types.tsx": page(`export let x: ${"Array<".repeat(5000)}string${">".repeat(5000)};`),
    });
    made.push(dir);
    const run = eslint(dir);
    assert.equal(run.signal, null, `ESLint was killed by ${run.signal}`);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
    assert.ok(run.findings.includes("lib/prices.ts:1 keyfence/no-client-secrets"), run.findings.join("\n"));
  });

  it("lints with the JS fallbacks, and says so once, when oxc's native binaries cannot load", () => {
    const dir = makeApp({
      ...pageWith(""),
      "pages/about.tsx": 'import { price } from "../lib/prices";\nexport default function About() { return <p>{price}</p>; }\n',
    });
    made.push(dir);
    const native = eslint(dir);
    const fallback = eslint(dir, ["-r", NO_NATIVE]);
    assert.equal(fallback.signal, null);
    assert.equal(fallback.status, 1, fallback.stderr.slice(0, 500));
    assert.doesNotMatch(native.stderr, /native binary/);
    assert.deepEqual(fallback.findings, native.findings);
    assert.ok(fallback.findings.includes("lib/prices.ts:1 keyfence/no-client-secrets"), fallback.findings.join("\n"));
    for (const name of ["oxc-parser", "oxc-resolver"]) {
      const warnings = fallback.stderr.split("\n").filter((line) => line.startsWith(`KeyFence: ${name} could not load its native binary`));
      assert.equal(warnings.length, 1, `${name}: ${fallback.stderr}`);
    }
  });
});

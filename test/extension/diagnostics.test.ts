/** Diagnostics: file types, inline disable comments, settings, the file watcher, typing. */
import * as assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import * as vscode from "vscode";
import { hostLag, keyfence, report } from "./helpers";
import { closeAll, diagnosticsOf, fakeKey, keyfenceDiagnostics, open, project, seeded, until } from "./support";

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));
const settle = () => new Promise((r) => setTimeout(r, 600));

describe("diagnostics", () => {
  before(keyfence);
  afterEach(closeAll);

  it("reports keys in YAML, docker-compose, Dockerfile, Python, shell, JSON, Markdown and .env.example, with source, code and docs link", async () => {
    const key = fakeKey("openai", 11);
    const p = project("many-types", {
      "config.yaml": `openai:\n  api_key: ${key}\n`,
      "docker-compose.yml": `services:\n  app:\n    environment:\n      - OPENAI_API_KEY=${key}\n`,
      Dockerfile: `FROM node:20\nENV OPENAI_API_KEY=${key}\n`,
      "main.py": `import openai\nclient = openai.OpenAI(api_key="${key}")\n`,
      "run.sh": `#!/bin/sh\nexport OPENAI_API_KEY=${key}\n`,
      "settings.json": JSON.stringify({ openaiKey: key }, null, 2),
      ".env.example": `OPENAI_API_KEY=${key}\n`,
      "FIX_API_KEY.md": `# Fixed\n\nNew key: \`${key}\`\n`,
    });
    // A key in a compose `environment:` or a Dockerfile ENV is baked into the image: no-docker-keys.
    const rule: Record<string, string> = { "docker-compose.yml": "no-docker-keys", Dockerfile: "no-docker-keys" };
    for (const name of ["config.yaml", "docker-compose.yml", "Dockerfile", "main.py", "run.sh", "settings.json", "FIX_API_KEY.md"]) {
      const diagnostics = await diagnosticsOf(p.path(name));
      const expected = rule[name] ?? "no-hardcoded-keys";
      const d = diagnostics.find((each) => codeOf(each) === expected);
      assert.ok(d, `${name}: ${diagnostics.map(codeOf).join(", ")}`);
      assert.equal(d.source, "KeyFence");
      assert.match(String(typeof d.code === "object" && d.code.target), new RegExp(`docs/rules/${expected}\\.md$`));
      assert.ok(!d.message.includes(key), `${name}: message shows the key`);
    }
    const [example] = await diagnosticsOf(p.path(".env.example"));
    assert.equal(codeOf(example), "no-committed-env-keys");
  });

  it("honours eslint-disable comments for KeyFence rules, and only for them", async () => {
    const [a, b, c] = [fakeKey("openai", 21), fakeKey("openai", 22), fakeKey("openai", 23)];
    const p = project("disable", {
      "index.ts": [
        "// eslint-disable-next-line keyfence/no-hardcoded-keys -- documented test key",
        `export const a = "${a}";`,
        `export const b = "${b}"; // eslint-disable-line no-console`,
        "/* eslint-disable keyfence/no-hardcoded-keys */",
        `export const c = "${c}";`,
        "/* eslint-enable keyfence/no-hardcoded-keys */",
        "",
      ].join("\n"),
    });
    const diagnostics = await diagnosticsOf(p.path("index.ts"));
    await settle();
    assert.deepEqual(keyfenceDiagnostics(vscode.Uri.file(p.path("index.ts"))).map((d) => d.range.start.line), [2]);
    assert.equal(diagnostics.length, 1);
  });

  it("settings: severity per rule, rule off, allow patterns, ignored paths", async () => {
    const key = fakeKey("anthropic", 31);
    const p = project("settings", { "a.ts": `export const k = "${key}";\n`, "ignored/b.ts": `export const k = "${key}";\n` });
    const config = vscode.workspace.getConfiguration("keyfence");
    const file = p.path("a.ts");
    try {
      assert.equal((await diagnosticsOf(file))[0].severity, vscode.DiagnosticSeverity.Error);
      await config.update("rules", { "no-hardcoded-keys": "warning" }, vscode.ConfigurationTarget.Global);
      await until("a warning", () => keyfenceDiagnostics(vscode.Uri.file(file))[0]?.severity === vscode.DiagnosticSeverity.Warning);
      await config.update("rules", { "no-hardcoded-keys": "off" }, vscode.ConfigurationTarget.Global);
      await until("no diagnostics (rule off)", () => keyfenceDiagnostics(vscode.Uri.file(file)).length === 0);
      await config.update("rules", undefined, vscode.ConfigurationTarget.Global);
      await until("the error back", () => keyfenceDiagnostics(vscode.Uri.file(file)).length === 1);
      await config.update("allow", [`${key.slice(-12)}$`], vscode.ConfigurationTarget.Global);
      await until("no diagnostics (allowed)", () => keyfenceDiagnostics(vscode.Uri.file(file)).length === 0);
      await config.update("allow", undefined, vscode.ConfigurationTarget.Global);
      await config.update("ignoredPaths", ["settings/ignored/"], vscode.ConfigurationTarget.Global);
      await open(p.path("ignored/b.ts"));
      await settle();
      assert.deepEqual(keyfenceDiagnostics(vscode.Uri.file(p.path("ignored/b.ts"))), []);
    } finally {
      for (const name of ["rules", "allow", "ignoredPaths"]) await config.update(name, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("updates as you type (debounced) and reports the analysis time of a 5,000-line file", async () => {
    const api = await keyfence();
    const lines = Array.from({ length: 5000 }, (_, i) => `export const value${i} = { id: ${i}, label: "item ${i}", tags: ["a", "b"] };`);
    const p = project("big-file", { "big.ts": lines.join("\n") + "\n" });
    const editor = await open(p.path("big.ts"));
    await settle();
    assert.deepEqual(keyfenceDiagnostics(editor.document.uri), []);
    // A keystroke that cannot create a finding: the file is not even parsed.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "// hello\n"));
    await settle();
    const quiet = await api.lastAnalysis();
    // Opened and typed in: the server builds its tree in the background, a slice at a time. (A
    // key typed before that ends finishes the build at once: the first keystroke of a big file
    // pays for its tree.)
    const building = Date.now();
    for (let deadline = Date.now() + 30_000; !(await api.lastAnalysis())?.treeBuilt && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    const built = Date.now() - building;
    const key = fakeKey("openai", 41);
    const typed = Date.now();
    // In the middle: every statement after it moves.
    const { longestBlockMs } = await hostLag(async () => {
      await editor.edit((e) => e.insert(new vscode.Position(2500, 0), `export const leaked = "${key}";\n`));
      await until("the typed key to be reported", () => keyfenceDiagnostics(editor.document.uri).length === 1, 30_000);
    });
    const latency = Date.now() - typed;
    const keyTyped = await api.lastAnalysis();
    // Typing on in a file that has a finding: it is parsed (incrementally) on every keystroke.
    await editor.edit((e) => e.insert(new vscode.Position(100, 0), "// more\n"));
    await until("the finding to move down a line", () => keyfenceDiagnostics(editor.document.uri)[0]?.range.start.line === 2501, 30_000);
    const typingOn = await api.lastAnalysis();
    const debounce = vscode.workspace.getConfiguration("keyfence").get<number>("debounceMs");
    const phases = (of: Record<string, number> | undefined) => Object.entries(of ?? {}).map(([phase, ms]) => `${phase} ${ms.toFixed(1)}`).join(", ");
    report(
      `5,000-line file, in the language server, after the ${debounce} ms debounce: ${quiet?.ms.toFixed(1)} ms for an edit with nothing to find (no parse); ` +
        `${keyTyped?.ms.toFixed(1)} ms (CPU ${keyTyped?.cpuMs.toFixed(1)} ms) once a key is typed mid-file (${phases(keyTyped?.phases)}; keystroke to diagnostic ${latency} ms); ` +
        `${typingOn?.ms.toFixed(1)} ms for the next edit while the finding stands (${phases(typingOn?.phases)}); ` +
        `the server had the file's tree ${built} ms after the first edit's analysis; ` +
        `longest extension-host block from keystroke to diagnostic ${longestBlockMs.toFixed(0)} ms`,
    );
    for (let undo = 0; undo < 3; undo++) await vscode.commands.executeCommand("undo");
    await until("the diagnostic to go", () => keyfenceDiagnostics(editor.document.uri).length === 0, 30_000);
  });

  it("the file watcher updates the cross-file graph: un-importing a server module from browser code clears its finding", async () => {
    // Seeded before VS Code opened (test/fixtures/e2e-workspace): the project is already on disk,
    // as a user's is, so the recursive watcher watches all of its folders.
    const p = seeded("graph");
    const lib = p.path("lib/settings.ts");
    const diagnostics = await diagnosticsOf(lib);
    assert.ok(diagnostics.some((d) => codeOf(d) === "no-client-secrets"), `got ${diagnostics.map(codeOf)}`);
    // Edited on disk (another tool, a git checkout): nothing is reopened.
    const api = await keyfence();
    const cleared = () => !keyfenceDiagnostics(vscode.Uri.file(lib)).some((d) => codeOf(d) === "no-client-secrets");
    writeFileSync(p.path("app/page.tsx"), `export default function Page() {\n  return <p>static</p>;\n}\n`);
    await until("the watcher to see the edit", cleared, 8_000).catch(() => undefined);
    assert.ok(cleared(), `the finding did not clear (watcher saw: ${api.watcherLog.slice(-5).join(", ") || "nothing"})`);
  });
});

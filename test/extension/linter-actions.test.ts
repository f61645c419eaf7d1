/**
 * What users of linter extensions expect (vscode-eslint): "Disable keyfence/<rule> for this
 * line", "…for the entire file" and "Show documentation for keyfence/<rule>", answered by the
 * language server and applied in a real VS Code; the files are checked on disk.
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { keyfence } from "./helpers";
import { actionTitled, apply, closeAll, diagnosticsOf, fakeKey, keyfenceDiagnostics, project, read, saveAll, until } from "./support";

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));

describe("linter actions: disable a rule, show its documentation", () => {
  before(keyfence);
  afterEach(closeAll);

  it("disables keyfence/no-hardcoded-keys for one line with a // comment: only that line's finding goes", async () => {
    const [a, b] = [fakeKey("openai", 701), fakeKey("openai", 702)];
    const p = project("disable-line", { "keys.ts": `export const a = "${a}";\n  export const b = "${b}";\n` });
    const code = p.path("keys.ts");
    const diagnostics = await diagnosticsOf(code, 2);
    const second = diagnostics.find((d) => d.range.start.line === 1)!;
    await apply(await actionTitled(code, second, /^Disable keyfence\/no-hardcoded-keys for this line$/));
    await saveAll();
    assert.equal(read(code), `export const a = "${a}";\n  // eslint-disable-next-line keyfence/no-hardcoded-keys\n  export const b = "${b}";\n`, "indented like the line");
    await until("one finding left", () => keyfenceDiagnostics(vscode.Uri.file(code)).length === 1, 30_000);
    assert.equal(keyfenceDiagnostics(vscode.Uri.file(code))[0].range.start.line, 0);
  });

  it("disables a rule for the entire file: after the shebang in code, with # in an env file", async () => {
    const key = fakeKey("anthropic", 703);
    const p = project("disable-file", { "cli.js": `#!/usr/bin/env node\nconst k = "${key}";\nconsole.log(k);\n`, ".env.example": `ANTHROPIC_API_KEY=${key}\n` });
    const code = p.path("cli.js");
    const [finding] = await diagnosticsOf(code);
    await apply(await actionTitled(code, finding, /^Disable keyfence\/no-hardcoded-keys for the entire file$/));
    await saveAll();
    assert.equal(read(code), `#!/usr/bin/env node\n/* eslint-disable keyfence/no-hardcoded-keys */\nconst k = "${key}";\nconsole.log(k);\n`);
    await until("the code file's finding to go", () => keyfenceDiagnostics(vscode.Uri.file(code)).length === 0, 30_000);

    const env = p.path(".env.example");
    const [envFinding] = await diagnosticsOf(env);
    const rule = codeOf(envFinding);
    await apply(await actionTitled(env, envFinding, new RegExp(`^Disable keyfence/${rule} for the entire file$`)));
    await saveAll();
    assert.equal(read(env), `# eslint-disable keyfence/${rule}\nANTHROPIC_API_KEY=${key}\n`);
    await until("the env file's finding to go", () => keyfenceDiagnostics(vscode.Uri.file(env)).length === 0, 30_000);
  });

  it("a Svelte component: its script's key is reported, and the file-wide disable goes into the script", async () => {
    const key = fakeKey("groq", 705);
    const p = project("disable-component", { "src/routes/+page.svelte": `<h1>Chat</h1>\n<script>\n  const key = "${key}";\n</script>\n<p>{key.length}</p>\n` });
    const component = p.path("src/routes/+page.svelte");
    const [finding] = await diagnosticsOf(component);
    assert.equal(codeOf(finding), "no-hardcoded-keys");
    assert.deepEqual([finding.range.start.line, finding.range.start.character], [2, 15]);
    await apply(await actionTitled(component, finding, /^Disable keyfence\/no-hardcoded-keys for the entire file$/));
    await saveAll();
    assert.equal(read(component), `<h1>Chat</h1>\n<script>\n/* eslint-disable keyfence/no-hardcoded-keys */\n  const key = "${key}";\n</script>\n<p>{key.length}</p>\n`);
    await until("the component's finding to go", () => keyfenceDiagnostics(vscode.Uri.file(component)).length === 0, 30_000);
  });

  it("Show documentation runs the server's command with the rule's page", async () => {
    const p = project("show-docs", { "a.ts": `export const k = "${fakeKey("groq", 704)}";\n` });
    const code = p.path("a.ts");
    const [finding] = await diagnosticsOf(code);
    const action = await actionTitled(code, finding, /^Show documentation for keyfence\/no-hardcoded-keys$/);
    assert.equal(action.edit, undefined);
    assert.equal(action.command?.command, "keyfence.showDocumentation");
    assert.deepEqual(action.command.arguments, ["no-hardcoded-keys"]);
    const shown = await vscode.commands.executeCommand<{ url: string }>(action.command.command, ...action.command.arguments);
    assert.match(shown.url, /docs\/rules\/no-hardcoded-keys\.md$/);
    assert.equal(shown.url, String(typeof finding.code === "object" && finding.code.target), "the same page as the diagnostic's link");
  });
});

/**
 * `keyfence-language-server --stdio`, driven by a plain LSP client over stdio: the built bin,
 * real files in a temp git repository, keys generated at run time. Prints cold start and the
 * analysis time of a 5,000-line file (benchmarks, not assertions).
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  CancellationTokenSource, CodeActionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType, DidOpenTextDocumentNotification, ExecuteCommandRequest,
  WorkDoneProgress, type CodeAction, type Diagnostic, type Range, type TextEdit,
} from "vscode-languageserver-protocol/node";
import { LAST_ANALYSIS, type LastAnalysis, type ScanSummary } from "../../extension/server/src/protocol";
import { fakeKey } from "../support/fake-keys";
import { git, makeRepo, removeRepos, writeFile } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

const DEBOUNCE_MS = 100;

async function waitForLog(client: LspClient, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const line = client.logs.find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no log line like ${pattern}: ${client.logs.join(" | ")}`);
}

describe("language server over stdio", function () {
  // Generous: the shared test machine can be slow; the times are printed, not asserted.
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    dir = makeRepo({ "package.json": "{}\n", ".gitignore": "node_modules\n" });
    client = await startServer(dir, { debounceMs: DEBOUNCE_MS });
    const ready = await waitForLog(client, /^keyfence-language-server ready/);
    console.log(`      server cold start (spawn → initialize result): ${client.coldStartMs.toFixed(0)} ms; server: ${ready.replace(/^.*ready /, "")}`);
  });
  after(async () => {
    await client?.stop();
    removeRepos();
  });

  const uriOf = (name: string) => `file://${join(dir, name)}`;
  const open = (name: string, text: string, languageId = "typescript") =>
    client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(name), languageId, version: 1, text } });
  const change = (name: string, version: number, range: Range, text: string) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(name), version }, contentChanges: [{ range, text }] });
  const at = (line: number, character: number) => ({ line, character });
  const actionsFor = (name: string, diagnostic: Diagnostic) =>
    client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(name) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as Promise<CodeAction[]>;
  const editOf = (action: CodeAction, name: string): TextEdit => {
    const edits = action.edit?.changes?.[uriOf(name)];
    assert.equal(edits?.length, 1, JSON.stringify(action.edit));
    return edits[0];
  };

  it("reports a key with source, rule and docs link, then clears when the key is edited away", async () => {
    const key = fakeKey("openai", undefined, 101);
    const line = `const client = new OpenAI({ apiKey: "${key}" });`;
    await open("app.ts", `import OpenAI from "openai";\n${line}\n`);
    const first = await client.diagnosticsWhere((p) => p.uri === uriOf("app.ts") && p.version === 1);
    const [diagnostic] = first.diagnostics;
    assert.equal(first.diagnostics.length, 1, JSON.stringify(first.diagnostics));
    assert.equal(diagnostic.source, "KeyFence");
    assert.equal(diagnostic.code, "no-hardcoded-keys");
    assert.match(diagnostic.codeDescription?.href ?? "", /docs\/rules\/no-hardcoded-keys\.md$/);
    assert.deepEqual(diagnostic.range, { start: at(1, line.indexOf(key)), end: at(1, line.indexOf(key) + key.length) });
    const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
    assert.ok(!message.includes(key), "a message never shows the whole key");

    await change("app.ts", 2, { start: at(1, line.indexOf(key) - 1), end: at(1, line.indexOf(key) + key.length + 1) }, "process.env.OPENAI_API_KEY");
    const cleared = await client.diagnosticsWhere((p) => p.uri === uriOf("app.ts") && p.version === 2);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it("offers the fixes, disable for this line / the entire file, and the docs; the line action silences it", async () => {
    const key = fakeKey("anthropic", undefined, 102);
    await open("route.ts", `export function handler() {\n  const key = "${key}";\n  return key;\n}\n`);
    const { diagnostics: [diagnostic] } = await client.diagnosticsWhere((p) => p.uri === uriOf("route.ts") && p.version === 1 && p.diagnostics.length > 0);
    const actions = await actionsFor("route.ts", diagnostic);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /ANTHROPIC_API_KEY/.test(t)), `a move-to-env fix: ${titles.join(" | ")}`);
    const disableLine = actions.find((a) => a.title === "Disable keyfence/no-hardcoded-keys for this line");
    const disableFile = actions.find((a) => a.title === "Disable keyfence/no-hardcoded-keys for the entire file");
    const docs = actions.find((a) => a.title === "Show documentation for keyfence/no-hardcoded-keys");
    assert.ok(disableLine && disableFile && docs, titles.join(" | "));
    assert.deepEqual(editOf(disableLine, "route.ts"), { range: { start: at(1, 0), end: at(1, 0) }, newText: "  // eslint-disable-next-line keyfence/no-hardcoded-keys\n" });
    assert.deepEqual(editOf(disableFile, "route.ts"), { range: { start: at(0, 0), end: at(0, 0) }, newText: "/* eslint-disable keyfence/no-hardcoded-keys */\n" });

    await client.connection.sendRequest(ExecuteCommandRequest.type, docs.command!);
    assert.deepEqual(client.shownDocuments.slice(-1), [diagnostic.codeDescription?.href]);

    const edit = editOf(disableLine, "route.ts");
    await change("route.ts", 2, edit.range, edit.newText);
    const silenced = await client.diagnosticsWhere((p) => p.uri === uriOf("route.ts") && p.version === 2);
    assert.deepEqual(silenced.diagnostics, []);
  });

  it("a Vue component: the key where it stands in the component, disable comments inside its script, cleared when edited away", async () => {
    const key = fakeKey("anthropic", undefined, 108);
    const text = `<template>\n  <p>{{ answer }}</p>\n</template>\n\n<script setup lang="ts">\nconst answer = "";\nconst backup = "${key}";\n</script>\n`;
    await open("src/Chat.vue", text, "vue");
    const { diagnostics } = await client.diagnosticsWhere((p) => p.uri === uriOf("src/Chat.vue") && p.version === 1);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    const column = `const backup = "`.length;
    assert.deepEqual(diagnostic.range, { start: at(6, column), end: at(6, column + key.length) });
    const actions = await actionsFor("src/Chat.vue", diagnostic);
    const disableLine = actions.find((a) => a.title === "Disable keyfence/no-hardcoded-keys for this line");
    const disableFile = actions.find((a) => a.title === "Disable keyfence/no-hardcoded-keys for the entire file");
    assert.ok(disableLine && disableFile, actions.map((a) => a.title).join(" | "));
    // Both land in the script block: the file's first line is the template's.
    assert.deepEqual(editOf(disableFile, "src/Chat.vue"), { range: { start: at(5, 0), end: at(5, 0) }, newText: "/* eslint-disable keyfence/no-hardcoded-keys */\n" });
    const edit = editOf(disableLine, "src/Chat.vue");
    assert.deepEqual(edit, { range: { start: at(6, 0), end: at(6, 0) }, newText: "// eslint-disable-next-line keyfence/no-hardcoded-keys\n" });
    await change("src/Chat.vue", 2, edit.range, edit.newText);
    const silenced = await client.diagnosticsWhere((p) => p.uri === uriOf("src/Chat.vue") && p.version === 2);
    assert.deepEqual(silenced.diagnostics, []);

    // A key in the template: the line action is an HTML comment, which the editor honours as
    // eslint-plugin-vue's processor does in ESLint.
    const inTemplate = fakeKey("google-ai", undefined, 110);
    const widget = `  <gemini-chat api-key="${inTemplate}" />\n`;
    await change("src/Chat.vue", 3, { start: at(1, 0), end: at(1, 0) }, widget);
    const templated = await client.diagnosticsWhere((p) => p.uri === uriOf("src/Chat.vue") && p.version === 3);
    const [markup] = templated.diagnostics;
    assert.equal(templated.diagnostics.length, 1, JSON.stringify(templated.diagnostics));
    assert.deepEqual(markup.range.start, at(1, widget.indexOf(inTemplate)));
    const markupActions = await actionsFor("src/Chat.vue", markup);
    const htmlLine = markupActions.find((a) => a.title === "Disable keyfence/no-hardcoded-keys for this line");
    assert.ok(htmlLine, markupActions.map((a) => a.title).join(" | "));
    assert.ok(!markupActions.some((a) => a.title.endsWith("for the entire file")), "a file-wide comment in the script would come after this finding");
    const htmlEdit = editOf(htmlLine, "src/Chat.vue");
    assert.deepEqual(htmlEdit, { range: { start: at(1, 0), end: at(1, 0) }, newText: "  <!-- eslint-disable-next-line keyfence/no-hardcoded-keys -->\n" });
    await change("src/Chat.vue", 4, htmlEdit.range, htmlEdit.newText);
    const quiet = await client.diagnosticsWhere((p) => p.uri === uriOf("src/Chat.vue") && p.version === 4);
    assert.deepEqual(quiet.diagnostics, []);

    // A component on disk, never opened, is reported by a workspace scan.
    writeFile(dir, "src/routes/+page.svelte", `<script>\n  const key = "${fakeKey("groq", undefined, 109)}";\n</script>\n<p>{key.length}</p>\n`);
    await client.connection.sendRequest<ScanSummary>("keyfence/scanWorkspace", {});
    const scanned = await client.diagnosticsWhere((p) => p.uri === uriOf("src/routes/+page.svelte") && p.diagnostics.length > 0);
    assert.deepEqual(scanned.diagnostics.map((d) => [d.code, d.range.start]), [["no-hardcoded-keys", at(1, 15)]]);
  });

  it("uses # comments in env files, and honours them", async () => {
    const key = fakeKey("groq", undefined, 103);
    // On disk too, not covered by .gitignore: KeyFence reports the key.
    writeFile(dir, ".env.local", `GROQ_API_KEY=${key}\n`);
    await open(".env.local", `GROQ_API_KEY=${key}\n`, "dotenv");
    const published = await client.diagnosticsWhere((p) => p.uri === uriOf(".env.local") && p.version === 1 && p.diagnostics.length > 0);
    const diagnostic = published.diagnostics[0];
    const actions = await actionsFor(".env.local", diagnostic);
    const disableLine = actions.find((a) => a.title === `Disable keyfence/${String(diagnostic.code)} for this line`);
    assert.ok(disableLine, actions.map((a) => a.title).join(" | "));
    const edit = editOf(disableLine, ".env.local");
    assert.equal(edit.newText, `# eslint-disable-next-line keyfence/${String(diagnostic.code)}\n`);
    await change(".env.local", 2, edit.range, edit.newText);
    const after = await client.diagnosticsWhere((p) => p.uri === uriOf(".env.local") && p.version === 2);
    assert.equal(after.diagnostics.filter((d) => d.code === diagnostic.code && d.range.start.line === 1).length, 0, JSON.stringify(after.diagnostics));
  });

  it("re-checks open documents when a watched file changes (.gitignore now covers the env file)", async () => {
    const text = `GROQ_API_KEY=${fakeKey("groq", undefined, 106)}\n`;
    writeFile(dir, ".env.production", text);
    await open(".env.production", text, "dotenv");
    const before = await client.diagnosticsWhere((p) => p.uri === uriOf(".env.production") && p.diagnostics.length > 0);
    assert.deepEqual(before.diagnostics.map((d) => d.code), ["no-committed-env-keys"]);
    const count = client.published.length;
    writeFile(dir, ".gitignore", "node_modules\n.env*\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(".gitignore"), type: FileChangeType.Changed }] });
    const after = await client.diagnosticsWhere((p) => p.uri === uriOf(".env.production") && client.published.indexOf(p) >= count);
    assert.deepEqual(after.diagnostics, []);
  });

  it("a rapid burst of edits yields one analysis, of the last text", async () => {
    await open("typing.ts", `export const model = "";\n`);
    await client.diagnosticsWhere((p) => p.uri === uriOf("typing.ts") && p.version === 1);
    const publishedBefore = client.published.length;
    const key = fakeKey("openai", undefined, 104);
    const column = "export const model = \"".length;
    // The key typed one character a notification, faster than the debounce.
    for (let i = 0; i < key.length; i++) void change("typing.ts", 2 + i, { start: at(0, column + i), end: at(0, column + i) }, key[i]);
    const last = 1 + key.length;
    const final = await client.diagnosticsWhere((p) => p.uri === uriOf("typing.ts") && p.version === last);
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 3));
    const afterBurst = client.published.slice(publishedBefore).filter((p) => p.uri === uriOf("typing.ts"));
    assert.deepEqual(afterBurst.map((p) => p.version), [last], "one publish, for the last version");
    const analysedVersions = client.logs.map((l) => /^analysed typing\.ts v(\d+)/.exec(l)?.[1]).filter(Boolean).map(Number);
    assert.deepEqual(analysedVersions.filter((v) => v > 1), [last], "one analysis, of the last version");
    assert.deepEqual(final.diagnostics.map((d) => [d.code, d.range.end.character - d.range.start.character]), [["no-hardcoded-keys", key.length]]);
    // Where the last edit's time went: it arrived, was analysed near the debounce's end (see
    // debounce.test.ts) and sent when the debounce ended.
    const timing = await client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri: uriOf("typing.ts") });
    assert.ok(timing?.receivedAt && timing.startedAt && timing.publishedAt, JSON.stringify(timing));
    assert.ok(timing.startedAt - timing.receivedAt >= DEBOUNCE_MS / 2 - 2, `taken up ${timing.startedAt - timing.receivedAt} ms after the edit arrived`);
    assert.ok(timing.publishedAt - timing.receivedAt >= DEBOUNCE_MS - 2, `sent ${timing.publishedAt - timing.receivedAt} ms after the edit arrived`);
    assert.ok(timing.publishedAt >= timing.startedAt + timing.ms - 1 && timing.publishedAt <= Date.now());
    assert.ok(client.logs.some((l) => new RegExp(`^analysed typing\\.ts v${last}: .* taken up \\d+ ms after this version arrived`).test(l)), "the log says when the edit was taken up");
  });

  it("keyfence/lastAnalysis with a uri answers that document's last analysis, whatever was analysed since", async () => {
    await open("measured.ts", `export const key = "${fakeKey("openai", undefined, 107)}";\n`);
    await client.diagnosticsWhere((p) => p.uri === uriOf("measured.ts") && p.version === 1);
    await open("other.json", `{ "name": "other" }\n`);
    await client.diagnosticsWhere((p) => p.uri === uriOf("other.json") && p.version === 1);
    const latest = await client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS);
    const measured = await client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri: uriOf("measured.ts") });
    assert.equal(latest?.file, "other.json");
    assert.deepEqual([measured?.file, measured?.version, measured?.findings], ["measured.ts", 1, 1]);
    assert.equal(await client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri: uriOf("never-opened.ts") }), null);
  });

  it("analyses a 5,000-line file (prints the time over stdio)", async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `export function f${i}(a: number): number { return a + ${i}; }`);
    const key = fakeKey("openai", undefined, 105);
    lines[4_000] = `export const apiKey = "${key}";`;
    const started = performance.now();
    await open("big.ts", `import OpenAI from "openai";\n${lines.join("\n")}\n`);
    const opened = await client.diagnosticsWhere((p) => p.uri === uriOf("big.ts") && p.version === 1, 40_000);
    const openMs = performance.now() - started;
    assert.equal(opened.diagnostics.length, 1);
    assert.equal(opened.diagnostics[0].range.start.line, 4_001);
    const typed = performance.now();
    await change("big.ts", 2, { start: at(2_500, 0), end: at(2_500, 0) }, "// typed\n");
    const edited = await client.diagnosticsWhere((p) => p.uri === uriOf("big.ts") && p.version === 2, 40_000);
    const editMs = performance.now() - typed - DEBOUNCE_MS;
    assert.equal(edited.diagnostics[0].range.start.line, 4_002);
    const analysed = client.logs.filter((l) => l.startsWith("analysed big.ts"));
    console.log(`      5,000-line file: open → diagnostics ${openMs.toFixed(0)} ms; keystroke → diagnostics ${editMs.toFixed(0)} ms after the debounce (server: ${analysed.map((l) => l.replace(/^.*in /, "")).join(", ")})`);
  });

  it("a committed key: the message says so, and the provider's key page is offered as the editor's command", async () => {
    const key = fakeKey("openai", undefined, 106);
    const text = `export const key = "${key}";\n`;
    writeFile(dir, "history/leaked.ts", text);
    git(dir, "add", "--", "history/leaked.ts");
    git(dir, "commit", "-q", "-m", "a leaked key");
    await open("history/leaked.ts", text);
    const { diagnostics: [diagnostic] } = await client.diagnosticsWhere((p) => p.uri === uriOf("history/leaked.ts") && p.diagnostics.length > 0);
    const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
    assert.match(message, /Already committed in [0-9a-f]{7,}/);
    assert.ok(!message.includes(key), "a message never shows the whole key");
    const actions = await actionsFor("history/leaked.ts", diagnostic);
    const keyPage = actions.find((a) => a.title === "Open the provider's key page");
    assert.ok(keyPage, actions.map((a) => a.title).join(" | "));
    assert.equal(keyPage.edit, undefined);
    assert.equal(keyPage.command?.command, "keyfence.openKeyPage");
    assert.match(String(keyPage.command.arguments?.[0]), /^https:\/\//);
    assert.ok(actions.every((a) => a.kind === "quickfix.keyfence"), "every action is a KeyFence quick fix");
  });

  it("keyfence/scanWorkspace: reports files never opened, with $/progress; a cancel stops it with a partial summary", async () => {
    const key = fakeKey("groq", undefined, 107);
    for (let i = 0; i < 400; i++) writeFile(dir, `scan/m${Math.floor(i / 100)}/f${i}.ts`, i === 3 ? `export const k = "${key}";\n` : `export const n${i} = ${i};\n`);
    writeFile(dir, "scan/node_modules/pkg/index.js", `module.exports = "${key}";\n`);
    const progress: string[] = [];
    const done = client.connection.onProgress(WorkDoneProgress.type, "scan-1", (value) => void progress.push(value.kind));
    const summary = await client.connection.sendRequest<ScanSummary>("keyfence/scanWorkspace", { workDoneToken: "scan-1" });
    done.dispose();
    assert.ok(summary.files >= 400 && !summary.cancelled, JSON.stringify(summary));
    assert.ok(summary.skipped.nodeModules >= 1);
    assert.ok(progress.includes("report"), progress.join(","));
    // Throttled: the first and last batch, and at most one report in 200 ms between them (each is
    // a redraw in the editor's window, on the cores the scan needs).
    const reports = progress.filter((kind) => kind === "report").length;
    assert.ok(reports <= Math.ceil(summary.ms / 200) + 2, `${reports} progress reports in a ${summary.ms.toFixed(0)} ms scan`);
    const published = await client.diagnosticsWhere((p) => p.uri === uriOf("scan/m0/f3.ts"));
    assert.equal(published.diagnostics.length, 1, "a file never opened gets its diagnostics");

    // The cancel is sent when the first progress arrives and is read between batches; a scan of
    // the 400 files above can end before a loaded 2-core CI machine delivers it (CI saw that), so
    // the cancelled scan gets 2,000 files: several seconds of batches for one round trip.
    for (let i = 400; i < 2_000; i++) writeFile(dir, `scan/m${Math.floor(i / 100)}/f${i}.ts`, `export const n${i} = ${i};\n`);
    const cancel = new CancellationTokenSource();
    const stopping = client.connection.onProgress(WorkDoneProgress.type, "scan-2", () => cancel.cancel());
    const stopped = await client.connection.sendRequest<ScanSummary>("keyfence/scanWorkspace", { workDoneToken: "scan-2" }, cancel.token);
    stopping.dispose();
    assert.equal(stopped.cancelled, true);
    assert.ok(stopped.files < 1_000, `stopped after ${stopped.files} of 2,000 files`);
    console.log(`      scan over stdio: ${summary.files} files in ${summary.ms.toFixed(0)} ms; cancelled after ${stopped.files}`);
  });
});

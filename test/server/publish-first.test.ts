/**
 * Publish first, then whole: a finding that needs no client graph is published at once, and
 * when the graph of the file's app was never built, a full analysis follows and publishes again
 * (the server's `provisional` analyses). Driven over stdio with a plain LSP client, on a real
 * Next.js app folder in a temp dir; keys generated at run time.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType, type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { LAST_ANALYSIS, type LastAnalysis } from "../../extension/server/src/protocol";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

const message = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => (typeof d.message === "string" ? d.message : d.message.value));

describe("language server: publish first, then the client graph", function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;
  const uriOf = (name: string) => `file://${join(dir, name)}`;

  before(async () => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    // Many modules the chat page imports: the graph is real work, and its chain is what the message names.
    const helpers = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`lib/helper-${i}.ts`, `export const helper${i} = ${i};\n`]));
    dir = makeRepo({
      "package.json": JSON.stringify({ name: "chat", dependencies: { next: "15.0.0", react: "19.0.0", openai: "4.0.0" } }),
      ".gitignore": "node_modules\n.env*.local\n",
      "app/layout.tsx": "export default function Layout({ children }: { children: React.ReactNode }) { return children; }\n",
      "app/page.tsx": `import Chat from "../components/chat";\nexport default function Page() { return <Chat />; }\n`,
      "components/chat.tsx": `"use client";\nimport { ask } from "../lib/ai";\nexport default function Chat() { return <button onClick={() => ask("hi")}>ask</button>; }\n`,
      "lib/ai.ts": `import OpenAI from "openai";\n${Object.keys(helpers).map((f, i) => `import { helper${i} } from "./${f.slice(4, -3)}";`).join("\n")}\nexport async function ask(q: string) { return q + helper0; }\n`,
      ...helpers,
    });
    client = await startServer(dir, { debounceMs: 50 });
  });
  after(async () => {
    await client?.stop();
    removeRepos();
  });

  it("a key typed into browser code shows at once, then with its browser chain and the browser's fix", async () => {
    const name = "lib/ai.ts";
    const uri = uriOf(name);
    const original = readFileSync(join(dir, name), "utf8");
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "typescript", version: 1, text: original } });
    await client.diagnosticsWhere((p) => p.uri === uri && p.version === 1);
    const key = fakeKey("openai", undefined, 301);
    const line = `const client = new OpenAI({ apiKey: "${key}" });\n`;
    const lastLine = original.split("\n").length - 1;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: line }],
    });
    const first = await client.firstDiagnosticsWhere((p) => p.uri === uri && p.version === 2 && p.diagnostics.length > 0);
    const firstIndex = client.published.indexOf(first);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ["no-hardcoded-keys"]);
    assert.doesNotMatch(message(first)[0], /browser code/, "the graph is not built yet: the first message cannot know the side");
    // The log line follows the publish.
    for (let i = 0; i < 100 && !client.logs.some((l) => /^analysed ai\.ts v2: /.test(l)); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(client.logs.some((l) => /^analysed ai\.ts v2: .*provisional/.test(l)), client.logs.slice(-3).join("\n"));

    const whole = await client.diagnosticsWhere((p) => p.uri === uri && p.version === 2 && client.published.indexOf(p) > firstIndex);
    assert.match(message(whole).join("\n"), /hardcoded in browser code \(components\/chat\.tsx → lib\/ai\.ts\)/);
    const last = await client.connection.sendRequest<LastAnalysis | null>(LAST_ANALYSIS, { uri });
    assert.equal(last?.provisional, undefined);
    assert.ok(last?.provisionalBefore && last.provisionalBefore.publishedAt <= (last.publishedAt ?? 0), JSON.stringify(last));
    console.log(`      first publish ${last.provisionalBefore.ms.toFixed(0)} ms of analysis, whole ${last.ms.toFixed(0)} ms (the graph built)`);

    // Graph built: the next key is whole at its first publish.
    const count = client.published.length;
    const second = `const other = "${fakeKey("anthropic", undefined, 302)}";\n`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: lastLine + 1, character: 0 }, end: { line: lastLine + 1, character: 0 } }, text: second }],
    });
    const next = await client.diagnosticsWhere((p) => p.uri === uri && p.version === 3 && client.published.indexOf(p) >= count);
    assert.equal(next.diagnostics.filter((d) => d.code === "no-hardcoded-keys" && /browser code/.test(typeof d.message === "string" ? d.message : d.message.value)).length, 2);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.published.slice(count).filter((p) => p.uri === uri).length, 1, "one publish once the graph is built");

    // A module of the app changes on disk: the graph must be rebuilt. Meanwhile the first publish
    // answers from the last build (the browser chain stays), and the rebuild publishes again.
    writeFileSync(join(dir, "lib/helper-0.ts"), "export const helper0 = 100;\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf("lib/helper-0.ts"), type: FileChangeType.Changed }] });
    const before = client.published.length;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// edited\n" }],
    });
    const stale = await client.firstDiagnosticsWhere((p) => p.uri === uri && p.version === 4, 10_000);
    assert.equal(stale.diagnostics.filter((d) => d.code === "no-hardcoded-keys" && /browser code/.test(typeof d.message === "string" ? d.message : d.message.value)).length, 2, "the last build's answer");
    const rebuilt = await client.firstDiagnosticsWhere((p) => p.uri === uri && p.version === 4 && client.published.indexOf(p) > client.published.indexOf(stale), 10_000);
    assert.ok(client.published.indexOf(stale) >= before);
    assert.deepEqual(rebuilt.diagnostics.map((d) => d.code), stale.diagnostics.map((d) => d.code));
    assert.ok(client.logs.some((l) => /^analysed ai\.ts v4: .*provisional/.test(l)), "the rebuild was deferred to the next analysis");
  });
});

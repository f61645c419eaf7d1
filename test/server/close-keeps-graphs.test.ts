/**
 * Closing a document that holds its disk text changes nothing on disk, so the server keeps its
 * client graphs. VS Code's JSON and npm support open and close the package.json files they read:
 * each close had dropped every graph, and a Scan Workspace in VS Code rebuilt them again and again
 * (the editor benchmark's log: 22, 43 and 123 builds in three cold scans of vercel/ai). A document
 * closed with unsaved edits is forgotten as before.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import type { ScanSummary } from "../../extension/server/src/protocol";
import { makeRepo, removeRepos } from "../env/support";
import { startServer, type LspClient } from "./lsp-client";

describe("language server: closing an unchanged package.json keeps the client graphs", function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    execFileSync(process.execPath, [join(__dirname, "../../extension/build.mjs"), "--server-only"], { stdio: "inherit" });
    dir = makeRepo({
      ".gitignore": "node_modules\n.env*\n",
      "package.json": `{ "name": "web", "dependencies": { "next": "15.0.0", "react": "19.0.0" } }\n`,
      "app/layout.tsx": `export default function Layout({ children }: { children: React.ReactNode }) { return <html><body>{children}</body></html>; }\n`,
      "app/page.tsx": `import Chat from "./chat";\nexport default function Page() { return <Chat />; }\n`,
      "app/chat.tsx": `"use client";\nimport { model } from "../lib/settings";\nexport default function Chat() { return <p>{model}</p>; }\n`,
      "lib/settings.ts": `export const model = "gpt-4o-mini";\nexport const secret = process.env.OPENAI_API_KEY;\n`,
    });
    client = await startServer(dir, {});
  });
  after(async () => {
    await client?.stop();
    removeRepos();
  });

  const uri = (name: string) => `file://${join(dir, name)}`;
  /** The number of client graphs the last scan built, from its log line. */
  async function scanBuilds(): Promise<number> {
    const before = client.logs.length;
    const summary = await client.connection.sendRequest<ScanSummary>("keyfence/scanWorkspace", {});
    assert.ok(summary.files >= 5, JSON.stringify(summary));
    const line = client.logs.slice(before).find((l) => l.startsWith("scanned "));
    const builds = line && /(\d+) client graph build/.exec(line);
    assert.ok(builds, `the scan's log line: ${line}`);
    return Number(builds[1]);
  }

  it("a scan after an unchanged package.json was opened and closed builds no graph again; one closed with edits does", async () => {
    assert.ok((await scanBuilds()) >= 1, "the first scan builds the app's graph");
    const text = readFileSync(join(dir, "package.json"), "utf8");
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("package.json"), languageId: "json", version: 1, text } });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("package.json") } });
    assert.equal(await scanBuilds(), 0, "closing the unchanged package.json dropped the graphs");

    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("package.json"), languageId: "json", version: 1, text } });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri("package.json"), version: 2 }, contentChanges: [{ text: text.replace("web", "web-edited") }] });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri("package.json") } });
    assert.ok((await scanBuilds()) >= 1, "a package.json closed with unsaved edits is forgotten, as before");
  });
});

/**
 * Each quick fix applied inside a real VS Code, the files checked on disk, undone as one step,
 * and offered no more once applied. Projects and keys are generated at run time.
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import {
  actionTitled, apply, closeAll, diagnosticsOf, fakeKey, keyfenceActions, keyfenceDiagnostics, open, project, read,
  saveAll, snapshot, undoIn, until,
} from "./support";
import { keyfence, report } from "./helpers";

describe("quick fix: move key to env file", () => {
  before(async () => {
    await keyfence();
  });
  afterEach(closeAll);

  it("Next.js: moves the key to .env.local, covers it in .gitignore, adds NAME= to .env.example; one undo restores all", async () => {
    const key = fakeKey("openai", 101);
    const p = project("next-app", {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", openai: "5.0.0" } }, null, 2),
      ".gitignore": "node_modules\n",
      ".env.example": "DATABASE_URL=\n",
      "app/api/chat/route.ts": `import OpenAI from "openai";\n\nconst client = new OpenAI({ apiKey: "${key}" });\nexport { client };\n`,
    });
    const code = p.path("app/api/chat/route.ts");
    const files = [code, p.path(".env.local"), p.path(".gitignore"), p.path(".env.example")];
    const before = snapshot(files);

    const t0 = Date.now();
    const [diagnostic] = await diagnosticsOf(code);
    const t1 = Date.now();
    assert.equal(typeof diagnostic.code === "object" && diagnostic.code.value, "no-hardcoded-keys");
    assert.ok(!diagnostic.message.includes(key), "the message must not show the key");
    const action = await actionTitled(code, diagnostic, /Move key to \.env\.local/);
    assert.equal(action.isPreferred, true);
    const t2 = Date.now();
    await apply(action);
    await saveAll();
    const t3 = Date.now();

    assert.equal(read(code), `import OpenAI from "openai";\n\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nexport { client };\n`);
    assert.equal(read(p.path(".env.local")), `OPENAI_API_KEY=${key}\n`);
    assert.match(read(p.path(".gitignore"))!, /^node_modules\n[^]*^\.env\.local$/m);
    assert.equal(read(p.path(".env.example")), "DATABASE_URL=\nOPENAI_API_KEY=\n");

    // Applied once: the finding is gone and nothing is offered a second time.
    await until("the diagnostic to clear", () => keyfenceDiagnostics(vscode.Uri.file(code)).length === 0);
    const whole = new vscode.Diagnostic(new vscode.Range(0, 0, 10, 0), "whole file");
    assert.deepEqual((await keyfenceActions(code, whole)).map((a) => a.title), []);

    const t4 = Date.now();
    await undoIn(code);
    report(`next-app phases: open+diagnostics ${t1 - t0} ms, code actions ${t2 - t1} ms, apply+save ${t3 - t2} ms, re-check ${t4 - t3} ms, undo ${Date.now() - t4} ms`);
    assert.deepEqual(snapshot(files), before, "one undo restores every file (and removes the created .env.local)");
  });

  it("plain Node + dotenv: writes .env, keeps CRLF, quoting and the missing final newline, never overwrites a different value", async () => {
    const key = fakeKey("anthropic", 202);
    const other = fakeKey("anthropic", 203);
    const envText = `# secrets\r\nANTHROPIC_API_KEY="${other}"\r\nPORT="3000"`;
    const p = project("node-dotenv", {
      "package.json": JSON.stringify({ dependencies: { dotenv: "17.0.0" } }),
      ".gitignore": "node_modules\r\n.env\r\n",
      ".env": envText,
      "src/index.js": `require("dotenv").config();\nconst anthropicKey = '${key}';\nmodule.exports = anthropicKey;\n`,
    });
    const code = p.path("src/index.js");
    const [diagnostic] = await diagnosticsOf(code);
    const action = await actionTitled(code, diagnostic, /Move key to \.env as ANTHROPIC_API_KEY_2/);
    await apply(action);
    await saveAll();
    assert.equal(read(code), `require("dotenv").config();\nconst anthropicKey = process.env.ANTHROPIC_API_KEY_2;\nmodule.exports = anthropicKey;\n`);
    assert.equal(read(p.path(".env")), `${envText}\r\nANTHROPIC_API_KEY_2="${key}"`, "CRLF, quotes and no final newline kept");
    assert.equal(read(p.path(".gitignore")), "node_modules\r\n.env\r\n", ".gitignore already covered .env");
    assert.equal(read(p.path(".env.local")), undefined, "dotenv never reads .env.local");
  });

  it("reuses the name that already holds the same key", async () => {
    const key = fakeKey("openai", 303);
    const p = project("vite-reuse", {
      "package.json": JSON.stringify({ devDependencies: { vite: "6.0.0" } }),
      ".gitignore": ".env*.local\n",
      ".env.local": `MY_OPENAI=${key}\n`,
      "server/ai.ts": `export const openaiKey = "${key}";\n`,
    });
    const code = p.path("server/ai.ts");
    const [diagnostic] = await diagnosticsOf(code);
    await apply(await actionTitled(code, diagnostic, /Move key to \.env\.local as MY_OPENAI/));
    await saveAll();
    assert.equal(read(code), "export const openaiKey = process.env.MY_OPENAI;\n");
    assert.equal(read(p.path(".env.local")), `MY_OPENAI=${key}\n`, "env file untouched");
    assert.equal(read(p.path(".gitignore")), ".env*.local\n");
  });

  it("in browser code, offers no move to .env.local: process.env is empty there, and the read would be its own finding", async () => {
    const key = fakeKey("openai", 404);
    const p = project("next-client", {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0" } }),
      "app/chat.tsx": `"use client";\nexport function Chat() {\n  return <Widget apiKey="${key}" />;\n}\n`,
    });
    const code = p.path("app/chat.tsx");
    const diagnostics = await diagnosticsOf(code);
    const hardcoded = diagnostics.find((d) => typeof d.code === "object" && d.code.value === "no-hardcoded-keys")!;
    assert.match(hardcoded.message, /server/);
    const titles = (await keyfenceActions(code, hardcoded)).map((action) => action.title);
    assert.ok(!titles.some((title) => /Move key to \.env/.test(title)), titles.join("\n"));
  });
});

describe("quick fix: no quick fix offered where none applies", () => {
  afterEach(closeAll);
  it("offers nothing for a file without findings", async () => {
    const p = project("clean", { "index.ts": "export const answer = 42;\n" });
    await open(p.path("index.ts"));
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(keyfenceDiagnostics(vscode.Uri.file(p.path("index.ts"))), []);
    const fake = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 5), "x");
    assert.deepEqual(await keyfenceActions(p.path("index.ts"), fake), []);
  });
});

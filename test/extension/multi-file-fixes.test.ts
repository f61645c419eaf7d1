/** The other quick fixes: rename a public-prefixed secret, add .gitignore entries, stop tracking .env. */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { keyfence } from "./helpers";
import {
  actionTitled, apply, closeAll, diagnosticsOf, fakeKey, gitCommitAll, gitTracked, keyfenceActions, keyfenceDiagnostics,
  project, read, saveAll, snapshot, undoIn, until,
} from "./support";

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));

describe("quick fix: rename a public-prefixed secret", () => {
  afterEach(closeAll);

  it("renames NEXT_PUBLIC_OPENAI_API_KEY in the code and in every env file of the project, in one undoable step", async () => {
    await keyfence();
    const key = fakeKey("openai", 505);
    const p = project("next-public", {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0" } }),
      ".env.local": `NEXT_PUBLIC_OPENAI_API_KEY=${key}\r\nOTHER=1\r\n`,
      ".env.example": "NEXT_PUBLIC_OPENAI_API_KEY=",
      "lib/ai.ts": "export const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nexport const again = process.env.NEXT_PUBLIC_OPENAI_API_KEY ?? '';\n",
    });
    const code = p.path("lib/ai.ts");
    const files = [code, p.path(".env.local"), p.path(".env.example")];
    const before = snapshot(files);
    const diagnostics = await diagnosticsOf(code);
    const publicSecret = diagnostics.find((d) => codeOf(d) === "no-public-secrets");
    assert.ok(publicSecret, `no no-public-secrets diagnostic among ${diagnostics.map(codeOf)}`);
    await apply(await actionTitled(code, publicSecret, /Rename NEXT_PUBLIC_OPENAI_API_KEY to OPENAI_API_KEY/));
    await saveAll();
    assert.equal(read(code), "export const key = process.env.OPENAI_API_KEY;\nexport const again = process.env.OPENAI_API_KEY ?? '';\n");
    assert.equal(read(p.path(".env.local")), `OPENAI_API_KEY=${key}\r\nOTHER=1\r\n`);
    assert.equal(read(p.path(".env.example")), "OPENAI_API_KEY=");
    await until("the diagnostic to clear", () => !keyfenceDiagnostics(vscode.Uri.file(code)).some((d) => codeOf(d) === "no-public-secrets"));
    await undoIn(code);
    assert.deepEqual(snapshot(files), before);
  });
});

describe("quick fix: add missing entries to .gitignore", () => {
  afterEach(closeAll);

  it("appends the env entries git would otherwise commit; applying again changes nothing", async () => {
    const p = project("git-ignore", { ".gitignore": "node_modules", "package.json": "{}\n", "index.js": "module.exports = 1;\n" });
    gitCommitAll(p.dir);
    const gitignore = p.path(".gitignore");
    const [diagnostic] = await diagnosticsOf(gitignore);
    assert.equal(codeOf(diagnostic), "env-gitignore");
    const action = await actionTitled(gitignore, diagnostic, /\.env/);
    assert.equal(action.isPreferred, true);
    await apply(action);
    await saveAll();
    const after = read(gitignore)!;
    assert.ok(after.startsWith("node_modules\n"), "existing lines kept, a newline added before the new block");
    for (const entry of [".env", ".env.local", ".env.*.local"]) assert.ok(after.split("\n").includes(entry), `${entry} in ${JSON.stringify(after)}`);
    assert.ok(!after.endsWith("\n"), "no final newline, as before");
    await until("the diagnostic to clear", () => keyfenceDiagnostics(vscode.Uri.file(gitignore)).length === 0);
    assert.deepEqual(await keyfenceActions(gitignore, diagnostic), [], "nothing left to add");
    assert.equal(read(gitignore), after);
  });
});

describe("command: stop tracking a committed .env", () => {
  afterEach(closeAll);

  it("offers the fix on the tracked file; git rm --cached keeps the file, .gitignore covers it", async () => {
    const api = await keyfence();
    const key = fakeKey("anthropic", 606);
    const p = project("tracked-env", { ".env": `ANTHROPIC_API_KEY=${key}\n`, "package.json": "{}\n" });
    gitCommitAll(p.dir);
    const env = p.path(".env");
    const diagnostics = await diagnosticsOf(env);
    const tracked = diagnostics.find((d) => codeOf(d) === "env-gitignore");
    assert.ok(tracked, `no env-gitignore diagnostic among ${diagnostics.map(codeOf)}`);
    const action = await actionTitled(env, tracked, /Untrack/);
    assert.equal(action.command?.command, "keyfence.stopTrackingEnvFile");
    assert.equal(action.edit, undefined, "git operations are a command (it asks first), not an edit");

    assert.equal(await api.stopTracking(vscode.Uri.file(env), { confirmed: true, quiet: true }), true);
    assert.deepEqual(gitTracked(p.dir), ["package.json"]);
    assert.equal(read(env), `ANTHROPIC_API_KEY=${key}\n`, "the file stays on disk");
    assert.ok(read(p.path(".gitignore"))!.split("\n").includes(".env"));
    assert.equal(await api.stopTracking(vscode.Uri.file(env), { confirmed: true, quiet: true }), false, "a second run has nothing to do");
  });
});

describe("quick fix: move a browser AI call to a server route", () => {
  afterEach(closeAll);

  it("creates the route, rewrites the browser call, and one undo removes the route again", async () => {
    const p = project("next-browser-call", {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0", openai: "5.0.0" } }),
      "app/chat.tsx":
        `"use client";\nimport OpenAI from "openai";\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });\n` +
        `export default function Chat() {\n  return <button onClick={async () => { const r = await client.responses.create({ model: "gpt-5", input: "hi" }); console.log(r); }}>go</button>;\n}\n`,
    });
    const code = p.path("app/chat.tsx");
    const route = p.path("app/api/ai/openai/route.ts");
    const before = snapshot([code, route]);
    const diagnostics = await diagnosticsOf(code);
    const call = diagnostics.find((d) => codeOf(d) === "no-client-ai-calls");
    assert.ok(call, `got ${diagnostics.map(codeOf)}`);
    const action = await actionTitled(code, call, /server route/);
    assert.equal(action.isPreferred, true);
    await apply(action);
    await saveAll();
    assert.ok(read(route)?.includes("export async function POST"), "route handler created");
    assert.ok(!read(code)!.includes("dangerouslyAllowBrowser"), "the browser no longer holds a client");
    await undoIn(code);
    assert.deepEqual(snapshot([code, route]), before);
  });
});

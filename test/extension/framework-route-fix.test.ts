/**
 * "Move this AI call to a server route" (issue 13) in a real VS Code for SvelteKit and Nuxt: the
 * fixture projects of test/fixtures/server-route, copied into the workspace with generated keys.
 * Every touched file is checked on disk, then re-checked by KeyFence, and one undo restores them all.
 */
import * as assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import * as vscode from "vscode";
import { workspaceRoot } from "./helpers";
import { actionTitled, apply, closeAll, diagnosticsOf, fakeKey, keyfenceDiagnostics, open, read, saveAll, snapshot, undoIn, until } from "./support";

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));

// The bundled suite runs from out/test/extension; the fixtures stay in the repository.
const FIXTURES = join(__dirname, "..", "..", "..", "test", "fixtures", "server-route");

/**
 * Copies a server-route fixture into the workspace; `__OPENAI_KEY__` becomes `key`. The fixture's
 * own env files (committed as `dot-env.*`, see test/server-route/fixture-project.ts) are left
 * out: each test writes the env file it starts from.
 */
function fixtureCopy(name: string, key: string, extra: Record<string, string> = {}): { dir: string; path(rel: string): string } {
  const dir = join(workspaceRoot(), `framework-route-${name}`);
  cpSync(join(FIXTURES, name), dir, { recursive: true, force: true, filter: (from) => !basename(from).startsWith("dot-env") });
  const fill = (file: string) => {
    for (const entry of readdirSync(file)) {
      const full = join(file, entry);
      if (statSync(full).isDirectory()) fill(full);
      else writeFileSync(full, readFileSync(full, "utf8").split("__OPENAI_KEY__").join(key));
    }
  };
  fill(dir);
  for (const [rel, text] of Object.entries(extra)) writeFileSync(join(dir, rel), text.split("__OPENAI_KEY__").join(key));
  return { dir, path: (rel) => join(dir, rel) };
}

/**
 * Opens each file and waits until KeyFence shows no diagnostic there, then checks it stays so:
 * a file the server has not analysed yet also shows none, so one look would prove nothing.
 */
async function assertNoKeyfenceDiagnostics(files: string[]): Promise<void> {
  const editors: vscode.TextEditor[] = [];
  for (const file of files) editors.push(await open(file));
  const shown = () => editors.flatMap((e) => keyfenceDiagnostics(e.document.uri).map((d) => `${e.document.fileName}: ${codeOf(d)}: ${d.message}`));
  await until(() => `no KeyFence diagnostics in the touched files: ${shown().join(" | ")}`, () => shown().length === 0, 30_000);
  await new Promise((r) => setTimeout(r, 2000));
  assert.deepEqual(shown(), [], "KeyFence diagnostics came back");
}

describe("quick fix: move a browser AI call to a server route, SvelteKit and Nuxt", () => {
  afterEach(closeAll);

  it("SvelteKit: src/lib/chat.ts → src/routes/api/ai/openai/+server.ts reading $env/dynamic/private", async () => {
    const key = fakeKey("openai", 1301);
    // SvelteKit reads .env.local in development; the key sits there under its PUBLIC_ name.
    const p = fixtureCopy("sveltekit", key, { ".env.local": "PUBLIC_OPENAI_API_KEY=__OPENAI_KEY__\n" });
    const code = p.path("src/lib/chat.ts");
    const route = p.path("src/routes/api/ai/openai/+server.ts");
    const envLocal = p.path(".env.local");
    const files = [code, route, envLocal, p.path(".gitignore")];
    const before = snapshot(files);
    assert.equal(before[route], undefined, "no route before the fix");
    assert.match(before[code]!, /PUBLIC_OPENAI_API_KEY/);

    const diagnostics = await diagnosticsOf(code);
    const call = diagnostics.find((d) => codeOf(d) === "no-client-ai-calls");
    assert.ok(call, `no no-client-ai-calls diagnostic among ${diagnostics.map(codeOf)}`);
    const action = await actionTitled(code, call, /^Move this AI call to a server route/);
    assert.equal(action.isPreferred, true);
    await apply(action);
    await saveAll();

    const routeText = read(route);
    assert.ok(routeText, "+server.ts created");
    assert.match(routeText, /import \{ env \} from "\$env\/dynamic\/private";/, "the route reads the key on the server");
    assert.match(routeText, /env\.OPENAI_API_KEY/);
    assert.match(routeText, /export const POST/);
    assert.match(routeText, /429/, "the route is rate-limited");
    const browser = read(code)!;
    assert.equal(browser.match(/callAiRoute\("\/api\/ai\/openai", \{/g)?.length, 2, "both calls go to the one route");
    assert.doesNotMatch(browser, /PUBLIC_OPENAI_API_KEY|\$env|from "openai"|dangerouslyAllowBrowser/, "no browser-side key or client");
    assert.ok(!browser.includes(key) && !routeText.includes(key), "the key is in no code file");
    assert.deepEqual(read(envLocal)?.split(/\r?\n/).filter(Boolean), [`OPENAI_API_KEY=${key}`], ".env.local holds the key under its server name");

    await assertNoKeyfenceDiagnostics([code, route, envLocal]);

    await undoIn(code);
    assert.deepEqual(snapshot(files), before, "one undo restores every file and removes the created ones");
  });

  it("Nuxt: composables/useChat.ts → server/api/ai/openai.post.ts with useRuntimeConfig; the key goes to .env", async () => {
    const key = fakeKey("openai", 1302);
    const p = fixtureCopy("nuxt", key);
    const code = p.path("composables/useChat.ts");
    const route = p.path("server/api/ai/openai.post.ts");
    const env = p.path(".env");
    const envLocal = p.path(".env.local");
    const files = [code, route, env, envLocal, p.path(".gitignore"), p.path("nuxt.config.ts")];
    const before = snapshot(files);
    assert.equal(before[route], undefined, "no route before the fix");
    assert.equal(before[env], undefined, "no .env before the fix");
    assert.ok(before[code]!.includes(key), "the fixture's key is in the browser code");

    const diagnostics = await diagnosticsOf(code);
    const call = diagnostics.find((d) => codeOf(d) === "no-client-ai-calls");
    assert.ok(call, `no no-client-ai-calls diagnostic among ${diagnostics.map(codeOf)}`);
    const action = await actionTitled(code, call, /^Move this AI call to a server route/);
    assert.equal(action.isPreferred, true);
    await apply(action);
    await saveAll();

    const routeText = read(route);
    assert.ok(routeText, "server/api/ai/openai.post.ts created");
    assert.match(routeText, /export default defineEventHandler\(/);
    assert.match(routeText, /useRuntimeConfig\(event\)\.openaiApiKey/, "the route reads the private runtimeConfig key");
    assert.match(routeText, /429/, "the route is rate-limited");
    const browser = read(code)!;
    assert.match(browser, /\$fetch<any>\("\/api\/ai\/openai", \{ method: "POST", body: /, "the browser posts to the route with Nuxt's $fetch");
    assert.doesNotMatch(browser, /callAiRoute|dangerouslyAllowBrowser|from "openai"/);
    assert.ok(!browser.includes(key) && !routeText.includes(key), "the key is in no code file");
    // Nuxt loads .env (not .env.local) in development, and fills runtimeConfig.openaiApiKey from NUXT_OPENAI_API_KEY.
    assert.deepEqual(read(env)?.split(/\r?\n/).filter(Boolean), [`NUXT_OPENAI_API_KEY=${key}`]);
    assert.equal(read(envLocal), undefined, "no .env.local for Nuxt");
    assert.equal(read(p.path("nuxt.config.ts")), before[p.path("nuxt.config.ts")], "nuxt.config.ts is not edited");

    await assertNoKeyfenceDiagnostics([code, route, env]);

    await undoIn(code);
    assert.deepEqual(snapshot(files), before, "one undo restores every file and removes the created ones");
  });
});

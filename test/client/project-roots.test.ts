/**
 * The root of a project no framework claims (an Express, Fastify or NestJS server, a script
 * folder): the nearest folder with a package.json, for the first file asked about and every later
 * one. The cache of "no framework here" once gave later files their own folder as the root, so a
 * server's tsconfig was not found and its `@/…` imports did not resolve (bench/real-apps batch 24,
 * peddroccas/consumption-reading: a Fastify route's Gemini call through `@/app` went unseen).
 */
import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { clearFrameworkCache, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { clearResolvers, resolverStats } from "../../eslint-plugin/src/engine/client/resolve";
import { clearSharedClientCache, resolveImport } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";

describe("project roots without a framework", () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), "keyfence-roots-")));
    mkdirSync(path.join(dir, ".git"));
    write("server/package.json", JSON.stringify({ dependencies: { fastify: "4" } }));
    write("server/tsconfig.json", `{\n  "compilerOptions": {\n    "baseUrl": "./" /* comment */,\n    "paths": { "@/*": ["./src/*"] }\n  }\n}\n`);
    write("server/src/app.ts", "export const app = {};\n");
    write("server/src/types.ts", "export type Id = string;\n");
    write("server/src/lib/db.ts", "export const db = {};\n");
    write("server/src/controllers/upload.ts", "export {};\n");
    write("server/src/controllers/user.ts", "export {};\n");
    write("scripts/run.js", "console.log(1);\n");
    clearFrameworkCache();
    clearResolvers();
    clearSharedClientCache();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is the nearest package folder on every call, for files in the same folder and in folders around it", () => {
    const files = ["server/src/controllers/upload.ts", "server/src/controllers/upload.ts", "server/src/controllers/user.ts", "server/src/app.ts", "server/src/lib/db.ts", "server/src/app.ts"];
    for (const rel of files) assert.deepEqual(frameworkOf(path.join(dir, rel)), { name: "unknown", root: path.join(dir, "server") }, rel);
    // No package.json at or above: the file's own folder, as before.
    assert.equal(frameworkOf(path.join(dir, "scripts/run.js")).root, path.join(dir, "scripts"));
    assert.equal(frameworkOf(path.join(dir, "scripts/run.js")).root, path.join(dir, "scripts"));
  });

  it("makes no resolver for a `node:` import, and still asks about a bare name the tsconfig's baseUrl may hold", () => {
    const from = path.join(dir, "server/src/controllers/upload.ts");
    const made = resolverStats.created;
    assert.equal(resolveImport(from, "node:fs"), undefined);
    assert.equal(resolveImport(from, "node:events"), undefined);
    assert.equal(resolverStats.created, made, "oxc-resolver's binary and the tsconfig are not loaded for a builtin");
    // `events` is Node's, unless baseUrl makes it the app's own file (TypeScript and oxc-resolver agree).
    write("server/events.ts", "export const bus = {};\n");
    assert.equal(resolveImport(from, "events"), path.join(dir, "server/events.ts"));
    assert.equal(resolveImport(from, "fs"), undefined);
  });

  it("resolves tsconfig paths for every import, not only the first", () => {
    const from = path.join(dir, "server/src/controllers/upload.ts");
    assert.equal(resolveImport(from, "@/lib/db"), path.join(dir, "server/src/lib/db.ts"));
    assert.equal(resolveImport(from, "@/app"), path.join(dir, "server/src/app.ts"));
    assert.equal(resolveImport(path.join(dir, "server/src/controllers/user.ts"), "@/types"), path.join(dir, "server/src/types.ts"));
  });
});

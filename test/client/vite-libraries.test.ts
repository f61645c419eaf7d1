/**
 * A package Vite only builds as a library (or only tests) is no single-page app. formbricks'
 * `packages/cache` lists `vite` to run `vite build` in library mode; read as an SPA, every module
 * under its `src/` was browser code and its `process.env.REDIS_URL` a leak. An app that imports
 * the package still follows it into its own graph.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { clearFrameworkCache, frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { resetClientGraphs } from "../../eslint-plugin/src/engine/client";
import { makeRepo, removeRepos } from "../env/support";

const LIBRARY_CONFIG = `import { defineConfig } from "vite";\nexport default defineConfig({ build: { lib: { entry: "src/index.ts", formats: ["es"] } } });\n`;
const VITEST_CONFIG = `import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { environment: "node" } });\n`;
const CLIENT = `import { createClient } from "redis";\nexport const cache = createClient({ url: process.env.REDIS_URL });\n`;

async function clientSecretsIn(dir: string): Promise<string[]> {
  clearFrameworkCache();
  resetClientGraphs();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
  const results = await eslint.lintFiles(["packages", "apps"]);
  return results.flatMap((result) => result.messages.filter((m) => m.ruleId === "keyfence/no-client-secrets").map((m) => `${result.filePath.slice(dir.length + 1)}:${m.line}`)).sort();
}

describe("Vite libraries are no single-page apps", function () {
  this.timeout(60_000);
  after(removeRepos);

  it("a library build or a Vitest-only package is no app; a Vite app (index.html) with a Vitest config is", async () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*", "apps/*"] }),
      "packages/cache/package.json": JSON.stringify({ name: "@acme/cache", main: "src/index.ts", dependencies: { redis: "4.0.0" }, devDependencies: { vite: "6.0.0" } }),
      "packages/cache/vite.config.ts": LIBRARY_CONFIG,
      "packages/cache/src/index.ts": CLIENT,
      "packages/jobs/package.json": JSON.stringify({ name: "@acme/jobs", devDependencies: { vite: "6.0.0", vitest: "3.0.0" } }),
      "packages/jobs/vite.config.ts": VITEST_CONFIG,
      "packages/jobs/src/connection.ts": CLIENT,
      "apps/site/package.json": JSON.stringify({ name: "site", dependencies: { vite: "6.0.0" } }),
      "apps/site/vite.config.ts": VITEST_CONFIG,
      "apps/site/index.html": `<script type="module" src="/src/main.ts"></script>\n`,
      "apps/site/src/main.ts": `console.log(process.env.REDIS_URL);\n`,
    });
    assert.equal(frameworkOf(join(dir, "packages/cache/src/index.ts")).name, "unknown");
    assert.equal(frameworkOf(join(dir, "packages/jobs/src/connection.ts")).name, "unknown");
    assert.equal(frameworkOf(join(dir, "apps/site/src/main.ts")).name, "vite");
    assert.deepEqual(await clientSecretsIn(dir), ["apps/site/src/main.ts:1"]);
  });

  it("a Node program run with vite-node, no Vite config and no page, is no app; one whose script serves a folder with Vite is (krunchontu/whatsapp-chatgpt, batch 250)", async () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*", "apps/*"] }),
      "packages/bot/package.json": JSON.stringify({ name: "bot", scripts: { start: "npx vite-node src/index.ts", test: "vitest" }, devDependencies: { vite: "5.2.0", "vite-node": "1.0.2" } }),
      "packages/bot/src/lib/redis.ts": CLIENT,
      "apps/site/package.json": JSON.stringify({ name: "site", scripts: { dev: "vite client" }, devDependencies: { vite: "6.0.0" } }),
      "apps/site/client/index.html": `<script type="module" src="/main.ts"></script>\n`,
      "apps/site/src/lib/redis.ts": CLIENT,
      // Vite listed and no script at all: still read as a Vite app.
      "apps/bare/package.json": JSON.stringify({ name: "bare", devDependencies: { vite: "6.0.0" } }),
      "apps/bare/src/key.ts": CLIENT,
    });
    assert.equal(frameworkOf(join(dir, "apps/bare/src/key.ts")).name, "vite");
    assert.equal(frameworkOf(join(dir, "packages/bot/src/lib/redis.ts")).name, "unknown");
    assert.equal(frameworkOf(join(dir, "apps/site/src/lib/redis.ts")).name, "vite");
    assert.deepEqual(await clientSecretsIn(dir), ["apps/bare/src/key.ts:2", "apps/site/src/lib/redis.ts:2"]);
  });

  it("an app that imports the library still finds its secret read in the browser", async () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*", "apps/*"] }),
      "packages/cache/package.json": JSON.stringify({ name: "@acme/cache", main: "src/index.ts", devDependencies: { vite: "6.0.0" } }),
      "packages/cache/vite.config.ts": LIBRARY_CONFIG,
      "packages/cache/src/index.ts": CLIENT,
      "apps/site/package.json": JSON.stringify({ name: "site", dependencies: { vite: "6.0.0", "@acme/cache": "workspace:*" } }),
      "apps/site/index.html": `<script type="module" src="/src/main.ts"></script>\n`,
      "apps/site/src/main.ts": `import { cache } from "@acme/cache";\nconsole.log(cache);\n`,
    });
    assert.deepEqual(await clientSecretsIn(dir), ["packages/cache/src/index.ts:2"]);
  });
});

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { projectReadsSecretEnv, readsSecretEnv } from "../../eslint-plugin/src/engine/gitignore/secret-env-reads";

describe("does a project's code read a secret env name (env-gitignore's absent `.env`)", () => {
  it("sees member reads, destructuring, SvelteKit and Astro private modules", () => {
    assert.equal(readsSecretEnv("const key = process.env.OPENAI_API_KEY;"), true);
    assert.equal(readsSecretEnv("const key = process.env?.GROQ_API_KEY;"), true);
    assert.equal(readsSecretEnv("const key = import.meta.env.VITE_GEMINI_API_KEY;"), true);
    assert.equal(readsSecretEnv('const key = process.env["ANTHROPIC_API_KEY"];'), true);
    assert.equal(readsSecretEnv("const { PORT, STRIPE_SECRET_KEY: stripe } = process.env;"), true);
    assert.equal(readsSecretEnv('import { OPENAI_API_KEY } from "$env/static/private";'), true);
    assert.equal(readsSecretEnv('import { OPENAI_API_KEY } from "astro:env/server";'), true);
    assert.equal(readsSecretEnv('const token = Deno.env.get("HF_TOKEN");'), true);
    // Behind a cast or `?.` (Rustam-gif/vocab's Expo config): the text never spells `process.env`.
    assert.equal(readsSecretEnv("const key = (process as any).env?.NEWS_API_KEY;"), true);
    assert.equal(readsSecretEnv("const key = process?.env?.GROQ_API_KEY;"), true);
    assert.equal(readsSecretEnv("const { OPENAI_API_KEY } = (process as any).env;"), true);
  });

  it("stays quiet on public settings and publishable names", () => {
    assert.equal(readsSecretEnv("const url = import.meta.env.VITE_API_URL; const mode = import.meta.env.MODE;"), false);
    assert.equal(readsSecretEnv("const { PORT, NODE_ENV } = process.env;"), false);
    assert.equal(readsSecretEnv("const anon = import.meta.env.VITE_SUPABASE_ANON_KEY;"), false);
    assert.equal(readsSecretEnv('import { PUBLIC_SITE } from "$env/static/public";'), false);
    assert.equal(readsSecretEnv("const apiKey = getKey();"), false);
  });

  it("setting or deleting a variable reads nothing; a read beside it still counts (AhmedTolbh/WitnessLive, batch 92)", () => {
    assert.equal(readsSecretEnv("window.process.env.API_KEY = result.geminiApiKey;\nwindow.process.env.GEMINI_API_KEY = result.geminiApiKey;"), false);
    assert.equal(readsSecretEnv('process.env["OPENAI_API_KEY"] = key; delete process.env.GROQ_API_KEY;'), false);
    assert.equal(readsSecretEnv("if (process.env.OPENAI_API_KEY == null) process.env.OPENAI_API_KEY = key;"), true);
    assert.equal(readsSecretEnv("process.env.OPENAI_API_KEY ||= load();"), true);
    assert.equal(readsSecretEnv("if (process.env.OPENAI_API_KEY === undefined) throw new Error();"), true);
  });

  it("stays linear on 1 MB of adversarial text", () => {
    for (const text of ["{".repeat(1 << 20), `{${"a,".repeat(1 << 19)}`, "process.env".repeat(1 << 16), `import {${" a".repeat(1 << 19)}`, "delete process.env.OPENAI_API_KEY ".repeat(1 << 15)]) {
      const started = Date.now();
      readsSecretEnv(text);
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    }
  });

  describe("over a project folder", () => {
    let root: string;
    const write = (files: Record<string, string>) => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    };
    beforeEach(() => (root = mkdtempSync(join(tmpdir(), "keyfence-secret-reads-"))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it("finds a read anywhere in the project's own source", () => {
      write({ "package.json": "{}", "src/lib/ai/client.ts": "export const key = process.env.OPENAI_API_KEY;\n" });
      assert.equal(projectReadsSecretEnv(root), true);
    });

    it("leaves nested packages, node_modules and build output to themselves", () => {
      write({
        "src/index.ts": "export const mode = process.env.NODE_ENV;\n",
        "backend/package.json": "{}",
        "backend/lib/openai.js": "export const key = process.env.OPENAI_SECRET_KEY;\n",
        "node_modules/openai/index.js": "const key = process.env.OPENAI_API_KEY;\n",
        "dist/assets/index.js": "const key = process.env.OPENAI_API_KEY;\n",
      });
      assert.equal(projectReadsSecretEnv(root), false);
      assert.equal(projectReadsSecretEnv(join(root, "backend")), true);
    });
  });
});

/**
 * Two Vite conventions read from the project, batch 136. A `define` of a global of the app's own
 * ships the env var its value carries (armanceau/keskonmange's `__APP_ENV__:
 * JSON.stringify(process.env.VITE_API_KEY)`). And where index.html loads scripts of its own, Vite
 * builds the page from those alone: `src/index.ts` is then no browser entry unless index.html names
 * it (Wilfried2905/codecraft-studio: `/src/client/main.tsx`, and a Hono server in src/index.ts).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-public-secrets";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientSecrets, type noPublicSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache } from "../../eslint-plugin/src/engine/client/framework";
import { ruleTester } from "../support/rule-tester";
import { inTempTree } from "../support/temp-tree";
import { appFile } from "./support";

const rule = plugin as unknown as RuleModule<keyof typeof noPublicSecretsMessages, [{ allow?: string[] }]>;
const viteConfig = appFile("vite", "vite.config.ts").filename;
const config = (...define: string[]) => [`import { defineConfig } from "vite";`, `export default defineConfig({`, `  define: {`, ...define.map((entry) => `    ${entry},`), `  },`, `});`].join("\n");

ruleTester().run("no-public-secrets: a Vite define judged by the env var its value carries", rule, {
  valid: [
    {
      // A test, a negation, a property of the key, a public or publishable name: no key is written.
      name: "defines of a test on a key, a URL, an anon key",
      filename: viteConfig,
      code: config(
        `__HAS_KEY__: JSON.stringify(process.env.VITE_API_KEY ? "on" : "off")`,
        `__KEY_SET__: JSON.stringify(!!process.env.OPENAI_API_KEY)`,
        `__KEY_LENGTH__: JSON.stringify(process.env.OPENAI_API_KEY?.length)`,
        `__URL__: JSON.stringify(process.env.VITE_API_URL)`,
        `__ANON__: JSON.stringify(process.env.VITE_SUPABASE_ANON_KEY)`,
        `__VERSION__: JSON.stringify(process.env.npm_package_version)`,
      ),
    },
  ],
  invalid: [
    {
      // armanceau/keskonmange's my-app/vite.config.ts.
      name: "a global of the app's own given a public-prefixed secret",
      filename: viteConfig,
      code: config(`__APP_ENV__: JSON.stringify(process.env.VITE_API_KEY)`),
      errors: [{ messageId: "configDefineSecret", line: 4, column: 5, data: { name: "VITE_API_KEY" } }],
    },
    {
      name: "an unprefixed secret, through a fallback or one branch of a conditional",
      filename: viteConfig,
      code: config(`__OPENAI__: JSON.stringify(process.env.OPENAI_API_KEY ?? "")`, `"globalThis.GROQ": process.env.CI ? '""' : JSON.stringify(process.env.GROQ_API_KEY)`),
      errors: [
        { messageId: "configDefineSecret", line: 4, data: { name: "OPENAI_API_KEY" } },
        { messageId: "configDefineSecret", line: 5, data: { name: "GROQ_API_KEY" } },
      ],
    },
    {
      // Judged by its key's name as before: one finding, not a second for its value.
      name: "a process.env entry of a secret given its own value: one finding",
      filename: viteConfig,
      code: config(`"process.env.VITE_API_KEY": JSON.stringify(process.env.VITE_API_KEY)`),
      errors: [{ messageId: "configDefineSecret", line: 4, data: { name: "VITE_API_KEY" } }],
    },
  ],
});


/** Wilfried2905/codecraft-studio's shape: a Vite page beside a Hono server kept in src/. */
const HONO_APP: Record<string, string> = {
  "package.json": JSON.stringify({ name: "studio", private: true, type: "module", dependencies: { hono: "4.0.0", "@hono/node-server": "1.0.0", react: "19.0.0" }, devDependencies: { vite: "6.0.0" } }),
  "vite.config.ts": `import { defineConfig } from "vite";\nexport default defineConfig({});\n`,
  "src/client/main.tsx": `import React from "react";\nexport const app = React;\n`,
  "src/routes/api.ts": `import { Hono } from "hono";\nconst api = new Hono();\nconst key = process.env.ANTHROPIC_API_KEY;\napi.post("/generate", (c) => c.json({ ok: Boolean(key) }));\nexport default api;\n`,
  "src/index.ts": `import { Hono } from "hono";\nimport api from "./routes/api";\nconst app = new Hono();\napp.route("/api", api);\nexport default app;\n`,
  "server.ts": `import { serve } from "@hono/node-server";\nimport app from "./src/index";\nserve({ fetch: app.fetch });\n`,
};

/** A Hono server beside a Vite page, with this index.html, in a throwaway folder (test/support/temp-tree). */
function inViteApp(indexHtml: string, test: (root: string) => void): void {
  inTempTree("keyfence-vite-page-", (root, write) => {
    for (const [rel, text] of Object.entries({ ...HONO_APP, "index.html": indexHtml })) write(rel, text);
    clearFrameworkCache();
    test(root);
  });
}

function clientSecretsIn(root: string, rel: string): string[] {
  const file = path.join(root, rel);
  const source = parseSource(file, fs.readFileSync(file, "utf8"));
  assert.ok(source);
  return findClientSecrets(source).map((finding) => `${finding.messageId} ${finding.data?.chain ?? ""}`);
}

const page = (script: string) => `<!doctype html>\n<html><body><div id="root"></div>${script}</body></html>\n`;

describe("no-client-secrets: a Vite page's scripts are the ones its index.html loads", () => {
  it("src/index.ts is no browser entry when index.html loads another script (Wilfried2905/codecraft-studio, batch 136)", () => {
    inViteApp(page(`<script type="module" src="/src/client/main.tsx"></script>`), (root) => assert.deepEqual(clientSecretsIn(root, "src/routes/api.ts"), []));
  });

  it("it is one when index.html loads it", () => {
    inViteApp(page(`<script type="module" src="/src/index.ts"></script>`), (root) =>
      assert.deepEqual(clientSecretsIn(root, "src/routes/api.ts"), ["clientSecret src/index.ts → src/routes/api.ts"]),
    );
  });

  it("and still by convention when index.html names no script that exists (Quasar writes its own; a broken src)", () => {
    for (const script of [`<!-- quasar:entry-point -->`, `<script type="module" src="/src/main.tsx"></script>`]) {
      inViteApp(page(script), (root) => assert.deepEqual(clientSecretsIn(root, "src/routes/api.ts"), ["clientSecret src/index.ts → src/routes/api.ts"], script));
    }
  });
});

/**
 * What the fix generates must pass KeyFence's own rules and type-check (strict, DOM + Node libs).
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ESLint } from "eslint";
import { applyPlan, copyFixture, type FixtureProject } from "./fixture-project";
import { planAt } from "./plan-helpers";

const REPO = path.join(__dirname, "..", "..");

/** Type stubs for the packages a generated route imports (the user's project has the real ones). */
const STUBS: Record<string, string> = {
  "node_modules/next/index.d.ts": `import type { IncomingMessage, ServerResponse } from "node:http";
export interface NextApiRequest extends IncomingMessage { body: any; query: Record<string, string | string[]> }
export interface NextApiResponse<T = any> extends ServerResponse { status(code: number): NextApiResponse<T>; json(body: T): void }
`,
  "node_modules/@upstash/redis/index.d.ts": "export declare class Redis { static fromEnv(): Redis }\n",
  "node_modules/@upstash/ratelimit/index.d.ts": `import type { Redis } from "@upstash/redis";
type Algorithm = { readonly kind: "algorithm" };
export declare class Ratelimit {
  constructor(config: { redis: Redis; limiter: Algorithm; prefix?: string });
  static slidingWindow(tokens: number, window: string): Algorithm;
  limit(identifier: string): Promise<{ success: boolean; limit: number; remaining: number; reset: number }>;
}
`,
};

/**
 * What each framework provides a generated route: SvelteKit's generated `./$types` and `$env`
 * modules, Astro's APIRoute, Nuxt's auto-imports (h3's real types, useRuntimeConfig, $fetch).
 */
/** SvelteKit generates `./$types` beside each route (written once the route exists: a stub there first would take its folder). */
const SVELTEKIT_ROUTE_TYPES = "export type RequestHandler = (event: { request: Request; url: URL; getClientAddress(): string }) => Response | Promise<Response>;\n";

const FRAMEWORK_STUBS: Record<string, Record<string, string>> = {
  sveltekit: {
    "src/env.d.ts": 'declare module "$env/dynamic/private" {\n  export const env: Record<string, string | undefined>;\n}\n',
  },
  astro: {
    "node_modules/astro/index.d.ts": "export type APIRoute = (context: { request: Request; url: URL; readonly clientAddress: string }) => Response | Promise<Response>;\n",
  },
  nuxt: {
    "node_modules/h3/index.d.ts": `export { defineEventHandler, toWebRequest, getRequestIP } from ${JSON.stringify(path.join(REPO, "node_modules", "h3"))};\n`,
    "auto-imports.d.ts": `import type { defineEventHandler as DefineEventHandler, toWebRequest as ToWebRequest, getRequestIP as GetRequestIP } from "h3";
declare global {
  const defineEventHandler: typeof DefineEventHandler;
  const toWebRequest: typeof ToWebRequest;
  const getRequestIP: typeof GetRequestIP;
  function useRuntimeConfig(event?: unknown): { openaiApiKey: string };
  function $fetch<T = unknown>(url: string, options?: { method?: string; body?: unknown }): Promise<T>;
}
export {};
`,
  },
};

const FIXED: { fixture: string; file: string; needle: string; extra?: Record<string, string> }[] = [
  { fixture: "next-app", file: "app/chat/page.tsx", needle: "new OpenAI" },
  { fixture: "next-pages", file: "pages/index.tsx", needle: "fetch(", extra: { ".env.local": "NEXT_PUBLIC_OPENAI_API_KEY=__OPENAI_KEY__\n" } },
  { fixture: "vite", file: "src/chat.ts", needle: "new OpenAI" },
  { fixture: "next-app-js", file: "app/chat/page.jsx", needle: "new OpenAI" },
  { fixture: "vite", file: "src/claude.ts", needle: "fetch(" },
  { fixture: "next-app-upstash", file: "src/app/chat/page.tsx", needle: "new OpenAI", extra: { ".env.local": "OPENAI_API_KEY=other\n" } },
  { fixture: "sveltekit", file: "src/lib/chat.ts", needle: "new OpenAI", extra: FRAMEWORK_STUBS.sveltekit },
  { fixture: "nuxt", file: "composables/useChat.ts", needle: "new OpenAI", extra: FRAMEWORK_STUBS.nuxt },
  { fixture: "astro", file: "src/components/Chat.tsx", needle: "new OpenAI", extra: FRAMEWORK_STUBS.astro },
  { fixture: "react-router", file: "app/routes/chat.tsx", needle: "new OpenAI" },
];

describe("generated code passes KeyFence and type-checks", function () {
  this.timeout(120_000);
  const projects: FixtureProject[] = [];
  const generated: string[] = [];
  const rewritten: string[] = [];

  before(() => {
    for (const { fixture, file, needle, extra } of FIXED) {
      const project = copyFixture(fixture, { ...extra, ...STUBS });
      projects.push(project);
      const plan = planAt(project, file, needle);
      assert.ok(plan, `${fixture} ${file}`);
      applyPlan(plan);
      for (const edit of plan.edits) if (edit.kind === "create" && /\.[jt]s$/.test(edit.file)) generated.push(edit.file);
      for (const edit of plan.edits) {
        if (edit.kind === "create" && edit.file.endsWith("+server.ts")) fs.writeFileSync(path.join(path.dirname(edit.file), "$types.d.ts"), SVELTEKIT_ROUTE_TYPES);
      }
      rewritten.push(project.file(file));
    }
  });
  after(() => projects.forEach((project) => project.remove()));

  it("generated routes and rewritten browser files type-check under strict TypeScript", () => {
    // The .tsx pages need React's types; the plain .ts browser files are checked here.
    const files = [...generated, ...rewritten].filter((file) => file.endsWith(".ts"));
    // One tsc run over every project: each file still resolves `next`/`@upstash/*` from its own project.
    const home = projects[0];
    const viteTypes = home.file("vite-env.d.ts");
    // Vite's `import.meta.env` typing comes from vite/client in a real app.
    fs.writeFileSync(viteTypes, "interface ImportMeta { readonly env: Record<string, string> }\n");
    fs.writeFileSync(
      home.file("tsconfig.check.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: ["node"],
          typeRoots: [path.join(REPO, "node_modules", "@types")],
          skipLibCheck: true,
          noUnusedLocals: true,
        },
        // The frameworks' ambient declarations (Nuxt's auto-imports, SvelteKit's $env) are files too.
        files: [...files, viteTypes, ...projects.flatMap((project) => ["auto-imports.d.ts", "src/env.d.ts"].map((name) => project.file(name)).filter((file) => fs.existsSync(file)))],
      }),
    );
    assert.ok(files.length >= 13, files.join("\n"));
    try {
      execFileSync(process.execPath, [path.join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", home.file("tsconfig.check.json")], { encoding: "utf8" });
    } catch (error) {
      assert.fail(`tsc failed:\n${(error as { stdout?: string }).stdout}`);
    }
  });

  it("generated and rewritten files raise no KeyFence finding", async () => {
    const plugin = require("../../eslint-plugin/src/index.ts") as { configs: { recommended: import("eslint").Linter.Config } };
    assert.ok(Object.keys(plugin.configs.recommended.rules ?? {}).length > 0, "some KeyFence rules are registered");
    for (const project of projects) {
      const eslint = new ESLint({ cwd: project.root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
      const files = [...generated, ...rewritten].filter((file) => file.startsWith(project.root + path.sep));
      const results = await eslint.lintFiles(files);
      const problems = results.flatMap((result) => result.messages.map((message) => `${path.relative(project.root, result.filePath)}:${message.line} ${message.ruleId} ${message.message}`));
      assert.deepEqual(problems, []);
    }
  });
});

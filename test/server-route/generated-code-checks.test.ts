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

const FIXED: { fixture: string; file: string; needle: string; extra?: Record<string, string> }[] = [
  { fixture: "next-app", file: "app/chat/page.tsx", needle: "new OpenAI" },
  { fixture: "next-pages", file: "pages/index.tsx", needle: "fetch(", extra: { ".env.local": "NEXT_PUBLIC_OPENAI_API_KEY=__OPENAI_KEY__\n" } },
  { fixture: "vite", file: "src/chat.ts", needle: "new OpenAI" },
  { fixture: "next-app-js", file: "app/chat/page.jsx", needle: "new OpenAI" },
  { fixture: "vite", file: "src/claude.ts", needle: "fetch(" },
  { fixture: "next-app-upstash", file: "src/app/chat/page.tsx", needle: "new OpenAI", extra: { ".env.local": "OPENAI_API_KEY=other\n" } },
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
        files: [...files, viteTypes],
      }),
    );
    assert.ok(files.length >= 7, files.join("\n"));
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

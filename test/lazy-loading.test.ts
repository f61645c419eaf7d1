/**
 * Issue 11: importing the plugin and linting loads only what the linted files need. Where the
 * user's config sets the parser (or a file is plain JavaScript), KeyFence's own TypeScript parser
 * and typescript-estree (a few hundred modules, a tenth of a second or more) are never loaded.
 * Each case runs in a fresh Node process, so the module cache shows what one lint run loaded.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const PLUGIN = path.join(__dirname, "../eslint-plugin/src/index.ts");

/** The @typescript-eslint packages a lint of `file` (with the config's extra object) loaded. */
function typescriptEslintLoaded(file: string, text: string, extraConfig: string, besides: Record<string, string> = {}): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-lazy-"));
  try {
    for (const [name, content] of Object.entries({ ...besides, [file]: text })) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    const script = `
      const { Linter } = require("eslint");
      const exported = require(${JSON.stringify(PLUGIN)});
      const keyfence = exported.default ?? exported;
      const linter = new Linter({ configType: "flat", cwd: ${JSON.stringify(dir)} });
      const messages = linter.verify(${JSON.stringify(text)}, [keyfence.configs.recommended, ${extraConfig}], ${JSON.stringify(path.join(dir, file))});
      if (messages.some((message) => message.fatal)) throw new Error(JSON.stringify(messages));
      const loaded = new Set();
      for (const module of Object.keys(require.cache)) {
        const match = /node_modules[\\\\/]@typescript-eslint[\\\\/]([^\\\\/]+)/.exec(module);
        if (match) loaded.add(match[1]);
        const own = /eslint-plugin[\\\\/]src[\\\\/](engine[\\\\/][^.]+)/.exec(module);
        if (own) loaded.add(own[1].split("\\\\").join("/"));
      }
      console.log(JSON.stringify([...loaded].sort()));
    `;
    const out = execFileSync(process.execPath, ["-r", "tsx/cjs", "-e", script], { cwd: path.join(__dirname, ".."), encoding: "utf8" });
    return JSON.parse(out.trim().split("\n").pop()!) as string[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("lazy loading (issue 11)", () => {
  it("a plain JavaScript file: neither @typescript-eslint/parser nor typescript-estree loads", () => {
    const loaded = typescriptEslintLoaded("app.js", "export const a = 1;\n", "{}");
    assert.ok(!loaded.includes("parser"), loaded.join());
    assert.ok(!loaded.includes("typescript-estree"), loaded.join());
  });

  it("a Next.js route in JavaScript beside a rate-limiting middleware.ts: the middleware is read without typescript-estree (oxc's tree)", () => {
    const middleware = 'import { Ratelimit } from "@upstash/ratelimit";\nconst limiter = new Ratelimit({ limiter: Ratelimit.slidingWindow(5, "60 s") });\nexport async function middleware(request: Request) {\n  await limiter.limit("ip");\n}\nexport const config = { matcher: ["/api/:path*"] };\n';
    const route = 'import OpenAI from "openai";\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nexport async function POST(req) {\n  return Response.json(await openai.chat.completions.create(await req.json()));\n}\n';
    const loaded = typescriptEslintLoaded("app/api/chat/route.js", route, "{}", { "package.json": JSON.stringify({ dependencies: { next: "15", openai: "4" } }), "middleware.ts": middleware });
    assert.ok(loaded.includes("engine/server-route/rate-limit/next-middleware"), loaded.join());
    assert.ok(!loaded.includes("typescript-estree"), loaded.join());
  });

  it("a source file with no key, no env file, no ESLint config: no gitignore engine, key history or fix planning loads", () => {
    const loaded = typescriptEslintLoaded("app.ts", 'import OpenAI from "openai";\nexport const a = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n', "{}");
    assert.ok(loaded.includes("engine/keys/hardcoded-keys"), loaded.join());
    for (const heavy of ["engine/gitignore/index", "engine/gitignore/findings", "engine/key-history/index", "engine/keys/hardcoded-keys/fixes", "engine/server-route/env-edits", "engine/fixes/move-key-to-env-file"]) {
      assert.ok(!loaded.includes(heavy), `${heavy} loaded`);
    }
  });

  it("a TypeScript file with no parser set: KeyFence's default parser loads then, and reads it", () => {
    const loaded = typescriptEslintLoaded("app.ts", "export const a: number = 1;\n", "{}");
    assert.ok(loaded.includes("parser"), loaded.join());
  });

  it("a TypeScript file whose config sets another parser: KeyFence's is not loaded", () => {
    // A stand-in for the user's parser: espree reads this file (no type syntax in it).
    const loaded = typescriptEslintLoaded("app.ts", "export const a = 1;\n", '{ languageOptions: { parser: require("espree") } }');
    assert.ok(!loaded.includes("parser"), loaded.join());
    assert.ok(!loaded.includes("typescript-estree"), loaded.join());
  });
});

/**
 * What a project loads or inherits without declaring it: a Dockerfile's `ENV` written in a stage the
 * image is built `FROM` (no-docker-keys), and dotenv loaded by the project's own code while it comes
 * from another package (env-gitignore).
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { dockerfileKeyFindings } from "../../eslint-plugin/src/engine/docker";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { frameworkRequiresIgnoring } from "../../eslint-plugin/src/engine/gitignore/framework-entries";
import { lint, makeRepo, removeRepos } from "./support";

describe("no-docker-keys: an ENV of a stage the image is built FROM", () => {
  /** `line:reference` of each build-argument finding. */
  const found = (text: string) =>
    dockerfileKeyFindings("/x/Dockerfile", text)
      .filter((finding) => finding.messageId === "buildArgInImage")
      .map((finding) => `${text.slice(0, finding.range.start).split("\n").length}:${text.slice(finding.range.start, finding.range.end)}`);

  it("reports the build argument an ENV of the base stage stores (iam-green/Chungbuk-Manual, batch 137)", () => {
    const chungbuk = [
      "FROM node:20-alpine AS base",
      "",
      "ARG DATABASE_URL \\",
      "  OPENAI_API_KEY",
      "ENV DATABASE_URL=$DATABASE_URL \\",
      "  OPENAI_API_KEY=$OPENAI_API_KEY",
      "",
      "FROM base AS builder",
      "WORKDIR /app",
      "COPY . .",
      "RUN npm ci && npm run build",
      "",
      "FROM base AS deploy",
      "WORKDIR /app",
      "COPY --from=builder /app/.next/standalone ./",
      'CMD ["node", "server.js"]',
      "",
    ].join("\n");
    assert.deepEqual(found(chungbuk), ["6:$OPENAI_API_KEY"]);
    assert.deepEqual(found("FROM node:20-alpine AS base\nARG OPENAI_API_KEY\nENV OPENAI_API_KEY=$OPENAI_API_KEY\nFROM base AS deploy\nCMD [\"node\", \"server.js\"]\n"), ["3:$OPENAI_API_KEY"]);
  });

  it("follows the stages through others, by name in any case and after --platform", () => {
    assert.deepEqual(found("FROM node:20 AS base\nARG OPENAI_API_KEY\nENV KEY=${OPENAI_API_KEY}\nFROM base AS mid\nRUN npm ci\nFROM mid\nCMD [\"npm\", \"start\"]\n"), ["3:${OPENAI_API_KEY}"]);
    assert.deepEqual(found("FROM --platform=$BUILDPLATFORM node:20 AS Base\nARG GROQ_API_KEY\nENV GROQ_API_KEY=$GROQ_API_KEY\nFROM --platform=$TARGETPLATFORM BASE\n"), ["3:$GROQ_API_KEY"]);
  });

  it("leaves out a stage the image only copies from, one it is not built on, and an ARG of another stage", () => {
    // The build stage stays behind: `COPY --from` takes its files, not its config.
    assert.deepEqual(found("FROM node:20 AS build\nARG GROQ_API_KEY\nENV GROQ_API_KEY=$GROQ_API_KEY\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n"), []);
    // The same image, not the stage: `node:20` is no stage's name.
    assert.deepEqual(found("FROM node:20 AS build\nARG OPENAI_API_KEY\nENV OPENAI_API_KEY=$OPENAI_API_KEY\nFROM node:20\nCOPY --from=build /app /app\n"), []);
    // A sibling of the image's base.
    assert.deepEqual(found("FROM node:20 AS base\nFROM base AS build\nARG OPENAI_API_KEY\nENV OPENAI_API_KEY=$OPENAI_API_KEY\nFROM base\nCOPY --from=build /app /app\n"), []);
    // Docker scopes an ARG to its stage: the image's ENV reads an empty value.
    assert.deepEqual(found("FROM node:20 AS base\nARG OPENAI_API_KEY\nFROM base\nENV OPENAI_API_KEY=$OPENAI_API_KEY\n"), []);
    assert.deepEqual(found("ARG OPENAI_API_KEY\nFROM node:20 AS base\nENV OPENAI_API_KEY=$OPENAI_API_KEY\nFROM base\n"), []);
  });
});

describe("env-gitignore: dotenv loaded by the project's code, not declared", () => {
  after(removeRepos);

  /** The env-gitignore findings as `file:line messageId`. */
  async function gitignoreFindings(dir: string): Promise<string[]> {
    const messages = await lint(dir);
    return messages.filter((m) => m.ruleId?.endsWith("env-gitignore")).map((m) => `${m.file}:${m.line} ${m.messageId} ${/\.env\.local/.test(m.message) ? ".env.local" : ""}`.trim());
  }

  /** An Express server in `server/` whose dotenv comes from another package (mdeplata/summaraizer, batch 135). */
  const server = (code: Record<string, string>, scripts: Record<string, string> = {}) => ({
    "server/package.json": JSON.stringify({ name: "server", type: "module", scripts, dependencies: { express: "^5.0.0" } }),
    "server/.gitignore": "node_modules\n.env\n",
    ...code,
  });

  it("needs `.env` only when the code loads plain dotenv (import and config(), require, dotenv/config)", async () => {
    const esm = { "server/controllers/upload.controller.js": 'import dotenv from "dotenv"\n\ndotenv.config()\nexport const key = process.env.OPENAI_API_KEY\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(esm))), []);
    const cjs = { "server/index.js": 'require("dotenv").config();\nmodule.exports = process.env.OPENAI_API_KEY;\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(cjs))), []);
    const preload = { "server/index.ts": 'import "dotenv/config";\nexport const key = process.env.OPENAI_API_KEY;\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(preload))), []);
    const reads = { "server/index.js": "export const key = process.env.OPENAI_API_KEY;\n" };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(reads, { start: "node -r dotenv/config index.js" }))), []);
  });

  it("still asks for `.env.local` when the code names one, loads none, or only imports dotenv", async () => {
    const local = { "server/index.js": 'import dotenv from "dotenv";\ndotenv.config({ path: ".env.local" });\nexport const key = process.env.OPENAI_API_KEY;\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(local))), ["server/.gitignore:1 missingEnvEntries .env.local"]);
    const byMode = { "server/index.js": 'const dotenv = require("dotenv");\ndotenv.config({ path: `.env.${process.env.NODE_ENV}.local` });\ndotenv.config();\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(byMode))), ["server/.gitignore:1 missingEnvEntries .env.local"]);
    const byConfig = { "server/index.js": 'import { config } from "dotenv";\nimport settings from "./settings.js";\nconfig({ path: `.env.${settings.mode}.local` });\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(byConfig))), ["server/.gitignore:1 missingEnvEntries .env.local"]);
    const none = { "server/index.js": "export const key = process.env.OPENAI_API_KEY;\n" };
    // Node's own loader reads `.env.local` beside dotenv.
    const nodeLoads = server({ "server/index.js": 'require("dotenv").config();\n' }, { dev: "node --env-file=.env.local index.js" });
    assert.deepEqual(await gitignoreFindings(makeRepo(nodeLoads)), ["server/.gitignore:1 missingEnvEntries .env.local"]);
    assert.deepEqual(await gitignoreFindings(makeRepo(server(none))), ["server/.gitignore:1 missingEnvEntries .env.local"]);
    const parseOnly = { "server/index.js": 'import { parse } from "dotenv";\nimport { readFileSync } from "node:fs";\nexport const env = parse(readFileSync(process.argv[2]));\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(server(parseOnly))), ["server/.gitignore:1 missingEnvEntries .env.local"]);
    // A nested package's dotenv is its own: the parent project loads nothing.
    const nested = { ...server(none), "server/tools/seed/package.json": "{}", "server/tools/seed/index.js": 'require("dotenv").config();\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(nested)), ["server/.gitignore:1 missingEnvEntries .env.local"]);
  });

  it("needs `.env` only at a root with no package.json whose own scripts load plain dotenv (AmberHcq/api_tests, batch 235)", async () => {
    const scripts = { ".gitignore": "node_modules\n.env\n", "search.js": 'require("dotenv").config()\nconst key = process.env.GROK_API_KEY;\nmodule.exports = key;\n' };
    assert.deepEqual(await gitignoreFindings(makeRepo(scripts)), []);
    // The same scripts without dotenv: whatever runs them may load `.env.local`.
    const bare = { ".gitignore": "node_modules\n.env\n", "search.js": "module.exports = process.env.GROK_API_KEY;\n" };
    assert.deepEqual(await gitignoreFindings(makeRepo(bare)), [".gitignore:1 missingEnvEntries .env.local"]);
  });

  it("stays linear on 1 MB source files", () => {
    const bodies = [
      `import${" ".repeat(1_000_000)}`,
      `require(${" ".repeat(999_990)}`,
      `from${"\t".repeat(999_990)}"dotenv`,
      `.env.${"a".repeat(999_990)}`,
      `.env${".env.".repeat(199_000)}`,
      `import dotenv from "dotenv";\nconfig${" ".repeat(999_900)}`,
      "import(".repeat(142_000),
      ` -r${" ".repeat(999_990)}dotenv/config`,
      `.env.${"a.".repeat(499_990)}`,
    ];
    const dir = makeRepo({ "package.json": "{}", ...Object.fromEntries(bodies.map((body, index) => [`src/file${index}.js`, body])) }, { git: false });
    clearGitignoreCache();
    const started = performance.now();
    assert.equal(frameworkRequiresIgnoring(join(dir, ".env.local"), ".env.local"), true);
    assert.ok(performance.now() - started < 4000);
  });
});

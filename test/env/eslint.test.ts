/**
 * The rules through the real ESLint class, on real git repositories: `eslint .` with the
 * config a user writes (`[keyfence.configs.recommended]`), `eslint --fix` twice, --cache.
 */
import assert from "node:assert/strict";
import { symlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { KEYFENCE_COMMENT, clearGitignoreCache, gitStateStamp } from "../../eslint-plugin/src/engine/gitignore";
import { LazyGitStateStamp } from "../../eslint-plugin/src/engine/gitignore/state-stamp";
import { fakeKey } from "../support/fake-keys";
import { lintProject } from "../support/lint-project";
import { git, lint, makeRepo, readFile, removeRepos, userConfig, writeFile } from "./support";
import { EXPECTED_MISSING, TEMPLATES } from "./templates";

/** The env-gitignore lines of `summary`: the code of a fixture may draw other rules' findings. */
function gitignoreOnly(messages: Parameters<typeof summary>[0]): string[] {
  return summary(messages).filter((line) => /(?:missingEnvEntries|noGitignore|trackedEnvFile|envReincluded)$/.test(line));
}

const JS = { "package.json": "{}", "eslint.config.js": "export default [];\n", "src/index.js": "export const a = 1;\n" };

function summary(messages: Awaited<ReturnType<typeof lint>>): string[] {
  return messages.map((m) => `${m.file}:${m.line} ${m.messageId ?? m.message}`);
}

describe("env/.gitignore through ESLint", () => {
  after(removeRepos);

  for (const [name, template] of Object.entries(TEMPLATES) as Array<[keyof typeof TEMPLATES, string]>) {
    it(`${name} template: reports on .gitignore only, and --fix twice settles it`, async () => {
      const dir = makeRepo({ ...JS, ".gitignore": template, ".env.local": "A=1\n" });
      const missing = EXPECTED_MISSING[name];
      assert.deepEqual(summary(await lint(dir)), missing.length > 0 ? [".gitignore:1 missingEnvEntries"] : []);
      await lint(dir, { fix: true });
      const fixed = readFile(dir, ".gitignore");
      const block = missing.length > 0 ? `\n${KEYFENCE_COMMENT}\n${missing.join("\n")}\n` : "";
      assert.equal(fixed, template + block);
      await lint(dir, { fix: true });
      assert.equal(readFile(dir, ".gitignore"), fixed, "a second --fix changes nothing");
      assert.deepEqual(summary(await lint(dir)), []);
    });
  }

  it("keeps CRLF and a missing final newline through --fix", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": "node_modules\r\n*.log" });
    await lint(dir, { fix: true });
    const fixed = readFile(dir, ".gitignore");
    assert.equal(fixed, `node_modules\r\n*.log\r\n\r\n${KEYFENCE_COMMENT}\r\n.env\r\n.env.local\r\n.env.*.local`);
    await lint(dir, { fix: true });
    assert.equal(readFile(dir, ".gitignore"), fixed);
  });

  it("names the files at risk and the entries in the message", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": "*.local\n", ".env": "A=1\n" });
    const [message] = await lint(dir);
    assert.equal(message.message, "Nothing in .gitignore stops git from committing `.env`. Add `.env` to this .gitignore.");
  });

  it("says .git/info/exclude protects this clone only", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": "*.local\n", ".env": "A=1\n" });
    writeFile(dir, ".git/info/exclude", ".env\n");
    const [message] = await lint(dir);
    assert.match(message.message, /only in \.git\/info\/exclude, which protects this clone only/);
  });

  it("reports a monorepo once, on the root .gitignore", async () => {
    const dir = makeRepo({
      ...JS,
      ".gitignore": "/.env\n/.env.local\n/.env.*.local\n",
      "packages/web/package.json": "{}",
      "packages/web/.gitignore": "dist\n",
      "packages/web/src/a.js": "export {};\n",
      "packages/api/package.json": "{}",
      "packages/api/.env": "A=1\n",
    });
    const messages = await lint(dir);
    assert.deepEqual(summary(messages), [".gitignore:1 missingEnvEntries"]);
    assert.match(messages[0].message, /`packages\/api\/\.env`/);
  });

  it("points at a nested `!.env` instead of appending after it", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": ".env*\n", "app/package.json": "{}", "app/.gitignore": "dist\n!.env\n" });
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig });
    clearGitignoreCache();
    const results = await eslint.lintFiles(["."]);
    const messages = results.flatMap((r) => r.messages.map((m) => ({ ...m, file: r.filePath })));
    assert.equal(messages.length, 1);
    const [message] = messages;
    assert.equal(message.file, join(dir, "app/.gitignore"));
    assert.deepEqual([message.messageId, message.line], ["envReincluded", 2]);
    assert.equal(message.fix, undefined, "removing a line someone wrote is a suggestion, not an autofix");
    assert.deepEqual(
      message.suggestions?.map((s) => [s.desc, s.fix]),
      [["Remove `!.env`", { range: [5, 11], text: "" }]],
    );
  });

  it("a `!` re-including an env symlink (formbricks' `apps/web/.env -> ../../.env`) is no leak: git commits the link", async () => {
    const files = { ...JS, ".gitignore": ".env*\n!apps/web/.env\n", ".env": `OPENAI_API_KEY=${fakeKey("openai")}\n`, "apps/web/package.json": "{}" };
    const linked = makeRepo(files);
    symlinkSync("../../.env", join(linked, "apps/web/.env"));
    git(linked, "add", "-f", "apps/web/.env");
    // Linted through the link it reads the root's key, yet git holds only the link: no report there.
    const reports = summary(await lint(linked)).filter((line) => line.startsWith("apps/web/") || line.endsWith("envReincluded"));
    assert.deepEqual(reports, []);
    const copied = makeRepo({ ...files, "apps/web/.env": `OPENAI_API_KEY=${fakeKey("openai")}\n` });
    assert.deepEqual(summary(await lint(copied)).filter((line) => line.endsWith("envReincluded")), [".gitignore:2 envReincluded"]);
  });

  it("reports a tracked .env holding a secret (rotate and untrack), not a tracked template", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": ".env*\n!.env.example\n", ".env": "STRIPE_SECRET_KEY=abc\n", ".env.example": "STRIPE_SECRET_KEY=\n" }, { add: [".env", ".env.example"] });
    const messages = await lint(dir);
    assert.deepEqual(summary(messages), [".env:1 trackedEnvFile"]);
    assert.match(messages[0].message, /Rotate those keys, then untrack the file \(`git rm --cached \.env`\)/);
  });

  it("a package.json inside another project's src/ is that project's data, not a project (WinstonTa/CalHacks-2025, batch 65)", async () => {
    const dir = makeRepo({
      "eslint.config.js": "export default [];\n",
      ".gitignore": "node_modules\n",
      "frontend/package.json": JSON.stringify({ name: "frontend", devDependencies: { vite: "7.0.0" } }),
      "frontend/.gitignore": "node_modules\n*.local\n",
      "frontend/src/main.js": "export const a = 1;\n",
      "frontend/src/firebase_json/package.json": JSON.stringify({ dependencies: { firebase: "12.4.0" } }),
    });
    const findings = summary(await lint(dir)).filter((line) => line.includes(".gitignore") || line.includes("eslint.config"));
    assert.deepEqual(findings, []);
    // A project of its own beside it still asks for its entries.
    writeFile(dir, "server/package.json", JSON.stringify({ name: "server", dependencies: { express: "4" } }));
    git(dir, "add", "server/package.json");
    clearGitignoreCache();
    assert.ok(summary(await lint(dir)).some((line) => line.startsWith(".gitignore:")), "the server's .env is not ignored");
  });

  it("a package.json in a tool's folder (Vite's pre-bundled deps, a committed node_modules, an `api` CLI's `.api/`) is no project (viktoravelino/ai-extension, batch 69)", async () => {
    const dir = makeRepo({
      "eslint.config.js": "export default [];\n",
      ".gitignore": "*.local\n*/.env\n",
      "ui/package.json": JSON.stringify({ name: "ui", devDependencies: { vite: "5.1.4" } }),
      "ui/src/main.js": "export const a = 1;\n",
      "ui/.vite/deps/package.json": '{ "type": "module" }\n',
      "api/package.json": JSON.stringify({ name: "api", dependencies: { express: "4", dotenv: "16" } }),
      "api/node_modules/left-pad/package.json": JSON.stringify({ name: "left-pad" }),
      // The SDK ReadMe's `api` CLI generates (`npx api install`: vverma022/model-merge, batch 121).
      "api/.api/apis/monster-api/package.json": JSON.stringify({ name: "@api/monster-api", dependencies: { api: "6", oas: "20" } }),
      // Yarn's editor SDKs (`yarn dlx @yarnpkg/sdks`, kept by Yarn's own `!.yarn/sdks`: webaverse-studios/ai-server, batch 173).
      ".yarn/sdks/eslint/package.json": JSON.stringify({ name: "eslint", version: "8.0.0-sdk", main: "./lib/api.js", type: "commonjs" }),
    });
    const findings = summary(await lint(dir)).filter((line) => line.includes(".gitignore") || line.includes("eslint.config"));
    assert.deepEqual(findings, []);
  });

  it("reports a tracked .env only when it holds a secret; a tracked .env.local always", async () => {
    const dir = makeRepo(
      {
        ...JS,
        ".gitignore": "node_modules\n",
        "plain/.env": "# OPENAI_API_KEY=\nVITE_GLOB_API_URL=/api\n",
        "keyed/.env": `OPENAI_API_KEY=${fakeKey("openai")}\n`,
        "named/.env": "SESSION_SECRET=abc\n",
        "local/.env.local": "A=1\n",
        // Hamza7031/react-chatgpt-clone (batch 62): a key written as JavaScript, on a line dotenv reads nothing from.
        "unread/.env": ` const API_KEY = '${fakeKey("openai")}'`,
        "commented/.env": `# OPENAI_API_KEY=${fakeKey("openai")}\nPORT=3000\n`,
      },
      { add: ["plain/.env", "keyed/.env", "named/.env", "local/.env.local", "unread/.env", "commented/.env"] },
    );
    const tracked = summary(await lint(dir)).filter((line) => line.endsWith("trackedEnvFile"));
    assert.deepEqual(tracked.sort(), ["commented/.env:1 trackedEnvFile", "keyed/.env:1 trackedEnvFile", "local/.env.local:1 trackedEnvFile", "named/.env:1 trackedEnvFile", "unread/.env:1 trackedEnvFile"]);
  });

  it("a tracked .env of committed defaults is no leak: flags, a credential-free URL, placeholders (huggingface/chat-ui's)", async () => {
    const defaults = "OPENAI_BASE_URL=https://router.huggingface.co/v1\nOPENAI_API_KEY=#your provider API key\nUSE_USER_TOKEN=false\nMONGODB_URL=mongodb://localhost:27017\nMONGODB_DIRECT_CONNECTION=false\nADMIN_TOKEN=<your admin token>\nSESSION_TIMEOUT=3600\n";
    const dir = makeRepo(
      {
        ...JS,
        ".gitignore": "node_modules\n",
        "defaults/.env": defaults,
        "password/.env": `${defaults}MONGODB_URL=mongodb://chat:hunter2-long@db.internal:27017\n`,
        "token/.env": "REDIS_URL=rediss://cache.internal:6380/0?auth_token=abc123def456\nREDIS_DB=0\n",
        // openstatus's test env files: every secret-named value a test placeholder.
        "tests/.env.test": "RESEND_API_KEY=test\nSTRIPE_SECRET_KEY='test'\nUPSTASH_REDIS_REST_TOKEN=\"test\"\nSESSION_SECRET=secret\nWEBHOOK_SIGNING_KEY=test_signing_key\n",
        // antoniojoser/Portfolio-GeminiApi-3D-Model (batch 36): a note where the key would be, in parentheses.
        "backend/.env": "API_KEY=(HERE WOULD BE MY API KEY, NOT ADDED FOR SECURITY)\nGEMINI_API_KEY=[your Gemini key]\n",
        // Shaikhjunaid506/mern-ai-chatbot (batch 50): the placeholder in words, quoted.
        "server/.env": 'PORT=5000\nMONGO_URI="mongodb api key"\nGEMINI_API_KEY="your api key"\n',
        // A passphrase is words too, but none of them says what goes there.
        "phrase/.env": 'SESSION_SECRET="correct horse battery staple"\n',
        // "Your key" in Portuguese and Spanish (alvarocamillont/gemini_angular_nest, batch 64), and a
        // template named in Portuguese, whatever it holds.
        "pt/.env": "GEMINI_API_KEY=SUA_CHAVE_AQUI\nOPENAI_API_KEY=tu_clave_api\n",
        "pt/.env.exemplo": "GEMINI_API_KEY=SUA_API_KEY\nSESSION_SECRET=abc123\n",
        // VishalTerenceVaz34/ai-chat-bot's tracked .env (batch 69): a token's lifetime, a placeholder behind a key's prefix.
        "jwt/.env": "JWT_SECRET=your_super_secret_jwt_key_change_this_in_production_12345\nJWT_EXPIRE=7d\nOPENAI_API_KEY=sk-your_openai_api_key_here\n",
        // ingoscargiraldor/Workshop4-Group5-Korea (batch 79): a provider's key named in one run-together
        // word, far shorter than any key of that provider; a short value under a name that is no provider's is still a secret.
        "short/.env": "MONGODB_URI=mongodbconnection\nOPENAI_API_KEY=openiakey\n",
        "short-other/.env": "SESSION_SECRET=hunter2abc\n",
        // patrickkuei/RunTogether (batch 99): each variable's own name where its value goes.
        "named/.env": "OPENAI_API_KEY='OPENAI_API_KEY'\nSESSION_SECRET=session_secret\n",
        // drhemanm/bank-statement-processor (batch 127): a key's prefix and an empty pair of quotes.
        "quoted/.env": "ANTHROPIC_API_KEY=sk-''\n",
        // longg20/Personal-ChatGPT-3.5 (batch 45): a provider's key split over several variables, each piece short.
        "split/.env": `REACT_APP_OPENAI_KEY_1=${["G4sQ", "x7Lm", "2Vr9"].join("")}\nREACT_APP_OPENAI_KEY_2=${["j0kT", "w4Jp", "e8N"].join("")}\n`,
      },
      { add: ["defaults/.env", "password/.env", "token/.env", "tests/.env.test", "backend/.env", "server/.env", "phrase/.env", "pt/.env", "pt/.env.exemplo", "jwt/.env", "short/.env", "short-other/.env", "named/.env", "quoted/.env", "split/.env"] },
    );
    const tracked = summary(await lint(dir)).filter((line) => line.endsWith("trackedEnvFile"));
    assert.deepEqual(tracked.sort(), ["password/.env:1 trackedEnvFile", "phrase/.env:1 trackedEnvFile", "short-other/.env:1 trackedEnvFile", "split/.env:1 trackedEnvFile", "token/.env:1 trackedEnvFile"]);
  });

  it("reads wrangler's .dev.vars as an env file: a tracked one with a key is reported, its template is not", async () => {
    const deepseek = fakeKey("deepseek");
    const dir = makeRepo(
      {
        ...JS,
        "wrangler.toml": 'name = "proxy"\nmain = "src/index.js"\n',
        ".gitignore": "node_modules\n",
        ".dev.vars": `DEEPSEEK_API_KEY=${deepseek}\n`,
        ".dev.vars.example": "DEEPSEEK_API_KEY=\n",
      },
      { add: [".dev.vars", ".dev.vars.example"] },
    );
    const messages = summary(await lint(dir)).filter((line) => line.startsWith(".dev.vars"));
    assert.deepEqual(messages.sort(), [".dev.vars:1 keyInTrackedFile", ".dev.vars:1 trackedEnvFile"]);
    const editor = lintProject(dir).filter((f) => basename(f.file).startsWith(".dev.vars")).map((f) => `${basename(f.file)} ${f.messageId}`);
    assert.deepEqual(editor.sort(), [".dev.vars keyInTrackedFile", ".dev.vars trackedEnvFile"], "the editor reads it too");
  });

  describe("required entries follow the framework", () => {
    const VITE = { ...JS, "package.json": JSON.stringify({ devDependencies: { vite: "5" } }) };
    const NUXT = { ...JS, "package.json": JSON.stringify({ devDependencies: { nuxt: "3" } }) };

    it("Vite: a committed .env of public settings needs no `.env` entry", async () => {
      const dir = makeRepo({ ...VITE, ".gitignore": "*.local\n", ".env": "VITE_GLOB_API_URL=/api\n" }, { add: [".env"] });
      assert.deepEqual(summary(await lint(dir)), []);
    });

    it("Vite: `.env` is required when it holds a secret, or does not exist yet and the code reads a secret", async () => {
      const secret = makeRepo({ ...VITE, ".gitignore": "*.local\n", ".env": `OPENAI_API_KEY=${["q7Lm", "x2Vr", "9TzK", "w4Jp", "e8Nc", "t5Hy"].join("")}\n` });
      const [message] = await lint(secret);
      assert.equal(message.messageId, "missingEnvEntries");
      assert.match(message.message, /Add `\.env` to this \.gitignore/);
      const reads = "export const key = import.meta.env.VITE_GEMINI_API_KEY;\n";
      const absent = makeRepo({ ...VITE, ".gitignore": "*.local\n", "src/gemini.js": reads });
      assert.deepEqual(gitignoreOnly(await lint(absent)), [".gitignore:1 missingEnvEntries"]);
    });

    it("Vite: no `.env` and no secret read in the code: `.env` is not required", async () => {
      const reads = "export const api = import.meta.env.VITE_API_URL;\nexport const mode = import.meta.env.MODE;\n";
      const dir = makeRepo({ ...VITE, ".gitignore": "*.local\n", "src/config.js": reads });
      assert.deepEqual(summary(await lint(dir)), []);
    });

    it("Remix's classic compiler loads `.env` only: `.env.local` is not required", async () => {
      const remix = { ...JS, "package.json": JSON.stringify({ devDependencies: { "@remix-run/dev": "2" } }), "remix.config.js": "export default {};\n" };
      const server = "export const openai = { apiKey: process.env.OPENAI_API_KEY };\n";
      assert.deepEqual(summary(await lint(makeRepo({ ...remix, ".gitignore": "node_modules\n.env\n", "app/openai.server.js": server }))), []);
      const vite = { ...remix, "vite.config.js": "export default {};\n", ".gitignore": "node_modules\n.env\n", "app/openai.server.js": server };
      const [message] = await lint(makeRepo(vite));
      assert.match(message?.message ?? "", /Add `\.env\.local` and `\.env\.\*\.local`/);
    });

    it("a server package with its own package.json inside a Vite repository is not a Vite project", async () => {
      const dir = makeRepo({ ...VITE, ".gitignore": "*.local\n/.env\n", "service/package.json": "{}", "service/.env": "PORT=3000\n" });
      assert.match((await lint(dir))[0]?.message ?? "", /`service\/\.env`/);
    });

    it("Nuxt reads `.env` only: `.env.local` and `.env.*.local` are not required", async () => {
      const dir = makeRepo({ ...NUXT, ".gitignore": "node_modules\n.env\n" });
      assert.deepEqual(summary(await lint(dir)), []);
      const missing = makeRepo({ ...NUXT, ".gitignore": "node_modules\n" });
      const [message] = await lint(missing);
      assert.match(message.message, /Add `\.env` to this \.gitignore\.$/);
    });

    it("Angular reads no env file: none is required unless the code reads a secret; with @ngx-env/builder, as Vite", async () => {
      const angular = { ...JS, "package.json": JSON.stringify({ dependencies: { "@angular/core": "19" } }), "angular.json": "{}", ".gitignore": "node_modules\n/dist\n" };
      // Angular's own .gitignore lists no env file, and an app that keeps its settings in
      // src/environments reads none.
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...angular, "src/main.js": "export const api = '/api';\n" }))), []);
      const ngxEnv = { ...angular, "package.json": JSON.stringify({ dependencies: { "@angular/core": "19" }, devDependencies: { "@ngx-env/builder": "19" } }) };
      const reads = { "src/environments/environment.js": "export const key = import.meta.env.NG_APP_OPENAI_API_KEY;\n" };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...ngxEnv, ...reads }))), [".gitignore:1 missingEnvEntries"]);
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...ngxEnv, ".gitignore": "node_modules\n*.local\n", "src/main.js": "export const api = '/api';\n" }))), []);
      // Maperti8/Llama2-custom-chatbot (batch 87): an Express server in the package loads `.env` with plain dotenv.
      const withDotenv = { ...angular, "package.json": JSON.stringify({ dependencies: { "@angular/core": "15", dotenv: "16", express: "4" } }), "src/server/index.js": "require('dotenv').config();\nexport const key = process.env.REPLICATE_API_TOKEN;\n" };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...withDotenv, ".gitignore": "node_modules\n.env\n" }))), []);
      const [message] = await lint(makeRepo(withDotenv));
      assert.match(message?.message ?? "", /Add `\.env` to this \.gitignore\.$/);
    });

    it("a Node project loading env with plain dotenv needs `.env` only", async () => {
      const dotenv = { ...JS, "package.json": JSON.stringify({ dependencies: { dotenv: "16", express: "4" } }) };
      assert.deepEqual(summary(await lint(makeRepo({ ...dotenv, ".gitignore": "node_modules\n.env\n" }))), []);
      const [message] = await lint(makeRepo({ ...dotenv, ".gitignore": "node_modules\n" }));
      assert.match(message.message, /Add `\.env` to this \.gitignore\.$/);
    });

    it("a NestJS app whose root module loads @nestjs/config without envFilePath needs `.env` only (tonovarela/nestjs-openai, batch 106)", async () => {
      const nest = (module: string) => ({
        ...JS,
        "package.json": JSON.stringify({ dependencies: { "@nestjs/core": "10", "@nestjs/config": "3" } }),
        "src/app.module.ts": `import { Module } from "@nestjs/common";\nimport { ConfigModule } from "@nestjs/config";\n@Module({ imports: [${module}] })\nexport class AppModule {}\n`,
        ".gitignore": "node_modules\n.env\n",
      });
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(nest("ConfigModule.forRoot()")))), []);
      // `envFilePath` may name `.env.development.local` (as Nest's docs show): all three, as for any Node project.
      const [message] = await lint(makeRepo(nest(`ConfigModule.forRoot({ envFilePath: [".env.development.local", ".env"] })`)));
      assert.match(message?.message ?? "", /\.env\.local/);
    });

    it("a Vite-built extension (CRXJS, WXT) that reads no secret is not asked to ignore a `.env` it does not have (angra8410/linkedin-ai-chrome-extension, batch 107)", async () => {
      const crx = { ...JS, "package.json": JSON.stringify({ devDependencies: { vite: "5", "@crxjs/vite-plugin": "2" } }), "vite.config.js": "export default {};\n", "src/popup.js": "export const api = 'http://localhost:11434';\n", ".gitignore": "node_modules\n*.local\n" };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(crx))), []);
      // …but `.env.local` stays required, as for Vite.
      const [message] = await lint(makeRepo({ ...crx, ".gitignore": "node_modules\n.env\n" }));
      assert.match(message?.message ?? "", /\.env\.local/);
    });

    it("a webpack app whose config loads dotenv (declared or not) needs `.env` only; one that loads none, all three", async () => {
      // brauliopf/translator (bench/real-apps): `require("dotenv").config()` in webpack.config.js, dotenv installed but not declared.
      const webpackApp = (config: string) => ({
        ...JS,
        "package.json": JSON.stringify({ scripts: { build: "webpack" }, devDependencies: { webpack: "5", "html-webpack-plugin": "5" } }),
        "webpack.config.js": `${config}const HtmlWebpackPlugin = require("html-webpack-plugin");\nmodule.exports = { entry: "./src/index.js", plugins: [new HtmlWebpackPlugin()] };\n`,
        "src/index.js": "export const api = '/api';\n",
      });
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...webpackApp(`require("dotenv").config();\n`), ".gitignore": "node_modules\n.env\n" }))), []);
      const [message] = await lint(makeRepo({ ...webpackApp(""), ".gitignore": "node_modules\n.env\n" }));
      assert.match(message?.message ?? "", /\.env\.local/);
    });

    it("dotenv beside a loader of `.env.local` (Bun, WXT) needs all three", async () => {
      // oniafk/chatbot-langchain-backend and YCPyc/writingbuddy (bench/real-apps): dotenv in the
      // dependencies, but Bun and WXT load `.env.local` themselves.
      const bun = { ...JS, "package.json": JSON.stringify({ scripts: { start: "bun src/index.ts" }, dependencies: { dotenv: "16", hono: "4" } }) };
      const wxt = { ...JS, "package.json": JSON.stringify({ scripts: { dev: "wxt" }, dependencies: { dotenv: "16" }, devDependencies: { wxt: "0.19" } }) };
      const bunTypes = { ...JS, "package.json": JSON.stringify({ dependencies: { dotenv: "16" }, devDependencies: { "@types/bun": "1" } }) };
      // Mastra's CLI loads the first of `.env.development`, `.env.local` and `.env` (Dzakiart19/Auto-upload-fb, batch 123).
      const mastra = { ...JS, "package.json": JSON.stringify({ scripts: { dev: "mastra dev" }, dependencies: { dotenv: "17", "@mastra/core": "0.14" }, devDependencies: { mastra: "0.14" } }) };
      for (const project of [bun, wxt, bunTypes, mastra]) {
        const [message] = await lint(makeRepo({ ...project, ".gitignore": "node_modules\n.env\n" }));
        assert.match(message?.message ?? "", /\.env\.local/, JSON.stringify(project["package.json"]));
      }
      // A script that only names Bun in a path is no Bun run.
      const notBun = { ...JS, "package.json": JSON.stringify({ scripts: { start: "node scripts/bun-check.js" }, dependencies: { dotenv: "16" } }) };
      assert.deepEqual(summary(await lint(makeRepo({ ...notBun, ".gitignore": "node_modules\n.env\n" }))), []);
    });

    it("Cloudflare with `.dev.vars`: wrangler skips `.env`, so an absent `.env` is not required", async () => {
      const worker = {
        ...JS,
        "package.json": JSON.stringify({ devDependencies: { wrangler: "3" } }),
        "wrangler.toml": 'name = "chat"\n',
        "src/index.js": "export const key = (env) => env.OPENAI_API_KEY;\nconst script = process.env.OPENAI_API_KEY;\n",
        ".gitignore": "node_modules\n.dev.vars\n",
      };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...worker, ".dev.vars.example": "OPENAI_API_KEY=\n" }))), []);
      // zkorra/genai-chat-worker (batch 37) names its template with a hyphen.
      assert.deepEqual(gitignoreOnly(await lint(makeRepo({ ...worker, ".dev.vars-example": "OPENAI_API_KEY=\n" }))), []);
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(worker))), [".gitignore:1 missingEnvEntries"]);
    });

    it("a repository root that is no project (packages in sub-folders) needs entries only when its own code reads a secret", async () => {
      const packages = {
        ".gitignore": "notes*\n",
        "web/package.json": JSON.stringify({ devDependencies: { vite: "5" } }),
        "web/.gitignore": "*.local\n.env\n",
        "web/src/ai.js": "export const key = import.meta.env.VITE_OPENAI_KEY;\n",
        "api/package.json": JSON.stringify({ dependencies: { dotenv: "16" } }),
        "api/.gitignore": ".env\n",
        "api/openai.js": "export const key = process.env.OPENAI_API_KEY;\n",
      };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(packages))), []);
      const rootScript = { ...packages, "scripts/seed.js": "const key = process.env.OPENAI_API_KEY;\n" };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(rootScript))), [".gitignore:1 missingEnvEntries"]);
      // pavelee/react-deepgram-example (batch 43): the root's tracked .env holds Docker Compose's
      // settings (ports, names) and no secret; required once it holds one, or once a compose file there asks for one.
      const compose = { ...packages, ".env": "PROXY_PORT=8080\nPROXY_NAME=proxy\n", "docker-compose.yml": "services:\n  api:\n    build: ./api\n    ports:\n      - ${PROXY_PORT}:8080\n" };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(compose, { add: [".env"] }))), []);
      const asks = { ...compose, "docker-compose.yml": `${compose["docker-compose.yml"]}    environment:\n      OPENAI_API_KEY: \${OPENAI_API_KEY}\n` };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(asks, { add: [".env"] }))), [".gitignore:1 missingEnvEntries"]);
      const holds = { ...compose, ".env": `${compose[".env"]}OPENAI_API_KEY=${["q7Lm", "x2Vr", "9TzK", "w4Jp", "e8Nc", "t5Hy"].join("")}\n` };
      assert.deepEqual(gitignoreOnly(await lint(makeRepo(holds, { add: [".env"] }))), [".env:1 trackedEnvFile", ".gitignore:1 missingEnvEntries"]);
    });

    it("a project without a framework needs all three entries, whatever .env holds", async () => {
      const dir = makeRepo({ ...JS, ".gitignore": "*.local\n", ".env": "PORT=3000\n" });
      assert.deepEqual(summary(await lint(dir)), [".gitignore:1 missingEnvEntries"]);
    });
  });

  it("reports a tracked .env.production only when it holds a secret", async () => {
    const dir = makeRepo(
      { ...JS, ".gitignore": ".env\n.env.local\n.env.*.local\n", ".env.production": "NEXT_PUBLIC_SITE_URL=https://example.com\n", ".env.staging": "STRIPE_SECRET_KEY=abc\n" },
      { add: [".env.production", ".env.staging"] },
    );
    assert.deepEqual(summary(await lint(dir)), [".env.staging:1 trackedEnvFile"]);
  });

  it("without a .gitignore, reports once on the repository's topmost eslint.config.js", async () => {
    const dir = makeRepo({
      ...JS,
      "packages/web/package.json": "{}",
      "packages/web/eslint.config.js": "export default [];\n",
      "packages/web/index.js": "export {};\n",
    });
    assert.deepEqual(summary(await lint(dir)), ["eslint.config.js:1 noGitignore"]);
  });

  describe("a repository whose only .gitignore is in a project folder", () => {
    const CRA_GITIGNORE = "node_modules\n.env.local\n.env.development.local\n.env.test.local\n.env.production.local\n";
    const CRA = {
      "app/package.json": JSON.stringify({ dependencies: { "react-scripts": "5" } }),
      "app/src/index.js": "export const key = process.env.REACT_APP_OPENAI_API_KEY;\n",
    };

    it("reports the missing entries on that .gitignore, and --fix appends them there", async () => {
      const dir = makeRepo({ ...CRA, "app/.gitignore": CRA_GITIGNORE });
      const messages = await lint(dir);
      assert.deepEqual(gitignoreOnly(messages), ["app/.gitignore:1 missingEnvEntries"]);
      assert.equal(messages[0].message, "Nothing in .gitignore stops git from committing `.env`. Add `.env` to this .gitignore.");
      await lint(dir, { fix: true });
      assert.equal(readFile(dir, "app/.gitignore"), `${CRA_GITIGNORE}\n${KEYFENCE_COMMENT}\n.env\n`);
      assert.deepEqual(gitignoreOnly(await lint(dir)), []);
    });

    it("is silent when that .gitignore covers the project's env files", async () => {
      const dir = makeRepo({ ...CRA, "app/.gitignore": `${CRA_GITIGNORE}.env\n` });
      assert.deepEqual(gitignoreOnly(await lint(dir)), []);
    });

    it("leaves the root's own env files to the eslint.config.js report", async () => {
      const dir = makeRepo({ ...JS, ...CRA, "app/.gitignore": `${CRA_GITIGNORE}.env\n` });
      const messages = await lint(dir);
      assert.deepEqual(gitignoreOnly(messages), ["eslint.config.js:1 noGitignore"]);
      assert.doesNotMatch(messages[0].message, /app\//);
    });
  });

  it("is silent without git", async () => {
    const dir = makeRepo({ ...JS, ".env": "A=1\n", ".env.local": "B=2\n" }, { git: false });
    assert.deepEqual(summary(await lint(dir)), []);
  });

  it("leaves code files named like env files to JavaScript", async () => {
    const key = fakeKey("openai");
    const dir = makeRepo({ ...JS, ".gitignore": ".env*\n", ".env.ts": `export const env: { key: string } = { key: "${key}" };\n` });
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig });
    const [result] = await eslint.lintFiles([".env.ts"]);
    // TypeScript syntax parses, and the code rules run: the key is a hardcoded key, not an env entry.
    assert.deepEqual(result.messages.map((m) => m.ruleId), ["keyfence/no-hardcoded-keys"]);
  });

  it("survives binary files and never rewrites them", async () => {
    const binary = "\u0000\u0001binary\n";
    const dir = makeRepo({ ...JS, ".gitignore": binary, ".env": `A=${binary}`, ".env.example": `OPENAI_API_KEY=${fakeKey("openai")}\u0000` });
    assert.deepEqual(summary(await lint(dir, { fix: true })), []);
    assert.equal(readFile(dir, ".gitignore"), binary);
  });

  describe("keys in env files", () => {
    const key = fakeKey("openai");

    it("reports a key in a committed template, redacted, with a suggestion to empty it", async () => {
      const dir = makeRepo({ ...JS, ".gitignore": ".env\n.env.local\n.env.*.local\n", ".env.example": `OPENAI_API_KEY=${key}\n` });
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig });
      clearGitignoreCache();
      const [result] = await eslint.lintFiles([".env.example"]);
      const [message] = result.messages;
      assert.deepEqual([message.messageId, message.line, message.column], ["keyInTemplate", 1, 16]);
      assert.ok(!message.message.includes(key), "the message never shows the key");
      assert.match(message.message, /^OpenAI .* in \.env\.example, a template meant to be committed/);
      const start = "OPENAI_API_KEY=".length;
      assert.deepEqual(message.suggestions?.map((s) => [s.desc, s.fix]), [
        ["Leave OPENAI_API_KEY empty in the template", { range: [start, start + key.length], text: "" }],
      ]);
    });

    it("reports a key in a tracked .env and in an env file nothing ignores", async () => {
      const dir = makeRepo(
        { ...JS, ".gitignore": ".env.local\n", ".env": `OPENAI_API_KEY=${key}\n`, ".env.staging": `export OPENAI_API_KEY="${key}"\n` },
        { add: [".env"] },
      );
      const messages = summary(await lint(dir)).sort();
      assert.deepEqual(messages, [".env.staging:1 keyNotIgnored", ".env:1 keyInTrackedFile", ".env:1 trackedEnvFile", ".gitignore:1 missingEnvEntries"]);
    });

    it("honours `# eslint-disable-next-line` comments", async () => {
      const dir = makeRepo({
        ...JS,
        ".gitignore": ".env\n.env.local\n.env.*.local\n",
        ".env.example": `# eslint-disable-next-line keyfence/no-committed-env-keys -- revoked demo key\nOPENAI_API_KEY=${key}\nNEXT_PUBLIC_OPENAI_API_KEY=\n`,
      });
      assert.deepEqual(summary(await lint(dir)), [".env.example:3 publicSecretName"]);
    });

    it("leaves keys in properly ignored local files alone", async () => {
      const dir = makeRepo({ ...JS, ".gitignore": ".env\n.env.local\n.env.*.local\n", ".env.local": `OPENAI_API_KEY=${key}\n`, ".env": `OPENAI_API_KEY='${key}'\n` });
      assert.deepEqual(summary(await lint(dir)), []);
    });

    it("reports a secret with a public prefix wherever it is, with a rename suggestion", async () => {
      const dir = makeRepo({ ...JS, ".gitignore": ".env*\n", ".env.local": "NEXT_PUBLIC_OPENAI_API_KEY=\nNEXT_PUBLIC_SITE_URL=https://example.com\n" });
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig });
      clearGitignoreCache();
      const [result] = await eslint.lintFiles([".env.local"]);
      assert.deepEqual(result.messages.map((m) => [m.messageId, m.line, m.column]), [["publicSecretName", 1, 1]]);
      assert.deepEqual(result.messages[0].suggestions?.map((s) => [s.desc, s.fix]), [["Rename to OPENAI_API_KEY", { range: [0, 26], text: "OPENAI_API_KEY" }]]);
    });

    it("offers no one-file rename while code reads the name (the code would read a variable that is gone)", async () => {
      const dir = makeRepo({ ...JS, ".gitignore": ".env*\n", ".env.local": "NEXT_PUBLIC_OPENAI_API_KEY=\n", "src/chat.js": "export const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\n" });
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig });
      clearGitignoreCache();
      const [result] = await eslint.lintFiles([".env.local"]);
      assert.deepEqual(result.messages.map((m) => m.messageId), ["publicSecretName"]);
      assert.deepEqual(result.messages[0].suggestions ?? [], []);
    });
  });

  it("re-lints under --cache when git's view of env files changes, not on every index change", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": ".env\n.env.local\n.env.*.local\n", ".env": "SESSION_SECRET=abc\n" }, { add: [".env"] });
    const cacheLocation = join(dir, ".eslintcache");
    // Each CLI run is a new process with a new stamp; here, a new config (and stamp) per run.
    const run = async () => {
      clearGitignoreCache();
      const config = [{ ...plugin.configs.recommended, settings: { keyfenceGitState: new LazyGitStateStamp(dir) } }];
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, cache: true, cacheLocation });
      return (await eslint.lintFiles(["."])).flatMap((r) => r.messages.map((m) => m.messageId));
    };
    assert.deepEqual(await run(), ["trackedEnvFile"]);
    assert.deepEqual(await run(), ["trackedEnvFile"], "served from the cache");
    clearGitignoreCache();
    const before = gitStateStamp(dir);
    git(dir, "add", "src/index.js");
    git(dir, "commit", "-q", "-m", "code");
    clearGitignoreCache();
    assert.equal(gitStateStamp(dir), before, "staging and committing code leaves the JS cache valid");
    git(dir, "rm", "-q", "--cached", ".env");
    clearGitignoreCache();
    assert.notEqual(gitStateStamp(dir), before);
    assert.deepEqual(await run(), [], "the stale report is gone");
    writeFile(dir, ".gitignore", ".env\n.env.local\n.env.*.local\nnode_modules\n");
    clearGitignoreCache();
    assert.notEqual(gitStateStamp(dir), before, "an edited root .gitignore re-lints");
  });

  it("computes the stamp only when ESLint serialises the config for --cache", async () => {
    const dir = makeRepo({ ...JS, ".gitignore": ".env\n" });
    let computed = 0;
    class CountingStamp extends LazyGitStateStamp {
      override toJSON(): string {
        computed++;
        return super.toJSON();
      }
    }
    const lintWith = async (cache: boolean) => {
      const config = [{ ...plugin.configs.recommended, settings: { keyfenceGitState: new CountingStamp(dir) } }];
      await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, cache, cacheLocation: join(dir, ".eslintcache") }).lintFiles(["."]);
    };
    await lintWith(false);
    assert.equal(computed, 0, "no cache, no git");
    await lintWith(true);
    assert.ok(computed > 0);
    assert.equal(JSON.stringify({ stamp: new LazyGitStateStamp(dir) }), JSON.stringify({ stamp: gitStateStamp(dir) }));
  });
});

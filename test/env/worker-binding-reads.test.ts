/**
 * A Worker's or Pages Function's `env.OPENAI_API_KEY` is a secret read in a wrangler project:
 * wrangler fills `env` from `.env` / `.env.local` when there is no `.dev.vars`, so env-gitignore asks
 * for those entries (1837620622/Diviner's Pages Functions, batch 150). Elsewhere a bare `env.X` is not counted.
 */
import assert from "node:assert/strict";
import { clearSecretEnvReadsCache, projectReadsSecretEnv, readsSecretBinding } from "../../eslint-plugin/src/engine/gitignore/secret-env-reads";
import { inTempTree } from "../support/temp-tree";
import { lint, makeRepo, removeRepos } from "./support";

const PAGES_FUNCTION = [
  "export async function onRequestPost(context) {",
  "  const { request, env } = context;",
  "  const body = await request.json();",
  '  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: `Bearer ${env.OPENAI_API_KEY}` }, body: JSON.stringify(body) });',
  "}",
  "",
].join("\n");

describe("a Worker's env bindings are secret reads in a wrangler project (env-gitignore)", () => {
  after(removeRepos);

  it("sees `env.NAME`, `c.env.NAME`, `this.env[…]` and destructured bindings", () => {
    assert.equal(readsSecretBinding("const key = env.MODELSCOPE_API_KEY;"), true);
    assert.equal(readsSecretBinding("const key = c.env?.GROQ_API_KEY;"), true);
    assert.equal(readsSecretBinding('const key = this.env["ANTHROPIC_API_KEY"];'), true);
    assert.equal(readsSecretBinding("const { CHAT_LOGS, OPENAI_API_KEY } = env;"), true);
    assert.equal(readsSecretBinding("const { GEMINI_API_KEY: key } = context.env;"), true);
  });

  it("stays quiet on bindings that hold no secret, on other names ending in env, and on setting one", () => {
    assert.equal(readsSecretBinding("await env.CHAT_LOGS.put(id, record); const model = env.MODEL_NAME;"), false);
    assert.equal(readsSecretBinding("const key = myenv.OPENAI_API_KEY + $env.GROQ_API_KEY;"), false);
    assert.equal(readsSecretBinding("const { OPENAI_API_KEY } = environment;"), false);
    assert.equal(readsSecretBinding("env.OPENAI_API_KEY = 'test'; delete env.GROQ_API_KEY;"), false);
  });

  it("stays linear on 1 MB of adversarial text", () => {
    for (const text of ["env.".repeat(1 << 18), `{${"a,".repeat(1 << 19)}`, `{}=${"a.".repeat(1 << 19)}`, "{} = a.b.c.d.e.".repeat(1 << 16), `env${" ".repeat(1 << 20)}`]) {
      const started = Date.now();
      readsSecretBinding(text);
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    }
  });

  it("over a project folder, counts a binding read only where a wrangler config sits (toml, json or jsonc)", () => {
    for (const config of ["wrangler.toml", "wrangler.json", "wrangler.jsonc"]) {
      inTempTree("keyfence-worker-reads-", (root, write) => {
        write("functions/api/chat.js", PAGES_FUNCTION);
        clearSecretEnvReadsCache();
        assert.equal(projectReadsSecretEnv(root), false, "no wrangler config: `env` is anything");
        write(config, config.endsWith("toml") ? 'name = "chat"\n' : '{ "name": "chat" }\n');
        clearSecretEnvReadsCache();
        assert.equal(projectReadsSecretEnv(root), true, config);
      });
    }
  });

  describe("through ESLint: a Pages project with no package.json", () => {
    const pages = { "wrangler.toml": 'name = "chat"\npages_build_output_dir = "."\n', ".gitignore": ".env\n", "functions/api/chat.js": PAGES_FUNCTION };
    const gitignoreLines = (messages: Awaited<ReturnType<typeof lint>>) => messages.filter((m) => m.file === ".gitignore").map((m) => `${m.line} ${m.messageId} ${m.message}`);

    it("asks for `.env.local` and `.env.*.local`, which wrangler loads into `env`", async () => {
      const [line, ...rest] = gitignoreLines(await lint(makeRepo(pages)));
      assert.deepEqual(rest, []);
      assert.match(line ?? "", /^1 missingEnvEntries /);
      assert.match(line ?? "", /Add `\.env\.local` and `\.env\.\*\.local`/);
    });

    it("asks for nothing with a `.dev.vars` template (wrangler then skips `.env` files) or without a wrangler config", async () => {
      assert.deepEqual(gitignoreLines(await lint(makeRepo({ ...pages, ".dev.vars.example": "OPENAI_API_KEY=\n" }))), []);
      const { "wrangler.toml": _config, ...noWrangler } = pages;
      assert.deepEqual(gitignoreLines(await lint(makeRepo(noWrangler))), []);
    });
  });
});

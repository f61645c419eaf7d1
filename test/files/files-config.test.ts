/**
 * configs.files through the ESLint API: keys in Dockerfiles, compose files, YAML, JSON, Python,
 * shell, TOML and .properties files, with no other rule or parser touching those files (a config
 * without `files` would otherwise run its rules there). Other plugins (eslint-plugin-jsonc, -yml)
 * keeping their findings: test/integration/files-config-plugins.test.ts.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ESLint, type Linter } from "eslint";
import keyfence from "../../eslint-plugin/src/index";
import { workflowPublicSecretFindings } from "../../eslint-plugin/src/engine/text-files/workflow-secrets";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos, writeFile } from "../env/support";

/** Rules a shareable config without `files` turns on everywhere; none may run on these files. */
const EVERYWHERE: Linter.Config = { rules: { "no-trailing-spaces": "error", "eol-last": ["error", "never"], "no-unused-expressions": "error", "max-lines": ["error", 1] } };

async function lint(dir: string, configs: Linter.Config[]): Promise<Array<{ file: string; line: number; rule: string | null; message: string; fatal?: boolean }>> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs });
  const results = await eslint.lintFiles(["."]);
  return results.flatMap((result) =>
    result.messages.map((m) => ({ file: result.filePath.slice(dir.length + 1), line: m.line, rule: m.ruleId, message: m.message, fatal: m.fatal })),
  );
}

describe("configs.files", function () {
  this.timeout(60_000);
  after(removeRepos);
  const groq = fakeKey("groq");
  const openai = fakeKey("openai");
  const anthropic = fakeKey("anthropic");
  const gemini = fakeKey("google-ai");

  it("reports keys in each file kind, at the key's line, and nothing from other rules or parsers", async () => {
    const dir = makeRepo({
      Dockerfile: `FROM node:20\nENV GROQ_API_KEY=${groq}\nCOPY . .\n`,
      "api.Dockerfile": `FROM node:20\nARG OPENAI_API_KEY=${openai}\n`,
      "docker-compose.yml": `services:\n  api:\n    image: x\n    environment:\n      OPENAI_API_KEY: ${openai}\n`,
      ".github/workflows/ci.yaml": `on: push\nenv:\n  KEY: ${anthropic}   \n`,
      "config/settings.json": `{\n  "a": 1,\n  "anthropic": "${anthropic}"\n}\n`,
      "scripts/app.py": `from openai import OpenAI\nclient = OpenAI(api_key="${openai}")\n`,
      "scripts/deploy.sh": `#!/bin/sh\nexport GROQ_API_KEY=${groq}\n`,
      "pyproject.toml": `[tool.ai]\nkey = "${anthropic}"\n`,
      "app.properties": `ai.key=${openai}\n`,
      // A Worker's vars in JSON with comments (yashas-salian/post-audience-email-automation, batch 60).
      "campaign/wrangler.jsonc": `{\n  // deployed with wrangler\n  "name": "campaign",\n  "vars": {\n    "GEMINI_API_KEY": "${gemini}",\n  },\n}\n`,
      // Notes pasted into the repository (interviewaii/remote-support's FIX_API_KEY_ERROR.md, batch 31).
      "docs/FIX_API_KEY_ERROR.md": `# Fixed\n\nThe new key is:\n\n\`\`\`\nOPENAI_API_KEY=${openai}\n\`\`\`\n`,
      "openai.txt": `${openai}\n`,
      // A static page's inline script: served to every visitor. Its Maps script key is public by design.
      "public/index.html": `<!doctype html>\n<script src="https://maps.googleapis.com/maps/api/js?key=${gemini}&callback=init"></script>\n<script>\n  const OPENAI_API_KEY = "${openai}";\n</script>\n`,
      "README.md": "# App\n\nSet `OPENAI_API_KEY=sk-...` in `.env.local`.\n",
      "list.json": "[1, 2]\n",
      "clean.yaml": "name: x   \n",
      "package-lock.json": `{ "x": "${anthropic}" }\n`,
    });
    const messages = await lint(dir, [keyfence.configs.files, EVERYWHERE]);
    assert.deepEqual(
      messages.map(({ file, line, rule }) => `${file}:${line} ${rule}`).sort(),
      [
        ".github/workflows/ci.yaml:3 keyfence/no-hardcoded-keys",
        "Dockerfile:2 keyfence/no-docker-keys",
        "api.Dockerfile:2 keyfence/no-docker-keys",
        "app.properties:1 keyfence/no-hardcoded-keys",
        "campaign/wrangler.jsonc:5 keyfence/no-hardcoded-keys",
        "config/settings.json:3 keyfence/no-hardcoded-keys",
        "docker-compose.yml:5 keyfence/no-docker-keys",
        "docs/FIX_API_KEY_ERROR.md:6 keyfence/no-hardcoded-keys",
        "openai.txt:1 keyfence/no-hardcoded-keys",
        "public/index.html:4 keyfence/no-hardcoded-keys",
        "pyproject.toml:2 keyfence/no-hardcoded-keys",
        "scripts/app.py:2 keyfence/no-hardcoded-keys",
        "scripts/deploy.sh:2 keyfence/no-hardcoded-keys",
      ],
    );
    for (const { message } of messages) for (const key of [groq, openai, anthropic]) assert.ok(!message.includes(key), message);
  });

  it("advises in each file's own terms, never `process.env` outside code, and never shows the key", async () => {
    const dir = makeRepo({
      ".github/workflows/ci.yaml": `on: push\nenv:\n  KEY: ${anthropic}\n`,
      "scripts/app.py": `client = OpenAI(api_key="${openai}")\n`,
      "scripts/deploy.sh": `export GROQ_API_KEY=${groq}\n`,
      "pyproject.toml": `[tool.ai]\nkey = "${anthropic}"\n`,
      Dockerfile: `FROM node:20\nRUN curl -H "Authorization: Bearer ${openai}" https://example.test\n`,
      "wrangler.toml": `name = "chat"\n[vars]\nOPENAI_API_KEY = "${openai}"\n`,
    });
    const messages = await lint(dir, [keyfence.configs.files]);
    const advice = Object.fromEntries(messages.map((m) => [m.file, m.message]));
    assert.match(advice[".github/workflows/ci.yaml"], /CI secret named ANTHROPIC_API_KEY/);
    assert.match(advice["scripts/app.py"], /os\.environ\["OPENAI_API_KEY"\]/);
    assert.match(advice["scripts/deploy.sh"], /"\$GROQ_API_KEY"/);
    assert.match(advice["pyproject.toml"], /outside the repository/);
    assert.match(advice.Dockerfile, /--mount=type=secret,id=OPENAI_API_KEY/);
    assert.match(advice["wrangler.toml"], /wrangler secret put OPENAI_API_KEY/);
    for (const message of messages.map((m) => m.message)) {
      assert.doesNotMatch(message, /process\.env/);
      for (const key of [groq, openai, anthropic]) assert.ok(!message.includes(key), message);
    }
  });

  it("a GitHub Actions workflow that fills a public-prefixed secret from a repository secret (Iceman-Dann/QuivioAI, batch 41)", async () => {
    const dir = makeRepo({
      ".github/workflows/deploy.yml": [
        "on: push",
        "jobs:",
        "  deploy:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - name: Write env",
        '        run: echo "VITE_GEMINI_API_KEY=${{ secrets.GEMINI_API_KEY }}" >> .env',
        "      - name: Build",
        "        run: npm run build",
        "        env:",
        "          NEXT_PUBLIC_OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}",
        "          VITE_SUPABASE_URL: ${{ secrets.SUPABASE_URL }}",
        "          VITE_SUPABASE_ANON_KEY: ${{ secrets.SUPABASE_ANON_KEY }}",
        "          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}",
        "          # VITE_GROQ_API_KEY: ${{ secrets.GROQ_API_KEY }}",
        // A fallback for forks with no secret (romiteld/eva-assistant's test workflow, batch 73).
        `        run: echo "NEXT_PUBLIC_GEMINI_API_KEY=\${{ secrets.GEMINI_API_KEY || 'test-gemini-key' }}" >> .env.test`,
        `        run: echo "NEXT_PUBLIC_SUPABASE_ANON_KEY=\${{ secrets.SUPABASE_ANON_KEY || 'test-anon-key' }}" >> .env.test`,
        "",
      ].join("\n"),
      // Not a workflow: the same line elsewhere is no CI step.
      "docs/example.yml": "env:\n  VITE_GEMINI_API_KEY: ${{ secrets.GEMINI_API_KEY }}\n",
    });
    const messages = await lint(dir, [keyfence.configs.files]);
    assert.deepEqual(
      messages.map(({ file, line, rule }) => `${file}:${line} ${rule}`),
      [".github/workflows/deploy.yml:7 keyfence/no-public-secrets", ".github/workflows/deploy.yml:11 keyfence/no-public-secrets", ".github/workflows/deploy.yml:16 keyfence/no-public-secrets"],
    );
    assert.match(messages[0].message, /^VITE_GEMINI_API_KEY looks like a secret, and this workflow fills it from secrets\.GEMINI_API_KEY for the build/);
  });

  it("reads a 1 MB workflow of near misses in linear time", () => {
    const lines = [];
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      const line = i % 2 ? `  VITE_${"A".repeat(90)}: \${{ secrets.${"B".repeat(90)} || ${"'".repeat(150)}` : `  VITE_OPENAI_API_KEY  :  "\${{ secrets.X }}"`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join("\n");
    const started = performance.now();
    const findings = workflowPublicSecretFindings("/repo/.github/workflows/ci.yml", text);
    assert.ok(performance.now() - started < 3000);
    assert.equal(findings.length, Math.ceil(lines.length / 2));
  });

  it("`# eslint-disable` comment lines and the processor's severities switch findings off", async () => {
    const dir = makeRepo({
      "a.yaml": `# eslint-disable-next-line keyfence/no-hardcoded-keys\nkey: ${groq}\nother: ${openai}\n`,
      "b.sh": `# eslint-disable keyfence/no-hardcoded-keys\nexport A=${groq}\n`,
      "c.md": `<!-- eslint-disable-next-line keyfence/no-hardcoded-keys -->\n${groq}\n\n${openai}\n`,
    });
    assert.deepEqual((await lint(dir, [keyfence.configs.files])).map((m) => `${m.file}:${m.line}`), ["a.yaml:3", "c.md:4"]);
    const quiet = { ...keyfence.configs.files, processor: keyfence.filesProcessor({ "no-hardcoded-keys": "off" }) };
    assert.deepEqual(await lint(dir, [quiet]), []);
  });

  it("--fix leaves the files byte-identical (only no-docker-keys suggestions, never an autofix)", async () => {
    const compose = `services:\n  api:\n    environment:\n      - OPENAI_API_KEY=${openai}\n`;
    const dir = makeRepo({ "compose.yaml": compose, "a.json": `{ "k": "${anthropic}" }  \n` });
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [keyfence.configs.files, EVERYWHERE], fix: true });
    const results = await eslint.lintFiles(["."]);
    assert.ok(results.every((result) => result.output === undefined), "nothing rewritten");
    const composeResult = results.find((result) => result.filePath.endsWith("compose.yaml"))!;
    assert.equal(composeResult.messages[0].suggestions?.length, 1);
  });

  it("a 1 MB file of near-keys is scanned quickly and quietly; binary and huge files are skipped", async () => {
    const dir = makeRepo({});
    writeFile(dir, "big.yaml", `k: ${"sk-".repeat(340_000)}\n`);
    writeFile(dir, "huge.json", `"${"a".repeat(1_100_000)}${groq}"\n`);
    writeFile(dir, "bin.properties", `a=\0${groq}\n`);
    const started = Date.now();
    assert.deepEqual(await lint(dir, [keyfence.configs.files]), []);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  it("JS/TS files are not its business, and configs.recommended still lints them alongside", async () => {
    const dir = makeRepo({ "src/a.ts": `export const key = "${groq}";\n`, "b.yaml": `k: ${groq}\n` });
    const messages = await lint(dir, [keyfence.configs.files, keyfence.configs.recommended]);
    assert.deepEqual(messages.map((m) => `${m.file}:${m.rule}`).sort(), ["b.yaml:keyfence/no-hardcoded-keys", "src/a.ts:keyfence/no-hardcoded-keys"]);
  });
});

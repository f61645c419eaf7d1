/**
 * configs.files beside eslint-plugin-jsonc, eslint-plugin-yml and @eslint/markdown, installed from the registry
 * (once, into node_modules/.cache; the ESLint of this repository is linked in as their peer).
 * KeyFence first and last: the other plugins' findings and `--fix` output are those without
 * KeyFence, KeyFence's findings those of KeyFence alone. And the documented limit: a config that
 * names one file exactly loses that file until it adds the block path.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import keyfence from "../../eslint-plugin/src/index";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";

const ROOT = join(__dirname, "..", "..");
const CACHE = join(ROOT, "node_modules", ".cache", "keyfence-files-plugins");
const PACKAGES = { "eslint-plugin-jsonc": "3.4.2", "eslint-plugin-yml": "3.10.0", "@eslint/markdown": "8.0.3" };

function install(): NodeRequire {
  const marker = join(CACHE, `installed-${Object.values(PACKAGES).join("-")}`);
  if (!existsSync(marker)) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, "package.json"), JSON.stringify({ private: true, dependencies: PACKAGES }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--legacy-peer-deps"], { cwd: CACHE, stdio: "ignore" });
    writeFileSync(marker, "");
  }
  const eslintLink = join(CACHE, "node_modules", "eslint");
  if (!existsSync(eslintLink)) symlinkSync(join(ROOT, "node_modules", "eslint"), eslintLink, "dir");
  return createRequire(join(CACHE, "package.json"));
}

interface Seen {
  messages: string[];
  outputs: Record<string, string | undefined>;
}

async function lint(dir: string, configs: Linter.Config[], fix = false): Promise<Seen> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs, fix });
  const results = await eslint.lintFiles(["."]);
  const messages = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId ?? (m.fatal ? "parse error" : "")}`));
  return { messages: messages.sort(), outputs: Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.output])) };
}

describe("configs.files with eslint-plugin-jsonc, eslint-plugin-yml and @eslint/markdown", function () {
  this.timeout(300_000);
  let others: Linter.Config[];
  let markdownConfigs: Linter.Config[];
  let jsonc: ESLint.Plugin & { configs: Record<string, Linter.Config[]> };
  let jsoncParser: Linter.Parser;
  before(async () => {
    const requireFromCache = install();
    // Node's own import: the plugins are ES modules that call import.meta.resolve, which the
    // test runner's require hook (tsx/cjs) would break by compiling them to CommonJS.
    const load = new Function("url", "return import(url)") as (url: string) => Promise<{ default?: never }>;
    const from = (name: string) => load(pathToFileURL(requireFromCache.resolve(name)).href).then((module) => module.default ?? (module as never));
    jsonc = await from("eslint-plugin-jsonc");
    jsoncParser = await from("jsonc-eslint-parser");
    const yml: { configs: Record<string, Linter.Config[]> } = await from("eslint-plugin-yml");
    // @eslint/markdown's own language (not a processor): its recommended config lints `**/*.md`.
    // (Kept apart from jsonc's: its recommended rules run on every file, and crash on Markdown's tree.)
    const markdown: { configs: Record<string, Linter.Config | Linter.Config[]> } = await from("@eslint/markdown");
    others = [...jsonc.configs["flat/recommended-with-json"], ...yml.configs["flat/standard"]];
    markdownConfigs = [markdown.configs.recommended].flat();
  });
  after(removeRepos);

  const files = () => ({
    "settings.json": `{\n  "anthropic": "${fakeKey("anthropic")}"\n}\n`,
    "dupes.json": '{\n  "b": 1,\n  "b": 2,\n  "c": [1,2,],\n}\n',
    "ci.yaml": `env:\n  KEY: ${fakeKey("openai")}   \n`,
    "docker-compose.yml": `services:\n  api:\n    environment:\n      GROQ_API_KEY: ${fakeKey("groq")}\n`,
    "broken.yaml": "a: 1\na: 2\n",
    Dockerfile: `FROM node:20\nENV GROQ_API_KEY=${fakeKey("groq")}\n`,
  });

  for (const order of ["first", "last"] as const) {
    it(`KeyFence ${order}: their findings and fixes unchanged, KeyFence's added`, async () => {
      const dir = makeRepo(files());
      const withKeyFence = order === "first" ? [keyfence.configs.files, ...others] : [...others, keyfence.configs.files];
      const without = await lint(dir, others);
      const alone = await lint(dir, [keyfence.configs.files]);
      const both = await lint(dir, withKeyFence);
      assert.ok(without.messages.some((m) => m.includes("jsonc/no-dupe-keys")) && without.messages.some((m) => m.includes("yml/")), "the other plugins report something");
      assert.deepEqual(both.messages.filter((m) => !m.includes("keyfence/")), without.messages);
      assert.deepEqual(both.messages.filter((m) => m.includes("keyfence/")), alone.messages);
      assert.equal(alone.messages.length, 4);
      const fixedWithout = await lint(makeRepo(files()), others, true);
      const fixedBoth = await lint(makeRepo(files()), withKeyFence, true);
      assert.ok(fixedWithout.outputs["dupes.json"], "jsonc fixes dupes.json");
      // Files only KeyFence lints (the Dockerfile) are not rewritten either.
      assert.deepEqual(fixedBoth.outputs, { ...fixedWithout.outputs, Dockerfile: undefined });
    });
  }

  for (const order of ["first", "last"] as const) {
    it(`@eslint/markdown, KeyFence ${order}: its findings unchanged, the key in the notes added`, async () => {
      // A heading level skipped (markdown/heading-increment) and an empty link (markdown/no-empty-links).
      const notes = () => ({ "NOTES.md": `# Notes\n\n### Key\n\nThe key: \`${fakeKey("openai", undefined, 3)}\`\n\n[docs]()\n`, "README.md": "# App\n\nPut `OPENAI_API_KEY=sk-...` in `.env.local`.\n" });
      const dir = makeRepo(notes());
      const withKeyFence = order === "first" ? [keyfence.configs.files, ...markdownConfigs] : [...markdownConfigs, keyfence.configs.files];
      const without = await lint(dir, markdownConfigs);
      const both = await lint(dir, withKeyFence);
      assert.ok(without.messages.some((m) => m.includes("markdown/")), without.messages.join("\n"));
      assert.deepEqual(both.messages.filter((m) => !m.includes("keyfence/")), without.messages);
      assert.deepEqual(both.messages.filter((m) => m.includes("keyfence/")), ["NOTES.md:5:11 keyfence/no-hardcoded-keys"]);
    });
  }

  it("a config naming one file exactly needs the block path too (the documented limit)", async () => {
    const exact = (patterns: string[]): Linter.Config => ({ files: patterns, plugins: { jsonc }, languageOptions: { parser: jsoncParser }, rules: { "jsonc/no-dupe-keys": "error" } });
    const dir = makeRepo({ "package.json": '{\n  "name": "x",\n  "name": "y"\n}\n' });
    const rule = (seen: Seen) => seen.messages.filter((m) => m.includes("jsonc/no-dupe-keys")).length;
    assert.equal(rule(await lint(dir, [exact(["**/package.json"])])), 1);
    assert.equal(rule(await lint(dir, [keyfence.configs.files, exact(["**/package.json"])])), 0);
    assert.equal(rule(await lint(dir, [keyfence.configs.files, exact(["**/package.json", "**/package.json/*.json"])])), 1);
  });
});

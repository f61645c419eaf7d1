/**
 * KeyFence inside the ESLint configs people really use, installed from the registry: the
 * typescript-eslint configs (type-checked with projectService included), eslint-config-next 15
 * and 16, the Vite React template, eslint-plugin-react + react-hooks + eslint-config-prettier, and
 * an all-in-one config (neostandard on ESLint 9, which it alone supports; eslint-config-love on
 * ESLint 10, typed rules with projectService; @antfu/eslint-config needs Node 22); KeyFence
 * first and last; ESLint 9 and 10. For each: no crash; KeyFence's findings are those of KeyFence
 * alone; the other plugins' findings are those without KeyFence; their parsers are the same
 * objects; `--fix` twice leaves env files byte-identical and `.gitignore` as KeyFence alone
 * leaves it.
 *
 * The packages are installed once per ESLint major into node_modules/.cache (a few minutes on a
 * fresh clone, then reused while the pinned package.json is unchanged).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fakeKey } from "../support/fake-keys";

const HERE = join(__dirname, "real-configs");
const ROOT = join(__dirname, "..", "..");
const CACHE = join(ROOT, "node_modules", ".cache", "keyfence-real-configs");
const CONFIGS: Record<9 | 10, string[]> = {
  9: [
    "typescript-eslint recommended",
    "typescript-eslint strictTypeChecked + projectService",
    "Vite React template",
    "react + react-hooks + prettier",
    "eslint-config-next 15 (FlatCompat)",
    "eslint-config-next 16",
    "neostandard",
  ],
  10: [
    "typescript-eslint recommended",
    "typescript-eslint strictTypeChecked + projectService",
    "Vite React template",
    "react + react-hooks + prettier",
    "eslint-config-next 16",
    "eslint-config-love",
  ],
};

interface Message {
  file: string;
  line: number;
  column: number;
  rule: string;
  message?: string;
}
interface Variant {
  label: "without" | "first" | "last" | "alone";
  crash?: string;
  messages: Message[];
  linted: string[];
  parsers: Record<string, string>;
  envFilesAfterFix: Record<string, string>;
}
interface Report {
  eslint: string;
  variants: Variant[];
  sameParserObject: Record<string, boolean>;
}

/** The install folder for one ESLint major, installed if its pinned package.json changed. */
function installFolder(major: 9 | 10): string {
  const manifest = readFileSync(join(HERE, `eslint${major}.package.json`), "utf8");
  const dir = join(CACHE, `eslint${major}`);
  const stamp = createHash("sha256").update(manifest).digest("hex");
  const stampFile = join(dir, ".installed");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), manifest);
    // --legacy-peer-deps: eslint-config-next 15 and eslint-plugin-react declare ESLint ranges
    // older than the one installed beside them, as in many real projects.
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--legacy-peer-deps", "--loglevel=error"], { cwd: dir, stdio: "inherit", timeout: 15 * 60_000 });
    writeFileSync(stampFile, stamp);
  }
  // This checkout's plugin, as the installed package would be (built by `npm run build`).
  const link = join(dir, "node_modules", "eslint-plugin-keyfence");
  rmSync(link, { recursive: true, force: true });
  symlinkSync(join(ROOT, "eslint-plugin"), link, "dir");
  for (const file of ["driver.mjs", "configs.mjs"]) cpSync(join(HERE, file), join(dir, file));
  return dir;
}

/** A small Next.js-style TypeScript app with one leak of every kind and hostile env files. */
function writeApp(dir: string): void {
  const openai = fakeKey("openai");
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { next: "16.0.0", react: "19.0.0", openai: "5.0.0" } }, null, 2),
    "tsconfig.json": JSON.stringify({
      compilerOptions: { strict: true, target: "ES2022", lib: ["dom", "ES2022"], module: "esnext", moduleResolution: "bundler", jsx: "preserve", allowJs: true, noEmit: true, skipLibCheck: true },
      include: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx", "**/*.mjs"],
    }),
    "app/page.tsx": [
      `"use client";`,
      `import { useState } from "react";`,
      `import { ask } from "../lib/ai";`,
      ``,
      `export default function Page({ show }: { show: boolean }) {`,
      `  const unused = 1;`,
      `  if (show) {`,
      `    const [value] = useState(process.env.OPENAI_API_KEY);`,
      `    return <p>{value}</p>;`,
      `  }`,
      `  return <button onClick={() => void ask("hi")}>Ask</button>;`,
      `}`,
      ``,
    ].join("\n"),
    "lib/ai.ts": [
      `import OpenAI from "openai";`,
      ``,
      `const apiKey = "${openai}";`,
      `const client = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });`,
      ``,
      `export async function ask(question: string): Promise<string> {`,
      `  const answer = await client.responses.create({ model: "gpt-4.1", input: question });`,
      `  return answer.output_text;`,
      `}`,
      ``,
    ].join("\n"),
    "app/legacy.jsx": `// old key: ${fakeKey("anthropic")}\nexport function Legacy() {\n  return <div className="legacy">legacy</div>;\n}\n`,
    "server.mjs": `import http from "node:http";\nvar port = 3000\nhttp.createServer((req, res) => res.end("ok")).listen(port);\n`,
    // What other configs' text rules (spaced-comment, no-trailing-spaces, no-multiple-empty-lines,
    // eol-last) would "fix": a `#` comment without a space, trailing blanks, runs of blank lines,
    // a quoted multi-line value, no final newline.
    ".env.local": `#local stuff\nOPENAI_API_KEY=${openai}   \n\n\n\nPROMPT="line one\n  line two   \n"\nMODE=dev`,
    ".env.example": `# copy to .env.local\nOPENAI_API_KEY=${openai}\n`,
    ".gitignore": "node_modules\n.next\n",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("add", "package.json", ".gitignore", ".env.example", "tsconfig.json");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "init");
}

const keyfenceOnly = (messages: Message[]) => messages.filter((m) => m.rule.startsWith("keyfence/")).map(key).sort();
const others = (messages: Message[], files: Set<string>) =>
  messages.filter((m) => !m.rule.startsWith("keyfence/") && files.has(m.file)).map(key).sort();
const key = (m: Message) => `${m.file}:${m.line}:${m.column} ${m.rule}${m.message ? ` ${m.message}` : ""}`;

for (const major of [9, 10] as const) {
  describe(`real ESLint configs, ESLint ${major}`, function () {
    this.timeout(20 * 60_000);
    let install: string;
    let work: string;
    let app: string;

    before(() => {
      install = installFolder(major);
      work = mkdtempSync(join(install, "run-"));
      app = join(work, "app");
      writeApp(app);
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    for (const name of CONFIGS[major]) {
      it(`${name}: KeyFence first or last changes nothing but adds its own findings`, () => {
        const out = mkdtempSync(join(work, "config-"));
        const json = execFileSync(process.execPath, ["driver.mjs", name, app, out], { cwd: install, encoding: "utf8", maxBuffer: 64 << 20, timeout: 10 * 60_000 });
        const report = JSON.parse(json) as Report;
        assert.equal(report.eslint.split(".")[0], String(major));
        const by = Object.fromEntries(report.variants.map((v) => [v.label, v])) as Record<Variant["label"], Variant>;
        for (const variant of report.variants) assert.equal(variant.crash, undefined, `${variant.label}: ${variant.crash}`);
        const { without, first, last, alone } = by;

        // KeyFence's findings are those of KeyFence alone, and it finds the app's leaks.
        const own = keyfenceOnly(alone.messages);
        assert.ok(own.some((m) => m.includes("lib/ai.ts") && m.includes("no-hardcoded-keys")), own.join("\n"));
        assert.ok(own.some((m) => m.includes("app/page.tsx") && m.includes("no-client-secrets")), own.join("\n"));
        assert.ok(own.some((m) => m.includes(".gitignore") && m.includes("env-gitignore")), own.join("\n"));
        assert.ok(own.some((m) => m.includes(".env.example") && m.includes("no-committed-env-keys")), own.join("\n"));
        assert.deepEqual(keyfenceOnly(first.messages), own, "KeyFence first");
        assert.deepEqual(keyfenceOnly(last.messages), own, "KeyFence last");

        // Nothing but KeyFence reports on env files; other findings on the files the user's config
        // lints are unchanged.
        for (const variant of [first, last]) {
          const onEnvFiles = variant.messages.filter((m) => /(^|\/)\.(env|gitignore)/.test(m.file) && !m.rule.startsWith("keyfence/"));
          assert.deepEqual(onEnvFiles, [], `${variant.label}: other rules on env files`);
          const files = new Set(without.linted);
          assert.deepEqual(others(variant.messages, files), others(without.messages, files), `${variant.label}: other plugins' findings`);
        }

        // Their parsers, untouched: the same object wherever the user's config set one.
        for (const [probe, parser] of Object.entries(without.parsers)) {
          if (parser === "espree" || parser === "none") continue;
          assert.equal(report.sameParserObject[probe], true, `${probe}: ${parser} → first ${first.parsers[probe]}, last ${last.parsers[probe]}`);
        }

        // --fix twice: env files exactly as written; .gitignore as KeyFence alone fixes it.
        const original = { ".env.local": readFileSync(join(app, ".env.local"), "utf8"), ".env.example": readFileSync(join(app, ".env.example"), "utf8") };
        for (const variant of [first, last, alone]) {
          assert.equal(variant.envFilesAfterFix[".env.local"], original[".env.local"], `${variant.label}: .env.local after --fix`);
          assert.equal(variant.envFilesAfterFix[".env.example"], original[".env.example"], `${variant.label}: .env.example after --fix`);
          assert.equal(variant.envFilesAfterFix[".gitignore"], alone.envFilesAfterFix[".gitignore"], `${variant.label}: .gitignore after --fix`);
        }
        assert.notEqual(alone.envFilesAfterFix[".gitignore"], "node_modules\n.next\n", "KeyFence's own fix appended the entries");
      });
    }
  });
}

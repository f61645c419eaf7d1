/**
 * One engine, two hosts: ESLint (configs.recommended) and the extension's analysis report the
 * same findings, with the same messages, on the same files. Runs in Node (no VS Code needed):
 *   npx mocha --no-config -r tsx/cjs test/e2e/parity.test.ts
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { providerById } from "../../eslint-plugin/src/engine/providers/index";
import { analyzeFile, messageOf } from "../../extension/src/analyze";
import { fileKind } from "../../extension/src/file-kinds";
import { lineIndex } from "../../extension/src/text-positions";
import { fakeKeyForFormat } from "../support/fake-keys";

const APPS = join(__dirname, "..", "fixtures", "apps");

const key = (provider: string, seed: number) => fakeKeyForFormat(providerById(provider)!.kinds[0].formats[0], seed);

function fixture(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "keyfence-parity-"));
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0", openai: "5.0.0" } }),
    ".gitignore": "node_modules\n",
    ".env": `OPENAI_API_KEY=${key("openai", 1)}\n`,
    ".env.example": `ANTHROPIC_API_KEY=${key("anthropic", 2)}\nNEXT_PUBLIC_OPENAI_API_KEY=\n`,
    "lib/keys.ts": `export const openaiKey = "${key("openai", 3)}";\n// eslint-disable-next-line keyfence/no-hardcoded-keys\nexport const allowed = "${key("openai", 4)}";\n`,
    "lib/settings.ts": "export const settings = { model: \"gpt\", key: process.env.OPENAI_API_KEY };\n",
    "lib/public.ts": "export const exposed = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\n",
    "app/page.tsx": `"use client";\nimport { settings } from "../lib/settings";\nexport default function Page() {\n  return <p>{settings.model}</p>;\n}\n`,
    "app/chat.tsx": `"use client";\nimport OpenAI from "openai";\nconst client = new OpenAI({ apiKey: "${key("openai", 5)}", dangerouslyAllowBrowser: true });\nexport default function Chat() {\n  return <button onClick={() => client.models.list()}>go</button>;\n}\n`,
    "app/api/chat/route.ts": `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function POST(req: Request) {\n  const { prompt } = await req.json();\n  const r = await openai.responses.create({ model: "gpt-5", input: prompt });\n  return Response.json(r);\n}\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["add", ".env"], { cwd: dir });
  return { dir, files: Object.keys(files).filter((rel) => fileKind(rel)).map((rel) => join(dir, rel)) };
}

/** Each host's findings on `files`, as `file:line:column rule message`, sorted. */
async function findingsOfBothHosts(dir: string, files: string[]): Promise<{ fromEslint: string[]; fromExtension: string[] }> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  const fromEslint: string[] = [];
  // ESLint lints code, env files and .gitignore; JSON, YAML… are the extension's alone.
  const linted = files.filter((file) => fileKind(file) !== "text");
  for (const result of await eslint.lintFiles(linted)) {
    for (const m of result.messages) {
      fromEslint.push(`${relative(dir, result.filePath)}:${m.line}:${m.column} ${m.ruleId?.replace(/^keyfence\//, "")} ${m.message}`);
    }
  }
  const settings = { enable: true, rules: {}, allow: [], ignoredPaths: [], maxFileSizeKB: 1024, debounceMs: 0 };
  const fromExtension: string[] = [];
  for (const file of linted) {
    const text = readFileSync(file, "utf8");
    const lines = lineIndex(text);
    for (const f of analyzeFile(file, fileKind(file)!, text, { settings, files: diskFiles(), stopDir: dir })) {
      const line = lines.lineOf(f.range.start);
      fromExtension.push(`${relative(dir, file)}:${line + 1}:${f.range.start - lines.starts[line] + 1} ${f.ruleId} ${messageOf(f)}`);
    }
  }
  return { fromEslint: fromEslint.sort(), fromExtension: fromExtension.sort() };
}

/** A copy of a fixture app of test/fixtures/apps in a fresh git repository, and its files. */
function fixtureApp(name: string, extra: Record<string, string> = {}): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), `keyfence-parity-${name}-`));
  cpSync(join(APPS, name), dir, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  const files = (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((rel) => !rel.split(/[\\/]/).includes(".git") && statSync(join(dir, rel)).isFile() && fileKind(rel))
    .map((rel) => join(dir, rel));
  return { dir, files };
}

describe("ESLint and the extension report the same findings", () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("on a project with every kind of finding", async () => {
    const project = fixture();
    made.push(project.dir);
    const { fromEslint, fromExtension } = await findingsOfBothHosts(project.dir, project.files);
    assert.ok(fromEslint.length >= 5, `expected findings from ESLint, got:\n${fromEslint.join("\n")}`);
    assert.deepEqual(fromExtension, fromEslint);
  });

  // The apps of issue 10's detection classes: shared clients and helpers, framework prefixes,
  // single-page apps, workspace packages (with a LangChain chain in one).
  // shared-clients has no routes of its own (its rule tests give them inline): these import its clients.
  const SHARED_CLIENT_ROUTES = {
    "app/api/chat/route.ts": `import { openai } from "@/lib/openai";\nexport async function POST(req: Request) {\n  return Response.json(await openai.chat.completions.create(await req.json()));\n}\n`,
    "app/api/singleton/route.ts": `import { getOpenAIClient } from "@/ai/openaiSingleton";\nexport async function POST(req: Request) {\n  return Response.json(await getOpenAIClient().chat.completions.create(await req.json()));\n}\n`,
    "pages/api/ask.ts": `import { askGroq } from "../../utils/groq";\nexport default async function handler(req, res) {\n  res.status(200).json({ answer: await askGroq(req.body.prompt) });\n}\n`,
  };
  const apps: Array<[string, Record<string, string>?]> = [
    ["shared-clients", SHARED_CLIENT_ROUTES],
    ["vite-env-prefix"],
    ["monorepo"],
    ["vite-spa"],
    ["langchain-monorepo"],
  ];
  for (const [name, extra] of apps) {
    it(`on the ${name} fixture app`, async () => {
      const project = fixtureApp(name, extra);
      made.push(project.dir);
      const { fromEslint, fromExtension } = await findingsOfBothHosts(project.dir, project.files);
      assert.ok(fromEslint.some((line) => !line.includes(" env-gitignore ")), `expected code findings from ESLint, got:\n${fromEslint.join("\n")}`);
      assert.deepEqual(fromExtension, fromEslint);
    });
  }
});

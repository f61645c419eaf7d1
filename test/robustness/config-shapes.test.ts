/**
 * Whatever a project's config files hold, KeyFence gives findings or none, never a crash. Users'
 * package.json, tsconfig.json, angular.json, manifest.json… come in every shape (a `null`
 * field, a string where an object belongs, an array for a map, a file cut off mid-write, binary
 * bytes, a BOM), and one TypeError out of a rule stops the user's whole `eslint` run.
 *
 * Each fixture app is copied into a git repository with the files a real project keeps beside
 * its code (.gitignore, env files, Dockerfile, workspace and deploy configs), then mutated, round
 * by round (see rounds()): JSON files replaced whole or hollowed out level by level, then a seeded
 * generator putting odd values at random paths (existing keys and the fields KeyFence reads),
 * whole-file oddities (cut in half, a BOM, deep nesting, binary), and text files with binary,
 * CRLF, a BOM, a long line or cut in half. Both hosts then read the project: ESLint with `configs.files` and
 * `configs.recommended` (suggestion fixers run at lint time, so the fixes' readers run too), and
 * the editor's analysis. A failure prints the seed and the mutations, to replay one case.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { fakeKey, seededRandom } from "../support/fake-keys";
import { lintProject } from "../support/lint-project";

const APPS = path.join(__dirname, "../fixtures/apps");

/** Fields KeyFence (or a library it calls) reads, per JSON file, as paths into the object. */
const READ_FIELDS: Record<string, string[][]> = {
  "package.json": [
    ["dependencies"], ["devDependencies"], ["peerDependencies"], ["dependencies", "next"], ["workspaces"],
    ["workspaces", "packages"], ["exports"], ["exports", "."], ["imports"], ["main"], ["module"], ["browser"],
    ["files"], ["bin"], ["scripts"], ["scripts", "build"], ["type"], ["name"], ["private"], ["publishConfig"],
    ["react-native"], ["eslintConfig"],
  ],
  "tsconfig.json": [
    ["compilerOptions"], ["compilerOptions", "paths"], ["compilerOptions", "paths", "@/*"], ["compilerOptions", "baseUrl"],
    ["compilerOptions", "rootDirs"], ["extends"], ["references"], ["include"], ["files"],
  ],
  "angular.json": [["projects"], ["projects", "app"], ["projects", "app", "architect", "build", "options", "browser"], ["projects", "app", "architect", "build", "configurations"]],
  "manifest.json": [["manifest_version"], ["background"], ["background", "service_worker"], ["content_scripts"], ["action"]],
  "vercel.json": [["functions"], ["rewrites"], ["builds"]],
  "wrangler.json": [["vars"], ["main"]],
};
READ_FIELDS["jsconfig.json"] = READ_FIELDS["tsconfig.json"];

/** The files a real project keeps beside its code, written into every copy before mutation. */
function companions(): Record<string, string> {
  return {
    ".gitignore": "node_modules\n.env\n",
    ".env.local": `OPENAI_API_KEY=${fakeKey("openai")}\n`,
    ".env.example": "OPENAI_API_KEY=\n",
    Dockerfile: 'FROM node:20\nCOPY . .\nENV NODE_ENV=production\nCMD ["node", "server.js"]\n',
    ".dockerignore": "node_modules\n",
    ".npmignore": "test\n",
    "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n",
    "vercel.json": '{ "functions": { "api/*.js": { "memory": 1024 } } }\n',
    "wrangler.json": '{ "name": "app", "main": "src/worker.ts", "vars": { "MODE": "dev" } }\n',
  };
}

/** Odd but parseable values: each is something a real file has held where an object was expected. */
const ODD_VALUES: unknown[] = [null, [], [null], "", "x", "./missing", 0, -1, 1e308, true, {}, { "": null }, [1, "a", {}, null], { "*": [null] }, { "/": "../.." }];

/** Whole-file replacements: not JSON, JSON of the wrong kind, half a file, deep nesting. */
function wholeFiles(original: string): string[] {
  return [
    "", "null", "[]", '"package"', "1", "{", original.slice(0, Math.floor(original.length / 2)),
    `\uFEFF${original}`, `// a comment\n${original}`, original.replace(/\n/g, "\r\n"),
    "[".repeat(20_000) + "]".repeat(20_000), '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000),
    Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x00, 0x00, 0xc3, 0x28]).toString("latin1"),
  ];
}

/** Text replacements for the non-JSON configs (ignore files, env files, Dockerfile, YAML). */
function oddTexts(original: string, random: () => number): string[] {
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = Math.floor(random() * 256);
  return [
    "", binary.toString("latin1"), `\uFEFF${original}`, original.replace(/\n/g, "\r\n"), original.replace(/\n$/, ""),
    original.slice(0, Math.floor(original.length / 2)), "x".repeat(200_000), "\0".repeat(64), "!\n!!\n\\\n[\n**/**/**\n",
  ];
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Sets `value` at `keys` inside `root`, creating (or overwriting with) objects on the way. */
function setAt(root: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** Every key path of an object, up to a few levels down (arrays are leaves). */
function keyPaths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!value || typeof value !== "object" || Array.isArray(value) || depth > 4) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => [[...prefix, key], ...keyPaths(child, [...prefix, key], depth + 1)]);
}

/** The file's JSON object, or an empty one when it holds something else or does not parse. */
function objectOf(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function mutateJson(name: string, original: string, random: () => number): { text: string; what: string } {
  if (random() < 0.25) {
    const text = pick(wholeFiles(original), random);
    return { text, what: `${name} := ${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? "…" : ""}` };
  }
  const json = objectOf(original);
  const candidates = [...(READ_FIELDS[name] ?? []), ...keyPaths(json)];
  const changes: string[] = [];
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const keys = pick(candidates, random);
    const value = structuredClone(pick(ODD_VALUES, random));
    setAt(json, keys, value);
    changes.push(`${name}.${keys.join(".")} = ${JSON.stringify(value)}`);
  }
  return { text: JSON.stringify(json, null, 2), what: changes.join("; ") };
}

function filesOf(dir: string): string[] {
  const out: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(full);
    }
  };
  visit(dir);
  return out;
}

const MUTABLE_TEXT = /(?:^|\/)(?:\.gitignore|\.dockerignore|\.npmignore|\.env[^/]*|Dockerfile|pnpm-workspace\.yaml)$/;

/**
 * The rounds each app gets. Deterministic ones first, so the shapes that broke real users are
 * always tried (angular.json's `options: null` sits five levels down): every JSON config replaced
 * whole by `null`, `[]` or a string; every value at depth d set to `null` (d = 1…6) or to a string
 * (d = 1…3), their parents kept; then seeded random rounds (odd values at random paths, text files
 * mangled).
 */
type Round = { kind: "whole"; text: string } | { kind: "depth"; depth: number; value: unknown } | { kind: "random"; seed: number };

function rounds(appIndex: number): Round[] {
  return [
    ...["null", "[]", '"package"'].map((text): Round => ({ kind: "whole", text })),
    ...[1, 2, 3, 4, 5, 6].map((depth): Round => ({ kind: "depth", depth, value: null })),
    ...[1, 2, 3].map((depth): Round => ({ kind: "depth", depth, value: "x" })),
    ...Array.from({ length: RANDOM_ROUNDS }, (_, round): Round => ({ kind: "random", seed: 1000 * appIndex + round + 1 })),
  ];
}

/** Sets every value `depth` keys down to `value` (READ_FIELDS' paths of that depth included). */
function atDepth(name: string, original: string, depth: number, value: unknown): string {
  const json = objectOf(original);
  const paths = [...(READ_FIELDS[name] ?? []), ...keyPaths(json)].filter((keys) => keys.length === depth);
  for (const keys of paths) setAt(json, keys, structuredClone(value));
  return JSON.stringify(json, null, 2);
}

/** Copies `app` into a fresh git repository, mutates its configs as `round` says, returns the folder and the log. */
function mutatedProject(app: string, round: Round): { dir: string; mutations: string[] } {
  const random = seededRandom(round.kind === "random" ? round.seed : 1);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), `keyfence-shapes-${app}-`)));
  fs.cpSync(path.join(APPS, app), dir, { recursive: true });
  for (const [name, text] of Object.entries(companions())) if (!fs.existsSync(path.join(dir, name))) fs.writeFileSync(path.join(dir, name), text);
  const mutations: string[] = [];
  for (const file of filesOf(dir)) {
    const relative = path.relative(dir, file).split(path.sep).join("/");
    const name = path.basename(file);
    const original = fs.readFileSync(file, "utf8");
    if (round.kind === "whole" && name in READ_FIELDS) {
      fs.writeFileSync(file, round.text);
      mutations.push(`${relative} := ${round.text}`);
    } else if (round.kind === "depth" && name in READ_FIELDS) {
      fs.writeFileSync(file, atDepth(name, original, round.depth, round.value));
      mutations.push(`${relative}: every value at depth ${round.depth} = ${JSON.stringify(round.value)}`);
    } else if (round.kind === "random" && name in READ_FIELDS && random() < 0.7) {
      const { text, what } = mutateJson(name, original, random);
      fs.writeFileSync(file, text, "latin1");
      mutations.push(`${relative}: ${what}`);
    } else if (round.kind === "random" && MUTABLE_TEXT.test(relative) && random() < 0.4) {
      const texts = oddTexts(original, random);
      const index = Math.floor(random() * texts.length);
      fs.writeFileSync(file, texts[index], "latin1");
      mutations.push(`${relative}: odd text #${index}`);
    }
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["add", "-A"], { cwd: dir });
  return { dir, mutations };
}

async function eslintOver(dir: string): Promise<number> {
  clearGitignoreCache();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.files, plugin.configs.recommended] });
  const results = await eslint.lintFiles(["."]);
  return results.reduce((sum, result) => sum + result.messages.length, 0);
}

const APP_NAMES = fs.readdirSync(APPS).filter((name) => fs.statSync(path.join(APPS, name)).isDirectory());
const RANDOM_ROUNDS = 3;

describe("config files of any shape", function () {
  this.timeout(120_000);
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [index, app] of APP_NAMES.entries()) {
    it(`${app}: every shape, both hosts, no crash`, async () => {
      for (const round of rounds(index)) {
        const { dir, mutations } = mutatedProject(app, round);
        made.push(dir);
        const replay = `app ${app}, ${JSON.stringify(round)}:\n  ${mutations.join("\n  ")}`;
        try {
          await eslintOver(dir);
        } catch (error) {
          assert.fail(`ESLint crashed on ${replay}\n${(error as Error).stack}`);
        }
        try {
          lintProject(dir);
        } catch (error) {
          assert.fail(`the editor's analysis crashed on ${replay}\n${(error as Error).stack}`);
        }
      }
    });
  }
});

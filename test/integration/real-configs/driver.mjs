// Runs inside an install folder of real ESLint configs (see real-configs.test.ts), with that
// folder's ESLint: for one config, lints a copy of the app without KeyFence, with KeyFence
// first, with KeyFence last, and with KeyFence alone; asks each for the parser of a few files;
// runs --fix twice on fresh copies. Prints one JSON object.
//   node driver.mjs <config name> <app folder> <work folder>
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import keyfence from "eslint-plugin-keyfence";
import * as configs from "./configs.mjs";

const [name, app, work] = process.argv.slice(2);
const build = configs.common[name] ?? configs.allInOne[name] ?? configs[`eslint${ESLint.version.split(".")[0]}`][name];
const load = (specifier) => import(specifier);
const PROBES = ["app/page.tsx", "app/legacy.jsx", "server.mjs", "lib/ai.ts"];
const ENV_FILES = [".env.local", ".env.example", ".gitignore"];

async function variant(label, withKeyfence) {
  const dir = join(work, label);
  cpSync(app, dir, { recursive: true });
  const config = async () => withKeyfence(await build({ load, dir }));
  const result = { label };
  try {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: await config() });
    const results = await eslint.lintFiles(["."]);
    result.messages = results.flatMap((file) =>
      file.messages.map((m) => ({
        file: file.filePath.slice(dir.length + 1),
        line: m.line,
        column: m.column,
        rule: m.ruleId ?? (m.fatal ? "fatal" : "none"),
        message: m.ruleId ? undefined : m.message,
      })),
    );
    result.linted = results.map((file) => file.filePath.slice(dir.length + 1));
    result.parsers = {};
    for (const probe of PROBES) {
      const parser = (await eslint.calculateConfigForFile(join(dir, probe)))?.languageOptions?.parser;
      result.parsers[probe] = parser ? (parser.meta?.name ?? parser.name ?? "unnamed parser") : "none";
      (globalThis.parserObjects ??= new Map()).set(`${label}:${probe}`, parser);
    }
    // --fix twice, as `eslint --fix` run twice would.
    for (let pass = 0; pass < 2; pass++) {
      const fixer = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: await config(), fix: true });
      await ESLint.outputFixes(await fixer.lintFiles(["."]));
    }
    result.envFilesAfterFix = Object.fromEntries(ENV_FILES.map((file) => [file, readFileSync(join(dir, file), "utf8")]));
  } catch (error) {
    result.crash = String(error?.stack ?? error).split("\n").slice(0, 6).join("\n");
  }
  return result;
}

const variants = [
  await variant("without", (user) => user),
  await variant("first", (user) => [keyfence.configs.recommended, ...user]),
  await variant("last", (user) => [...user, keyfence.configs.recommended]),
  await variant("alone", () => [keyfence.configs.recommended]),
];
// The same parser object (not only the same name) in every variant.
const objects = globalThis.parserObjects ?? new Map();
const sameParserObject = Object.fromEntries(
  PROBES.map((probe) => [probe, ["first", "last"].every((label) => objects.get(`${label}:${probe}`) === objects.get(`without:${probe}`))]),
);
process.stdout.write(JSON.stringify({ eslint: ESLint.version, variants, sameParserObject }));

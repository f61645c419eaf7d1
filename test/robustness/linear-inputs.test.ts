/**
 * Every file KeyFence reads, through both hosts' entry points, on 1 MB of adversarial text: one
 * short unit repeated (a word character, `a_`, a quote, a prefix of a key, `process.env.`…), as
 * one line and as many lines. The probes, scanners and parsers each have their own linear-time
 * tests; this one catches a pattern nobody thought to test, wherever it is (the editor's text-file
 * path once took 55 s on a 200 KB line of `x` in a .dockerignore). The bound leaves room for a
 * slow, loaded machine: a super-linear pattern takes minutes here.
 *
 * A code file starts with what makes every rule read it (`"use client"`, an SDK import, an env
 * read), so the editor parses it and runs the rules' analyses, the same engine functions ESLint's
 * rules call. ESLint itself reads the other kinds here (its env and text processors, the
 * .gitignore rule); on code, ESLint's own parse is the cost (bare ESLint takes 18 s on 1 MB of
 * `x` lines, KeyFence's rules 0.1 s of it), so code is measured in the editor's analysis only, and
 * its many-lines variant at 128 KB: the parser makes a statement per line. `export ` repeated is
 * left out of code: TypeScript's own parser is quadratic on it (its look-ahead for a declaration),
 * in ESLint as in the editor, before any rule runs.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { analyzeFile, forgetFile } from "../../extension/src/analyze";
import { fileKind } from "../../extension/src/file-kinds";
import { SETTINGS } from "../support/lint-project";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";

const MB = 1 << 20;
// A parse of 1 MB of odd code takes up to ~7 s here (the TypeScript parser recovering from errors);
// a super-linear pattern takes minutes.
const BOUND_MS = 30_000;

/** Units whose repetition is a near miss of some pattern: names, keys, env reads, quotes, comments. */
const UNITS = [
  "x", "a_", "A1_", "_a", "a.", "a-", "a=", " ", "\t", '"', "'", "`", "\\", "=", ":", "/", "*", "#", "$", "{", "<",
  "sk-", "sk-proj-", "AIza", "gsk_", "sk-ant-", "Bearer ", "process.env.", "import.meta.env.", "NEXT_PUBLIC_", "OPENAI_API_KEY",
  "new OpenAI(", "fetch(", "<script", "<!--", "${", "//", "/*", "export ", "\"use client\"",
];

const FILES = ["src/app.ts", "src/Page.vue", ".env.local", ".gitignore", "Dockerfile", ".dockerignore", "deploy.yaml", "config.json"];
const CODE_PREFIX = '"use client";\nimport OpenAI from "openai";\nconst key = process.env.OPENAI_API_KEY;\n';

function adversarial(unit: string, lines: boolean, size: number): string {
  const piece = lines ? `${unit}\n` : unit;
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
}

describe("every file kind on 1 MB of adversarial text", function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-linear-")));
    fs.writeFileSync(path.join(dir, "package.json"), '{ "dependencies": { "next": "15.0.0", "openai": "4.0.0" } }\n');
    fs.mkdirSync(path.join(dir, "src"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const file of FILES) {
    it(`${file}: the editor's analysis and ESLint stay linear`, async () => {
      const full = path.join(dir, file);
      const kind = fileKind(full);
      assert.ok(kind, `${file} is a file the editor reads`);
      const code = kind === "code";
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.files, plugin.configs.recommended, plugin.configs.components] });
      const slow: string[] = [];
      let slowest = { ms: 0, what: "" };
      for (const unit of UNITS.filter((u) => !(code && u === "export "))) {
        for (const lines of [false, true]) {
          const size = code && lines ? MB / 8 : MB;
          const text = code ? file.endsWith(".vue") ? `<script setup lang="ts">\n${CODE_PREFIX}${adversarial(unit, lines, size)}\n</script>\n` : CODE_PREFIX + adversarial(unit, lines, size) : adversarial(unit, lines, size);
          const what = `${JSON.stringify(unit)}${lines ? " per line" : ""}`;
          fs.writeFileSync(full, text);
          clearGitignoreCache();
          forgetFile(full);
          let started = performance.now();
          analyzeFile(full, kind, text, { settings: SETTINGS, files: diskFiles(), stopDir: dir });
          const editorMs = performance.now() - started;
          started = performance.now();
          if (!code) await eslint.lintText(text, { filePath: full });
          const eslintMs = performance.now() - started;
          if (editorMs > BOUND_MS) slow.push(`editor ${what}: ${editorMs.toFixed(0)} ms`);
          if (eslintMs > BOUND_MS) slow.push(`ESLint ${what}: ${eslintMs.toFixed(0)} ms`);
          const ms = Math.max(editorMs, eslintMs);
          if (ms > slowest.ms) slowest = { ms, what: `${what} (${editorMs > eslintMs ? "editor" : "ESLint"})` };
        }
      }
      fs.rmSync(full);
      console.log(`      slowest: ${slowest.what} ${slowest.ms.toFixed(0)} ms`);
      assert.deepEqual(slow, []);
    });
  }
});

#!/usr/bin/env node
// Usage: npm run bench -- [DIR] [--files N] [--runs R]
//
// Lints the same files twice per round, each time in a fresh `eslint` process:
//   bare      the same ESLint and TypeScript parser that configs.recommended brings, no rules
//   keyfence  configs.recommended
// and prints the median wall time of each and the ratio. Rounds alternate the order so that
// neither side always gets the warmer disk cache. This is a measurement, not a test.
//
// DIR defaults to this repository. To measure on a large real codebase, point it at a checkout:
//   git clone --depth 1 https://github.com/vercel/ai /tmp/ai
//   npm run bench -- /tmp/ai/packages --files 500
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return Number(value);
};
const fileLimit = option("--files", Infinity);
const runs = option("--runs", 3);
const tree = resolve(args[0] ?? repo);

const SOURCE = /\.(?:js|jsx|ts|tsx|mjs|cjs|mts|cts)$/;
const SKIP = new Set(["node_modules", ".git", "dist", "out", ".next", "build", "coverage"]);
function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (out.length >= fileLimit) return out;
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") && statSync(path).size < 1_000_000) out.push(path);
  }
  return out;
}
const files = collect(tree, []).map((file) => relative(tree, file));
if (files.length === 0) {
  console.error(`No JS/TS files under ${tree}`);
  process.exit(2);
}

const pluginUrl = pathToFileURL(join(repo, "eslint-plugin/dist/index.js")).href;
const work = mkdtempSync(join(tmpdir(), "keyfence-bench-"));
const configs = {
  bare: `import keyfence from ${JSON.stringify(pluginUrl)};
const { plugins, rules, ...rest } = keyfence.configs.recommended;
export default [{ ...rest, linterOptions: { reportUnusedDisableDirectives: "off" } }];`,
  keyfence: `import keyfence from ${JSON.stringify(pluginUrl)};
export default [{ ...keyfence.configs.recommended, linterOptions: { reportUnusedDisableDirectives: "off" } }];`,
};
for (const [name, text] of Object.entries(configs)) writeFileSync(join(work, `${name}.config.mjs`), text);
const listFile = join(work, "files.txt");
writeFileSync(listFile, files.join("\n"));

const eslintBin = join(repo, "node_modules/eslint/bin/eslint.js");
function lintOnce(name) {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [eslintBin, "--config", join(work, `${name}.config.mjs`), "--no-cache", "--no-warn-ignored", "--format", "json", ...files],
    { cwd: tree, encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`eslint (${name}) failed with ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  }
  const report = JSON.parse(result.stdout || "[]");
  const problems = report.reduce((sum, file) => sum + file.messages.length, 0);
  return { seconds, problems };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = { bare: [], keyfence: [] };
let findings = 0;
console.log(`KeyFence bench: ${files.length} files under ${tree}, ${runs} rounds`);
for (let round = 0; round < runs; round++) {
  const order = round % 2 === 0 ? ["bare", "keyfence"] : ["keyfence", "bare"];
  for (const name of order) {
    const { seconds, problems } = lintOnce(name);
    times[name].push(seconds);
    if (name === "keyfence") findings = problems;
    console.log(`  round ${round + 1} ${name.padEnd(8)} ${seconds.toFixed(2)} s`);
  }
}
rmSync(work, { recursive: true, force: true });
const bare = median(times.bare);
const full = median(times.keyfence);
console.log(`bare ESLint (parser, no rules): ${bare.toFixed(2)} s (median)`);
console.log(`ESLint + keyfence recommended:  ${full.toFixed(2)} s (median)`);
console.log(`ratio: ${(full / bare).toFixed(3)}x   findings: ${findings}`);

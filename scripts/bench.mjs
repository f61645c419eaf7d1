#!/usr/bin/env node
// Usage: npm run bench -- [DIR...] [--files N] [--pairs N] [--eslint PATH] [--cache] [--scale]
//
// Lints the same JS/TS files in fresh `eslint` processes, two configs per pair:
//   bare      a typical typescript-eslint user: `{ files, languageOptions: { parser } }` with
//             @typescript-eslint/parser for all JS/TS files, no plugin, no rules
//   keyfence  that same object, then keyfence.configs.recommended (whose language's default
//             parser yields to the user's), so both sides parse with the same parser
// Each child runs with scripts/bench-usage.cjs preloaded, which reports what the OS counted for the
// whole process: user+sys CPU and peak RSS (and, as part of that CPU, the main thread's GC pauses).
// One warm-up pair first (not counted), then --pairs
// pairs alternating which side goes first; the ratios (keyfence / bare) are taken per pair and
// printed as median (min–max). Quote the CPU ratio: on a shared machine wall time is the noisy one.
// The children run on the Node that runs this script (the header says which): to measure another
// version, run the script with that `node` (the ratios differ between Node 20 and 24: README).
// This is a measurement, not a test.
//
//   DIR...         folders to lint (default: this repository); files are the sorted walk of all of them
//   --files N      an evenly spread sample of N of those files
//   --pairs N      measured pairs (default 7)
//   --eslint PATH  an eslint package folder to run instead of this repository's (e.g. ESLint 9)
//   --plugin PATH  an eslint-plugin-keyfence folder (built) instead of this repository's (before/after);
//                  `noop`: a plugin of one rule that does nothing (what any rule costs ESLint);
//                  `noop:N`: of N such rules; `shell` (or `shell:PATH`, a built plugin folder): KeyFence's
//                  plugin and config with every rule's `create` returning `{}` (what its shape costs:
//                  the plugin's loading, its language and processor, its thirteen rules doing nothing)
//   --against PATH instead of bare ESLint, the other side is KeyFence from this (built) plugin
//                  folder: an A/B of two builds in alternating pairs, where noise that moves both
//                  runs of a pair cancels out (the "bare" column is then that build); `noop`: the
//                  no-op plugin above (what KeyFence costs over a config with one rule)
//   --cache        both sides run with --cache (own cache file each); the warm-up pair fills the
//                  caches, so the measured runs are warm cache hits
//   --scale        instead: one table of CPU and peak RSS at 500, 2,000 and all files
//   --with-rule    both sides also enable one core rule (`no-debugger`), as every real config has
//                  rules. The first rule costs ESLint 10 about 5% on vercel/ai's packages even when
//                  it does nothing (and as much with `schema: false`, so not ajv): a cost a config
//                  with no rules never pays and every real config does (README, "Where it
//                  stands"; bench/performance-log.md, "the first rule, threads, and a bundle").
//
// On a large real codebase:
//   git clone --depth 1 https://github.com/vercel/ai /tmp/ai
//   npm run bench -- /tmp/ai/packages/{openai,anthropic,google,provider-utils}
//   npm run bench -- /tmp/ai --scale --pairs 1
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
};
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const fileLimit = Number(option("--files", Infinity));
const pairs = Number(option("--pairs", 7));
const eslintDir = resolve(option("--eslint", join(repo, "node_modules/eslint")));
const pluginOption = option("--plugin", join(repo, "eslint-plugin"));
const againstOption = option("--against", "");
const useCache = flag("--cache");
const scale = flag("--scale");
const withRule = flag("--with-rule");
const trees = (args.length > 0 ? args : [repo]).map((dir) => resolve(dir));

const SOURCE = /\.(?:js|jsx|ts|tsx|mjs|cjs|mts|cts)$/;
const NOOP = "noop";
const SHELL = "shell";
const isNoop = (value) => value === NOOP || value.startsWith(`${NOOP}:`);
const isShell = (value) => value === SHELL || value.startsWith(`${SHELL}:`);
const SKIP = new Set(["node_modules", ".git", "dist", "out", ".next", "build", "coverage"]);
function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") && statSync(path).size < 1_000_000) out.push(path);
  }
  return out;
}
/** `count` files spread evenly over the walk, so every sample size has the same mix of folders. */
const sample = (files, count) =>
  count >= files.length ? files : Array.from({ length: count }, (_, index) => files[Math.floor((index * files.length) / count)]);

// ESLint resolves the command-line files against its cwd: the folder all trees share.
const cwd = trees.reduce((common, tree) => {
  while (!(tree + sep).startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  return common;
});
const allFiles = trees.flatMap((tree) => collect(tree, [])).map((file) => relative(cwd, file));
if (allFiles.length === 0) {
  console.error(`No JS/TS files under ${trees.join(", ")}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "keyfence-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const pluginDir = pluginFolder(pluginOption, "plugin");
const againstDir = againstOption ? pluginFolder(againstOption, "against") : undefined;
writeConfigs();

const eslintBin = join(eslintDir, "bin/eslint.js");
const eslintVersion = JSON.parse(readFileSync(join(eslintDir, "package.json"), "utf8")).version;
const usageFile = join(work, "usage.json");

/**
 * `--plugin noop` / `--against noop`: a plugin of one rule that listens to nothing (`schema: false`,
 * `create` returns `{}`), in its configs.recommended for JS/TS files. Against bare ESLint it shows
 * what ESLint itself charges for having a rule at all; KeyFence against it, what KeyFence's own work
 * costs (README, "Where it stands").
 */
function noopPlugin(side, count = 1) {
  const dir = join(work, `noop-plugin-${side}`);
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "eslint-plugin-noop", version: "1.0.0", main: "dist/index.js" }));
  writeFileSync(
    join(dir, "dist/index.js"),
    `const rules = {}, on = {};
for (let i = 0; i < ${count}; i++) {
  const name = i === 0 ? "nothing" : \`nothing\${i}\`;
  rules[name] = { meta: { type: "problem", schema: false }, create: () => ({}) };
  on[\`noop/\${name}\`] = "error";
}
const plugin = { meta: { name: "noop" }, rules };
plugin.configs = { recommended: { files: ["**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}"], plugins: { noop: plugin }, rules: on } };
module.exports = plugin;
`,
  );
  return dir;
}

/** `shell`: a built KeyFence plugin whose rules all do nothing, its config otherwise as it is. */
function shellPlugin(side, built) {
  const dir = join(work, `shell-plugin-${side}`);
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "eslint-plugin-keyfence-shell", version: "1.0.0", main: "dist/index.js" }));
  writeFileSync(
    join(dir, "dist/index.js"),
    `const plugin = require(${JSON.stringify(join(built, "dist/index.js"))});
for (const rule of Object.values(plugin.rules)) rule.create = () => ({});
module.exports = plugin;
`,
  );
  return dir;
}

/** The plugin folder an option names: a built KeyFence, or one of the plugins above made in the work folder. */
function pluginFolder(value, side) {
  if (isNoop(value)) return noopPlugin(side, Number(value.split(":")[1] ?? 1));
  if (isShell(value)) return shellPlugin(side, resolve(value.slice(SHELL.length + 1) || join(repo, "eslint-plugin")));
  return resolve(value);
}

/** Where the TypeScript parser is resolved from: KeyFence's own package (the no-op and shell plugins have no dependencies). */
function parserBase(value, dir) {
  if (isNoop(value)) return join(repo, "eslint-plugin");
  if (isShell(value)) return resolve(value.slice(SHELL.length + 1) || join(repo, "eslint-plugin"));
  return dir;
}

/**
 * Both sides are a typical typescript-eslint user's config: one object that sets
 * @typescript-eslint/parser for JS/TS files. keyfence adds configs.recommended after it (whose
 * language's default parser then yields to the user's parser). So the bare run loads no KeyFence
 * code at all and both sides parse with the same parser and options.
 */
function writeConfigs() {
  // The parser KeyFence's own package resolves (the no-op plugin has no dependencies).
  const requirePlugin = createRequire(join(parserBase(pluginOption, pluginDir), "package.json"));
  const tsParserUrl = pathToFileURL(requirePlugin.resolve("@typescript-eslint/parser")).href;
  const pluginUrl = pathToFileURL(join(pluginDir, "dist/index.js")).href;
  const rules = withRule ? `, rules: { "no-debugger": "error" }` : "";
  const typescript = `{ files: ["**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}"], languageOptions: { parser: tsParser }${rules} }`;
  const off = `{ linterOptions: { reportUnusedDisableDirectives: "off" } }`;
  const againstUrl = againstDir && pathToFileURL(join(againstDir, "dist/index.js")).href;
  const configs = {
    bare: againstUrl
      ? `import * as tsParser from ${JSON.stringify(tsParserUrl)};
import keyfence from ${JSON.stringify(againstUrl)};
export default [${typescript}, keyfence.configs.recommended, ${off}];`
      : `import * as tsParser from ${JSON.stringify(tsParserUrl)};
export default [${typescript}, ${off}];`,
    keyfence: `import * as tsParser from ${JSON.stringify(tsParserUrl)};
import keyfence from ${JSON.stringify(pluginUrl)};
export default [${typescript}, keyfence.configs.recommended, ${off}];`,
  };
  for (const [name, text] of Object.entries(configs)) writeFileSync(join(work, `${name}.config.mjs`), text);
}

/** One fresh ESLint process: wall seconds, CPU seconds (user+sys), peak RSS in MiB, problems found. */
function lintOnce(name, files) {
  rmSync(usageFile, { force: true });
  const cache = useCache ? ["--cache", "--cache-location", join(work, `${name}.cache`)] : ["--no-cache"];
  const listed = ["--config", join(work, `${name}.config.mjs`), ...cache, "--no-warn-ignored", "--format", "json"];
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", join(repo, "scripts/bench-usage.cjs"), eslintBin, ...listed, ...files], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, KEYFENCE_BENCH_USAGE: usageFile, TIMING: "" },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`eslint (${name}) failed with ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, "utf8"));
  const report = JSON.parse(result.stdout || "[]");
  const problems = report.reduce((sum, file) => sum + file.messages.length, 0);
  return { wall, cpu: usage.cpuMicros / 1e6, rss: usage.maxRssKiB / 1024, gc: usage.gcMs / 1000, problems };
}

/** A warm-up pair (unless told not to), then `count` measured pairs alternating the order. */
function measure(files, count, log, warmUp = true) {
  if (warmUp) {
    lintOnce("bare", files);
    lintOnce("keyfence", files);
  }
  const runs = [];
  for (let pair = 0; pair < count; pair++) {
    const order = pair % 2 === 0 ? ["bare", "keyfence"] : ["keyfence", "bare"];
    const run = {};
    for (const name of order) run[name] = lintOnce(name, files);
    runs.push(run);
    log?.(pair, run);
  }
  return runs;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values, digits = 2) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const METRICS = [
  ["cpu", "CPU s (user+sys)", 2],
  ["wall", "wall s", 2],
  ["rss", "peak RSS MiB", 0],
  // Part of the CPU above: what the main thread spent in GC pauses (perf_hooks).
  ["gc", "GC pause s (main thread)", 2],
];

function runPairs(files) {
  const mode = (useCache ? "warm --cache runs" : "no cache") + (withRule ? ", both sides with the core rule no-debugger" : "");
  console.log(`KeyFence bench: ESLint ${eslintVersion} on Node ${process.versions.node}, ${files.length} files under ${cwd}, 1 warm-up + ${pairs} pairs, ${mode}${isNoop(pluginOption) || isShell(pluginOption) ? `; the "recommended" side is the ${pluginOption} plugin` : ""}${againstDir ? `; the "bare" side is ${isNoop(againstOption) || isShell(againstOption) ? `the ${againstOption} plugin` : `KeyFence from ${againstDir}`}` : ""}`);
  const runs = measure(files, pairs, (pair, run) => {
    const cell = ({ cpu, wall, rss, gc }) => `cpu ${cpu.toFixed(2)} s  wall ${wall.toFixed(2)} s  rss ${rss.toFixed(0)} MiB  gc ${gc.toFixed(2)} s`;
    console.log(`  pair ${pair + 1}  bare: ${cell(run.bare)}  |  keyfence: ${cell(run.keyfence)}`);
  });
  console.log(`\n| | bare | recommended | ratio, median (min–max) |\n|---|---|---|---|`);
  for (const [key, label, digits] of METRICS) {
    const bare = runs.map((run) => run.bare[key]);
    const full = runs.map((run) => run.keyfence[key]);
    const ratios = runs.map((run) => run.keyfence[key] / run.bare[key]);
    console.log(`| ${label} | ${median(bare).toFixed(digits)} | ${median(full).toFixed(digits)} | **${spread(ratios, 3)}** |`);
  }
  console.log(`\nfindings: ${runs[0].keyfence.problems} (bare: ${runs[0].bare.problems})`);
}

/** Time and peak memory at growing sizes: per-file cost should stay flat if growth is linear. */
function runScale() {
  const sizes = [...new Set([500, 2000, allFiles.length].filter((size) => size <= allFiles.length))];
  console.log(`KeyFence scale: ESLint ${eslintVersion} on Node ${process.versions.node}, ${allFiles.length} files under ${cwd}, 1 warm-up pair, then ${pairs} pair(s) per size`);
  console.log(`\n| files | bare CPU s | keyfence CPU s | CPU ratio | keyfence CPU ms/file | bare peak MiB | keyfence peak MiB | RSS ratio |`);
  console.log(`|---|---|---|---|---|---|---|---|`);
  for (const size of sizes) {
    // A warm-up pair before the first size only: a run on the biggest size takes minutes.
    const runs = measure(sample(allFiles, size), pairs, undefined, size === sizes[0]);
    const of = (side, key) => median(runs.map((run) => run[side][key]));
    const row = [
      size,
      of("bare", "cpu").toFixed(2),
      of("keyfence", "cpu").toFixed(2),
      median(runs.map((run) => run.keyfence.cpu / run.bare.cpu)).toFixed(3),
      ((of("keyfence", "cpu") * 1000) / size).toFixed(1),
      of("bare", "rss").toFixed(0),
      of("keyfence", "rss").toFixed(0),
      median(runs.map((run) => run.keyfence.rss / run.bare.rss)).toFixed(3),
    ];
    console.log(`| ${row.join(" | ")} |`);
  }
}

if (scale) runScale();
else runPairs(sample(allFiles, fileLimit));

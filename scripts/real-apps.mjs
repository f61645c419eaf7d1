// Real-app benchmark: precision and recall of configs.recommended per rule, on public AI apps
// nobody on the team wrote, against labels written by hand before KeyFence was run.
//
//   node scripts/real-apps.mjs <folder of fetched repositories> [--out file.md]
//
// It prints TP/FP/FN and precision/recall per rule and each FP/FN, and writes the table into
// README.md between the `real-apps:start`/`real-apps:end` markers (or, with --out, to that file).
//
// The folder holds one bare git directory per repository, as the `fetch` tool lays them out:
// `<folder>/<owner>+<name>/repo` (or `<folder>/<owner>+<name>` itself, or `<folder>/<owner>/<name>`).
// Each labelled commit is exported (`git archive`) into a temp folder, committed again there
// (`git init`, every file added, one commit) so that git-dependent rules (env-gitignore,
// no-committed-env-keys…) see what the repository tracks, then linted by ESLint with
// `keyfence.configs.recommended` alone. A finding matches a label on file, rule and line ±2
// (exact lines claimed first; a label with `line: null` is a file-level finding and matches any
// line). Several messages of one rule on one line count once, as the labels do. Fetched code never enters this repository.
// A snapshot with no eslint.config.* anywhere gets one at its root, as a user adding KeyFence
// writes it (see layOut).
// An app whose labels name Dockerfiles or compose files says so with `"configs": ["files",
// "recommended"]`: it is linted as a user with both configs sees it (`configs.files` first, as its
// docs say); the others keep `configs.recommended` alone, the scope their labels were written for.
// An app whose leaks are in .vue, .svelte or .astro components says `"configs": ["recommended",
// "components"]`: it is linted as a user of that framework's ESLint plugin sees it (the
// component parsers of componentParsers() below, then both KeyFence configs).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { ESLint } from "eslint";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const require = createRequire(import.meta.url);
const keyfence = require(join(root, "eslint-plugin/dist/index.js"));

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outFile = outIndex >= 0 ? resolve(args[outIndex + 1]) : undefined;
// --only owner/name (repeatable): lint those apps only, print their rows, write no table.
const only = args.flatMap((arg, index) => (args[index - 1] === "--only" ? [arg] : []));
const reposFolder = args.find((arg, index) => !arg.startsWith("--") && (outIndex < 0 || index !== outIndex + 1) && args[index - 1] !== "--only");
if (!reposFolder) {
  console.error("usage: node scripts/real-apps.mjs <folder of fetched repositories> [--out file.md] [--only owner/name]…");
  process.exit(2);
}
const labelsFile = join(root, "bench/real-apps/labels.json");
const { repos: allRepos } = JSON.parse(readFileSync(labelsFile, "utf8"));
const repos = only.length ? allRepos.filter(({ repo }) => only.includes(repo)) : allRepos;
const LINE_SLACK = 2;

/** The bare git directory of `owner/name` in the folder, or undefined. */
function gitDirOf(repo) {
  const [owner, name] = repo.split("/");
  const candidates = [join(reposFolder, `${owner}+${name}`, "repo"), join(reposFolder, `${owner}+${name}`), join(reposFolder, owner, name, ".git"), join(reposFolder, owner, name)];
  return candidates.find((dir) => existsSync(join(dir, "HEAD")) && existsSync(join(dir, "objects")));
}

function git(cwd, ...gitArgs) {
  return execFileSync("git", gitArgs, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 }).toString();
}

/**
 * Exclude pathspecs for the files of the commit whose blobs the snapshot does not hold (a mirror
 * may list its largest files without their content: images, model data). `git archive` stops at
 * the first absent blob; the linted code never needs them.
 */
function absentFiles(gitDir, commit) {
  const entries = git(gitDir, `--git-dir=${gitDir}`, "ls-tree", "-r", "-z", commit).split("\0").filter(Boolean)
    .map((line) => { const [meta, path] = line.split("\t"); const [, type, sha] = meta.split(" "); return { type, sha, path }; })
    .filter((entry) => entry.type === "blob");
  const check = execFileSync("git", ["--git-dir", gitDir, "cat-file", "--batch-check"], { input: entries.map((entry) => entry.sha).join("\n") + "\n", maxBuffer: 1 << 28 }).toString().split("\n");
  return entries.filter((_, index) => check[index]?.endsWith(" missing")).map((entry) => `:(exclude,literal)${entry.path}`);
}

/** Exports the commit into a fresh folder and commits it again there; returns the folder. */
function layOut(gitDir, commit) {
  const dir = mkdtempSync(join(tmpdir(), "keyfence-real-app-"));
  const tar = `${dir}.tar`;
  git(dir, `--git-dir=${gitDir}`, "archive", "--format=tar", "-o", tar, commit, "--", ".", ...absentFiles(gitDir, commit));
  execFileSync("tar", ["-xf", tar, "-C", dir]);
  rmSync(tar);
  // A repository with no ESLint config at its root gets the one a user writes to run KeyFence over
  // the whole repository (`eslint .` there needs one; a config in `client/` lints only `client/`):
  // env-gitignore reports a repository without .gitignore on its topmost eslint.config.*, and the
  // labels say `eslint.config.js` for it. Its text is no code to report on.
  const tracked = git(dir, `--git-dir=${gitDir}`, "ls-tree", "-r", "--name-only", commit).split("\n");
  if (!tracked.some((file) => /^eslint\.config\.[cm]?[jt]s$/.test(file))) {
    writeFileSync(join(dir, "eslint.config.js"), '// Added by the real-app benchmark: what a user writes to run KeyFence.\nimport keyfence from "eslint-plugin-keyfence";\nexport default [keyfence.configs.recommended];\n');
  }
  git(dir, "init", "-q");
  // -f: every exported file was tracked, even one a .gitignore now matches.
  git(dir, "add", "-A", "-f");
  git(dir, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", "snapshot");
  return dir;
}

/**
 * What a Vue, Svelte or Astro project's own ESLint config brings for its components: their parsers
 * (eslint-plugin-vue, eslint-plugin-svelte and eslint-plugin-astro set these, TypeScript inside).
 * configs.components adds KeyFence's code rules only to components such a config lints.
 */
function componentParsers() {
  const tsParser = require("@typescript-eslint/parser");
  const parsers = { vue: require("vue-eslint-parser"), svelte: require("svelte-eslint-parser"), astro: require("astro-eslint-parser") };
  return Object.entries(parsers).map(([ext, parser]) => ({
    files: [`**/*.${ext}`],
    languageOptions: { parser, parserOptions: { parser: tsParser, sourceType: "module", extraFileExtensions: [`.${ext}`] } },
  }));
}

/** The ESLint configs an app is linted with, in the order its `configs` list names them. */
function configsOf(names = ["recommended"]) {
  const keyfenceConfigs = names.map((name) => {
    if (!keyfence.configs[name]) throw new Error(`labels.json names an unknown config: ${name}`);
    return keyfence.configs[name];
  });
  return names.includes("components") ? [...componentParsers(), ...keyfenceConfigs] : keyfenceConfigs;
}

async function lint(dir, configNames) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: configsOf(configNames),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  const results = await eslint.lintFiles(["."]);
  const findings = new Map();
  let parseErrors = 0;
  for (const result of results) {
    const file = relative(dir, result.filePath).split(sep).join("/");
    for (const message of result.messages) {
      if (!message.ruleId) {
        if (message.fatal) parseErrors++;
        continue;
      }
      if (!message.ruleId.startsWith("keyfence/")) continue;
      const rule = message.ruleId.slice("keyfence/".length);
      const key = `${file}\0${rule}\0${message.line}`;
      if (!findings.has(key)) findings.set(key, { file, rule, line: message.line, message: message.message });
    }
  }
  return { findings: [...findings.values()], parseErrors };
}

function match(labels, findings) {
  const unmatched = [...findings];
  const tp = [], matched = new Set();
  // Exact lines first, then the nearest line within the slack, then file-level labels: a label
  // never takes by slack the finding its neighbour's label names exactly (two env names on
  // adjacent lines of one file).
  const passes = [
    (label, finding) => label.line !== null && finding.line === label.line,
    (label, finding) => label.line !== null && Math.abs(finding.line - label.line) <= LINE_SLACK,
    (label) => label.line === null,
  ];
  for (const fits of passes) {
    for (const label of labels) {
      if (matched.has(label)) continue;
      const candidates = unmatched.filter((finding) => finding.file === label.file && finding.rule === label.rule && fits(label, finding));
      if (candidates.length === 0) continue;
      const best = label.line === null ? candidates[0] : candidates.reduce((a, b) => (Math.abs(b.line - label.line) < Math.abs(a.line - label.line) ? b : a));
      unmatched.splice(unmatched.indexOf(best), 1);
      matched.add(label);
      tp.push({ label, finding: best });
    }
  }
  const fn = labels.filter((label) => !matched.has(label));
  return { tp, fn, fp: unmatched };
}

const perRule = new Map();
// Every recommended rule gets a row, so a rule no app exercised shows as such (all zeros).
for (const ruleId of Object.keys(keyfence.configs.recommended.rules)) perRule.set(ruleId.slice("keyfence/".length), { tp: 0, fp: 0, fn: 0 });
const count = (rule) => perRule.get(rule) ?? perRule.set(rule, { tp: 0, fp: 0, fn: 0 }).get(rule);
const details = [];
const missing = [];
for (const { repo, commit, labels, configs } of repos) {
  const gitDir = gitDirOf(repo);
  if (!gitDir) {
    missing.push(repo);
    console.error(`skipped ${repo}: not in ${reposFolder}`);
    continue;
  }
  const dir = layOut(gitDir, commit);
  try {
    const { findings, parseErrors } = await lint(dir, configs);
    const { tp, fp, fn } = match(labels, findings);
    for (const { label } of tp) count(label.rule).tp++;
    for (const finding of fp) count(finding.rule).fp++;
    for (const label of fn) count(label.rule).fn++;
    console.log(`${repo}@${commit.slice(0, 7)}: ${tp.length} TP, ${fp.length} FP, ${fn.length} FN${parseErrors ? `, ${parseErrors} files ESLint could not parse` : ""}`);
    for (const finding of fp) details.push(`FP ${repo} ${finding.file}:${finding.line} ${finding.rule}: ${finding.message.split("\n")[0]}`);
    for (const label of fn) details.push(`FN ${repo} ${label.file}:${label.line ?? "-"} ${label.rule}: ${label.why}`);
  } finally {
    // A git the lint started (the key-history lookup) may still be writing in .git: retry, and never
    // let a leftover temporary folder end the run (it crashed one half of a 2,586-snapshot run).
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.error(`could not remove ${dir}: ${error.message}`);
    }
  }
}

const ratio = (part, whole) => (whole === 0 ? "–" : (part / whole).toFixed(2));
const rows = [...perRule.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = rows.reduce((sum, [, c]) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
const table = [
  "| rule | TP | FP | FN | precision | recall |",
  "|---|---|---|---|---|---|",
  ...rows.map(([rule, c]) => `| \`${rule}\` | ${c.tp} | ${c.fp} | ${c.fn} | ${ratio(c.tp, c.tp + c.fp)} | ${ratio(c.tp, c.tp + c.fn)} |`),
  `| **all** | ${total.tp} | ${total.fp} | ${total.fn} | ${ratio(total.tp, total.tp + total.fp)} | ${ratio(total.tp, total.tp + total.fn)} |`,
].join("\n");
console.log(`\n${table}\n`);
for (const line of details) console.log(line);
const linted = repos.length - missing.length;
const withFiles = repos.filter(({ configs }) => configs?.includes("files")).length;
const withComponents = repos.filter(({ configs }) => configs?.includes("components")).length;
const extras = [
  withFiles ? `\`configs.files\` first on the ${withFiles} snapshots whose labels name Dockerfiles or compose files` : "",
  withComponents ? `\`configs.components\` and the component parsers on the ${withComponents} whose leaks are in Vue, Svelte or Astro components` : "",
].filter(Boolean);
const summary = `${linted} snapshots, ${repos.reduce((sum, { labels }) => sum + labels.length, 0)} hand labels, \`configs.recommended\`${extras.length ? ` (with ${extras.join("; with ")})` : " only"}:\n\n${table}\n`;
if (only.length) console.error("--only: table not written");
else if (outFile) writeFileSync(outFile, `${summary}\n${details.map((line) => `- ${line}`).join("\n")}\n`);
else {
  const readme = join(root, "README.md");
  const text = readFileSync(readme, "utf8");
  const pattern = /(<!-- real-apps:start -->\n)[\s\S]*?(<!-- real-apps:end -->)/;
  if (pattern.test(text)) writeFileSync(readme, text.replace(pattern, (_, start, end) => `${start}${summary}${end}`));
  else console.error("README.md has no real-apps markers; table not written");
}
if (missing.length) process.exitCode = 1;

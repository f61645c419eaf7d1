/**
 * What `npm publish` would ship for eslint-plugin-keyfence: README, LICENSE, CHANGELOG (npm always packs it), package.json, the
 * built dist/ (no source maps, no tests) and docs/, nothing else. `npm test` builds dist first;
 * `--ignore-scripts` lists that build instead of rebuilding it (prepack) under the other tests.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import keyfence from "../eslint-plugin/src/index";

const pluginDir = join(__dirname, "../eslint-plugin");

function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: pluginDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [pack] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  return pack.files.map((file) => file.path).sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(pluginDir, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/** Every file path an `exports` entry points at, e.g. ./dist/parser.js. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports.replace(/^\.\//, "")];
  return Object.values(exports as Record<string, unknown>).flatMap(exportTargets);
}

describe("the eslint-plugin-keyfence tarball (npm pack)", function () {
  this.timeout(60_000);
  let files: string[];
  before(() => {
    files = packedFiles();
  });

  it("holds README.md, LICENSE and package.json", () => {
    for (const file of ["README.md", "LICENSE", "package.json"]) assert.ok(files.includes(file), `${file} missing`);
  });

  it("holds nothing but those, its CHANGELOG, dist/ and docs/", () => {
    const others = files.filter((file) => !["README.md", "LICENSE", "CHANGELOG.md", "package.json"].includes(file) && !/^(dist|docs)\//.test(file));
    assert.deepEqual(others, []);
  });

  it("ships dist/ as built from src/: JavaScript (and its two bundles) and type declarations, no maps, no tests", () => {
    const dist = files.filter((file) => file.startsWith("dist/"));
    assert.deepEqual(dist.filter((file) => !/\.(js|d\.ts)$/.test(file) || /\.test\./.test(file)), []);
    const sources = filesUnder(join(pluginDir, "src")).filter((file) => file.endsWith(".ts"));
    // build.mjs: the modules are built into two bundles as well (their files take their code from them).
    const built = ["dist/engine-bundle.js", "dist/plugin-bundle.js", ...sources.flatMap((file) => [file.replace(/^src\//, "dist/").replace(/\.ts$/, ".js"), file.replace(/^src\//, "dist/").replace(/\.ts$/, ".d.ts")])];
    assert.deepEqual(dist, built.sort(), "dist/ differs from what src/ builds: run npm run build");
  });

  for (const [bundleFile, least] of [["engine-bundle.js", 100], ["plugin-bundle.js", 30]] as const) {
    it(`builds each module once: ${bundleFile} holds exactly the modules whose files take their code from it`, () => {
      const dist = join(pluginDir, "dist");
      const bundle = readFileSync(join(dist, bundleFile), "utf8");
      // esbuild heads each module's code with its source path.
      const bundled = [...bundle.matchAll(/^\/\/ src\/(.+)\.ts$/gm)].map((match) => match[1]).sort();
      const stub = new RegExp(`^const bundle = require\\("[./]*${bundleFile.replace(".", "\\.")}"\\);\\nmodule\\.exports = bundle\\[`, "m");
      const stubs = filesUnder(dist)
        .filter((file) => file.endsWith(".js") && !file.endsWith("-bundle.js"))
        .filter((file) => stub.test(readFileSync(join(pluginDir, file), "utf8")))
        .map((file) => file.replace(/^dist\//, "").replace(/\.js$/, ""))
        .sort();
      assert.ok(stubs.length > least, `${stubs.length} modules built into ${bundleFile}`);
      assert.deepEqual(bundled, stubs);
    });
  }

  it("leaves no module a file of its own: every built module is in one of the two bundles", () => {
    const dist = join(pluginDir, "dist");
    const own = filesUnder(dist).filter((file) => file.endsWith(".js") && !file.endsWith("-bundle.js") && !/^const bundle = require\("[./]*(engine|plugin)-bundle\.js"\);\nmodule\.exports = bundle\[/m.test(readFileSync(join(pluginDir, file), "utf8")));
    assert.deepEqual(own, []);
  });

  it("loads two of its files and its package.json on import (no dependency), and the engine bundle only once a rule lints code", () => {
    const dist = join(pluginDir, "dist");
    const script = `
      const dist = ${JSON.stringify(dist)};
      const loaded = () => Object.keys(require.cache).filter((file) => file.startsWith(dist)).map((file) => file.slice(dist.length + 1).split("\\\\").join("/")).sort();
      const before = new Set(Object.keys(require.cache));
      const keyfence = require(dist + "/index.js");
      const onImport = loaded();
      // Nothing else: no dependency (visitor keys, typescript-eslint's eslint-utils) until a rule runs.
      const others = Object.keys(require.cache).filter((file) => !before.has(file) && !file.startsWith(dist)).map((file) => require("path").basename(file));
      const { Linter } = require("eslint");
      new Linter({ configType: "flat" }).verify("const a = 1;\\n", [keyfence.configs.recommended], ${JSON.stringify(join(pluginDir, "app.js"))});
      const onLint = loaded();
      // The rules took the engine through bundle-loader (V8's code cache); a stub in dist/ that
      // requires the bundle by path gets the same module, not a second copy.
      const engine = require(dist + "/engine-bundle.js");
      const oneEngine = engine === require(dist + "/util/bundle-loader.js").loadBundle(dist + "/engine-bundle.js") && require(dist + "/engine/text-facts.js").textFacts === engine["engine/text-facts"]().textFacts;
      console.log(JSON.stringify({ onImport, others, onLint, oneEngine }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: pluginDir, encoding: "utf8" }).trim().split("\n").pop()!) as { onImport: string[]; others: string[]; onLint: string[]; oneEngine: boolean };
    assert.deepEqual(out.onImport, ["index.js", "plugin-bundle.js"]);
    assert.deepEqual(out.others, ["package.json"]);
    assert.ok(out.onLint.includes("engine-bundle.js"), out.onLint.join());
    assert.equal(out.oneEngine, true);
  });

  it("builds the bundles as ASCII, so V8 keeps their source as one-byte strings (half the heap)", () => {
    const bundle = readFileSync(join(pluginDir, "dist", "engine-bundle.js"), "utf8") + readFileSync(join(pluginDir, "dist", "plugin-bundle.js"), "utf8");
    const first = /[^\x00-\x7f]/.exec(bundle);
    assert.equal(first, null, first ? `non-ASCII ${JSON.stringify(first[0])} at ${bundle.slice(Math.max(0, first.index - 40), first.index + 10)}` : "");
    // The escapes mean what the characters meant: a regex literal with `\u2026` still matches an ellipsis.
    assert.match(bundle, /\\u2026/);
  });

  it("ships every file that package.json's main, types and exports point at", () => {
    const pkg = JSON.parse(readFileSync(join(pluginDir, "package.json"), "utf8")) as { main: string; types: string; exports: unknown };
    for (const target of [pkg.main, pkg.types, ...exportTargets(pkg.exports)]) {
      assert.ok(files.includes(target.replace(/^\.\//, "")), `${target} is not in the tarball`);
    }
  });

  it("ships docs/ whole, with a page per rule", () => {
    assert.deepEqual(
      files.filter((file) => file.startsWith("docs/")),
      filesUnder(join(pluginDir, "docs")).sort(),
    );
    for (const name of Object.keys(keyfence.rules)) assert.ok(files.includes(`docs/rules/${name}.md`), `docs/rules/${name}.md missing`);
  });
});

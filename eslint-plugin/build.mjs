// Builds dist/: tsc's JavaScript and type declarations for every module, then one esbuild bundle
// of the engine modules that load only once a rule runs (dist/engine-bundle.js), whose tsc files
// become one-line stubs that take their module from the bundle.
//
// Why (issue 11; numbers in bench/performance-log.md, 5 December 2026): a cold lint run loads
// about 270 of the plugin's modules, and Node pays each one a resolve, a stat, a read and a
// compile. One file for the ~220 that load on first use saves that, while the ~50 that importing
// the plugin loads (its rules' metadata, configs, processors and the `--cache` stamps) stay tsc's
// small files: a warm `--cache` run loads only those, and one bundle of everything would make it
// pre-parse 0.9 MB of code it never runs.
//
// Every module exists once: the bundle takes the import-time modules from their tsc files
// (`external`), and the stubs hand out the bundle's modules, so a cache such as the client
// graphs (shared by the stamp and the rules) is never split in two. Laziness is kept: a stub
// initialises its module (and what it imports) when it is first required, as before.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const pluginDir = dirname(fileURLToPath(import.meta.url));
const src = join(pluginDir, "src");
const dist = join(pluginDir, "dist");
const BUNDLE = "engine-bundle.js";
const requireHere = createRequire(join(pluginDir, "package.json"));
const pkg = requireHere("./package.json");

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [requireHere.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: pluginDir, stdio: "inherit" });

/** Module keys ("engine/client/index") of every built module, and of those importing the plugin loads. */
const allModules = readdirSync(dist, { recursive: true })
  .map((file) => String(file).split("\\").join("/"))
  .filter((file) => file.endsWith(".js"))
  .map((file) => file.slice(0, -".js".length));
const importTime = new Set(
  JSON.parse(
    execFileSync(
      process.execPath,
      ["-e", `require("./dist/index.js"); const dist = require("path").join(process.cwd(), "dist") + require("path").sep; console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.startsWith(dist)).map((file) => file.slice(dist.length, -3).split("\\\\").join("/"))))`],
      { cwd: pluginDir, encoding: "utf8" },
    ),
  ),
);
const firstUse = allModules.filter((key) => !importTime.has(key)).sort();

/** The module key of a relative import from `resolveDir`, or undefined for a file outside src/ or not a module. */
function moduleKey(resolveDir, request) {
  const base = resolve(resolveDir, request);
  for (const file of [`${base}.ts`, join(base, "index.ts"), base]) {
    if (file.endsWith(".ts") && existsSync(file) && file.startsWith(src)) return relative(src, file).split("\\").join("/").slice(0, -".ts".length);
  }
  return undefined;
}

const result = await build({
  stdin: {
    // A function per module: a module runs when its stub is first required, not when the bundle loads.
    contents: `module.exports = {\n${firstUse.map((key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(`./${key}.ts`)}),`).join("\n")}\n};\n`,
    resolveDir: src,
    sourcefile: "engine-bundle-entry.js",
    loader: "js",
  },
  outfile: join(dist, BUNDLE),
  // The metafile's input paths are relative to this folder, whatever folder the build runs from.
  absWorkingDir: pluginDir,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Dependencies stay packages of their own (the native oxc binaries must never be inlined).
  external: [...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }).flatMap((name) => [name, `${name}/*`]), "typescript"],
  plugins: [
    {
      name: "import-time-modules-stay-files",
      setup(build) {
        build.onResolve({ filter: /^\./ }, (args) => {
          const key = moduleKey(args.resolveDir, args.path);
          return key && importTime.has(key) ? { path: `./${key}.js`, external: true } : undefined;
        });
      },
    },
  ],
  metafile: true,
  sourcemap: false,
  logLevel: "warning",
});

// ASCII only, so V8 keeps the bundle's source (held for the life of the process, for lazy
// compilation) as a one-byte string: ten non-ASCII characters in comments and regex literals
// (`…`, `é`) made it a two-byte one, 1.7 MiB of heap instead of 0.9 (issue 11: what KeyFence keeps
// raises the heap V8 lets grow before each full collection). A \uXXXX escape means the same
// character in a string, a regex literal and an identifier, and nothing in a comment; the bundle
// has no String.raw that would see the difference.
const bundlePath = join(dist, BUNDLE);
writeFileSync(bundlePath, readFileSync(bundlePath, "utf8").replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));

// The bundle must hold no import-time module: a second copy would have state of its own.
const bundled = Object.keys(result.metafile.inputs).map((input) => relative(src, resolve(pluginDir, input)).split("\\").join("/").replace(/\.ts$/, ""));
const twice = bundled.filter((key) => importTime.has(key));
if (twice.length) throw new Error(`modules in the bundle and as files: ${twice.join(", ")}`);

for (const key of firstUse) {
  const toBundle = relative(dirname(join(dist, key)), join(dist, BUNDLE)).split("\\").join("/");
  writeFileSync(join(dist, `${key}.js`), `"use strict";\n// Built into ${BUNDLE} (see eslint-plugin/build.mjs).\nmodule.exports = require(${JSON.stringify(toBundle.startsWith(".") ? toBundle : `./${toBundle}`)})[${JSON.stringify(key)}]();\n`);
}
console.log(`dist/: ${importTime.size} modules as files, ${firstUse.length} in ${BUNDLE}`);

// Builds dist/: tsc's JavaScript and type declarations for every module, then two esbuild bundles:
// the modules importing the plugin loads (dist/plugin-bundle.js) and the engine modules that load
// only once a rule runs (dist/engine-bundle.js). Each module's tsc file becomes a one-line stub
// that takes its module from its bundle.
//
// Why (issue 11; numbers in bench/performance-log.md, 5 and 7 December 2026): a cold lint run
// loads about 270 of the plugin's modules, and Node pays each one a resolve, a stat, a read and a
// compile. One file for the ~220 that load on first use saves that; the ~50 that importing the
// plugin loads (its rules' metadata, configs, processors and the `--cache` stamps) are a bundle of
// their own, so that a warm `--cache` run, which loads only those, reads one small file instead
// of fifty and never pre-parses the 0.9 MB engine it does not run.
//
// Every module exists once: each bundle takes the other's modules from it (through the other
// bundle's table, never a second copy), so a cache such as the client graphs (shared by the stamp
// and the rules) is never split in two. Laziness is kept: a module runs when it is first required,
// as before.
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
// The plugin bundle loads the engine bundle through bundle-loader (V8's code cache), so it holds the loader.
const LOADER = "util/bundle-loader";
importTime.add(LOADER);
const firstUse = allModules.filter((key) => !importTime.has(key)).sort();

/** The module key of a relative import from `resolveDir`, or undefined for a file outside src/ or not a module. */
function moduleKey(resolveDir, request) {
  const base = resolve(resolveDir, request);
  for (const file of [`${base}.ts`, join(base, "index.ts"), base]) {
    if (file.endsWith(".ts") && existsSync(file) && file.startsWith(src)) return relative(src, file).split("\\").join("/").slice(0, -".ts".length);
  }
  return undefined;
}

const PLUGIN_BUNDLE = "plugin-bundle.js";
const packageJson = join(pluginDir, "package.json");

/**
 * An esbuild plugin for one bundle: a relative import of a module the other bundle holds becomes
 * `require("./<other bundle>")[key]()` (run when first required), and the package's own
 * package.json stays a file read at run time (index.ts: the published package reports its own
 * version).
 */
function takeFromOtherBundle(ownKeys, otherBundle) {
  return {
    name: "modules-of-the-other-bundle",
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.namespace === "other-bundle") return { path: args.path, external: true };
        if (resolve(args.resolveDir, args.path) === packageJson) return { path: "../package.json", external: true };
        const key = moduleKey(args.resolveDir, args.path);
        return key && !ownKeys.has(key) ? { path: key, namespace: "other-bundle" } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: "other-bundle" }, (args) => ({
        // The engine bundle is loaded with V8's code cache (src/util/bundle-loader.ts); the plugin
        // bundle, which every run loads and which is small, by a plain require.
        contents:
          otherBundle === BUNDLE
            ? `module.exports = require(${JSON.stringify(join(src, `${LOADER}.ts`))}).loadBundle(require("node:path").join(__dirname, ${JSON.stringify(otherBundle)}))[${JSON.stringify(args.path)}]();\n`
            : `module.exports = require(${JSON.stringify(`./${otherBundle}`)})[${JSON.stringify(args.path)}]();\n`,
        loader: "js",
        resolveDir: src,
      }));
    },
  };
}

/** One bundle of `keys`: a table of functions, one per module, that run it when first called. */
async function bundle(file, keys, otherBundle) {
  const result = await build({
    stdin: {
      // A function per module: a module runs when its stub is first required, not when the bundle loads.
      contents: `module.exports = {\n${keys.map((key) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(`./${key}.ts`)}),`).join("\n")}\n};\n`,
      resolveDir: src,
      sourcefile: `${file.replace(/\.js$/, "")}-entry.js`,
      loader: "js",
    },
    outfile: join(dist, file),
    // The metafile's input paths are relative to this folder, whatever folder the build runs from.
    absWorkingDir: pluginDir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // Dependencies stay packages of their own (the native oxc binaries must never be inlined).
    external: [...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }).flatMap((name) => [name, `${name}/*`]), "typescript"],
    plugins: [takeFromOtherBundle(new Set(keys), otherBundle)],
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
  const bundlePath = join(dist, file);
  writeFileSync(bundlePath, readFileSync(bundlePath, "utf8").replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  // A bundle must hold none of the other's modules: a second copy would have state of its own.
  const bundled = Object.keys(result.metafile.inputs)
    .filter((input) => input.endsWith(".ts"))
    .map((input) => relative(src, resolve(pluginDir, input)).split("\\").join("/").replace(/\.ts$/, ""));
  const own = new Set(keys);
  const twice = bundled.filter((key) => !own.has(key));
  if (twice.length) throw new Error(`${file} holds modules of the other bundle: ${twice.join(", ")}`);
  for (const key of keys) {
    const toBundle = relative(dirname(join(dist, key)), bundlePath).split("\\").join("/");
    // Not `module.exports = require(bundle)[key]()`: Node's ESM loader reads that as a re-export and lexes the
    // whole bundle for its names when eslint.config.mjs imports the plugin (3 MiB more and ~10 ms slower).
    writeFileSync(join(dist, `${key}.js`), `"use strict";\n// Built into ${file} (see eslint-plugin/build.mjs).\nconst bundle = require(${JSON.stringify(toBundle.startsWith(".") ? toBundle : `./${toBundle}`)});\nmodule.exports = bundle[${JSON.stringify(key)}]();\n`);
  }
}

await bundle(BUNDLE, firstUse, PLUGIN_BUNDLE);
await bundle(PLUGIN_BUNDLE, [...importTime].sort(), BUNDLE);
console.log(`dist/: ${importTime.size} modules in ${PLUGIN_BUNDLE}, ${firstUse.length} in ${BUNDLE}`);

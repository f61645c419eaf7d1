// The three resolvers the engine can load (extension/src/shims/oxc-resolver.ts says which ships
// where), timed on the import specifiers of this repository's own sources:
//   node scripts/resolver-bench.mjs [folder]
// Prints load time, cold resolve time per 1,000 specifiers, and how many each resolved.
import { build } from "esbuild";
import { readFileSync, readdirSync, mkdtempSync, rmSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { wasmResolverPackage } from "../extension/wasm-resolver.cjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const folder = process.argv[2] ?? join(root, "eslint-plugin/src");
const require = createRequire(import.meta.url);

// Same options as eslint-plugin/src/engine/client/resolve.ts.
const OPTIONS = {
  tsconfig: "auto",
  alias: {},
  extensions: [".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte", ".astro", ".json"],
  extensionAlias: { ".js": [".ts", ".tsx", ".js", ".jsx"], ".mjs": [".mts", ".mjs"], ".cjs": [".cts", ".cjs"], ".jsx": [".tsx", ".jsx"] },
  conditionNames: ["browser", "import", "module", "default"],
  mainFields: ["browser", "module", "main"],
  builtinModules: true,
};

const requests = [];
for (const rel of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
  if (!/\.[cm]?[jt]sx?$/.test(rel) || rel.includes("node_modules")) continue;
  const file = join(folder, rel);
  for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)) requests.push([file, match[1]]);
}

// Each candidate bundled alone, as the server bundle has it.
const out = mkdtempSync(join(tmpdir(), "keyfence-resolver-bench-"));
const wasm = wasmResolverPackage(root);
async function bundle(name, entry, alias = {}) {
  await build({ entryPoints: { [name]: entry }, outdir: out, bundle: true, platform: "node", format: "cjs", alias, logLevel: "warning" });
  return join(out, `${name}.js`);
}
const candidates = {
  native: () => require("oxc-resolver").ResolverFactory,
  wasm: async () => {
    const file = await bundle("wasm", join(root, "extension/src/shims/oxc-resolver.ts"), { "@oxc-resolver/binding-wasm32-wasi": wasm });
    copyFileSync(join(wasm, "resolver.wasm32-wasi.wasm"), join(out, "resolver.wasm32-wasi.wasm"));
    const start = performance.now();
    const factory = require(file).ResolverFactory;
    return [factory, performance.now() - start];
  },
  "js stand-in": async () => {
    const file = await bundle("standin", join(root, "eslint-plugin/src/engine/client/fallback-resolver.ts"));
    const start = performance.now();
    return [require(file).ResolverFactory, performance.now() - start];
  },
};

console.log(`${requests.length} import specifiers from ${folder}`);
for (const [name, load] of Object.entries(candidates)) {
  let factory, loadMs;
  if (name === "native") {
    const start = performance.now();
    factory = load();
    loadMs = performance.now() - start;
  } else [factory, loadMs] = await load();
  const rounds = [];
  let resolved = 0;
  for (let round = 0; round < 5; round++) {
    const resolver = new factory(OPTIONS);
    let withoutTsconfig;
    resolved = 0;
    const start = performance.now();
    for (const [file, specifier] of requests) {
      try {
        let result = resolver.resolveFileSync(file, specifier);
        // As resolve.ts does under a tsconfig whose `extends` is not installed.
        if (!result.path && /tsconfig/i.test(result.error ?? "")) result = (withoutTsconfig ??= new factory({ ...OPTIONS, tsconfig: undefined })).resolveFileSync(file, specifier);
        if (result.path) resolved++;
      } catch {
        // not resolved
      }
    }
    rounds.push(((performance.now() - start) / requests.length) * 1000);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(12)} load ${loadMs.toFixed(1).padStart(6)} ms  cold resolve ${rounds[2].toFixed(1).padStart(6)} ms / 1,000 (median of 5)  resolved ${resolved}/${requests.length}`);
}
rmSync(out, { recursive: true, force: true });

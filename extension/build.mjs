// Bundles the extension (and, with --tests, the extension-host test suite) with esbuild.
// Type checking is separate: `npm run typecheck`.
import { build, transform } from "esbuild";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { wasmResolverPackage } from "./wasm-resolver.cjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const withTests = process.argv.includes("--tests");
// `--server-only`: just the language server (its stdio test builds it this way).
const serverOnly = process.argv.includes("--server-only");

// oxc-resolver: its wasm build, the resolver ESLint runs (extension/src/shims/oxc-resolver.ts says
// why); its .wasm file sits beside server.js, where the binding's loader looks (`__dirname`).
// oxc-parser: the JS stand-in (its wasm build would add ~0.55 MB compressed: over the .vsix budget).
const wasmResolver = wasmResolverPackage(root);
const alias = {
  "oxc-parser": join(root, "extension/src/shims/oxc-parser.ts"),
  "oxc-resolver": join(root, "extension/src/shims/oxc-resolver.ts"),
  "@oxc-resolver/binding-wasm32-wasi": wasmResolver,
  // jsonc-parser's `main` is a UMD build whose factory requires './impl/format' at run time,
  // which a bundle cannot resolve; its ESM build is plain imports.
  "jsonc-parser": join(root, "node_modules/jsonc-parser/lib/esm/main.js"),
};

// The language server: one self-contained bundle (server-main.js), started through server.js as
// `keyfence-language-server --stdio` (package.json `bin`), and by the extension over node IPC.
await build({
  entryPoints: { "server-main": join(root, "extension/server/src/server.ts") },
  outdir: join(root, "extension/dist"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  alias,
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
});
copyFileSync(join(wasmResolver, "resolver.wasm32-wasi.wasm"), join(root, "extension/dist/resolver.wasm32-wasi.wasm"));
// server.js, the entry point: loads server-main.js with V8's code cache (extension/server/loader.cjs).
// Minified like the bundles (the .vsix budget is 2 MB); its source is the commented file.
const loader = await transform(readFileSync(join(root, "extension/server/loader.cjs"), "utf8"), { loader: "js", format: "cjs", minify: true, legalComments: "none" });
writeFileSync(join(root, "extension/dist/server.js"), "#!/usr/bin/env node\n" + loader.code, { mode: 0o755 });
if (serverOnly) process.exit(0);

// The extension: wiring only (the language client); the analysis is in server.js.
await build({
  entryPoints: {
    extension: join(root, "extension/src/extension.ts"),
  },
  outdir: join(root, "extension/dist"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  // Lets activate() report load + activation time.
  banner: { js: "globalThis.__keyfenceLoadStart??=performance.now();" },
  minify: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: false,
});

if (withTests) {
  // The suite runs inside the extension host; mocha is resolved from the repo's node_modules.
  const testDir = join(root, "test/extension");
  const entries = readdirSync(testDir).filter((f) => f.endsWith(".ts")).map((f) => join(testDir, f));
  await build({
    entryPoints: entries,
    outdir: join(root, "out/test/extension"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode", "mocha"],
    sourcemap: "inline",
    logLevel: "warning",
  });
}

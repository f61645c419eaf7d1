/**
 * The server bundle's `oxc-resolver` (see extension/build.mjs): oxc-resolver's own wasm build,
 * the same Rust resolver, version and options the ESLint rules run natively, so editor and CI
 * follow the same imports (package `imports` `#aliases`, `exports` conditions, tsconfig `paths`
 * inherited through `extends` from a package). test/server/resolver-parity.test.ts proves it.
 *
 * Why this and not the alternatives (numbers from `node scripts/resolver-bench.mjs`, Dec 2026):
 * - Size: one .vsix for every platform, 1.36 → 1.99 MB with this round's server (the .wasm compresses to ~0.48 MB). The
 *   native binding is 2.1 MB a platform: per-platform .vsix files (`vsce package --target`) need
 *   a build and a Marketplace upload per target, and one file that held them all would not fit.
 *   oxc-parser's wasm build would add ~0.55 MB more: over the 2 MB budget, so the parser stays
 *   the JS stand-in (which gives the same results, slower).
 * - Time: loads in 0.2–0.35 s, on the first import the server resolves (not at start); resolves
 *   110–190 ms per 1,000 cold specifiers against native's 55–95 and the stand-in's 45–60 (which knows
 *   less). The engine caches answers per (folder, specifier): paid once per import and folder.
 * - Crash safety: a wasm fault is a JS exception (../resolve treats it as "not resolved"), never
 *   a crash of the process; the server is its own process anyway, restarted by the language
 *   client (vscode-languageclient: up to 4 times in 3 minutes) without touching the editor.
 *
 * If it cannot load or cannot see the disk (a Node without `node:wasi`; WASI opens only the
 * root of the server's working directory, so on Windows another drive is out of its sight), this
 * module throws and ../native falls back to the JS stand-in, and says so once.
 */
import { basename } from "node:path";
import type { ResolverFactory as OxcResolverFactory } from "oxc-resolver";

// Required when ../native first asks for a resolver, inside its try/catch. Node flags `node:wasi`
// as experimental on every load; that line would only puzzle users in the output channel.
const emitWarning = process.emitWarning;
process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
  if (!String(warning).includes("WASI")) emitWarning.call(process, warning, ...rest);
}) as typeof process.emitWarning;
let wasm: { ResolverFactory: typeof OxcResolverFactory };
try {
  wasm = require("@oxc-resolver/binding-wasm32-wasi") as typeof wasm;
} finally {
  process.emitWarning = emitWarning;
}

// This bundle's own file, resolved from beside it: proof that the wasm build can read the disk.
if (!new wasm.ResolverFactory({}).resolveFileSync(__filename, `./${basename(__filename)}`).path) {
  throw new Error(`oxc-resolver's wasm build cannot see ${__filename}`);
}

export const ResolverFactory = wasm.ResolverFactory;

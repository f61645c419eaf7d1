/**
 * The native oxc parser and resolver, or their JS stand-ins when the binary cannot load.
 *
 * oxc-parser and oxc-resolver ship one native binary per platform as optional dependencies.
 * `npm install --omit=optional`, or a lockfile written on another OS, leaves it out, and the
 * `require` throws "Cannot find native binding": without this guard the whole ESLint run dies.
 * Each package is required on first use, inside try/catch; on failure the engine uses the JS
 * stand-ins (same calls, slower) and says so once, on stderr.
 *
 * The resolver, in order: the native binary; oxc-resolver's own loader then tries its wasm build
 * (@oxc-resolver/binding-wasm32-wasi) when that is installed; the JS stand-in last. The language
 * server bundle answers `require("oxc-resolver")` with that wasm build (extension/build.mjs,
 * extension/src/shims/oxc-resolver.ts): the same resolver and options in ESLint and the editor.
 * The parser stand-in gives the same results; the resolver stand-in follows fewer imports.
 */
import type { ParseFunction } from "./fallback-parser";
import type { ResolverFactory as FallbackResolverFactory } from "./fallback-resolver";

export type ParseSync = ParseFunction;
export type ResolverConstructor = new (options: Record<string, unknown>) => Pick<FallbackResolverFactory, "resolveFileSync" | "clearCache">;

let nativeParse: ParseSync | null | undefined;
let nativeResolver: ResolverConstructor | null | undefined;
const warned = new Set<string>();

/** oxc-parser's `parseSync`, or the JS parser when the native binary does not load. */
export function nativeParser(): ParseSync {
  if (nativeParse === undefined) {
    try {
      // oxc-parser is an ES module; Node ≥ 20.19 loads it with require().
      nativeParse = (require("oxc-parser") as { parseSync: ParseSync }).parseSync;
    } catch (error) {
      nativeParse = null;
      warnOnce("oxc-parser", error);
    }
  }
  return nativeParse ?? jsParser();
}

/** oxc-parser's `parseSync` when it loaded (the extension bundle's is the JS stand-in), else undefined. */
export function loadedParser(): ParseSync | undefined {
  nativeParser();
  return nativeParse ?? undefined;
}

/** The JS parser (TypeScript-ESTree), loaded only when needed: it is the slow path. */
export function jsParser(): ParseSync {
  return (require("./fallback-parser") as typeof import("./fallback-parser")).parseSync;
}

/** oxc-resolver's `ResolverFactory`, or the JS resolver when the native binary does not load. */
export function resolverFactory(): ResolverConstructor {
  if (nativeResolver === undefined) {
    try {
      nativeResolver = (require("oxc-resolver") as { ResolverFactory: ResolverConstructor }).ResolverFactory;
    } catch (error) {
      nativeResolver = null;
      warnOnce("oxc-resolver", error);
    }
  }
  return nativeResolver ?? (require("./fallback-resolver") as typeof import("./fallback-resolver")).ResolverFactory;
}

function warnOnce(name: string, error: unknown): void {
  if (warned.has(name)) return;
  warned.add(name);
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  console.warn(
    `KeyFence: ${name} could not load its native binary for ${process.platform}-${process.arch} (${reason}). ` +
      `Using the slower JavaScript fallback${name === "oxc-resolver" ? ", which follows fewer imports (no package `imports`, no tsconfig extended by package name)" : "; results are the same"}. ` +
      "Reinstall dependencies on this machine " +
      "without --omit=optional to restore full speed.",
  );
}

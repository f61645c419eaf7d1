/**
 * Loads KeyFence's engine bundle (dist/engine-bundle.js, see build.mjs) with V8's code cache:
 * the bytecode a run compiled is saved beside the bundle when the process exits, and the next
 * run starts from it instead of parsing and compiling the bundle's 1 MB again (issue 11: the
 * first load cost ~35 ms of a cold run's CPU, and compiling its functions on first call more).
 *
 * Why by hand, with Node's `vm.Script` `cachedData`: Node 22's `module.enableCompileCache()`
 * (not in Node 20, which KeyFence supports) and the `v8-compile-cache` packages switch the cache
 * on for every module the process loads, which is the user's ESLint process and not ours to
 * change. This caches one file: ours.
 *
 * What must never happen is a bad cache taking ESLint down or running stale code:
 * - The cache sits in the package's own folder (`.cache/`, beside `dist/`, so `npm publish`
 *   never ships one): whoever can write there can already rewrite the bundle itself (never the
 *   system temp folder, which other users can write to).
 * - Its header names the bundle (a SHA-1 of its text: V8's own check compares only its length)
 *   and the runtime (Node version, architecture); any difference and it is not used. V8 checks
 *   its own version and the flags that change code, and rejects the cache (it is then saved again).
 * - Its payload's SHA-1 is checked before V8 sees it: a torn or damaged file is ignored (V8 does
 *   not verify a code cache's checksum in release builds).
 * - Any failure (read-only install, Yarn's zip archives, a rejected cache) loads the bundle
 *   without a cache, as `require` would. Writes go to a temporary file renamed into place, so
 *   two processes never see half a file.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";

/** The header's first word: a file in another layout is not used (and is replaced). */
const FORMAT = "keyfence-code-cache-1";
/** Longer than any header this writes: a damaged file without a line break is not read further. */
const MAX_HEADER = 256;

/** What the loads so far did with the cache: for tests and the performance notes. */
export const codeCacheStats = { used: 0, missing: 0, rejected: 0, written: 0 };

/** The module `file` exports, loaded once per process like `require(file)`, from V8's code cache when it has one. */
export function loadBundle(file: string): unknown {
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch {
    return require(file);
  }
  const source = text.toString("utf8");
  const key = cacheKey(text);
  const cacheFile = cacheFileOf(file);
  const cached = readCache(cacheFile, key);
  // Node's own CommonJS wrapper, on the bundle's first line so that stack traces keep its line numbers.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData: cached });
  if (!cached) codeCacheStats.missing++;
  else if (script.cachedDataRejected) codeCacheStats.rejected++;
  else codeCacheStats.used++;
  const bundle = new Module(file, module);
  bundle.filename = file;
  // Registered before it runs, as require does: the one-line stubs in dist/ that require the
  // bundle by path get this module, never a second copy with state of its own.
  require.cache[file] = bundle;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(bundle.exports, bundle.exports, createRequire(file), bundle, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  bundle.loaded = true;
  if (!cached || script.cachedDataRejected) process.once("exit", () => saveCodeCache(script, cacheFile, key));
  return bundle.exports;
}

/**
 * Writes what `script` has compiled so far (the functions this run called, not only the bundle's
 * top level). Best effort: a folder that cannot be written only means no cache next time.
 */
export function saveCodeCache(script: Script, cacheFile: string, key: string): void {
  try {
    const payload = script.createCachedData();
    const header = Buffer.from(`${FORMAT} ${key} ${sha1(payload)}\n`);
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([header, payload]));
    renameSync(temporary, cacheFile);
    codeCacheStats.written++;
  } catch {
    // Nothing to do: see above.
  }
}

/** `<package>/.cache/engine-bundle.js.v8-cache` for `<package>/dist/engine-bundle.js`. */
export function cacheFileOf(file: string): string {
  return path.join(path.dirname(path.dirname(file)), ".cache", `${path.basename(file)}.v8-cache`);
}

/**
 * The bundle's text and the runtime that compiles it: a cache made for anything else is not used
 * (~1.5 ms for 1 MB). Node's flags are left to V8, which rejects a cache made under flags that
 * change code (the cache is then saved again): `--cpu-prof-dir` differs on every profiled run and
 * changes nothing.
 */
function cacheKey(text: Buffer): string {
  return createHash("sha1").update(text).update(`|${process.version}|${process.arch}`).digest("hex");
}

function readCache(cacheFile: string, key: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = data.subarray(0, MAX_HEADER).indexOf(10);
  if (end < 0) return undefined;
  const [format, savedKey, checksum] = data.subarray(0, end).toString("latin1").split(" ");
  if (format !== FORMAT || savedKey !== key) return undefined;
  const payload = data.subarray(end + 1);
  return sha1(payload) === checksum ? payload : undefined;
}

function sha1(data: Uint8Array): string {
  return createHash("sha1").update(data).digest("hex");
}

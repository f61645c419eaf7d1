/**
 * `keyfence-language-server`: loads the bundled server (server-main.js, ~5 MB) with V8's code
 * cache. Compiling the bundle was ~40% of the server's start (~0.4 s of ~1 s); with the cache V8
 * skips it, as VS Code does for its own bundles. The cache is bytecode of this exact bundle
 * for this exact V8 (`v8.cachedDataVersionTag()` and a hash of the source name its file), kept
 * per user: the extension's global storage (KEYFENCE_CACHE_DIR), else the user's cache folder.
 * V8 checks the data itself and rejects what does not match; any failure here loads the bundle
 * the ordinary way. Copied to extension/dist/server.js by extension/build.mjs.
 */
"use strict";
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { homedir } = require("node:os");
const { join } = require("node:path");
const { cachedDataVersionTag } = require("node:v8");
const vm = require("node:vm");

const bundle = join(__dirname, "server-main.js");
/** The cache is written once the server has run a while: its bytecode then covers what ran. */
const WRITE_AFTER_MS = Number(process.env.KEYFENCE_CACHE_WRITE_MS ?? 5_000);

function cacheDir() {
  if (process.env.KEYFENCE_CACHE_DIR) return process.env.KEYFENCE_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || (process.platform === "win32" ? process.env.LOCALAPPDATA : undefined) || join(homedir(), ".cache");
  return join(base, "keyfence");
}

/** The compiled bundle and what to do once it ran, or undefined (then it loads the ordinary way). */
function compileWithCodeCache() {
  try {
    const source = readFileSync(bundle, "utf8");
    const digest = createHash("sha256").update(source).digest("hex").slice(0, 16);
    const dir = cacheDir();
    const cacheFile = join(dir, `server-${digest}-${cachedDataVersionTag()}.cache`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // first start with this bundle and this V8
    }
    const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
    // The server's "ready" log line says which (extension/server/src/server.ts).
    globalThis.__keyfenceCodeCache = !cachedData ? "none yet" : script.cachedDataRejected ? "rejected" : "used";
    const saveCache = () => {
      if (cachedData && !script.cachedDataRejected) return;
      setTimeout(() => {
        try {
          mkdirSync(dir, { recursive: true });
          const temporary = `${cacheFile}.${process.pid}`;
          writeFileSync(temporary, script.createCachedData());
          renameSync(temporary, cacheFile);
        } catch {
          // A read-only or missing cache folder only costs the next start its compile time.
        }
      }, WRITE_AFTER_MS).unref();
    };
    return { script, saveCache };
  } catch {
    return undefined;
  }
}

const compiled = compileWithCodeCache();
if (compiled) {
  // As node's own loader runs a CommonJS module (the bundle's errors are its own, not retried).
  const module = new Module(bundle, null);
  module.filename = bundle;
  // Node's own (undocumented but stable) helper, as v8-compile-cache uses it: the bundle requires only builtins anyway.
  module.paths = Module._nodeModulePaths(__dirname);
  require.cache[bundle] = module;
  compiled.script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, __dirname);
  module.loaded = true;
  compiled.saveCache();
} else {
  require(bundle);
}

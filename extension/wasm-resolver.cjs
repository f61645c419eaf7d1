// oxc-resolver's own wasm build (@oxc-resolver/binding-wasm32-wasi), for the language server bundle.
//
// Its package.json says `cpu: ["wasm32"]`, so npm never installs it on a real machine (it is an
// optional dependency of oxc-resolver, and a direct one fails with EBADPLATFORM). The build takes
// the exact version package-lock.json records for it, with `npm pack` (the ordinary npm client,
// which checks the registry's integrity), checks the tarball against the lockfile's integrity,
// and unpacks it under node_modules/.cache. Its runtime (@napi-rs/wasm-runtime, @emnapi/*) has no
// such restriction: those are plain devDependencies.
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readFileSync, rmSync } = require("node:fs");
const { join } = require("node:path");

const NAME = "@oxc-resolver/binding-wasm32-wasi";

/** The unpacked package folder (with resolver.wasi.cjs and resolver.wasm32-wasi.wasm). */
function wasmResolverPackage(root) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const entry = lock.packages[`node_modules/${NAME}`];
  const installed = JSON.parse(readFileSync(join(root, "node_modules/oxc-resolver/package.json"), "utf8")).version;
  if (!entry || entry.version !== installed) {
    throw new Error(`package-lock.json has no ${NAME}@${installed} (oxc-resolver's version): run npm install`);
  }
  const cache = join(root, "node_modules/.cache/keyfence", `oxc-resolver-wasm-${entry.version}`);
  const dir = join(cache, "package");
  if (existsSync(join(dir, "resolver.wasm32-wasi.wasm"))) return dir;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const file = execFileSync("npm", ["pack", `${NAME}@${entry.version}`, "--silent", "--pack-destination", cache], {
    cwd: cache,
    encoding: "utf8",
    shell: process.platform === "win32",
  })
    .trim()
    .split("\n")
    .pop();
  const tarball = join(cache, file);
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  if (integrity !== entry.integrity) throw new Error(`${NAME}@${entry.version}: tarball integrity ${integrity} is not the lockfile's ${entry.integrity}`);
  execFileSync("tar", ["-xzf", file], { cwd: cache });
  return dir;
}

module.exports = { wasmResolverPackage };

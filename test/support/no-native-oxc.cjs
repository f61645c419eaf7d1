// Preloaded with `node -r` by the tests: makes oxc's native binaries unloadable, as after
// `npm install --omit=optional` or with a lockfile from another OS (no platform package).
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^@oxc-(?:parser|resolver)\/binding-/.test(request) || /(?:parser|resolver)\.[\w-]+\.(?:node|wasm)$/.test(request)) {
    const error = new Error(`Cannot find module '${request}'`);
    error.code = "MODULE_NOT_FOUND";
    throw error;
  }
  return resolve.call(this, request, ...rest);
};

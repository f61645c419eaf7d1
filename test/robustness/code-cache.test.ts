/**
 * The engine bundle's V8 code cache (eslint-plugin/src/util/bundle-loader.ts), across real
 * processes as ESLint runs it: a second run starts from the cache the first saved, and no cache
 * (damaged, made for another build of the bundle, unwritable) can stop a run or run stale code.
 * Runs the built loader (dist/), as the published plugin does: `npm test` builds first.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const pluginDir = join(__dirname, "../../eslint-plugin");
const loader = join(pluginDir, "dist/util/bundle-loader.js");

interface Run {
  answer: number;
  stats: { used: number; missing: number; rejected: number; written: number };
  sameModule: boolean;
}

/** A new Node process that loads `bundle` as ESLint's run loads the engine, and what it saw. */
function run(bundle: string): Run {
  const script = `
    const { loadBundle, codeCacheStats } = require(${JSON.stringify(loader)});
    const exports = loadBundle(${JSON.stringify(bundle)});
    const sameModule = require(${JSON.stringify(bundle)}) === exports && loadBundle(${JSON.stringify(bundle)}) === exports;
    console.log(JSON.stringify({ answer: exports.answer(), stats: codeCacheStats, sameModule }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()) as Run;
}

/** A bundle that uses what Node hands a CommonJS module: require, module, __filename, __dirname. */
function bundleText(answer: number): string {
  return `"use strict";\nconst path = require("node:path");\nconst here = path.basename(__dirname) + "/" + path.basename(__filename);\nmodule.exports.answer = () => (here === "dist/bundle.js" ? ${answer} : -1);\n`;
}

describe("the engine bundle's code cache", function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;
  let cacheFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "keyfence-code-cache-"));
    mkdirSync(join(dir, "dist"));
    bundle = join(dir, "dist/bundle.js");
    cacheFile = join(dir, ".cache/bundle.js.v8-cache");
    writeFileSync(bundle, bundleText(42));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("saves the cache beside dist/ when the first process exits, and the next process starts from it", () => {
    const first = run(bundle);
    assert.deepEqual(first, { answer: 42, stats: { used: 0, missing: 1, rejected: 0, written: 0 }, sameModule: true });
    assert.ok(existsSync(cacheFile), "saved at exit");
    const second = run(bundle);
    assert.deepEqual(second, { answer: 42, stats: { used: 1, missing: 0, rejected: 0, written: 0 }, sameModule: true });
  });

  it("does not use a damaged cache: the bundle loads without it, and the cache is saved again", () => {
    run(bundle);
    const data = readFileSync(cacheFile);
    data[data.length - 8] ^= 0xff;
    writeFileSync(cacheFile, data);
    assert.deepEqual(run(bundle).stats, { used: 0, missing: 1, rejected: 0, written: 0 });
    writeFileSync(cacheFile, data.subarray(0, 20));
    assert.deepEqual(run(bundle), { answer: 42, stats: { used: 0, missing: 1, rejected: 0, written: 0 }, sameModule: true });
    assert.equal(run(bundle).stats.used, 1, "the cache saved after the torn one is used");
  });

  it("never runs the cache of another build of the bundle, even one of the same length", () => {
    run(bundle);
    writeFileSync(bundle, bundleText(43));
    assert.deepEqual(run(bundle), { answer: 43, stats: { used: 0, missing: 1, rejected: 0, written: 0 }, sameModule: true });
  });

  it("loads the bundle when the cache cannot be written (a read-only install)", () => {
    // A file where the cache folder would be: mkdir fails, as it does in a read-only package folder.
    writeFileSync(join(dir, ".cache"), "");
    assert.deepEqual(run(bundle), { answer: 42, stats: { used: 0, missing: 1, rejected: 0, written: 0 }, sameModule: true });
    assert.deepEqual(run(bundle).stats, { used: 0, missing: 1, rejected: 0, written: 0 });
  });

  it("a bundle that throws while loading throws as require would, and is not left half-loaded", () => {
    writeFileSync(bundle, `throw new Error("broken build");\n`);
    const script = `
      const { loadBundle } = require(${JSON.stringify(loader)});
      const tries = [0, 1].map(() => { try { loadBundle(${JSON.stringify(bundle)}); return "loaded"; } catch (error) { return error.message; } });
      console.log(JSON.stringify({ tries, cached: ${JSON.stringify(bundle)} in require.cache }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()) as { tries: string[]; cached: boolean };
    assert.deepEqual(out, { tries: ["broken build", "broken build"], cached: false });
  });
});

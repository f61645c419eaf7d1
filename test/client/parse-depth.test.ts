/**
 * The depth pre-check that keeps files too deep for oxc's native stack away from it: every shape
 * that crashed oxc (measured in a child process) is caught below its crash depth, real code is
 * not (the JS parser is ten times slower), and the scan stays linear.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { blankNonCode } from "../../eslint-plugin/src/engine/client/scan";
import { tooDeepForNativeParser } from "../../eslint-plugin/src/engine/client/parse-depth";

const ROOT = resolve(__dirname, "../..");

/** Each shape, and the depth at which oxc-parser alone died with SIGSEGV on an 8 MB stack. */
const CRASHING_SHAPES: Array<[string, number, (n: number) => string]> = [
  ["parentheses", 5954, (n) => `x = ${"(".repeat(n)}1${")".repeat(n)}`],
  ["arrays", 8490, (n) => `x = ${"[".repeat(n)}${"]".repeat(n)}`],
  ["objects", 6185, (n) => `x = ${"{a:".repeat(n)}1${"}".repeat(n)}`],
  ["blocks", 6646, (n) => `${"{".repeat(n)}${"}".repeat(n)}`],
  ["if chains", 6646, (n) => `${"if(a)\n".repeat(n)};`],
  ["template literals", 4226, (n) => `x = ${"`${".repeat(n)}1${"}`".repeat(n)}`],
  ["type arguments", 4456, (n) => `let x: ${"A<".repeat(n)}B${">".repeat(n)};`],
  ["JSX elements", 15404, (n) => `x = ${"<a>".repeat(n)}${"</a>".repeat(n)}`],
  ["assignments", 8490, (n) => `${"a=".repeat(n)}1`],
  ["conditionals", 8490, (n) => `x = ${"a?b:".repeat(n)}c`],
  ["arrow functions", 8490, (n) => `x = ${"()=>".repeat(n)}1`],
  ["negations", 29117, (n) => `x = ${"!".repeat(n)}1`],
  ["new", 17593, (n) => `x = ${"new ".repeat(n)}A`],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(?:[cm]?[jt]sx?|vue|svelte)$/.test(entry.name) ? [full] : [];
  });
}

describe("client graph: depth pre-check before the native parser", () => {
  for (const [name, crashDepth, make] of CRASHING_SHAPES) {
    it(`catches ${name} well below the depth that crashed oxc (${crashDepth})`, () => {
      assert.equal(tooDeepForNativeParser(blankNonCode(make(Math.floor(crashDepth * 0.7)))), true);
      assert.equal(tooDeepForNativeParser(blankNonCode(make(100))), false);
    });
  }

  it("lets real code through: this repository, its fixtures, and large published bundles", () => {
    const files = [
      ...sourceFiles(join(ROOT, "eslint-plugin/src")),
      ...sourceFiles(join(ROOT, "extension/src")),
      ...sourceFiles(join(ROOT, "test")),
      join(ROOT, "node_modules/typescript/lib/typescript.js"),
      join(ROOT, "node_modules/mocha/mocha.js"),
      join(ROOT, "node_modules/esbuild/lib/main.js"),
    ];
    const flagged = files.filter((file) => tooDeepForNativeParser(blankNonCode(readFileSync(file, "utf8"))));
    assert.ok(files.length > 200);
    assert.deepEqual(flagged, []);
  });

  it("scans 1 MB of nesting in linear time", () => {
    const text = `x = ${"(".repeat(500_000)}${")".repeat(500_000)}`;
    const code = blankNonCode(text);
    const started = performance.now();
    tooDeepForNativeParser(code, Number.MAX_SAFE_INTEGER);
    assert.ok(performance.now() - started < 2000);
  });
});

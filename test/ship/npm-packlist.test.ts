/** KeyFence's answer to "would npm publish this file?" compared with the real `npm pack --dry-run --json`. */
import { strict as assert } from "node:assert";
import { publishVerdict, readPackageJson } from "../../eslint-plugin/src/engine/npm-package";
import { clearGitignoreCache } from "../../eslint-plugin/src/engine/gitignore";
import { makeRepo, removeRepos } from "../env/support";
import { npmPackFiles } from "./npm-pack";

const FILES = [
  "index.js", ".env", ".env.local", ".env.production", ".env.example", "dist/a.js", "dist/.env",
  "src/.env.local", "src/deep/.env.test.local", "config/.env", "node_modules/x/.env", ".npmrc",
];

interface Case {
  pkg: Record<string, unknown>;
  extra?: Record<string, string>;
}

const CASES: Case[] = [
  { pkg: {} },
  { pkg: {}, extra: { ".gitignore": ".env\n.env.local\n" } },
  { pkg: {}, extra: { ".gitignore": ".env*\n", ".npmignore": "src/\n" } },
  { pkg: {}, extra: { ".npmignore": "**/.env*\n!.env.example\n", "dist/.npmignore": "!.env\n" } },
  { pkg: { files: ["dist"] } },
  { pkg: { files: ["dist", "!dist/.env"] }, extra: { ".npmignore": "dist/.env\n" } },
  { pkg: { files: ["dist", "src", ".env*", "!.env.production"] }, extra: { "src/.npmignore": ".env.local\n" } },
  { pkg: { files: ["*", "!**/.env"] } },
  { pkg: { files: ["dist/", "config/*"] }, extra: { "config/.gitignore": ".env\n" } },
];

/** npm enters an excluded folder a `!` line points into; KeyFence (like git) does not: a miss, never a false report. */
const KNOWN_MISS = { pkg: {}, extra: { ".gitignore": "src\n!src/.env.local\n" }, path: "src/.env.local" };

describe("npm publish: KeyFence agrees with `npm pack --dry-run --json`", function () {
  this.timeout(120_000);
  after(removeRepos);
  for (const [index, { pkg, extra }] of CASES.entries()) {
    it(`case ${index}: ${JSON.stringify(pkg)} ${JSON.stringify(extra ?? {})}`, () => {
      const files: Record<string, string> = { "package.json": JSON.stringify({ name: "p", version: "1.0.0", ...pkg }), ...extra };
      for (const path of FILES) files[path] ??= "X=1\n";
      const dir = makeRepo(files, { git: false });
      clearGitignoreCache();
      const packed = new Set(npmPackFiles(dir));
      assert.ok(packed.has("package.json"));
      for (const path of FILES) {
        const keyfence = publishVerdict(dir, readPackageJson(dir)!, path).published;
        assert.equal(keyfence, packed.has(path), `${path}: KeyFence says ${keyfence ? "published" : "not published"}, npm disagrees`);
      }
    });
  }

  it("the one known difference under-reports (npm ships it, KeyFence says it does not)", () => {
    const files: Record<string, string> = { "package.json": JSON.stringify({ name: "p", version: "1.0.0" }), ...KNOWN_MISS.extra, [KNOWN_MISS.path]: "X=1\n" };
    const dir = makeRepo(files, { git: false });
    assert.ok(npmPackFiles(dir).includes(KNOWN_MISS.path));
    assert.equal(publishVerdict(dir, readPackageJson(dir)!, KNOWN_MISS.path).published, false);
  });
});

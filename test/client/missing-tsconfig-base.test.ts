/**
 * Under a tsconfig whose `extends` is not installed (a shared base in node_modules before `npm
 * install`, or a referenced project's), oxc-resolver fails every import the same way, and the
 * resolver asks again without what it cannot load (engine/client/resolve.ts). It learns that once
 * per tsconfig: later imports under it go straight to the attempt that works, with the same answers.
 */
import * as assert from "node:assert/strict";
import { fileStats } from "../../eslint-plugin/src/engine/client/stats";
import { clearResolvers, createResolver } from "../../eslint-plugin/src/engine/client/resolve";
import { inTempTree, type WriteFile } from "../support/temp-tree";

const MODULES = ["chat", "search", "tools", "agent", "store", "format"];

/** An app of MODULES under `app`, each imported by `app/page.tsx` and `app/lib/index.ts`. */
function writeApp(write: WriteFile, app: string, tsconfig: object): void {
  write(`${app}/tsconfig.json`, JSON.stringify(tsconfig));
  write(`${app}/package.json`, JSON.stringify({ name: app, private: true }));
  for (const name of MODULES) write(`${app}/lib/${name}.ts`, `export const ${name} = 1;\n`);
  write(`${app}/lib/index.ts`, MODULES.map((name) => `export * from "./${name}";`).join("\n"));
  write(`${app}/app/page.tsx`, MODULES.map((name) => `import { ${name} } from "@/lib/${name}";`).join("\n"));
}

/** Each import of page.tsx (`@/lib/…`) and lib/index.ts (`./…`), with the attempts it took. */
function resolveAll(root: string, app: string): { answers: Array<string | undefined>; attempts: number } {
  clearResolvers();
  const resolver = createResolver(`${root}/${app}`, "next");
  const before = fileStats.resolutions;
  const answers = MODULES.flatMap((name) => [
    resolver.resolve(`${root}/${app}/app/page.tsx`, `@/lib/${name}`),
    resolver.resolve(`${root}/${app}/lib/index.ts`, `./${name}`),
  ]);
  return { answers, attempts: fileStats.resolutions - before };
}

describe("imports under a tsconfig whose base is not installed", () => {
  afterEach(clearResolvers);

  it("resolves them all, and asks oxc-resolver once per import after the first failure", () => {
    inTempTree("kf-missing-base-", (root, write) => {
      writeApp(write, "web", { extends: "@acme/not-installed/base.json", compilerOptions: { paths: { "@/*": ["./*"] } } });
      const { answers, attempts } = resolveAll(root, "web");
      const expected = MODULES.flatMap((name) => [`${root}/web/lib/${name}.ts`, `${root}/web/lib/${name}.ts`]);
      assert.deepEqual(answers, expected);
      // The first import takes all three attempts (with references, its own tsconfig, its own
      // paths); the other eleven take the last one only. Without remembering: 36.
      assert.equal(attempts, 3 + (answers.length - 1));
    });
  });

  it("asks twice per first import when only a referenced project's base is missing, then once", () => {
    inTempTree("kf-missing-ref-base-", (root, write) => {
      writeApp(write, "docs", { extends: "@acme/not-installed/base.json" });
      writeApp(write, "lab", { compilerOptions: { paths: { "@/*": ["./*"] } }, references: [{ path: "../docs" }] });
      const { answers, attempts } = resolveAll(root, "lab");
      assert.deepEqual(answers, MODULES.flatMap((name) => [`${root}/lab/lib/${name}.ts`, `${root}/lab/lib/${name}.ts`]));
      assert.equal(attempts, 2 + (answers.length - 1));
    });
  });

  it("asks once per import where every tsconfig loads", () => {
    inTempTree("kf-installed-base-", (root, write) => {
      write("web/base.json", JSON.stringify({ compilerOptions: { strict: true } }));
      writeApp(write, "web", { extends: "./base.json", compilerOptions: { paths: { "@/*": ["./*"] } } });
      const { answers, attempts } = resolveAll(root, "web");
      assert.deepEqual(answers, MODULES.flatMap((name) => [`${root}/web/lib/${name}.ts`, `${root}/web/lib/${name}.ts`]));
      assert.equal(attempts, answers.length);
    });
  });
});

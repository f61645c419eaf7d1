import * as assert from "node:assert/strict";
import { blankNonCode, scanModule } from "../../eslint-plugin/src/engine/client/scan";

function edges(text: string) {
  return scanModule(text).imports.map(({ specifier, kind, valueNames, typeOnly, statementTypeOnly }) => ({ specifier, kind, valueNames, typeOnly, statementTypeOnly }));
}

describe("import scanner", () => {
  it("reads every import form", () => {
    const text = [
      `import React, { useState as state, type FC } from "react";`,
      `import * as api from './api';`,
      `import type { Settings } from "@/lib/settings";`,
      `import { type Theme } from "@/lib/theme";`,
      `import "./styles.css";`,
      `import type from "./type-named-default";`,
      `export * from "./widget";`,
      `export * as tools from "./tools";`,
      `export { Badge, type BadgeProps } from "./badge";`,
      `export type { Only } from "./types";`,
      `const lazy = () => import("./lazy");`,
      "const tpl = import(`./tpl`);",
      `const legacy = require("../legacy");`,
      `const dynamic = import(name);`,
    ].join("\n");
    assert.deepEqual(edges(text), [
      { specifier: "react", kind: "import", valueNames: ["React", "state"], typeOnly: false, statementTypeOnly: false },
      { specifier: "./api", kind: "import", valueNames: ["api"], typeOnly: false, statementTypeOnly: false },
      { specifier: "@/lib/settings", kind: "import", valueNames: [], typeOnly: true, statementTypeOnly: true },
      { specifier: "@/lib/theme", kind: "import", valueNames: [], typeOnly: true, statementTypeOnly: false },
      { specifier: "./styles.css", kind: "side-effect", valueNames: [], typeOnly: false, statementTypeOnly: false },
      { specifier: "./type-named-default", kind: "import", valueNames: ["type"], typeOnly: false, statementTypeOnly: false },
      { specifier: "./widget", kind: "re-export", valueNames: [], typeOnly: false, statementTypeOnly: false },
      { specifier: "./tools", kind: "re-export", valueNames: [], typeOnly: false, statementTypeOnly: false },
      { specifier: "./badge", kind: "re-export", valueNames: [], typeOnly: false, statementTypeOnly: false },
      { specifier: "./types", kind: "re-export", valueNames: [], typeOnly: true, statementTypeOnly: true },
      { specifier: "./lazy", kind: "dynamic", valueNames: [], typeOnly: false, statementTypeOnly: false },
      { specifier: "./tpl", kind: "dynamic", valueNames: [], typeOnly: false, statementTypeOnly: false },
      { specifier: "../legacy", kind: "require", valueNames: [], typeOnly: false, statementTypeOnly: false },
    ]);
  });

  it("ignores imports inside comments, strings, templates and regexes", () => {
    const text = [
      `// import a from "./comment";`,
      `/* import b from "./block" */`,
      `const s = 'import c from "./string"';`,
      "const t = `import d from \"./template\" ${x}`;",
      `const r = /import e from "\\.\\/regex"/;`,
      `const jsx = <p>Don't import f from "./jsx-text"</p>;`,
      `import real from "./real";`,
    ].join("\n");
    assert.deepEqual(edges(text).map((e) => e.specifier), ["./real"]);
  });

  it("collects export names", () => {
    const { exportNames } = scanModule(
      `export async function getServerSideProps() {}\nexport const loader = 1;\nexport { a as action, b };\nexport default function Page() {}\nexport class Widget {}`,
    );
    assert.deepEqual([...exportNames].sort(), ["action", "b", "default", "getServerSideProps", "loader", "Widget"].sort());
  });

  it("keeps offsets and line breaks when blanking", () => {
    const text = `a /* x\ny */ "s\\"t" \`u\${v}w\``;
    const blanked = blankNonCode(text);
    assert.equal(blanked.length, text.length);
    assert.equal(blanked.split("\n").length, text.split("\n").length);
    assert.ok(blanked.includes("v"));
    assert.ok(!blanked.includes("u") && !blanked.includes("w"));
  });

  it("is linear on hostile input", () => {
    const text = "import { ".repeat(20_000) + "'".repeat(20_000) + "`${".repeat(5_000) + "/".repeat(20_000);
    const start = performance.now();
    scanModule(text);
    assert.ok(performance.now() - start < 2000);
  });

  it("reads the names a dynamic import is destructured into, and stays linear on 1 MB of near misses", () => {
    assert.deepEqual(edges(`const { summarise, classify: run } = await import("./actions");`)[0].valueNames, ["summarise", "classify"]);
    assert.deepEqual(edges(`const actions = await import("./actions");`)[0].valueNames, []);
    const miss = `const { ${"a, ".repeat(150)} = await import("./x");\n`;
    const text = miss.repeat(Math.ceil((1 << 20) / miss.length));
    const start = performance.now();
    const found = scanModule(text).imports;
    assert.ok(performance.now() - start < 3000);
    assert.equal(found.length, Math.ceil((1 << 20) / miss.length));
    assert.ok(found.every((edge) => edge.valueNames.length === 0));
  });
});

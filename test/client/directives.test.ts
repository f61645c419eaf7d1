import * as assert from "node:assert/strict";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { directivesInText, directivesOf } from "../../eslint-plugin/src/engine/client/directives";

describe("directive prologue (as Next.js reads it)", () => {
  const cases: Array<[string, string, string[]]> = [
    ["plain", `"use client";\nimport x from "y";`, ["use client"]],
    ["single quotes, no semicolon", `'use client'\nimport x from "y";`, ["use client"]],
    ["after comments", `// header\n/* licence\n text */\n"use client";`, ["use client"]],
    ["after use strict", `"use strict";\n"use client";`, ["use strict", "use client"]],
    ["hashbang", `#!/usr/bin/env node\n"use client";`, ["use client"]],
    ["after an import", `import x from "y";\n"use client";`, []],
    ["after a type import", `import type { X } from "y";\n"use client";`, []],
    ["backticks", "`use client`;", []],
    ["parenthesised", `("use client");`, []],
    ["part of an expression", `"use client".length;`, []],
    ["continued on the next line", `"use client"\n+ x;`, []],
    ["use server", `"use server";\nexport async function a() {}`, ["use server"]],
    ["empty file", ``, []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      assert.deepEqual(directivesInText(text), expected);
      const parsed = parseSource("/x/file.ts", text);
      if (parsed) assert.deepEqual(directivesOf(parsed.ast), expected, "AST and text scan agree");
    });
  }
});

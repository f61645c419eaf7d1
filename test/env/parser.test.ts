/**
 * The KeyFence parser as ESLint runs it: env and .gitignore files become an empty Program whose
 * comments are the `#` lines; code files, even named like env files, go to the TypeScript parser;
 * and no code rule reports on env files.
 */
import assert from "node:assert/strict";
import { Linter } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import * as parser from "../../eslint-plugin/src/parser";
import { parseForESLint, textProgram } from "../../eslint-plugin/src/parser";
import { fileKind } from "../../eslint-plugin/src/util/file-kind";
import { fakeKey } from "../support/fake-keys";

const recommended = plugin.configs.recommended;

/** A throwaway rule that records what ESLint shows rules: Program, its comments, the text. */
function recorder(seen: string[]) {
  return {
    meta: { type: "problem" as const, schema: [] },
    create: (context: { sourceCode: { text: string; getAllComments(): Array<{ type: string; value: string; loc: { start: { line: number; column: number } } }> } }) => ({
      Program: (node: { type: string; body: unknown[]; loc: { end: { line: number; column: number } } }) => {
        seen.push(`${node.type} body=${node.body.length} end=${node.loc.end.line}:${node.loc.end.column}`);
        for (const c of context.sourceCode.getAllComments()) seen.push(`${c.type}@${c.loc.start.line}:${c.loc.start.column}${c.value}`);
      },
    }),
  };
}

function visit(filename: string, text: string): string[] {
  const seen: string[] = [];
  const linter = new Linter({ configType: "flat", cwd: "/p" });
  const test = { rules: { record: recorder(seen) } };
  const messages = linter.verify(
    text,
    [{ files: recommended.files, languageOptions: { ...recommended.languageOptions, parser }, plugins: { test: test as never }, rules: { "test/record": "error" }, linterOptions: { reportUnusedDisableDirectives: "off" } }],
    filename,
  );
  assert.deepEqual(messages, []);
  return seen;
}

describe("env/.gitignore: the KeyFence parser", () => {
  it("tells file kinds apart by name", () => {
    const kinds = [".env", ".env.local", ".env.example", ".env.production.local", ".gitignore", ".env.ts", ".env.d.ts", ".env.mjs", "a.tsx", ".env.json", ".envrc"];
    assert.deepEqual(
      kinds.map((name) => `${name}:${fileKind(`/p/${name}`)}`),
      [".env:env", ".env.local:env", ".env.example:env", ".env.production.local:env", ".gitignore:gitignore", ".env.ts:source", ".env.d.ts:source", ".env.mjs:source", "a.tsx:source", ".env.json:other", ".envrc:source"],
    );
  });

  it("env file: an empty Program, a comment per `#` line (indented too), CRLF or not", () => {
    assert.deepEqual(visit("/p/.env", "# c\r\nexport A=1 # not a comment line\r\n\r\n  # indented\r\nB='x\r\n# inside a quoted value is still a # line\r\n'"), [
      "Program body=0 end=7:1",
      "Line@1:0 c",
      "Line@4:2 indented",
      "Line@6:0 inside a quoted value is still a # line",
    ]);
  });

  it("ranges and locs point at the `#` and end before the line break; no final newline is fine", () => {
    const text = "A=1\r\n  # two\n#three";
    const { ast } = parseForESLint(text, { filePath: "/p/.gitignore" }) as { ast: ReturnType<typeof textProgram> };
    assert.deepEqual(ast.range, [0, text.length]);
    assert.deepEqual(ast.loc, { start: { line: 1, column: 0 }, end: { line: 3, column: 6 } });
    assert.deepEqual(ast.tokens, []);
    assert.deepEqual(
      ast.comments.map((c) => [c.type, c.value, text.slice(...c.range), c.loc]),
      [
        ["Line", " two", "# two", { start: { line: 2, column: 2 }, end: { line: 2, column: 7 } }],
        ["Line", "three", "#three", { start: { line: 3, column: 0 }, end: { line: 3, column: 6 } }],
      ],
    );
  });

  it("`# eslint-disable` / `# eslint-enable` are region directives; `# eslint cache` is just a comment", () => {
    assert.deepEqual(visit("/p/.gitignore", "# eslint-disable test/record\n# eslint cache\n.eslintcache\n# eslint-enable\n"), [
      "Program body=0 end=5:0",
      "Block@1:0 eslint-disable test/record",
      "Line@2:0 eslint cache",
      "Block@4:0 eslint-enable",
    ]);
  });

  it("accepts empty files, and reads binary or huge ones as empty", () => {
    assert.deepEqual(visit("/p/.env", ""), ["Program body=0 end=1:0"]);
    assert.deepEqual(visit("/p/.gitignore", "# a\u0000b\n"), ["Program body=0 end=2:0"]);
    const huge = `# c\n${"A=1\n".repeat(300_000)}`;
    assert.deepEqual(visit("/p/.env", huge), ["Program body=0 end=300002:0"]);
  });

  it("hands code to the TypeScript parser, whatever the name", () => {
    const seen = visit("/p/.env.ts", "// hi\nconst a: number = 1;\n");
    assert.deepEqual(seen, ["Program body=1 end=3:0", "Line@1:0 hi"]);
    const { ast } = parseForESLint("const a = <div />;", { filePath: "/p/a.tsx", ecmaFeatures: { jsx: true } }) as { ast: { body: Array<{ type: string }> } };
    assert.equal(ast.body[0].type, "VariableDeclaration");
    // Plain JavaScript is espree's, as it is without KeyFence: no TypeScript node types, no type-only scope.
    const js = parseForESLint("const b = <div />;", { filePath: "/p/b.jsx", ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx: true }, range: true, loc: true, tokens: true, comment: true }) as { ast: { body: Array<{ type: string }> }; scopeManager?: unknown };
    assert.equal(js.ast.body[0].type, "VariableDeclaration");
    assert.equal(js.scopeManager, undefined, "ESLint analyses scopes itself, as it does for espree");
  });

  it("has the meta ESLint's --cache needs to serialize it", () => {
    assert.equal(parser.meta?.name, "eslint-plugin-keyfence/parser");
    assert.equal(parser.meta?.version, plugin.meta.version);
  });

  it("no code rule reports on env or .gitignore files, whatever they hold", () => {
    const key = fakeKey("openai");
    const codeRules = Object.fromEntries(
      Object.keys(plugin.rules)
        .filter((name) => name !== "env-gitignore" && name !== "no-committed-env-keys")
        .map((name) => [`keyfence/${name}`, "error" as const]),
    );
    const linter = new Linter({ configType: "flat", cwd: "/p" });
    const config = [{ ...recommended, rules: codeRules }];
    const text = `# OPENAI_API_KEY=${key}\nOPENAI_API_KEY=${key}\nNEXT_PUBLIC_OPENAI_API_KEY=${key}\nconst openai = "${key}";\n`;
    for (const file of ["/p/.env", "/p/.env.local", "/p/.env.example", "/p/.gitignore", "/p/.env.json"]) {
      const fromCodeRules = linter.verify(text, config, file).filter((m) => m.ruleId && m.ruleId in codeRules);
      assert.deepEqual(fromCodeRules, [], file);
    }
    // The same code rules do report the key in a code file: the guard is by file kind only.
    assert.ok(linter.verify(`const openai = "${key}";\n`, config, "/p/.env.ts").length > 0);
  });
});

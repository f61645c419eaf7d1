/** The two file languages as ESLint runs them: nodes, locations, listeners, empty input. */
import assert from "node:assert/strict";
import { Linter } from "eslint";
import plugin from "../../eslint-plugin/src/index";

/** A throwaway rule that records every node it visits. */
function recorder(seen: string[]) {
  const record = (node: { type: string; loc: { start: { line: number; column: number } }; name?: string; pattern?: string }) =>
    seen.push(`${node.type}@${node.loc.start.line}:${node.loc.start.column} ${node.name ?? node.pattern ?? ""}`.trim());
  return {
    meta: { type: "problem" as const, schema: [] },
    create: () => ({ EnvFile: record, EnvEntry: record, GitignoreFile: record, GitignorePattern: record, "EnvFile:exit": () => seen.push("exit") }),
  };
}

function visit(language: "env" | "gitignore", filename: string, text: string): string[] {
  const seen: string[] = [];
  const linter = new Linter({ configType: "flat", cwd: "/p" });
  const test = { rules: { record: recorder(seen) } };
  const messages = linter.verify(
    text,
    [{ files: ["**/.env", "**/.gitignore"], plugins: { keyfence: plugin as never, test: test as never }, language: `keyfence/${language}`, rules: { "test/record": "error" } }],
    filename,
  );
  assert.deepEqual(messages, []);
  return seen;
}

describe("env/.gitignore: the ESLint languages", () => {
  it("keyfence/env: an EnvFile with one EnvEntry per NAME=value", () => {
    assert.deepEqual(visit("env", "/p/.env", "# c\nexport A=1\n\n  B='x\ny'\nC=3"), [
      "EnvFile@1:0",
      "EnvEntry@2:0 A",
      "EnvEntry@4:2 B",
      "EnvEntry@6:0 C",
      "exit",
    ]);
  });

  it("keyfence/gitignore: a GitignorePattern per pattern line, CRLF or not", () => {
    assert.deepEqual(visit("gitignore", "/p/.gitignore", "# c\r\nnode_modules\r\n\r\n!.env.example"), [
      "GitignoreFile@1:0",
      "GitignorePattern@2:0 node_modules",
      "GitignorePattern@4:0 !.env.example",
    ]);
  });

  it("accepts empty files", () => {
    assert.deepEqual(visit("env", "/p/.env", ""), ["EnvFile@1:0", "exit"]);
    assert.deepEqual(visit("gitignore", "/p/.gitignore", ""), ["GitignoreFile@1:0"]);
  });

  it("rejects languageOptions it does not have", () => {
    const linter = new Linter({ configType: "flat", cwd: "/p" });
    assert.throws(
      () => linter.verify("A=1", [{ files: ["**/.env", "**/.gitignore"], plugins: { keyfence: plugin as never }, language: "keyfence/env", languageOptions: { parser: {} } }], "/p/.env"),
      /take no languageOptions/,
    );
  });
});

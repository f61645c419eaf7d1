/**
 * The suggestion check that every rule test runs (support/rule-tester.ts): it must catch code
 * that does not parse and code that does not type-check, and must not blame a suggestion for
 * errors the snippet already had.
 */
import assert from "node:assert/strict";
import { Linter } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { checkingSuggestions } from "./support/rule-tester";
import { suggestionProblems } from "./support/suggestion-check";

describe("suggestion check", () => {
  it("accepts a suggestion that keeps the code valid", () => {
    assert.deepEqual(suggestionProblems("a.ts", `const k = "x";`, "const k = process.env.K;"), []);
  });

  it("catches code that does not parse", () => {
    const [problem] = suggestionProblems("a.ts", `const a = 1; export { a as "x" };`, "const a = 1; export { a as process.env.K };");
    assert.match(problem, /^does not parse/);
  });

  it("catches code that parses but does not type-check", () => {
    const [problem] = suggestionProblems("a.ts", "type K = `x`;", "type K = `${process.env.K}`;");
    assert.match(problem, /^does not type-check: TS2503/);
  });

  it("does not count errors the snippet already had", () => {
    assert.deepEqual(suggestionProblems("a.tsx", `const c = new Groq("x"); <Chat k="x" />;`, "const c = new Groq(process.env.K); <Chat k={process.env.K} />;"), []);
  });

  it("checks JavaScript for parsing only, and leaves non-code files alone", () => {
    assert.deepEqual(suggestionProblems("a.js", "const k = 1;", "const k = undefinedThing;"), []);
    assert.match(suggestionProblems("a.jsx", "x;", "export { a as b.c };")[0], /^does not parse/);
    assert.deepEqual(suggestionProblems(".env", "A=1", "A=)("), []);
  });

  it("fails a rule test whose suggestion breaks the code", () => {
    const breaking: TSESLint.RuleModule<"m", []> = {
      defaultOptions: [],
      meta: { type: "problem", hasSuggestions: true, messages: { m: "m" }, schema: [] },
      create: (context) => ({
        Literal(node) {
          context.report({ node, messageId: "m", suggest: [{ messageId: "m", fix: (fixer) => fixer.replaceText(node, "process.env.K") }] });
        },
      }),
    };
    const linter = new Linter({ configType: "flat" });
    const config = (rule: unknown) => [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { t: { rules: { r: rule } } }, rules: { "t/r": "error" } }] as Linter.Config[];
    // The same suggestion is fine in a value position and breaks an `as const`.
    assert.equal(linter.verify(`const k = "x";`, config(checkingSuggestions(breaking as never)), "a.ts").length, 1);
    assert.throws(() => linter.verify(`const k = "x" as const;`, config(checkingSuggestions(breaking as never)), "a.ts"), /breaks the code/);
  });
});

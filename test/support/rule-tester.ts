import { RuleTester } from "@typescript-eslint/rule-tester";
import type { RuleTesterConfig } from "@typescript-eslint/rule-tester";
import type { TSESLint } from "@typescript-eslint/utils";
import * as mocha from "mocha";
import { suggestionProblems } from "./suggestion-check";

// @typescript-eslint/rule-tester looks for vitest/jest-style globals; wire it to mocha.
RuleTester.afterAll = mocha.after;
RuleTester.describe = mocha.describe;
RuleTester.it = mocha.it;
RuleTester.itOnly = mocha.it.only;

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;
type Fix = { range: readonly [number, number]; text: string };

/**
 * A RuleTester whose rules have every suggestion they report applied and checked (parses,
 * type-checks: support/suggestion-check.ts); a suggestion that breaks code fails the case.
 */
class SuggestionCheckingRuleTester extends RuleTester {
  override run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options>,
    tests: Parameters<RuleTester["run"]>[2],
  ): void {
    super.run(name, checkingSuggestions(rule as unknown as AnyRule) as unknown as TSESLint.RuleModule<MessageIds, Options>, tests as never);
  }
}

/** A RuleTester that parses JS, JSX, TS and TSX like configs.recommended does. */
export function ruleTester(config?: RuleTesterConfig): RuleTester {
  return new SuggestionCheckingRuleTester(config ?? { languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
}

export function checkingSuggestions(rule: AnyRule): AnyRule {
  return {
    ...rule,
    create(context) {
      const report: typeof context.report = (descriptor) => {
        for (const suggestion of descriptor.suggest ?? []) {
          const text = context.sourceCode.text;
          const output = applyFixes(text, suggestion.fix(FIXER as TSESLint.RuleFixer));
          const problems = suggestionProblems(context.filename, text, output);
          if (problems.length > 0) {
            throw new Error(`Suggestion "${suggestion.messageId}" breaks the code:\n  ${problems.join("\n  ")}`);
          }
        }
        context.report(descriptor);
      };
      return rule.create(Object.create(context, { report: { value: report } }) as typeof context);
    },
  };
}

// The fixer methods the rules use, building the same { range, text } objects as ESLint's.
const FIXER = {
  replaceTextRange: (range: readonly [number, number], text: string): Fix => ({ range, text }),
  insertTextBeforeRange: (range: readonly [number, number], text: string): Fix => ({ range: [range[0], range[0]], text }),
  insertTextAfterRange: (range: readonly [number, number], text: string): Fix => ({ range: [range[1], range[1]], text }),
  removeRange: (range: readonly [number, number]): Fix => ({ range, text: "" }),
  replaceText: (node: { range: [number, number] }, text: string): Fix => ({ range: node.range, text }),
  insertTextBefore: (node: { range: [number, number] }, text: string): Fix => ({ range: [node.range[0], node.range[0]], text }),
  insertTextAfter: (node: { range: [number, number] }, text: string): Fix => ({ range: [node.range[1], node.range[1]], text }),
  remove: (node: { range: [number, number] }): Fix => ({ range: node.range, text: "" }),
};

function applyFixes(text: string, result: unknown): string {
  const fixes = (result === null || result === undefined ? [] : Symbol.iterator in (result as object) ? [...(result as Iterable<Fix>)] : [result as Fix])
    .sort((a, b) => b.range[0] - a.range[0]);
  let output = text;
  for (const fix of fixes) output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
  return output;
}

export { RuleTester };

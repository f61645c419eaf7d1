import { RuleTester } from "@typescript-eslint/rule-tester";
import * as mocha from "mocha";

// @typescript-eslint/rule-tester looks for vitest/jest-style globals; wire it to mocha.
RuleTester.afterAll = mocha.after;
RuleTester.describe = mocha.describe;
RuleTester.it = mocha.it;
RuleTester.itOnly = mocha.it.only;

/** A RuleTester that parses JS, JSX, TS and TSX like configs.recommended does. */
export function ruleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  });
}

export { RuleTester };

import type { ESLint, Linter } from "eslint";
import * as tsParser from "@typescript-eslint/parser";
import { rules } from "./rules";

// Read at run time so the published package always reports its own version.
const { name, version } = require("../package.json") as { name: string; version: string };

const recommendedRules: Linter.RulesRecord = {};
for (const [ruleName, rule] of Object.entries(rules)) {
  const docs = rule.meta.docs as { recommended?: "error" | "warn" } | undefined;
  if (docs?.recommended) recommendedRules[`keyfence/${ruleName}`] = docs.recommended;
}

const plugin = {
  meta: { name, version },
  rules: rules as unknown as ESLint.Plugin["rules"],
  configs: {} as Record<string, Linter.Config>,
};

/**
 * `export default [keyfence.configs.recommended]` is all a user writes: it brings the
 * TypeScript parser (which also parses plain JS and JSX) and lints every JS/TS file kind.
 */
plugin.configs.recommended = {
  name: "keyfence/recommended",
  files: ["**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}"],
  plugins: { keyfence: plugin as unknown as ESLint.Plugin },
  languageOptions: {
    parser: tsParser,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
  rules: recommendedRules,
};

export = plugin;

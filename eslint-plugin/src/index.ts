import type { ESLint, Linter } from "eslint";
import * as parser from "./parser";
import { rules } from "./rules";
import { LazyClientBoundaryStamp } from "./engine/client/cache-stamp";
import { LazyGitStateStamp } from "./engine/gitignore/state-stamp";

// Read at run time so the published package always reports its own version.
const { name, version } = require("../package.json") as { name: string; version: string };

const recommendedRules: Linter.RulesRecord = {};
for (const [ruleName, rule] of Object.entries(rules)) {
  const docs = rule.meta.docs as { recommended?: "error" | "warn" } | undefined;
  if (docs?.recommended) recommendedRules[`keyfence/${ruleName}`] = docs.recommended;
}

const plugin = {
  meta: { name, version },
  rules: rules as unknown as NonNullable<ESLint.Plugin["rules"]>,
  configs: {} as { recommended: Linter.Config },
};

/**
 * `export default [keyfence.configs.recommended]` is all a user writes. One object (ESLint
 * rejects nested arrays in eslint.config.js) lints:
 * - every JS/TS file kind, with the TypeScript parser (which also parses plain JS and JSX);
 * - `.env*` and `.gitignore` files, which the KeyFence parser turns into an empty Program for
 *   the env rules (`env-gitignore`, `no-committed-env-keys`); the code rules skip them.
 * The settings carry fingerprints of git's view of env files and of where the client boundary
 * runs, so that `eslint --cache` re-lints when another file changes what a file's result is;
 * they are computed only when ESLint serialises the config for its cache (see
 * engine/gitignore/state-stamp.ts and engine/client/cache-stamp.ts for why and what they cost).
 */
plugin.configs.recommended = {
  name: "keyfence/recommended",
  files: ["**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}", "**/.env", "**/.env.*", "**/.gitignore"],
  plugins: { keyfence: plugin as unknown as ESLint.Plugin },
  languageOptions: {
    parser,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
  settings: { keyfenceGitState: new LazyGitStateStamp(), keyfenceClientBoundary: new LazyClientBoundaryStamp() },
  rules: recommendedRules,
};

export = plugin;

/**
 * Which JS/TS file anchors the repository's env-gitignore report: the ESLint config. A module of
 * its own so that the rule can ask it of every file it lints without loading the gitignore engine.
 */
const ESLINT_CONFIG = /^eslint\.config\.(?:js|mjs|cjs|ts|mts|cts)$/;

/** `eslint.config.js` and its module/TypeScript variants. */
export function isEslintConfigName(name: string): boolean {
  return ESLINT_CONFIG.test(name);
}

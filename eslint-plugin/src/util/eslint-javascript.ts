/**
 * ESLint's own JavaScript language object (and through it espree), from the ESLint that is
 * running: the instance already loaded, so KeyFence never mixes two ESLint versions' internals.
 */
import type { ESLint } from "eslint";

export type JavaScriptLanguage = NonNullable<ESLint.Plugin["languages"]>[string] & {
  defaultLanguageOptions: { parser: { parse(code: string, options: unknown): unknown }; [option: string]: unknown };
};

const LANGUAGE_MODULE = /[\\/]eslint[\\/]lib[\\/]languages[\\/]js[\\/]index\.js$/;

let language: JavaScriptLanguage | undefined;

export function eslintJavaScriptLanguage(): JavaScriptLanguage {
  if (language) return language;
  // ESLint loads its JavaScript language with its default config, before any plugin.
  const loaded = Object.keys(require.cache).find((path) => LANGUAGE_MODULE.test(path));
  if (loaded) language = require(loaded) as JavaScriptLanguage;
  else {
    // Not loaded yet (a test calling the parser directly): the ESLint this package resolves.
    // ESLint's package exports hide lib/; a path from its package.json reaches the same file.
    const root = require.resolve("eslint/package.json").replace(/package\.json$/, "");
    language = require(`${root}lib/languages/js/index.js`) as JavaScriptLanguage;
  }
  return language;
}

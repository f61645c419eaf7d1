/**
 * The language of configs.recommended: ESLint's own JavaScript language, unchanged except for
 * its default parser, which reads TypeScript and JSX.
 *
 * Why not `languageOptions.parser`: a parser set in a config object replaces the parser of every
 * config object before it, so KeyFence placed after eslint-config-next would swap Next's Babel
 * parser for its own, and after typescript-eslint would swap theirs. A language's
 * `defaultLanguageOptions` is only a default: ESLint merges the matching config objects'
 * `languageOptions` over it (lib/config/config.js), so any parser a user's config sets, before or
 * after KeyFence, wins, and KeyFence's TypeScript parser is used only where nothing else set one
 * (`[keyfence.configs.recommended]` alone in a TypeScript project).
 *
 * The language object is ESLint's own (the instance the running ESLint loaded), so parsing,
 * scopes, source code and directives are exactly ESLint's. It sits in a small plugin of its own
 * whose `meta.namespace` is `js`, so a rule that declares `meta.languages: ["js/js"]` accepts it
 * as the JavaScript language it is.
 */
import type { ESLint } from "eslint";
import * as parser from "./parser";
import { eslintJavaScriptLanguage } from "./util/eslint-javascript";

const { version } = require("../package.json") as { version: string };

type Language = NonNullable<ESLint.Plugin["languages"]>[string];

let language: Language | undefined;

/** Built on first use, when ESLint resolves `language: "keyfence-js/js"`. */
function javaScriptWithTypeScriptDefault(): Language {
  if (language) return language;
  const js = eslintJavaScriptLanguage();
  language = { ...js, defaultLanguageOptions: { ...js.defaultLanguageOptions, parser } } as Language;
  return language;
}

export const languagePlugin: ESLint.Plugin = {
  meta: { name: "eslint-plugin-keyfence/language", version, namespace: "js" } as ESLint.Plugin["meta"],
  languages: {
    get js() {
      return javaScriptWithTypeScriptDefault();
    },
  },
};

// Types only at import: typescript-eslint's eslint-utils entry (8 modules) is loaded once a rule
// merges options (applyDefault, below), so a warm `--cache` run, which runs no rule, never loads it
// (issue 11). Its RuleCreator is written out here: all it adds to a rule is the docs URL.
import type * as EslintUtils from "@typescript-eslint/utils/eslint-utils";
import type { RuleModule, RuleWithMetaAndName } from "@typescript-eslint/utils/eslint-utils";

import { docsUrl } from "../engine/docs";
import { checkOptions, type OptionsSchema } from "./rule-options";

export { DOCS_BASE, docsUrl } from "../engine/docs";

export interface KeyFenceDocs {
  description: string;
  /** Part of configs.recommended (all rules are, unless they say otherwise). */
  recommended: "error" | "warn";
  /**
   * The rule's options schema (what `meta.schema` declares in the rule's source). The built rule
   * has `meta.schema: false` and checks its options itself (./rule-options explains why).
   */
  options?: OptionsSchema;
}

/**
 * A rule's option defaults go in `meta.defaultOptions` (one place): ESLint 9.15+ merges them into
 * `context.options`, and typescript-eslint's creator merges them into `create`'s second argument.
 * Options are declared with `meta.schema` as usual; the built rule moves the schema to
 * `meta.docs.options`, tells ESLint `schema: false`, and validates options in `create` (once per
 * distinct configuration) with ESLint's wording, so ESLint need not load ajv for KeyFence.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, KeyFenceDocs>>,
): RuleModule<MessageIds, Options, KeyFenceDocs> & { name: string } {
  const schema = (Array.isArray(rule.meta.schema) ? rule.meta.schema : rule.meta.schema ? [rule.meta.schema] : []) as unknown as OptionsSchema;
  // ESLint documents `schema: false` (no validation); typescript-eslint's types predate it.
  const noSchema = false as unknown as readonly [];
  // What typescript-eslint's RuleCreator(docsUrl) builds, less its `create` (replaced below).
  const built = { name: rule.name, defaultOptions: rule.defaultOptions, meta: { ...rule.meta, schema: noSchema, docs: { ...rule.meta.docs, options: schema, url: docsUrl(rule.name) } } };
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as unknown as Options;
  const optionsFor = optionsOnce(rule.name, schema, defaults);
  return {
    ...built,
    // typescript-eslint's creator would clone and merge the defaults again for every file (and
    // this wrapper would check them again): done once per configuration instead.
    create: (context) => rule.create(context, optionsFor(context.options as unknown as Options)),
  };
}

/**
 * Checked options merged with the defaults, worked out once per configuration. ESLint gives every
 * file a fresh options array holding the configuration's own option objects (`ruleConfig.slice(1)`),
 * so the first object identifies the configuration; anything else is worked out each time. Rules
 * read their options and never change them, so one merged copy serves every file.
 */
function optionsOnce<Options extends readonly unknown[]>(ruleName: string, schema: OptionsSchema, defaults: Options): (options: Options) => Options {
  const byFirst = new WeakMap<object, Options>();
  let unconfigured: Options | undefined;
  const work = (options: Options): Options => {
    checkOptions(ruleName, schema, options);
    const { applyDefault } = require("@typescript-eslint/utils/eslint-utils") as typeof EslintUtils;
    return applyDefault(defaults, options) as Options;
  };
  return (options) => {
    if (options.length === 0) return (unconfigured ??= work(options));
    const first = options[0];
    if (options.length > 1 || typeof first !== "object" || first === null) return work(options);
    let merged = byFirst.get(first);
    if (!merged) byFirst.set(first, (merged = work(options)));
    return merged;
  };
}

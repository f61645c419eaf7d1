/**
 * Every KeyFence rule, by name. configs.recommended is derived from each rule's
 * meta.docs.recommended, so adding a rule here is all it takes to ship it.
 * (One import line and one entry per rule: keep them sorted.)
 */
import type { TSESLint } from "@typescript-eslint/utils";

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
};

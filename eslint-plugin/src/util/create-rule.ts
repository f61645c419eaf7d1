import { ESLintUtils } from "@typescript-eslint/utils";

export const DOCS_BASE = "https://github.com/keyfence/keyfence/blob/main/eslint-plugin/docs/rules/";

/** Every rule's docs URL is derived from its name: docs/rules/<name>.md. */
export function docsUrl(ruleName: string): string {
  return `${DOCS_BASE}${ruleName}.md`;
}

export interface KeyFenceDocs {
  description: string;
  /** Part of configs.recommended (all rules are, unless they say otherwise). */
  recommended: "error" | "warn";
}

export const createRule = ESLintUtils.RuleCreator<KeyFenceDocs>(docsUrl);

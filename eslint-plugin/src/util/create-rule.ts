import { ESLintUtils } from "@typescript-eslint/utils";

import { docsUrl } from "../engine/docs";

export { DOCS_BASE, docsUrl } from "../engine/docs";

export interface KeyFenceDocs {
  description: string;
  /** Part of configs.recommended (all rules are, unless they say otherwise). */
  recommended: "error" | "warn";
}

/**
 * A rule's option defaults go in `meta.defaultOptions` (one place): ESLint 9.15+ merges them into
 * `context.options`, and typescript-eslint's creator merges them into `create`'s second argument.
 */
export const createRule = ESLintUtils.RuleCreator<KeyFenceDocs>(docsUrl);

// The eslint-utils entry alone: the package root also loads ESLint's API classes (RuleTester,
// Linter…), about a third of a second at every lint run's start.
import { RuleCreator } from "@typescript-eslint/utils/eslint-utils";

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
export const createRule = RuleCreator<KeyFenceDocs>(docsUrl);

import { ESLintUtils } from "@typescript-eslint/utils";

import { docsUrl } from "../engine/docs";

export { DOCS_BASE, docsUrl } from "../engine/docs";

export interface KeyFenceDocs {
  description: string;
  /** Part of configs.recommended (all rules are, unless they say otherwise). */
  recommended: "error" | "warn";
}

export const createRule = ESLintUtils.RuleCreator<KeyFenceDocs>(docsUrl);

/** Where each rule's docs live: docs/rules/<name>.md. ESLint's meta.docs.url and the extension's diagnostic links both use it. */
export const DOCS_BASE = "https://github.com/keyfence/keyfence/blob/main/eslint-plugin/docs/rules/";

export function docsUrl(ruleName: string): string {
  return `${DOCS_BASE}${ruleName}.md`;
}

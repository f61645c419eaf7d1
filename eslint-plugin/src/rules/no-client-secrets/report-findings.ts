/**
 * Turns engine Findings into ESLint reports: loc from the finding's range, and each fix plan
 * that only edits the linted file as a suggestion. Shared by the three client-exposure rules.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { SourceFile } from "../../engine/ast";
import type { Finding } from "../../engine/finding";

export function sourceFileOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): SourceFile {
  const sourceCode = context.sourceCode;
  return { file: context.filename, text: sourceCode.text, ast: sourceCode.ast };
}

export function reportFindings<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  findings: Finding[],
  suggestionMessageId?: MessageIds,
): void {
  const sourceCode = context.sourceCode;
  for (const finding of findings) {
    const loc = {
      start: sourceCode.getLocFromIndex(finding.range.start),
      end: sourceCode.getLocFromIndex(finding.range.end),
    };
    const inFile = (finding.fixes ?? []).filter((plan) => plan.edits.every((edit) => edit.kind === "replace" && edit.file === finding.file));
    context.report({
      loc,
      messageId: finding.messageId as MessageIds,
      data: finding.data,
      suggest:
        suggestionMessageId && inFile.length > 0
          ? inFile.map((plan) => ({
              messageId: suggestionMessageId,
              data: finding.data,
              fix: (fixer: TSESLint.RuleFixer) =>
                plan.edits.map((edit) => (edit.kind === "replace" ? fixer.replaceTextRange([edit.range.start, edit.range.end], edit.text) : fixer.insertTextAfterRange([0, 0], ""))),
            }))
          : undefined,
    });
  }
}

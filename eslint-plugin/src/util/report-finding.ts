/**
 * Turns engine Findings into `context.report` calls, for the env/.gitignore rules (on env and
 * .gitignore files, and on JS for the eslint.config.* anchor). A fix plan becomes an ESLint fix
 * or suggestion only when all its edits replace text in the linted file; plans that create
 * files, untrack files or edit another file stay for the extension, which applies them as one
 * WorkspaceEdit.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { FixPlan, Finding } from "../engine/finding";

interface Locator {
  getLocFromIndex(index: number): { line: number; column: number };
}

export interface ReportOptions<MessageId extends string> {
  /** Findings whose first in-file plan is applied by `--fix` (safe, idempotent edits). */
  autofix?: ReadonlySet<string>;
  /** The suggestion message for a finding's in-file plans (by the finding's messageId). */
  suggestion?: Partial<Record<string, MessageId>>;
}

export function reportFindings<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  findings: Finding[],
  options: ReportOptions<MessageId> = {},
): void {
  const source = context.sourceCode as unknown as Locator;
  const file = context.physicalFilename;
  for (const finding of findings) {
    const plans = (finding.fixes ?? []).filter((plan) => isInFile(plan, file));
    const loc = { start: source.getLocFromIndex(finding.range.start), end: source.getLocFromIndex(finding.range.end) };
    const suggestionId = options.suggestion?.[finding.messageId];
    const autofix = options.autofix?.has(finding.messageId) ? plans[0] : undefined;
    context.report({
      loc,
      messageId: finding.messageId as MessageId,
      data: finding.data,
      fix: autofix ? (fixer) => fixesOf(fixer, autofix) : null,
      suggest:
        suggestionId && !autofix
          ? plans.map((plan) => ({ messageId: suggestionId, data: finding.data, fix: (fixer: TSESLint.RuleFixer) => fixesOf(fixer, plan) }))
          : null,
    });
  }
}

function isInFile(plan: FixPlan, file: string): boolean {
  return plan.edits.length > 0 && plan.edits.every((edit) => edit.kind === "replace" && edit.file === file);
}

function fixesOf(fixer: TSESLint.RuleFixer, plan: FixPlan): TSESLint.RuleFix[] {
  return plan.edits.flatMap((edit) => (edit.kind === "replace" ? [fixer.replaceTextRange([edit.range.start, edit.range.end], edit.text)] : []));
}

/**
 * The one place where engine Findings become ESLint reports, for every rule: loc from the
 * finding's range, data as is, and fix plans that only replace text in the linted file as an
 * autofix (safe, idempotent edits) or suggestions. Plans that create files, untrack files or
 * edit another file stay for the extension, which applies them as one WorkspaceEdit.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { componentSource, type SourceFile } from "../engine/ast";
import { isComponentFile } from "../engine/component-code";
import type { FixPlan, Finding } from "../engine/finding";

type Context<MessageId extends string> = Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>;

/** Under which suggestion message an in-file plan is offered; undefined: not offered. */
export type SuggestionFor<MessageId extends string> =
  /** The same message for every plan. */
  | MessageId
  /** By the finding's messageId. */
  | Partial<Record<string, MessageId>>
  /** Decided per plan, optionally with extra message data. */
  | ((plan: FixPlan, finding: Finding) => { messageId: MessageId; data?: Record<string, string> } | undefined);

export interface ReportOptions<MessageId extends string> {
  /** Findings (by messageId) whose first in-file plan `--fix` applies. */
  autofix?: ReadonlySet<string>;
  suggestion?: SuggestionFor<MessageId>;
}

/**
 * The linted file as the engine's SourceFile (ESLint has set parents by the time rules run). A
 * component (.vue, .svelte, .astro) comes with the engine's tree of its code, not ESLint's.
 */
export function sourceFileOf(context: Context<string>, program?: TSESTree.Program): SourceFile {
  if (isComponentFile(context.filename)) return componentSource(context.filename, context.sourceCode.text);
  return { file: context.filename, text: context.sourceCode.text, ast: program ?? context.sourceCode.ast };
}

export function reportFindings<MessageId extends string>(context: Context<MessageId>, findings: Finding[], options: ReportOptions<MessageId> = {}): void {
  const source = context.sourceCode;
  for (const finding of findings) {
    const plans = (finding.fixes ?? []).filter((plan) => isInFile(plan, finding.file));
    const autofix = options.autofix?.has(finding.messageId) ? plans[0] : undefined;
    const suggest = autofix ? [] : plans.flatMap((plan) => suggestionOf(plan, finding, options.suggestion));
    context.report({
      loc: { start: source.getLocFromIndex(finding.range.start), end: source.getLocFromIndex(finding.range.end) },
      messageId: finding.messageId as MessageId,
      data: finding.data,
      fix: autofix ? (fixer) => fixesOf(fixer, autofix) : null,
      suggest: suggest.length > 0 ? suggest : null,
    });
  }
}

function suggestionOf<MessageId extends string>(
  plan: FixPlan,
  finding: Finding,
  rule: SuggestionFor<MessageId> | undefined,
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const chosen =
    typeof rule === "function" ? rule(plan, finding)
    : typeof rule === "string" ? { messageId: rule }
    : rule?.[finding.messageId] ? { messageId: rule[finding.messageId]! }
    : undefined;
  if (!chosen) return [];
  return [{ messageId: chosen.messageId, data: { ...finding.data, ...chosen.data }, fix: (fixer) => fixesOf(fixer, plan) }];
}

function isInFile(plan: FixPlan, file: string): boolean {
  return plan.edits.length > 0 && plan.edits.every((edit) => edit.kind === "replace" && edit.file === file);
}

function fixesOf(fixer: TSESLint.RuleFixer, plan: FixPlan): TSESLint.RuleFix[] {
  return plan.edits.flatMap((edit) => (edit.kind === "replace" ? [fixer.replaceTextRange([edit.range.start, edit.range.end], edit.text)] : []));
}

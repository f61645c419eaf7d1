/**
 * KeyFence's processors (env files, `configs.files`) report findings no rule reported, so they
 * do here what ESLint does for rules: the severity, `# eslint-disable…` comments, 1-based
 * positions, the message text from the rules table. One place for both processors.
 */
import type { Linter } from "eslint";
import type { Finding } from "../engine/finding";
import { RULES, messageOf, type Severity } from "../engine/rules";
import { disabledBy, textDirectives } from "./text-directives";
import { lineStarts, positionAt } from "./line-positions";

const SEVERITY = { error: 2, warn: 1 } as const;

export type Severities = Partial<Record<string, Severity | "off">>;

/** A KeyFence processor also says which severities it reports at: the language server reads them to agree with CI. */
export type SeveritiesProcessor = Linter.Processor & { severities: Severities };

/** What a finding's fixes become in ESLint: an autofix, suggestions, or nothing. */
export type FixesOf = (finding: Finding) => Pick<Linter.LintMessage, "fix" | "suggestions">;

export function processorMessages(text: string, findings: Finding[], severities: Severities, fixesOf: FixesOf): Linter.LintMessage[] {
  if (findings.length === 0) return [];
  const lines = lineStarts(text);
  const directives = textDirectives(text, lines);
  const messages: Linter.LintMessage[] = [];
  for (const finding of findings) {
    const rule = finding.ruleId;
    const severity = severities[rule] ?? (RULES as Record<string, { severity: Severity } | undefined>)[rule]?.severity ?? "error";
    if (severity === "off") continue;
    const start = positionAt(lines, finding.range.start);
    if (disabledBy(directives, `keyfence/${rule}`, start.line)) continue;
    const end = positionAt(lines, finding.range.end);
    messages.push({
      ruleId: `keyfence/${rule}`,
      messageId: finding.messageId,
      severity: SEVERITY[severity],
      message: messageOf(finding),
      line: start.line,
      column: start.column + 1,
      endLine: end.line,
      endColumn: end.column + 1,
      ...fixesOf(finding),
    });
  }
  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** ESLint's fixer works on the text without a byte order mark, and so do the finding offsets. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Findings → LSP Diagnostics, the same mapping as the extension's (extension/src/diagnostics.ts):
 * source "KeyFence", code = rule id, codeDescription.href = the rule's docs, severity from the
 * `keyfence.rules` setting or the rule's default.
 */
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../../../eslint-plugin/src/engine/finding";
import { defaultSeverity, docsUrl, messageOf } from "../../src/analyze";
import type { RuleSeverity, Settings } from "../../src/settings";

export const SOURCE = "KeyFence";

const SEVERITY: Record<Exclude<RuleSeverity, "off">, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `document` must hold the text the findings' offsets refer to. */
export function toDiagnostics(findings: Finding[], document: TextDocument, settings: Settings): Diagnostic[] {
  return findings.map((finding) => {
    const level = settings.rules[finding.ruleId] ?? defaultSeverity(finding.ruleId);
    return {
      range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
      message: messageOf(finding),
      severity: SEVERITY[level === "off" ? "warning" : level] ?? DiagnosticSeverity.Warning,
      source: SOURCE,
      code: finding.ruleId,
      codeDescription: { href: docsUrl(finding.ruleId) },
    };
  });
}

/** The rule id of one of our diagnostics, or undefined for anyone else's. */
export function ruleOf(diagnostic: Diagnostic): string | undefined {
  return diagnostic.source === SOURCE && typeof diagnostic.code === "string" ? diagnostic.code : undefined;
}

/**
 * `# eslint-disable…` lines in env and .gitignore files, honoured as the ESLint env-files
 * processor honours them (same parser: eslint-plugin/src/util/text-directives.ts), so the
 * "Disable … for this line / file" actions work there too.
 */
import type { Finding } from "../../../eslint-plugin/src/engine/finding";
import { disabledBy, textDirectives } from "../../../eslint-plugin/src/util/text-directives";
import type { FileKind } from "../../src/file-kinds";
import { lineIndex } from "../../src/text-positions";

export function withoutHashDisabled(findings: Finding[], kind: FileKind, text: string): Finding[] {
  if (findings.length === 0 || (kind !== "env" && kind !== "gitignore")) return findings;
  const lines = lineIndex(text);
  const directives = textDirectives(text, lines.starts);
  if (directives.length === 0) return findings;
  return findings.filter((f) => !disabledBy(directives, `keyfence/${f.ruleId}`, lines.lineOf(f.range.start) + 1));
}

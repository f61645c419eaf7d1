/**
 * Inline `eslint-disable` comments for KeyFence rules, honoured without running ESLint (the
 * extension never loads the project's eslint.config.js: that would run workspace code).
 * Supported: eslint-disable / eslint-enable (block), eslint-disable-line, eslint-disable-next-line,
 * with or without a rule list (`keyfence/<rule>`), and a `-- reason` tail.
 */
import type { TSESTree } from "@typescript-eslint/typescript-estree";

interface Directive {
  kind: "disable" | "enable" | "disable-line" | "disable-next-line";
  /** Rule names as written, [] = every rule. */
  rules: string[];
  line: number;
  offset: number;
}

const DIRECTIVE = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([^]*)$/;

function parseDirectives(comments: TSESTree.Comment[], lineOf: (offset: number) => number): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const kind = match[1] as Directive["kind"];
    // `disable`/`enable` only count in block comments, like ESLint.
    if ((kind === "disable" || kind === "enable") && comment.type !== "Block") continue;
    const list = match[2].split(/\s--\s|^--\s/)[0];
    const rules = list.split(",").map((r) => r.trim()).filter(Boolean);
    const line = kind === "disable-next-line" ? lineOf(comment.range[1]) + 1 : lineOf(comment.range[0]);
    out.push({ kind, rules, line, offset: comment.range[0] });
  }
  return out;
}

function names(rules: string[], ruleId: string): boolean {
  return rules.length === 0 || rules.includes(`keyfence/${ruleId}`);
}

/**
 * A predicate: is a finding of `ruleId` at `line` (1-based) and `offset` switched off?
 * `lineOf` gives an offset's line, 1-based (editor trees carry no line numbers).
 */
export function disabledBy(
  comments: TSESTree.Comment[] | undefined,
  lineOf: (offset: number) => number,
): (ruleId: string, line: number, offset: number) => boolean {
  const directives = comments ? parseDirectives(comments, lineOf) : [];
  if (directives.length === 0) return () => false;
  return (ruleId, line, offset) => {
    let blockOff = false;
    for (const d of directives) {
      if (!names(d.rules, ruleId)) continue;
      if ((d.kind === "disable-line" || d.kind === "disable-next-line") && d.line === line) return true;
      if (d.kind === "disable" && d.offset < offset) blockOff = true;
      if (d.kind === "enable" && d.offset < offset) blockOff = false;
    }
    return blockOff;
  };
}

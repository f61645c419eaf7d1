/**
 * `# eslint-disable …` comments in env and .gitignore files, which ESLint never parses (the env
 * files processor hands it no code block), and `<!-- eslint-disable … -->` lines in Markdown (as
 * @eslint/markdown writes them), read the way ESLint reads `//` and block comments:
 * - `# eslint-disable [rules]` / `# eslint-enable [rules]`: from that line on;
 * - `# eslint-disable-line [rules]` and `# eslint-disable-next-line [rules]`;
 * - no rule list means every rule; `-- reason` is ignored.
 * A directive is a whole `#` line; `#` after a value is part of the value to dotenv.
 */

export interface TextDirective {
  kind: "disable" | "enable" | "disable-line" | "disable-next-line";
  /** 1-based line of the comment. */
  line: number;
  /** Rule ids it names; empty: all rules. */
  rules: string[];
}

const DIRECTIVE = /^[ \t]*(?:#|<!--)[ \t]*eslint-(disable-next-line|disable-line|disable|enable)(?=[ \t\r\n]|$)([^\r\n]*)/;

export function textDirectives(text: string, lineStarts: number[]): TextDirective[] {
  const directives: TextDirective[] = [];
  for (let index = 0; index < lineStarts.length; index++) {
    const start = lineStarts[index];
    const end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length;
    // Cheap first look: most lines are not comments.
    const first = text.slice(start, Math.min(end, start + 200)).trimStart();
    if (!first.startsWith("#") && !first.startsWith("<!--")) continue;
    const match = DIRECTIVE.exec(text.slice(start, end));
    if (!match) continue;
    // An HTML comment's own end is no rule: `<!-- eslint-disable-next-line keyfence/x -->`.
    const list = match[2].replace(/-->.*$/, "").split(/[ \t]--[ \t]/)[0];
    const rules = list.split(",").map((rule) => rule.trim()).filter(Boolean);
    directives.push({ kind: match[1] as TextDirective["kind"], line: index + 1, rules });
  }
  return directives;
}

/** Whether `rule` is switched off on `line` by the directives (in file order). */
export function disabledBy(directives: TextDirective[], rule: string, line: number): boolean {
  const names = (directive: TextDirective) => directive.rules.length === 0 || directive.rules.includes(rule);
  let disabled = false;
  for (const directive of directives) {
    if (!names(directive)) continue;
    switch (directive.kind) {
      case "disable-line":
        if (directive.line === line) return true;
        break;
      case "disable-next-line":
        if (directive.line + 1 === line) return true;
        break;
      case "disable":
        if (directive.line <= line) disabled = true;
        break;
      case "enable":
        if (directive.line <= line) disabled = false;
        break;
    }
  }
  return disabled;
}

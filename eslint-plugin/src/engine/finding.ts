/**
 * What every KeyFence analysis returns: plain data, no ESLint or VS Code types.
 * The ESLint rules turn a Finding into `context.report`, the extension into a Diagnostic,
 * so the editor and CI always agree.
 */

/** Offsets into the file's text, [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/** One change to one file. A FixPlan is a list of these and may touch several files. */
export type FileEdit =
  /** Replace `range` of an existing file with `text` (an insert when start === end). */
  | { kind: "replace"; file: string; range: TextRange; text: string }
  /** Create a file that does not exist yet. */
  | { kind: "create"; file: string; text: string }
  /** Remove a file from git's index but keep it on disk (`git rm --cached`). */
  | { kind: "untrack"; file: string };

export interface FixPlan {
  /** Short imperative, shown as the suggestion / quick-fix title. */
  title: string;
  edits: FileEdit[];
  /** The obvious fix for this finding: VS Code marks it preferred. */
  isPreferred?: boolean;
  /** Something the user must know after applying it (e.g. "picked OPENAI_API_KEY_2"). */
  note?: string;
}

export interface Finding {
  /** Rule name without the plugin prefix, e.g. "no-hardcoded-keys". */
  ruleId: string;
  /** Key into the rule's messages (camelCase), e.g. "hardcodedKey". */
  messageId: string;
  /** Values for the message's {{placeholders}}. Never a whole key: use redactKey(). */
  data: Record<string, string>;
  /** Absolute path of the file the finding is in. */
  file: string;
  range: TextRange;
  /**
   * Fixes that are safe to offer. Edits to `file` only can become ESLint suggestions;
   * plans that touch other files are offered by the extension alone.
   */
  fixes?: FixPlan[];
}

/** Message templates of one rule, shared by the ESLint rule's meta and the extension. */
export type Messages = Record<string, string>;

/** Fill a message template the way ESLint does ({{ name }} placeholders). */
export function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? data[name] : whole,
  );
}

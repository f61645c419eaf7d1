/**
 * The `keyfence.*` settings as the analysis reads them. The language server parses them, with their
 * defaults, from what the editor sends (extension/server/src/settings.ts).
 */

export type RuleSeverity = "off" | "error" | "warning" | "info" | "hint";

export interface Settings {
  enable: boolean;
  /** Per rule id (without `keyfence/`): severity or "off". Unlisted rules use their default. */
  rules: Record<string, RuleSeverity>;
  /** Matches of any of these are never reported (invalid patterns are skipped). */
  allow: RegExp[];
  /** Gitignore-style patterns, relative to the workspace folder, never analysed. */
  ignoredPaths: string[];
  /** Files larger than this are skipped by the workspace scan and by live analysis. */
  maxFileSizeKB: number;
  /** Delay after the last keystroke before a document is analysed again (one value for the window). */
  debounceMs: number;
  /** In a trusted workspace, apply the project's ESLint config for keyfence/* rules (default on). */
  useEslintConfig?: boolean;
}

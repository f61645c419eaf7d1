/** The `keyfence.*` settings, read in one place with their defaults. */
import * as vscode from "vscode";

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
  /** Delay after the last keystroke before a document is analysed again. */
  debounceMs: number;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration("keyfence", scope);
  return {
    enable: config.get<boolean>("enable", true),
    rules: config.get<Record<string, RuleSeverity>>("rules", {}),
    allow: compileAllow(config.get<string[]>("allow", [])),
    ignoredPaths: config.get<string[]>("ignoredPaths", []),
    maxFileSizeKB: Math.max(1, config.get<number>("maxFileSizeKB", 1024)),
    debounceMs: Math.max(0, config.get<number>("debounceMs", 300)),
  };
}

function compileAllow(patterns: string[]): RegExp[] {
  const out: RegExp[] = [];
  for (const pattern of patterns) {
    try {
      out.push(new RegExp(pattern, "u"));
    } catch {
      // A typo in one pattern must not switch the others off.
    }
  }
  return out;
}

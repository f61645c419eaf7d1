/**
 * The server's `keyfence.*` settings, from a plain object (LSP `initializationOptions.settings`
 * or `workspace/didChangeConfiguration`), with the same names and defaults as the extension's
 * (extension/src/settings.ts, which reads them from VS Code's configuration API instead).
 */
import type { RuleSeverity, Settings } from "../../src/settings";

const SEVERITIES = new Set<RuleSeverity>(["off", "error", "warning", "info", "hint"]);

export function settingsFrom(raw: unknown): Settings {
  const value = isObject(raw) ? raw : {};
  return {
    enable: typeof value.enable === "boolean" ? value.enable : true,
    rules: rulesFrom(value.rules),
    allow: compileAllow(strings(value.allow)),
    ignoredPaths: strings(value.ignoredPaths),
    maxFileSizeKB: Math.max(1, numberOr(value.maxFileSizeKB, 1024)),
    debounceMs: Math.max(0, numberOr(value.debounceMs, 300)),
    useEslintConfig: typeof value.useEslintConfig === "boolean" ? value.useEslintConfig : true,
  };
}

/**
 * Multi-root workspaces: `folders` maps a workspace folder's URI to that folder's own settings
 * (VS Code resolves resource-scoped settings per folder; the client sends each folder's values).
 * A folder not listed uses the top-level settings.
 */
export function folderSettingsFrom(raw: unknown): Map<string, Settings> {
  const folders = isObject(raw) && isObject(raw.folders) ? raw.folders : {};
  return new Map(Object.entries(folders).map(([uri, value]) => [uri, settingsFrom(value)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function rulesFrom(value: unknown): Record<string, RuleSeverity> {
  const rules: Record<string, RuleSeverity> = {};
  if (!isObject(value)) return rules;
  for (const [rule, severity] of Object.entries(value)) {
    if (SEVERITIES.has(severity as RuleSeverity)) rules[rule.replace(/^keyfence\//, "")] = severity as RuleSeverity;
  }
  return rules;
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

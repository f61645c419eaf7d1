/**
 * Lints a project folder on disk the way the extension does (engine via extension/src/analyze.ts):
 * every file KeyFence reads, outside node_modules and .git. Used to check that a fix leaves no finding.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Finding } from "../../eslint-plugin/src/engine/finding";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { analyzeFile, forgetFile, messageOf } from "../../extension/src/analyze";
import { fileKind } from "../../extension/src/file-kinds";

export const SETTINGS = { enable: true, rules: {}, allow: [], ignoredPaths: [], maxFileSizeKB: 1024, debounceMs: 0 };

export function projectFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === ".git") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && fileKind(full)) out.push(full);
    }
  };
  visit(root);
  return out.sort();
}

export function lintFile(root: string, file: string): Finding[] {
  forgetFile(file);
  const text = fs.readFileSync(file, "utf8");
  return analyzeFile(file, fileKind(file)!, text, { settings: SETTINGS, files: diskFiles(), stopDir: root });
}

export function lintProject(root: string): Finding[] {
  const files = projectFiles(root);
  for (const file of files) forgetFile(file);
  return files.flatMap((file) => lintFile(root, file));
}

/** `app/page.tsx no-client-secrets: message` for assertion messages. */
export function describeFinding(root: string, finding: Finding): string {
  return `${path.relative(root, finding.file)}@${finding.range.start} ${finding.ruleId}: ${messageOf(finding)}`;
}

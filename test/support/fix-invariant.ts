/**
 * The fix invariant: for every finding in a project, each fix the extension offers (all edits,
 * several files) is applied to a fresh copy, then
 *   - every touched code file still parses (typescript-estree, the engine's parser);
 *   - re-linting finds that finding gone and nothing new (findings compared as a multiset of
 *     file + rule + message, so offsets that moved do not count);
 *   - no line changed that the fix's edits do not touch (per `git diff --no-index`);
 *   - line endings kept (a CRLF file stays CRLF, an LF file gets no CR);
 *   - where the project has a tsconfig.json, no type error that the project did not have before
 *     (project-type-check.ts: `tsc --noEmit` through the TypeScript API, before and in each copy).
 * Used by test/fix-invariant.test.ts on the fixtures and by scripts/fix-invariant.ts on real apps.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import type { Finding, FixPlan } from "../../eslint-plugin/src/engine/finding";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { messageOf, planFixes } from "../../extension/src/analyze";
import { fileKind } from "../../extension/src/file-kinds";
import { applyFileEdits } from "./apply-edits";
import { lintProject, SETTINGS } from "./lint-project";
import { newErrors, projectTypeCheck } from "./project-type-check";

export interface InvariantReport {
  findings: number;
  fixesApplied: number;
  failures: string[];
  /** Fixes whose copy was type-checked (the project has a tsconfig.json). */
  typeChecked: number;
}

/** Checks every fix of every finding in `project` (left untouched: the work happens in copies). */
export function checkFixInvariant(project: string, options: { gitInit?: boolean; maxFixes?: number } = {}): InvariantReport {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-invariant-"));
  const base = path.join(work, "base");
  fs.cpSync(project, base, { recursive: true, filter: (from) => path.basename(from) !== "node_modules" });
  if (options.gitInit && !fs.existsSync(path.join(base, ".git"))) execFileSync("git", ["init", "-q"], { cwd: base });
  const report: InvariantReport = { findings: 0, fixesApplied: 0, failures: [], typeChecked: 0 };
  try {
    const before = lintProject(base);
    const types = projectTypeCheck(base);
    const typeErrors = types?.errors(base);
    report.findings = before.length;
    let attempt = 0;
    for (const finding of before) {
      const text = fs.readFileSync(finding.file, "utf8");
      const plans = planFixes(finding, text, { settings: SETTINGS, files: diskFiles(), stopDir: base });
      for (const plan of plans) {
        if (options.maxFixes !== undefined && report.fixesApplied >= options.maxFixes) return report;
        const copy = path.join(work, `try-${attempt++}`);
        fs.cpSync(base, copy, { recursive: true });
        const label = `${path.relative(base, finding.file)} ${finding.ruleId}/${finding.messageId} → "${plan.title}"`;
        const problems = checkOne(base, copy, finding, plan, before);
        if (types) {
          problems.push(...newErrors(typeErrors!, types.errors(copy)).map((error) => `new type error: ${error}`));
          report.typeChecked++;
        }
        report.fixesApplied++;
        report.failures.push(...problems.map((problem) => `${label}: ${problem}`));
        fs.rmSync(copy, { recursive: true, force: true });
      }
    }
    return report;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function checkOne(base: string, copy: string, finding: Finding, plan: FixPlan, before: Finding[]): string[] {
  const problems: string[] = [];
  const moved = (file: string) => path.join(copy, path.relative(base, file));
  const touched = applyInCopy(plan, moved);
  for (const [file, original] of touched) {
    const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (now === undefined) continue;
    if (fileKind(file) === "code" && !parseSource(file, now)) problems.push(`${path.relative(copy, file)} no longer parses`);
    if (original === undefined) continue;
    const crlf = /\r\n/.test(original) && !/(^|[^\r])\n/.test(original);
    if (crlf && /(^|[^\r])\n/.test(now)) problems.push(`${path.relative(copy, file)}: CRLF file got LF lines`);
    if (!/\r/.test(original) && /\r/.test(now)) problems.push(`${path.relative(copy, file)}: LF file got CR`);
    const edits = plan.edits.filter((edit) => edit.kind === "replace" && moved(edit.file) === file);
    for (const line of unrelatedChangedLines(original, now, edits as Extract<FixPlan["edits"][number], { kind: "replace" }>[])) {
      problems.push(`${path.relative(copy, file)}:${line} changed but no edit touches it`);
    }
  }
  const after = lintProject(copy);
  // What a finding is, not where: a message that shrinks (fewer .gitignore entries missing) is the same finding.
  const identity = (f: Finding, root: string) => `${path.relative(root, f.file)} ${f.ruleId}/${f.messageId}`;
  const budget = new Map<string, number>();
  for (const f of before) budget.set(identity(f, base), (budget.get(identity(f, base)) ?? 0) + 1);
  const fixed = identity(finding, base);
  budget.set(fixed, budget.get(fixed)! - 1);
  for (const f of after) {
    const id = identity(f, copy);
    const left = budget.get(id) ?? 0;
    if (left <= 0) problems.push(id === fixed ? `the finding is still there: ${messageOf(f)}` : `new finding: ${id}: ${messageOf(f)}`);
    budget.set(id, left - 1);
  }
  return problems;
}

/** Applies a plan to the copy; returns each touched file with its text before (undefined: created). */
function applyInCopy(plan: FixPlan, moved: (file: string) => string): Map<string, string | undefined> {
  const touched = new Map<string, string | undefined>();
  const byFile = new Map<string, FixPlan["edits"]>();
  for (const edit of plan.edits) byFile.set(moved(edit.file), [...(byFile.get(moved(edit.file)) ?? []), edit]);
  for (const [file, edits] of byFile) {
    const exists = fs.existsSync(file);
    touched.set(file, exists ? fs.readFileSync(file, "utf8") : undefined);
    applyFileEdits(file, edits);
  }
  return touched;
}

/** 1-based lines of `original` that `git diff` says changed, outside every edit's lines. */
function unrelatedChangedLines(original: string, now: string, edits: { range: { start: number; end: number } }[]): number[] {
  if (original === now) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-diff-"));
  try {
    fs.writeFileSync(path.join(dir, "a"), original);
    fs.writeFileSync(path.join(dir, "b"), now);
    const diff = spawnSync("git", ["diff", "--no-index", "--no-color", "-U0", "a", "b"], { cwd: dir, encoding: "utf8" }).stdout;
    const lineOf = (offset: number) => original.slice(0, offset).split("\n").length;
    const touched = new Set<number>();
    for (const { range } of edits) {
      for (let line = lineOf(range.start); line <= lineOf(Math.max(range.start, range.end - 1)); line++) touched.add(line);
      if (range.end === range.start || original[range.end - 1] === "\n") touched.add(lineOf(range.end));
    }
    const out: number[] = [];
    for (const match of diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/gm)) {
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      if (count === 0) {
        if (!touched.has(start) && !touched.has(start + 1)) out.push(start);
        continue;
      }
      for (let line = start; line < start + count; line++) if (!touched.has(line)) out.push(line);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

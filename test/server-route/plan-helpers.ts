import * as fs from "node:fs";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";
import { diskProjectView, planMoveCallToServerRoute } from "../../eslint-plugin/src/engine/server-route";
import type { FixtureProject } from "./fixture-project";

/** Plans the fix for the code at the first occurrence of `needle` in `relative`. */
export function planAt(project: FixtureProject, relative: string, needle: string): FixPlan | undefined {
  const file = project.file(relative);
  const text = fs.readFileSync(file, "utf8");
  const source = parseSource(file, text);
  if (!source) throw new Error(`cannot parse ${relative}`);
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`${needle} not in ${relative}`);
  return planMoveCallToServerRoute({ source, range: { start, end: start + needle.length }, project: diskProjectView() });
}

export function createdFile(plan: FixPlan, suffix: string): string {
  const edit = plan.edits.find((candidate) => candidate.kind === "create" && candidate.file.endsWith(suffix));
  if (!edit || edit.kind !== "create") throw new Error(`plan creates no ${suffix}: ${plan.edits.map((e) => e.file).join(", ")}`);
  return edit.text;
}

/** require-rate-limit's findings on a route text, and its add-a-limiter fix applied on disk (shared by the route-shape tests). */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route/rate-limit/find-unlimited-ai-routes";
import { applyFileEdits } from "../support/apply-edits";

export type RouteFinding = ReturnType<typeof routeFindings>[number];

/** The findings on `text` as the file `root/rel`: handler, provider, line and fixes. */
export function routeFindings(root: string, rel: string, text: string) {
  const source = parseSource(path.join(root, rel), text);
  assert.ok(source, `${rel} parses`);
  return findUnlimitedAiRoutes(source).map((finding) => ({
    messageId: finding.messageId,
    handler: finding.data.handler,
    provider: finding.data.provider,
    line: text.slice(0, finding.range.start).split("\n").length,
    fixes: finding.fixes ?? [],
  }));
}

/** Writes `text` to `root/rel`, applies the finding's first fix there, and returns the file's new text (checked to parse). */
export function fixedByFirstFix(root: string, rel: string, text: string, finding: RouteFinding): string {
  assert.ok(finding.fixes.length > 0, "the add-a-limiter fix");
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  applyFileEdits(file, finding.fixes[0].edits.filter((edit) => edit.file === file));
  const fixed = fs.readFileSync(file, "utf8");
  assert.notEqual(fixed, text);
  assert.ok(parseSource(file, fixed), "the fixed route parses");
  return fixed;
}

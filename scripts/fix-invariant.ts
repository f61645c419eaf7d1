#!/usr/bin/env -S npx tsx
// Usage: npx tsx scripts/fix-invariant.ts DIR [--max-fixes N]
//
// The fix invariant (test/support/fix-invariant.ts) on a folder of real apps: each sub-folder of
// DIR is one app. For every finding, every fix KeyFence offers is applied in a temp copy (the app
// itself is never touched), then: touched files parse, the finding is gone, nothing new appears,
// no unrelated line changed, line endings kept. Prints findings tried, fixes applied, failures.
// A measurement, not a test: real apps bring shapes the fixtures do not.
import * as fs from "node:fs";
import * as path from "node:path";
import { checkFixInvariant } from "../test/support/fix-invariant";

const args = process.argv.slice(2);
const at = args.indexOf("--max-fixes");
const maxFixes = at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
const dir = path.resolve(args[0] ?? "");
if (!args[0] || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error("Usage: npx tsx scripts/fix-invariant.ts DIR [--max-fixes N]   (each sub-folder of DIR is an app)");
  process.exit(2);
}
const apps = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => path.join(dir, entry.name));
let findings = 0;
let fixes = 0;
let failures = 0;
for (const app of apps) {
  const started = performance.now();
  const report = checkFixInvariant(app, { gitInit: true, maxFixes });
  findings += report.findings;
  fixes += report.fixesApplied;
  failures += report.failures.length;
  console.log(`${path.basename(app)}: ${report.findings} findings, ${report.fixesApplied} fixes applied, ${report.failures.length} failures (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const failure of report.failures) console.log(`  ✗ ${failure}`);
}
console.log(`\n${apps.length} apps: ${findings} findings tried, ${fixes} fixes applied, ${failures} failures`);
process.exit(failures > 0 ? 1 : 0);

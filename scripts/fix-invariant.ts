#!/usr/bin/env -S npx tsx
// Usage: npx tsx scripts/fix-invariant.ts DIR [--max-fixes N]
//        npx tsx scripts/fix-invariant.ts --real-apps MIRROR [--max-fixes N]
//
// --real-apps: the apps of bench/real-apps/labels.json, each labelled commit exported from the
// fetched bare repositories in MIRROR (`<owner>+<name>/repo`, as scripts/real-apps.mjs reads them)
// into a temp folder and committed there once, then checked as below.
//
// The fix invariant (test/support/fix-invariant.ts) on a folder of real apps: each sub-folder of
// DIR is one app. For every finding, every fix KeyFence offers is applied in a temp copy (the app
// itself is never touched), then: touched files parse, the finding is gone, nothing new appears,
// no unrelated line changed, line endings kept, no new type error where the app has a tsconfig.json. Prints findings tried, fixes applied, failures.
// A measurement, not a test: real apps bring shapes the fixtures do not.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkFixInvariant } from "../test/support/fix-invariant";

const args = process.argv.slice(2);
const at = args.indexOf("--max-fixes");
const maxFixes = at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
const realApps = args.indexOf("--real-apps");
const mirror = realApps >= 0 ? args.splice(realApps, 2)[1] : undefined;
const dir = mirror ? exportRealApps(path.resolve(mirror)) : path.resolve(args[0] ?? "");
if ((!mirror && !args[0]) || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error("Usage: npx tsx scripts/fix-invariant.ts DIR [--max-fixes N]   (each sub-folder of DIR is an app)\n       npx tsx scripts/fix-invariant.ts --real-apps MIRROR [--max-fixes N]");
  process.exit(2);
}
const apps = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => path.join(dir, entry.name));
let findings = 0;
let fixes = 0;
let failures = 0;
let typeChecked = 0;
for (const app of apps) {
  const started = performance.now();
  const report = checkFixInvariant(app, { gitInit: true, maxFixes });
  typeChecked += report.typeChecked;
  findings += report.findings;
  fixes += report.fixesApplied;
  failures += report.failures.length;
  console.log(`${path.basename(app)}: ${report.findings} findings, ${report.fixesApplied} fixes applied (${report.typeChecked} type-checked), ${report.failures.length} failures (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const failure of report.failures) console.log(`  ✗ ${failure}`);
}
console.log(`\n${apps.length} apps: ${findings} findings tried, ${fixes} fixes applied (${typeChecked} type-checked), ${failures} failures`);
if (mirror) fs.rmSync(dir, { recursive: true, force: true });
process.exit(failures > 0 ? 1 : 0);

/** Exports each labelled commit into `<temp>/<owner>+<name>`, committed once (git-aware rules need a repository). */
function exportRealApps(mirrorDir: string): string {
  const BINARY = ["jpg", "jpeg", "png", "gif", "webp", "avif", "ico", "mp3", "mp4", "wav", "webm", "woff", "woff2", "ttf", "otf", "eot", "pdf", "zip", "gz"];
  const labels = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "bench", "real-apps", "labels.json"), "utf8")) as { repos: { repo: string; commit: string }[] };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-real-apps-"));
  for (const { repo, commit } of labels.repos) {
    const folder = path.join(mirrorDir, repo.replace("/", "+"));
    const gitDir = [path.join(folder, "repo"), folder].find((candidate) => fs.existsSync(path.join(candidate, "HEAD")));
    if (!gitDir) {
      console.log(`${repo}: not in ${mirrorDir}, skipped`);
      continue;
    }
    // The same repository may be labelled at two commits: the folder names both.
    const app = path.join(out, `${repo.replace("/", "+")}@${commit.slice(0, 7)}`);
    fs.mkdirSync(app);
    const tar = `${app}.tar`;
    try {
      execFileSync("git", [`--git-dir=${gitDir}`, "archive", "--format=tar", "-o", tar, commit], { stdio: "pipe" });
    } catch {
      // A snapshot may lack its largest blobs (images, fonts): export without them.
      try {
        execFileSync("git", [`--git-dir=${gitDir}`, "archive", "--format=tar", "-o", tar, commit, "--", ".", ...BINARY.map((ext) => `:(exclude,icase)*.${ext}`)], { stdio: "pipe" });
      } catch {
        console.log(`${repo}: objects missing from the snapshot, skipped`);
        fs.rmSync(app, { recursive: true, force: true });
        continue;
      }
    }
    execFileSync("tar", ["-xf", tar, "-C", app]);
    fs.rmSync(tar);
    const git = (...gitArgs: string[]) => execFileSync("git", gitArgs, { cwd: app, stdio: "ignore" });
    git("init", "-q");
    git("add", "-A", "-f");
    git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", "snapshot");
  }
  return out;
}

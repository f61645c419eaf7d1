/**
 * What git's index says: which env files are tracked, which would be added, and where the
 * repository's projects (package.json folders) are. One `git ls-files` per repository per
 * process, re-run only when the index, the root .gitignore or the root folder changes.
 *
 * Tracked files need git itself (the index is git's binary format); without a git binary, or
 * when git refuses the folder (e.g. "dubious ownership"), the answer is undefined and callers
 * stay quiet about tracking instead of guessing.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { isEnvFileName } from "../env-files/names";
import { fileStamp } from "./file-cache";
import type { GitRepo } from "./git-repo";

export interface RepoListing {
  /** Repository-relative paths (forward slashes) of env files in git's index. */
  trackedEnvFiles: Set<string>;
  /** Env files that are not tracked and that git (as the disk is now) would add. */
  untrackedEnvFiles: string[];
  /** Repository-relative folders holding a package.json that is tracked or would be added ("" = root). */
  projectDirs: string[];
}

const PATHSPECS = [
  ":(glob)**/package.json",
  ":(glob)**/.env",
  ":(glob)**/.env.*",
  ":(glob)**/.dev.vars",
  ":(glob)**/.dev.vars.*",
  ":(exclude,glob)**/node_modules/**",
];

interface ListingResult {
  listing?: RepoListing;
  /** Why git could not be asked, in a user's words (when listing is undefined). */
  problem?: string;
}

const listings = new Map<string, { stamp: string; result: ListingResult }>();

export function repoListing(repo: GitRepo): RepoListing | undefined {
  return listingResult(repo).listing;
}

/**
 * Why git could not list this repository: no git binary, a repository git refuses ("dubious
 * ownership", common in CI containers), a corrupt index. Undefined when git answered.
 */
export function gitListingProblem(repo: GitRepo): string | undefined {
  return listingResult(repo).problem;
}

function listingResult(repo: GitRepo): ListingResult {
  const stamp = [join(repo.gitDir, "index"), join(repo.root, ".gitignore"), repo.root].map((p) => fileStamp(p) ?? "-").join("|");
  const cached = listings.get(repo.root);
  if (cached && cached.stamp === stamp) return cached.result;
  const result = runLsFiles(repo.root);
  listings.set(repo.root, { stamp, result });
  return result;
}

/** How many times git was asked for a listing (tests check a check that needs none asks none). */
export const gitListingStats = { listed: 0 };

function runLsFiles(root: string): ListingResult {
  gitListingStats.listed++;
  let output: string;
  try {
    output = execFileSync(
      "git",
      ["-c", "core.quotepath=off", "ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--", ...PATHSPECS],
      { cwd: root, encoding: "utf8", timeout: 15_000, maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"], windowsHide: true },
    );
  } catch (error) {
    return { problem: describeGitFailure(error) };
  }
  const listing: RepoListing = { trackedEnvFiles: new Set(), untrackedEnvFiles: [], projectDirs: [] };
  const dirs = new Set<string>();
  for (const record of output.split("\0")) {
    // "<tag> <path>": "?" is untracked, every other tag (H, S, M, C…) is in the index.
    if (record.length < 3) continue;
    const tracked = record[0] !== "?";
    const path = record.slice(2);
    const slash = path.lastIndexOf("/");
    const name = path.slice(slash + 1);
    const dir = slash < 0 ? "" : path.slice(0, slash);
    if (name === "package.json") dirs.add(dir);
    else if (isEnvFileName(name)) {
      if (tracked) listing.trackedEnvFiles.add(path);
      else listing.untrackedEnvFiles.push(path);
    }
  }
  listing.projectDirs = [...dirs].filter((dir) => !insideSourceOf(dir, dirs) && !insideToolOutput(dir)).sort();
  return { listing };
}

/**
 * Folders tools write (an installed package, Vite's pre-bundled deps, a framework's build): a
 * package.json there is a tool's, committed by mistake (viktoravelino/ai-extension's
 * `ui/.vite/deps/package.json`, batch 69; the SDKs ReadMe's `api` CLI writes to `.api/apis/`:
 * vverma022/model-merge, batch 121; Yarn's editor SDKs in `.yarn/sdks/`: webaverse-studios/ai-server, batch 173),
 * and no project anyone keeps an env file in.
 */
const TOOL_OUTPUT = new Set(["node_modules", ".yarn", ".api", ".vite", ".next", ".nuxt", ".output", ".svelte-kit", ".turbo", ".cache", ".vercel", ".netlify", ".expo", ".angular", ".parcel-cache", "bower_components"]);

function insideToolOutput(dir: string): boolean {
  return dir.split("/").some((part) => TOOL_OUTPUT.has(part));
}

/**
 * A package.json inside another project's `src/` (`frontend/src/firebase_json/package.json`, a
 * config snippet the app bundles: WinstonTa/CalHacks-2025, batch 65) is data of that project, not
 * a project of its own.
 */
function insideSourceOf(dir: string, dirs: ReadonlySet<string>): boolean {
  const parts = dir.split("/");
  for (let i = parts.length - 1; i >= 1; i--) {
    if (parts[i] !== "src") continue;
    const owner = parts.slice(0, i).join("/");
    if (dirs.has(owner)) return true;
  }
  return parts[0] === "src" && dirs.has("") && parts.length > 1;
}

function describeGitFailure(error: unknown): string {
  const failure = error as { code?: string; stderr?: string | Buffer; message?: string };
  if (failure.code === "ENOENT") return "git is not installed or not on PATH";
  const stderr = String(failure.stderr ?? "");
  if (/dubious ownership/i.test(stderr)) return "git refuses this repository because another user owns it (\"dubious ownership\"; see `git config safe.directory`)";
  const line = stderr.split("\n").map((l) => l.replace(/^(?:fatal|error):\s*/, "").trim()).find((l) => l !== "");
  return line ? `git failed: ${line.slice(0, 160)}` : `git failed${failure.code ? ` (${failure.code})` : ""}`;
}

/** Forget every listing (the extension calls this when the index or a .gitignore changes). */
export function clearListingCache(): void {
  listings.clear();
}

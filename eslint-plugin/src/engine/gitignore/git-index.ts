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
  ":(exclude,glob)**/node_modules/**",
];

const listings = new Map<string, { stamp: string; listing: RepoListing | undefined }>();

export function repoListing(repo: GitRepo): RepoListing | undefined {
  const stamp = [join(repo.gitDir, "index"), join(repo.root, ".gitignore"), repo.root].map((p) => fileStamp(p) ?? "-").join("|");
  const cached = listings.get(repo.root);
  if (cached && cached.stamp === stamp) return cached.listing;
  const listing = runLsFiles(repo.root);
  listings.set(repo.root, { stamp, listing });
  return listing;
}

function runLsFiles(root: string): RepoListing | undefined {
  let output: string;
  try {
    output = execFileSync(
      "git",
      ["-c", "core.quotepath=off", "ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--", ...PATHSPECS],
      { cwd: root, encoding: "utf8", timeout: 15_000, maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"], windowsHide: true },
    );
  } catch {
    return undefined;
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
  listing.projectDirs = [...dirs].sort();
  return listing;
}

/** Forget every listing (the extension calls this when the index or a .gitignore changes). */
export function clearListingCache(): void {
  listings.clear();
}

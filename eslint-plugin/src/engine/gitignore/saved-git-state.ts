/**
 * The git state stamp of the last `--cache` run, kept with the facts it was computed from, so a
 * warm run on an unchanged work tree does not start git (issue 11: the `git ls-files` behind the
 * stamp cost a warm run of vercel/ai's packages ~5% of its CPU, 1.070 against 1.016 with the
 * repository's .git hidden).
 *
 * What can move the stamp, and the fact that shows it without asking git:
 * - what the index tracks: `.git/index` (every `git add`, `rm --cached`, commit or checkout rewrites it);
 * - an env file or a package.json appearing, going or being renamed anywhere in the work tree: the
 *   modification time of its folder (every folder but `.git` and `node_modules`, whose env files
 *   git's listing leaves out too; a new folder changes its parent's);
 * - what git ignores: every `.gitignore` of the work tree (its size and mtime: an edit changes no
 *   folder), `info/exclude`, the global excludes file, and the git config files and environment
 *   that say where that file is.
 * A folder or file changed within two seconds of the facts being read is not trusted (a change in
 * the same tick of a coarse clock keeps the mtime): nothing is saved, and the next run asks git.
 * Beyond 20,000 folders nothing is saved either (the stats would cost what git does), and for a day
 * such a tree's folders are not walked again.
 *
 * Saved beside the client boundary's stamp (`node_modules/.cache/keyfence/`, else the system temp
 * folder); any failure to read or write it only means git is asked.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheFolder } from "../cache-folder";
import { fileStamp } from "./file-cache";

const { version } = require("../../../package.json") as { version: string };

const SAVED_FORMAT = 1;
const RACY_MS = 2_000;
const MAX_FOLDERS = 20_000;
const SKIPPED = new Set([".git", "node_modules"]);
/** A work tree of more folders than MAX_FOLDERS: git is asked each run, and for a day its folders are not walked. */
export const TOO_LARGE = "too-large";
const TOO_LARGE_MS = 24 * 60 * 60 * 1000;

/** The facts a stamp was computed from: files by absolute path, folders relative to the root. */
export interface GitStateFacts {
  files: Record<string, string>;
  folders: Record<string, number>;
  envs: string[];
}

interface SavedGitState extends GitStateFacts {
  format: typeof SAVED_FORMAT;
  version: string;
  root: string;
  stamp: string;
}

/**
 * The saved stamp for `root`, if every fact it was computed from is as it was; "too-large" for a work
 * tree found too large to save in the last day (its folders are not walked again each run).
 */
export function savedGitState(root: string, envs: string[]): string | undefined {
  try {
    const saved = JSON.parse(readFileSync(savedFile(root), "utf8")) as Partial<SavedGitState> & { tooLargeAt?: number };
    if (saved.format !== SAVED_FORMAT || saved.version !== version || saved.root !== root) return undefined;
    if (typeof saved.tooLargeAt === "number") return Date.now() - saved.tooLargeAt < TOO_LARGE_MS ? TOO_LARGE : undefined;
    if (typeof saved.stamp !== "string") return undefined;
    if (!saved.files || !saved.folders || !Array.isArray(saved.envs) || saved.envs.join("\0") !== envs.join("\0")) return undefined;
    for (const [file, facts] of Object.entries(saved.files)) if ((fileStamp(file) ?? "-") !== facts) return undefined;
    // The folders' keys use "/" (readGitStateFacts), which every platform's stat takes: a join per
    // folder, which normalises the whole path, was a fifth of this loop's 10-15 ms on vercel/ai.
    const prefix = root.endsWith("/") || root.endsWith("\\") ? root : `${root}/`;
    for (const folder in saved.folders) {
      const stat = statSync(folder ? prefix + folder : root, { throwIfNoEntry: false });
      if (stat?.mtimeMs !== saved.folders[folder]) return undefined;
    }
    return saved.stamp;
  } catch {
    return undefined;
  }
}

/**
 * The facts of the work tree at `root` now, read before git is asked; undefined when they cannot be
 * trusted (a change within RACY_MS, too many folders, an unreadable folder).
 */
export function readGitStateFacts(root: string, files: string[], envs: string[], now = Date.now(), maxFolders = MAX_FOLDERS): GitStateFacts | typeof TOO_LARGE | undefined {
  const facts: GitStateFacts = { files: {}, folders: {}, envs };
  const stack = [""];
  let newest = 0;
  let count = 0;
  try {
    while (stack.length > 0) {
      const folder = stack.pop()!;
      const absolute = join(root, folder);
      const mtime = statSync(absolute).mtimeMs;
      facts.folders[folder] = mtime;
      newest = Math.max(newest, mtime);
      if (++count > maxFolders) return TOO_LARGE;
      for (const entry of readdirSync(absolute, { withFileTypes: true })) {
        const rel = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory() && !SKIPPED.has(entry.name)) stack.push(rel);
        else if (entry.isFile() && entry.name === ".gitignore") files.push(join(root, rel));
      }
    }
  } catch {
    return undefined;
  }
  for (const file of files) {
    const stamp = fileStamp(file);
    facts.files[file] = stamp ?? "-";
    if (stamp) newest = Math.max(newest, Number(stamp.split(":")[0]));
  }
  return newest >= now - RACY_MS ? undefined : facts;
}

/** Best effort: a read-only tree only means the next run asks git again. */
export function saveGitState(root: string, stamp: string, facts: GitStateFacts | typeof TOO_LARGE): void {
  try {
    const file = savedFile(root);
    mkdirSync(join(file, ".."), { recursive: true });
    const saved = facts === TOO_LARGE ? { format: SAVED_FORMAT, version, root, tooLargeAt: Date.now() } : ({ format: SAVED_FORMAT, version, root, stamp, ...facts } satisfies SavedGitState);
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // Nothing to do: see above.
  }
}

function savedFile(root: string): string {
  return join(cacheFolder(root), `git-state-${createHash("sha1").update(`${root}|${SAVED_FORMAT}`).digest("hex").slice(0, 12)}.json`);
}

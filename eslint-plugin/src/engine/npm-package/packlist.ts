/**
 * Would `npm publish` ship this file? npm-packlist's rules (npm 10/11), for one path, in JS with
 * `ignore` (gitignore syntax, as npm-packlist's ignore-walk uses):
 * - the package root's rules, in npm's order: its default excludes, then `files` from
 *   package.json (everything excluded, each entry re-included; `!` entries exclude), else the
 *   root `.npmignore`, else the root `.gitignore`; then the strict always-excluded list;
 * - each folder below applies its own `.npmignore` (else `.gitignore`), deeper folders last;
 * - ignore files above the package root are never read (a repository's .gitignore does not
 *   protect a package in a sub-folder).
 * Known difference: npm walks into an excluded folder when a `!` line could re-include something
 * in it (`src` then `!src/.env.local`); KeyFence, like git, does not, so it under-reports there.
 * npm-packlist itself walks the whole package asynchronously from an Arborist tree; this answers
 * one path synchronously. The tests compare it with `npm pack --dry-run --json`.
 */
import ignore, { type Ignore } from "ignore";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { derive, readText } from "../gitignore/file-cache";

export interface PackageJson {
  name?: string;
  private?: boolean;
  files?: unknown;
  scripts?: unknown;
}

export interface PublishVerdict {
  published: boolean;
  /** What decided: "files", ".npmignore", ".gitignore" (of the folder that decided), or "default". */
  decidedBy: string;
}

/** npm-packlist's default excludes (gitignore syntax, relative to each folder). */
const DEFAULTS = [
  ".npmignore", ".gitignore", "**/.git", "**/.svn", "**/.hg", "**/CVS", "**/.git/**", "**/.svn/**", "**/.hg/**", "**/CVS/**",
  "/.lock-wscript", "/.wafpickle-*", "/build/config.gypi", "npm-debug.log", "**/.npmrc", ".*.swp", ".DS_Store", "**/.DS_Store/**",
  "._*", "**/._*/**", "*.orig", "/archived-packages/**",
];
const STRICT_ROOT = ["/.git", "/node_modules", ".npmrc", "/package-lock.json", "/yarn.lock", "/pnpm-lock.yaml", "/bun.lockb"];

export function readPackageJson(dir: string): PackageJson | undefined {
  return derive(join(dir, "package.json"), "package-json", (text) => {
    if (text === undefined) return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as PackageJson) : undefined;
    } catch {
      return undefined;
    }
  });
}

/** `files` as npm reads it: strings only. Undefined when absent (then ignore files decide). */
export function filesOf(pkg: PackageJson): string[] | undefined {
  return Array.isArray(pkg.files) ? pkg.files.filter((entry): entry is string => typeof entry === "string") : undefined;
}

/**
 * Whether `path` (package-relative, forward slashes) would be in the tarball. Like npm's walk:
 * a folder that is excluded is never entered, so each parent folder is judged first.
 */
export function publishVerdict(packageDir: string, pkg: PackageJson, path: string): PublishVerdict {
  const parts = path.split("/").filter(Boolean);
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = entryVerdict(packageDir, pkg, parts.slice(0, depth), true);
    if (!folder.published) return folder;
  }
  return entryVerdict(packageDir, pkg, parts, false);
}

/** One entry: every folder from the package root down to its parent applies its rules, deeper last. */
function entryVerdict(packageDir: string, pkg: PackageJson, parts: string[], isDir: boolean): PublishVerdict {
  let published = true;
  let decidedBy = "default";
  const apply = (rules: Ignore | undefined, relative: string, source: string) => {
    if (!rules) return;
    const result = rules.test(relative);
    if (result.ignored) [published, decidedBy] = [false, source];
    else if (result.unignored) [published, decidedBy] = [true, source];
  };
  for (let depth = 0; depth < parts.length; depth++) {
    const folder = join(packageDir, ...parts.slice(0, depth));
    const relative = parts.slice(depth).join("/") + (isDir ? "/" : "");
    const prefix = parts.slice(0, depth).join("/");
    apply(compiled(DEFAULTS), relative, "default");
    const files = depth === 0 ? filesOf(pkg) : undefined;
    if (files) apply(filesRules(packageDir, files), relative, "files");
    else {
      const own = ignoreFileOf(folder);
      if (own) apply(own.rules, relative, prefix ? `${prefix}/${own.name}` : own.name);
    }
    if (depth === 0) apply(compiled(STRICT_ROOT), relative, "default");
  }
  return { published, decidedBy };
}

/** The folder's `.npmignore`, else its `.gitignore` (npm reads one of them, never both). */
function ignoreFileOf(folder: string): { name: string; rules: Ignore } | undefined {
  for (const name of [".npmignore", ".gitignore"]) {
    const path = join(folder, name);
    if (readText(path) === undefined) continue;
    return { name, rules: derive(path, "npm-ignore", (text) => ignore().add(text ?? "")) };
  }
  return undefined;
}

const compiledLists = new Map<string, Ignore>();
function compiled(lines: readonly string[]): Ignore {
  const key = lines.join("\n");
  let hit = compiledLists.get(key);
  if (!hit) {
    hit = ignore().add(key);
    compiledLists.set(key, hit);
  }
  return hit;
}

/** npm-packlist's translation of `files`: exclude everything, re-include each entry (folders with all they hold). */
function filesRules(packageDir: string, files: string[]): Ignore {
  const lines = ["*"];
  const exclusions: string[] = [];
  for (let file of files) {
    if (file.startsWith("./")) file = file.slice(1);
    if (file.endsWith("/*")) file += "*";
    const bare = file.replace(/^!+/, "");
    // A `!` entry excludes what it names (npm turns it into a double negation).
    if (file.startsWith("!")) {
      exclusions.push(bare, ...(isDirectory(join(packageDir, bare)) ? [`${bare}/**`] : []));
      continue;
    }
    lines.push(`!${file}`);
    if (isDirectory(join(packageDir, bare))) lines.push(`!${file.replace(/\/+$/, "")}/**`);
  }
  return compiled([...lines, ...exclusions]);
}

function isDirectory(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

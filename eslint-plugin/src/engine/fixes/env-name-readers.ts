/**
 * Which code files of a project name an env var: a rename of NEXT_PUBLIC_X to X must change every
 * one of them with the env files, and is safe only where each of them runs on the server (in
 * browser code X is undefined at run time, and a secret read there is no-client-secrets' finding).
 * Text only (a whole-word match), so a mention in a string or comment counts too: a rename then
 * changes it as well, and the server-only question stays on the safe side.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ProjectFiles } from "./project-files";

export const CODE_FILE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro)$/;

/** Build output, dependencies and tool folders: never where the app reads its env. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "out", "coverage", "public", "static"]);

/** A project bigger than this is not listed: the caller treats the answer as unknown. */
const MAX_ENTRIES = 20_000;

export interface EnvNameReader {
  file: string;
  text: string;
  /** A `.d.ts` file (Vite's `ImportMetaEnv`): types only, it runs nowhere. */
  declarations: boolean;
}

/**
 * Code files under `dir` whose text names `name` as a whole word, or undefined when the project
 * is too big to list (then a rename cannot know it changes every reader, and is not offered).
 */
export function envNameReaders(dir: string, name: string, files: ProjectFiles): EnvNameReader[] | undefined {
  const word = wordOf(name);
  const readers: EnvNameReader[] = [];
  const listed = eachCodeFile(dir, files, (file, text) => {
    if (text.includes(name) && word.test(text)) readers.push({ file, text, declarations: /\.d\.[cm]?ts$/.test(file) });
  });
  return listed ? readers : undefined;
}

/**
 * Which of `names` any code file under `dir` names, in one walk (an env file's several public
 * secrets ask together), or undefined when the project is too big to list.
 */
export function namesReadByCode(dir: string, names: string[], files: ProjectFiles): Set<string> | undefined {
  const words = names.map((name) => [name, wordOf(name)] as const);
  const read = new Set<string>();
  const listed = eachCodeFile(dir, files, (_file, text) => {
    for (const [name, word] of words) if (!read.has(name) && text.includes(name) && word.test(text)) read.add(name);
  });
  return listed ? read : undefined;
}

/** Env var names are `\w+`: a whole-word match needs no escaping. */
function wordOf(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`);
}

/** Calls `visit` with each code file's text under `dir`; false when the project is too big to list. */
function eachCodeFile(dir: string, files: ProjectFiles, visit: (file: string, text: string) => void): boolean {
  const queue = [dir];
  let seen = 0;
  for (let head = 0; head < queue.length; head++) {
    let entries;
    try {
      entries = readdirSync(queue[head], { withFileTypes: true });
    } catch {
      continue;
    }
    seen += entries.length;
    if (seen > MAX_ENTRIES) return false;
    for (const entry of entries) {
      const full = join(queue[head], entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIPPED_DIRS.has(entry.name)) queue.push(full);
      } else if (entry.isFile() && CODE_FILE.test(entry.name)) {
        const text = files.read(full);
        if (text !== undefined) visit(full, text);
      }
    }
  }
  return true;
}

/**
 * What reaches a Docker image from the build context: the .dockerignore decides what the
 * context holds, then `COPY`/`ADD` sources decide what goes into a stage.
 *
 * .dockerignore matching uses `@balena/dockerignore`, a port of Docker's own matcher (Go
 * `filepath.Match` per segment, `**`, `!` exceptions, patterns anchored at the context root,
 * a file inside an excluded folder still re-includable). Docker's rules differ from git's:
 * `.env` there only means the context root's `.env`, so KeyFence writes `**\/.env`. The tests
 * compare it with the context the real `docker build` CLI sends.
 * COPY sources use the same per-segment wildcards (`minimatch` with `dot`, no globstar, as Go's
 * `filepath.Match`); a source naming a folder copies everything under it.
 */
import dockerignore from "@balena/dockerignore";
import { minimatch } from "minimatch";
import { derive } from "../gitignore/file-cache";
import type { ContextCopy } from "./dockerfile";

type Matcher = ReturnType<typeof dockerignore>;

export interface ContextVerdict {
  excluded: boolean;
  /** A `!` line of the .dockerignore that brings the path back in: a decision, not an omission. */
  reincludedBy?: string;
}

function compile(text: string | undefined): { matcher: Matcher; negations: string[] } {
  const lines = (text ?? "").split(/\r?\n/);
  const matcher = dockerignore().add(lines);
  const negations = lines.map((line) => line.trim()).filter((line) => line.startsWith("!"));
  return { matcher, negations };
}

const compiledTexts = new Map<string, ReturnType<typeof compile>>();

function compiled(ignoreFile: string, text: string | undefined, fromDisk: boolean): ReturnType<typeof compile> {
  if (fromDisk) return derive(ignoreFile, "dockerignore", compile);
  const key = text ?? "";
  let hit = compiledTexts.get(key);
  if (!hit) {
    if (compiledTexts.size > 32) compiledTexts.clear();
    hit = compile(text);
    compiledTexts.set(key, hit);
  }
  return hit;
}

/**
 * Whether the .dockerignore keeps `path` (context-relative) out of the context. `text` is the
 * .dockerignore's unsaved text when the caller has one; otherwise the file on disk is read.
 */
export function contextVerdict(ignoreFile: string, path: string, text?: string): ContextVerdict {
  const { matcher, negations } = compiled(ignoreFile, text, text === undefined);
  let excluded: boolean;
  try {
    excluded = matcher.ignores(path);
  } catch {
    return { excluded: false };
  }
  if (excluded) return { excluded };
  const reincludedBy = negations.findLast((negation) => singlePatternExcludes(negation.slice(1), path));
  return { excluded, reincludedBy };
}

function singlePatternExcludes(pattern: string, path: string): boolean {
  try {
    return dockerignore().add(pattern).ignores(path);
  } catch {
    return false;
  }
}

export interface CopyMatch {
  copy: ContextCopy;
  source: string;
  /** The source names this very file (no wildcard, not a folder): the Dockerfile wants it. */
  explicit: boolean;
}

/** The first COPY/ADD that takes `path` (context-relative) into a stage. */
export function copyOf(copies: readonly ContextCopy[], path: string): CopyMatch | undefined {
  const parts = path.split("/");
  for (const copy of copies) {
    for (const [index, source] of copy.sources.entries()) {
      const segments = normalizedSources(copy)[index];
      if (segments.length > parts.length) continue;
      if (!segments.every((segment, index) => segmentMatches(parts[index], segment))) continue;
      const explicit = segments.length === parts.length && !/[*?[\]]/.test(source);
      return { copy, source, explicit };
    }
  }
  return undefined;
}

const normalized = new WeakMap<ContextCopy, string[][]>();

function normalizedSources(copy: ContextCopy): string[][] {
  let hit = normalized.get(copy);
  if (!hit) {
    hit = copy.sources.map(normalizeSource);
    normalized.set(copy, hit);
  }
  return hit;
}

/** `./src/`, `/src`, `src` → ["src"]; `.` and `./` → [] (the whole context). */
function normalizeSource(source: string): string[] {
  return source.split("/").filter((segment) => segment !== "" && segment !== ".");
}

function segmentMatches(name: string, pattern: string): boolean {
  if (!/[*?[\]\\]/.test(pattern)) return name === pattern;
  return minimatch(name, pattern, { dot: true, noglobstar: true, nobrace: true, noext: true });
}

/**
 * Does a project's own code read a secret-looking env variable (`process.env.OPENAI_API_KEY`,
 * `import.meta.env.VITE_GEMINI_KEY`, `const { GROQ_API_KEY } = process.env`, SvelteKit's
 * `$env/static/private`, Astro's `astro:env/server`)? A `.env` that does not exist yet only needs
 * ignoring when someone will put a secret in it, and that is when code reads one: a Vite frontend
 * that reads no secret is not asked to ignore a `.env` it does not have.
 *
 * A text scan, not a parse: it runs over every source file of the project (each file's answer is
 * cached by path and modification time), and a read inside a comment only makes it ask for the
 * entry, the cautious side.
 */
import { isSecretEnvName } from "../client/env-names";
import { derive } from "./file-cache";
import { projectSourceFiles } from "./project-code";

const SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;
const MAX_BYTES = 1_000_000;

// Linear: each pattern is anchored on a literal and its repeats are bounded by a class that
// cannot run past the next delimiter.
// `process?.env` and `(process as any).env` too: a module that must also run where there is no
// `process` (Rustam-gif/vocab's Expo config) never spells `process.env`.
const ENV_OBJECT = String.raw`(?:process\??\.env|\(process as \w{1,20}\)\??\.env|import\.meta\.env|Bun\.env)`;
const MEMBER_READ = new RegExp(String.raw`${ENV_OBJECT}\s*(?:\?\.|\.)\s*([A-Za-z_]\w*)|${ENV_OBJECT}\s*\[\s*["'\x60]([A-Za-z_]\w*)|Deno\.env\.get\(\s*["'\x60]([A-Za-z_]\w*)`, "g");
const DESTRUCTURED = new RegExp(String.raw`\{([^{}]*)\}\s*=\s*${ENV_OBJECT}\b`, "g");
const PRIVATE_MODULE = /import\s*\{([^{}]*)\}\s*from\s*["'](?:\$env\/static\/private|astro:env\/server)["']/g;
const NAME = /[A-Za-z_]\w*/g;

/**
 * One walk per project folder serves every question asked within a few seconds (a lint run asks
 * once per env-file candidate); each file's answer is cached by path and mtime in any case.
 */
const FRESH_MS = 5000;
const recent = new Map<string, { at: number; reads: boolean }>();

export function clearSecretEnvReadsCache(): void {
  recent.clear();
}

/** True when a source file of the project in `dir` (not of a nested package) reads a secret-looking env name. */
export function projectReadsSecretEnv(dir: string): boolean {
  const cached = recent.get(dir);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.reads;
  const reads = walkReadsSecretEnv(dir);
  recent.set(dir, { at: Date.now(), reads });
  return reads;
}

function walkReadsSecretEnv(dir: string): boolean {
  for (const path of projectSourceFiles(dir, SOURCE)) {
    if (derive(path, "readsSecretEnv", (text) => text !== undefined && text.length <= MAX_BYTES && readsSecretEnv(text))) return true;
  }
  return false;
}

/** The env names `text` reads that look like secrets: any at all is enough. */
export function readsSecretEnv(text: string): boolean {
  if (!/env/.test(text)) return false;
  for (const match of text.matchAll(MEMBER_READ)) {
    if (isSecretEnvName(match[1] ?? match[2] ?? match[3]) && !setsOrDeletes(text, match.index, match.index + match[0].length)) return true;
  }
  for (const pattern of [DESTRUCTURED, PRIVATE_MODULE]) {
    for (const match of text.matchAll(pattern)) {
      for (const [name] of match[1].matchAll(NAME)) if (isSecretEnvName(name)) return true;
    }
  }
  return false;
}

/**
 * `process.env.API_KEY = value` or `delete process.env.API_KEY`: the code sets or removes the variable
 * and reads nothing (AhmedTolbh/WitnessLive's extension fills `window.process.env.API_KEY` from its own
 * storage, batch 92). Reads a few characters on each side of the match only.
 */
function setsOrDeletes(text: string, start: number, end: number): boolean {
  if (/\bdelete\s{1,20}(?:window\.|globalThis\.)?$/.test(text.slice(Math.max(0, start - 40), start))) return true;
  return /^["'\x60]?\s{0,20}\]?\s{0,20}=(?![=>])/.test(text.slice(end, end + 50));
}

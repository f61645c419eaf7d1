/**
 * Does a project's own code read a secret-looking env variable (`process.env.OPENAI_API_KEY`,
 * `import.meta.env.VITE_GEMINI_KEY`, `const { GROQ_API_KEY } = process.env`, SvelteKit's
 * `$env/static/private`, Astro's `astro:env/server`; in a wrangler project, a Worker's
 * `env.OPENAI_API_KEY`)? A `.env` that does not exist yet only needs
 * ignoring when someone will put a secret in it, and that is when code reads one: a Vite frontend
 * that reads no secret is not asked to ignore a `.env` it does not have.
 *
 * A text scan, not a parse: it runs over every source file of the project (each file's answer is
 * cached by path and modification time), and a read inside a comment only makes it ask for the
 * entry, the cautious side.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
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

// A Worker's or Pages Function's bindings, whatever holds them: `fetch(request, env)` and
// `{ request, env } = context` (1837620622/Diviner's Pages Functions, batch 150), Hono's `c.env`,
// a Durable Object's `this.env`; `const { GROQ_API_KEY } = env` or `= c.env`. Linear as above: the
// prefix before `env` repeats a bounded, dot-ended name at most four times.
const BINDINGS = String.raw`(?<![\w$])env`;
const BINDING_READ = new RegExp(String.raw`${BINDINGS}\s*(?:\?\.|\.)\s*([A-Za-z_]\w*)|${BINDINGS}\s*\[\s*["'\x60]([A-Za-z_]\w*)`, "g");
const BINDINGS_DESTRUCTURED = /\{([^{}]*)\}\s*=\s*(?:[\w$]{1,40}\??\.){0,4}env\b/g;
/** Wrangler loads `.env` / `.env.local` into the bindings, from the folder of its config, when there is no `.dev.vars`. */
const WRANGLER_CONFIGS = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];

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
  const worker = isWranglerProject(dir);
  const readsIn = (path: string, key: string, reads: (text: string) => boolean) => derive(path, key, (text) => text !== undefined && text.length <= MAX_BYTES && reads(text));
  for (const path of projectSourceFiles(dir, SOURCE)) {
    if (readsIn(path, "readsSecretEnv", readsSecretEnv) || (worker && readsIn(path, "readsSecretBinding", readsSecretBinding))) return true;
  }
  return false;
}

/**
 * A wrangler config in `dir`: its Workers and Pages Functions read their secrets from `env`, which
 * wrangler fills from `dir/.env` and `dir/.env.local` when there is no `.dev.vars`. Outside such a
 * project a bare `env.NAME` is anything (Vite's `loadEnv()` result, t3-env's `env`), so not counted.
 */
function isWranglerProject(dir: string): boolean {
  return WRANGLER_CONFIGS.some((name) => existsSync(join(dir, name)));
}

/** The env names `text` reads that look like secrets: any at all is enough. */
export function readsSecretEnv(text: string): boolean {
  return readsSecretName(text, MEMBER_READ, [DESTRUCTURED, PRIVATE_MODULE]);
}

/** The bindings a Worker's `text` reads (`env.OPENAI_API_KEY`, `c.env.GROQ_API_KEY`) that look like secrets. */
export function readsSecretBinding(text: string): boolean {
  return readsSecretName(text, BINDING_READ, [BINDINGS_DESTRUCTURED]);
}

/** A secret-looking name read by `memberRead` (its first group that matched) or listed in the braces of a `lists` match. */
function readsSecretName(text: string, memberRead: RegExp, lists: RegExp[]): boolean {
  if (!/env/.test(text)) return false;
  for (const match of text.matchAll(memberRead)) {
    if (isSecretEnvName(match[1] ?? match[2] ?? match[3]) && !setsOrDeletes(text, match.index, match.index + match[0].length)) return true;
  }
  for (const pattern of lists) {
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

/**
 * "Rename NEXT_PUBLIC_OPENAI_API_KEY to OPENAI_API_KEY": a public prefix makes the framework
 * inline the value into the browser bundle. The name changes in every code file of the project
 * that reads it and in every env file together (one plan), so nothing is left reading the old
 * name. Offered only when every reader runs on the server alone: browser code would read
 * undefined after the rename (and a secret read there is no-client-secrets' finding); there the
 * fix is "Move this AI call to a server route". The same plan is offered from the code file and
 * from the env file.
 */
import { basename, join, resolve } from "node:path";
import { parseSource } from "../ast";
import { runsOnlyOnServer } from "../client/index";
import type { FileEdit, FixPlan } from "../finding";
import { readEnvFile } from "./env-file-text";
import { CODE_FILE, type EnvNameReader, envNameReaders } from "./env-name-readers";
import { ENV_FILE_NAMES, projectOf } from "./project";
import type { ProjectFiles } from "./project-files";

export interface RenamePublicSecretInput {
  /** The code file or env file the finding is in. */
  file: string;
  text: string;
  /** The public name, e.g. NEXT_PUBLIC_OPENAI_API_KEY. */
  name: string;
  /** The prefix to drop, e.g. NEXT_PUBLIC_. */
  prefix: string;
  files: ProjectFiles;
  stopDir?: string;
}

export function renamePublicSecret(input: RenamePublicSecretInput): FixPlan | undefined {
  const { file, text, name, prefix, files, stopDir } = input;
  if (!name.startsWith(prefix) || name.length === prefix.length || !/^\w+$/.test(name)) return undefined;
  const newName = name.slice(prefix.length);
  const project = projectOf(files, file, stopDir);
  const readers = envNameReaders(project.dir, name, files);
  if (!readers) return undefined;
  const fromCode = CODE_FILE.test(file);
  if (fromCode && !readers.some((reader) => resolve(reader.file) === resolve(file))) readers.push({ file, text, declarations: false });

  const edits: FileEdit[] = [];
  for (const reader of readers) {
    // The finding's own file as the editor holds it (unsaved text is what the user sees).
    const readerText = resolve(reader.file) === resolve(file) ? text : reader.text;
    const readerEdits = codeEdits({ ...reader, text: readerText }, name, newName);
    if (!readerEdits) return undefined;
    edits.push(...readerEdits);
  }
  const skipped: string[] = [];
  if (!fromCode) {
    // This env file already defines the new name too: it keeps both, for the user to choose.
    if (readEnvFile(text).entries.some((e) => e.name === newName)) skipped.push(basename(file));
    else edits.push(...envNameRanges(text, name).map((range): FileEdit => ({ kind: "replace", file, range, text: newName })));
  }
  if (edits.length === 0) return undefined;

  for (const envName of ENV_FILE_NAMES) {
    const envFile = join(project.dir, envName);
    if (resolve(envFile) === resolve(file)) continue;
    const envText = files.read(envFile);
    if (envText === undefined) continue;
    const entries = readEnvFile(envText).entries;
    if (!entries.some((e) => e.name === name)) continue;
    if (entries.some((e) => e.name === newName)) {
      skipped.push(envName);
      continue;
    }
    for (const range of envNameRanges(envText, name)) edits.push({ kind: "replace", file: envFile, range, text: newName });
  }
  const notes = [`${newName} is no longer sent to the browser: read it in server code only.`];
  const changed = new Set(readers.map((reader) => reader.file));
  if (changed.size > 1) notes.push(`Renamed in ${changed.size} files that read it.`);
  if (skipped.length) notes.push(`${skipped.join(", ")} already define ${newName}; ${name} was left there for you to remove.`);
  return { title: `Rename ${name} to ${newName} (keep it server-side)`, edits, isPreferred: true, note: notes.join(" ") };
}

/**
 * The edits that rename `name` in one code file, or undefined when that file may run in the
 * browser (or cannot be parsed, so nobody can tell).
 */
function codeEdits(reader: EnvNameReader, name: string, newName: string): FileEdit[] | undefined {
  const { file, text } = reader;
  const edits: FileEdit[] = wordRanges(text, name).map((range) => ({ kind: "replace", file, range, text: newName }));
  if (reader.declarations) return edits;
  const svelteKit = svelteKitModuleEdit(file, text, name);
  if (svelteKit === "refuse") return undefined;
  if (svelteKit) edits.push(svelteKit);
  // `$env/dynamic/public` types its `env` with PUBLIC_ names only: left to the user.
  if (text.includes("$env/dynamic/public")) return undefined;
  if (!/\.[cm]?[jt]sx?$/.test(file)) return undefined; // .svelte, .vue, .astro: components, they may run in the browser
  const source = parseSource(file, text, { loc: false });
  if (!source || !runsOnlyOnServer(source)) return undefined;
  return edits;
}

/**
 * SvelteKit reads a public name as an import from `$env/static/public`, which exports only
 * `PUBLIC_` names: the renamed one must come from `$env/static/private`, which SvelteKit lets only
 * server-only modules import (`+server.ts`, `*.server.ts`, `$lib/server/`). Elsewhere the module
 * may reach the browser, where the fix is a server route, not a rename: "refuse". An import that
 * also brings other public names is left to the user ("refuse" too).
 */
function svelteKitModuleEdit(file: string, text: string, name: string): FileEdit | "refuse" | undefined {
  const importPattern = /import\s*\{([^{}]*)\}\s*from\s*(["'])\$env\/static\/public\2/g;
  for (const match of text.matchAll(importPattern)) {
    const imported = match[1].split(",").map((part) => part.trim().split(/\s+as\s+/)[0]).filter(Boolean);
    if (!imported.includes(name)) continue;
    if (imported.length > 1 || !SVELTEKIT_SERVER_ONLY.test(file.split("\\").join("/"))) return "refuse";
    const start = match.index + match[0].lastIndexOf("$env/static/public");
    return { kind: "replace", file, range: { start, end: start + "$env/static/public".length }, text: "$env/static/private" };
  }
  return undefined;
}

const SVELTEKIT_SERVER_ONLY = /(?:\/\+server|\.server)\.[cm]?[jt]s$|\/lib\/server\//;

/** Whole-word occurrences of `word` in code. */
function wordRanges(text: string, word: string): Array<{ start: number; end: number }> {
  const ranges = [];
  const pattern = new RegExp(`(?<![A-Za-z0-9_$])${word}(?![A-Za-z0-9_$])`, "g");
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) ranges.push({ start: m.index, end: m.index + word.length });
  return ranges;
}

/** Where `NAME=` starts a line of an env file (with optional `export `). */
function envNameRanges(text: string, name: string): Array<{ start: number; end: number }> {
  const ranges = [];
  const pattern = new RegExp(`^([ \\t]*(?:export[ \\t]+)?)${name}[ \\t]*=`, "gm");
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index + m[1].length;
    ranges.push({ start, end: start + name.length });
  }
  return ranges;
}



/**
 * What configs.recommended lints a file as, by its name: one config object covers JS/TS source,
 * `.env*` files and `.gitignore` (the KeyFence parser gives the last two an empty Program), so
 * every rule asks this first and stays silent on the kinds it is not about.
 */
import { basename } from "node:path";
import { isComponentFile } from "../engine/component-code";
import { isEnvFileName } from "../engine/env-files/names";
import { isTextWithNulBytes as hasOnlyNulControls } from "../engine/gitignore/file-cache";

export type FileKind = "source" | "env" | "gitignore" | "other";

/** Extensions the TypeScript parser reads (`.env.ts`, `.env.d.ts`, `.env.mjs` are code, not env files). */
const CODE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
/** JSON named like an env file (`.env.json`): neither code nor dotenv. (YAML-ish `NAME: value` is dotenv.) */
const DATA_EXTENSION = /\.(?:json5?|jsonc)$/i;

export function fileKind(filename: string): FileKind {
  const name = basename(filename);
  if (name === ".gitignore") return "gitignore";
  if (isEnvFileName(name)) {
    if (CODE_EXTENSION.test(name)) return "source";
    return DATA_EXTENSION.test(name) ? "other" : "env";
  }
  // Anything else (including ESLint's `<input>` for stdin) is what the TypeScript parser reads.
  return "source";
}

/** JS/TS code: the only files the code rules look at. Call first in a code rule's create(). */
export function isSourceFile(filename: string): boolean {
  return fileKind(filename) === "source";
}

/** What configs.components sets in its settings (eslint-plugin/src/index.ts). */
export const COMPONENTS_SETTING = "keyfenceComponents";

/**
 * Whether a code rule reads this file: JS/TS code or a component, but not a code block that a
 * component's processor hands ESLint (eslint-plugin-astro's client scripts, `page.astro/1.ts`)
 * when configs.components, whose settings reach that block, reads the whole component: every
 * finding in the block would be reported twice.
 */
export function readsCode(context: { filename: string; physicalFilename: string; settings: Record<string, unknown> }): boolean {
  if (!isSourceFile(context.filename)) return false;
  const blockOfComponent = context.filename !== context.physicalFilename && isComponentFile(context.physicalFilename);
  return !(blockOfComponent && context.settings[COMPONENTS_SETTING] === true);
}

/** Bigger than any hand-written env or ignore file: linted as empty instead of scanned. */
export const MAX_TEXT_FILE_LENGTH = 1024 * 1024;

/**
 * An env or .gitignore text worth analysing: not binary, not huge. Such files get an empty
 * Program and the rules must not report on them either (a fix computed on them could only
 * damage the file).
 */
export function isReadableTextFile(text: string): boolean {
  return text.length <= MAX_TEXT_FILE_LENGTH && !text.includes("\0");
}

/** A .gitignore that is text but for NUL bytes (a UTF-16 line), within the size a text file may have. */
export function isTextWithNulBytes(text: string): boolean {
  return text.length <= MAX_TEXT_FILE_LENGTH && hasOnlyNulControls(text);
}

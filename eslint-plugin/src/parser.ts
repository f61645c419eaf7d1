/**
 * The parser of configs.recommended. One config object lints JS/TS, `.env*` and `.gitignore`
 * files (ESLint takes no nested arrays in eslint.config.js, so "one line of config" means one
 * object), the way `any-eslint-parser` and `jsonc-eslint-parser` bring other files under
 * ESLint's JavaScript language:
 * - it is the default parser of configs.recommended's language (see language.ts), used only where
 *   no config sets a parser: plain JS goes to espree, TypeScript to @typescript-eslint/parser
 *   (code named like env files, `.env.ts`, `.env.mjs`, is code);
 * - env and .gitignore files become an empty `Program` whose comments are the file's `#`
 *   lines. configs.recommended hands these files to no parser at all (its processor gives ESLint
 *   no code block, see env-files-processor.ts); this stays for configs that route them here.
 */
import type * as TsParser from "@typescript-eslint/parser";
import type { visitorKeys } from "@typescript-eslint/visitor-keys";
import { eslintJavaScriptLanguage } from "./util/eslint-javascript";
import { fileKind, isReadableTextFile } from "./util/file-kind";
import { lineStarts, positionAt } from "./util/line-positions";

const { version } = require("../package.json") as { version: string };

interface Position {
  line: number;
  column: number;
}

interface TextComment {
  type: "Line" | "Block";
  value: string;
  range: [number, number];
  loc: { start: Position; end: Position };
}

export interface TextProgram {
  type: "Program";
  body: [];
  sourceType: "module" | "script";
  range: [number, number];
  loc: { start: Position; end: Position };
  tokens: [];
  comments: TextComment[];
}

interface ParseOptions {
  filePath?: string;
  sourceType?: string;
  [option: string]: unknown;
}

export const meta = { name: "eslint-plugin-keyfence/parser", version };

export type ParseResult =
  | ReturnType<typeof TsParser.parseForESLint>
  | { ast: TextProgram; visitorKeys: typeof visitorKeys }
  /** espree's ESTree Program: ESLint adds its own scope analysis and visitor keys. */
  | { ast: object };

export function parseForESLint(code: string, options: ParseOptions = {}): ParseResult {
  const kind = fileKind(options.filePath ?? "");
  if (kind === "source") {
    if (isJavaScriptFile(options.filePath)) return { ast: eslintJavaScriptLanguage().defaultLanguageOptions.parser.parse(code, options) as object };
    return typeScriptParser().parseForESLint(code, options as TsParser.ParserOptions);
  }
  // No scopeManager: ESLint analyses the (empty) scope itself. The keys are loaded here, not when
  // the plugin is imported: a warm `--cache` run parses nothing (issue 11).
  const keys = (require("@typescript-eslint/visitor-keys") as { visitorKeys: typeof visitorKeys }).visitorKeys;
  return { ast: textProgram(code, kind === "other" ? "" : code, options.sourceType), visitorKeys: keys };
}

let tsParser: typeof TsParser | undefined;

/**
 * Loaded on the first TypeScript file this parser is given: where the user's config sets a parser
 * (most do), this one is never used, and its typescript-eslint copy (with its scope manager, a few
 * hundred modules) need not load.
 */
function typeScriptParser(): typeof TsParser {
  return (tsParser ??= require("@typescript-eslint/parser") as typeof TsParser);
}

/**
 * Plain JavaScript goes to espree, ESLint's own default, so a project that set no parser gets
 * exactly what it got before KeyFence: the same AST and ESLint's own scope analysis.
 * TypeScript (and stdin, which has no name) goes to @typescript-eslint/parser.
 */
function isJavaScriptFile(filePath: string | undefined): boolean {
  return /\.(?:[cm]?js|jsx)$/i.test(filePath ?? "");
}

/** ESLint's `parse()` fallback: the AST alone. */
export function parse(code: string, options: ParseOptions = {}): ParseResult["ast"] {
  return parseForESLint(code, options).ast;
}

/**
 * An empty Program spanning `code`. `readable` is the text whose `#` lines become comments:
 * "" for binary or huge files (linted as empty, quietly).
 */
export function textProgram(code: string, readable = code, sourceType?: string): TextProgram {
  const starts = lineStarts(code);
  const at = (index: number) => positionAt(starts, index);
  return {
    type: "Program",
    body: [],
    sourceType: sourceType === "script" ? "script" : "module",
    range: [0, code.length],
    loc: { start: at(0), end: at(code.length) },
    tokens: [],
    comments: isReadableTextFile(readable) ? hashComments(readable, starts, at) : [],
  };
}

/**
 * `eslint-disable` / `eslint-enable` (the region forms) only work in Block comments; every other
 * `#` line is a Line comment, on which ESLint honours nothing but `eslint-disable-line` and
 * `eslint-disable-next-line`. So a `.gitignore` line such as `# eslint cache` is not read as an
 * inline rule config (which would be an error), while `# eslint-disable` still covers the file.
 */
const REGION_DIRECTIVE = /^[ \t]*eslint-(?:disable|enable)(?:[ \t]|$)/;

/** One comment per line whose first non-blank character is `#` (both file kinds' only comment form). */
function hashComments(text: string, starts: number[], at: (index: number) => Position): TextComment[] {
  const comments: TextComment[] = [];
  for (let index = 0; index < starts.length; index++) {
    let start = starts[index];
    const next = index + 1 < starts.length ? starts[index + 1] - 1 : text.length;
    const end = next > start && text[next - 1] === "\r" ? next - 1 : next;
    while (start < end && (text[start] === " " || text[start] === "\t")) start++;
    // ESLint hands parsers a first-line `#!` as `//!`: that is the shebang, never a directive.
    if (text[start] !== "#") continue;
    const value = text.slice(start + 1, end);
    const type = REGION_DIRECTIVE.test(value) ? "Block" : "Line";
    comments.push({ type, value, range: [start, end], loc: { start: at(start), end: at(end) } });
  }
  return comments;
}

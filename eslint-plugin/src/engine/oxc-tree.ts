/**
 * The tree of a file ESLint is not linting right now (a module a route imports, a controller's
 * module, a key's defining file), parsed by oxc-parser instead of TypeScript-ESTree.
 *
 * These files are read only for what they export, never reported in, so they are parsed with no
 * locations and no comments; on the Vercel AI SDK's examples that re-parse was 445 ms of KeyFence's
 * 2.7 s, and oxc builds the same tree in about a fifth of the time (bench/performance-log.md,
 * 6 December 2026). With `astType: "ts"` oxc's tree is TS-ESTree's: over 24,243 JS/TS files
 * (vercel/ai's tree and 217 real apps' snapshots) node types, ranges and values are the same but for
 *   - `null` where TypeScript-ESTree leaves a field out (`typeAnnotation`, `typeArguments`,
 *     `directive`…): the engine tests those fields by truthiness or `?.`, never against `undefined`;
 *   - JSX text and attribute strings that keep their HTML entities (`&apos;`, 276 files), which no
 *     reader of these trees looks at; `sourceType` (unread) in `.cjs` and declaration files; a
 *     template's `raw` with CRLF as LF (6); a decorated parameter's range (5); regex flag order (4).
 * oxc stops where TypeScript-ESTree recovers (`const limit;`, a const with no value): such files,
 * files nested deeper than oxc's native stack survives (./client/parse-depth), components and a
 * platform without the binary go the usual way.
 */
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { loadedParser } from "./client/native";
import { tooDeepForNativeParser } from "./client/parse-depth";
import { blankNonCode } from "./client/scan";

/**
 * oxc infers the language from the extension and allows no JSX in `.js`; TypeScript-ESTree allows it
 * in every non-TS file. A declaration file's `export const x: T;` is oxc's "dts".
 */
function langOf(file: string): "ts" | "tsx" | "jsx" | "dts" | undefined {
  if (/\.d\.[cm]?ts$/i.test(file)) return "dts";
  if (/\.[cm]?ts$/i.test(file)) return "ts";
  if (/\.tsx$/i.test(file)) return "tsx";
  return /\.[cm]?jsx?$/i.test(file) ? "jsx" : undefined;
}

/** oxc's TS-ESTree tree of `text` (no locations, no comments, no `parent`), or undefined to parse it the usual way. */
export function oxcTree(file: string, text: string): TSESTree.Program | undefined {
  const lang = langOf(file);
  const parse = lang && loadedParser();
  if (!parse || tooDeepForNativeParser(blankNonCode(text))) return undefined;
  try {
    const result = parse(file, text, { lang, astType: "ts", range: true, preserveParens: false });
    return result.errors.some((error) => error.severity === "Error") ? undefined : (result.program as TSESTree.Program);
  } catch {
    return undefined;
  }
}

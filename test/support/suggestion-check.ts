/**
 * Every suggestion, applied, must leave code that parses and type-checks. `ruleTester()` wraps
 * each rule so that every suggestion it reports in any test case is applied to the file's text
 * and checked here; a suggestion that breaks the code fails that test case.
 *
 * - Parses: typescript-estree (the engine's parser), with JSX for .jsx/.tsx/.js.
 * - Type-checks (TypeScript files): an in-memory program over the single file with `noLib` and a
 *   tiny prelude (`declare const process`), compiled before and after; any diagnostic the
 *   suggestion adds fails. Errors the snippet already had (undeclared names, no JSX types) do
 *   not count, so test snippets need not be complete programs.
 *   Checked without strictNullChecks: `process.env.X` is `string | undefined` in a strict
 *   project, and where a declared `string` receives it, no syntactic fix knows the type.
 */
import { parse } from "@typescript-eslint/typescript-estree";
import ts from "typescript";
import { componentCode, isComponentFile } from "../../eslint-plugin/src/engine/component-code";

// The global types noLib leaves out, as loose as compiles: the check is about what a
// suggestion's own code does (a name it forgets to declare or import still fails), not lib.d.ts.
const PRELUDE = `
interface Array<T> { length: number; [n: number]: T; [name: string]: any; [Symbol.iterator](): IterableIterator<T> }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T }
interface TemplateStringsArray extends ReadonlyArray<string> { readonly raw: readonly string[] }
interface Boolean {} interface Function { [name: string]: any } interface CallableFunction {}
interface NewableFunction {} interface IArguments {} interface Number { [name: string]: any }
interface Object {} interface RegExp { [name: string]: any } interface Symbol {}
interface String { readonly length: number; [name: string]: any }
interface PromiseLike<T> { then(...args: any[]): any }
interface Promise<T> { then(...args: any[]): any; catch(...args: any[]): any; finally(...args: any[]): any }
declare var Promise: { new (...args: any[]): Promise<any>; [name: string]: any };
declare var Array: any, Boolean: any, Number: any, String: any, Object: any, Error: any;
interface SymbolConstructor { readonly iterator: unique symbol; [name: string]: any }
declare var Symbol: SymbolConstructor;
interface IteratorYieldResult<T> { done?: false; value: T }
interface IteratorReturnResult<T> { done: true; value: T }
type IteratorResult<T, R = any> = IteratorYieldResult<T> | IteratorReturnResult<R>;
interface Iterator<T, R = any, N = any> { next(...args: any[]): IteratorResult<T, R> }
interface Iterable<T> { [Symbol.iterator](): Iterator<T> }
interface IterableIterator<T> extends Iterator<T> { [Symbol.iterator](): IterableIterator<T> }
declare var Date: any, Math: any, JSON: any, console: any, fetch: any, setTimeout: any, clearTimeout: any, setInterval: any;
declare class Map<K, V> { constructor(...args: any[]); [name: string]: any; [Symbol.iterator](): IterableIterator<[K, V]> }
declare class Set<T> { constructor(...args: any[]); [name: string]: any; [Symbol.iterator](): IterableIterator<T> }
declare class Request { constructor(...args: any[]); [name: string]: any }
declare class Response { constructor(...args: any[]); [name: string]: any }
declare class Headers { constructor(...args: any[]); [name: string]: any }
declare class URL { constructor(...args: any[]); [name: string]: any }
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Record<K extends keyof any, T> = { [P in K]: T };
type Partial<T> = { [P in keyof T]?: T[P] };
declare module "node:http" { interface IncomingMessage { headers: any; socket: any } }
declare const process: { env: { [name: string]: string | undefined } };
`;

const OPTIONS: ts.CompilerOptions = {
  noLib: true,
  noEmit: true,
  strict: false,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.ES2022,
  downlevelIteration: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
};

/** What is wrong with `output` that was not wrong with `code`, as readable lines (empty: fine). */
export function suggestionProblems(filename: string, code: string, output: string): string[] {
  // A component (.vue, .svelte, .astro): its code, blanked as the engine reads it, checked as TypeScript.
  if (isComponentFile(filename)) {
    const before = componentCode(filename, code);
    return suggestionProblems(`component.${before.jsx ? "tsx" : "ts"}`, before.code, componentCode(filename, output).code);
  }
  const ext = /\.([cm]?[jt]sx?)$/i.exec(filename)?.[1]?.toLowerCase();
  if (!ext) return []; // not code (env files, .gitignore): other tests own those edits
  try {
    parse(output, { jsx: !/^[cm]?ts$/.test(ext), range: true });
  } catch (error) {
    return [`does not parse: ${(error as Error).message}`];
  }
  if (!ext.includes("ts")) return [];
  const before = [...(beforeCache.get(`${ext}\0${code}`) ?? diagnostics(`check.${ext}`, code))];
  beforeCache.set(`${ext}\0${code}`, before.slice());
  const after = diagnostics(`check.${ext}`, output);
  for (const message of before) {
    const index = after.indexOf(message);
    if (index >= 0) after.splice(index, 1);
  }
  return after.map((message) => `does not type-check: ${message}`);
}

const beforeCache = new Map<string, string[]>();

function diagnostics(name: string, text: string): string[] {
  const files = new Map([
    [name, text],
    ["prelude.d.ts", PRELUDE],
  ]);
  const host: ts.CompilerHost = {
    getSourceFile: (file, version) => {
      const source = files.get(file);
      return source === undefined ? undefined : ts.createSourceFile(file, source, version, true);
    },
    getDefaultLibFileName: () => "prelude.d.ts",
    writeFile: () => undefined,
    getCurrentDirectory: () => "",
    getCanonicalFileName: (file) => file,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (file) => files.has(file),
    readFile: (file) => files.get(file),
  };
  const program = ts.createProgram({ rootNames: ["prelude.d.ts", name], options: OPTIONS, host });
  const file = program.getSourceFile(name)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
    (d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
  );
}

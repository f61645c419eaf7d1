/**
 * An app's own wrapper of `fetch`: `fetchWithTimeout(url, options)` whose body hands its URL
 * parameter, as it was given, and its options (or a copy of them, `{ ...options, signal }`) to
 * `fetch`. A call of one is a `fetch` written where it is called: the provider's host and the key
 * header are there (AbylaiNurtaev/whatsapp-gemini-bot's Gemini client, batch 148). A wrapper that
 * makes its own URL (`fetch(BASE + path, …)`) or gives the parameter another value is none: the
 * call does not say where its request goes.
 *
 *   fetchWrapperOf(fn)                    → the indexes of its URL and options parameters, or undefined
 *   wrappedRequest(source, call, local)   → the call's URL and options arguments, when it calls a wrapper
 *                                           (`local`, the function of the file it names, or one it imports)
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { importOf } from "../../module-imports";
import { binds, parameterAround } from "../../patterns";
import { sameClassMethod, walk } from "../ast-utils";
import { isSdkOrLimiterPackage } from "./bindings";
import { exportedValue, parsedModuleMentioning } from "./imported-modules";
import { resolveImport } from "./shared-clients";

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export interface FetchWrapper {
  url: number;
  init: number;
}

const wrappers = new WeakMap<Node, FetchWrapper | null>();

function isFunction(node: Node | null | undefined): node is FunctionNode {
  return node?.type === "FunctionDeclaration" || node?.type === "FunctionExpression" || node?.type === "ArrowFunctionExpression";
}

/** Which of `fn`'s parameters are the URL and the options it hands to `fetch` unchanged; read once per function. */
export function fetchWrapperOf(fn: Node | null | undefined): FetchWrapper | undefined {
  if (!isFunction(fn) || fn.params.length < 2) return undefined;
  let known = wrappers.get(fn);
  if (known === undefined) {
    known = forwardedFetch(fn) ?? null;
    wrappers.set(fn, known);
  }
  return known ?? undefined;
}

function forwardedFetch(fn: FunctionNode): FetchWrapper | undefined {
  let found: FetchWrapper | undefined;
  walk(fn.body, (node) => {
    if (found || node.type !== "CallExpression" || !isGlobalFetch(node.callee)) return;
    const [url, init] = node.arguments;
    // The URL is the parameter itself (`url`, `url = DEFAULT`), not something destructured from one.
    const urlIndex = url?.type === "Identifier" ? parameterIndex(fn, url) : -1;
    const urlParam = fn.params[urlIndex];
    if (!urlParam || !(urlParam.type === "Identifier" || (urlParam.type === "AssignmentPattern" && urlParam.left.type === "Identifier"))) return;
    const options = optionsGiven(fn, init);
    if (options >= 0 && options !== urlIndex) found = { url: urlIndex, init: options };
  });
  if (!found) return undefined;
  const names = [paramName(fn.params[found.url]), paramName(fn.params[found.init])].filter((name): name is string => name !== undefined);
  return rebinds(fn, names) ? undefined : found;
}

/** `fetch(…)`, `globalThis.fetch(…)`, `window.fetch(…)`. */
function isGlobalFetch(callee: Node): boolean {
  if (callee.type === "Identifier") return callee.name === "fetch";
  return callee.type === "MemberExpression" && !callee.computed && callee.object.type === "Identifier" && ["globalThis", "window"].includes(callee.object.name) && callee.property.type === "Identifier" && callee.property.name === "fetch";
}

/** The index of `fn`'s parameter `reference` reads (none when a function inside `fn` takes one of that name). */
function parameterIndex(fn: FunctionNode, reference: TSESTree.Identifier): number {
  const param = parameterAround(reference, reference.name);
  return param ? fn.params.indexOf(param as TSESTree.Parameter) : -1;
}

/** `fetch(url, options)` or `fetch(url, { ...options, signal })`: the options parameter handed on, as it is or spread. */
function optionsGiven(fn: FunctionNode, init: Node | undefined): number {
  if (init?.type === "Identifier") return parameterIndex(fn, init);
  if (init?.type !== "ObjectExpression") return -1;
  for (const property of init.properties) {
    if (property.type === "SpreadElement" && property.argument.type === "Identifier") {
      const index = parameterIndex(fn, property.argument);
      if (index >= 0) return index;
    }
  }
  return -1;
}

/** `url`, `url = DEFAULT`; a destructured parameter (`{ timeout, ...options }`) has no one name: undefined. */
function paramName(param: TSESTree.Parameter): string | undefined {
  if (param.type === "Identifier") return param.name;
  return param.type === "AssignmentPattern" && param.left.type === "Identifier" ? param.left.name : undefined;
}

/** `url = base + url`, `var url = …`, `url++`, `for (const url of …)`: the name holds something else somewhere in `fn`. */
function rebinds(fn: FunctionNode, names: readonly string[]): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found) return;
    if (node.type === "AssignmentExpression") found = names.some((name) => binds(node.left, name));
    else if (node.type === "VariableDeclarator") found = names.some((name) => binds(node.id, name));
    else if (node.type === "UpdateExpression") found = node.argument.type === "Identifier" && names.includes(node.argument.name);
  });
  return found;
}

/** Per file: what each imported name called in it turned out to be (each is resolved once). */
const importedOf = new WeakMap<SourceFile, Map<string, FetchWrapper | null>>();

/**
 * `call`'s URL and options, when it calls a wrapper of `fetch`: `local` (the function of this file its
 * name refers to), else a function the app's own module exports under the name it is imported by.
 */
export function wrappedRequest(source: SourceFile, call: TSESTree.CallExpression, local: Node | undefined): { url: Node; init: Node | undefined } | undefined {
  if (call.arguments.length === 0) return undefined;
  let wrapper: FetchWrapper | undefined;
  if (call.callee.type === "Identifier") wrapper = local ? fetchWrapperOf(local) : importedWrapper(source, call.callee.name);
  else if (call.callee.type === "MemberExpression" && call.callee.object.type === "ThisExpression" && !call.callee.computed && call.callee.property.type === "Identifier") wrapper = fetchWrapperOf(sameClassMethod(call, call.callee.property.name));
  else return undefined;
  const url = wrapper && call.arguments[wrapper.url];
  const init = wrapper && call.arguments[wrapper.init];
  if (!url || url.type === "SpreadElement" || init?.type === "SpreadElement") return undefined;
  return { url, init };
}

function importedWrapper(source: SourceFile, name: string): FetchWrapper | undefined {
  let names = importedOf.get(source);
  if (!names) importedOf.set(source, (names = new Map()));
  let known = names.get(name);
  if (known === undefined) {
    known = readImportedWrapper(source, name) ?? null;
    names.set(name, known);
  }
  return known ?? undefined;
}

function readImportedWrapper(source: SourceFile, name: string): FetchWrapper | undefined {
  const imported = importOf(source, name);
  // An SDK's or a package's function is no app's wrapper (and `fetch` from node-fetch is `fetch`).
  if (!imported || imported.name === "*" || isSdkOrLimiterPackage(imported.specifier)) return undefined;
  const file = resolveImport(source.file, imported.specifier);
  if (!file || file.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
  // Only a module that calls `fetch` at all is parsed for its exports.
  const module = parsedModuleMentioning(file, "fetch(");
  return module ? fetchWrapperOf(exportedValue(module, imported.name)) : undefined;
}


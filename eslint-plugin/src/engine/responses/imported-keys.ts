/**
 * A key served through a function of the app's own module: an Express controller answers
 * `res.json(token)` with `const token = geminiService.getGeminiToken()`, and the service returns
 * `{ apiKey: env.GEMINI_API_KEY, model, … }` (shashicode2n4mcoffee/vhai-be, batch 74). The
 * controller reads no env itself; the key is what the imported function returns.
 *
 *   importedKeyIn(value, source) → the key a sink's value holds through such a call, if any
 *
 * One hop: the called function must be exported by a module the file imports (a relative or
 * tsconfig path, resolved as the client graph resolves it), and return the key itself (as
 * env-key-values reads a value: whole, in an object, a template…). Each module's answer is kept
 * with its text (the file cache's `derive`), so a module read by many controllers is parsed once.
 */
import * as path from "node:path";
import { parseSource, type SourceFile, type TSESTree } from "../ast";
import { walk } from "../client/walk";
import { bindKeyVariable, type KeyNames, keyValueIn, mayReadEnv } from "../env-key-values";
import { derive } from "../gitignore/file-cache";
import { functionReturns, isFunction, type FunctionNode } from "../function-returns";
import { importOf } from "../module-imports";
import { constInits, moduleDeclaration } from "../server-route/ast-utils";
import { resolveImport } from "../server-route/rate-limit/shared-clients";

type Node = TSESTree.Node;

export interface ImportedKey {
  /** The env variable the imported function returns. */
  name: string;
  provider: string;
}

/**
 * What a file writes into a response, by its text: the sinks no-served-keys reads (a cheap gate):
 * `res.json(`, `res.send(`, `res.status(`, `reply.send(`, `c.json(`, `ctx.body`, `Response.json(`,
 * `new Response(`. One pattern of plain words, not a search per word: most files hold none, and
 * each search that fails reads the whole text (a search per word, these 8 and the 6 imports below,
 * took 17.6–18.1 ms over vercel/ai's 506 files; the two patterns take 6.0–6.2 ms). No repeats, no
 * look-around: linear.
 */
const RESPONSE_WRITE = /res\.(?:json|send|status)\(|reply\.send\(|c\.json\(|ctx\.body|Response\.json\(|new Response\(/;
/** A module of the app imported: ` from "./`, ` from '../`, an `@/` alias, or a `require(`. */
const LOCAL_IMPORT = / from ["']\.\.?\/|@\/|require\(/;

/** True when a file that reads no env may still serve a key it gets from its own modules. */
export function mayServeImportedKeys(text: string): boolean {
  return RESPONSE_WRITE.test(text) && LOCAL_IMPORT.test(text);
}

/** The key `value` holds through a call of an imported function: `token` (a const holding the call), the call, or an object's property. */
export function importedKeyIn(value: Node, source: SourceFile, depth = 0): ImportedKey | undefined {
  if (depth > 2) return undefined;
  if (value.type === "ObjectExpression") {
    for (const property of value.properties) {
      const found = property.type === "Property" ? importedKeyIn(property.value, source, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }
  let call: Node | undefined = value;
  if (value.type === "Identifier") call = constInits(source).get(value.name);
  while (call?.type === "AwaitExpression" || call?.type === "TSAsExpression") call = call.type === "AwaitExpression" ? call.argument : call.expression;
  if (call?.type !== "CallExpression") return undefined;
  const callee = call.callee;
  // `getGeminiToken()` imported by name, or `geminiService.getGeminiToken()` from a module imported whole.
  const local = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.object.type === "Identifier" ? callee.object.name : undefined;
  const member = callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : undefined;
  const imported = local === undefined ? undefined : importOf(source, local);
  if (!imported) return undefined;
  const exportName = imported.name === "*" || imported.name === "default" ? member : callee.type === "Identifier" ? imported.name : undefined;
  if (exportName === undefined) return undefined;
  const target = resolveImport(source.file, imported.specifier);
  if (!target || target.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
  return keysReturnedBy(target).get(exportName);
}

/** The exported functions of a module that return a provider key read from the env, by export name. */
function keysReturnedBy(file: string): Map<string, ImportedKey> {
  return derive(file, "no-served-keys:returned-keys", (text) => {
    const keys = new Map<string, ImportedKey>();
    if (text === undefined || !mayReadEnv(text)) return keys;
    const source = parseSource(file, text, { loc: false, comments: false });
    if (!source) return keys;
    const keyNames: KeyNames = new Map();
    walk(source.ast, (node) => void (node.type === "VariableDeclarator" && bindKeyVariable(node, keyNames, true)));
    for (const [name, fn] of exportedFunctions(source.ast)) {
      for (const value of functionReturns(fn.body)) {
        const key = keyValueIn(value, keyNames);
        if (key) {
          keys.set(name, { name: key.name, provider: key.provider });
          break;
        }
      }
    }
    return keys;
  });
}

/** `export function f`, `export const f = () => …`, `export { f }`, `exports.f = …` / `module.exports = { f }`. */
function exportedFunctions(program: TSESTree.Program): Map<string, FunctionNode> {
  const out = new Map<string, FunctionNode>();
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration") {
      const declaration = statement.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id) out.set(declaration.id.name, declaration);
      if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations) if (declarator.id.type === "Identifier" && isFunction(declarator.init)) out.set(declarator.id.name, declarator.init);
      }
      if (!declaration && !statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type !== "Identifier" || specifier.exported.type !== "Identifier") continue;
          const value = moduleDeclaration(program, specifier.local.name)?.value;
          if (isFunction(value)) out.set(specifier.exported.name, value);
        }
      }
    }
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const { left, right } = statement.expression;
      // `exports.getToken = () => …`, `module.exports.getToken = …`
      if (left.type === "MemberExpression" && !left.computed && left.property.type === "Identifier" && isFunction(right)) out.set(left.property.name, right);
      // `module.exports = { getToken }`
      if (left.type === "MemberExpression" && right.type === "ObjectExpression") {
        for (const property of right.properties) {
          if (property.type !== "Property" || property.key.type !== "Identifier") continue;
          const value = property.value.type === "Identifier" ? moduleDeclaration(program, property.value.name)?.value : property.value;
          if (isFunction(value)) out.set(property.key.name, value);
        }
      }
    }
  }
  return out;
}

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
import { moduleDeclaration } from "../server-route/ast-utils";
import { resolveImport } from "../server-route/rate-limit/shared-clients";

type Node = TSESTree.Node;

export interface ImportedKey {
  /** The env variable the imported function returns. */
  name: string;
  provider: string;
}

/** What a file writes into a response, by its text: the sinks no-served-keys reads (a cheap gate). */
const RESPONSE_WRITES = ["res.json(", "res.send(", "res.status(", "reply.send(", "c.json(", "ctx.body", "Response.json(", "new Response("];

/** True when a file that reads no env may still serve a key it gets from its own modules. */
export function mayServeImportedKeys(text: string): boolean {
  return (text.includes(' from "./') || text.includes(" from './") || text.includes(' from "../') || text.includes(" from '../") || text.includes("@/") || text.includes("require(")) && RESPONSE_WRITES.some((write) => text.includes(write));
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
  if (value.type === "Identifier") call = constInit(value, source.ast);
  while (call?.type === "AwaitExpression" || call?.type === "TSAsExpression") call = call.type === "AwaitExpression" ? call.argument : call.expression;
  if (call?.type !== "CallExpression") return undefined;
  const callee = call.callee;
  // `getGeminiToken()` imported by name, or `geminiService.getGeminiToken()` from a module imported whole.
  const local = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.object.type === "Identifier" ? callee.object.name : undefined;
  const member = callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : undefined;
  const imported = local === undefined ? undefined : importOf(source.ast, local);
  if (!imported) return undefined;
  const exportName = imported.name === "*" || imported.name === "default" ? member : callee.type === "Identifier" ? imported.name : undefined;
  if (exportName === undefined) return undefined;
  const target = resolveImport(source.file, imported.specifier);
  if (!target || target.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
  return keysReturnedBy(target).get(exportName);
}

/** The initializer of the one `const` of that name in the file (a name declared twice is not followed). */
function constInit(name: TSESTree.Identifier, program: TSESTree.Program): Node | undefined {
  let found: Node | undefined;
  let count = 0;
  walk(program, (node) => {
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.id.name === name.name && node.init) {
      found = node.init;
      count++;
    }
  });
  return count === 1 ? found : undefined;
}

/** `import { a as b } from "x"` (b → a), `import * as s from "x"` (s → *), `import s from "x"` (s → default), `const s = require("x")`. */
function importOf(program: TSESTree.Program, local: string): { specifier: string; name: string } | undefined {
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration" && statement.importKind !== "type") {
      for (const specifier of statement.specifiers) {
        if (specifier.local.name !== local) continue;
        const name = specifier.type === "ImportNamespaceSpecifier" ? "*" : specifier.type === "ImportDefaultSpecifier" ? "default" : specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
        return { specifier: String(statement.source.value), name };
      }
    }
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (declarator.id.type !== "Identifier" || declarator.id.name !== local || init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") continue;
        const [first] = init.arguments;
        if (first?.type === "Literal" && typeof first.value === "string") return { specifier: first.value, name: "*" };
      }
    }
  }
  return undefined;
}

/** The exported functions of a module that return a provider key read from the env, by export name. */
function keysReturnedBy(file: string): Map<string, ImportedKey> {
  return derive(file, "no-served-keys:returned-keys", (text) => {
    const keys = new Map<string, ImportedKey>();
    if (text === undefined || !mayReadEnv(text)) return keys;
    const source = parseSource(file, text, { loc: false, comments: false });
    if (!source) return keys;
    const keyNames: KeyNames = new Map();
    walk(source.ast, (node) => void (node.type === "VariableDeclarator" && bindKeyVariable(node, keyNames)));
    for (const [name, fn] of exportedFunctions(source.ast)) {
      for (const value of returnedValues(fn)) {
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

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return node?.type === "FunctionDeclaration" || node?.type === "FunctionExpression" || node?.type === "ArrowFunctionExpression";
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

/** What `fn` itself returns (not its inner functions): each `return x`, or an arrow's expression body. */
export function returnedValues(fn: FunctionNode): Node[] {
  if (fn.body.type !== "BlockStatement") return [fn.body];
  const values: Node[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === "ReturnStatement" && node.argument) values.push(node.argument);
    return undefined;
  });
  return values;
}

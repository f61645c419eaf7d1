/**
 * Firebase Cloud Functions the internet can call: `onCall` (the client SDK's `httpsCallable`) and
 * `onRequest` (a plain HTTPS endpoint), in both APIs, and v2's `onCallGenkit`, a callable that runs
 * the Genkit flow given last (droidyayu/GenKit-Restaurant, batch 144):
 *
 *   export const ask = onCall({ secrets: [key] }, async (request) => …)    // v2, "firebase-functions/v2/https"
 *   exports.ask = functions.region("europe-west1").https.onCall(async (data, context) => …)   // v1
 *   export const chat = onCallGenkit({ secrets: [key], authPolicy }, chatFlow)   // "firebase-functions/https"
 *
 * Requiring sign-in (`request.auth`) or App Check is not a limit: one signed-in user can still
 * call the function in a loop. `onRequest(app)` serving an Express app is read through the app's
 * own registrations instead.
 */
import type { SourceFile, TSESTree } from "../../ast";
import { commonJsExport, memberPath, tscCallee, walk } from "../ast-utils";
import { requiredModule } from "../../require-call";
import { importOf } from "../../module-imports";
import { exportedValue, parsedModuleMentioning } from "./imported-modules";
import { resolveImport } from "./shared-clients";
import type { FunctionOf, ImportedRouteHandler, RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

const TRIGGERS = new Set(["onCall", "onRequest", "onCallGenkit"]);
const FIREBASE_FUNCTIONS = /^firebase-functions(?:\/|$)/;

/** A word search first: only a file that names the package defines functions. */
export function mayDefineFirebaseFunctions(text: string): boolean {
  return text.includes("firebase-functions") && (text.includes("onCall") || text.includes("onRequest"));
}

/**
 * The functions this module deploys. One whose handler another module exports (`exports.chat =
 * functions.https.onRequest(chatEndpoint)` with `const chatEndpoint = require("./chatHandler")`:
 * highopenended/ai_project, batch 37) goes to `importedHandlers`, when given, as an Express
 * registration's does.
 */
export function firebaseHandlers(source: SourceFile, functionOf: FunctionOf, importedHandlers?: ImportedRouteHandler[], isImported?: (name: string) => boolean): RouteHandler[] {
  const imported = triggersImported(source);
  const out: RouteHandler[] = [];
  // Module functions that register what they are given: `const wrapWithCors = (fn) =>
  // functions.https.onRequest((req, res) => cors(req, res, () => fn(req, res)))`, name → trigger and parameter index.
  const factories = new Map<string, { trigger: string; index: number }>();
  const register = (call: TSESTree.CallExpression, trigger: string, handler: Node | undefined) => {
    const found = functionOf(source, handler);
    const exported = exportedAs(call);
    const name = `${exported?.name ?? "function"} (${trigger})`;
    const reportNode = exported?.node ?? call.callee;
    if (found) out.push({ kind: "firebase", name, fn: found.fn, reportNode, companions: found.wrappers });
    else if (importedHandlers && handler?.type === "Identifier" && isImported?.(handler.name) && !deployedWhereWritten(source, handler.name)) importedHandlers.push({ kind: "firebase", name, reference: handler.name, reportNode, companions: [] });
  };
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression") return;
    const trigger = triggerOf(node.callee, imported);
    if (!trigger) return;
    const handler = node.arguments[node.arguments.length - 1] as Node | undefined;
    const factory = registrationFactory(source, node, handler);
    if (factory) {
      factories.set(factory.name, { trigger, index: factory.index });
      return;
    }
    register(node, trigger, handler);
  });
  if (factories.size > 0) {
    walk(source.ast, (node) => {
      if (node.type !== "CallExpression" || node.callee.type !== "Identifier") return;
      const factory = factories.get(node.callee.name);
      if (factory) register(node, factory.trigger, node.arguments[factory.index] as Node | undefined);
    });
  }
  return out;
}

/**
 * A module-level function (`const wrap = (fn) => …`, `function wrap(fn) { return … }`) whose trigger
 * call's handler calls one of its parameters: each `wrap(handler)` registers `handler`.
 */
function registrationFactory(source: SourceFile, call: TSESTree.CallExpression, handler: Node | undefined): { name: string; index: number } | undefined {
  if (handler?.type !== "ArrowFunctionExpression" && handler?.type !== "FunctionExpression") return undefined;
  let outer: Node | undefined = call.parent;
  while (outer && outer.type !== "ArrowFunctionExpression" && outer.type !== "FunctionExpression" && outer.type !== "FunctionDeclaration") outer = outer.parent;
  if (!outer) return undefined;
  const name = outer.type === "FunctionDeclaration" ? outer.id?.name : outer.parent?.type === "VariableDeclarator" && outer.parent.id.type === "Identifier" ? outer.parent.id.name : undefined;
  const declaredAtTop = outer.type === "FunctionDeclaration" ? outer.parent === source.ast : outer.parent?.parent?.parent === source.ast;
  if (!name || !declaredAtTop) return undefined;
  const params = (outer as TSESTree.FunctionLike).params.map((param) => (param.type === "Identifier" ? param.name : undefined));
  let index = -1;
  walk(handler, (node) => {
    if (index < 0 && node.type === "CallExpression" && node.callee.type === "Identifier") index = params.indexOf(node.callee.name);
  });
  return index >= 0 ? { name, index } : undefined;
}

/** A module of firebase-functions whose own exports are the HTTPS triggers (`firebase-functions/v2/https`). */
const HTTPS_MODULE = /^firebase-functions\/(?:v2\/)?https$/;

/**
 * `onCall` / `onRequest` / `onCallGenkit` imported by name from firebase-functions (any entry
 * point), under their local names; and the names an HTTPS module is bound to whole, `import * as
 * functions from "firebase-functions/v2/https"` or tsc's `const https_1 = require(…)`
 * (DJ-Greenwood/bubbas-app, batch 53).
 */
function triggersImported(source: SourceFile): { names: Map<string, string>; modules: Set<string> } {
  const names = new Map<string, string>();
  const modules = new Set<string>();
  for (const statement of source.ast.body) {
    if (statement.type === "ImportDeclaration" && FIREBASE_FUNCTIONS.test(String(statement.source.value))) {
      for (const specifier of statement.specifiers) {
        const imported = specifier.type === "ImportSpecifier" && specifier.imported.type === "Identifier" ? specifier.imported.name : undefined;
        if (imported && TRIGGERS.has(imported)) names.set(specifier.local.name, imported);
        if (specifier.type === "ImportNamespaceSpecifier" && HTTPS_MODULE.test(String(statement.source.value))) modules.add(specifier.local.name);
      }
    }
    // `const { onCall } = require("firebase-functions/v2/https")`, `const https_1 = require(…)`, `__importStar(require(…))`
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        const required = requiredModule(declarator.init);
        if (!required || !FIREBASE_FUNCTIONS.test(required)) continue;
        if (declarator.id.type === "Identifier" && HTTPS_MODULE.test(required)) modules.add(declarator.id.name);
        if (declarator.id.type !== "ObjectPattern") continue;
        for (const property of declarator.id.properties) {
          if (property.type === "Property" && property.key.type === "Identifier" && TRIGGERS.has(property.key.name) && property.value.type === "Identifier") names.set(property.value.name, property.key.name);
        }
      }
    }
  }
  return { names, modules };
}

/**
 * "onCall" for `onCall(…)` imported from firebase-functions, `functions.onCall(…)` on an HTTPS module
 * bound whole (tsc writes it `(0, https_1.onCall)(…)`), or the v1 `functions.https.onCall(…)` (any chain before `.https`).
 */
function triggerOf(callee: Node, imported: { names: Map<string, string>; modules: Set<string> }): string | undefined {
  if (callee.type === "SequenceExpression") return triggerOf(tscCallee(callee), imported);
  if (callee.type === "Identifier") return imported.names.get(callee.name);
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || !TRIGGERS.has(callee.property.name)) return undefined;
  if (callee.object.type === "Identifier" && imported.modules.has(callee.object.name)) return callee.property.name;
  const { path } = memberPath(callee);
  return path[path.length - 2] === "https" ? callee.property.name : undefined;
}

/** The name a function is deployed under: `export const ask = …`, `exports.ask = …`. */
function exportedAs(call: TSESTree.CallExpression): { name: string; node: Node } | undefined {
  const parent = call.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return { name: parent.id.name, node: parent.id };
  if (parent?.type === "AssignmentExpression") {
    const name = commonJsExport(parent.left);
    if (name && name !== "default") return { name, node: parent.left };
  }
  return undefined;
}

/**
 * `name` comes from a module that exports it as a trigger already (`exports.chat =
 * functions.https.onRequest(…)` in ./chat, then `exports.chat = wrapWithCors(chat)` here): that
 * module's own finding stands for it.
 */
function deployedWhereWritten(source: SourceFile, name: string): boolean {
  const from = importOf(source, name);
  if (!from || from.name === "*" || from.name === "default") return false;
  const file = resolveImport(source.file, from.specifier);
  const module = file ? parsedModuleMentioning(file, "firebase-functions") : undefined;
  const value = module ? exportedValue(module, from.name) : undefined;
  return value?.type === "CallExpression" && triggerOf(value.callee, triggersImported(module!)) !== undefined;
}

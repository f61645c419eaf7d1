/**
 * Azure Functions' HTTP triggers in the v4 programming model, registered in code on the `app`
 * that `@azure/functions` exports:
 *
 *   app.http("chat", { methods: ["POST"], authLevel: "anonymous", handler: async (request, context) => … })
 *   app.post("chat", { handler: chat })      app.get("health", async (request) => …)
 *
 * Each registration is an endpoint (`/api/chat`); a static web app's `api/` folder is often
 * written this way (samuelgomeslima/daily-prayers, batch 40). An `authLevel` of "function" asks for
 * a key that the app's own front end then holds: not a limit. The v3 model (`module.exports =
 * async function (context, req)` beside a function.json) is a default export under `api/`, which
 * route-handlers reads as an api function already.
 */
import type { SourceFile, TSESTree } from "../../ast";
import { findProperty, stringValue, walk } from "../ast-utils";
import type { FunctionOf, ImportedRouteHandler, RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

const AZURE_FUNCTIONS = "@azure/functions";
/** `app.http` and its per-method shorthands (`deleteRequest`: `delete` is a reserved word in v4's API). */
const TRIGGERS = new Set(["http", "get", "post", "put", "patch", "deleteRequest"]);

/** A word search first: only a file that names the package registers functions. */
export function mayDefineAzureFunctions(text: string): boolean {
  return text.includes(AZURE_FUNCTIONS);
}

/** The HTTP functions this module registers; a handler another module exports goes to `importedHandlers`. */
export function azureHandlers(source: SourceFile, functionOf: FunctionOf, importedHandlers?: ImportedRouteHandler[], isImported?: (name: string) => boolean): RouteHandler[] {
  const apps = appNames(source);
  if (apps.size === 0) return [];
  const out: RouteHandler[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.computed) return;
    const { object, property } = node.callee;
    if (object.type !== "Identifier" || !apps.has(object.name) || property.type !== "Identifier" || !TRIGGERS.has(property.name)) return;
    const [nameArg, options] = node.arguments;
    const functionName = nameArg ? stringValue(nameArg) : undefined;
    if (functionName === undefined) return;
    const handler = options?.type === "ObjectExpression" ? findProperty(options, "handler")?.value : options;
    const name = `${functionName} (app.${property.name})`;
    const found = functionOf(source, handler as Node | undefined);
    if (found) out.push({ kind: "azure", name, fn: found.fn, reportNode: node.callee, companions: found.wrappers });
    else if (importedHandlers && handler?.type === "Identifier" && isImported?.(handler.name)) importedHandlers.push({ kind: "azure", name, reference: handler.name, reportNode: node.callee, companions: [] });
  });
  return out;
}

/** The local names of `app` from @azure/functions: `import { app } from …`, `const { app } = require(…)`. */
function appNames(source: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.ast.body) {
    if (statement.type === "ImportDeclaration" && statement.source.value === AZURE_FUNCTIONS) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === "ImportSpecifier" && specifier.imported.type === "Identifier" && specifier.imported.name === "app") names.add(specifier.local.name);
      }
    }
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      const required = init?.type === "CallExpression" && init.callee.type === "Identifier" && init.callee.name === "require" && init.arguments[0] ? stringValue(init.arguments[0]) : undefined;
      if (required !== AZURE_FUNCTIONS || declarator.id.type !== "ObjectPattern") continue;
      for (const property of declarator.id.properties) {
        if (property.type === "Property" && property.key.type === "Identifier" && property.key.name === "app" && property.value.type === "Identifier") names.add(property.value.name);
      }
    }
  }
  return names;
}

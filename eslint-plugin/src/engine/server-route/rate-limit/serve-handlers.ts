/**
 * Servers started in code, whose handler answers every request the server gets:
 *
 *   Deno.serve(async (req) => …)                 also Deno.serve(options, handler), Deno.serve({ handler })
 *   serve(async (req) => …)                      the Deno standard library's, imported from …/std…/http/server.ts
 *   Bun.serve({ fetch(req) { … } })              and Bun's `routes: { "/api/chat": { POST: (req) => … } }`,
 *                                                also `serve` imported from "bun"
 *
 * Supabase Edge Functions (`supabase/functions/<name>/index.ts`) are written this way, and anyone
 * holding the project's public anon key can call them. `Bun.serve({ fetch: app.fetch })` (Hono)
 * hands over no function here: the app's routes are its registrations, found elsewhere.
 */
import type { SourceFile, TSESTree } from "../../ast";
import { npmSpecifierOf } from "../catalogue";
import { moduleDeclaration, walk } from "../ast-utils";
import type { FunctionOf, RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

/** `Deno.serve(`, `Bun.serve(`, or a bare `serve(`: a cheap superset of serveHandlers' test. */
const SERVE_CALL = /\bserve\s*\(/;

export function mayStartServer(text: string): boolean {
  return text.includes("serve") && SERVE_CALL.test(text);
}

/** The Deno standard library's HTTP module (`https://deno.land/std@0.168.0/http/server.ts`, `jsr:@std/http`). */
const DENO_STD_HTTP = /(?:^|[/@])std(?:@[^/]*)?\/http(?:\/(?:server|mod)\.ts)?$/;

export function serveHandlers(source: SourceFile, functionOf: FunctionOf): RouteHandler[] {
  const stdServe = new Set<string>();
  // `import { serve } from "bun"`: Bun.serve by its own name (jannar18/arch-cupid, batch 81).
  const bunServe = new Set<string>();
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const module = npmSpecifierOf(String(statement.source.value));
    const into = module === "bun" ? bunServe : DENO_STD_HTTP.test(module) ? stdServe : undefined;
    if (!into) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === "ImportSpecifier" && specifier.imported.type === "Identifier" && specifier.imported.name === "serve") into.add(specifier.local.name);
    }
  }
  const out: RouteHandler[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression") return;
    const runtime = serveRuntime(node.callee, stdServe, bunServe);
    if (!runtime) return;
    const add = (name: string, value: Node | null | undefined, reportNode: Node) => {
      const found = functionOf(source, value);
      if (found) out.push({ kind: "serve", name, fn: found.fn, reportNode, companions: found.wrappers });
    };
    const reportNode = node.callee.type === "MemberExpression" ? node.callee.property : node.callee;
    const name = runtime === "std" ? "serve" : `${runtime}.serve`;
    for (const arg of node.arguments) {
      if (arg.type === "ObjectExpression") {
        // Deno's `{ handler }`, Bun's `{ fetch }` and `{ routes }`.
        for (const property of arg.properties) {
          const key = propertyName(property);
          if (property.type !== "Property" || !key) continue;
          // Bun's `fetch` is reported on its key, as its `routes` and `websocket.message` are (and
          // as a Worker's `fetch` is): lliamscholtz/hackathon-gpt4api, batch 43.
          if (runtime === "Bun" && key === "fetch") add(name, property.value as Node, property.key);
          if (runtime !== "Bun" && key === "handler") add(name, property.value as Node, reportNode);
          if (runtime === "Bun" && key === "routes" && property.value.type === "ObjectExpression") out.push(...bunRoutes(source, functionOf, property.value));
          // Bun's `websocket: { message(ws, data) { … } }`: each client message runs it (./socket-handlers).
          if (runtime === "Bun" && key === "websocket" && property.value.type === "ObjectExpression") {
            const message = property.value.properties.find((hook) => propertyName(hook) === "message");
            const found = message?.type === "Property" ? functionOf(source, message.value as Node) : undefined;
            if (message?.type === "Property" && found) out.push({ kind: "socket", name: "Bun.serve websocket.message", fn: found.fn, reportNode: message.key, companions: found.wrappers });
          }
        }
        continue;
      }
      // Deno.serve(handler), Deno.serve(options, handler), serve(handler, options). A handler
      // passed by name is reported where it is written, as an exported one is (route-handlers):
      // anggi1991/Umai-Lite's `serve(generateTipHandler)` 140 lines below it (batch 48).
      if (runtime !== "Bun" && arg.type !== "SpreadElement" && functionOf(source, arg)) {
        add(name, arg, (arg.type === "Identifier" ? moduleDeclaration(source.ast, arg.name)?.id : undefined) ?? reportNode);
        break;
      }
    }
  });
  return out;
}

function serveRuntime(callee: Node, stdServe: ReadonlySet<string>, bunServe: ReadonlySet<string>): "Deno" | "Bun" | "std" | undefined {
  if (callee.type === "Identifier") return stdServe.has(callee.name) ? "std" : bunServe.has(callee.name) ? "Bun" : undefined;
  if (callee.type !== "MemberExpression" || callee.computed || callee.object.type !== "Identifier" || callee.property.type !== "Identifier" || callee.property.name !== "serve") return undefined;
  return callee.object.name === "Deno" || callee.object.name === "Bun" ? callee.object.name : undefined;
}

/** Bun's `routes: { "/api/chat": handler, "/api/ask": { POST: handler } }`: each handler, named by path (and method). */
function bunRoutes(source: SourceFile, functionOf: FunctionOf, routes: TSESTree.ObjectExpression): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const route of routes.properties) {
    const path = propertyName(route);
    if (route.type !== "Property" || !path) continue;
    const methods = route.value.type === "ObjectExpression" ? route.value.properties : [];
    const entries: Array<[string, Node, Node]> = route.value.type === "ObjectExpression" ? [] : [[`Bun.serve "${path}"`, route.value as Node, route.key]];
    for (const method of methods) {
      const verb = propertyName(method);
      if (method.type === "Property" && verb) entries.push([`Bun.serve "${path}" ${verb}`, method.value as Node, method.key]);
    }
    for (const [name, value, reportNode] of entries) {
      const found = functionOf(source, value);
      if (found) out.push({ kind: "serve", name, fn: found.fn, reportNode, companions: found.wrappers });
    }
  }
  return out;
}

/** A property's name written as an identifier or a string (`"/api/chat"`), not computed. */
function propertyName(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== "Property" || property.computed) return undefined;
  if (property.key.type === "Identifier") return property.key.name;
  return property.key.type === "Literal" && typeof property.key.value === "string" ? property.key.value : undefined;
}

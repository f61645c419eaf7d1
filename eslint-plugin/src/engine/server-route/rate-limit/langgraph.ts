/**
 * LangGraph graphs: `new StateGraph(State).addNode("generate", generatorNode)…` runs its nodes
 * when the graph runs (`graph.invoke()`, `graph.stream()`, also after `graph.compile()`), so a
 * graph whose node calls a provider is a chain of that provider (rrtxt/Peri-Chat's
 * `lib/rag/chain.ts`, whose generate node calls Gemini: batch 55).
 */
import type { SourceFile, TSESTree } from "../../ast";
import type { Provider } from "../../providers/types";
import type { FileBindings } from "./bindings";
import { sameFileFunction, scanFunction } from "./function-scan";
import { walk } from "../ast-utils";

type Node = TSESTree.Node;

/**
 * Binds each graph the file builds from nodes that call a provider as a chain (`bindings.chains`);
 * true when it bound one (then chains built on it, `graph.compile()`, are bound by addChains again).
 */
export function addGraphs(source: SourceFile, bindings: FileBindings): boolean {
  // A word search first: most files build no graph.
  if (!source.text.includes(".addNode(") || bindings.providers.size + (bindings.memberProviders?.size ?? 0) === 0) return false;
  let added = false;
  // Module-level graphs, and graphs a factory builds in its body (`export function createChatService()
  // { const workflow = new StateGraph(…).addNode("model", callModel); const app = workflow.compile(); … }`:
  // Rafiqdevhub/Langchain-With-Node.js, batch 75), named by their variable as the file's other bindings are.
  walk(source.ast, (node) => {
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || bindings.chains.has(node.id.name)) return;
    const provider = graphProvider(source, bindings, node.init, node);
    if (!provider) return;
    bindings.chains.set(node.id.name, provider);
    added = true;
  });
  return added;
}

/** A function named `name` declared in a block around `from` (a node function the factory declares), or at module level. */
function functionInScope(source: SourceFile, from: Node, name: string): Node | undefined {
  for (let scope = from.parent; scope; scope = scope.parent) {
    if (scope.type !== "BlockStatement") continue;
    for (const statement of scope.body) {
      if (statement.type === "FunctionDeclaration" && statement.id?.name === name) return statement;
      if (statement.type !== "VariableDeclaration") continue;
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (declarator.id.type === "Identifier" && declarator.id.name === name && (init?.type === "ArrowFunctionExpression" || init?.type === "FunctionExpression")) return init;
      }
    }
  }
  return sameFileFunction(source, name);
}

/** The provider the first node that calls one calls, along a `.addNode(name, fn)` builder chain. */
function graphProvider(source: SourceFile, bindings: FileBindings, init: Node | null, declarator: Node): Provider | undefined {
  let link = init;
  // A builder chain is short (a node per call); the bound keeps a generated file's nesting cheap.
  for (let i = 0; i < 200 && link?.type === "CallExpression" && link.callee.type === "MemberExpression"; i++) {
    const { property } = link.callee;
    if (!link.callee.computed && property.type === "Identifier" && property.name === "addNode") {
      const node = link.arguments[1];
      // A node function another module exports that calls a provider (noothiakshith/interviewer-deep's
      // `agent/graph.ts` builds its graph of `resumenode`, `githubnode`… imported one per file: batch 235).
      const fn = node?.type === "Identifier" ? functionInScope(source, declarator, node.name) : node?.type === "ArrowFunctionExpression" || node?.type === "FunctionExpression" ? node : undefined;
      if (!fn && node?.type === "Identifier" && bindings.providers.has(node.name)) return bindings.providers.get(node.name);
      const provider = fn ? scanFunction(source, bindings, fn, []).provider : undefined;
      if (provider) return provider;
    }
    link = link.callee.object;
  }
  return undefined;
}

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

type Node = TSESTree.Node;

/**
 * Binds each graph the file builds from nodes that call a provider as a chain (`bindings.chains`);
 * true when it bound one (then chains built on it, `graph.compile()`, are bound by addChains again).
 */
export function addGraphs(source: SourceFile, bindings: FileBindings): boolean {
  // A word search first: most files build no graph.
  if (!source.text.includes(".addNode(") || bindings.providers.size + (bindings.memberProviders?.size ?? 0) === 0) return false;
  let added = false;
  for (const statement of source.ast.body) {
    const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
    if (declaration.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== "Identifier" || bindings.chains.has(declarator.id.name)) continue;
      const provider = graphProvider(source, bindings, declarator.init);
      if (!provider) continue;
      bindings.chains.set(declarator.id.name, provider);
      added = true;
    }
  }
  return added;
}

/** The provider the first node that calls one calls, along a `.addNode(name, fn)` builder chain. */
function graphProvider(source: SourceFile, bindings: FileBindings, init: Node | null): Provider | undefined {
  let link = init;
  // A builder chain is short (a node per call); the bound keeps a generated file's nesting cheap.
  for (let i = 0; i < 200 && link?.type === "CallExpression" && link.callee.type === "MemberExpression"; i++) {
    const { property } = link.callee;
    if (!link.callee.computed && property.type === "Identifier" && property.name === "addNode") {
      const node = link.arguments[1];
      const fn = node?.type === "Identifier" ? sameFileFunction(source, node.name) : node?.type === "ArrowFunctionExpression" || node?.type === "FunctionExpression" ? node : undefined;
      const provider = fn ? scanFunction(source, bindings, fn, []).provider : undefined;
      if (provider) return provider;
    }
    link = link.callee.object;
  }
  return undefined;
}

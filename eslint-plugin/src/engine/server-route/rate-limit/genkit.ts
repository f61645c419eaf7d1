/**
 * Firebase Genkit: `const ai = genkit({ plugins: [googleAI()] })` is a client of its plugin's
 * provider (the plugin packages are in the catalogue), `ai.generate(…)` runs a model, and so does
 * calling what `ai.defineFlow(…)` or `ai.definePrompt(…)` returns: `await mainAssistantFlow(input)`
 * in a server action (FabianBartschDatenanalyse/ESSChatBot, batch 76), `app.post("/api/chat",
 * expressHandler(chatFlow))` (mainawycliffe/angular-genkit-streaming-demo, batch 77).
 *
 *   addGenkit(source, bindings) → binds the file's Genkit instances and the flows and prompts made
 *                                 from them (also from an instance imported: run it after
 *                                 addImportedBindings); true when it bound any
 */
import type { SourceFile, TSESTree } from "../../ast";
import { importOf } from "../../module-imports";
import { walk as walkTree } from "../../client/walk";
import { functionReturns, isFunction, type FunctionNode } from "../../function-returns";
import type { Provider } from "../../providers/types";
import { declarationSeenBy, walk, withoutTypeAssertion } from "../ast-utils";
import type { FileBindings } from "./bindings";

type Node = TSESTree.Node;

/** What a Genkit instance makes that runs its model when called. */
const RUNNABLES = new Set(["defineFlow", "defineStreamingFlow", "definePrompt", "prompt"]);

/** The modules `genkit` is imported from: the stable API and its beta twin (droidyayu/GenKit-Restaurant, batch 144). */
const GENKIT_MODULE = /^genkit(?:\/beta)?$/;

/** How many names (a const, a builder function) a plugin list is followed through: `getPlugins()` may call another. */
const MAX_BUILDER_DEPTH = 3;

export function addGenkit(source: SourceFile, bindings: FileBindings): boolean {
  const text = source.text;
  if (!text.includes("genkit") && !text.includes("defineFlow") && !text.includes("definePrompt")) return false;
  let bound = false;
  walk(source.ast, (node) => {
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || node.init?.type !== "CallExpression") return;
    const provider = providerOfCall(source, bindings, node.init);
    if (!provider || bindings.providers.has(node.id.name)) return;
    bindings.providers.set(node.id.name, provider);
    bindings.firstProvider ??= provider;
    bound = true;
  });
  return bound;
}

function providerOfCall(source: SourceFile, bindings: FileBindings, call: TSESTree.CallExpression) {
  if (call.callee.type === "Identifier") return instanceProvider(source, bindings, call);
  if (isFunction(call.callee)) return builtInPlaceProvider(source, bindings, call.callee);
  return runnableProvider(bindings, call);
}

/** `genkit({ plugins: [googleAI()] })` (genkit imported from "genkit" or "genkit/beta"): the first plugin that is a provider's. */
function instanceProvider(source: SourceFile, bindings: FileBindings, call: TSESTree.CallExpression) {
  if (call.callee.type !== "Identifier" || !GENKIT_MODULE.test(importOf(source, call.callee.name)?.specifier ?? "")) return undefined;
  const [options] = call.arguments;
  if (options?.type !== "ObjectExpression") return undefined;
  for (const property of options.properties) {
    if (property.type !== "Property" || property.key.type !== "Identifier" || property.key.name !== "plugins") continue;
    const provider = pluginsProvider(source, bindings, property.value, 0);
    if (provider) return provider;
  }
  return undefined;
}

/**
 * The first provider's plugin in a `plugins:` value: a list (`[googleAI(), ...extra]`), either branch
 * of a condition (`isServerRuntime ? getPlugins() : []`), a const of the file, or what a function of
 * the file builds (`function getPlugins() { const plugins = []; plugins.push(googleAI()); return plugins }`:
 * Jakedismo/GenkitChat, batch 144). A plugin outside the catalogue (`ollama()`) is no provider's.
 */
function pluginsProvider(source: SourceFile, bindings: FileBindings, value: Node | null | undefined, depth: number): Provider | undefined {
  const node = withoutTypeAssertion(value);
  if (!node || depth > MAX_BUILDER_DEPTH) return undefined;
  switch (node.type) {
    case "ArrayExpression":
      for (const element of node.elements) {
        const provider = pluginsProvider(source, bindings, element?.type === "SpreadElement" ? element.argument : element, depth);
        if (provider) return provider;
      }
      return undefined;
    case "ConditionalExpression":
      return pluginsProvider(source, bindings, node.consequent, depth) ?? pluginsProvider(source, bindings, node.alternate, depth);
    case "LogicalExpression":
      return pluginsProvider(source, bindings, node.left, depth) ?? pluginsProvider(source, bindings, node.right, depth);
    case "Identifier":
      return pluginsProvider(source, bindings, declaredValue(source, node), depth + 1);
    case "CallExpression": {
      if (node.callee.type !== "Identifier") return undefined;
      const plugin = bindings.providers.get(node.callee.name);
      if (plugin) return plugin;
      const builder = declaredValue(source, node.callee);
      return isFunction(builder) ? builtPluginsProvider(source, bindings, builder, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** The plugins a builder function returns (`return [googleAI()]`) or puts in its list (`plugins.push(googleAI())`). */
function builtPluginsProvider(source: SourceFile, bindings: FileBindings, builder: FunctionNode, depth: number) {
  for (const returned of functionReturns(builder.body)) {
    const provider = pluginsProvider(source, bindings, returned, depth);
    if (provider) return provider;
  }
  let pushed: Provider | undefined;
  walkOwnBody(builder, (node) => {
    if (!pushed && isPush(node)) for (const argument of node.arguments) pushed ??= pluginsProvider(source, bindings, argument.type === "SpreadElement" ? argument.argument : argument, depth);
  });
  return pushed;
}

/**
 * A Genkit instance a function builds and returns where it is declared: `export const aiInstance =
 * (function () { …; const instance = genkit({ plugins }); return instance; })()` (Jakedismo/GenkitChat,
 * batch 144): the first returned instance that is a provider's client.
 */
function builtInPlaceProvider(source: SourceFile, bindings: FileBindings, fn: FunctionNode) {
  for (const returned of functionReturns(fn.body)) {
    const provider = returnedInstanceProvider(source, bindings, returned);
    if (provider) return provider;
  }
  return undefined;
}

/** `return genkit({…})`, or `return instance` with `instance` a const that holds one. */
function returnedInstanceProvider(source: SourceFile, bindings: FileBindings, returned: Node) {
  const node = withoutTypeAssertion(returned);
  const instance = node.type === "Identifier" ? declaredValue(source, node) : node;
  return instance?.type === "CallExpression" ? instanceProvider(source, bindings, instance) : undefined;
}

/** What a name is declared as: in a block around it, else at the file's top level (a parameter of that name hides both). */
function declaredValue(source: SourceFile, name: TSESTree.Identifier): Node | undefined {
  return declarationSeenBy(source.ast, name)?.value;
}

/** `list.push(…)`. */
function isPush(node: Node): node is TSESTree.CallExpression {
  return node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.type === "Identifier" && node.callee.property.name === "push";
}

/** Visits a function's own body, not the functions declared in it. */
function walkOwnBody(fn: FunctionNode, visit: (node: Node) => void): void {
  walkTree(fn.body, (node) => {
    if (isFunction(node)) return false;
    visit(node);
    return undefined;
  });
}

/** `ai.defineFlow(…)`, `ai.definePrompt(…)`, `ai.prompt("name")` on a Genkit instance the file binds. */
function runnableProvider(bindings: FileBindings, call: TSESTree.CallExpression) {
  const callee = call.callee as Node;
  if (callee.type !== "MemberExpression" || callee.computed || callee.object.type !== "Identifier" || callee.property.type !== "Identifier") return undefined;
  return RUNNABLES.has(callee.property.name) ? bindings.providers.get(callee.object.name) : undefined;
}

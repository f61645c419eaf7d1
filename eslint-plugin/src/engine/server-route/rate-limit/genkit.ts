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
import { walk } from "../ast-utils";
import type { FileBindings } from "./bindings";

type Node = TSESTree.Node;

/** What a Genkit instance makes that runs its model when called. */
const RUNNABLES = new Set(["defineFlow", "defineStreamingFlow", "definePrompt", "prompt"]);

export function addGenkit(source: SourceFile, bindings: FileBindings): boolean {
  const text = source.text;
  if (!text.includes("genkit") && !text.includes("defineFlow") && !text.includes("definePrompt")) return false;
  let bound = false;
  walk(source.ast, (node) => {
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || node.init?.type !== "CallExpression") return;
    const call = node.init;
    const provider = call.callee.type === "Identifier" ? instanceProvider(source, bindings, call) : runnableProvider(bindings, call);
    if (!provider || bindings.providers.has(node.id.name)) return;
    bindings.providers.set(node.id.name, provider);
    bindings.firstProvider ??= provider;
    bound = true;
  });
  return bound;
}

/** `genkit({ plugins: [googleAI()] })` (genkit imported from "genkit"): the first plugin that is a provider's. */
function instanceProvider(source: SourceFile, bindings: FileBindings, call: TSESTree.CallExpression) {
  if (call.callee.type !== "Identifier" || importOf(source, call.callee.name)?.specifier !== "genkit") return undefined;
  const [options] = call.arguments;
  if (options?.type !== "ObjectExpression") return undefined;
  for (const property of options.properties) {
    if (property.type !== "Property" || property.key.type !== "Identifier" || property.key.name !== "plugins" || property.value.type !== "ArrayExpression") continue;
    for (const plugin of property.value.elements) {
      const callee = plugin?.type === "CallExpression" ? plugin.callee : undefined;
      const provider = callee?.type === "Identifier" ? bindings.providers.get(callee.name) : undefined;
      if (provider) return provider;
    }
  }
  return undefined;
}

/** `ai.defineFlow(…)`, `ai.definePrompt(…)`, `ai.prompt("name")` on a Genkit instance the file binds. */
function runnableProvider(bindings: FileBindings, call: TSESTree.CallExpression) {
  const callee = call.callee as Node;
  if (callee.type !== "MemberExpression" || callee.computed || callee.object.type !== "Identifier" || callee.property.type !== "Identifier") return undefined;
  return RUNNABLES.has(callee.property.name) ? bindings.providers.get(callee.object.name) : undefined;
}

/**
 * The clients a tRPC app puts in its context: create-t3-app's `createInnerTRPCContext = () => ({
 * prisma, openai })` in `server/api/trpc.ts`, which every procedure reaches as `ctx.openai`
 * (mohammadameer/profits-gg's image route, batch 77; AspireOne/intellify's `Ai.ask(ctx, …)`).
 *
 *   contextClients(source, bindings) → context property → provider, for the clients this module's
 *                                      context functions return
 *
 * A context function is one whose name says "context" (`createContext`, `createTRPCContext`,
 * `createInnerTRPCContext`, `createContextInner`); its returned object's properties count when their value is a client
 * the module binds (made here or imported: shared-clients' bindings).
 */
import type { SourceFile, TSESTree } from "../../ast";
import { functionReturns, isFunction } from "../../function-returns";
import type { Provider } from "../../providers/types";
import type { FileBindings } from "./bindings";

type Node = TSESTree.Node;

const CONTEXT_FUNCTION = /context/i;

export function contextClients(source: SourceFile, bindings: FileBindings): Map<string, Provider> | undefined {
  if (bindings.providers.size === 0 || !source.text.includes("Context")) return undefined;
  let found: Map<string, Provider> | undefined;
  for (const fn of contextFunctions(source.ast)) {
    for (const returned of functionReturns(fn.body)) {
      const object = unwrapped(returned);
      if (object.type !== "ObjectExpression") continue;
      for (const property of object.properties) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || property.value.type !== "Identifier") continue;
        const provider = bindings.providers.get(property.value.name);
        if (provider) (found ??= new Map()).set(property.key.name, provider);
      }
    }
  }
  return found;
}

/** `function createContext()`, `const createInnerTRPCContext = () => …`, also exported. */
function contextFunctions(program: TSESTree.Program): Array<TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression> {
  const out: Array<TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression> = [];
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
    if (declaration.type === "FunctionDeclaration" && declaration.id && CONTEXT_FUNCTION.test(declaration.id.name)) out.push(declaration);
    if (declaration.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier" && CONTEXT_FUNCTION.test(declarator.id.name) && isFunction(declarator.init)) out.push(declarator.init);
    }
  }
  return out;
}

/** `({ … })`, `{ … } as const`, `{ … } satisfies Context`. */
function unwrapped(node: Node): Node {
  let current = node;
  while (current.type === "TSAsExpression" || current.type === "TSSatisfiesExpression") current = current.expression;
  return current;
}

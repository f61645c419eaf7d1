/**
 * `require("x")`: the module a CommonJS require names, for every reader of a module's imports
 * (the client graph's server-code test, require-rate-limit's bindings and shared clients).
 */
import type { TSESTree } from "./ast";

/** "x" for `require("x")` (a string literal or a template without holes); undefined for anything else. */
export function requiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require") return undefined;
  const first = node.arguments[0];
  if (first?.type === "Literal" && typeof first.value === "string") return first.value;
  if (first?.type === "TemplateLiteral" && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * What a class keeps under `this.name`, for the rules that read a URL or key a method sends
 * (require-rate-limit's provider calls, no-client-ai-calls' browser requests).
 */
import type { TSESTree } from "./ast";

type Node = TSESTree.Node;

/**
 * What `this.name` holds, as its class sets it: the field's initializer (`private apiUrl =
 * "https://…"`) or the constructor's `this.name = value` (jenniferccao/Chirp's `this.baseUrl =
 * 'https://api.elevenlabs.io/v1'`). Undefined outside a class, or when neither sets it.
 */
export function thisMemberValue(node: Node): Node | undefined {
  if (node.type !== "MemberExpression" || node.computed || node.object.type !== "ThisExpression") return undefined;
  if (node.property.type !== "Identifier" && node.property.type !== "PrivateIdentifier") return undefined;
  const name = node.property.name;
  let body: TSESTree.ClassBody | undefined;
  for (let current: Node | undefined = node.parent; current && !body; current = current.parent) if (current.type === "ClassBody") body = current;
  for (const member of body?.body ?? []) {
    if (member.type === "PropertyDefinition" && !member.computed && (member.key.type === "Identifier" || member.key.type === "PrivateIdentifier") && member.key.name === name && member.value) return member.value;
    if (member.type !== "MethodDefinition" || member.kind !== "constructor") continue;
    for (const statement of member.value.body?.body ?? []) {
      const assigned = statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && statement.expression.operator === "=" ? statement.expression : undefined;
      const target = assigned?.left;
      if (target?.type === "MemberExpression" && !target.computed && target.object.type === "ThisExpression" && (target.property.type === "Identifier" || target.property.type === "PrivateIdentifier") && target.property.name === name) return assigned!.right;
    }
  }
  return undefined;
}

/**
 * What a class keeps under `this.name`, for the rules that read a URL or key a method sends
 * (require-rate-limit's provider calls, no-client-ai-calls' browser requests).
 */
import type { TSESTree } from "./ast";
import { walk } from "./client/walk";
import { binds } from "./patterns";

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

/**
 * The method `this.name()` calls, as the enclosing class declares it (a method, or a field holding a
 * function): `this.getApiKey()` in an Angular service (PioGodwin-M/ed, batch 89).
 */
export function thisMethod(call: Node): TSESTree.FunctionLike | undefined {
  if (call.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.callee.computed || call.callee.object.type !== "ThisExpression") return undefined;
  const property = call.callee.property;
  if (property.type !== "Identifier" && property.type !== "PrivateIdentifier") return undefined;
  let body: TSESTree.ClassBody | undefined;
  for (let current: Node | undefined = call.parent; current && !body; current = current.parent) if (current.type === "ClassBody") body = current;
  for (const member of body?.body ?? []) {
    if (member.type !== "MethodDefinition" && member.type !== "PropertyDefinition") continue;
    if (member.computed || (member.key.type !== "Identifier" && member.key.type !== "PrivateIdentifier") || member.key.name !== property.name) continue;
    if (member.type === "MethodDefinition" && member.kind === "method") return member.value;
    if (member.type === "PropertyDefinition" && (member.value?.type === "ArrowFunctionExpression" || member.value?.type === "FunctionExpression")) return member.value;
  }
  return undefined;
}

/** Whether `value` (what a constructor stores under `this.name`) is a parameter of the function it is in: the caller's value. */
export function isOwnParameter(value: Node): boolean {
  if (value.type !== "Identifier") return false;
  for (let current: Node | undefined = value.parent; current; current = current.parent) {
    if (current.type === "FunctionExpression" || current.type === "FunctionDeclaration" || current.type === "ArrowFunctionExpression") return current.params.some((param) => binds(param, value.name));
  }
  return false;
}

/**
 * Whether a method of the class (not its constructor) assigns `this.name`: the field then holds what
 * that method sets at run time (a key loaded from the user's settings: nicholasching/Perception's
 * `this.apiKey = settings.geminiApiKey`, its initializer a placeholder), not only its initializer.
 */
export function assignedInMethods(node: Node): boolean {
  if (node.type !== "MemberExpression" || node.computed || node.object.type !== "ThisExpression") return false;
  if (node.property.type !== "Identifier" && node.property.type !== "PrivateIdentifier") return false;
  const name = node.property.name;
  let body: TSESTree.ClassBody | undefined;
  for (let current: Node | undefined = node.parent; current && !body; current = current.parent) if (current.type === "ClassBody") body = current;
  let assigned = false;
  for (const member of body?.body ?? []) {
    if (member.type !== "MethodDefinition" || member.kind === "constructor" || !member.value.body) continue;
    walk(member.value.body, (child) => {
      if (assigned) return false;
      if (child.type !== "AssignmentExpression") return undefined;
      const target = child.left;
      if (target.type === "MemberExpression" && !target.computed && target.object.type === "ThisExpression" && (target.property.type === "Identifier" || target.property.type === "PrivateIdentifier") && target.property.name === name) assigned = true;
      return undefined;
    });
    if (assigned) return true;
  }
  return false;
}


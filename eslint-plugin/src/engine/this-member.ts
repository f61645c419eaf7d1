/**
 * What a class keeps under `this.name`, for the rules that read a URL or key a method sends
 * (require-rate-limit's provider calls, no-client-ai-calls' browser requests).
 */
import type { TSESTree } from "./ast";
import { walk } from "./client/walk";
import { binds } from "./patterns";

type Node = TSESTree.Node;

/** `name` of `this.name` (`this.#name` too), else undefined. */
function thisMemberName(node: Node | undefined): string | undefined {
  if (node?.type !== "MemberExpression" || node.computed || node.object.type !== "ThisExpression") return undefined;
  return node.property.type === "Identifier" || node.property.type === "PrivateIdentifier" ? node.property.name : undefined;
}

/** The body of the class `node` is in, if any. */
function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) if (current.type === "ClassBody") return current;
  return undefined;
}

/** A class member's own name (`apiKey`, `#apiKey`), not a computed one. */
function memberName(member: TSESTree.ClassElement): string | undefined {
  if (member.type !== "MethodDefinition" && member.type !== "PropertyDefinition") return undefined;
  return !member.computed && (member.key.type === "Identifier" || member.key.type === "PrivateIdentifier") ? member.key.name : undefined;
}

/**
 * What `this.name` holds, as its class sets it: the field's initializer (`private apiUrl =
 * "https://…"`) or the constructor's `this.name = value` (jenniferccao/Chirp's `this.baseUrl =
 * 'https://api.elevenlabs.io/v1'`). Undefined outside a class, or when neither sets it.
 */
export function thisMemberValue(node: Node): Node | undefined {
  const name = thisMemberName(node);
  if (name === undefined) return undefined;
  for (const member of enclosingClassBody(node)?.body ?? []) {
    if (member.type === "PropertyDefinition" && memberName(member) === name && member.value) return member.value;
    if (member.type !== "MethodDefinition" || member.kind !== "constructor") continue;
    for (const statement of member.value.body?.body ?? []) {
      const assigned = statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && statement.expression.operator === "=" ? statement.expression : undefined;
      if (assigned && thisMemberName(assigned.left) === name) return assigned.right;
    }
  }
  return undefined;
}

/**
 * The method `this.name()` calls, as the enclosing class declares it (a method, or a field holding a
 * function): `this.getApiKey()` in an Angular service (PioGodwin-M/ed, batch 89).
 */
export function thisMethod(call: Node): TSESTree.FunctionLike | undefined {
  const name = call.type === "CallExpression" ? thisMemberName(call.callee) : undefined;
  if (name === undefined) return undefined;
  for (const member of enclosingClassBody(call)?.body ?? []) {
    if (memberName(member) !== name) continue;
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
  const name = thisMemberName(node);
  if (name === undefined) return false;
  let assigned = false;
  for (const member of enclosingClassBody(node)?.body ?? []) {
    if (member.type !== "MethodDefinition" || member.kind === "constructor" || !member.value.body) continue;
    walk(member.value.body, (child) => {
      if (assigned) return false;
      if (child.type === "AssignmentExpression" && thisMemberName(child.left) === name) assigned = true;
      return undefined;
    });
    if (assigned) return true;
  }
  return false;
}

/**
 * What `this.name` holds when the class sets it once, as a field or in its constructor
 * (`private readonly apiKey = process.env.ELEVENLABS_API_KEY`: BachaMedAmine/rfid-auth-backend, batch 114);
 * undefined for one a method sets at run time or one set from a constructor parameter (the caller's).
 */
export function fieldSetOnce(node: Node): Node | undefined {
  if (thisMemberName(node) === undefined || assignedInMethods(node)) return undefined;
  const value = thisMemberValue(node);
  return value && !isOwnParameter(value) ? value : undefined;
}

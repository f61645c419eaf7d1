/**
 * A call of the file's own client factory (`getClient()`, a singleton getter) that only asks whether a
 * client can be made: `const client = getClient(); res.json({ configured: client !== null })` in a
 * health route (67-CPU/Vue-deepseek, real-app batch 200). Making the client runs no model.
 *
 * Anything else the route does with what the factory hands back still counts as a call (the client
 * is often used in ways not followed: destructured, handed to a helper, picked in a switch); a call
 * on the const itself (`client.chat.completions.create(…)`) is found on its own, the const being bound
 * to the factory's provider.
 */
import type { TSESTree } from "../../ast";
import { walk } from "../ast-utils";

type Node = TSESTree.Node;

/** The factory call `call` is only tested, as written or through the const it initializes. */
export function factoryResultOnlyTested(call: TSESTree.CallExpression): boolean {
  if (isTested(call)) return true;
  const declarator = call.parent;
  if (declarator?.type !== "VariableDeclarator" || declarator.init !== call || declarator.id.type !== "Identifier") return false;
  const name = declarator.id.name;
  const scope = enclosingFunction(declarator);
  if (!scope) return false;
  let handedOn = false;
  walk(scope, (node) => {
    if (handedOn || node.type !== "Identifier" || node.name !== name || node === declarator.id) return;
    const parent = node.parent;
    // `client.chat.completions.create(…)`: a use of its own, judged where it is.
    if (parent?.type === "MemberExpression" && parent.object === node) return;
    // A property's name (`{ client: 1 }`, `x.client`) is no reference.
    if (parent?.type === "Property" && parent.key === node && !parent.computed && !parent.shorthand) return;
    if (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) return;
    if (!isTested(node)) handedOn = true;
  });
  return !handedOn;
}

/** `x !== null`, `!x`, `if (x)`, `x ? a : b`, `Boolean(x)`, `x && …` in a test: whether it is there, not what it does. */
function isTested(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "BinaryExpression":
      return ["===", "!==", "==", "!="].includes(parent.operator);
    case "UnaryExpression":
      return parent.operator === "!" || parent.operator === "typeof";
    case "IfStatement":
    case "ConditionalExpression":
    case "WhileStatement":
      return parent.test === node;
    case "LogicalExpression":
      // `client && …` / `client || …`: tested when the whole is itself tested.
      return parent.left === node && isTested(parent);
    case "CallExpression":
      return parent.callee.type === "Identifier" && parent.callee.name === "Boolean" && parent.arguments[0] === node;
    default:
      return false;
  }
}

function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "FunctionDeclaration" || current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression") return current.body ?? undefined;
  }
  return undefined;
}

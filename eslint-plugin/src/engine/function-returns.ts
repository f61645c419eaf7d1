/**
 * What a function itself returns, in order: each `return x` of its body (not of the functions or
 * classes it holds), or an arrow's expression body. One helper for every rule that follows a value
 * out of a function (a getter's key, a loader's data, a service's returned key).
 */
import type { TSESTree } from "./ast";
import { walk } from "./client/walk";

type Node = TSESTree.Node;

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return node?.type === "FunctionDeclaration" || node?.type === "FunctionExpression" || node?.type === "ArrowFunctionExpression";
}

/** The function around `node` (its nearest), or the module's program when none is: where a `const` of it is seen. */
export function functionOrModule(node: Node): Node {
  let current: Node = node;
  while (current.parent) {
    current = current.parent;
    if (isFunction(current)) return current;
  }
  return current;
}

/** The values `body` (a function's body or an arrow's expression) returns, in source order. */
export function functionReturns(body: Node): Node[] {
  if (body.type !== "BlockStatement") return [body];
  const values: Node[] = [];
  walk(body, (node) => {
    if (isFunction(node) || node.type === "ClassDeclaration" || node.type === "ClassExpression") return false;
    if (node.type === "ReturnStatement" && node.argument) values.push(node.argument);
    return undefined;
  });
  return values;
}

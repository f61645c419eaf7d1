/** What a binding pattern declares (a parameter, a declarator's id): shared by the engines that resolve names by hand. */
import type { TSESTree } from "./ast";

type Node = TSESTree.Node;

/** Whether a parameter or declarator pattern binds `name`: `key`, `key = ""`, `{ key }`, `[key]`, `...key`, `private key`. */
export function binds(pattern: Node, name: string): boolean {
  switch (pattern.type) {
    case "Identifier":
      return pattern.name === name;
    case "AssignmentPattern":
      return binds(pattern.left, name);
    case "RestElement":
      return binds(pattern.argument, name);
    case "ArrayPattern":
      return pattern.elements.some((element) => element !== null && binds(element, name));
    case "ObjectPattern":
      return pattern.properties.some((property) => binds(property.type === "Property" ? property.value : property, name));
    case "TSParameterProperty":
      return binds(pattern.parameter, name);
    default:
      return false;
  }
}

/**
 * The parameter of the nearest function around `node` that binds `name` (the pattern as written:
 * `key`, `key = default`, `{ key }`), or undefined when no function around it takes one.
 */
export function parameterAround(node: Node, name: string): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== "FunctionDeclaration" && current.type !== "FunctionExpression" && current.type !== "ArrowFunctionExpression") continue;
    const param = current.params.find((candidate) => binds(candidate, name));
    if (param) return param;
  }
  return undefined;
}

/**
 * String and template literals of a file with the names around them: where hardcoded keys sit,
 * and what a "move key" fix replaces.
 */
import type { TSESTree } from "../../eslint-plugin/src/engine/ast";

export interface StringLiteral {
  node: TSESTree.Literal | TSESTree.TemplateLiteral;
  value: string;
  range: [number, number];
  /** Where `value` starts inside the node's source (1 past the quote). */
  offset: number;
  context: string[];
}

/** String and template literals whose source text is their value (no escapes): offsets map 1:1. */
export function stringLiterals(ast: TSESTree.Program): StringLiteral[] {
  const out: StringLiteral[] = [];
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop() as TSESTree.Node & Record<string, unknown>;
    if (node.type === "Literal" && typeof node.value === "string" && node.raw.slice(1, -1) === node.value) {
      out.push({ node, value: node.value, range: node.range, offset: 1, context: contextOf(node) });
    } else if (node.type === "TemplateLiteral") {
      for (const quasi of node.quasis) {
        const raw = quasi.value.raw;
        if (raw.length >= 16) out.push({ node, value: raw, range: quasi.range, offset: 1, context: contextOf(node) });
      }
    }
    for (const key in node) {
      if (key === "parent" || key === "loc" || key === "range") continue;
      const value = node[key];
      if (Array.isArray(value)) for (const child of value) child && typeof child === "object" && "type" in child && stack.push(child);
      else if (value && typeof value === "object" && "type" in value) stack.push(value);
    }
  }
  return out;
}

/** Names next to a literal: variable, property, JSX attribute, callee. */
export function contextOf(node: TSESTree.Node): string[] {
  const words: string[] = [];
  for (let n: TSESTree.Node | undefined = node.parent, depth = 0; n && depth < 4; n = n.parent, depth++) {
    if (n.type === "VariableDeclarator" && n.id.type === "Identifier") words.push(n.id.name);
    else if (n.type === "Property" && n.key.type === "Identifier") words.push(n.key.name);
    else if (n.type === "JSXAttribute" && n.name.type === "JSXIdentifier") words.push(n.name.name);
    else if (n.type === "NewExpression" && n.callee.type === "Identifier") words.push(n.callee.name);
    else if (n.type === "CallExpression" && n.callee.type === "Identifier") words.push(n.callee.name);
    else if (n.type === "AssignmentExpression" && n.left.type === "MemberExpression" && n.left.property.type === "Identifier") words.push(n.left.property.name);
  }
  return words;
}


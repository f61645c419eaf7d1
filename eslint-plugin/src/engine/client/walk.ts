/**
 * One small walker for both ASTs this area reads: TSESTree (the linted file) and oxc's ESTree
 * (every other file). oxc follows the TS-ESTree shapes, so the same visitor keys serve both.
 */
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import type { TSESTree } from "../ast";

/** A node of either AST; both carry `type` and (we ask oxc for it) `range`. */
export interface AnyNode {
  type: string;
  range?: [number, number];
  [key: string]: unknown;
}

const SKIP_KEYS = new Set(["parent", "type", "range", "loc", "start", "end"]);

export function childKeys(node: AnyNode): readonly string[] {
  return visitorKeys[node.type] ?? Object.keys(node).filter((key) => !SKIP_KEYS.has(key));
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as AnyNode).type === "string";
}

/**
 * Depth-first walk. `visit` returning false skips the node's children.
 * `enter(key)` lets callers prune by the key a child sits under (type annotations…).
 */
export function walk(
  root: TSESTree.Node | AnyNode,
  visit: (node: TSESTree.Node, parentKey: string | undefined) => boolean | void,
  skipKey?: (parent: AnyNode, key: string) => boolean,
): void {
  // Two parallel stacks, not a stack of [node, key] pairs: no allocation per node visited (the
  // rules walk every tree ESLint gives them, and those pairs were a good part of the lint's garbage).
  const nodes: AnyNode[] = [root as AnyNode];
  const keysOf: Array<string | undefined> = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const key = keysOf.pop();
    if (visit(node as unknown as TSESTree.Node, key) === false) continue;
    const keys = childKeys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const childKey = keys[i];
      if (skipKey?.(node, childKey)) continue;
      const value = node[childKey];
      if (Array.isArray(value)) {
        for (let j = value.length - 1; j >= 0; j--) {
          if (isNode(value[j])) {
            nodes.push(value[j]);
            keysOf.push(childKey);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        keysOf.push(childKey);
      }
    }
  }
}

export function rangeOf(node: TSESTree.Node | AnyNode): [number, number] {
  const anyNode = node as AnyNode;
  if (anyNode.range) return anyNode.range;
  return [Number(anyNode.start ?? 0), Number(anyNode.end ?? 0)];
}

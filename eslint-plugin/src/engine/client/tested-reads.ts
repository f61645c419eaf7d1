/**
 * Whether code uses an env read's value or only asks whether it is set: `!!process.env.X`,
 * `Boolean(process.env.X)`, `process.env.X === "1"`, `typeof process.env.X`, `if (process.env.X)`,
 * `process.env.X && …`, a conditional's test. Through `??`, `||`, the right of `&&`, a
 * conditional's branches and type wrappers, the value is still the read's.
 *
 *   onlyTested(read) → true when nothing the read gives is kept or passed on
 */
import type { TSESTree } from "../ast";

const COMPARISONS = new Set(["===", "!==", "==", "!=", "<", "<=", ">", ">=", "in", "instanceof"]);
/** Nodes between a read and what uses it, where the value passes through unchanged. */
const THROUGH = new Set(["ChainExpression", "TSNonNullExpression", "TSAsExpression", "TSSatisfiesExpression"]);

export function onlyTested(read: TSESTree.Node): boolean {
  // A member access's name (`process.env.X`'s X, as env-reads reports it): the value is the access's.
  let child: TSESTree.Node = read.parent?.type === "MemberExpression" && read.parent.property === read ? read.parent : read;
  for (let parent = child.parent, hops = 0; parent && hops < 8; parent = parent.parent, hops++) {
    if (THROUGH.has(parent.type)) {
      child = parent;
      continue;
    }
    switch (parent.type) {
      case "LogicalExpression":
        if (parent.operator === "&&" && parent.left === child) return true;
        break;
      case "ConditionalExpression":
        if (parent.test === child) return true;
        break;
      case "UnaryExpression":
        return parent.operator === "!" || parent.operator === "typeof" || parent.operator === "void";
      case "BinaryExpression":
        return COMPARISONS.has(parent.operator);
      case "IfStatement":
      case "WhileStatement":
      case "DoWhileStatement":
        return parent.test === child;
      case "CallExpression":
        return parent.callee.type === "Identifier" && parent.callee.name === "Boolean" && parent.arguments[0] === child;
      default:
        return false;
    }
    child = parent;
  }
  return false;
}

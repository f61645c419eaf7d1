/**
 * A limiter that only answers: `ratelimit.limit(id)` (@upstash/ratelimit, @unkey/ratelimit)
 * returns `{ success, remaining, reset }` and blocks nothing by itself. A route that never looks
 * at `success` runs the model call over the limit too (jacob-craffey/tune-brush, batch 40: `const
 * { success, remaining } = await rateLimiter.limit(email)`, then only `console.log(success)`).
 *
 * Limiters that throw or answer themselves when over (`limiter.consume()`, Express middleware,
 * `checkRateLimit(req)`) are not asked about: their result may be ignored.
 */
import type { TSESTree } from "../../ast";
import { walk } from "../ast-utils";

type Node = TSESTree.Node;

/** True for `x.limit(…)` whose result is dropped, or kept in a name that is never checked. */
export function limitResultIgnored(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.callee.computed) return false;
  if (call.callee.property.type !== "Identifier" || call.callee.property.name !== "limit") return false;
  let used: Node = call;
  while (used.parent && (used.parent.type === "AwaitExpression" || used.parent.type === "TSNonNullExpression" || used.parent.type === "TSAsExpression")) used = used.parent;
  const parent = used.parent;
  if (parent?.type === "ExpressionStatement") return true;
  if (parent?.type !== "VariableDeclarator" || parent.init !== used) return false;
  const scope = enclosingFunction(parent);
  if (!scope) return false;
  // `const result = await ratelimit.limit(ip)`: the whole result, never read.
  if (parent.id.type === "Identifier") return !checked(scope, parent.id.name, parent.id);
  if (parent.id.type !== "ObjectPattern") return false;
  // `const { success } = …`: success never read (a `...rest` could hold it: not judged).
  let success: TSESTree.Identifier | undefined;
  for (const property of parent.id.properties) {
    if (property.type === "RestElement") return false;
    if (!property.computed && property.key.type === "Identifier" && property.key.name === "success") {
      if (property.value.type !== "Identifier") return false;
      success = property.value;
    }
  }
  return success ? !checked(scope, success.name, success) : true;
}

function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "FunctionDeclaration" || current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression") return current;
  }
  return undefined;
}

/** Any read of `name` in `scope` other than its declaration and arguments to `console.*` (a log checks nothing). */
function checked(scope: Node, name: string, declared: TSESTree.Identifier): boolean {
  let read = false;
  walk(scope, (node) => {
    if (read || node.type !== "Identifier" || node.name !== name || node === declared) return;
    const parent = node.parent;
    // A property key (a shorthand `{ success }` has its value visited too), `obj.success`: not this name.
    if (parent?.type === "Property" && parent.key === node && !parent.computed) return;
    if (parent?.type === "MemberExpression" && parent.property === node && !parent.computed) return;
    if (!logged(node)) read = true;
  });
  return read;
}

/** Inside the arguments of `console.log(…)` (or any console method), within the same expression. */
export function logged(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "CallExpression") {
      const callee = current.callee;
      if (callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.object.name === "console") return true;
    }
    if (current.type.endsWith("Statement") || current.type === "VariableDeclarator") return false;
  }
  return false;
}

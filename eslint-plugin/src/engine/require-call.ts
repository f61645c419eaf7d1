/**
 * `require("x")`: the module a CommonJS require names, for every reader of a module's imports
 * (the client graph's server-code test, require-rate-limit's bindings and shared clients).
 */
import type { TSESTree } from "./ast";

/** tsc's CommonJS helpers around a require: `__importDefault(require("openai"))`, `__importStar(require(…))`. */
const TSC_IMPORT_HELPER = /^__import(?:Star|Default)$/;

/**
 * "x" for `require("x")` (a string literal or a template without holes), also wrapped in tsc's
 * `__importDefault` / `__importStar` (committed build output: DJ-Greenwood/bubbas-app's
 * `functions/lib/`, batch 53); undefined for anything else.
 */
export function requiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type === "CallExpression" && node.callee.type === "Identifier" && TSC_IMPORT_HELPER.test(node.callee.name) && node.arguments.length === 1) {
    return requiredModule(node.arguments[0] as TSESTree.Node);
  }
  if (node?.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require") return undefined;
  const first = node.arguments[0];
  if (first?.type === "Literal" && typeof first.value === "string") return first.value;
  if (first?.type === "TemplateLiteral" && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

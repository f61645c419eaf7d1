/**
 * The fix for a hardcoded key, as a FixPlan the ESLint rule offers as a suggestion and the
 * extension as a quick fix. Only plans that keep the code valid are offered:
 *   "sk-…"                    → process.env.NAME
 *   "Bearer sk-…"             → `Bearer ${process.env.NAME}`
 *   `Bearer sk-…` (template)  → `Bearer ${process.env.NAME}`
 *   <X apiKey="sk-…" />       → <X apiKey={process.env.NAME} />
 *   process.env.X ?? "sk-…"   → process.env.X
 * Keys in comments, object keys, types (template literal types too), enums, module export names
 * (`export { a as "…" }`), `as const` literals and tagged templates get no plan: an expression
 * there does not parse or does not type-check (test/support/suggestion-check.ts applies every
 * suggestion of the rule tests and type-checks the result).
 */
import type { TSESTree } from "../../ast";
import type { FixPlan } from "../../finding";
import { formatMessage } from "../../finding";
import { hardcodedKeyMessages } from "../messages";

export interface FixInput {
  file: string;
  text: string;
  node: TSESTree.Literal | TSESTree.TemplateElement | TSESTree.JSXText;
  parent: TSESTree.Node | undefined;
  grandparent: TSESTree.Node | undefined;
  keyStart: number;
  keyEnd: number;
  envVar: string;
  /** `process.env.X ?? "…"` the string is the fallback of. */
  fallbackFor?: TSESTree.LogicalExpression;
}

function plan(file: string, title: string, start: number, end: number, text: string): FixPlan {
  return { title, edits: [{ kind: "replace", file, range: { start, end }, text }], isPreferred: true };
}

/** Raw string content that means the same inside a template literal (no escapes to re-check). */
function safeInTemplate(raw: string): boolean {
  return !raw.includes("\\") && !raw.includes("`") && !raw.includes("${");
}

function noPlanHere(parent: TSESTree.Node | undefined, node: TSESTree.Node): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case "Property":
    case "PropertyDefinition":
    case "MethodDefinition":
    case "AccessorProperty":
    case "TSPropertySignature":
      return parent.key === node;
    case "TSLiteralType":
    case "TSEnumMember":
    case "ImportAttribute":
    case "ExpressionStatement": // a directive prologue
    case "ImportSpecifier": // `import { "…" as a }`, `export { a as "…" }`: module export names
    case "ExportSpecifier":
      return true;
    case "ExportAllDeclaration": // `export * as "…" from "m"`
      return parent.exported === node;
    default:
      return false;
  }
}

export function fixPlans(input: FixInput): FixPlan[] {
  const { file, text, node, parent, envVar, keyStart, keyEnd } = input;
  const envRead = `process.env.${envVar}`;
  const useEnv = formatMessage(hardcodedKeyMessages.useEnvVar, { envVar });

  if (input.fallbackFor) {
    const left = input.fallbackFor.left;
    const leftText = text.slice(left.range[0], left.range[1]);
    const title = formatMessage(hardcodedKeyMessages.removeFallback, { envRead: leftText });
    return [plan(file, title, input.fallbackFor.range[0], input.fallbackFor.range[1], leftText)];
  }

  if (node.type === "TemplateElement") {
    if (input.grandparent?.type === "TaggedTemplateExpression") return [];
    // A template literal TYPE (`type K = \`…\``, `\`…${string}\``): no value can go there.
    if (input.parent?.type !== "TemplateLiteral" || input.grandparent?.type === "TSLiteralType") return [];
    return [plan(file, useEnv, keyStart, keyEnd, `\${${envRead}}`)];
  }

  if (node.type === "JSXText") return [plan(file, useEnv, keyStart, keyEnd, `{${envRead}}`)];

  if (noPlanHere(parent, node)) return [];
  const [start, end] = node.range;
  const inJsxAttribute = parent?.type === "JSXAttribute";
  const wholeLiteral = keyStart === start + 1 && keyEnd === end - 1;
  // `"…" as const` accepts literals only (a template literal with an expression is fine).
  if (wholeLiteral && isConstAssertion(parent)) return [];
  if (wholeLiteral) return [plan(file, useEnv, start, end, inJsxAttribute ? `{${envRead}}` : envRead)];

  const before = text.slice(start + 1, keyStart);
  const after = text.slice(keyEnd, end - 1);
  if (!safeInTemplate(before) || !safeInTemplate(after)) return [];
  const template = `\`${before}\${${envRead}}${after}\``;
  return [plan(file, useEnv, start, end, inJsxAttribute ? `{${template}}` : template)];
}

/** `x as const` and `<const>x`. */
function isConstAssertion(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== "TSAsExpression" && node?.type !== "TSTypeAssertion") return false;
  const type = node.typeAnnotation;
  return type.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "const";
}

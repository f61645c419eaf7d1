/**
 * The app's own modules a route's file imports, read for what they export: parsed once per text
 * (whichever reader asks first: a tRPC procedure base, a fetch wrapper), and only when their text
 * mentions what the reader looks for.
 *
 *   parsedModuleMentioning(file, word) → the module's tree, or undefined (unreadable, or no `word` in it)
 *   exportedValue(module, name)        → what it exports under `name` ("default" for its default export)
 */
import { parseSource, type SourceFile, type TSESTree } from "../../ast";
import { commonJsExport, moduleDeclaration } from "../ast-utils";
import { diskProjectView } from "../disk-project-view";

type Node = TSESTree.Node;

/** By path: parsed again when the text changes. */
const parsedModules = new Map<string, { text: string; module: SourceFile | undefined }>();

export function parsedModuleMentioning(file: string, word: string): SourceFile | undefined {
  const text = diskProjectView().read(file);
  if (text === undefined || !text.includes(word)) return undefined;
  const cached = parsedModules.get(file);
  if (cached && cached.text === text) return cached.module;
  const module = parseSource(file, text, { loc: false, comments: false });
  if (parsedModules.size > 100) parsedModules.clear();
  parsedModules.set(file, { text, module });
  return module;
}

/**
 * What a module exports under `name` ("default" for its default export): `export function name`,
 * `export const name = (…) => …`, `export { local as name }`, `exports.name = …`, `module.exports = { name }`.
 */
export function exportedValue(module: SourceFile, name: string): Node | undefined {
  const declared = (value: Node | null | undefined) => (value?.type === "Identifier" ? moduleDeclaration(module.ast, value.name)?.value : (value ?? undefined));
  for (const statement of module.ast.body) {
    if (statement.type === "ExportDefaultDeclaration" && name === "default") return declared(statement.declaration as Node);
    if (statement.type === "ExportNamedDeclaration" && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id?.name === name) return declaration;
      if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations) if (declarator.id.type === "Identifier" && declarator.id.name === name) return declarator.init ?? undefined;
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
        if (exported === name) return declared(specifier.local as Node);
      }
    }
    if (statement.type !== "ExpressionStatement" || statement.expression.type !== "AssignmentExpression") continue;
    const { left, right } = statement.expression;
    const target = commonJsExport(left);
    if (target === name) return declared(right);
    if (target === "default" && right.type === "ObjectExpression") {
      for (const property of right.properties) {
        if (property.type === "Property" && !property.computed && property.key.type === "Identifier" && property.key.name === name) return declared(property.value as Node);
      }
    }
  }
  return undefined;
}

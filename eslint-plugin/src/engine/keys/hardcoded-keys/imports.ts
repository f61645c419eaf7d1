/** The packages a file imports at its top level (`import … from "x"`, `require("x")`). */
import type { TSESTree } from "../../ast";

function requireSource(node: TSESTree.Node | null | undefined): string | undefined {
  if (
    node?.type === "CallExpression" &&
    node.callee.type === "Identifier" &&
    node.callee.name === "require" &&
    node.arguments[0]?.type === "Literal" &&
    typeof node.arguments[0].value === "string"
  ) {
    return node.arguments[0].value;
  }
  if (node?.type === "AwaitExpression" && node.argument.type === "ImportExpression") {
    const source = node.argument.source;
    return source.type === "Literal" && typeof source.value === "string" ? source.value : undefined;
  }
  return undefined;
}

export function importedPackages(program: TSESTree.Program): string[] {
  const packages: string[] = [];
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") packages.push(statement.source.value);
    else if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        const source = requireSource(declarator.init);
        if (source) packages.push(source);
      }
    }
  }
  return packages.filter((name) => !name.startsWith("."));
}

/**
 * JS stand-in for `oxc-parser`: the same `parseSync` call answered by the TypeScript-ESTree parser.
 * Used where oxc (a native binary) is not: in the extension bundle (a .vsix stays small and
 * platform-neutral), when the platform's binary is not installed (./native), and for files
 * nested deeper than oxc's native stack survives (./parse-depth) — a JS parser overflowing
 * throws a RangeError, caught below, where oxc kills the process. Only the fields the engine
 * reads are produced (module-info.ts).
 */
import { parse, type TSESTree } from "@typescript-eslint/typescript-estree";
import { visitorKeys } from "@typescript-eslint/visitor-keys";

interface Options {
  lang?: "ts" | "tsx" | "js" | "jsx" | "dts";
}

interface ExportEntry {
  moduleRequest: { value: string } | null;
  exportName: { name: string | null; kind: string };
  isType: boolean;
}

const FAILED = { program: null, module: { staticImports: [], staticExports: [], dynamicImports: [] }, errors: [{ severity: "Error" }] };

/** The call shape the engine makes of oxc-parser (and of this stand-in). */
export type ParseFunction = (
  file: string,
  text: string,
  options?: { lang?: "ts" | "tsx" | "js" | "jsx" | "dts"; [option: string]: unknown },
) => { program: unknown; errors: Array<{ severity: string }> };

export function parseSync(file: string, text: string, options: Options = {}) {
  let ast: TSESTree.Program;
  try {
    const jsx = options.lang ? options.lang === "tsx" || options.lang === "jsx" : !/\.[cm]?ts$/i.test(file);
    ast = parse(text, { jsx, range: true, loc: false, comment: false, tokens: false, errorOnUnknownASTType: false, filePath: file });
  } catch {
    return FAILED;
  }
  const staticImports = [];
  const staticExports: Array<{ start: number; end: number; entries: ExportEntry[] }> = [];
  for (const node of ast.body) {
    const [start, end] = node.range;
    if (node.type === "ImportDeclaration") {
      staticImports.push({
        start,
        end,
        moduleRequest: { value: node.source.value },
        entries: node.specifiers.map((s) => ({
          localName: { value: s.local.name },
          isType: node.importKind === "type" || (s.type === "ImportSpecifier" && s.importKind === "type"),
        })),
      });
    } else if (node.type === "ExportNamedDeclaration") {
      const request = node.source ? { value: node.source.value } : null;
      const typeOnly = node.exportKind === "type";
      const entries: ExportEntry[] = node.specifiers.map((s) => ({
        moduleRequest: request,
        exportName: { name: nameOf(s.exported), kind: "Name" },
        isType: typeOnly || s.exportKind === "type",
      }));
      if (node.declaration) {
        const isType = typeOnly || /^TS(?:Interface|TypeAlias|Enum|Module|DeclareFunction)/.test(node.declaration.type) || ("declare" in node.declaration && node.declaration.declare === true);
        for (const name of declaredNames(node.declaration)) entries.push({ moduleRequest: null, exportName: { name, kind: "Name" }, isType });
      }
      staticExports.push({ start, end, entries });
    } else if (node.type === "ExportAllDeclaration") {
      staticExports.push({
        start,
        end,
        entries: [{
          moduleRequest: { value: node.source.value },
          exportName: { name: node.exported ? nameOf(node.exported) : null, kind: node.exported ? "Name" : "None" },
          isType: node.exportKind === "type",
        }],
      });
    } else if (node.type === "ExportDefaultDeclaration") {
      staticExports.push({ start, end, entries: [{ moduleRequest: null, exportName: { name: null, kind: "Default" }, isType: false }] });
    }
  }
  return { program: ast, module: { staticImports, staticExports, dynamicImports: dynamicImports(ast) }, errors: [] };
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

function declaredNames(node: TSESTree.Node): string[] {
  if (node.type === "VariableDeclaration") return node.declarations.flatMap((d) => patternNames(d.id));
  if ("id" in node && node.id && typeof node.id === "object" && node.id.type === "Identifier") return [node.id.name];
  return [];
}

function patternNames(node: TSESTree.Node | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case "Identifier":
      return [node.name];
    case "ObjectPattern":
      return node.properties.flatMap((p) => patternNames(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return node.elements.flatMap((e) => patternNames(e));
    case "AssignmentPattern":
      return patternNames(node.left);
    case "RestElement":
      return patternNames(node.argument);
    default:
      return [];
  }
}

function dynamicImports(ast: TSESTree.Program) {
  const out = [];
  const stack: TSESTree.Node[] = [ast];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "ImportExpression") {
      out.push({ start: node.range[0], end: node.range[1], moduleRequest: { start: node.source.range[0], end: node.source.range[1] } });
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const child of value) child && typeof child === "object" && stack.push(child as TSESTree.Node);
      else if (value && typeof value === "object") stack.push(value as TSESTree.Node);
    }
  }
  return out;
}

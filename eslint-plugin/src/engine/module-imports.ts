/**
 * What a module imports, by local name: one reader for every rule that follows a name back to the
 * module it came from (require-rate-limit's shared clients, no-served-keys' imported keys).
 *
 *   localImports(source)    → each import or require, with the names it binds
 *   importOf(source, local) → where one local name comes from, if the file imports it
 *
 * A whole-module binding is named "*" (`import * as s`) or "default" (`import s from`, `const s =
 * require()`); a caller that reads `s.member` treats the two alike. Answers are kept per parsed file.
 */
import type { SourceFile, TSESTree } from "./ast";
import { walk } from "./client/walk";
import { requiredModule } from "./require-call";

export interface LocalImport {
  specifier: string;
  names: Array<{ local: string; imported: string }>;
}

const importsOf = new WeakMap<SourceFile, LocalImport[]>();

/**
 * `import { a as b } from "x"`, `import x from "x"`, `import * as x from "x"`, `const { a } = require("x")`,
 * `const x = require("x")`, and ESM's loading on first call, `const { a } = await import("x")`.
 */
export function localImports(source: SourceFile): LocalImport[] {
  let out = importsOf.get(source);
  if (out) return out;
  out = [];
  for (const statement of source.ast.body) {
    if (statement.type === "ImportDeclaration" && statement.importKind !== "type") {
      const names = statement.specifiers.flatMap((specifier) => {
        if (specifier.type === "ImportNamespaceSpecifier") return [{ local: specifier.local.name, imported: "*" }];
        if (specifier.type === "ImportSpecifier" && specifier.importKind === "type") return [];
        const imported = specifier.type === "ImportDefaultSpecifier" ? "default" : specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
        return [{ local: specifier.local.name, imported }];
      });
      if (names.length > 0) out.push({ specifier: String(statement.source.value), names });
    }
    if (statement.type === "VariableDeclaration") for (const declarator of statement.declarations) addRequire(declarator, out);
  }
  // `const aiService = require("./services/aiService")` inside a handler (CommonJS loads it on
  // first call), or `const { gen } = await import("../services/ai.server")` (ESM's way: codebygourav/
  // Shopify-AI-Product-Image-Generator's actions, batch 160): bound by name as a module-level
  // import is (scope-naive, as the rest here).
  if (source.text.includes("require(") || source.text.includes("import(")) {
    const topLevel = new Set<TSESTree.Node>(source.ast.body);
    const found = out;
    walk(source.ast, (node) => {
      if (node.type === "VariableDeclaration" && !topLevel.has(node)) for (const declarator of node.declarations) addRequire(declarator, found);
    });
  }
  importsOf.set(source, out);
  return out;
}

/** Where the file's `local` comes from: the module specifier and the name it has there ("*" / "default" for the whole module). */
export function importOf(source: SourceFile, local: string): { specifier: string; name: string } | undefined {
  for (const { specifier, names } of localImports(source)) {
    const match = names.find((name) => name.local === local);
    if (match) return { specifier, name: match.imported };
  }
  return undefined;
}

function addRequire(declarator: TSESTree.VariableDeclarator, out: LocalImport[]): void {
  const imported = dynamicImport(declarator.init);
  const specifier = requiredModule(declarator.init) ?? imported;
  if (specifier === undefined) return;
  // `await import()` gives the module's namespace; `require()` its exports object (read alike).
  if (declarator.id.type === "Identifier") out.push({ specifier, names: [{ local: declarator.id.name, imported: imported === undefined ? "default" : "*" }] });
  else if (declarator.id.type === "ObjectPattern") {
    const names = declarator.id.properties.flatMap((property) =>
      property.type === "Property" && property.key.type === "Identifier" && property.value.type === "Identifier" ? [{ local: property.value.name, imported: property.key.name }] : [],
    );
    out.push({ specifier, names });
  }
}

/** The module of `await import("x")` (a string literal), else undefined. */
function dynamicImport(init: TSESTree.Expression | null | undefined): string | undefined {
  if (init?.type !== "AwaitExpression" || init.argument.type !== "ImportExpression") return undefined;
  const source = init.argument.source;
  return source.type === "Literal" && typeof source.value === "string" ? source.value : undefined;
}

/**
 * Values a module imports from the app's own modules, for ./browser-keys: apps keep the key and
 * the provider's URL in one config module (`export const openaiConfig = { apiKey:
 * process.env.EXPO_PUBLIC_OPENAI_API_KEY, baseUrl: "https://api.openai.com/…" }`) and every file
 * that calls the provider imports it. Without following the import, `Bearer
 * ${openaiConfig.apiKey}` named no key.
 *
 *   importedModule(fromFile, specifier) → the module's top-level values and what it exports
 *
 * Only top-level `const`/`let` declarations count, exported by `export const`, `export { a as b }`
 * or `export default name`, also through a barrel's `export * from` / `export { a } from`; a module is parsed (TypeScript-ESTree, as ESLint's own file) the
 * first time a key expression asks for one of its values, and kept while its mtime holds.
 * Resolution is the client graph's: tsconfig paths, index files; never a package.
 */
import * as fs from "node:fs";
import { parseSource, type TSESTree } from "../ast";
import { onInvalidate } from "./files";
import { clientGraphFor } from "./graph";

type Node = TSESTree.Node;

/** What a module's top level holds and exports. */
export interface ModuleValues {
  file: string;
  program: TSESTree.Program;
  text: string;
  /** Top-level declarations: name → initializer. */
  consts: Map<string, Node>;
  /** Exported name → local name. */
  exports: Map<string, string>;
  /** `export * from "./keys"` (no names: all but default) and `export { a as b } from "./keys"` (b → a). */
  reexports: Array<{ specifier: string; names?: Map<string, string> }>;
}

/** Files bigger than this are generated or bundled: not where an app keeps its config. */
const MAX_BYTES = 512 * 1024;

const modules = new Map<string, { mtimeMs: number; size: number; values: ModuleValues | undefined }>();
onInvalidate((file) => modules.delete(file));

/** Where an import leads: a file, or undefined for none or a package. */
export type ResolveImport = (fromFile: string, specifier: string) => string | undefined;

/** The client graph's resolver: tsconfig paths, index files; never a package. */
const graphResolve: ResolveImport = (fromFile, specifier) => clientGraphFor(fromFile)?.resolve(fromFile, specifier);

/**
 * The module `specifier` names from `fromFile`, if it is the app's own source. `resolve`: the
 * client graph's by default; a server module (no client graph) passes the route area's.
 */
export function importedModule(fromFile: string, specifier: string, resolve: ResolveImport = graphResolve): ModuleValues | undefined {
  let target: string | undefined;
  try {
    target = resolve(fromFile, specifier);
  } catch {
    return undefined; // an unreadable project says nothing
  }
  return target ? valuesOf(target) : undefined;
}

/** How many barrels deep a name is followed (cycles end there too). */
const MAX_REEXPORTS = 3;

/**
 * The module that declares what `specifier` exports as `name`, with its local name there: also
 * through barrels (`export * from "./keyConfig"` in constants/index.ts, imported as
 * `from "@/constants"`: thanhtrinh-agilityio/react-native, batch 139), a few re-exports deep.
 */
export function importedExport(fromFile: string, specifier: string, name: string, hops = MAX_REEXPORTS, resolve: ResolveImport = graphResolve): { values: ModuleValues; local: string } | undefined {
  const values = importedModule(fromFile, specifier, resolve);
  if (!values) return undefined;
  const local = values.exports.get(name);
  if (local !== undefined) return { values, local };
  if (hops === 0) return undefined;
  for (const reexport of values.reexports) {
    const from = reexport.names ? reexport.names.get(name) : name === "default" ? undefined : name;
    const found = from === undefined ? undefined : importedExport(values.file, reexport.specifier, from, hops - 1, resolve);
    if (found) return found;
  }
  return undefined;
}

function valuesOf(file: string): ModuleValues | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    modules.delete(file);
    return undefined;
  }
  const cached = modules.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.values;
  let values: ModuleValues | undefined;
  if (stat.size <= MAX_BYTES) {
    try {
      const text = fs.readFileSync(file, "utf8");
      const source = parseSource(file, text, { loc: false, comments: false });
      values = source ? topLevelValues(file, source.ast, text) : undefined;
    } catch {
      values = undefined;
    }
  }
  modules.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, values });
  return values;
}

function topLevelValues(file: string, program: TSESTree.Program, text: string): ModuleValues {
  const consts = new Map<string, Node>();
  const exports = new Map<string, string>();
  const reexports: ModuleValues["reexports"] = [];
  const declare = (declaration: TSESTree.VariableDeclaration, exported: boolean) => {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== "Identifier" || !declarator.init || consts.has(declarator.id.name)) continue;
      consts.set(declarator.id.name, declarator.init);
      if (exported) exports.set(declarator.id.name, declarator.id.name);
    }
  };
  for (const statement of program.body) {
    if (statement.type === "VariableDeclaration") declare(statement, false);
    else if (statement.type === "ExportNamedDeclaration") {
      if (statement.declaration?.type === "VariableDeclaration") declare(statement.declaration, true);
      // `export function getEnvConfig() { … }`: exported; its body is read through the module's scope (./browser-keys).
      else if (statement.declaration?.type === "FunctionDeclaration" && statement.declaration.id) exports.set(statement.declaration.id.name, statement.declaration.id.name);
      else if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type === "Identifier") exports.set(specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value), specifier.local.name);
        }
      } else if (statement.exportKind !== "type") {
        const names = new Map<string, string>();
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === "type") continue;
          names.set(nameOf(specifier.exported), nameOf(specifier.local));
        }
        if (names.size > 0) reexports.push({ specifier: String(statement.source.value), names });
      }
    } else if (statement.type === "ExportAllDeclaration") {
      // `export * as config from "./keys"` binds a namespace, no name of the module's.
      if (!statement.exported && statement.exportKind !== "type") reexports.push({ specifier: String(statement.source.value) });
    } else if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && statement.expression.operator === "=") {
      commonJsExport(statement.expression, consts, exports);
    } else if (statement.type === "ExportDefaultDeclaration") {
      const value = statement.declaration;
      if (value.type === "Identifier") exports.set("default", value.name);
      else if (value.type === "ObjectExpression") {
        consts.set("(default)", value);
        exports.set("default", "(default)");
      }
    }
  }
  return { file, program, text, consts, exports, reexports };
}

/**
 * CommonJS exports at the top level: `module.exports = { env, config: settings }`, `module.exports.env = env`,
 * `exports.env = { … }`. A name given an identifier exports that const; a value written there is kept
 * under a name no declaration can have (GrandPages/backend-whatsapp-gpt's config module, batch 255).
 */
function commonJsExport(assignment: TSESTree.AssignmentExpression, consts: Map<string, Node>, exports: Map<string, string>): void {
  const target = assignment.left;
  if (target.type !== "MemberExpression" || target.computed || target.property.type !== "Identifier") return;
  const exportAs = (name: string, value: Node) => {
    if (exports.has(name)) return;
    if (value.type === "Identifier") exports.set(name, value.name);
    else {
      consts.set(`(exports.${name})`, value);
      exports.set(name, `(exports.${name})`);
    }
  };
  const object = target.object;
  // `module.exports = { … }`
  if (object.type === "Identifier" && object.name === "module" && target.property.name === "exports") {
    if (assignment.right.type !== "ObjectExpression") return;
    for (const property of assignment.right.properties) {
      if (property.type === "Property" && !property.computed && property.key.type === "Identifier") exportAs(property.key.name, property.value as Node);
    }
    return;
  }
  // `exports.env = …`, `module.exports.env = …`
  const exportsObject = (object.type === "Identifier" && object.name === "exports") || (object.type === "MemberExpression" && !object.computed && object.object.type === "Identifier" && object.object.name === "module" && object.property.type === "Identifier" && object.property.name === "exports");
  if (exportsObject) exportAs(target.property.name, assignment.right);
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

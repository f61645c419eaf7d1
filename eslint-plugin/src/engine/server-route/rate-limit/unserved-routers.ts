/**
 * An Express router no code loads: `const router = express.Router(); router.post("/advice", …)` in a
 * module that no file of its project imports or requires. Its routes are registered on a router
 * nothing mounts, so they answer no request and spend no quota (7onyx7/wildhacks25's
 * routes/financeRoutes.js, JebbyMiller/final_project's routes/gemini.js: real-app batch 226, labelled
 * by a reader as no finding). A router module another file imports for a helper it also exports
 * (yossi-gold/RoamRite's suggestions router, batch 213) counts as loaded: whether its router is
 * mounted is not followed. Nor is a mount from another package of a monorepo: only the router's own
 * package's files are read.
 *
 * Only where the project mounts routers by name (some file's `app.use("/api", chatRouter)`), and never where
 * a file requires or imports a computed path
 * (a `readdirSync` loop's `require(path.join(dir, file))`, `import(\`./routes/${name}\`)`) may load any
 * router, so then every router counts as served. The importers are found by reading the project's code
 * files (the nearest package.json's folder, as mounted-limits does), only for a route that would
 * otherwise be reported, and kept while those files are unchanged.
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { onInvalidate } from "../../client/files";
import { importOf } from "../../module-imports";
import { nearestPackageDir } from "../../package-dir";
import { requiredModule } from "../../require-call";
import type { ProjectView } from "../types";
import { memberPath, walk } from "../ast-utils";
import { mountsRouters } from "./mounted-limits";
import { type Indexed, packageIndex } from "./package-index";
import { resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

interface ImportIndex {
  /** Every code file some file of the project imports, requires or re-exports. */
  imported: Set<string>;
  /** Some file loads a module by a computed path: any router may be loaded. */
  computed: boolean;
}

const indexes = new Map<string, Indexed<ImportIndex>>();
onInvalidate(() => indexes.clear());

/** `router.post(…)` on an Express router of this file (`express.Router()`, `Router()`) that no file of its project loads. */
export function registeredOnUnloadedRouter(source: SourceFile, reportNode: Node, project: ProjectView): boolean {
  if (reportNode.type !== "MemberExpression") return false;
  const { root } = memberPath(reportNode);
  if (root.type !== "Identifier" || !isExpressRouter(source, root.name) || source.text.includes(".listen(")) return false;
  const packageDir = nearestPackageDir(path.dirname(path.resolve(source.file)));
  if (!packageDir) return false;
  // A project that mounts none of its routers where KeyFence sees it (a test's app, a fixture) is not judged.
  if (!mountsRouters(packageDir, project)) return false;
  const index = importIndex(packageDir, project);
  return !index.computed && !index.imported.has(path.resolve(source.file));
}

/** `const router = express.Router()` (or `Router()`, `express.Router({ mergeParams: true })`) with express imported or required. */
function isExpressRouter(source: SourceFile, name: string): boolean {
  for (const statement of source.ast.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== "Identifier" || declarator.id.name !== name || declarator.init?.type !== "CallExpression") continue;
      const callee = declarator.init.callee;
      if (callee.type === "Identifier") return callee.name === "Router" && importOf(source, "Router")?.specifier === "express";
      if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || callee.property.name !== "Router") return false;
      // `require("express").Router()`, or `express.Router()` with `express` imported.
      if (requiredModule(callee.object) === "express") return true;
      return callee.object.type === "Identifier" && importOf(source, callee.object.name)?.specifier === "express";
    }
  }
  return false;
}

function importIndex(root: string, project: ProjectView): ImportIndex {
  return packageIndex(indexes, root, project, {
    mayHold: (text) => text.includes("require") || text.includes("import") || text.includes("export"),
    empty: () => ({ imported: new Set(), computed: false }),
    add: (source, index) => addImports(source, index),
  });
}

/** The files `source` imports, requires (anywhere: `app.use("/x", require("./routes/x"))`) or re-exports. */
function addImports(source: SourceFile, index: ImportIndex): void {
  // Every specifier is resolved: a bare one may be a tsconfig `baseUrl` path (`src/routes/chat`) or an alias.
  const add = (specifier: string) => {
    const target = resolveImport(source.file, specifier);
    if (target) index.imported.add(path.resolve(target));
  };
  walk(source.ast, (node) => {
    if ((node.type === "ImportDeclaration" || node.type === "ExportAllDeclaration" || node.type === "ExportNamedDeclaration") && node.source) add(String(node.source.value));
    else if (node.type === "ImportExpression") {
      const specifier = literalPath(node.source);
      if (specifier === undefined) index.computed = true;
      else add(specifier);
    } else if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments.length > 0) {
      const specifier = requiredModule(node);
      if (specifier === undefined) index.computed = true;
      else add(specifier);
    }
    return undefined;
  });
}

/** A path written out whole: a string, or a template without holes. */
function literalPath(node: Node): string | undefined {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

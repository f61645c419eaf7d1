/**
 * The actions a module imports and hands to the AI SDK's `createAI({ actions: { … } })`
 * (mundume/quickchat-ai, batch 176: src/actions/ai.ts imports `continueConversation` from the
 * `"use server"` module src/actions/actions.ts and builds its `AI` provider with it). createAI binds
 * each one to a server action of its own, which the browser calls through `useActions()`, so the
 * action's export is exposed though no browser module imports it (route-handlers' serverActions).
 *
 *   actionsHandedToCreateAI(file) → the names `file` exports that another module hands to createAI
 *
 * One index per package (the files that spell `createAI(`, ./package-index).
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { onInvalidate } from "../../client/files";
import { nearestPackageDir } from "../../package-dir";
import { walk } from "../ast-utils";
import { diskProjectView } from "../disk-project-view";
import type { ProjectView } from "../types";
import { type Indexed, packageIndex } from "./package-index";
import { resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

const CREATE_AI = /\bcreateAI\s*[<(]/;

/** Action module → the names it exports that some module hands to createAI. */
type ActionsIndex = Map<string, Set<string>>;

const indexes = new Map<string, Indexed<ActionsIndex>>();
onInvalidate(() => indexes.clear());

export function actionsHandedToCreateAI(file: string, project: ProjectView = diskProjectView()): ReadonlySet<string> | undefined {
  const root = nearestPackageDir(path.dirname(path.resolve(file)));
  if (!root) return undefined;
  return packageIndex(indexes, root, project, { mayHold: (text) => CREATE_AI.test(text), empty: () => new Map(), add: addHandedActions }).get(path.resolve(file));
}

/** `createAI({ actions: { continueConversation } })` with `continueConversation` imported by name from a module of the app. */
function addHandedActions(source: SourceFile, index: ActionsIndex): void {
  const imports = namedImports(source);
  walk(source.ast, (node: Node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "createAI") return;
    const options = node.arguments[0];
    if (options?.type !== "ObjectExpression") return;
    for (const property of options.properties) {
      if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || property.key.name !== "actions" || property.value.type !== "ObjectExpression") continue;
      for (const action of property.value.properties) {
        const imported = action.type === "Property" && action.value.type === "Identifier" ? imports.get(action.value.name) : undefined;
        if (!imported) continue;
        const names = index.get(imported.file) ?? new Set<string>();
        names.add(imported.name);
        index.set(imported.file, names);
      }
    }
  });
}

/** Each name an `import { a as b } from "./m"` (or a default import) binds: the module it resolves to, and the name it exports there. */
function namedImports(source: SourceFile): Map<string, { file: string; name: string }> {
  const out = new Map<string, { file: string; name: string }>();
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    const target = resolveImport(source.file, String(statement.source.value));
    if (!target || target.includes(`${path.sep}node_modules${path.sep}`)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === "ImportSpecifier") out.set(specifier.local.name, { file: target, name: specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value) });
      else if (specifier.type === "ImportDefaultSpecifier") out.set(specifier.local.name, { file: target, name: "*" });
    }
  }
  return out;
}

/**
 * The actions a module imports and hands to the AI SDK's `createAI({ actions: { … } })`
 * (mundume/quickchat-ai, batch 176: src/actions/ai.ts imports `continueConversation` from the
 * `"use server"` module src/actions/actions.ts and builds its `AI` provider with it). createAI binds
 * each one to a server action of its own, which the browser calls through `useActions()`, so the
 * action's export is exposed though no browser module imports it (route-handlers' serverActions).
 *
 *   actionsHandedToCreateAI(file) → the names `file` exports that another module hands to createAI
 *
 * One index per package (the files that spell `createAI(`), kept while those files are unchanged,
 * as mounted-limits keeps its mounts.
 */
import * as path from "node:path";
import { parseSource, type SourceFile, type TSESTree } from "../../ast";
import { onInvalidate } from "../../client/files";
import { nearestPackageDir } from "../../package-dir";
import { walk } from "../ast-utils";
import { diskProjectView } from "../disk-project-view";
import type { ProjectView } from "../types";
import { codeFiles, TEST_FILE } from "./mounted-limits";
import { resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

const MAX_BYTES = 512 * 1024;
const FRESH_MS = 3000;
const CREATE_AI = /\bcreateAI\s*[<(]/;

interface ActionsIndex {
  /** Action module → the names it exports that some module hands to createAI. */
  handed: Map<string, Set<string>>;
  /** The files that call createAI, with their mtimes then. */
  stamps: Array<[string, number | undefined]>;
  checkedAt: number;
}

const indexes = new Map<string, ActionsIndex>();
onInvalidate(() => indexes.clear());

export function actionsHandedToCreateAI(file: string, project: ProjectView = diskProjectView()): ReadonlySet<string> | undefined {
  const root = nearestPackageDir(path.dirname(path.resolve(file)));
  return root ? actionsIndex(root, project).handed.get(path.resolve(file)) : undefined;
}

function actionsIndex(root: string, project: ProjectView): ActionsIndex {
  const cached = indexes.get(root);
  const now = Date.now();
  if (cached && (now - cached.checkedAt < FRESH_MS || (project.mtime && cached.stamps.every(([file, mtime]) => project.mtime!(file) === mtime)))) {
    cached.checkedAt = now;
    return cached;
  }
  const index: ActionsIndex = { handed: new Map(), stamps: [], checkedAt: now };
  for (const file of codeFiles(root)) {
    if (TEST_FILE.test(file)) continue;
    const text = project.read(file);
    if (text === undefined || text.length > MAX_BYTES || !CREATE_AI.test(text)) continue;
    index.stamps.push([file, project.mtime?.(file)]);
    const source = parseSource(file, text, { loc: false, comments: false });
    if (source) addHandedActions(source, index);
  }
  indexes.set(root, index);
  return index;
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
        const names = index.handed.get(imported.file) ?? new Set<string>();
        names.add(imported.name);
        index.handed.set(imported.file, names);
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

/**
 * Nuxt's server auto-imports: every file under `server/` gets what the files of `server/utils/`
 * and of its folders one level down export, with no import statement (AbhisekhJha/AI-SaaS-App's routes
 * call the `openai` client `server/utils/openai.ts` exports, batch 73). shared-clients binds those names as
 * it binds imported ones.
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { frameworkOf } from "../../client/framework";
import { folderEntries } from "../../ship/folder-entries";
import { walk } from "../ast-utils";

type Node = TSESTree.Node;

/** An export the file may use by Nuxt's auto-import: a plain name it says and does not declare itself. */
export function nuxtAutoImportable(name: string, text: string, declared: ReadonlySet<string> | undefined): boolean {
  return name !== "default" && IDENTIFIER.test(name) && !declared?.has(name) && usesWord(text, name);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The name Nuxt auto-imports an export of `file` under: its own, or for the default export the camelCase of the
 * file's name without its extension (`server/utils/openaiClient.ts` or `open-ai-client.ts`: Nuxt's utils docs;
 * quentinjuarez/nuxt3-gpt's `openaiClient()`, batch 200).
 */
export function nuxtAutoImportName(exported: string, file: string): string {
  if (exported !== "default") return exported;
  // An `index` file's default export goes by its folder's name, as unimport names it.
  const stem = path.basename(file).replace(/\.[^.]*$/, "");
  const words = (stem === "index" ? path.basename(path.dirname(file)) : stem).split(/[-_.\s]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word[0].toLowerCase() + word.slice(1) : word[0].toUpperCase() + word.slice(1))).join("");
}

function usesWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (!/[\w$]/.test(text[at - 1] ?? "") && !/[\w$]/.test(text[at + name.length] ?? "")) return true;
  }
  return false;
}

/** The names a module declares or imports at its top level: they shadow an auto-import. */
export function topLevelNames(source: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const top of source.ast.body) {
    const statement: Node | null = top.type === "ExportNamedDeclaration" || top.type === "ExportDefaultDeclaration" ? top.declaration : top;
    if (!statement) continue;
    if (statement.type === "ImportDeclaration") for (const specifier of statement.specifiers) names.add(specifier.local.name);
    if ((statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration") && statement.id) names.add(statement.id.name);
    if (statement.type === "VariableDeclaration") for (const declarator of statement.declarations) walk(declarator.id, (node) => void (node.type === "Identifier" && names.add(node.name)));
  }
  return names;
}

/**
 * The files whose exports Nuxt's server (Nitro) imports into every file under `server/` without
 * an import statement: the files of `server/utils/` (AbhisekhJha/AI-SaaS-App's routes use the `openai`
 * client `server/utils/openai.ts` exports, batch 73) and of its folders one level down. Nitro hands
 * unimport the directory `utils/*`, which it globs as `utils/*` and `utils/*` + `/*.{ts,js,…}`: an
 * app whose only client is `server/utils/helper/index.ts`'s `openaiApi` calls it from its routes
 * unimported (max512060925/resume, batch 223). Folders deeper than that are not scanned.
 */
export function nuxtServerUtils(file: string): string[] {
  const framework = frameworkOf(file);
  if (framework.name !== "nuxt") return [];
  const server = path.join(framework.root, "server");
  const utils = path.join(server, "utils");
  if (!file.startsWith(server + path.sep) || file.startsWith(utils + path.sep)) return [];
  const files: string[] = [];
  for (const name of folderEntries(utils)) {
    if (isCodeFile(name)) files.push(path.join(utils, name));
    // A folder (a name that is no file lists nothing): its files, one level down.
    else for (const inner of folderEntries(path.join(utils, name))) if (isCodeFile(inner)) files.push(path.join(utils, name, inner));
  }
  return files;
}

function isCodeFile(name: string): boolean {
  return /\.(?:[cm]?[jt]s)$/i.test(name) && !/\.d\.[cm]?ts$/i.test(name);
}

/**
 * The AST every analysis reads is TSESTree, exactly what @typescript-eslint/parser gives ESLint.
 * The extension parses with the same library, so both hosts see the same tree.
 */
import type * as TypeScriptEstree from "@typescript-eslint/typescript-estree";
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import type * as VisitorKeys from "@typescript-eslint/visitor-keys";
import { codeBlocks, componentCode, isComponentFile, markupComments } from "./component-code";
import type * as OxcTree from "./oxc-tree";

export type { TSESTree };

/** What an analysis gets for one file. `ast` nodes have `parent` set (see withParents). */
export interface SourceFile {
  /** Absolute path. */
  file: string;
  text: string;
  ast: TSESTree.Program;
  /**
   * The tree is built the first time `ast` is read (the editor's workspace scan): rules then ask
   * the client graphs before walking it. Otherwise (ESLint's tree) walking it is the cheap part
   * and the graphs are asked only when the walk found something.
   */
  lazyTree?: boolean;
}

export interface ParseOptions {
  /**
   * Line/column locations on nodes (default true, as ESLint has them). The engine itself works
   * in offsets (`range`) only; the editor's trees go without, so an edit need not move them.
   */
  loc?: boolean;
  /**
   * Comments in `ast.comments` (default true). Collecting them walks every token of the file,
   * a fifth of a parse; a tree only summarised for its imports and exports goes without.
   */
  comments?: boolean;
}

/**
 * Parse JS/JSX/TS/TSX the way configs.recommended does, and a .vue, .svelte or .astro file's
 * code where it stands in the component (./component-code). Returns undefined on a syntax error:
 * an unparsable file gets no findings, never a crash.
 */
export function parseSource(file: string, text: string, options: ParseOptions = {}): SourceFile | undefined {
  try {
    const component = isComponentFile(file) ? componentCode(file, text) : undefined;
    // A tree read only for what the file exports (no locations, no comments): oxc's, when it can
    // (./oxc-tree). Both parsers are loaded on first use: importing the plugin loads this module,
    // and an ESLint run gets its trees from ESLint and may never parse here.
    const fast = options.loc === false && options.comments === false && !component ? (require("./oxc-tree") as typeof OxcTree).oxcTree(file, text) : undefined;
    if (fast) return { file, text, ast: withParents(fast) };
    const { parse } = require("@typescript-eslint/typescript-estree") as typeof TypeScriptEstree;
    const ast = parse(component?.code ?? text, {
      jsx: component ? component.jsx : !/\.(?:ts|mts|cts)$/i.test(file),
      range: true,
      loc: options.loc ?? true,
      comment: options.comments ?? true,
      tokens: false,
      errorOnUnknownASTType: false,
      filePath: file,
    });
    if (component && (options.comments ?? true)) {
      const markup = markupComments(file, text, codeBlocks(file, text).blocks) as unknown as TSESTree.Comment[];
      if (markup.length > 0) ast.comments = [...(ast.comments ?? []), ...markup].sort((a, b) => a.range[0] - b.range[0]);
    }
    return { file, text, ast: withParents(ast) };
  } catch {
    return undefined;
  }
}

// Loaded on first use, not when the plugin is imported (this module is: util/report-finding.ts):
// a warm `--cache` run builds no tree (issue 11).
let visitorKeys: typeof VisitorKeys.visitorKeys | undefined;

/** Sets `parent` on every node that lacks it (ESLint sets it itself during traversal). */
export function withParents<T extends TSESTree.Node>(root: T): T {
  visitorKeys ??= (require("@typescript-eslint/visitor-keys") as typeof VisitorKeys).visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) {
          if (child && typeof child === "object" && "type" in child) {
            (child as { parent?: TSESTree.Node }).parent ??= node;
            stack.push(child as TSESTree.Node);
          }
        }
      } else if (value && typeof value === "object" && "type" in value) {
        (value as { parent?: TSESTree.Node }).parent ??= node;
        stack.push(value as TSESTree.Node);
      }
    }
  }
  return root;
}

/** What the rules see of a file whose code does not parse: no statements, so no findings from the tree. */
export function emptyProgram(): TSESTree.Program {
  return { type: "Program", body: [], comments: [], tokens: [], sourceType: "module", range: [0, 0] } as unknown as TSESTree.Program;
}

let lastComponent: SourceFile | undefined;

/**
 * A .vue, .svelte or .astro file as the rules read it in ESLint. ESLint's tree is the user's
 * component parser's (vue-eslint-parser, …), which the editor does not have, so the rules read
 * the component's own parse (parseSource, ./component-code) instead: built the first time a rule
 * reads `ast`, shared by the rules that lint the same text, an empty Program if it does not parse.
 */
export function componentSource(file: string, text: string): SourceFile {
  if (lastComponent?.file === file && lastComponent.text === text) return lastComponent;
  let tree: TSESTree.Program | undefined;
  lastComponent = {
    file,
    text,
    lazyTree: true,
    get ast() {
      return (tree ??= parseSource(file, text)?.ast ?? emptyProgram());
    },
  };
  return lastComponent;
}

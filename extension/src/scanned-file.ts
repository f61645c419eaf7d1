/**
 * A code file as a workspace scan hands it to the rules: a SourceFile whose tree is built the
 * first time a rule reads `ast`. Most files a scan reads pass the text gate (a provider's
 * name is enough) but every rule then stops at a cheap test (no route handler, not browser
 * code…) before it looks at the tree: those files are never parsed. The rules run the same
 * code either way, so they report the same.
 *
 * The tree is the editor's (offsets, no `loc`). Its comments, which only the key locator and
 * `eslint-disable` directives read, are collected only when the text has a key candidate or a
 * directive: collecting them walks every token, a fifth of a parse.
 */
import { emptyProgram, parseSource, type SourceFile, type TSESTree } from "../../eslint-plugin/src/engine/ast";
import { LazyTextFacts, supplyTextFacts } from "../../eslint-plugin/src/engine/text-facts";

export interface ScannedFile extends SourceFile {
  facts: LazyTextFacts;
  /** Parses if no rule has yet: whether the text parses (a file that does not gets no findings). */
  parsed(): boolean;
  /** Whether a rule has read the tree (so it was built). */
  treeBuilt(): boolean;
}

const DIRECTIVE = /eslint-(?:disable|enable)/;

export function scannedFile(file: string, text: string): ScannedFile {
  const facts = new LazyTextFacts(text);
  // The rules ask textFacts(text): they get these, computed once.
  supplyTextFacts(text, facts);
  let tree: TSESTree.Program | undefined;
  let failed = false;
  const build = (): TSESTree.Program => {
    if (tree) return tree;
    const comments = facts.keyCandidates().length > 0 || DIRECTIVE.test(text);
    const source = parseSource(file, text, { loc: false, comments });
    failed = source === undefined;
    tree = source?.ast ?? emptyProgram();
    if (!comments) tree.comments = [];
    return tree;
  };
  return {
    file,
    text,
    facts,
    lazyTree: true,
    get ast() {
      return build();
    },
    parsed: () => (build(), !failed),
    treeBuilt: () => tree !== undefined,
  };
}

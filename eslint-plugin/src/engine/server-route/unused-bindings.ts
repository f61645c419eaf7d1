/**
 * What a rewrite left unused: after the client and its call are gone, the `const apiKey =
 * process.env.…` that fed it, or an import only the client used, is dead code (and a key read in
 * browser code is still a finding). The edits are applied, the result re-parsed, and every binding
 * the original used but the result no longer does is removed, until nothing changes.
 */
import { parseSource, type SourceFile, type TSESTree } from "../ast";
import type { FileEdit } from "../finding";
import { walk, isReference } from "./ast-utils";
import { removeSpecifier, removeStatement } from "./source-removals";

type Node = TSESTree.Node;
type ReplaceEdit = Extract<FileEdit, { kind: "replace" }>;

/** Rounds of "remove, re-parse": a const feeding a const feeding the client needs two. */
const MAX_ROUNDS = 4;

export function removeLeftUnused(source: SourceFile, edits: ReplaceEdit[]): ReplaceEdit[] {
  const usedBefore = usageCounts(source.ast);
  let current = edits;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sorted = [...current].sort((a, b) => a.range.start - b.range.start);
    const after = parseSource(source.file, applied(source.text, sorted), { loc: false });
    if (!after) return current; // the rewrite does not parse: leave it as planned, callers test it
    const usedAfter = usageCounts(after.ast);
    const added: ReplaceEdit[] = [];
    for (const binding of bindings(after.ast)) {
      if ((usedBefore.get(binding.name) ?? 0) === 0 || (usedAfter.get(binding.name) ?? 0) > 0) continue;
      const original = toOriginal(sorted, binding.node.range);
      if (!original) continue;
      const node = nodeIn(source.ast, original, binding.node.type);
      if (!node) continue;
      added.push(binding.whole ? removeStatement(source, node) : removeSpecifier(source, node));
    }
    // Two removals that touch (`{ a, b }` both unused) wait for the next round, one at a time.
    const fresh: ReplaceEdit[] = [];
    for (const edit of added) {
      if (![...current, ...fresh].some((other) => overlaps(other.range, edit.range))) fresh.push(edit);
    }
    if (fresh.length === 0) return current;
    current = [...current, ...fresh];
  }
  return current;
}

interface Binding {
  name: string;
  /** The statement to remove, or the import specifier when the import keeps other names. */
  node: Node;
  whole: boolean;
}

/** Imports and side-effect-free `const`/`let` declarations (not exported) in any block. */
function bindings(program: TSESTree.Program): Binding[] {
  const out: Binding[] = [];
  walk(program, (node) => {
    if (node.type === "ImportDeclaration" && node.importKind !== "type") {
      const names = node.specifiers.map((specifier) => specifier.local.name);
      if (names.length === 1) out.push({ name: names[0], node, whole: true });
      else for (const specifier of node.specifiers) out.push({ name: specifier.local.name, node: specifier, whole: false });
    }
    if (node.type === "VariableDeclaration" && node.declarations.length === 1 && (node.parent?.type === "Program" || node.parent?.type === "BlockStatement")) {
      const [declarator] = node.declarations;
      if (declarator.id.type === "Identifier" && (!declarator.init || isPure(declarator.init))) out.push({ name: declarator.id.name, node, whole: true });
    }
  });
  return out;
}

/** Reading it has no effect worth keeping: literals, names, `process.env.X`, `a ?? "b"`. */
function isPure(node: Node): boolean {
  switch (node.type) {
    case "Literal":
    case "Identifier":
    case "MetaProperty":
      return true;
    case "TemplateLiteral":
      return node.expressions.every(isPure);
    case "MemberExpression":
      return isPure(node.object) && (!node.computed || isPure(node.property));
    case "LogicalExpression":
    case "BinaryExpression":
      return node.left.type !== "PrivateIdentifier" && isPure(node.left) && isPure(node.right);
    case "ConditionalExpression":
      return isPure(node.test) && isPure(node.consequent) && isPure(node.alternate);
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "TSSatisfiesExpression":
      return isPure(node.expression);
    default:
      return false;
  }
}

/** Reads of each name, scope-naive (a shadowing local counts too, erring towards "still used"); JSX tags count. */
function usageCounts(program: TSESTree.Program): Map<string, number> {
  const counts = new Map<string, number>();
  walk(program, (node) => {
    const name = node.type === "JSXIdentifier" || (node.type === "Identifier" && isReference(node)) ? node.name : undefined;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
}

function applied(text: string, sorted: ReplaceEdit[]): string {
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.range.start) + edit.text;
    at = edit.range.end;
  }
  return out + text.slice(at);
}

/** A range of the edited text back in the original, when no edit touched it. */
function toOriginal(sorted: ReplaceEdit[], [start, end]: [number, number]): [number, number] | undefined {
  let shift = 0;
  for (const edit of sorted) {
    const editedStart = edit.range.start + shift;
    const editedEnd = editedStart + edit.text.length;
    if (end <= editedStart) break;
    if (start < editedEnd) return undefined; // inside or across an edit
    shift += edit.text.length - (edit.range.end - edit.range.start);
  }
  return [start - shift, end - shift];
}

function nodeIn(program: TSESTree.Program, [start, end]: [number, number], type: string): Node | undefined {
  let found: Node | undefined;
  walk(program, (node) => {
    if (!found && node.type === type && node.range[0] === start && node.range[1] === end) found = node;
  });
  return found;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Where a key held in a const or a class field is used: the URL or call each use sits in. A
 * Google `AIza` key in `private apiKey = "…"` is a Maps browser key (public by design) when its
 * uses build `https://maps.googleapis.com/…?key=${this.apiKey}` 30 lines below, and a Gemini key
 * when they build a generativelanguage URL; the names of its own slot (`apiKey`) cannot tell.
 *
 * Uses are found by name, without scope analysis: `this.<field>` in the field's class body, or
 * the const's name as an identifier anywhere in the file (a shadowing variable of the same name
 * only adds words). At most MAX_USES uses are read.
 */
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import type { TSESTree } from "../../ast";
import { nameWords, type NameWords } from "../../providers";

const MAX_USES = 20;
/**
 * Each question walks the class body or the whole file: after this many in one analysis of a file
 * the rest are not asked (their keys stay reported), so a bundle of many key-shaped consts stays
 * linear. Counted per analysis, not per tree: an editor may keep a tree across edits.
 */
const MAX_WALKS_PER_FILE = 8;

/** The walks one analysis of a file may still make (newUseWalks() per analysis). */
export interface UseWalks {
  left: number;
}

export function newUseWalks(): UseWalks {
  return { left: MAX_WALKS_PER_FILE };
}
/** Enough of a URL to hold its host and path. */
const MAX_TEXT = 200;

type Node = TSESTree.Node;

/** Names around each `this.<field>` in the class body. */
export function classFieldUses(classBody: TSESTree.ClassBody, field: string, definition: Node, walks: UseWalks): NameWords[] {
  if (walks.left-- <= 0) return [];
  return usesIn(classBody, definition, (node) =>
    node.type === "MemberExpression" && node.object.type === "ThisExpression" && !node.computed &&
    (node.property.type === "Identifier" || node.property.type === "PrivateIdentifier") && node.property.name === field);
}

/** Names around each read of the const `name` in the program. */
export function constUses(program: TSESTree.Program, name: string, declarator: Node, walks: UseWalks): NameWords[] {
  if (walks.left-- <= 0) return [];
  return usesIn(program, declarator, (node, parent) =>
    node.type === "Identifier" && node.name === name && !isNotARead(node, parent));
}

/** A property name, a key, a member's property: not a read of the variable of that name. */
function isNotARead(node: TSESTree.Identifier, parent: Node | undefined): boolean {
  if (!parent) return true;
  if (parent.type === "MemberExpression") return parent.property === node && !parent.computed;
  if (parent.type === "Property" || parent.type === "PropertyDefinition" || parent.type === "MethodDefinition") return parent.key === node && !parent.computed;
  return parent.type === "VariableDeclarator" && parent.id === node;
}

/** Walks `root` without recursion (a minified bundle nests deeper than the stack allows). */
function usesIn(root: Node, skip: Node, isUse: (node: Node, parent: Node | undefined) => boolean): NameWords[] {
  const names: NameWords[] = [];
  let uses = 0;
  const ancestors: Node[] = [];
  const stack: Array<{ node: Node; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0 && uses < MAX_USES) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    if (node === skip) continue;
    if (isUse(node, ancestors[depth - 1])) {
      uses++;
      names.push(...useSiteNames(node, ancestors));
      continue;
    }
    ancestors.push(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === "string") stack.push({ node: item, depth: depth + 1 });
        }
      } else if (child && typeof (child as Node).type === "string") stack.push({ node: child as Node, depth: depth + 1 });
    }
  }
  return names;
}

/** The strings a use is joined with (a template, a `+` chain) and the call it is an argument of. */
function useSiteNames(use: Node, parents: readonly Node[]): NameWords[] {
  const names: NameWords[] = [];
  let child = use;
  for (let i = parents.length - 1; i >= 0 && names.length < 8; i--) {
    const parent = parents[i];
    if (parent.type === "TemplateLiteral") names.push(text(parent.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ")));
    else if (parent.type === "BinaryExpression" && parent.operator === "+") {
      const outer = parents[i - 1];
      // The whole `"https://…?q=" + q + "&key=" + key` chain, read once from its top.
      if (!(outer?.type === "BinaryExpression" && outer.operator === "+")) names.push(text(chainStrings(parent).join(" ")));
    } else if (parent.type === "CallExpression" || parent.type === "NewExpression") {
      const callee = parent.callee.type === "MemberExpression" ? parent.callee.property : parent.callee;
      if (callee.type === "Identifier") names.push(text(callee.name));
      for (const argument of parent.arguments) {
        if (argument !== child && argument.type === "Literal" && typeof argument.value === "string") names.push(text(argument.value));
      }
      break;
    } else if (parent.type !== "Property" && parent.type !== "ObjectExpression") break;
    child = parent;
  }
  return names;
}

/** The strings of a `+` chain, left to right (a left-deep chain is walked down its spine, not recursed). */
function chainStrings(top: Node): string[] {
  const rights: Node[] = [];
  let node = top;
  while (node.type === "BinaryExpression" && node.operator === "+") {
    rights.push(node.right);
    node = node.left;
  }
  const parts = [node, ...rights.reverse()];
  const strings: string[] = [];
  for (const part of parts) {
    if (part.type === "Literal" && typeof part.value === "string") strings.push(part.value);
    else if (part.type === "TemplateLiteral") for (const quasi of part.quasis) strings.push(quasi.value.cooked ?? "");
    if (strings.length > 64) break;
  }
  return strings;
}

function text(value: string): NameWords {
  return nameWords(value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value);
}

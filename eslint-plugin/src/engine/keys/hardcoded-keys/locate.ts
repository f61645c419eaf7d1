/**
 * Where a candidate found in the file's text sits in the AST. Only candidates reach here, so
 * the walk is a descent from the Program along the child whose range holds the key, recording
 * the path; nodes need no `parent` for this.
 */
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import type { TSESTree } from "../../ast";

export type KeyPlace =
  | { type: "comment"; comment: TSESTree.Comment }
  /** A string Literal, a TemplateElement or JSXText; `path` runs from the Program to its parent. */
  | { type: "string"; node: TSESTree.Literal | TSESTree.TemplateElement | TSESTree.JSXText; path: TSESTree.Node[] }
  /** A component's markup (template, HTML): outside its code blocks, from `start` on. */
  | { type: "markup"; start: number };

function contains(node: { range: [number, number] }, start: number, end: number): boolean {
  return node.range[0] <= start && end <= node.range[1];
}

function findComment(comments: readonly TSESTree.Comment[], start: number, end: number): TSESTree.Comment | undefined {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const comment = comments[mid];
    if (comment.range[1] <= start) low = mid + 1;
    else if (comment.range[0] > start) high = mid - 1;
    else return contains(comment, start, end) ? comment : undefined;
  }
  return undefined;
}

/** The most text commentBlock returns on each side of the comment (a commented-out config is short). */
const BLOCK_REACH = 2048;

/**
 * The text of the run of comments `comment` belongs to: comments separated only by whitespace
 * (a config object commented out line by line), at most BLOCK_REACH characters either side.
 */
export function commentBlock(text: string, comments: readonly TSESTree.Comment[], comment: TSESTree.Comment): string {
  let index = findIndex(comments, comment);
  if (index < 0) return text.slice(comment.range[0], comment.range[1]);
  let first = index;
  while (first > 0 && comment.range[0] - comments[first - 1].range[0] <= BLOCK_REACH && onlySpace(text, comments[first - 1].range[1], comments[first].range[0])) first--;
  for (; index + 1 < comments.length && comments[index + 1].range[1] - comment.range[1] <= BLOCK_REACH && onlySpace(text, comments[index].range[1], comments[index + 1].range[0]); index++);
  return text.slice(comments[first].range[0], comments[index].range[1]);
}

function findIndex(comments: readonly TSESTree.Comment[], comment: TSESTree.Comment): number {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (comments[mid].range[0] < comment.range[0]) low = mid + 1;
    else if (comments[mid].range[0] > comment.range[0]) high = mid - 1;
    else return mid;
  }
  return -1;
}

function onlySpace(text: string, from: number, to: number): boolean {
  if (to - from > 200) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function isNode(value: unknown): value is TSESTree.Node {
  return !!value && typeof value === "object" && "type" in value && "range" in value;
}

/** Children arrays are in source order: binary search keeps a file with many keys linear-ish. */
function elementContaining(list: readonly unknown[], start: number, end: number): TSESTree.Node | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = list[mid];
    if (!isNode(item)) {
      // Holes (`[, a]`) break the ordering assumption locally: fall back to a scan.
      return list.find((child): child is TSESTree.Node => isNode(child) && contains(child, start, end));
    }
    if (item.range[1] <= start) low = mid + 1;
    else if (item.range[0] > start) high = mid - 1;
    else return contains(item, start, end) ? item : undefined;
  }
  return undefined;
}

function childContaining(node: TSESTree.Node, start: number, end: number): TSESTree.Node | undefined {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const child = Array.isArray(value) ? elementContaining(value, start, end) : isNode(value) && contains(value, start, end) ? value : undefined;
    if (child) return child;
  }
  return undefined;
}

/** The comment or string the key [start, end) is in; undefined for code (identifiers, regexes…). */
export function locateKey(ast: TSESTree.Program, start: number, end: number): KeyPlace | undefined {
  const comment = findComment(ast.comments ?? [], start, end);
  if (comment) return { type: "comment", comment };
  const path: TSESTree.Node[] = [];
  let node: TSESTree.Node = ast;
  for (let child = childContaining(node, start, end); child; child = childContaining(node, start, end)) {
    path.push(node);
    node = child;
  }
  if (node.type === "Literal" && typeof node.value === "string") return { type: "string", node, path };
  if (node.type === "TemplateElement" || node.type === "JSXText") return { type: "string", node, path };
  return undefined;
}

/** Module specifiers (`import … from "x"`, `require("x")`, `import("x")`) are never keys. */
export function isModuleSpecifier(node: TSESTree.Node, path: readonly TSESTree.Node[]): boolean {
  const parent = path[path.length - 1];
  if (!parent) return false;
  switch (parent.type) {
    case "ImportDeclaration":
    case "ExportAllDeclaration":
    case "ExportNamedDeclaration":
    case "ImportExpression":
      return parent.source === node;
    case "TSExternalModuleReference":
      return parent.expression === node;
    case "TSModuleDeclaration":
      return parent.id === node;
    case "TSLiteralType":
      return path[path.length - 2]?.type === "TSImportType"; // `typeof import("x")`
    case "CallExpression":
      return parent.callee.type === "Identifier" && parent.callee.name === "require" && parent.arguments[0] === node;
    default:
      return false;
  }
}

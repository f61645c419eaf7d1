/**
 * Keys split into string literals joined with `+` (`"gsk_4f…" + "…9xQ"`): code written to get a
 * key past secret scanners and push protection, which match one string at a time. A real
 * Astro portfolio (bench/real-apps) ships its Groq and Gemini keys to the browser this way.
 *
 * Text first, as for every key: a chain of plain string literals (`"…"` or `'…'`, no escapes,
 * one line each) joined by `+` is read from the text, joined, and scanned; only a key that spans
 * two literals or more is a split key (one inside a literal is the usual finding). The tree is
 * asked only then: the span must be a `+` expression of string literals in code (not in a
 * comment, a longer string or a template).
 */
import type { TSESTree } from "../../ast";
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { findKeyCandidates, type KeyCandidate } from "../index";

/**
 * A quote, `+` and another quote (`"…" + "…"`): the only texts worth a closer look. Found from
 * each `+` (rare in code) rather than by a regex, which would be tried at every quote (common):
 * this test runs on every file a rule lints. Linear: each blank is crossed once from each side.
 */
function maySplit(text: string): boolean {
  for (let plus = text.indexOf("+"); plus >= 0; plus = text.indexOf("+", plus + 1)) {
    let before = plus - 1;
    while (before >= 0 && isBlank(text.charCodeAt(before), false)) before--;
    if (!isQuote(text.charCodeAt(before))) continue;
    let after = plus + 1;
    while (after < text.length && isBlank(text.charCodeAt(after), true)) after++;
    if (isQuote(text.charCodeAt(after))) return true;
  }
  return false;
}

/** A space or tab; with `lineBreaks`, also CR and LF (a chain may continue on the next line). */
const isBlank = (code: number, lineBreaks: boolean) => code === 32 || code === 9 || (lineBreaks && (code === 10 || code === 13));
const isQuote = (code: number) => code === 34 || code === 39;
/** A plain one-line string literal: `(quote)(content)(quote)`, no escapes. */
const LITERAL = /(["'])([^"'\\\r\n]*)\1/g;
/** `+` and the next plain literal, right where the last one ended. */
const NEXT = /[ \t\r\n]*\+[ \t\r\n]*(["'])([^"'\\\r\n]*)\1/y;

interface Part {
  /** Offset of the literal's first content character in the text. */
  contentStart: number;
  value: string;
}

export interface SplitKey {
  candidate: KeyCandidate;
  /** The `+` expression whose literals hold the key; `path` runs from the Program to its parent. */
  node: TSESTree.BinaryExpression;
  path: TSESTree.Node[];
  /** The whole expression is the key and nothing else: it can be replaced by an env read. */
  whole: boolean;
}

/** Key candidates that span two joined literals or more, with text offsets (start in the first, end in the last). */
export function splitKeyCandidates(text: string): KeyCandidate[] {
  if (!maySplit(text)) return [];
  const found: KeyCandidate[] = [];
  LITERAL.lastIndex = 0;
  for (let match = LITERAL.exec(text); match; match = LITERAL.exec(text)) {
    const parts: Part[] = [{ contentStart: match.index + 1, value: match[2] }];
    NEXT.lastIndex = LITERAL.lastIndex;
    for (let next = NEXT.exec(text); next; next = NEXT.exec(text)) {
      parts.push({ contentStart: NEXT.lastIndex - 1 - next[2].length, value: next[2] });
      LITERAL.lastIndex = NEXT.lastIndex;
    }
    if (parts.length > 1) found.push(...spanning(parts));
  }
  return found;
}

/** The candidates of the joined value that cross a boundary between literals, in text offsets. */
function spanning(parts: Part[]): KeyCandidate[] {
  const starts: number[] = [];
  let joined = "";
  for (const part of parts) {
    starts.push(joined.length);
    joined += part.value;
  }
  // The literal an offset of the joined value falls in: a binary search (a chain may be long).
  const partAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const out: KeyCandidate[] = [];
  // The joined literals hold no name: the code around them does.
  for (const candidate of findKeyCandidates(joined, false)) {
    const first = partAt(candidate.start);
    const last = partAt(candidate.end - 1);
    if (first === last) continue; // inside one literal: found the usual way
    out.push({
      ...candidate,
      start: parts[first].contentStart + (candidate.start - starts[first]),
      end: parts[last].contentStart + (candidate.end - starts[last]),
    });
  }
  return out;
}

/**
 * The `+` expression of string literals a split candidate lies in, or undefined (a comment, a
 * longer string, a template, code that only looks like it).
 */
export function splitKeyIn(ast: TSESTree.Program, candidate: KeyCandidate): SplitKey | undefined {
  const path: TSESTree.Node[] = [];
  let node: TSESTree.Node = ast;
  for (let child = childContaining(node, candidate.start, candidate.end); child; child = childContaining(node, candidate.start, candidate.end)) {
    path.push(node);
    node = child;
  }
  if (!isConcatenation(node)) return undefined;
  // The outermost `+` of the chain: the fix replaces all of it, the context is its slot.
  while (path.length > 0 && isConcatenation(path[path.length - 1])) node = path.pop()!;
  const binary = node as TSESTree.BinaryExpression;
  const literals = leaves(binary);
  if (!literals) return undefined;
  const whole = literals[0].range[0] + 1 === candidate.start && literals[literals.length - 1].range[1] - 1 === candidate.end;
  return { candidate, node: binary, path, whole };
}

function isConcatenation(node: TSESTree.Node): boolean {
  return node.type === "BinaryExpression" && node.operator === "+";
}

/** The string literals of a `+` chain, left to right; undefined if anything else is in it. */
function leaves(node: TSESTree.Node): TSESTree.StringLiteral[] | undefined {
  if (node.type === "Literal") return typeof node.value === "string" ? [node as TSESTree.StringLiteral] : undefined;
  if (node.type !== "BinaryExpression" || node.operator !== "+") return undefined;
  const left = leaves(node.left);
  const right = left && leaves(node.right);
  return left && right ? [...left, ...right] : undefined;
}

function childContaining(node: TSESTree.Node, start: number, end: number): TSESTree.Node | undefined {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object" && "range" in child) {
        const range = (child as TSESTree.Node).range;
        if (range[0] <= start && end <= range[1]) return child as TSESTree.Node;
      }
    }
  }
  return undefined;
}

/**
 * Re-parsing a big file on every keystroke costs ~0.1 s per 1,000 lines, so the editor re-parses
 * only the top-level statements an edit touches and reuses the rest of the previous tree.
 *
 *   new IncrementalParser().parse(file, text) → SourceFile | undefined   (what the editor uses)
 *   parser.warmUp(file, text, parse)   a big file being typed in gets its first tree in the background
 *   reparse(previous, file, text) → { source, incremental, reason }
 *
 * The result is the tree a full `parseSource` would give (the property tests assert it node for
 * node, ranges, locs and comments included); whenever that is not certain it IS a full parse.
 * The previous tree is consumed: its nodes after the edit are shifted in place and reused.
 */
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { parseSource, type SourceFile, type TSESTree } from "../../eslint-plugin/src/engine/ast";

export interface ReparseOptions {
  /** Below this many lines a full parse is cheap: always do it. */
  minLines?: number;
  /** Above this share of the file changed, a full parse is as cheap and simpler. */
  maxChangedFraction?: number;
}

export interface Reparsed {
  source: SourceFile | undefined;
  /** True when only the touched statements were parsed. */
  incremental: boolean;
  /** Why a full parse was done (tests and logs); "error: …" if the splice failed half-way. */
  reason?: string;
}

/**
 * The editor's parser: keeps, per file, the last tree that parsed as the base of the next
 * re-parse (a keystroke that breaks the syntax must not cost a full parse once it is fixed).
 */
export class IncrementalParser {
  private readonly trees = new Map<string, SourceFile>();

  constructor(
    private readonly maxFiles = 200,
    private readonly options: ReparseOptions = {},
  ) {}

  parse(file: string, text: string): SourceFile | undefined {
    const previous = this.trees.get(file);
    this.trees.delete(file);
    const result = reparse(previous, file, text, this.options);
    // A fallback leaves the previous tree as it was, unless the splice failed half-way.
    const base = result.source ?? (result.reason?.startsWith("error") ? undefined : previous);
    if (base) this.trees.set(file, base);
    if (this.trees.size > this.maxFiles) this.trees.delete(this.trees.keys().next().value as string);
    return result.source;
  }

  forget(file: string): void {
    this.trees.delete(file);
    this.seen.delete(file);
  }

  private readonly seen = new Map<string, string>();

  /**
   * For a file the rules need not parse yet. Once it is being typed in (another text than last
   * time), is big and has no tree, `parse` runs in the background: the keystroke that creates a
   * finding then re-parses only what it touched. A workspace scan sees each file once: no parse.
   */
  warmUp(file: string, text: string, parse: (file: string, text: string) => unknown): void {
    const before = this.seen.get(file);
    this.seen.delete(file);
    this.seen.set(file, text);
    if (this.seen.size > this.maxFiles) this.seen.delete(this.seen.keys().next().value as string);
    if (before === undefined || before === text || this.trees.has(file)) return;
    if (lineCount(text, this.options.minLines ?? 500) < (this.options.minLines ?? 500)) return;
    const timer = setTimeout(() => {
      if (this.seen.get(file) === text && !this.trees.has(file)) parse(file, text);
    }, 0);
    timer.unref?.();
  }
}

type Node = TSESTree.Node;

const MODULE_MARK = "export{};";
type Position = TSESTree.Position;

export function reparse(previous: SourceFile | undefined, file: string, text: string, options: ReparseOptions = {}): Reparsed {
  if (previous && previous.file === file && previous.text === text) return { source: previous, incremental: true };
  let reason: string;
  try {
    const result = previous && previous.file === file ? spliced(previous, text, options) : "no previous tree";
    if (typeof result !== "string") return { source: result, incremental: true };
    reason = result;
  } catch (error) {
    // A bug here must cost a full parse, never a wrong tree or a crash.
    reason = `error: ${String(error)}`;
  }
  return { source: parseSource(file, text), incremental: false, reason };
}

/** The new tree, or the reason it must be parsed in full. */
function spliced(previous: SourceFile, text: string, options: ReparseOptions): SourceFile | string {
  const oldText = previous.text;
  const old = previous.ast;
  const body = old.body;
  if (body.length === 0) return "empty file";
  if (lineCount(text, options.minLines ?? 500) < (options.minLines ?? 500)) return "small file";

  // The edit: common prefix and suffix of the old and new text.
  const limit = Math.min(oldText.length, text.length);
  let start = 0;
  while (start < limit && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = oldText.length - suffix;
  const delta = text.length - oldText.length;
  const changed = Math.max(oldEnd - start, oldEnd + delta - start);
  if (changed > (options.maxChangedFraction ?? 0.2) * Math.max(text.length, 1)) return "large change";

  // Touched statements, widened by one untouched neighbour on each side: an edit next to a
  // statement can extend it (no semicolon: ASI), and the neighbours must come back unchanged.
  const firstTouched = firstIndex(body, (s) => s.range[1] >= start);
  const spanFirst = Math.max(0, Math.min(firstTouched, body.length) - 1);
  const lastTouched = firstIndex(body, (s) => s.range[0] > oldEnd) - 1;
  const spanLast = Math.min(body.length - 1, Math.max(lastTouched, 0) + 1);
  // An edit in the comments above the first statement re-parses from the file's start.
  const fromFileStart = spanFirst === 0 && start < body[0]!.range[0];
  const spanStart = fromFileStart ? 0 : body[spanFirst]!.range[0];
  const toEof = oldEnd > body[spanLast]!.range[1];
  const oldSpanEnd = toEof ? oldText.length : body[spanLast]!.range[1];
  const newSpanEnd = oldSpanEnd + delta;
  const leadingNeighbour = body[spanFirst]!.range[1] < start;
  const trailingNeighbour = !toEof && body[spanLast]!.range[0] > oldEnd;

  // Parse the span where it stands: blank lines and spaces before it keep every line and
  // column right, so only ranges need shifting. In a module the first blank line says so
  // (`export{};`, dropped below): a script parses a top-level `await` differently.
  const at = fromFileStart ? { line: 1, column: 0 } : body[spanFirst]!.loc.start;
  const fragmentText = text.slice(spanStart, newSpanEnd);
  const before = body.slice(0, spanFirst);
  const after = body.slice(spanLast + 1);
  // (Not where the directive prologue reaches the span: the mark would end the prologue.)
  const inPrologue = before.every(isDirective);
  const marked = old.sourceType === "module" && at.line > 1 && !inPrologue;
  if (old.sourceType === "module" && !marked && fragmentText.includes("await")) return "await at the top of a module";
  const padding = (marked ? MODULE_MARK : "") + "\n".repeat(at.line - 1) + " ".repeat(at.column);
  const parsed = parseSource(previous.file, padding + fragmentText);
  if (!parsed) return "fragment does not parse";
  const fragment = parsed.ast;
  if (marked) {
    const mark = fragment.body.shift();
    if (mark?.type !== "ExportNamedDeclaration" || mark.range[1] !== MODULE_MARK.length) return "module mark misparsed";
  }
  const shift = spanStart - padding.length;
  const statements = fragment.body;
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (!first || !last) return "fragment has no statements";
  if (!fromFileStart && first.range[0] + shift !== spanStart) return "fragment starts elsewhere";
  if (!toEof && last.range[1] + shift !== newSpanEnd) return "fragment ends elsewhere";
  if (leadingNeighbour && first.range[1] + shift !== body[spanFirst]!.range[1]) return "leading neighbour changed";
  if (trailingNeighbour && last.range[0] + shift !== body[spanLast]!.range[0] + delta) return "trailing neighbour changed";
  // The fragment parses its leading string statements as directives ("use client"): right only
  // where the file's directive prologue reaches the span, and the prologue must not move past it.
  if (inPrologue) {
    if (after.length > 0 && (isDirective(after[0]!) || statements.every(isDirective))) return "directive prologue changed";
  } else if (statements.some(isDirective)) {
    return "directive in fragment";
  }
  if (old.sourceType === "script" && fragment.sourceType !== "script") return "file becomes a module";
  if (old.sourceType === "module" && !statements.some(marksModule) && !before.some(marksModule) && !after.some(marksModule)) {
    return "file may stop being a module";
  }

  // Everything checked: build the new tree. Nothing above changed the previous one.
  if (shift !== 0) shiftTree(fragment, (range) => [range[0] + shift, range[1] + shift], undefined);
  const oldEndLoc = toEof ? old.loc.end : body[spanLast]!.loc.end;
  const newEndLoc = toEof ? fragment.loc.end : last.loc.end;
  const lines = newEndLoc.line - oldEndLoc.line;
  const columns = newEndLoc.column - oldEndLoc.column;
  const moved = (p: Position): Position =>
    p.line === oldEndLoc.line ? { column: p.column + columns, line: p.line + lines } : { column: p.column, line: p.line + lines };
  const moveRange = (range: TSESTree.Range): TSESTree.Range => [range[0] + delta, range[1] + delta];
  const moveLoc = lines !== 0 || columns !== 0 ? (loc: TSESTree.SourceLocation) => ({ end: moved(loc.end), start: moved(loc.start) }) : undefined;
  if (delta !== 0 || moveLoc) for (const statement of after) shiftTree(statement, moveRange, moveLoc);

  const comments = [
    ...(old.comments ?? []).filter((c) => c.range[1] <= spanStart),
    ...(fragment.comments ?? []).map((c) => ({ ...c, range: [c.range[0] + shift, c.range[1] + shift] as TSESTree.Range })),
    ...(old.comments ?? []).filter((c) => c.range[0] >= oldSpanEnd).map((c) => ({ ...c, range: moveRange(c.range), loc: moveLoc ? moveLoc(c.loc) : c.loc })),
  ];
  const program: TSESTree.Program = {
    type: old.type,
    range: [0, text.length],
    body: [...before, ...statements, ...after],
    comments,
    sourceType: old.sourceType,
    tokens: undefined,
    // Same key order as the parser's objects: the trees compare equal even as JSON.
    loc: { end: toEof ? fragment.loc.end : moved(old.loc.end), start: { column: 0, line: 1 } },
  } as TSESTree.Program;
  // parseSource set the fragment's parents; below the top level the kept ones are still right.
  // (withParents only fills missing parents, and walking the whole tree would cost ~25 ms.)
  for (const statement of program.body) (statement as { parent: Node }).parent = program;
  return { file: previous.file, text, ast: program };
}

/** The first index whose statement passes `test` (statements are in source order), else length. */
function firstIndex(body: TSESTree.ProgramStatement[], test: (s: TSESTree.ProgramStatement) => boolean): number {
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(body[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

function isDirective(statement: Node): boolean {
  return statement.type === "ExpressionStatement" && typeof (statement as { directive?: unknown }).directive === "string";
}

/** What makes TypeScript treat a file as a module (its isFileProbablyExternalModule). */
function marksModule(statement: Node): boolean {
  switch (statement.type) {
    case "ImportDeclaration":
    case "ExportAllDeclaration":
    case "ExportDefaultDeclaration":
    case "ExportNamedDeclaration":
    case "TSExportAssignment":
      return true;
    case "TSImportEqualsDeclaration":
      return statement.moduleReference.type === "TSExternalModuleReference";
    default:
      return false;
  }
}

/** Stops counting at `enough`: only "is it small" matters. */
function lineCount(text: string, enough: number): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1 && lines < enough; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/**
 * Rewrites every node's range (and loc) under `root`. New arrays and objects, never in place:
 * the parser shares some range arrays and positions between nodes. The walk follows the
 * visitor keys (as withParents does), which also skips the parser's deprecated alias getters.
 */
function shiftTree(
  root: Node,
  moveRange: (range: TSESTree.Range) => TSESTree.Range,
  moveLoc: ((loc: TSESTree.SourceLocation) => TSESTree.SourceLocation) | undefined,
): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.range = moveRange(node.range);
    if (moveLoc) node.loc = moveLoc(node.loc);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child === "object" && "type" in child) stack.push(child as Node);
      } else if (value && typeof value === "object" && "type" in value) {
        stack.push(value as Node);
      }
    }
  }
}

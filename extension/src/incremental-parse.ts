/**
 * Re-parsing a big file on every keystroke costs ~0.1 s per 1,000 lines, so the editor re-parses
 * only the top-level statements an edit touches and reuses the rest of the previous tree.
 *
 *   new IncrementalParser().parse(file, text) → SourceFile | undefined   (what the editor uses)
 *   parser.warmUp(file, text, { inEditor })   a big file shown in an editor, or being typed in,
 *                               gets its first tree in the background, a few hundred lines at a
 *                               time (new TreeBuilder)
 *   reparse(previous, file, text) → { source, incremental, reason }
 *
 * The result is the tree a full `parseEditorTree` gives (the property tests assert it node for
 * node, ranges and comments included); whenever that is not certain it IS a full parse.
 * The previous tree is consumed: its nodes after the edit are shifted in place and reused.
 *
 * Editor trees carry offsets only: no line/column `loc` on nodes or comments (the engine works
 * in offsets; ESLint's trees have locs, the engine never reads them). An edit then moves one
 * range per node after it, not also two positions, and a fragment parses where it stands.
 */
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import { parseSource, type SourceFile, type TSESTree } from "../../eslint-plugin/src/engine/ast";
import { isComponentFile } from "../../eslint-plugin/src/engine/component-code";
import { textEdit } from "./text-edit";

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
    this.finishBuild(file);
    const previous = this.trees.get(file);
    this.trees.delete(file);
    const result = reparse(previous, file, text, this.options);
    lastFullParse.reason = result.incremental ? undefined : (result.reason ?? "full parse");
    // A fallback leaves the previous tree as it was, unless the splice failed half-way.
    const base = result.source ?? (result.reason?.startsWith("error") ? undefined : previous);
    if (base) this.trees.set(file, base);
    if (this.trees.size > this.maxFiles) this.trees.delete(this.trees.keys().next().value as string);
    if (result.source && !result.incremental) this.prepareShifts(file, result.source);
    return result.source;
  }

  /**
   * After a full parse, lists each statement's range arrays in the background, a slice at a
   * time (a background build has listed most already): the first keystroke would otherwise pay
   * for all statements after it (~0.1 s for a 5,000-line file). Statements replaced meanwhile
   * are simply never used again.
   */
  private prepareShifts(file: string, source: SourceFile): void {
    const body = source.ast.body;
    if (lineCount(source.text, this.options.minLines ?? 500) < (this.options.minLines ?? 500)) return;
    let next = 0;
    const slice = () => {
      if (this.trees.get(file) !== source) return;
      for (const end = Math.min(body.length, next + 500); next < end; next++) rangesOf(body[next]!);
      if (next < body.length) setTimeout(slice, 0).unref?.();
    };
    setTimeout(slice, 0).unref?.();
  }

  forget(file: string): void {
    this.trees.delete(file);
    this.seen.delete(file);
    this.builds.delete(file);
  }

  private readonly builds = new Map<string, TreeBuilder>();

  /** Whether a tree of `file` (of `text`, if given) is kept: the next parse of it can be incremental. */
  hasTree(file: string, text?: string): boolean {
    const tree = this.trees.get(file);
    return tree !== undefined && (text === undefined || tree.text === text);
  }

  /** A keystroke wants the tree now: the rest of a background build is done at once. */
  private finishBuild(file: string): void {
    const builder = this.builds.get(file);
    if (!builder) return;
    this.builds.delete(file);
    while (!builder.step());
    this.adopt(file, builder);
  }

  private adopt(file: string, builder: TreeBuilder): void {
    const tree = builder.tree();
    if (!tree || this.trees.has(file)) return;
    this.trees.set(file, tree);
    if (this.trees.size > this.maxFiles) this.trees.delete(this.trees.keys().next().value as string);
    this.prepareShifts(file, tree);
    this.keepUp(file);
  }

  /**
   * The kept tree follows the text in the background, an edit at a time: edits far apart,
   * diffed in one go later, would span most of the file and cost a full parse.
   */
  private keepUp(file: string): void {
    const text = this.seen.get(file);
    if (text === undefined || this.trees.get(file)?.text === text) return;
    setTimeout(() => {
      if (this.seen.get(file) === text && this.trees.has(file)) this.parse(file, text);
    }, 0).unref?.();
  }

  private readonly seen = new Map<string, string>();

  /**
   * For a file the rules need not parse yet. Once it is shown in an editor or being typed in
   * (another text than last time), is big and has no tree, its tree is built in the background
   * (TreeBuilder): the keystroke that creates a finding then re-parses only what it touched.
   * A workspace scan sees each file once and shows none: no parse.
   */
  warmUp(file: string, text: string, options: { inEditor?: boolean } = {}): void {
    const before = this.seen.get(file);
    this.seen.delete(file);
    this.seen.set(file, text);
    if (this.seen.size > this.maxFiles) this.seen.delete(this.seen.keys().next().value as string);
    if (this.builds.has(file) || isComponentFile(file)) return;
    if (this.trees.has(file)) return this.keepUp(file);
    if (!options.inEditor && (before === undefined || before === text)) return;
    if (lineCount(text, this.options.minLines ?? 500) < (this.options.minLines ?? 500)) return;
    // A full parse of a 5,000-line file holds the extension host for a second or more, every
    // extension in it waiting; a few hundred lines at a time, keystrokes get in between.
    const builder = new TreeBuilder(file, text);
    this.builds.set(file, builder);
    const step = () => {
      if (this.builds.get(file) !== builder) return;
      if (!builder.step()) return void setTimeout(step, 0).unref?.();
      this.builds.delete(file);
      this.adopt(file, builder);
      rehearseSplice();
    };
    setTimeout(step, 0).unref?.();
  }
}

/**
 * Builds the tree of a big file a slice at a time: a first slice is parsed, and each next one
 * is appended to the text as an edit at its end, which the splice below re-parses together with
 * the last statement before it. Every step is therefore the splice that runs on keystrokes, with
 * all its checks; a slice that ends inside a statement fails them, and is taken longer. The
 * result is the tree a full parse gives (the property tests build many files this way).
 */
export class TreeBuilder {
  private current: SourceFile | undefined;
  private done = 0;
  private listed = 0;
  /** Slices parsed and spliced on (1 when the text had to be parsed in one go). */
  slices = 0;
  private finished = false;

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly sliceLines = 200,
  ) {}

  /** One slice more; true once the tree is complete (or the text does not parse). */
  step(): boolean {
    if (this.finished) return true;
    // A slice that does not end between statements is retried twice as long (so a file that
    // cuts badly costs at most about two full parses, not one per retry).
    let lines = this.sliceLines;
    let end = this.cut(this.done, lines);
    for (;;) {
      if (!this.current) {
        // The first slice reaches the first import or export, so that it is a module if the
        // file is (a splice never turns a script into a module).
        end = Math.max(end, this.firstModuleLine());
        const first = end === this.text.length ? undefined : parseEditorTree(this.file, this.text.slice(0, end));
        if (first && first.ast.body.length > 0) return this.advance(first, end);
      } else {
        const next = spliced(this.current, this.text.slice(0, end), { minLines: 0, maxChangedFraction: 1 });
        if (typeof next !== "string") return this.advance(next, end);
      }
      if (end === this.text.length) {
        // Nothing cut the text well: what is left is parsed in one go.
        this.current = parseEditorTree(this.file, this.text);
        this.finished = true;
        this.slices = 1;
        return true;
      }
      lines *= 2;
      end = this.cut(this.done, lines);
    }
  }

  tree(): SourceFile | undefined {
    return this.finished ? this.current : undefined;
  }

  private advance(tree: SourceFile, end: number): boolean {
    // The statements' range lists are made now, a slice at a time (see rangesOf).
    const body = tree.ast.body;
    for (let i = Math.max(0, this.listed - 1); i < body.length; i++) rangesOf(body[i]!);
    this.listed = body.length;
    this.slices++;
    this.current = tree;
    this.done = end;
    this.finished = end === this.text.length;
    return this.finished;
  }

  /** The offset after the next `lines` lines from `from` (a line start), or the text's end. */
  private cut(from: number, lines: number): number {
    let at = from;
    for (let line = 0; line < lines; line++) {
      const next = this.text.indexOf("\n", at);
      if (next < 0) return this.text.length;
      at = next + 1;
    }
    return at;
  }

  private firstModuleLine(): number {
    const match = /^(?:import|export)\b/m.exec(this.text);
    if (!match) return 0;
    const lineEnd = this.text.indexOf("\n", match.index);
    return lineEnd < 0 ? this.text.length : lineEnd + 1;
  }
}

type Node = TSESTree.Node;

let rehearsed = false;

/**
 * One splice of a made-up file, once per session, after the first background build: a build
 * only appends, so the code that moves the statements after an edit would otherwise run cold
 * (interpreted) on the first keystroke that needs it, at two to three times the cost (measured
 * in VS Code: the first key typed mid-file 18–113 ms without this, 9–38 ms with it).
 */
function rehearseSplice(): void {
  if (rehearsed) return;
  rehearsed = true;
  const lines = Array.from({ length: 600 }, (_, i) => `export const item${i} = { id: ${i}, label: "item ${i}" };`);
  const file = "/keyfence-rehearsal.ts";
  const text = lines.join("\n");
  reparse(parseEditorTree(file, text), file, text.replace("item300 =", "item300x ="));
}

const MODULE_MARK = "export{};";

/** A full parse as the editor keeps it: offsets only (see the top of this file). */
export function parseEditorTree(file: string, text: string): SourceFile | undefined {
  const source = parseSource(file, text, { loc: false });
  if (source) source.ast.comments = withoutLoc(source.ast.comments);
  return source;
}

function withoutLoc(comments: TSESTree.Comment[] | undefined): TSESTree.Comment[] {
  return (comments ?? []).map(({ loc: _loc, ...comment }) => comment as TSESTree.Comment);
}

export function reparse(previous: SourceFile | undefined, file: string, text: string, options: ReparseOptions = {}): Reparsed {
  if (previous && previous.file === file && previous.text === text) return { source: previous, incremental: true };
  // A component's code is its `<script>` blocks blanked into place: a fragment of its text is not
  // one of them. Components are small; each edit parses the whole file.
  if (isComponentFile(file)) return { source: parseEditorTree(file, text), incremental: false, reason: "a component" };
  let reason: string;
  try {
    const result = previous && previous.file === file ? spliced(previous, text, options) : "no previous tree";
    if (typeof result !== "string") return { source: result, incremental: true };
    reason = result;
  } catch (error) {
    // A bug here must cost a full parse, never a wrong tree or a crash.
    reason = `error: ${String(error)}`;
  }
  return { source: parseEditorTree(file, text), incremental: false, reason };
}

/** Why the last parse of the editor's parser was a full one (undefined: it was incremental); the server logs it. */
export const lastFullParse: { reason?: string } = {};

/** Where the last splice spent its time, in ms (the extension's timing report). */
export const lastSplice = { diff: 0, plan: 0, fragment: 0, checks: 0, shift: 0, assemble: 0 };

/** The new tree, or the reason it must be parsed in full. */
function spliced(previous: SourceFile, text: string, options: ReparseOptions): SourceFile | string {
  const oldText = previous.text;
  const old = previous.ast;
  const body = old.body;
  if (body.length === 0) return "empty file";
  if (lineCount(text, options.minLines ?? 500) < (options.minLines ?? 500)) return "small file";

  let clock = performance.now();
  const lap = (phase: keyof typeof lastSplice) => {
    const now = performance.now();
    lastSplice[phase] = now - clock;
    clock = now;
  };
  const { start, oldEnd } = textEdit(oldText, text);
  lap("diff");
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

  // In a module the fragment says so first (`export{};`, dropped below): a script parses a
  // top-level `await` differently. (Not where the directive prologue reaches the span: the mark
  // would end the prologue; nor before a file's first line, which may be a `#!` line.)
  const fragmentText = text.slice(spanStart, newSpanEnd);
  const before = body.slice(0, spanFirst);
  const after = body.slice(spanLast + 1);
  const inPrologue = before.every(isDirective);
  const marked = old.sourceType === "module" && !fromFileStart && !inPrologue;
  if (old.sourceType === "module" && !marked && fragmentText.includes("await")) return "await at the top of a module";
  const padding = marked ? MODULE_MARK : "";
  lap("plan");
  const parsed = parseEditorTree(previous.file, padding + fragmentText);
  lap("fragment");
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
  // A statement that adds or removes the file's only import/export flips it between script and
  // module (the bench's 30,000-line file: each key typed as `export const …`). The other
  // statements read the same either way, except a top-level `await` (TypeScript re-parses those
  // once a file is a module), so without one the flip needs no full parse.
  let sourceType = old.sourceType;
  if (old.sourceType === "script" && fragment.sourceType !== "script") {
    if (text.includes("await")) return "file becomes a module";
    sourceType = "module";
  }
  if (old.sourceType === "module" && !statements.some(marksModule) && !before.some(marksModule) && !after.some(marksModule)) {
    // `import.meta` and a .mjs/.mts name also make a module (marksModule knows neither).
    if (text.includes("await") || text.includes("import.meta") || /\.m[jt]s$/i.test(previous.file)) return "file may stop being a module";
    sourceType = "script";
  }

  // Everything checked: build the new tree. Nothing above changed the previous one.
  if (shift !== 0) for (const node of nodesOf(fragment)) node.range = [node.range[0] + shift, node.range[1] + shift];
  lap("checks");
  if (delta !== 0) for (const statement of after) shiftInPlace(statement, delta);
  lap("shift");
  const comments = [
    ...(old.comments ?? []).filter((c) => c.range[1] <= spanStart),
    ...(fragment.comments ?? []).map((c) => ({ ...c, range: [c.range[0] + shift, c.range[1] + shift] as TSESTree.Range })),
    ...(old.comments ?? []).filter((c) => c.range[0] >= oldSpanEnd).map((c) => ({ ...c, range: [c.range[0] + delta, c.range[1] + delta] as TSESTree.Range })),
  ];
  const program: TSESTree.Program = {
    type: old.type,
    range: [0, text.length],
    body: [...before, ...statements, ...after],
    comments,
    sourceType,
    tokens: undefined,
  } as unknown as TSESTree.Program;
  // parseSource set the fragment's parents; below the top level the kept ones are still right.
  // (withParents only fills missing parents, and walking the whole tree would cost ~25 ms.)
  for (const statement of program.body) (statement as { parent: Node }).parent = program;
  lap("assemble");
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

const rangeLists = new WeakMap<Node, TSESTree.Range[]>();

/** A statement's range arrays, each once (the parser shares some between nodes). */
function rangesOf(statement: Node): TSESTree.Range[] {
  let ranges = rangeLists.get(statement);
  if (!ranges) {
    ranges = [...new Set(nodesOf(statement).map((node) => node.range))];
    rangeLists.set(statement, ranges);
  }
  return ranges;
}

/**
 * Moves a kept statement after the edit, in place. Every statement after the edit moves on
 * every keystroke (half the file on average), so its range arrays are listed once and then
 * only updated: reading `node.range` across dozens of node shapes was most of a re-parse.
 */
function shiftInPlace(statement: Node, delta: number): void {
  for (const range of rangesOf(statement)) {
    range[0] += delta;
    range[1] += delta;
  }
}

const nodeLists = new WeakMap<Node, Node[]>();

/** Every node under `root` (itself included), each once. */
function nodesOf(root: Node): Node[] {
  let nodes = nodeLists.get(root);
  if (nodes) return nodes;
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child === "object" && "type" in child) stack.push(child as Node);
      } else if (value && typeof value === "object" && "type" in value) {
        stack.push(value as Node);
      }
    }
  }
  nodes = [...seen];
  nodeLists.set(root, nodes);
  return nodes;
}

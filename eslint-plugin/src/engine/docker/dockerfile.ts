/**
 * A Dockerfile as the instructions KeyFence needs: which paths of the build context `COPY` and
 * `ADD` take (and from which stage), and the `ENV`/`ARG` values with their offsets. Follows
 * BuildKit's line grammar: `\` (or the `# escape=` character) continues a line, `#` lines are
 * comments (also between continued lines), heredoc bodies (`<<EOF … EOF`) are skipped. One pass,
 * linear in the text.
 */
import type { TextRange } from "../finding";

export interface ContextCopy {
  /** `COPY` or `ADD`. */
  instruction: string;
  /** The instruction as written, continuations joined (shortened): for messages. */
  written: string;
  /** Sources as written, relative to the build context (`.`, `src/`, `package*.json`). */
  sources: string[];
  /** 1-based line of the instruction. */
  line: number;
  range: TextRange;
  /** Index of the build stage (`FROM`) it belongs to; the last stage is the image. */
  stage: number;
}

export interface DockerVariable {
  instruction: "ENV" | "ARG";
  name: string;
  /** "" for an `ARG NAME` without a default (its value comes from `--build-arg`). */
  value: string;
  valueRange: TextRange;
  line: number;
  /** Index of the build stage (`FROM`) it belongs to; -1 before the first (a global `ARG`). */
  stage: number;
}

export interface Dockerfile {
  /** Copies from the build context; `COPY --from=…` (another stage or image) is left out. */
  copies: ContextCopy[];
  variables: DockerVariable[];
  stages: number;
  /** For each stage, the earlier stage it is built `FROM` (named by its `AS`), or -1 for an image. */
  builtFrom: number[];
}

interface Segment {
  at: number;
  offset: number;
}

interface Instruction {
  keyword: string;
  /** The arguments with continuations joined. */
  args: string;
  /** Where each joined line starts in `args` (`at`) and in the text (`offset`), in order. */
  segments: Segment[];
  line: number;
  range: TextRange;
}

export function parseDockerfile(text: string): Dockerfile {
  const result: Dockerfile = { copies: [], variables: [], stages: 0, builtFrom: [] };
  const stageNames = new Map<string, number>();
  for (const instruction of instructions(text)) {
    const keyword = instruction.keyword;
    if (keyword === "FROM") {
      const { base, name } = fromWords(instruction.args);
      result.builtFrom.push(stageNames.get(base) ?? -1);
      if (name) stageNames.set(name, result.stages);
      result.stages++;
    } else if (keyword === "COPY" || keyword === "ADD") {
      const copy = contextCopy(instruction, Math.max(0, result.stages - 1));
      if (copy) result.copies.push(copy);
    } else if (keyword === "ENV" || keyword === "ARG") for (const found of variables(instruction, keyword, result.stages - 1)) result.variables.push(found);
  }
  return result;
}

const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*([\\`])\s*$/im;

function* instructions(text: string): Generator<Instruction> {
  const escapeChar = escapeOf(text);
  let pos = 0;
  let lineNumber = 1;
  while (pos < text.length) {
    const lineEnd = endOfLine(text, pos);
    const startLine = lineNumber;
    lineNumber++;
    const start = skipBlanks(text, pos, lineEnd);
    if (start >= lineEnd || text[start] === "#") {
      pos = lineEnd + 1;
      continue;
    }
    let args = "";
    const segments: Segment[] = [];
    let segmentStart = start;
    let segmentEnd = lineEnd;
    let end = lineEnd;
    for (;;) {
      let trimmed = segmentEnd;
      while (trimmed > segmentStart && /\s/.test(text[trimmed - 1])) trimmed--;
      const continued = trimmed > segmentStart && text[trimmed - 1] === escapeChar;
      const stop = continued ? trimmed - 1 : trimmed;
      segments.push({ at: args.length, offset: segmentStart });
      args += text.slice(segmentStart, stop);
      end = stop;
      if (!continued) break;
      // The next non-comment line continues this instruction.
      let next = segmentEnd + 1;
      while (next < text.length) {
        const nextEnd = endOfLine(text, next);
        lineNumber++;
        const first = skipBlanks(text, next, nextEnd);
        if (first < nextEnd && text[first] !== "#") {
          segmentStart = next;
          segmentEnd = nextEnd;
          break;
        }
        next = nextEnd + 1;
      }
      if (next >= text.length) break;
    }
    pos = segmentEnd + 1;
    const match = /^(\S+)\s*/.exec(args);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const heredoc = /<<-?\s*["']?(\w+)["']?/.exec(args);
    if (heredoc && (keyword === "RUN" || keyword === "COPY" || keyword === "ADD")) {
      // Skip the body up to the terminator line.
      while (pos < text.length) {
        const bodyEnd = endOfLine(text, pos);
        lineNumber++;
        const bodyLine = text.slice(pos, bodyEnd).trim();
        pos = bodyEnd + 1;
        if (bodyLine === heredoc[1]) break;
      }
      continue;
    }
    const skip = match[0].length;
    yield { keyword, args: args.slice(skip), segments: segments.map((seg) => ({ at: seg.at - skip, offset: seg.offset })), line: startLine, range: { start, end } };
  }
}

/**
 * `FROM [--platform=…] <image> [AS <name>]`: the base and the stage's name, lowercased (Docker
 * matches stage names case-insensitively, and a stage name is looked up before an image's).
 */
function fromWords(args: string): { base: string; name: string | undefined } {
  const words = splitWords(args).filter((word) => !word.startsWith("--"));
  const name = words[1]?.toLowerCase() === "as" ? words[2]?.toLowerCase() : undefined;
  return { base: (words[0] ?? "").toLowerCase(), name };
}

function escapeOf(text: string): string {
  // Parser directives sit at the very top, before any instruction or other comment.
  const head = text.slice(0, 512);
  const directive = ESCAPE_DIRECTIVE.exec(head);
  return directive && !/^[ \t]*[^#\s]/m.test(head.slice(0, directive.index)) ? directive[1] : "\\";
}

function contextCopy(instruction: Instruction, stage: number): ContextCopy | undefined {
  const words = splitWords(instruction.args);
  const flags = words.filter((word) => word.startsWith("--"));
  if (flags.some((flag) => /^--from=/i.test(flag))) return undefined;
  let paths = words.filter((word) => !word.startsWith("--"));
  // JSON form: COPY ["src", "dest"]
  if (instruction.args.trimStart().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(instruction.args);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) paths = parsed as string[];
    } catch {
      return undefined;
    }
  }
  if (paths.length < 2) return undefined;
  // ADD also takes URLs and git repositories: not the build context.
  const sources = paths.slice(0, -1).filter((source) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !source.startsWith("git@"));
  if (sources.length === 0) return undefined;
  const joined = `${instruction.keyword} ${instruction.args.replace(/\s+/g, " ").trim()}`;
  const written = joined.length > 60 ? `${joined.slice(0, 59)}…` : joined;
  return { instruction: instruction.keyword, written, sources, line: instruction.line, range: instruction.range, stage };
}

/** `ENV A=1 B="two words"`, legacy `ENV A some value`, `ARG A=default`, `ARG A`. */
function variables(instruction: Instruction, keyword: "ENV" | "ARG", stage: number): DockerVariable[] {
  const { args, segments } = instruction;
  const found: DockerVariable[] = [];
  const variable = (name: string, value: string, start: number, end: number) => declared(keyword, name, value, start, end, segments, instruction.line, stage);
  const legacy = /^([A-Za-z_][\w.-]*)\s+(?!\S*=)(.+)$/s.exec(args);
  if (keyword === "ENV" && legacy && !/^[^\s=]+=/.test(args)) {
    const valueStart = args.indexOf(legacy[2], legacy[1].length);
    return [variable(legacy[1], legacy[2].trim(), valueStart, valueStart + legacy[2].trim().length)];
  }
  let pos = 0;
  while (pos < args.length) {
    while (pos < args.length && /\s/.test(args[pos])) pos++;
    const nameStart = pos;
    while (pos < args.length && !/[\s=]/.test(args[pos])) pos++;
    const name = args.slice(nameStart, pos);
    if (args[pos] !== "=") {
      // `ARG NAME`: declared, with no default.
      if (keyword === "ARG" && name) found.push(variable(name, "", pos, pos));
      continue;
    }
    pos++;
    let value = "";
    let valueStart = pos;
    let valueEnd = pos;
    const quote = args[pos];
    if (quote === '"' || quote === "'") {
      const close = args.indexOf(quote, pos + 1);
      valueStart = pos + 1;
      valueEnd = close < 0 ? args.length : close;
      value = args.slice(valueStart, valueEnd);
      pos = close < 0 ? args.length : close + 1;
    } else {
      while (pos < args.length && !/\s/.test(args[pos])) pos++;
      valueEnd = pos;
      value = args.slice(valueStart, valueEnd);
    }
    if (name) found.push(variable(name, value, valueStart, valueEnd));
  }
  return found;
}

function declared(
  instruction: "ENV" | "ARG", name: string, value: string, start: number, end: number, segments: Segment[], line: number, stage: number,
): DockerVariable {
  const at = (index: number) => textOffset(segments, index);
  const valueRange = end > start ? { start: at(start), end: at(end - 1) + 1 } : { start: at(start), end: at(start) };
  return { instruction, name, value, valueRange, line, stage };
}

/** Where character `index` of the joined arguments sits in the text (binary search over the lines). */
function textOffset(segments: Segment[], index: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].at <= index) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low];
  return segment ? segment.offset + (index - segment.at) : 0;
}

/** Words split on blanks, quotes kept together (shell-like, enough for COPY/ADD paths). */
function splitWords(args: string): string[] {
  return args.match(/"[^"]*"|'[^']*'|\S+/g)?.map((word) => word.replace(/^(["'])(.*)\1$/, "$2")) ?? [];
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline < 0 ? text.length : newline;
}

function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && (text[pos] === " " || text[pos] === "\t" || text[pos] === "\r")) pos++;
  return pos;
}

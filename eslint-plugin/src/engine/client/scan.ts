/**
 * A one-pass scanner that finds a module's imports and exports without building an AST, so the
 * client graph can read thousands of files in well under a second (oxc-parser serialises a
 * whole AST per file, which is most of its cost). It blanks out comments and the insides of
 * strings, templates and regexes — keeping every offset — so that the statement patterns below
 * only ever match real code. Linear time: each character is looked at a bounded number of times.
 */
import { detached } from "../detached-string";

export interface ScannedImport {
  specifier: string;
  kind: "import" | "side-effect" | "re-export" | "dynamic" | "require";
  start: number;
  end: number;
  /** Value bindings (`import a, { b, type C } from` → ["a", "b"]). */
  valueNames: string[];
  /** Bindings existed and all were type-only, or `export type … from`. */
  typeOnly: boolean;
  /** `import type …` / `export type … from` as a whole statement. */
  statementTypeOnly: boolean;
}

export interface ScanResult {
  /** The text with comments blanked and string/template/regex contents replaced by spaces. */
  code: string;
  imports: ScannedImport[];
  exportNames: Set<string>;
}

/** Characters after which a `/` starts a regex rather than a division (as char codes). */
// `<` and `>` are left out on purpose: in JSX, `</div>` is far more common than `a < /re/`.
const REGEX_AFTER = new Uint8Array(128);
for (const c of "(,=:[!&|?{};+-*%~^") REGEX_AFTER[c.charCodeAt(0)] = 1;
const REGEX_AFTER_WORDS = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"]);

const SLASH = 47, STAR = 42, DQUOTE = 34, SQUOTE = 39, BACKTICK = 96, BACKSLASH = 92, DOLLAR = 36;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, NEWLINE = 10;
/** "Start of file" and "after a word" as pseudo codes for the last significant character. */
const NOTHING = 0, WORD = 1;

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === DOLLAR || code > 127;
}

export function blankNonCode(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  const blank = (from: number, to: number, singleLine = false) => {
    if (to <= from) return;
    pieces.push(text.slice(copied, from), singleLine ? " ".repeat(to - from) : text.slice(from, to).replace(/[^\n]/g, " "));
    copied = to;
  };
  const templateDepths: number[] = [];
  let braceDepth = 0;
  let last = NOTHING;
  // The last word, as offsets: sliced only when a `/` needs it (return /re/ vs a / b).
  let wordStart = -1;
  let wordEnd = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isWordCode(code)) {
      let j = i + 1;
      while (j < n && isWordCode(text.charCodeAt(j))) j++;
      wordStart = i;
      wordEnd = j;
      last = WORD;
      i = j;
      continue;
    }
    if (code <= 32) {
      i++;
      continue;
    }
    if (code === SLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        let end = text.indexOf("\n", i);
        if (end === -1) end = n;
        blank(i, end, true);
        i = end;
        continue;
      }
      if (next === STAR) {
        let end = text.indexOf("*/", i + 2);
        end = end === -1 ? n : end + 2;
        blank(i, end);
        i = end;
        continue;
      }
      const regex = last === WORD ? wordEnd > wordStart && REGEX_AFTER_WORDS.has(text.slice(wordStart, wordEnd)) : last === NOTHING || REGEX_AFTER[last] === 1;
      if (regex) {
        let j = i + 1;
        let inClass = false;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === NEWLINE || (c === SLASH && !inClass)) break;
          if (c === BACKSLASH) j++;
          else if (c === OPEN_BRACKET) inClass = true;
          else if (c === CLOSE_BRACKET) inClass = false;
          j++;
        }
        blank(i + 1, Math.min(j, n), true);
        i = j + 1;
        last = SLASH;
        wordEnd = wordStart;
        continue;
      }
    } else if (code === DQUOTE || code === SQUOTE) {
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === code || c === NEWLINE) break;
        j += c === BACKSLASH ? 2 : 1;
      }
      blank(i + 1, Math.min(j, n), true);
      i = j + 1;
      last = code;
      wordEnd = wordStart;
      continue;
    } else if (code === BACKTICK || (code === CLOSE_BRACE && templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braceDepth)) {
      if (code === CLOSE_BRACE) templateDepths.pop();
      // Inside a template: blank up to the closing backtick or the next `${`.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === BACKTICK || (c === DOLLAR && text.charCodeAt(j + 1) === OPEN_BRACE)) break;
        j += c === BACKSLASH ? 2 : 1;
      }
      blank(i + 1, Math.min(j, n));
      if (j < n && text.charCodeAt(j) === DOLLAR) {
        templateDepths.push(braceDepth);
        i = j + 2;
        last = OPEN_BRACE;
      } else {
        i = j + 1;
        last = BACKTICK;
      }
      wordEnd = wordStart;
      continue;
    } else if (code === OPEN_BRACE) braceDepth++;
    else if (code === CLOSE_BRACE) braceDepth--;
    last = code < 128 ? code : WORD;
    wordEnd = wordStart;
    i++;
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}

const KEYWORD = /\b(import|export|require)\b/g;

export function scanModule(text: string): ScanResult {
  const code = blankNonCode(text);
  const imports: ScannedImport[] = [];
  const exportNames = new Set<string>();
  for (const match of code.matchAll(KEYWORD)) {
    const at = match.index;
    if (code[at - 1] === "." || code[at - 1] === "$") continue;
    const cursor = new Cursor(text, code, at + match[1].length);
    if (match[1] === "import") readImport(cursor, at, imports);
    else if (match[1] === "export") readExport(cursor, at, imports, exportNames);
    else readRequire(cursor, at, imports);
  }
  return { code, imports, exportNames };
}

class Cursor {
  constructor(
    readonly text: string,
    readonly code: string,
    public at: number,
  ) {}
  skip(): this {
    while (this.at < this.code.length && /\s/.test(this.code[this.at])) this.at++;
    return this;
  }
  peek(): string {
    return this.skip().code[this.at] ?? "";
  }
  word(): string {
    this.skip();
    const start = this.at;
    while (this.at < this.code.length && /[\w$]/.test(this.code[this.at])) this.at++;
    return this.code.slice(start, this.at);
  }
  eat(char: string): boolean {
    if (this.peek() !== char) return false;
    this.at++;
    return true;
  }
  /** A string literal's value (from the original text) if one starts here. */
  string(): string | undefined {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'" && quote !== "`") return undefined;
    const end = this.code.indexOf(quote, this.at + 1);
    if (end === -1) return undefined;
    const value = this.text.slice(this.at + 1, end);
    if (quote === "`" && value.includes("${")) return undefined;
    this.at = end + 1;
    return value;
  }
}

/** `const { a, b: c } = await ` right before a dynamic import: bounded, anchored at the end. */
const DESTRUCTURED_AWAIT = /(?:const|let|var)\s{1,20}\{([\w$\s,:]{1,400})\}\s{0,20}=\s{0,20}await\s{1,20}$/;

/**
 * The names a dynamic import's module is destructured into: `const { analyzeDraft } = await
 * import("@/app/lib/request")` uses that export (a server action a client component loads on
 * demand: Karl-Michaud/anthropic-hackathon's Whiteboard, batch 74). Any other form: none known.
 */
function destructuredBefore(code: string, start: number): string[] {
  const match = DESTRUCTURED_AWAIT.exec(code.slice(Math.max(0, start - 480), start));
  if (!match) return [];
  return match[1].split(",").flatMap((part) => {
    const name = part.split(":")[0].trim();
    return /^[\w$]+$/.test(name) ? [name] : [];
  });
}

function readImport(cursor: Cursor, start: number, imports: ScannedImport[]): void {
  const next = cursor.peek();
  if (next === "(") {
    cursor.eat("(");
    const specifier = cursor.string();
    if (specifier !== undefined) imports.push(edge(specifier, "dynamic", start, cursor.at, destructuredBefore(cursor.code, start), false, false));
    return;
  }
  if (next === ".") return; // import.meta
  const sideEffect = cursor.string();
  if (sideEffect !== undefined) {
    imports.push(edge(sideEffect, "side-effect", start, cursor.at, [], false, false));
    return;
  }
  let statementType = false;
  const names: Array<{ name: string; type: boolean }> = [];
  let first = cursor.word();
  if (first === "type") {
    const save = cursor.at;
    const after = cursor.peek();
    const lookahead = after === "{" || after === "*" ? "" : cursor.word();
    if (after === "{" || after === "*" || (lookahead && lookahead !== "from")) {
      statementType = true;
      first = lookahead;
    } else {
      cursor.at = save;
    }
  }
  if (first) {
    if (cursor.peek() === "=") {
      // `import x = require("y")`: the require pattern picks the edge up.
      return;
    }
    names.push({ name: first, type: statementType });
    if (!cursor.eat(",")) return finishImport(cursor, start, names, statementType, imports);
  }
  if (cursor.eat("*")) {
    if (cursor.word() !== "as") return;
    names.push({ name: cursor.word(), type: statementType });
  } else if (cursor.eat("{")) {
    for (let guard = 0; guard < 500 && !cursor.eat("}"); guard++) {
      let word = cursor.word();
      if (!word) {
        // A quoted import name (`{ "a-b" as ab }`).
        if (cursor.string() === undefined) return;
        word = "_";
      }
      let type = statementType;
      if (word === "type" && /[\w$"']/.test(cursor.peek())) {
        type = true;
        word = cursor.word() || (cursor.string() !== undefined ? "_" : "");
      }
      let local = word;
      if (cursor.peek() === "a" && cursor.code.startsWith("as", cursor.at) && /\s/.test(cursor.code[cursor.at + 2] ?? "")) {
        cursor.word();
        local = cursor.word();
      }
      names.push({ name: local, type });
      cursor.eat(",");
    }
  }
  finishImport(cursor, start, names, statementType, imports);
}

function finishImport(cursor: Cursor, start: number, names: Array<{ name: string; type: boolean }>, statementType: boolean, imports: ScannedImport[]): void {
  if (cursor.word() !== "from") return;
  const specifier = cursor.string();
  if (specifier === undefined) return;
  const valueNames = names.filter((entry) => !entry.type).map((entry) => entry.name);
  const typeOnly = names.length > 0 && valueNames.length === 0;
  imports.push(edge(specifier, names.length === 0 ? "side-effect" : "import", start, cursor.at, valueNames, typeOnly, statementType));
}

function readExport(cursor: Cursor, start: number, imports: ScannedImport[], exportNames: Set<string>): void {
  let word = cursor.word();
  let statementType = false;
  if (word === "type" && (cursor.peek() === "{" || cursor.peek() === "*")) {
    statementType = true;
    word = "";
  }
  if (word === "default") {
    exportNames.add("default");
    return;
  }
  if (word === "async") word = cursor.word();
  if (word === "function" || word === "class" || word === "const" || word === "let" || word === "var" || word === "enum") {
    cursor.eat("*");
    const name = cursor.word();
    if (name) exportNames.add(detached(name));
    return;
  }
  if (word) return; // export interface / type X = / declare …
  const names: Array<{ exported: string; type: boolean }> = [];
  if (cursor.eat("*")) {
    if (cursor.peek() === "a") {
      cursor.word();
      names.push({ exported: cursor.word(), type: statementType });
    }
  } else if (cursor.eat("{")) {
    for (let guard = 0; guard < 500 && !cursor.eat("}"); guard++) {
      let local = cursor.word();
      if (!local && cursor.string() === undefined) return;
      let type = statementType;
      if (local === "type" && /[\w$]/.test(cursor.peek())) {
        type = true;
        local = cursor.word();
      }
      let exported = local;
      if (cursor.code.startsWith("as", cursor.skip().at) && /\s/.test(cursor.code[cursor.at + 2] ?? "")) {
        cursor.word();
        exported = cursor.word() || (cursor.string() ?? "");
      }
      names.push({ exported, type });
      cursor.eat(",");
    }
  } else {
    return;
  }
  for (const entry of names) if (entry.exported) exportNames.add(detached(entry.exported));
  const save = cursor.at;
  if (cursor.word() !== "from") {
    cursor.at = save;
    return;
  }
  const specifier = cursor.string();
  if (specifier === undefined) return;
  const typeOnly = statementType || (names.length > 0 && names.every((entry) => entry.type));
  imports.push(edge(specifier, "re-export", start, cursor.at, [], typeOnly, statementType));
}

function readRequire(cursor: Cursor, start: number, imports: ScannedImport[]): void {
  if (!cursor.eat("(")) return;
  const specifier = cursor.string();
  if (specifier !== undefined && cursor.eat(")")) imports.push(edge(specifier, "require", start, cursor.at, [], false, false));
}

function edge(
  specifier: string,
  kind: ScannedImport["kind"],
  start: number,
  end: number,
  valueNames: string[],
  typeOnly: boolean,
  statementTypeOnly: boolean,
): ScannedImport {
  // The graphs keep these for the run: copies, not views of the whole text (../detached-string).
  return { specifier: detached(specifier), kind, start, end, valueNames: valueNames.map(detached), typeOnly, statementTypeOnly };
}

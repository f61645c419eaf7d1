/**
 * A fast, text-only first answer to "is this imported name used as a value?", so that most
 * files never need their AST deserialised. Only certain value uses count (`name(`, `name.x`,
 * `new name`, `<Name ` in JSX, `{name}`…); anything else is "unknown" and the caller asks the AST.
 */
export type TextUsage = "value" | "unused" | "unknown";

const IDENTIFIER_CHAR = /[\w$]/;
const MEMBER_NAME_START = /[A-Za-z_$#]/;

export function textUsage(text: string, name: string, skip: Array<[number, number]>, jsx: boolean): TextUsage {
  let found = false;
  let at = text.indexOf(name);
  while (at !== -1) {
    const end = at + name.length;
    const standalone = !IDENTIFIER_CHAR.test(text[at - 1] ?? "") && text[at - 1] !== "." && !IDENTIFIER_CHAR.test(text[end] ?? "");
    if (standalone && !skip.some(([start, stop]) => at >= start && at < stop)) {
      found = true;
      if (certainValue(text, at, end, jsx)) return "value";
    }
    at = text.indexOf(name, end);
  }
  return found ? "unknown" : "unused";
}

function certainValue(text: string, start: number, end: number, jsx: boolean): boolean {
  const after = nextChar(text, end);
  const before = previousChar(text, start);
  // `name.x`: a member read, where a name follows the dot; not the end of a sentence in JSX text
  // ("Start a conversation with the AI." beside `useUIState<typeof AI>()`: Saraivinha1703/nextjs-ai-chat, batch 256).
  if (after.char === "(" || (after.char === "." && MEMBER_NAME_START.test(nextChar(text, after.index + 1).char))) return true;
  if (before.char === "{" && after.char === "}") return true;
  if (before.char === "!" || (before.char === "." && text.slice(before.index - 2, before.index + 1) === "...")) return true;
  if (after.char === "=" && (text[after.index + 1] === "=" || text[after.index + 1] === ">") === false) return false;
  if ((after.char === "&" && text[after.index + 1] === "&") || (after.char === "|" && text[after.index + 1] === "|")) return true;
  const word = previousWord(text, start);
  if (word === "new" || word === "return" || word === "await") return true;
  if (jsx && before.char === "<") {
    // `<Name ` / `<Name/>` in JSX; `useState<Name>` has an identifier right before `<`.
    const beforeAngle = previousChar(text, before.index);
    const jsxPosition = !IDENTIFIER_CHAR.test(beforeAngle.char) && beforeAngle.char !== ")" && beforeAngle.char !== "]";
    if (jsxPosition && (after.char === "/" || /\s/.test(text[end] ?? "") || after.char === ">")) return true;
  }
  return false;
}

function nextChar(text: string, from: number): { char: string; index: number } {
  let i = from;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  return { char: text[i] ?? "", index: i };
}

function previousChar(text: string, from: number): { char: string; index: number } {
  let i = from - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return { char: text[i] ?? "", index: i };
}

function previousWord(text: string, from: number): string {
  const { index } = previousChar(text, from);
  let i = index;
  while (i >= 0 && IDENTIFIER_CHAR.test(text[i])) i--;
  return text.slice(i + 1, index + 1);
}

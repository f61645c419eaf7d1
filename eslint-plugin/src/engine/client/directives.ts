/**
 * The directive prologue, read exactly as Next.js's SWC transform reads it
 * (`react_server_components.rs`, `collect_module_info`): leading expression statements that are
 * plain string literals. Comments and other strings ("use strict") may come first; a backtick
 * string, a parenthesised string, or anything after the first import/statement does not count.
 */
import type { TSESTree } from "../ast";

/** From a parsed program (TSESTree or oxc ESTree: both mark directives with `directive`). */
export function directivesOf(program: TSESTree.Program): string[] {
  const found: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
    const expression = statement.expression;
    if (expression.type !== "Literal" || typeof expression.value !== "string") break;
    found.push(expression.value);
  }
  return found;
}

/**
 * From raw text, for files we never build an AST for. Linear scan: whitespace, comments, a
 * hashbang, then string statements ending at `;`, a line break, `}` or the end of the file.
 */
export function directivesInText(text: string): string[] {
  const found: string[] = [];
  let i = text.startsWith("#!") ? text.indexOf("\n") + 1 || text.length : 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    i = skipTrivia(text, i, true);
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return found;
    let j = i + 1;
    let value = "";
    while (j < text.length && text[j] !== quote) {
      if (text[j] === "\n") return found;
      if (text[j] === "\\") {
        value += text.slice(j, j + 2);
        j += 2;
      } else {
        value += text[j];
        j++;
      }
    }
    if (j >= text.length) return found;
    // A directive is the whole statement: `"use client".length` or `"a" + b` is an expression.
    const after = skipTrivia(text, j + 1, false);
    const next = text[after];
    const endsStatement = next === ";" || next === undefined || next === "\n" || next === "\r" || next === "}";
    if (!endsStatement) return found;
    if (next === "\n" || next === "\r") {
      // ASI only ends the statement when the next line cannot continue the expression.
      const following = text[skipTrivia(text, after, true)];
      if (following !== undefined && "([.`+-*/%,?=<>&|".includes(following)) return found;
    }
    found.push(value);
    i = next === ";" ? after + 1 : after;
  }
}

/** Skips spaces and comments; with `newlines` false, stops at the first line break. */
function skipTrivia(text: string, start: number, newlines: boolean): number {
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\ufeff" || ((c === "\n" || c === "\r") && newlines)) i++;
    else if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      if (end === -1) return text.length;
      i = newlines ? end + 1 : end;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) return text.length;
      const comment = text.slice(i, end);
      // A block comment spanning lines counts as a line break for ASI.
      if (!newlines && comment.includes("\n")) return end + 2 === text.length ? end + 2 : i;
      i = end + 2;
    } else break;
  }
  return i;
}

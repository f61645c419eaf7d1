/**
 * Single-file components (.vue, .svelte, .astro) read as code: the component's text with every
 * character outside its code blanked, so that the TypeScript parser reads the `<script>` blocks
 * (and Astro's frontmatter) where they stand. The blanked text has the component's length and
 * line breaks, so every range in the tree is a range in the component: findings, fixes and
 * `eslint-disable` comments need no mapping back.
 *
 * Why not the tree the user's parser gives ESLint (vue-eslint-parser, svelte-eslint-parser,
 * astro-eslint-parser): the editor has none of them, and "the editor and CI never disagree" needs
 * both hosts to read the same tree. Each of those parsers also shapes the script differently
 * (Svelte's and Astro's Programs hold template nodes no TypeScript visitor key knows).
 */
import { extractScripts } from "./client/sfc";

export const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/i;

export function isComponentFile(file: string): boolean {
  return COMPONENT_FILE.test(file);
}

export interface ComponentCode {
  /** The component's text, blanked outside its code: same length, same line breaks. */
  code: string;
  /** A block declares `lang="tsx"` or `"jsx"`: parse with JSX (TypeScript's `<T>x` casts then fail). */
  jsx: boolean;
}

/** Astro's frontmatter: `---` on the first line, code, `---`. */
const FRONTMATTER = /^(\s*---[^\S\r\n]*\r?\n)(?:---|([\s\S]*?)\r?\n---)/;

/** A stretch of code in a component: Astro's frontmatter (server code) or a `<script>` body. */
export interface CodeBlock {
  kind: "frontmatter" | "script";
  start: number;
  end: number;
}

export function componentCode(file: string, text: string): ComponentCode {
  const { blocks, jsx } = codeBlocks(file, text);
  return { code: blanked(text, blocks), jsx };
}

/** The component's code blocks, in order. */
export function codeBlocks(file: string, text: string): { blocks: CodeBlock[]; jsx: boolean } {
  const blocks: CodeBlock[] = [];
  let jsx = false;
  let from = 0;
  if (/\.astro$/i.test(file)) {
    const frontmatter = FRONTMATTER.exec(text);
    if (frontmatter) {
      const start = frontmatter[1].length;
      blocks.push({ kind: "frontmatter", start, end: start + (frontmatter[2] ?? "").length });
      from = frontmatter[0].length;
    }
  }
  // The graph's own script walk (./client/sfc); the frontmatter is blanked first, so a
  // `"<script>"` string in it is not taken for a tag. Inline scripts are code that ships too.
  for (const script of extractScripts(file, from === 0 ? text : " ".repeat(from) + text.slice(from))) {
    if (!script.code) continue;
    if (script.lang === "tsx" || script.lang === "jsx") jsx = true;
    blocks.push({ kind: "script", start: script.start, end: script.start + script.text.length });
  }
  return { blocks, jsx };
}

/**
 * Everything outside the blocks becomes spaces (line breaks kept). The first blanked character
 * after each block is a `;`, so two blocks never run into one statement (`foo` then `(bar)()`).
 */
function blanked(text: string, blocks: CodeBlock[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const block of blocks) {
    parts.push(gap(text.slice(at, block.start), at > 0), text.slice(block.start, block.end));
    at = block.end;
  }
  parts.push(gap(text.slice(at), at > 0));
  return parts.join("");
}

function gap(text: string, afterBlock: boolean): string {
  const spaces = text.replace(/[^\r\n]/g, " ");
  const first = afterBlock ? spaces.indexOf(" ") : -1;
  return first < 0 ? spaces : `${spaces.slice(0, first)};${spaces.slice(first + 1)}`;
}

/**
 * `<!-- … -->` comments in a Vue or Svelte component's markup, as block comments: their
 * processors in ESLint (eslint-plugin-vue's, eslint-plugin-svelte's) honour `<!-- eslint-disable
 * … -->` there, so the editor reads them too. eslint-plugin-astro does not: none for .astro.
 */
export function markupComments(file: string, text: string, blocks: CodeBlock[]): Array<{ type: "Block"; value: string; range: [number, number] }> {
  if (!/\.(?:vue|svelte)$/i.test(file)) return [];
  const comments: Array<{ type: "Block"; value: string; range: [number, number] }> = [];
  // One pass, left to right; each `-->` found is kept for the next `<!--` before it: linear.
  let from = 0;
  let next = 0;
  let close = -1;
  for (;;) {
    const open = text.indexOf("<!--", from);
    if (open < 0) break;
    while (next < blocks.length && blocks[next].end <= open) next++;
    const block = blocks[next] as CodeBlock | undefined;
    if (block && block.start <= open) {
      from = block.end; // `<!--` in code is code
      continue;
    }
    if (close < open + 4) close = text.indexOf("-->", open + 4);
    if (close < 0) break;
    const end = block ? block.start : text.length;
    if (close + 3 > end) {
      from = end; // not closed before the next code block
      continue;
    }
    comments.push({ type: "Block", value: text.slice(open + 4, close), range: [open, close + 3] });
    from = close + 3;
  }
  return comments;
}

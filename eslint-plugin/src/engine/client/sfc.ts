/** `<script>` blocks of single-file components (.vue, .svelte, .astro), found without a parser. */
import { scriptElements } from "./html-tags";

export interface ScriptBlock {
  text: string;
  /** Offset of the block's first character in the text it was found in. */
  start: number;
  lang: "ts" | "tsx" | "js" | "jsx";
  /** JavaScript or TypeScript (no `type`, `module`, or a JS/TS MIME type), not JSON-LD or an import map. */
  code: boolean;
  /** Astro `is:inline`, `src=` and non-code scripts are not bundled. */
  inline: boolean;
}

export function extractScripts(file: string, text: string): ScriptBlock[] {
  void file;
  const blocks: ScriptBlock[] = [];
  // A linear tag walk, not a regex: an unclosed `<script>` made the regex quadratic (./html-tags).
  for (const script of scriptElements(text)) {
    const attributes = script.attributes;
    const lang = /\blang\s*=\s*["']?(tsx|ts|jsx|js)/i.exec(attributes)?.[1]?.toLowerCase() as ScriptBlock["lang"] | undefined;
    const type = /\btype\s*=\s*["']?([\w/+-]+)/i.exec(attributes)?.[1]?.toLowerCase();
    const code = type === undefined || type === "module" || type.includes("javascript") || type.includes("typescript");
    const inline = /\bis:inline\b/.test(attributes) || /\bsrc\s*=/.test(attributes) || !code;
    blocks.push({ text: script.body, start: script.start, lang: lang ?? "ts", code, inline });
  }
  return blocks;
}

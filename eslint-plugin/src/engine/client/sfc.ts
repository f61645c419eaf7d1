/** `<script>` blocks of single-file components (.vue, .svelte, .astro), found without a parser. */
import { scriptElements } from "./html-tags";

export interface ScriptBlock {
  text: string;
  lang: "ts" | "tsx" | "js" | "jsx";
  /** Astro `is:inline` and JSON/importmap scripts are not bundled. */
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
    const inline = /\bis:inline\b/.test(attributes) || /\bsrc\s*=/.test(attributes) || (type !== undefined && type !== "module" && !type.includes("javascript") && !type.includes("typescript"));
    blocks.push({ text: script.body, lang: lang ?? "ts", inline });
  }
  return blocks;
}

/** `<script>` blocks of single-file components (.vue, .svelte, .astro), found without a parser. */
export interface ScriptBlock {
  text: string;
  lang: "ts" | "tsx" | "js" | "jsx";
  /** Astro `is:inline` and JSON/importmap scripts are not bundled. */
  inline: boolean;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

export function extractScripts(file: string, text: string): ScriptBlock[] {
  void file;
  const blocks: ScriptBlock[] = [];
  for (const match of text.matchAll(SCRIPT)) {
    const attributes = match[1];
    const lang = /\blang\s*=\s*["']?(tsx|ts|jsx|js)/i.exec(attributes)?.[1]?.toLowerCase() as ScriptBlock["lang"] | undefined;
    const type = /\btype\s*=\s*["']?([\w/+-]+)/i.exec(attributes)?.[1]?.toLowerCase();
    const inline = /\bis:inline\b/.test(attributes) || /\bsrc\s*=/.test(attributes) || (type !== undefined && type !== "module" && !type.includes("javascript") && !type.includes("typescript"));
    blocks.push({ text: match[2], lang: lang ?? "ts", inline });
  }
  return blocks;
}

/**
 * A file that sends a request to a URL it imports from the app's own module, where that module
 * names a provider: `import API_URL from "./api"; fetch(API_URL, …)`, with `./api` holding
 * `https://generativelanguage.googleapis.com/…?key=${import.meta.env.VITE_GOOGLE_API_KEY}`
 * (shashikant347/Askly, batch 38). The file's own text names no provider, so no-client-ai-calls'
 * text gate (mayCallAi) would skip it; this is the second gate, asked only where that one says no.
 *
 *   fetchesImportedAiUrl(text, file) → whether such a request may be in the file
 *
 * This file's text only (the editor asks before it has a tree): the names a request takes as its
 * URL, then the import lines that bring one of them from the app's own module, then that module's
 * text (./imported-values reads and caches the module while its mtime holds).
 */
import { TEXT_PROBES } from "../text-facts";
import { importedModule, type ModuleValues } from "./imported-values";

/**
 * `fetch(NAME`, `axios.post(NAME`, `ky(NAME`, `fetch(\`${NAME}`: the name a request's URL starts
 * with. Bounded pieces and no nested quantifier: linear on any text.
 */
const REQUEST_URL_NAME = /\b(?:fetch|axios(?:\.[a-z]{3,7})?|ky(?:\.[a-z]{3,6})?)\(\s{0,20}(?:`\$\{\s{0,20})?([A-Za-z_$][\w$]{0,80})\s{0,20}[,)}+?]/g;

/** `from "./x"`, `from "@/lib/x"`: the app's own module, relative or by a tsconfig alias (bounded pieces, linear). */
const RELATIVE_FROM = /\bfrom\s{0,20}["']((?:\.{1,2}|[@~])\/[^"'\n]{0,300})["']/g;

const namesProvider = new WeakMap<ModuleValues, boolean>();

export function fetchesImportedAiUrl(text: string, file: string | undefined): boolean {
  if (!file || (!text.includes("fetch(") && !text.includes("axios") && !text.includes("ky(") && !text.includes("ky."))) return false;
  const urlNames = new Set<string>();
  for (const match of text.matchAll(REQUEST_URL_NAME)) urlNames.add(match[1]);
  if (urlNames.size === 0) return false;
  // What each relative import binds: the text from its `import` to its `from`. Each search looks
  // back only to the previous import's end, so the whole text is read once.
  let floor = 0;
  for (const match of text.matchAll(RELATIVE_FROM)) {
    const window = text.slice(floor, match.index);
    floor = match.index + match[0].length;
    const start = window.lastIndexOf("import");
    if (start < 0 || !window.slice(start + 6).split(/[^\w$]+/).some((name) => urlNames.has(name))) continue;
    const values = importedModule(file, match[1]);
    if (!values) continue;
    let named = namesProvider.get(values);
    if (named === undefined) namesProvider.set(values, (named = TEXT_PROBES.aiHost(values.text) >= 0));
    if (named) return true;
  }
  return false;
}

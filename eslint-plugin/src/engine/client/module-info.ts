/**
 * What the client graph needs to know about one file on disk: its directives, and every import
 * edge with enough detail to decide whether the bundler keeps it. Edges come from a linear
 * scanner (./scan); an AST (oxc-parser, about ten times faster than the TypeScript parser) is
 * built only when an import's bindings might be used as types alone, or a route module's server
 * exports must be split off.
 */
import * as path from "node:path";
import { nearestPackageDir } from "../package-dir";
import { directivesInText } from "./directives";
import { openingTags } from "./html-tags";
import { jsParser, nativeParser } from "./native";
import { tooDeepForNativeParser } from "./parse-depth";
import { fileStats } from "./stats";
import { extractScripts, type ScriptBlock } from "./sfc";
import { blankNonCode, scanModule } from "./scan";
import { textUsage, type TextUsage } from "./text-usage";
import type { AnyNode } from "./walk";
import { mayHoldServerCalls } from "./server-code";

export type EdgeKind = "import" | "side-effect" | "re-export" | "dynamic" | "require" | "island";

export interface ImportEdge {
  specifier: string;
  kind: EdgeKind;
  /** Offsets of the statement or call in the file's text. */
  range: [number, number];
  /** Local names bound as values (`import { a, type B }` → ["a"]); empty for side-effect imports. */
  valueNames: string[];
  /** Every specifier is type-only, or `export type … from`: never in the bundle. */
  typeOnly: boolean;
  /** `import type …` as a whole statement (erased even under verbatimModuleSyntax). */
  statementTypeOnly: boolean;
  /** TypeScript files: how the bindings are used, as far as the text tells ("unknown": ask the AST). */
  usage?: TextUsage;
}

export interface ModuleInfo {
  directives: string[];
  edges: ImportEdge[];
  /** Names this module exports (for route modules' server exports). */
  exportNames: Set<string>;
  /** TypeScript source: unused and type-only-used imports are erased. */
  typescript: boolean;
  /** Framework host file (.astro) whose own code stays on the server. */
  hostOnly: boolean;
  /** The code calls what TanStack Start cuts server code out of (server-code.ts, `serverCalls`). */
  serverCalls: boolean;
  /** Syntax error or unreadable: no edges, stays quiet. */
  broken: boolean;
  /** The ESTree program, built on first use (script part only for SFCs). */
  program(): AnyNode | undefined;
}

const EMPTY: ModuleInfo = {
  directives: [],
  edges: [],
  exportNames: new Set(),
  typescript: false,
  hostOnly: false,
  serverCalls: false,
  broken: true,
  program: () => undefined,
};

export function brokenModule(): ModuleInfo {
  return EMPTY;
}

/**
 * Module info for one file's text. Never throws. With `reread` (the file's text again, from
 * disk), the info keeps no text: a module asked for its AST (one with an import whose bindings
 * the text cannot show to be values, or one exporting a framework's server-only name) reads the
 * file again; a text that no longer has the scanned length then gives no AST (as a syntax error
 * would). Keeping the text (and its blanked copy) of every module the graphs scan held tens of
 * MiB on a big monorepo; keeping it for those that might be asked still held 3 MiB over
 * vercel/ai's examples, for the few the graph does ask (issue 11: what stays in the heap raises
 * the heap V8 lets grow before each full collection, about four times over).
 */
export function readModuleInfo(file: string, text: string, reread?: () => string | undefined): ModuleInfo {
  try {
    const lower = file.toLowerCase();
    if (lower.endsWith(".vue") || lower.endsWith(".svelte")) return fromScripts(file, extractScripts(file, text), false);
    if (lower.endsWith(".astro")) return fromAstro(file, text);
    return fromScript(file, text, langOf(file), reread);
  } catch {
    return EMPTY;
  }
}

function langOf(file: string): "ts" | "tsx" | "js" | "jsx" {
  if (/\.d\.[cm]?ts$/i.test(file)) return "ts";
  if (/\.[cm]?ts$/i.test(file)) return "ts";
  if (/\.tsx$/i.test(file)) return "tsx";
  return "jsx";
}

function fromScript(file: string, text: string, lang: "ts" | "tsx" | "js" | "jsx", reread?: () => string | undefined): ModuleInfo {
  const scanned = scanModule(text);
  const edges: ImportEdge[] = scanned.imports.map((found) => ({
    specifier: found.specifier,
    kind: found.kind,
    range: [found.start, found.end],
    valueNames: found.valueNames,
    typeOnly: found.typeOnly,
    statementTypeOnly: found.statementTypeOnly,
  }));
  const typescript = lang === "ts" || lang === "tsx";
  if (typescript) {
    const importRanges = edges.filter((edge) => edge.kind === "import" || edge.kind === "side-effect").map((edge) => edge.range);
    for (const edge of edges) {
      if (edge.kind !== "import" || edge.valueNames.length === 0) continue;
      const usages = edge.valueNames.map((name) => textUsage(scanned.code, name, importRanges, lang === "tsx"));
      edge.usage = usages.includes("value") ? "value" : usages.every((usage) => usage === "unused") ? "unused" : "unknown";
    }
  }
  // Strings and comments are blanked in `code`: a mention in a comment is no call.
  const serverCalls = mayHoldServerCalls(scanned.code);
  return {
    directives: directivesInText(text),
    edges,
    exportNames: scanned.exportNames,
    typescript,
    hostOnly: false,
    serverCalls,
    broken: false,
    // Only route modules and ambiguous imports ask: parse once, on demand.
    program: lazyProgram(file, lang, text.length, reread ? undefined : { text, code: scanned.code }, reread),
  };
}

/**
 * A module's AST, built on the first call. A function of its own, so that the closure holds
 * only what it names (a closure inside fromScript would keep all of fromScript's captured
 * variables alive, the scanned text among them).
 */
function lazyProgram(
  file: string,
  lang: "ts" | "tsx" | "js" | "jsx",
  scannedLength: number,
  kept: { text: string; code: string } | undefined,
  reread: (() => string | undefined) | undefined,
): () => AnyNode | undefined {
  let program: AnyNode | undefined;
  let programRead = false;
  return () => {
    if (programRead) return program;
    programRead = true;
    const again = kept ? undefined : reread?.();
    const read = kept ?? (again !== undefined && again.length === scannedLength ? { text: again, code: blankNonCode(again) } : undefined);
    kept = undefined;
    if (!read) return undefined;
    try {
      fileStats.asts++;
      // oxc overflows its native stack (SIGSEGV, the process dies) on very deep nesting.
      const parse = tooDeepForNativeParser(read.code) ? jsParser() : nativeParser();
      const result = parse(file, read.text, { lang, sourceType: "unambiguous", range: true, preserveParens: false });
      program = result.errors.some((error) => error.severity === "Error") ? undefined : (result.program as AnyNode);
    } catch {
      program = undefined;
    }
    return program;
  };
}

/** Vue and Svelte: every `<script>` block is browser code (Svelte/Vue SSR aside). */
function fromScripts(file: string, blocks: ScriptBlock[], hostOnly: boolean): ModuleInfo {
  if (blocks.length === 0) return { ...EMPTY, broken: false, hostOnly };
  const infos = blocks.map((block) => fromScript(`${file}.${block.lang}`, block.text, block.lang));
  return {
    directives: [],
    // A component imported in `<script setup>` (or a Svelte script) and used only in the markup
    // looks unused to the script's text: it is a value the compiled component renders.
    edges: infos.flatMap((info) => info.edges).map((edge) => (edge.usage === undefined ? edge : { ...edge, usage: "value" as const })),
    exportNames: new Set(infos.flatMap((info) => [...info.exportNames])),
    typescript: infos.some((info) => info.typescript),
    hostOnly,
    serverCalls: false,
    broken: infos.every((info) => info.broken),
    // Type-only pruning inside SFCs is not worth a second parse: keep every value import.
    program: () => undefined,
  };
}

/**
 * Astro: the frontmatter renders on the server; only `<script>` blocks and components
 * hydrated with a `client:*` directive reach the browser. The .astro file is a host: its own
 * code is not browser code, but its islands are.
 */
function fromAstro(file: string, text: string): ModuleInfo {
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const template = frontmatter ? text.slice(frontmatter[0].length) : text;
  const islands = new Set<string>();
  // A linear tag walk: `/<(\w+)\b[^>]*?\sclient:/g` was quadratic on unclosed tags.
  for (const tag of openingTags(template)) if (/\sclient:[a-z]+/.test(tag.attributes)) islands.add(tag.name.split(".")[0]);
  const edges: ImportEdge[] = [];
  if (frontmatter && islands.size > 0) {
    const info = fromScript(`${file}.ts`, frontmatter[1], "ts");
    for (const edge of info.edges) {
      if (edge.kind === "import" && edge.valueNames.some((name) => islands.has(name))) edges.push({ ...edge, kind: "island" });
    }
  }
  const scripts = extractScripts(file, template).filter((block) => !block.inline);
  const scriptInfo = fromScripts(file, scripts, true);
  return { ...scriptInfo, edges: [...edges, ...scriptSrcEdges(file, template), ...scriptInfo.edges], hostOnly: true, broken: false };
}

/**
 * `<script src="../scripts/gemini.js">`, `<script src="/src/scripts/gemini">`: a local script the
 * page loads runs in the browser (Astro bundles it), as a `<script>` block's imports do
 * (Rakkun9/TranslaSite's Gemini scripts). `public/` is not part of the graph (graph.ts).
 */
function scriptSrcEdges(file: string, template: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const tag of openingTags(template)) {
    if (tag.name.toLowerCase() !== "script") continue;
    const src = /\bsrc\s*=\s*["']([^"'?#]+)/i.exec(tag.attributes)?.[1];
    if (!src || /^(?:[a-z]+:)?\/\//i.test(src)) continue;
    const specifier = src.startsWith("/") ? fromProjectRoot(file, src) : src.startsWith(".") ? src : `./${src}`;
    if (specifier) edges.push({ specifier, kind: "import", range: [tag.end, tag.end], valueNames: [], typeOnly: false, statementTypeOnly: false });
  }
  return edges;
}

/** `/src/x` (Vite's path from the project's root) as a path relative to `file`. */
function fromProjectRoot(file: string, src: string): string | undefined {
  const root = nearestPackageDir(path.dirname(file));
  if (!root) return undefined;
  const relative = path.relative(path.dirname(file), path.join(root, src)).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

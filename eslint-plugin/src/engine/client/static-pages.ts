/**
 * A site with no build of its own: its HTML pages load their scripts themselves
 * (`<script src="gemini.js">`), and every such script runs in the visitor's browser as written.
 * GitHub Pages portfolios and landing pages call AI providers this way
 * (ledungedu/mstrang-website: index.html loads gemini.js, which calls Gemini with a key in it).
 *
 * Asked only for a file no framework claims (framework.ts says "unknown") that makes an AI call:
 * the pages beside it and up to two folders above are read, then those of the folders a few levels
 * below the highest (bounded in number and size). A
 * script a page loads from another site (`https://…`) is not the project's. A page is read again
 * only when its size or mtime changes; the `--cache` stamp fingerprints every HTML file's size and
 * mtime too (cache-stamp.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { openingTags } from "./html-tags";
import { nearestPackageDir } from "../package-dir";

const LEVELS = 3;
const MAX_PAGES = 50;
const MAX_PAGE_BYTES = 1_000_000;

/** The page (absolute path) that loads `file` as a script, or undefined. */
export function pageLoading(file: string): string | undefined {
  const target = path.resolve(file);
  let dir = path.dirname(target);
  // The file's own package.json names no framework (the caller asks only then): a site that keeps
  // one for its functions' or tools' dependencies (`@supabase/supabase-js`, `node-fetch`) still loads
  // its scripts from its pages (Electrify-ai/trail-generation's index.html → scripts/, batch 104).
  const own = nearestPackageDir(dir);
  const read = new Set<string>();
  let top = dir;
  for (let level = 0; level < LEVELS; level++) {
    // Another project (a package.json above the file's own) ends the search: its framework would have claimed the file.
    if (level > 0 && dir !== own && fs.existsSync(path.join(dir, "package.json"))) return undefined;
    read.add(dir);
    top = dir;
    for (const page of pagesIn(dir)) {
      if (scriptsOf(page).includes(target)) return page;
    }
    const parent = path.dirname(dir);
    if (parent === dir || fs.existsSync(path.join(dir, ".git"))) break;
    dir = parent;
  }
  // A page kept in another branch of the site, `views/citizen/chatbot.html` loading `../../js/citizen/chatbot.js`
  // (Yureka-Adhikari/Hack---thon, batch 240): the folders below the highest one read, a few levels down.
  for (const page of pagesBelow(top)) {
    if (!read.has(path.dirname(page)) && scriptsOf(page).includes(target)) return page;
  }
  return undefined;
}

const BELOW_LEVELS = 3;
const MAX_FOLDERS_BELOW = 100;
/** The pages below a folder, kept a few seconds: an editor asks on every keystroke in a script no page loads. */
const FRESH_MS = 5000;
const pagesBelowCache = new Map<string, { at: number; pages: string[] }>();

/** The pages in the folders under `top`, up to BELOW_LEVELS down, breadth first and bounded: not in installed or dot folders, nor another project's. */
function pagesBelow(top: string): string[] {
  const kept = pagesBelowCache.get(top);
  if (kept && Date.now() - kept.at < FRESH_MS) return kept.pages;
  const pages: string[] = [];
  let level = [top];
  let folders = 0;
  for (let depth = 0; depth < BELOW_LEVELS && level.length > 0 && folders < MAX_FOLDERS_BELOW; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === "node_modules") continue;
        const folder = path.join(dir, entry.name);
        if (fs.existsSync(path.join(folder, "package.json")) || ++folders > MAX_FOLDERS_BELOW) continue;
        next.push(folder);
        pages.push(...pagesIn(folder));
      }
    }
    level = next;
  }
  if (pagesBelowCache.size >= MAX_KEPT_PAGES) pagesBelowCache.clear();
  pagesBelowCache.set(top, { at: Date.now(), pages });
  return pages;
}

function pagesIn(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => /\.html?$/i.test(name)).slice(0, MAX_PAGES).map((name) => path.join(dir, name));
}

/**
 * Each page's scripts, kept while its size and mtime hold: the editor asks again on every
 * keystroke in such a file, and a page is read and its tags listed only when it changed.
 */
const pageScripts = new Map<string, { size: number; mtimeMs: number; scripts: string[] }>();
const MAX_KEPT_PAGES = 500;

/** The local scripts a page loads, as absolute paths (`/x.js` from the page's folder, as a static host serves it). */
function scriptsOf(page: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(page);
  } catch {
    pageScripts.delete(page);
    return [];
  }
  const kept = pageScripts.get(page);
  if (kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs) return kept.scripts;
  const scripts = stat.size > MAX_PAGE_BYTES ? [] : readScripts(page);
  if (pageScripts.size >= MAX_KEPT_PAGES) pageScripts.clear();
  pageScripts.set(page, { size: stat.size, mtimeMs: stat.mtimeMs, scripts });
  return scripts;
}

function readScripts(page: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(page, "utf8");
  } catch {
    return [];
  }
  const scripts: string[] = [];
  for (const tag of openingTags(text)) {
    if (tag.name.toLowerCase() !== "script") continue;
    const src = /\bsrc\s*=\s*["']([^"'?#]+)/i.exec(tag.attributes)?.[1];
    if (src === undefined || /^(?:[a-z]+:)?\/\//i.test(src)) continue;
    scripts.push(path.resolve(path.dirname(page), src.replace(/^\/+/, "")));
  }
  return scripts;
}

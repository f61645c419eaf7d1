/**
 * Which framework a file belongs to, from the nearest package.json (and config files) that names
 * one, and that framework's rules for what runs in the browser. Unknown framework: no rules, so
 * the rules stay quiet rather than guess.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { openingTags } from "./html-tags";
import { workspaceOf } from "./workspaces";

export type FrameworkName = "next" | "remix" | "sveltekit" | "nuxt" | "astro" | "gatsby" | "expo" | "react-native" | "angular" | "extension" | "cra" | "vue-cli" | "rsbuild" | "parcel" | "webpack" | "tanstack-start" | "qwik" | "vite" | "unknown";

export interface Framework {
  name: FrameworkName;
  /** The folder holding the framework's package.json. */
  root: string;
  /**
   * electron-vite: Vite builds three bundles. The renderer (`src/renderer/`, entered from its
   * index.html) is the browser; the main process (`src/main/`) and the preload scripts
   * (`src/preload/`) run in Node, whatever prefix rules their env reads follow.
   */
  electronVite?: boolean;
  /**
   * A browser extension Vite builds with no extension framework (its manifest in `public/`):
   * its env files follow Vite's rules (gitignore/framework-entries reads it as a Vite app).
   */
  viteExtension?: boolean;
  /**
   * Electron Forge's Vite plugin: the scripts its forge.config builds for Node (`build: [{ entry:
   * "src/main.ts", target: "main" }, { entry: "src/preload.ts", … }]`), paths from the root. The
   * renderer is entered from index.html as in any Vite app.
   */
  nodeEntries?: readonly string[];
  /**
   * Vite's `root` option, when it names a folder inside the project that holds an index.html
   * (`client` for Replit's full-stack template): the page's `/src/main.tsx` and the app's `src/`
   * are that folder's, and the project's own `server/` is no part of the page.
   */
  viteRoot?: string;
  /**
   * A desktop app (Electron, Tauri): its browser code is a window of an app every user installs,
   * and there is no server of its own; where a provider call belongs is said differently.
   */
  desktop?: "electron" | "tauri";
  /**
   * Expo Router's React Server Functions, turned on in the app config
   * (`experiments.reactServerFunctions`): a `"use server"` module stays on the server and the app
   * gets references to its functions (Expo's guide reads secrets there). Without the flag Metro
   * bundles such a module as any other.
   */
  serverFunctions?: boolean;
}

/** electron-vite's config (its `main`, `preload` and `renderer` sections are each a Vite config). */
const ELECTRON_VITE_CONFIG = /^electron\.vite\.config\.[cm]?[jt]s$/;

const CONFIG_FILES: Array<[RegExp, FrameworkName]> = [
  [/^next\.config\.(?:js|mjs|cjs|ts|mts)$/, "next"],
  [/^react-router\.config\.(?:js|ts|mjs)$/, "remix"],
  [/^remix\.config\.(?:js|mjs|cjs)$/, "remix"],
  [/^svelte\.config\.(?:js|mjs|ts)$/, "sveltekit"],
  [/^nuxt\.config\.(?:js|mjs|ts)$/, "nuxt"],
  [/^astro\.config\.(?:js|mjs|ts|mts)$/, "astro"],
  [/^gatsby-config\.(?:js|mjs|ts)$/, "gatsby"],
  [/^angular\.json$/, "angular"],
  // Also a second config a `vite build --config` script names: `vite-background.config.ts`.
  [/^vite(?:[.-][\w-]{1,40})?\.config\.(?:js|mjs|cjs|ts|mts)$/, "vite"],
  [ELECTRON_VITE_CONFIG, "vite"],
];

/** The framework whose config file `name` is (`vite.config.ts` → vite), if it is one. */
function configFramework(name: string): FrameworkName | undefined {
  return CONFIG_FILES.find(([pattern]) => pattern.test(name))?.[1];
}

/**
 * A build tool's or framework's config file (`vite.config.ts`, `next.config.mjs`, a webpack
 * config): code that runs in Node at build time, where `process.env` holds every variable.
 */
export function isBuildConfigFile(file: string): boolean {
  const name = path.basename(file);
  return (configFramework(name) !== undefined && !name.endsWith(".json")) || WEBPACK_CONFIG.test(name);
}

/** Dependencies that decide the framework, most specific first. */
const DEPENDENCIES: Array<[string, FrameworkName]> = [
  ["next", "next"],
  ["@react-router/dev", "remix"],
  ["@remix-run/react", "remix"],
  ["@remix-run/dev", "remix"],
  ["@sveltejs/kit", "sveltekit"],
  ["nuxt", "nuxt"],
  ["astro", "astro"],
  ["gatsby", "gatsby"],
  ["expo", "expo"],
  ["react-native", "react-native"],
  ["@angular/core", "angular"],
  // Browser extensions built with Plasmo, WXT or Vite's CRXJS plugin (before `vite`).
  ["plasmo", "extension"],
  ["wxt", "extension"],
  ["@crxjs/vite-plugin", "extension"],
  ["react-scripts", "cra"],
  // TanStack Start runs on Vite but renders on the server too: its own boundary (before `vite`).
  ["@tanstack/react-start", "tanstack-start"],
  ["@tanstack/solid-start", "tanstack-start"],
  ["@tanstack/start", "tanstack-start"],
  // Qwik City renders on the server and resumes in the browser: its own boundary (before `vite`).
  ["@builder.io/qwik-city", "qwik"],
  ["@qwik.dev/router", "qwik"],
  ["@builder.io/qwik", "qwik"],
  ["@qwik.dev/core", "qwik"],
  // Vue CLI (webpack): `VUE_APP_*` inlined from process.env, src/main starts the app.
  ["@vue/cli-service", "vue-cli"],
  // Rsbuild (Rspack): a single-page app entered at src/index, `PUBLIC_*` inlined (before `vite`).
  ["@rsbuild/core", "rsbuild"],
  // Parcel: entered from its HTML; it writes every `process.env.X` the code reads into the bundle.
  ["parcel", "parcel"],
  ["parcel-bundler", "parcel"],
  ["electron-vite", "vite"],
  ["vite", "vite"],
  // Quasar's Vite build (SPA, PWA, Electron, Capacitor modes): Vite's env rules, `src/` the app.
  ["@quasar/app-vite", "vite"],
];

const byDirectory = new Map<string, Framework | null>();
/**
 * For a folder cached as "no framework" (null): the nearest folder at or above it with a
 * package.json, as far as the walk that cached it went. The root of a file there is that folder
 * (or a closer one below it). Without it, a second file of an Express or NestJS server got its
 * own folder as the project root: its tsconfig, and so `@/…` paths, were not found.
 */
const unknownRoots = new Map<string, string | undefined>();

export function clearFrameworkCache(): void {
  byDirectory.clear();
  unknownRoots.clear();
  serverProjects.clear();
}

/** The framework of `file`, walking up to the first folder whose package.json or configs name one. */
export function frameworkOf(file: string): Framework {
  let dir = path.dirname(path.resolve(file));
  const visited: string[] = [];
  const hasPackage: boolean[] = [];
  let nearestPackage: string | undefined;
  for (let depth = 0; depth < 40; depth++) {
    const cached = byDirectory.get(dir);
    if (cached !== undefined) {
      for (const seen of visited) byDirectory.set(seen, cached);
      if (cached) return cached;
      const above = unknownRoots.get(dir);
      rememberUnknownRoots(visited, hasPackage, above);
      return { name: "unknown", root: nearestPackage ?? above ?? path.dirname(file) };
    }
    visited.push(dir);
    const packageHere = fs.existsSync(path.join(dir, "package.json"));
    hasPackage.push(packageHere);
    if (!nearestPackage && packageHere) nearestPackage = dir;
    const found = detectIn(dir);
    if (found === "stop") break;
    if (found) {
      for (const seen of visited) byDirectory.set(seen, found);
      return found;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const seen of visited) byDirectory.set(seen, null);
  rememberUnknownRoots(visited, hasPackage, undefined);
  return { name: "unknown", root: nearestPackage ?? path.dirname(file) };
}

/** Each visited folder's nearest package folder at or above it (`above`: that of the folder past the last one). */
function rememberUnknownRoots(visited: readonly string[], hasPackage: readonly boolean[], above: string | undefined): void {
  let nearest = above;
  for (let i = visited.length - 1; i >= 0; i--) {
    if (hasPackage[i]) nearest = visited[i];
    unknownRoots.set(visited[i], nearest);
  }
}

/** How many folders frameworkOf has looked into (not taken from its cache): tests read it. */
export const frameworkStats = { foldersRead: 0 };

function detectIn(dir: string): Framework | "stop" | undefined {
  frameworkStats.foldersRead++;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  if (names.includes("package.json")) {
    const dependencies = readDependencies(path.join(dir, "package.json"));
    for (const [dependency, name] of DEPENDENCIES) {
      if (!dependencies.has(dependency)) continue;
      if (name === "cra" && leftCreateReactApp(dir, names)) continue;
      // `next` listed, but the app is built by Vite (teozhengyang/personal-website's frontend: `"build": "vite build"`).
      if (name === "next" && buildsWithVite(dir, names, /\bnext\b/)) continue;
      // `next` listed by a monorepo's root for its workspaces' sake (vercel/ai: its docs and
      // examples are packages of their own), with no pages of its own: no Next.js app. Taken for
      // one, its graph listed the whole monorepo and read every file's directives (6,308 files, 0.8 s).
      if (name === "next" && isWorkspaceRootWithoutPages(dir, names)) continue;
      // Vue CLI's packages left in after a move to Vite (shiqstone/chinese-add-pinyin-cursor: `"build": "vite build"`, batch 82).
      if (name === "vue-cli" && buildsWithVite(dir, names, /\bvue-cli-service\b/)) continue;
      let found = viteApp(refine(name, dir, names), dir, names, dependencies.has("electron-vite"));
      // WXT and CRXJS build with Vite and load env files as Vite does (angra8410/linkedin-ai-chrome-extension, batch 107).
      if (found !== "stop" && found.name === "extension" && (dependency === "wxt" || dependency === "@crxjs/vite-plugin")) found = { ...found, viteExtension: true };
      if (found !== "stop" && found.name === "expo" && expoServerFunctions(dir, names)) found = { ...found, serverFunctions: true };
      const desktop = desktopOf(dependencies);
      return found !== "stop" && desktop ? { ...found, desktop } : found;
    }
  }
  for (const [pattern, name] of CONFIG_FILES) {
    if (!names.some((entry) => pattern.test(entry))) continue;
    // A vite.config with no package.json beside it and no page of its own (index.html here, in
    // src/, or in the folder its `root` names) is a stray copy, not a project: skipdaily/homespec1
    // (batch 91) keeps one in client/src/lib/, and its app is the project above.
    if (name === "vite" && pattern !== ELECTRON_VITE_CONFIG && !names.includes("package.json") && !hasVitePage(dir, names)) break;
    return viteApp(refine(name, dir, names), dir, names, false);
  }
  if (hasExtensionManifest(dir, names)) return { name: "extension", root: dir };
  // A webpack build of its own (no framework above): after the extension check, which wins.
  const webpack = webpackApp(dir, names);
  if (webpack) return webpack;
  // A repository root ends the search: a framework above it is someone else's project.
  if (names.includes(".git")) return "stop";
  // So does a workspace package of its own that names no framework: `packages/openai` is a
  // library, not part of the Next.js app a monorepo's root package.json may name (the root's
  // `next` is often just for its docs or tooling). Apps that import the package still follow
  // it into their graphs (graph.ts, clientGraphsFor).
  if (names.includes("package.json") && isWorkspacePackage(dir)) return "stop";
  return undefined;
}

/** The framework found in `dir`; a Vite library is no app ("stop"), an electron-vite app says so. */
function viteApp(name: FrameworkName, dir: string, names: string[], electronViteDependency: boolean): Framework | "stop" {
  if (name === "parcel") return isParcelPage(dir, names) ? { name, root: dir } : "stop";
  if (name !== "vite") return { name, root: dir };
  if (electronViteDependency || names.some((entry) => ELECTRON_VITE_CONFIG.test(entry))) return { name, root: dir, electronVite: true };
  const viteRoot = viteRootOf(dir, names);
  if (!viteRoot && isViteLibrary(dir, names)) return "stop";
  // A Vite build whose public/ (or root, src/) holds an extension's manifest: each `vite build
  // --config …` makes one of its scripts (alaminShaheen/chrome-autocomplete-extension, batch 78).
  if (hasExtensionManifest(dir, names)) return { name: "extension", root: dir, viteExtension: true };
  const nodeEntries = forgeNodeEntries(dir, names);
  const framework: Framework = nodeEntries.length > 0 ? { name, root: dir, nodeEntries } : { name, root: dir };
  return viteRoot ? { ...framework, viteRoot } : framework;
}

/** Vite's page is here: an index.html in the folder, in its src/, or in the folder its config's `root` names. */
function hasVitePage(dir: string, names: string[]): boolean {
  return names.includes("index.html") || fs.existsSync(path.join(dir, "src", "index.html")) || viteRootOf(dir, names) !== undefined;
}

/** Where the app's own conventions (`src/`, `public/`) are read from: Vite's `root` folder, or the framework's root. */
export function appRoot(framework: Framework): string {
  return framework.viteRoot ? path.join(framework.root, framework.viteRoot) : framework.root;
}

/** `root:` in a vite.config and the rest of its line, bounded (a look-ahead: a second `root:` on the line is matched too). */
const VITE_ROOT_OPTION = /\broot\s{0,20}:\s{0,20}(?=([^\n]{1,300}))/g;
/** A config names a handful of `root:`s (vite's, vitest's, a plugin's): a file of thousands is no config to read. */
const MAX_ROOT_OPTIONS = 20;
/** A path segment written as a string literal: `"client"`, `'./client'`, `` `src/renderer` ``. */
const PATH_LITERAL = /["'`](?:\.\/)?([\w.-]{1,100}(?:\/[\w.-]{1,100}){0,10})\/?["'`]/g;

/**
 * Vite's `root` option as a folder of the project (a posix path from `dir`), read from the
 * config's text: `root: "client"`, `root: path.resolve(__dirname, "client")`,
 * `root: path.join(import.meta.dirname, "client")`, `root: fileURLToPath(new URL("./client",
 * import.meta.url))`. Replit's full-stack template writes the second (skipdaily/homespec1,
 * batch 91: its page under `client/`, an Express server in `server/`). The folder must hold an
 * index.html, Vite's page, so a `root:` of anything else (vitest's `test.root`, a variable) is
 * no root; the first one that does wins.
 */
function viteRootOf(dir: string, names: string[]): string | undefined {
  const config = names.find((entry) => /^vite\.config\.(?:js|mjs|cjs|ts|mts)$/.test(entry));
  if (!config) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, config), "utf8");
  } catch {
    return undefined;
  }
  let tries = 0;
  for (const match of text.matchAll(VITE_ROOT_OPTION)) {
    if (++tries > MAX_ROOT_OPTIONS) break;
    const value = valueExpression(match[1]);
    const parts = [...value.matchAll(PATH_LITERAL)].map((literal) => literal[1]);
    if (parts.length === 0 || value.includes("..")) continue;
    const folder = path.posix.normalize(parts.join("/"));
    if (folder === "." || folder.startsWith("..") || path.posix.isAbsolute(folder)) continue;
    if (fs.existsSync(path.join(dir, folder, "index.html"))) return folder;
  }
  return undefined;
}

/** An option's value: its text up to the first comma or closing bracket outside parentheses. */
function valueExpression(rest: string): string {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i];
    if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) return rest.slice(0, i);
      depth--;
    } else if ((char === "," || char === "}" || char === "]") && depth === 0) return rest.slice(0, i);
  }
  return rest;
}

const FORGE_CONFIG = /^forge\.config\.[cm]?[jt]s$/;
/** `entry: "src/main.ts"` in a forge.config: bounded, no look-around. */
const FORGE_ENTRY = /\bentry\s{0,20}:\s{0,20}["'`](?:\.\/)?([\w./-]{1,200})["'`]/g;

/**
 * The Node scripts Electron Forge's Vite plugin builds (MinorN/electron-ai's main process, which
 * reads the providers' keys, batch 74). Each `entry` of the plugin's config is one: its renderers
 * are named by `name` and `config`, and enter from index.html.
 */
function forgeNodeEntries(dir: string, names: string[]): string[] {
  const config = names.find((entry) => FORGE_CONFIG.test(entry));
  if (!config) return [];
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, config), "utf8");
  } catch {
    return [];
  }
  if (!text.includes("plugin-vite") && !text.includes("VitePlugin")) return [];
  return [...text.matchAll(FORGE_ENTRY)].slice(0, 20).map((match) => match[1]);
}

/**
 * Parcel builds web pages from HTML, and libraries or Node programs from a `source` script (whose
 * `process.env` it leaves alone for a Node target): only a project with an `index.html` (root or
 * src/) is a browser app to KeyFence.
 */
function isParcelPage(dir: string, names: string[]): boolean {
  return names.includes("index.html") || fs.existsSync(path.join(dir, "src", "index.html"));
}

/**
 * A project that lists react-scripts but builds with a webpack config of its own (ejected, or moved
 * to webpack to build an extension): no script runs react-scripts (or craco, react-app-rewired), so
 * Create React App's rules (REACT_APP_ only, src/index) are not the build's. Or one that moved to
 * Vite: a vite.config and a `build` script that runs vite.
 */
function leftCreateReactApp(dir: string, names: string[]): boolean {
  // Moved to Vite with react-scripts left in package.json (KIMCAT33/voice-spark-reviews).
  if (buildsWithVite(dir, names, /\breact-scripts\b/)) return true;
  if (!names.some((entry) => WEBPACK_CONFIG.test(entry))) return false;
  const scripts = Object.values(packageScripts(dir)).filter((script): script is string => typeof script === "string");
  return !scripts.some((script) => /\b(?:react-scripts|craco|react-app-rewired)\b/.test(script));
}

/**
 * A vite.config and a `build` script that runs vite, not the framework's own command (`cli`):
 * the `build` script says which bundler ships the app, whatever else package.json lists.
 */
function buildsWithVite(dir: string, names: string[], cli: RegExp): boolean {
  if (!names.some((entry) => configFramework(entry) === "vite")) return false;
  const build = packageScripts(dir).build;
  // React Router's and Remix's CLIs build with Vite (`react-router build`: ar1579/AI_Product_Content_Generator,
  // batch 160, whose package.json still lists a `next` left from a generator).
  return typeof build === "string" && /\b(?:vite|react-router|remix)\b/.test(build) && !cli.test(build);
}

/** A Node runner and a file it runs, in a package script: `tsx src/index.ts`, `tsx watch src/index.ts`, `node --watch src/main.js` (bounded pieces: linear). */
const NODE_RUN = /\b(?:node|tsx|ts-node|ts-node-dev|nodemon|bun|esno|vite-node|tsnd)\b(?:[ \t]{1,20}(?:watch|run))?(?:[ \t]{1,20}-{1,2}[\w-]{1,40}(?:=[^\s]{1,200})?){0,6}[ \t]{1,20}(?:\.\/)?([\w./-]{1,200}\.[cm]?[jt]sx?)\b/g;

/**
 * The files a package script runs with Node (`"dev:server": "tsx src/index.ts"`), relative to the
 * package: a Vite project's `src/index.ts` run so is its Express server, no page's script
 * (justinmae/ai-characters-debate, batch 110, whose index.html loads `/src/main.tsx`).
 */
export function filesRunByNode(dir: string): Set<string> {
  const files = new Set<string>();
  for (const script of Object.values(packageScripts(dir))) {
    if (typeof script !== "string" || script.length > 2000) continue;
    for (const match of script.matchAll(NODE_RUN)) files.add(path.posix.normalize(match[1]));
  }
  return files;
}

function packageScripts(dir: string): Record<string, unknown> {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return {};
  }
}

/** webpack's own config file (not `webpack.prod.js`, which a config of its own merges in). */
const WEBPACK_CONFIG = /^webpack\.config\.[cm]?[jt]s$/;
/** A target that runs in Node, not in a page: the build's modules are no browser code. */
const NODE_TARGET = /\btarget\s*:\s*\[?\s*["'`](?:node|async-node|electron-main|electron-preload)/;

/**
 * A hand-made webpack app (webpack.config.js and no framework): a browser app when the config
 * builds a page (html-webpack-plugin, or an index.html beside it) and its target is not Node.
 * Its entries come from the config's `entry` (webpackEntries); only the names its DefinePlugin,
 * EnvironmentPlugin or dotenv-webpack write in reach the bundle (public-prefixes.ts).
 */
function webpackApp(dir: string, names: string[]): Framework | "stop" | undefined {
  const config = names.find((entry) => WEBPACK_CONFIG.test(entry));
  if (!config) return undefined;
  const text = readSmallText(path.join(dir, config));
  if (text === undefined) return undefined;
  if (NODE_TARGET.test(text)) return "stop";
  const page = /html-webpack-plugin|HtmlWebpackPlugin/.test(text) || ["", "public", "src"].some((folder) => fs.existsSync(path.join(dir, folder, "index.html")));
  if (!page) return undefined;
  const desktop = names.includes("package.json") ? desktopOf(readDependencies(path.join(dir, "package.json"))) : undefined;
  return desktop ? { name: "webpack", root: dir, desktop } : { name: "webpack", root: dir };
}

/** The config files of a webpack app (`webpack.config.js` and the like) in its root. */
export function webpackConfigFiles(root: string): string[] {
  try {
    return fs.readdirSync(root).filter((entry) => WEBPACK_CONFIG.test(entry)).map((entry) => path.join(root, entry));
  } catch {
    return [];
  }
}

/**
 * The modules a webpack config's `entry` names: a path string, an array of them, or an object of
 * either (`{ main: "./src/index.js" }`, `{ app: { import: "./src/app.js" } }`), written as
 * literals or `path.resolve(__dirname, "src", "index.js")`. Paths without an extension are
 * resolved as webpack does (`.js`, `.jsx`, `.ts`, `.tsx`…, then a folder's index). webpack's
 * default entry is `./src` (src/index.js), the fallback in moduleRole.
 */
export function webpackEntries(root: string): string[] {
  const entries: string[] = [];
  for (const config of webpackConfigFiles(root)) {
    const text = readSmallText(config);
    const at = text ? /\bentry\s*:/.exec(text) : null;
    if (!text || !at) continue;
    let value = text.slice(at.index + at[0].length, at.index + at[0].length + 2_000);
    // The value ends where the config's next option begins.
    const next = /\n\s*(?:output|module|plugins|resolve|devServer|mode|devtool|optimization|target|externals|context|performance|stats|watch|experiments)\s*:/.exec(value);
    if (next) value = value.slice(0, next.index);
    const joined = value.replace(/path\.(?:resolve|join)\(\s*__dirname\s*,([^()]{0,300})\)/g, (_call, args: string) => {
      const parts = [...args.matchAll(/["'`]([^"'`\n]{1,200})["'`]/g)].map((part) => part[1]);
      return JSON.stringify(`./${parts.join("/")}`);
    });
    for (const match of joined.matchAll(/["'`]((?:\.{1,2}\/|src\/)[^"'`\n]{0,200})["'`]/g)) {
      const file = resolveModulePath(path.resolve(root, match[1]));
      if (file) entries.push(file);
    }
  }
  return entries;
}

const ENTRY_EXTENSIONS = [".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts"];

/** `file` as it is, with one of webpack's resolve extensions, or a folder's index. */
function resolveModulePath(file: string): string | undefined {
  const isFile = (candidate: string) => {
    try {
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  };
  if (isFile(file)) return file;
  for (const extension of ENTRY_EXTENSIONS) if (isFile(file + extension)) return file + extension;
  for (const extension of ENTRY_EXTENSIONS) if (isFile(path.join(file, `index${extension}`))) return path.join(file, `index${extension}`);
  return undefined;
}

/** A config's text, or undefined when unreadable or too large to be a hand-written config. */
function readSmallText(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, "utf8");
    return text.length < 1_000_000 ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The desktop app `framework` is part of. An Electron app whose renderer no bundler builds (its
 * HTML loads the scripts itself) names no framework: its package.json says it is Electron.
 */
export function desktopAppOf(framework: Framework): Framework["desktop"] {
  if (framework.desktop || framework.name !== "unknown") return framework.desktop;
  return desktopOf(readDependencies(path.join(framework.root, "package.json")));
}

/** Electron (with electron-vite or any bundler for its renderer) or Tauri, from the app's dependencies. */
function desktopOf(dependencies: Set<string>): Framework["desktop"] {
  if (dependencies.has("electron") || dependencies.has("electron-vite")) return "electron";
  if (dependencies.has("@tauri-apps/api") || dependencies.has("@tauri-apps/cli")) return "tauri";
  return undefined;
}

/** `dir` is a package the workspace above it lists (a named package.json under a workspaces glob). */
function isWorkspacePackage(dir: string): boolean {
  const workspace = workspaceOf(dir);
  if (!workspace || workspace.root === dir) return false;
  for (const pkg of workspace.packages.values()) if (pkg.dir === dir) return true;
  return false;
}

/** The folders a Next.js app's routes live in (from its root): a project without one builds no page. */
const NEXT_ROUTE_FOLDERS = ["app", "pages", "src/app", "src/pages"];

/** `dir` is the root of a workspace (npm, yarn, pnpm) and holds none of Next.js's route folders. */
function isWorkspaceRootWithoutPages(dir: string, names: string[]): boolean {
  const routes = NEXT_ROUTE_FOLDERS.some((folder) => names.includes(folder.split("/")[0]) && fs.existsSync(path.join(dir, folder)));
  return !routes && workspaceOf(dir)?.root === dir;
}

/** Where a browser extension keeps its manifest, from its root (a bundler copies it to the build). */
const MANIFEST_FOLDERS = ["", "src", "public", "static", "extension", "dist", "src/static", "src/public"];

/**
 * A WebExtension: a `manifest.json` with `"manifest_version"` in the folder or a usual subfolder
 * (a web app's `public/manifest.json` has none).
 */
function hasExtensionManifest(dir: string, names: string[]): boolean {
  for (const folder of MANIFEST_FOLDERS) {
    if (folder === "" ? !names.includes("manifest.json") : !names.includes(folder.split("/")[0])) continue;
    // A manifest one folder down is the extension of the project that builds it (its package.json
    // here); a plain folder holding an `extension/` beside other code is not that extension's root
    // (PraveenSalapu/kinetic-constellation's src/extension/manifest.json beside a Vite app's src/, batch 44).
    // A project keeping it in src/static/ (ClintasaurusRex/tldr, mateuszmigas/ai-companion) is found from its root.
    if (folder !== "" && !names.includes("package.json")) continue;
    try {
      const text = fs.readFileSync(path.join(dir, folder, "manifest.json"), "utf8");
      if (text.length < 1_000_000 && /"manifest_version"\s*:/.test(text)) return true;
    } catch {
      // no manifest there
    }
  }
  return false;
}

/**
 * A package Vite builds as a library (`build.lib` in its config) or only tests (Vitest), or one with
 * no Vite config whose scripts never run Vite's CLI (vite-node), with no index.html to serve: no app, nothing of it runs in a browser by itself (formbricks' `packages/cache`,
 * `packages/database`… list `vite` for `vite build` in library mode; read as single-page apps,
 * every module under their `src/` was browser code). Apps that import such a package still
 * follow it into their graphs. Quasar writes its index.html at build time: it stays an app.
 */
function isViteLibrary(dir: string, names: string[]): boolean {
  if (names.includes("index.html") || fs.existsSync(path.join(dir, "src", "index.html"))) return false;
  if (names.some((entry) => /^quasar\.conf(?:ig)?\.[cm]?[jt]s$/.test(entry))) return false;
  const config = names.find((entry) => CONFIG_FILES.some(([pattern, name]) => name === "vite" && pattern.test(entry)));
  // No config and no page, and the scripts run Vite only as a tool, `vite-node src/index.ts` running a Node
  // program or Vitest testing it (krunchontu/whatsapp-chatgpt, a WhatsApp bot, batch 250): no app. A script that
  // serves or builds with Vite itself (`vite client`, whose folder holds the page), or no script at all, keeps it one.
  if (!config) {
    const scripts = Object.values(packageScripts(dir)).filter((script): script is string => typeof script === "string");
    return scripts.some((script) => VITE_TOOL.test(script)) && !scripts.some((script) => RUNS_VITE.test(script));
  }
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, config), "utf8");
  } catch {
    return false;
  }
  return /\blib\s*:/.test(text) || /["']vitest\/config["']/.test(text);
}

/** A script that runs Vite's own CLI (`vite`, `vite build`, `npx vite --host`), not vite-node or Vitest. */
const RUNS_VITE = /(?:^|[\s;&|(])(?:npx[ \t]+)?vite(?![\w-])/;
/** Vite's tools for Node code: vite-node runs a program, Vitest tests one. */
const VITE_TOOL = /\bvite-node\b|\bvitest\b/;

/** Vite is also the build tool of SvelteKit, React Router, Astro…: their configs win. */
function refine(name: FrameworkName, dir: string, names: string[]): FrameworkName {
  if (name !== "vite") return name;
  for (const [pattern, configName] of CONFIG_FILES) {
    // Vite's own Svelte template writes a svelte.config.js (for its preprocessor) into a plain
    // single-page app: SvelteKit is known by its dependency, asked above (TimWijma/dalle-wrapper, batch 45).
    if (configName === "sveltekit") continue;
    // A `next.config.*` left beside a Vite build (Liergab/Portfolio, batch 52: `"build": "tsc && vite build"`).
    if (configName === "next" && buildsWithVite(dir, names, /\bnext\b/)) continue;
    if (configName !== "vite" && names.some((entry) => pattern.test(entry))) return configName;
  }
  return name;
}

/** A Node server's framework. */
/** Node server frameworks, by package: a project that depends on one, or a module that imports one, is server code. */
export const SERVER_PACKAGES: readonly string[] = ["express", "fastify", "koa", "hono", "@nestjs/core", "@hapi/hapi", "restify", "elysia"];
/** Anything that builds or renders for a browser, a phone or a desktop window. */
const CLIENT_PACKAGE = /^(?:react|react-dom|vue|svelte|@angular\/core|solid-js|preact|lit|jquery|vite|webpack|parcel|esbuild|rollup|react-scripts|next|nuxt|expo|react-native|electron|@tauri-apps\/api|@plasmohq\/.*|wxt|astro|@remix-run\/.*|gatsby)$/;
const serverProjects = new Map<string, boolean>();

/**
 * Whether `file`'s project (its framework's root, the nearest package.json where no framework is
 * known) is a Node server and nothing else: it depends on a server framework (Express, Fastify,
 * Koa, Hono, NestJS…) and on nothing that builds for a browser (iamCelott/AskWai's `server/`, its
 * own package.json of express and groq-sdk, batch 64).
 */
export function isNodeServerProject(file: string): boolean {
  return isNodeServerPackage(frameworkOf(file).root);
}

/**
 * A Node server with a package.json of its own inside another app's folder (a Vite app's
 * `server/`: duinness/hack2025-GA, batch 60; JoshuaWidastra/JW-IP-RMT52's `client/server/`,
 * batch 65): a project apart from the app around it, which never bundles it.
 */
export function isNestedNodeServer(file: string): boolean {
  const root = frameworkOf(file).root;
  for (let dir = path.dirname(path.resolve(file)); dir.length > root.length && dir.startsWith(root); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return isNodeServerPackage(dir);
  }
  return false;
}

function isNodeServerPackage(root: string): boolean {
  let server = serverProjects.get(root);
  if (server === undefined) {
    const dependencies = readDependencies(path.join(root, "package.json"));
    server = SERVER_PACKAGES.some((name) => dependencies.has(name)) && ![...dependencies].some((name) => CLIENT_PACKAGE.test(name));
    if (serverProjects.size > 200) serverProjects.clear();
    serverProjects.set(root, server);
  }
  return server;
}

/** The app config's `reactServerFunctions: true` (app.json, or app.config's code), `"quoted"` or not. */
const SERVER_FUNCTIONS_FLAG = /["']?reactServerFunctions["']?\s*:\s*true\b/;
const EXPO_APP_CONFIG = /^app\.(?:json|config\.[cm]?[jt]s)$/;

function expoServerFunctions(dir: string, names: string[]): boolean {
  for (const name of names) {
    if (!EXPO_APP_CONFIG.test(name)) continue;
    try {
      // An app config is a few KB; a huge one is read only as far as 100 KB.
      if (SERVER_FUNCTIONS_FLAG.test(fs.readFileSync(path.join(dir, name), "utf8").slice(0, 100_000))) return true;
    } catch {
      // Unreadable: no flag.
    }
  }
  return false;
}

function readDependencies(packageJson: string): Set<string> {
  try {
    const json = JSON.parse(fs.readFileSync(packageJson, "utf8")) as Record<string, Record<string, string> | undefined>;
    return new Set([
      ...Object.keys(json.dependencies ?? {}),
      ...Object.keys(json.devDependencies ?? {}),
      ...Object.keys(json.peerDependencies ?? {}),
    ]);
  } catch {
    return new Set();
  }
}

/** How one module behaves in the browser build, decided by the framework's conventions. */
export interface ModuleRole {
  /** The module runs in the browser by itself (a client component, a page, an island host). */
  entry: boolean;
  /** Exports the framework strips from the browser build, with everything only they use. */
  serverExports?: ReadonlySet<string>;
  /** The build fails when browser code imports this module (SvelteKit/Remix `.server`). */
  serverOnly: boolean;
  /** `"use server"`: the browser gets references only; its code stays on the server. */
  serverReference: boolean;
  /**
   * TanStack Start: the compiler strips server code found inside calls from the browser build
   * (a route's `server` handlers, `createServerFn().handler(…)`, `createServerOnlyFn(…)`), in
   * any module; server-code.ts finds those calls. Qwik City's routeLoader$, routeAction$,
   * globalAction$ and server$ likewise.
   */
  serverCalls?: boolean;
  /**
   * An entry only when the module exports one of these names (or re-exports from another module):
   * Qwik City's route module ships only with a page (a default export), else it is an endpoint; a
   * Remix / React Router route module only with something the browser runs (a component,
   * `clientLoader`, `meta`…): a resource route (`loader`/`action` alone) is never in the bundle.
   */
  entryIfExports?: ReadonlySet<string>;
}

const SCRIPT = String.raw`\.(?:[cm]?[jt]sx?)$`;
/** Compiled once: the graph asks for every file of the project. */
const SCRIPT_FILE = new RegExp(SCRIPT, "i");
const NEXT_PAGE_SERVER = new Set(["getServerSideProps", "getStaticProps", "getStaticPaths"]);
export const REMIX_SERVER = new Set(["loader", "action", "headers", "middleware"]);
/** What of a Remix / React Router route module runs in the browser (the rest is server code or types). */
export const REMIX_BROWSER: ReadonlySet<string> = new Set(["default", "clientLoader", "clientAction", "clientMiddleware", "ErrorBoundary", "HydrateFallback", "Layout", "links", "meta", "handle", "shouldRevalidate"]);
const PAGE_EXPORT: ReadonlySet<string> = new Set(["default"]);
const GATSBY_SERVER = new Set(["getServerData", "config"]);
/** Qwik City's request handlers: a route module's endpoint, run on the server only. */
const QWIK_SERVER = new Set(["onGet", "onPost", "onPut", "onPatch", "onDelete", "onRequest", "onHead", "onOptions", "onStaticGenerate"]);
/** Every export some framework keeps out of the browser build (the graph splits them off with an AST). */
export const SERVER_EXPORT_NAMES: ReadonlySet<string> = new Set([...NEXT_PAGE_SERVER, ...REMIX_SERVER, ...GATSBY_SERVER, ...QWIK_SERVER]);

/**
 * What of a browser extension's folder does not ship: build scripts, configs, tests, and a
 * backend kept beside it (`server/`, `api/`, serverless functions, a `server.js`: no extension
 * script is one, chrisvnicholson/Reading-Copilot's Express server beside its manifest, batch 51),
 * also deeper in (`proxy/vercel/api/`: faz-99/summarizer-chrome-extension, batch 132). A module of
 * such a folder that an extension script imports is still browser code, by the import.
 */
const BUILD_TOOLING = /(?:^|\/)(?:server|backend|api|functions|netlify|supabase)\/|(?:^|\/)server\.[cm]?[jt]s$|(?:^|\/)(?:[\w-]+\.config(?:\.[\w-]+)?\.[cm]?[jt]s|webpack\.[\w.-]+\.[cm]?js|gulpfile\.[cm]?[jt]s|Gruntfile\.[cm]?js)$|^(?:scripts|build|tools)\/(?:build|release|pack|zip)|(?:^|\/)(?:__tests__|__mocks__|tests?)\/|\.(?:test|spec)\.[^/]*$/;

/**
 * A Next.js Pages Router API route (`rel` from the app's root, forward slashes): never bundled for the
 * browser, so a stray `"use client"` there changes nothing (AmritpalChera/mindplug_api's
 * pages/api/stripe/checkoutSession, batch 187).
 */
export function isPagesApiRoute(rel: string): boolean {
  return /^(?:src\/)?pages\/api\//.test(rel);
}

/** `rel` is the module's path from the framework root, with forward slashes. */
export function moduleRole(framework: Pick<Framework, "name" | "serverFunctions">, rel: string, directives: () => string[]): ModuleRole {
  const role: ModuleRole = { entry: false, serverOnly: false, serverReference: false };
  const script = SCRIPT_FILE.test(rel);
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  switch (framework.name) {
    case "next": {
      if (script && !isPagesApiRoute(rel)) {
        const found = directives();
        if (found.includes("use server")) role.serverReference = true;
        else if (found.includes("use client")) role.entry = true;
      }
      const page = /^(?:src\/)?pages\/(.*)$/.exec(rel);
      if (page && script && !/^api\//.test(page[1]) && !/^_document\./.test(page[1]) && !/\.d\.[cm]?ts$/.test(rel)) {
        role.entry = true;
        role.serverExports = NEXT_PAGE_SERVER;
      }
      if (/^(?:src\/)?instrumentation-client\./.test(rel)) role.entry = true;
      break;
    }
    case "remix": {
      role.serverOnly = /\.server\.[^/]*$/.test(rel) || /(?:^|\/)\.server\//.test(rel);
      if (!role.serverOnly && script && (/^app\/root\./.test(rel) || /^app\/routes\//.test(rel) || /^app\/entry\.client\./.test(rel))) {
        role.entry = true;
        role.serverExports = REMIX_SERVER;
        if (/^app\/routes\//.test(rel)) role.entryIfExports = REMIX_BROWSER;
      }
      break;
    }
    case "sveltekit": {
      role.serverOnly = /\.server\.[^/]*$/.test(rel) || /^src\/lib\/server\//.test(rel);
      if (!role.serverOnly && /^src\/routes\/(?:.*\/)?\+(?:page|layout|error)(?:@[^.]*)?\.(?:svelte|[jt]s)$/.test(rel)) role.entry = true;
      if (/^src\/hooks\.client\.[jt]s$/.test(rel)) role.entry = true;
      break;
    }
    case "nuxt": {
      // The source folder: the root (Nuxt 3), `app/` (Nuxt 4), or `src/` by the config's `srcDir`
      // (kendrickkilat/jira-ai's composables, batch 76; Nuxt 3 keeps `server/` inside it too).
      const inServer = /^(?:app\/|src\/)?server\//.test(rel) || /\.server\.[^/]*$/.test(rel);
      const browserDir = /^(?:app\/|src\/)?(?:components|pages|layouts|plugins|middleware|composables|utils)\//.test(rel);
      const appFile = /^(?:app\/|src\/)?(?:app|error)\.vue$/.test(rel) || /^(?:app\/|src\/)?app\.config\.[jt]s$/.test(rel);
      if (!inServer && (browserDir || appFile)) role.entry = true;
      break;
    }
    case "astro":
      if (rel.endsWith(".astro")) role.entry = true;
      break;
    case "gatsby":
      if (script && (/^src\/(?:pages|templates)\//.test(rel) || /^gatsby-browser\./.test(rel))) {
        role.entry = true;
        role.serverExports = GATSBY_SERVER;
      }
      break;
    case "expo": {
      if (script && framework.serverFunctions && directives().includes("use server")) role.serverReference = true;
      const apiRoute = /\+(?:api|html|middleware)\.[jt]sx?$/.test(base);
      if (script && !apiRoute && (/^(?:src\/)?app\//.test(rel) || /^(?:App|index)\.[jt]sx?$/.test(rel))) role.entry = true;
      break;
    }
    case "angular":
      // `src/main.ts` bootstraps the app (angular.json may name others: angularEntries). The
      // environment files are browser code even unimported: `fileReplacements` swaps
      // environment.prod.ts in for environment.ts in the production bundle.
      if (/^src\/main\.ts$/.test(rel) || /^src\/environments\/environment[^/]*\.ts$/.test(rel)) role.entry = true;
      break;
    case "react-native":
      // Metro bundles what `index.js` (and the App it registers) reaches; `src/` is a
      // single-page app's (graph.ts, isUnreachedSpaModule). Node scripts beside it do not ship.
      if (script && /^(?:index|(?:src\/)?App)\.[jt]sx?$/.test(rel)) role.entry = true;
      break;
    case "extension":
      // Popup, options page, content scripts, service worker: all of an extension's code runs on
      // its users' machines. Only its build tooling (and a backend kept beside it) does not ship.
      if (script && !BUILD_TOOLING.test(rel)) role.entry = true;
      break;
    case "cra":
      if (/^src\/index\.[jt]sx?$/.test(rel)) role.entry = true;
      break;
    case "tanstack-start":
      // Every route module is in the browser's route tree (routeTree.gen.ts imports them all);
      // the router and client entries start the app.
      if (script && (/^(?:src\/|app\/)?routes\//.test(rel) || /^(?:src\/|app\/)?(?:router|client)\.[jt]sx?$/.test(rel))) role.entry = true;
      if (script) role.serverCalls = true;
      break;
    case "qwik":
      // Route modules (index, layout) and the root component render pages; their request
      // handlers (onGet, onPost…), routeLoader$, routeAction$ and server$ stay on the server. A
      // route module without a page is an endpoint. src/entry.* (SSR, adapters) and plugin@*
      // middleware run on the server.
      if (script && (/^src\/routes\/(?:.*\/)?(?:index|layout(?:-[\w-]+)?)(?:@[\w-]+)?\.[jt]sx?$/.test(rel) || /^src\/root\.[jt]sx?$/.test(rel))) {
        role.entry = true;
        role.serverExports = QWIK_SERVER;
        if (/^src\/routes\//.test(rel)) role.entryIfExports = PAGE_EXPORT;
      }
      if (/^src\/routes\/service-worker\.[jt]s$/.test(rel)) role.entry = true;
      if (script) role.serverCalls = true;
      break;
    case "vue-cli":
      // vue.config.js `pages` may name other entries; src/main is the default one.
      if (/^src\/main\.[jt]sx?$/.test(rel)) role.entry = true;
      break;
    case "rsbuild":
      // rsbuild.config's `source.entry` may name others; src/index is the default one.
      if (/^src\/index\.[cm]?[jt]sx?$/.test(rel)) role.entry = true;
      break;
    case "webpack":
      // Entries come from the config's `entry` (graph.ts, webpackEntries); webpack's default is ./src.
      if (/^src\/index\.[cm]?[jt]sx?$/.test(rel)) role.entry = true;
      break;
    case "parcel":
      // Entries come from the HTML Parcel builds (graph.ts, viteHtmlEntries); this is the fallback.
      if (/^src\/(?:index|main)\.[cm]?[jt]sx?$/.test(rel)) role.entry = true;
      break;
    case "vite":
      // Entries come from index.html (see viteEntries); this is the fallback. Quasar writes its
      // entry at build time (index.html holds a `<!-- quasar:entry-point -->` comment): the app
      // starts at src/App.vue, the router's routes and the boot files.
      if (/^src\/(?:main|index)\.[jt]sx?$/.test(rel)) role.entry = true;
      if (/^src\/(?:App\.vue|router\/(?:index|routes)\.[jt]s|boot\/[^/]+\.[jt]s)$/.test(rel)) role.entry = true;
      break;
    default:
      break;
  }
  return role;
}

/** An HTML file named in a Vite config (`resolve(__dirname, "contact/contact.html")`): bounded, no look-around. */
const CONFIG_PAGE = /["'`](?:\.\/)?([\w./-]{1,200}\.html)["'`]/g;
const MAX_CONFIG_PAGES = 20;

/**
 * A multi-page app's other pages, as its vite.config names them in `build.rollupOptions.input`
 * (dylnbk/portfolio_site's `contact/contact.html`, batch 36): pages inside the project only.
 */
function vitePagesInConfig(root: string): string[] {
  const pages = new Set<string>();
  for (const ext of ["ts", "js", "mts", "mjs", "cts", "cjs"]) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, `vite.config.${ext}`), "utf8");
    } catch {
      continue;
    }
    for (const match of text.matchAll(CONFIG_PAGE)) {
      const page = path.normalize(match[1]);
      if (!page.startsWith("..") && !path.isAbsolute(page) && pages.size < MAX_CONFIG_PAGES) pages.add(page);
    }
    break;
  }
  return [...pages];
}

/** Vite: the scripts that index.html files (and the pages its config names) load are the browser entries. */
export function viteHtmlEntries(root: string, viteRoot?: string): string[] {
  const entries: string[] = [];
  const pages = new Set(["index.html", "src/index.html", "src/renderer/index.html", ...(viteRoot ? [`${viteRoot}/index.html`] : []), ...vitePagesInConfig(root)]);
  // electron-vite's renderer is a Vite app rooted at src/renderer: its index.html's `/src/main.tsx` is src/renderer/src/main.tsx.
  for (const html of pages) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, html), "utf8");
    } catch {
      continue;
    }
    // A linear tag walk: `/<script\b[^>]*…/g` was quadratic on unclosed `<script ` tags.
    for (const tag of openingTags(text)) {
      if (tag.name.toLowerCase() !== "script") continue;
      const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag.attributes)?.[1];
      if (src === undefined) continue;
      if (/^(?:[a-z]+:)?\/\//i.test(src)) continue;
      // A `/` path is from Vite's root: the `root` option's folder, or the project's.
      const from = html === "src/renderer/index.html" ? path.join(root, "src/renderer") : path.join(root, viteRoot ?? "");
      entries.push(src.startsWith("/") ? path.join(from, src) : path.join(root, path.dirname(html), src));
    }
  }
  return entries;
}

/**
 * Angular: each project's browser entry in angular.json (`build.options.browser`, or `main`
 * before Angular 17), and the files its `fileReplacements` swap in. Paths are the workspace's.
 */
export function angularEntries(root: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(path.join(root, "angular.json"), "utf8"));
  } catch {
    return [];
  }
  // Any shape may be there (`null`, a project that is no object): read only what is as documented.
  const entries: string[] = [];
  for (const project of Object.values(objectAt(json, "projects") ?? {})) {
    const build = objectAt(objectAt(project, "architect") ?? objectAt(project, "targets"), "build");
    for (const options of [objectAt(build, "options"), ...Object.values(objectAt(build, "configurations") ?? {})]) {
      for (const key of ["browser", "main"]) if (typeof objectAt(options)?.[key] === "string") entries.push(path.join(root, objectAt(options)![key] as string));
      const replacements = objectAt(options)?.fileReplacements;
      for (const replacement of Array.isArray(replacements) ? replacements : []) {
        const target = objectAt(replacement)?.with;
        if (typeof target === "string") entries.push(path.join(root, target));
      }
    }
  }
  return entries;
}

/** `value[key]` (or `value` itself) when it is a plain object, else undefined. */
function objectAt(value: unknown, key?: string): Record<string, unknown> | undefined {
  const found = key === undefined ? value : typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === "object" && found !== null && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

/** React Router v7: route modules named in app/routes.ts can live anywhere under app/. */
export function routeConfigEntries(root: string): string[] {
  for (const name of ["app/routes.ts", "app/routes.js"]) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, name), "utf8");
    } catch {
      continue;
    }
    const files: string[] = [];
    for (const match of text.matchAll(/["'`]([^"'`\n]{1,200}\.[jt]sx?)["'`]/g)) files.push(path.join(root, "app", match[1]));
    return files;
  }
  return [];
}

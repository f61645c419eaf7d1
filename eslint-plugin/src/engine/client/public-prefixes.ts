/**
 * A public prefix belongs to a framework: `NEXT_PUBLIC_` is inlined by Next.js, `VITE_` (or the
 * project's `envPrefix`) by Vite, `REACT_APP_` by Create React App, and so on. The same prefix
 * read through another framework's build is not exposed at all: `import.meta.env.REACT_APP_KEY`
 * in a Vite app is `undefined` in the browser. This module says, for one env read, which prefix
 * makes it public and whether the file's framework really exposes it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { publicPrefixOf } from "./env-names";
import type { EnvSource } from "./env-reads";
import { frameworkOf, isNestedNodeServer, webpackConfigFiles, type Framework, type FrameworkName } from "./framework";

export interface PrefixVerdict {
  /** The public-looking prefix of the name ("VITE_", or a custom envPrefix such as "APP_"). */
  prefix: string;
  /** False when the framework is known and does not expose this prefix through this read. */
  exposed: boolean;
  /** "Vite", "Next.js"…, when known. */
  framework?: string;
  /** What the framework does expose, for the message: "import.meta.env.VITE_*". */
  exposes?: string;
  /** The build's config writes this name in one by one (webpack's DefinePlugin), not its prefix. */
  definedByConfig?: boolean;
  /**
   * Not exposed through this read, but the framework does expose the prefix another way
   * (`process.env.VITE_KEY` in a Vite project: `import.meta.env.VITE_KEY` ships it).
   */
  exposedElsewhere?: boolean;
}

interface Exposure {
  display: string;
  /** Prefixes exposed, per way of reading the env. */
  prefixes: Partial<Record<EnvSource, string[]>>;
  /** The build copies the whole of process.env in (Vite `define: { "process.env": … }`): can't tell. */
  processEnvDefined?: boolean;
  /** Reads the config's `define` replaces with a value: "process.env.API_KEY", "import.meta.env.KEY". */
  defined?: ReadonlySet<string>;
  /** What the message says the framework exposes, where its prefixes alone would mislead (Nuxt). */
  exposes?: string;
}

const DISPLAY: Partial<Record<FrameworkName, string>> = {
  next: "Next.js",
  cra: "Create React App",
  "vue-cli": "Vue CLI",
  rsbuild: "Rsbuild",
  parcel: "Parcel",
  webpack: "webpack",
  expo: "Expo",
  gatsby: "Gatsby",
  vite: "Vite",
  remix: "React Router (Vite)",
  astro: "Astro",
  sveltekit: "SvelteKit",
  nuxt: "Nuxt",
  angular: "Angular",
};

const VITE_CONFIG = ["vite.config.ts", "vite.config.js", "vite.config.mts", "vite.config.mjs", "vite.config.cts", "vite.config.cjs"];
const ASTRO_CONFIG = ["astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts"];
const SVELTE_CONFIG = ["svelte.config.js", "svelte.config.mjs", "svelte.config.ts"];
const NUXT_CONFIG = ["nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs", "nuxt.config.mts"];
/** Angular's workspace config names its builder; package.json its dependencies (either says @ngx-env/builder); Analog's Vite config. */
const ANGULAR_CONFIG = ["angular.json", "package.json", ...VITE_CONFIG];
const ELECTRON_VITE_CONFIG = ["electron.vite.config.ts", "electron.vite.config.js", "electron.vite.config.mts", "electron.vite.config.mjs", "electron.vite.config.cts", "electron.vite.config.cjs"];

const cache = new Map<string, { stamp: string; exposure: Exposure | undefined }>();

/** The public prefix of an env read in `file`, judged by the framework that builds it. */
export function publicPrefixVerdict(name: string, source: EnvSource, file: string): PrefixVerdict | undefined {
  const framework = frameworkOf(file);
  const exposure = exposureOf(framework);
  const known = publicPrefixOf(name);
  // Vite writes VITE_ names into import.meta.env only: a `process.env.VITE_X` read where no
  // framework is found (a Node server beside a Vite app, sharing its env file) ships nothing.
  if (!exposure && framework.name === "unknown" && source === "process.env" && known?.endsWith("VITE_")) return undefined;
  // So does one in a Node server with its own package.json inside the Vite app's folder (`client/server/`).
  if (framework.name === "vite" && source === "process.env" && known?.endsWith("VITE_") && isNestedNodeServer(file)) return undefined;
  if (!exposure) return known ? { prefix: known, exposed: true } : undefined;
  // webpack's config is Node code that hands the value to the build: the reads it ships are in the app.
  if (framework.name === "webpack" && webpackConfigFiles(framework.root).includes(path.resolve(file))) return undefined;
  if (source === "process.env" && exposure.processEnvDefined) return known ? { prefix: known, exposed: true } : undefined;
  const ownPrefixes = exposure.prefixes[source] ?? [];
  const own = ownPrefixes.filter((prefix) => name.startsWith(prefix) && name.length > prefix.length).sort((a, b) => b.length - a.length)[0];
  if (own) return { prefix: own, exposed: true, framework: exposure.display };
  if (!known) return undefined;
  // Not the framework's prefix, but the build writes it in by itself (DefinePlugin, or the whole
  // environment): asked only here, so a framework's own public reads never stat its configs.
  if (source === "process.env") {
    const bundler = bundlerDefines(framework.name, framework.root);
    if (bundler.processEnvDefined || bundler.defined.has(name)) return { prefix: known, exposed: true, framework: exposure.display, definedByConfig: true };
  }
  const [way, prefixes] = Object.entries(exposure.prefixes).find(([, list]) => list && list.length > 0) ?? [];
  const exposes = exposure.exposes ?? (way && prefixes ? prefixes.map((prefix) => `${way.startsWith("$env") ? `${way} ` : `${way}.`}${prefix}*`).join(", ") : "no prefix");
  const exposedElsewhere = Object.values(exposure.prefixes).some((list) => list?.some((prefix) => name.startsWith(prefix) && name.length > prefix.length));
  return { prefix: known, exposed: false, framework: exposure.display, exposes, exposedElsewhere };
}

function exposureOf(framework: Framework): Exposure | undefined {
  const { name, root } = framework;
  const display = framework.electronVite ? "electron-vite" : DISPLAY[name];
  if (!display) return undefined; // unknown: every public prefix counts as public
  const configs = framework.electronVite ? ELECTRON_VITE_CONFIG.map((base) => path.join(root, base)).filter((file) => fs.existsSync(file)) : configFiles(name, root);
  const stamp = configs.map((file) => `${file}:${mtimeOf(file)}`).join("|");
  const key = `${display}\0${root}`;
  const cached = cache.get(key);
  if (cached && cached.stamp === stamp) return cached.exposure;
  const text = configs.map((file) => readText(file)).join("\n");
  const exposure = framework.electronVite ? electronViteExposure(display, text) : buildExposure(name, display, text);
  if (cache.size > 100) cache.clear();
  cache.set(key, { stamp, exposure });
  return exposure;
}

/**
 * Whether the build writes a value in place of this read: Vite's `define` of
 * `"process.env.API_KEY"` (or of the whole process.env). Such a read is no undefined server
 * secret in the browser: its value ships.
 */
export function definedByBuild(name: string, source: EnvSource, file: string): boolean {
  const framework = frameworkOf(file);
  if (source === "process.env") {
    const bundler = bundlerDefines(framework.name, framework.root);
    if (bundler.processEnvDefined || bundler.defined.has(name)) return true;
  }
  // A browser extension built with Vite (CRXJS: salarkhannn/clippy) writes its vite.config's
  // `define` in as any Vite app does; its prefixes stay an extension's (every one counts as public).
  const exposure = exposureOf(framework) ?? (framework.name === "extension" ? exposureOf({ ...framework, name: "vite" }) : undefined);
  if (!exposure) return false;
  if (source === "process.env" && exposure.processEnvDefined) return true;
  return exposure.defined?.has(`${source}.${name}`) === true;
}

const WEBPACK_CONFIG = ["webpack.config.js", "webpack.config.cjs", "webpack.config.mjs", "webpack.config.ts"];
const GATSBY_CONFIG = ["gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"];
/** WXT's config, whose `vite: () => ({ define })` hook writes values into every script of the extension. */
const WXT_CONFIG = ["wxt.config.ts", "wxt.config.js", "wxt.config.mts", "wxt.config.mjs"];
const bundlerCache = new Map<string, { stamp: string; defines: BundlerDefines }>();

interface BundlerDefines {
  /** dotenv-webpack or webpack's EnvironmentPlugin: the names of `.env` / the environment are written into the bundle. */
  processEnvDefined: boolean;
  /** `process.env` names written in one by one: DefinePlugin keys, gatsby-plugin-env-variables' `allowList`. */
  defined: ReadonlySet<string>;
}

/**
 * What a webpack build (a browser extension, a hand-made SPA), WXT's Vite hook or Gatsby's env
 * plugin writes in place of `process.env` reads: `new Dotenv()` (dotenv-webpack) and
 * `EnvironmentPlugin` copy the environment's names in, `DefinePlugin({ "process.env.KEY": … })` one name, and
 * `gatsby-plugin-env-variables` the names of its `allowList` (two real apps, bench/real-apps).
 */
function bundlerDefines(name: FrameworkName, root: string): BundlerDefines {
  const extra = name === "gatsby" ? GATSBY_CONFIG : name === "extension" ? WXT_CONFIG : [];
  const files = configDirs(root).flatMap((dir) => [...WEBPACK_CONFIG, ...extra].map((base) => path.join(dir, base))).filter((file) => fs.existsSync(file));
  const stamp = files.map((file) => `${file}:${mtimeOf(file)}`).join("|");
  const cached = bundlerCache.get(root);
  if (cached && cached.stamp === stamp) return cached.defines;
  const text = files.map((file) => readText(file)).join("\n");
  const defined = new Set<string>();
  for (const match of text.matchAll(DEFINED_READ)) if (match[1] === "process.env") defined.add(match[2]);
  const allowList = /gatsby-plugin-env-variables[\s\S]{0,400}?allowList\s*:\s*\[([^\]]{0,2000})\]/.exec(text)?.[1];
  for (const found of allowList?.matchAll(/["'`]([A-Za-z_][A-Za-z0-9_]{0,100})["'`]/g) ?? []) defined.add(found[1]);
  let processEnvDefined = /dotenv-webpack|\bEnvironmentPlugin\b/.test(text);
  // DefinePlugin's nested form: `"process.env": { OPENAI_API_KEY: … }` defines those names; any
  // other value (`JSON.stringify(process.env)`, a dotenv result) writes the whole environment in.
  // A real config has one DefinePlugin or two: a text with thousands of these is not read further.
  let seen = 0;
  for (const match of text.matchAll(/["'`]process\.env["'`]\s*:\s*/g)) {
    if (++seen > 20) break;
    const rest = withoutComments(text.slice(match.index + match[0].length, match.index + match[0].length + 4_000));
    if (!rest.startsWith("{")) {
      processEnvDefined = true;
      continue;
    }
    for (const key of topLevelKeys(rest)) defined.add(key);
  }
  const defines = { processEnvDefined, defined };
  if (bundlerCache.size > 100) bundlerCache.clear();
  bundlerCache.set(root, { stamp, defines });
  return defines;
}

/**
 * Where a build's config may be: the framework's root, and up to the project's package.json when
 * the root is below it (an extension whose manifest is in `src/`, built by the project's webpack config).
 */
function configDirs(root: string): string[] {
  const dirs = [root];
  for (let dir = root; dirs.length < 4 && !fs.existsSync(path.join(dir, "package.json")); ) {
    const parent = path.dirname(dir);
    if (parent === dir || fs.existsSync(path.join(dir, ".git"))) break;
    dirs.push((dir = parent));
  }
  return dirs;
}

/** `text` without its comments (a URL in one would read as a key), in one pass. */
function withoutComments(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== "/") continue;
    const next = text[i + 1];
    if (next === "*") {
      const end = text.indexOf("*/", i + 2);
      out += text.slice(from, i);
      if (end < 0) return out;
      i = end + 1;
      from = end + 2;
    } else if (next === "/" && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf("\n", i);
      out += text.slice(from, i);
      if (end < 0) return out;
      i = end - 1;
      from = end;
    }
  }
  return out + text.slice(from);
}

/** The keys at the top level of the object literal `text` starts with (`{ A: 1, "B": f({ c: 2 }) }` → A, B). */
function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{" || c === "(" || c === "[") {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && c === ",") expectKey = true;
    else if (depth === 1 && expectKey && /[A-Za-z_"'`]/.test(c)) {
      const key = /^["'`]?([A-Za-z_][A-Za-z0-9_]{0,100})["'`]?\s*:/.exec(text.slice(i, i + 110));
      if (key) keys.push(key[1]);
      expectKey = false;
    }
  }
  return keys;
}

/** `"process.env.API_KEY": …` and `import.meta.env.KEY: …` keys in a config's text (a `define` object). */
const DEFINED_READ = /["'`]?\b(process\.env|import\.meta\.env)\.([A-Za-z_][A-Za-z0-9_]{0,100})["'`]?\s*:/g;

function definedReads(configText: string): Set<string> {
  const defined = new Set<string>();
  if (!configText.includes("define")) return defined;
  for (const match of configText.matchAll(DEFINED_READ)) defined.add(`${match[1]}.${match[2]}`);
  return defined;
}

function buildExposure(name: FrameworkName, display: string, configText: string): Exposure {
  switch (name) {
    case "next":
      return { display, prefixes: { "process.env": ["NEXT_PUBLIC_"] } };
    case "cra":
      return { display, prefixes: { "process.env": ["REACT_APP_"] } };
    case "vue-cli":
      return { display, prefixes: { "process.env": ["VUE_APP_"] } };
    case "webpack":
      // No prefix of its own: DefinePlugin, EnvironmentPlugin or dotenv-webpack write names in (bundlerDefines).
      return { display, prefixes: {} };
    case "parcel":
      // parceljs.org, env variables: every `process.env.X` the code reads is written in, any name.
      return { display, prefixes: {}, processEnvDefined: true };
    case "rsbuild":
      // rsbuild.dev, environment variables: `PUBLIC_*` from the env files, both ways of reading.
      return { display, prefixes: { "import.meta.env": ["PUBLIC_"], "process.env": ["PUBLIC_"] } };
    case "expo":
      return { display, prefixes: { "process.env": ["EXPO_PUBLIC_"] } };
    case "gatsby":
      return { display, prefixes: { "process.env": ["GATSBY_"] } };
    case "astro":
      return { display, prefixes: { "import.meta.env": envPrefixes(configText) ?? ["PUBLIC_"] }, processEnvDefined: definesProcessEnv(configText), defined: definedReads(configText) };
    case "sveltekit": {
      const publicPrefix = /publicPrefix\s*:\s*["'`]([A-Za-z0-9_]+)["'`]/.exec(configText)?.[1] ?? "PUBLIC_";
      return {
        display,
        prefixes: { "$env/static/public": [publicPrefix], "$env/dynamic/public": [publicPrefix], "import.meta.env": envPrefixes(configText) ?? ["VITE_"] },
        processEnvDefined: definesProcessEnv(configText),
        defined: definedReads(configText),
      };
    }
    case "nuxt":
      // NUXT_PUBLIC_ names fill `runtimeConfig.public`, which every page gets (./config-secrets reports
      // that by key); Nuxt builds with Vite, whose `VITE_` (or `vite.envPrefix`) `import.meta.env` reads
      // and `vite.define` ship too. Another framework's prefix ships nothing: `NEXT_PUBLIC_GEMINI_API_KEY`
      // read in `server/` or `nuxt.config` (flexxxikqwe/AI-Brief-Builder-Gemini, batch 146) is server code's.
      return {
        display,
        prefixes: { "process.env": ["NUXT_PUBLIC_"], "import.meta.env": ["NUXT_PUBLIC_", ...(envPrefixes(configText) ?? ["VITE_"])] },
        processEnvDefined: definesProcessEnv(configText),
        defined: definedReads(configText),
        exposes: "useRuntimeConfig().public, filled from NUXT_PUBLIC_*",
      };
    case "angular":
      return angularExposure(display, configText);
    default:
      return viteExposure(display, configText);
  }
}

function viteExposure(display: string, configText: string): Exposure {
  return { display, prefixes: { "import.meta.env": envPrefixes(configText) ?? ["VITE_"] }, processEnvDefined: definesProcessEnv(configText), defined: definedReads(configText) };
}

/**
 * Angular's CLI writes no environment variable into the bundle: `import.meta.env` and `process.env`
 * are undefined in the browser, and angular.json's `define` takes fixed values (angular/angular-cli
 * #4318, #27047). @ngx-env/builder (angular.json's builder, or a dependency) writes `NG_APP_*` (or its
 * `ngxEnv.prefix`) in for both reads; AnalogJS (`@analogjs/platform`) builds Angular with Vite, whose rules
 * then hold (not its Vitest plugin alone, `@analogjs/vite-plugin-angular`, beside an `ng` build).
 * A `vite.config.ts` with `vite` among the dev dependencies is no Vite build while `ng` builds the
 * app (MrJash/smart-fridge-and-culinary-assistant, batch 232: `VITE_GEMINI_API_KEY` in its Vercel
 * functions, undefined in the browser).
 */
function angularExposure(display: string, configText: string): Exposure {
  if (configText.includes("@analogjs/platform")) return viteExposure(display, configText);
  if (!configText.includes("@ngx-env/builder")) return { display, prefixes: {} };
  const custom = /"ngxEnv"\s*:\s*\{[^}]{0,500}?"prefix"\s*:\s*"\^?([A-Za-z][A-Za-z0-9_]{0,40})"/.exec(configText)?.[1];
  const prefixes = [...new Set(["NG_APP_", ...(custom ? [custom] : [])])];
  return { display, prefixes: { "process.env": prefixes, "import.meta.env": prefixes } };
}

/**
 * electron-vite exposes MAIN_VITE_ to the main process, PRELOAD_VITE_ to preload scripts,
 * RENDERER_VITE_ to renderers and VITE_ to all (electron-vite.org, env variables), each inlined
 * into a bundle the packaged app ships. A section's own `envPrefix` adds to these (it replaces
 * the default of that one process only).
 */
function electronViteExposure(display: string, configText: string): Exposure {
  const prefixes = [...new Set([...(envPrefixes(configText) ?? []), "VITE_", "MAIN_VITE_", "PRELOAD_VITE_", "RENDERER_VITE_"])];
  return { display, prefixes: { "import.meta.env": prefixes }, processEnvDefined: definesProcessEnv(configText), defined: definedReads(configText) };
}

/** Vite's `envPrefix: "APP_"` or `envPrefix: ["VITE_", "APP_"]`; undefined when not set (or not a literal). */
export function envPrefixes(configText: string): string[] | undefined {
  const match = /\benvPrefix\s*:\s*(\[[^\]]{0,500}\]|["'`][^"'`\n]{0,100}["'`])/.exec(configText);
  if (!match) return undefined;
  const prefixes = [...match[1].matchAll(/["'`]([^"'`\n]{1,100})["'`]/g)].map((found) => found[1]);
  return prefixes.length > 0 ? prefixes : undefined;
}

/** `define: { "process.env": … }` or an env plugin copies process.env into the bundle: any name may be there. */
function definesProcessEnv(configText: string): boolean {
  return /["'`]process\.env["'`]\s*:|\bprocess\.env\s*:|vite-plugin-environment|EnvironmentPlugin/.test(configText);
}

function configFiles(name: FrameworkName, root: string): string[] {
  const names = name === "astro" ? ASTRO_CONFIG : name === "sveltekit" ? [...SVELTE_CONFIG, ...VITE_CONFIG] : name === "nuxt" ? NUXT_CONFIG : name === "angular" ? ANGULAR_CONFIG : VITE_CONFIG;
  return ["next", "cra", "vue-cli", "rsbuild", "parcel", "webpack", "expo", "gatsby"].includes(name) ? [] : names.map((base) => path.join(root, base)).filter((file) => fs.existsSync(file));
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function readText(file: string): string {
  try {
    const stat = fs.statSync(file);
    return stat.size < 1_000_000 ? fs.readFileSync(file, "utf8") : "";
  } catch {
    return "";
  }
}

/**
 * Import specifiers → files, by oxc-resolver: tsconfig/jsconfig `paths` and `baseUrl`, index
 * files, extensions, `.js` written for `.ts`, and the framework's own aliases ($lib, ~).
 * Anything that lands in node_modules is a package, not app code: not followed, except the
 * monorepo's own workspace packages (./workspaces), whose source is followed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as Jsonc from "jsonc-parser";
import type { FrameworkName } from "./framework";
import { resolverFactory } from "./native";
import { fileStats } from "./stats";
import { forgetWorkspaceImports, resolveWorkspaceImport, type Workspace } from "./workspaces";
import { detached } from "../detached-string";

export const SOURCE_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte", ".astro"];

export interface ProjectResolver {
  resolve(fromFile: string, specifier: string): string | undefined;
  clear(): void;
}

/**
 * One resolver (and one answer cache) per set of options: with `tsconfig: "auto"` oxc-resolver
 * finds each importing file's own tsconfig, so the answer for (folder, specifier) does not depend
 * on which app asks. A monorepo's ~30 example apps all follow the same workspace packages; with a
 * resolver each they resolved every import of those packages ~30 times.
 */
const shared = new Map<string, ProjectResolver>();

/** Forget every shared resolver (tests, and a changed package.json or tsconfig). */
export function clearResolvers(): void {
  for (const resolver of shared.values()) resolver.clear();
  shared.clear();
}

const QUASAR_ALIASES: Record<string, string> = {
  src: "src", app: ".", components: "src/components", layouts: "src/layouts", pages: "src/pages",
  assets: "src/assets", boot: "src/boot", stores: "src/stores",
};

function isQuasarApp(root: string): boolean {
  return ["js", "ts", "mjs", "cjs"].some((ext) => fs.existsSync(path.join(root, `quasar.config.${ext}`))) || fs.existsSync(path.join(root, "quasar.conf.js"));
}

/** The names of the folders in `dir` (none when it does not exist). */
function subfolders(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [entry.name] : []));
  } catch {
    return [];
  }
}

export function createResolver(root: string, framework: FrameworkName, workspace?: Workspace): ProjectResolver {
  const alias: Record<string, string[]> = {};
  if (framework === "sveltekit") alias.$lib = [path.join(root, "src/lib")];
  if (framework === "nuxt") {
    const srcDir = fs.existsSync(path.join(root, "app")) && !fs.existsSync(path.join(root, "app.vue")) ? path.join(root, "app") : root;
    alias["~~"] = [root];
    alias["@@"] = [root];
    alias["~"] = [srcDir];
    alias["@"] = [srcDir];
    // Nuxt registers each folder of the app's `layers/` as a layer, imported as `#layers/<name>/…`,
    // also from inside a layer, whose own root is `<app>/layers/<name>` (ahmedovv123/Nuxt-AI-Chat's
    // server routes, batch 131).
    const app = path.basename(path.dirname(root)) === "layers" ? path.dirname(path.dirname(root)) : root;
    for (const layer of subfolders(path.join(app, "layers"))) alias[`#layers/${layer}`] = [path.join(app, "layers", layer)];
  }
  // Vue CLI's webpack config aliases `@` to src/ whatever the tsconfig says (cli.vuejs.org).
  if (framework === "vue-cli") alias["@"] = [path.join(root, "src")];
  if (framework === "vite" && isQuasarApp(root)) {
    // Quasar's folder aliases, set by its own Vite config whatever the tsconfig says (its
    // tsconfig-preset repeats them, but lives in node_modules): quasar.dev, "Folder aliases".
    for (const [name, folder] of Object.entries(QUASAR_ALIASES)) alias[name] = [path.join(root, folder)];
  }
  const hasTsconfig = fs.existsSync(path.join(root, "tsconfig.json"));
  const jsconfig = path.join(root, "jsconfig.json");
  const tsconfig = hasTsconfig ? "auto" : fs.existsSync(jsconfig) ? { configFile: jsconfig, references: "auto" } : undefined;
  // Options that name no folder of this app give the same answers to every app of the workspace.
  // Vite serves the project's root at `/`: `import { process } from "/env"` is `<root>/env.js`
  // (Scrimba's course projects, frontendella/Build-AI-Apps-with-ChatGPT…, batch 43).
  const roots = framework === "vite" ? [root] : [];
  const appFree = tsconfig === "auto" && Object.keys(alias).length === 0 && roots.length === 0;
  const key = `${appFree ? "" : root}\0${workspace?.root ?? ""}\0${JSON.stringify(tsconfig)}\0${JSON.stringify(alias)}\0${roots.join("\0")}`;
  let resolver = shared.get(key);
  if (!resolver) {
    resolver = newResolver(alias, tsconfig, workspace, roots);
    shared.set(key, resolver);
  }
  if (tsconfig !== "auto" || appFree) return resolver;
  // An alias applies to `key` and `key/…` only (oxc-resolver, and the fallback alike), Vite's root
  // to `/…` (oxc-resolver only): any other specifier gets the answer of the same options without
  // aliases, which every app of the workspace shares. A SvelteKit or Nuxt app importing the workspace's packages resolved all
  // their imports again with a resolver of its own.
  const keys = Object.keys(alias);
  const aliased = (specifier: string) => keys.some((name) => specifier === name || specifier.startsWith(`${name}/`)) || (roots.length > 0 && specifier.startsWith("/"));
  const withAliases = resolver;
  const withoutAliases = createResolver(root, "unknown", workspace);
  return {
    resolve: (fromFile, specifier) => (aliased(specifier) ? withAliases : withoutAliases).resolve(fromFile, specifier),
    clear() {
      withAliases.clear();
      withoutAliases.clear();
    },
  };
}

/** How many resolvers were made (each loads oxc-resolver's options and, the first, its binary): tests read it. */
export const resolverStats = { created: 0 };

function newResolver(alias: Record<string, string[]>, tsconfig: unknown, workspace: Workspace | undefined, roots: string[] = []): ProjectResolver {
  resolverStats.created++;
  const ResolverFactory = resolverFactory();
  const options = {
    alias,
    roots,
    extensions: [...SOURCE_EXTENSIONS, ".json"],
    extensionAlias: { ".js": [".ts", ".tsx", ".js", ".jsx"], ".mjs": [".mts", ".mjs"], ".cjs": [".cts", ".cjs"], ".jsx": [".tsx", ".jsx"] },
    conditionNames: ["browser", "import", "module", "default"],
    mainFields: ["browser", "module", "main"],
    builtinModules: true,
  };
  const resolver = new ResolverFactory({ ...(tsconfig ? { tsconfig } : {}), ...options });
  // oxc-resolver fails every import under a tsconfig whose `extends` is not on disk (a shared
  // base config in node_modules before `npm install`), its own or that of a project it
  // `references` (a Next.js app referencing the monorepo's packages). Those are resolved again
  // with the importing file's own tsconfig alone (`{ configFile }` without `references`: its
  // `paths`, e.g. `@/*`, kept), then, if that one extends what is missing too, with its own
  // `paths` as aliases and no tsconfig: TypeScript still reads a config whose base is missing
  // (it reports TS6053 and keeps the file's own options), and an Expo or Astro app keeps its
  // `@/*` in its own tsconfig over a base in node_modules. Made on first need.
  let withoutTsconfig: InstanceType<typeof ResolverFactory> | undefined;
  const withOwnPaths = new Map<string, InstanceType<typeof ResolverFactory>>();
  const ownPathsOf = (fromFile: string) => {
    const config = nearestTsconfig(path.dirname(fromFile));
    if (!config) return (withoutTsconfig ??= new ResolverFactory(options));
    let own = withOwnPaths.get(config);
    if (!own) withOwnPaths.set(config, (own = new ResolverFactory({ ...options, alias: { ...pathAliases(config), ...options.alias } })));
    return own;
  };
  const withOwnTsconfig = new Map<string, InstanceType<typeof ResolverFactory>>();
  const ownTsconfigOf = (fromFile: string) => {
    const config = nearestTsconfig(path.dirname(fromFile));
    if (!config) return undefined;
    let own = withOwnTsconfig.get(config);
    if (!own) withOwnTsconfig.set(config, (own = new ResolverFactory({ ...options, tsconfig: { configFile: config } })));
    return own;
  };
  // The tsconfigs (by path) whose chain oxc-resolver could not load, with or without `references`:
  // it fails every import under them the same way, so later imports skip the attempts that fail.
  // On vercel/ai's uninstalled examples that was two native calls of three (0.08 s a run).
  const failsWithReferences = new Set<string>();
  const failsOnItsOwn = new Set<string>();
  const tsconfigFailure = (result: { path?: string; error?: string }) => !result.path && /tsconfig/i.test(result.error ?? "");
  const cache = new Map<string, string | null>();
  return {
    resolve(fromFile, specifier) {
      // Files of one folder share their tsconfig, so (folder, specifier) decides the answer.
      const key = `${path.dirname(fromFile)}\0${specifier}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached ?? undefined;
      let resolved: string | null = null;
      const importer = asTypeScriptImporter(fromFile);
      // Workspace packages first: their source, whether or not node_modules links them yet.
      const fromWorkspace = workspace && /^[@a-z0-9]/i.test(specifier) ? resolveWorkspaceImport(workspace, specifier) : undefined;
      if (fromWorkspace) {
        cache.set(detached(key), fromWorkspace);
        return fromWorkspace;
      }
      try {
        const config = tsconfig ? (nearestTsconfig(path.dirname(fromFile)) ?? "") : "";
        let result: { path?: string; error?: string } = { error: "tsconfig" };
        if (!failsWithReferences.has(config)) {
          result = ask(resolver, importer, specifier);
          if (tsconfig && tsconfigFailure(result)) failsWithReferences.add(config);
        }
        if (tsconfig && tsconfigFailure(result) && !failsOnItsOwn.has(config)) {
          try {
            const own = ownTsconfigOf(fromFile);
            if (own) result = ask(own, importer, specifier);
          } catch {
            // That tsconfig cannot be read either: without a tsconfig, below.
          }
          if (tsconfigFailure(result)) failsOnItsOwn.add(config);
        }
        if (tsconfig && tsconfigFailure(result)) {
          result = ask(ownPathsOf(fromFile), importer, specifier);
        }
        if (result.path && !result.path.includes(`${path.sep}node_modules${path.sep}`)) resolved = result.path;
      } catch {
        resolved = null;
      }
      // Kept for the run: a key of its own, not one that holds the importer's text through its
      // specifier (a slice of that text when it comes from a parsed tree; ../detached-string).
      cache.set(detached(key), resolved);
      return resolved ?? undefined;
    },
    clear() {
      cache.clear();
      failsWithReferences.clear();
      failsOnItsOwn.clear();
      resolver.clearCache();
      withoutTsconfig?.clearCache();
      for (const own of withOwnPaths.values()) own.clearCache();
      withOwnPaths.clear();
      for (const own of withOwnTsconfig.values()) own.clearCache();
      withOwnTsconfig.clear();
      nearestTsconfigs.clear();
      if (workspace) forgetWorkspaceImports(workspace);
    },
  };
}

/**
 * A tsconfig's own `paths` as oxc-resolver aliases (`"@/*": ["./src/*"]` → `@` → `<dir>/src`),
 * relative to its `baseUrl` or its folder. A pattern with a `*` anywhere but at the end of
 * both sides has no alias form and is left out; so is an unreadable file.
 */
function pathAliases(configFile: string): Record<string, string[]> {
  let compilerOptions: { baseUrl?: unknown; paths?: unknown } | undefined;
  try {
    const { parse } = require("jsonc-parser") as typeof Jsonc;
    compilerOptions = (parse(fs.readFileSync(configFile, "utf8")) as { compilerOptions?: typeof compilerOptions } | undefined)?.compilerOptions;
  } catch {
    return {};
  }
  const paths = compilerOptions?.paths;
  if (!paths || typeof paths !== "object") return {};
  const base = path.resolve(path.dirname(configFile), typeof compilerOptions?.baseUrl === "string" ? compilerOptions.baseUrl : ".");
  const aliases: Record<string, string[]> = {};
  for (const [pattern, targets] of Object.entries(paths)) {
    const wildcard = pattern.endsWith("/*");
    const key = wildcard ? pattern.slice(0, -2) : pattern;
    if (key.length === 0 || key.includes("*") || !Array.isArray(targets)) continue;
    const dirs = targets
      .filter((target): target is string => typeof target === "string" && (wildcard ? target.endsWith("/*") && !target.slice(0, -2).includes("*") : !target.includes("*")))
      .map((target) => path.resolve(base, wildcard ? target.slice(0, -2) : target));
    if (dirs.length > 0) aliases[key] = dirs;
  }
  return aliases;
}

/** One oxc-resolver attempt, counted (fileStats.resolutions). */
function ask(resolver: { resolveFileSync(file: string, specifier: string): { path?: string; error?: string } }, importer: string, specifier: string): { path?: string; error?: string } {
  fileStats.resolutions++;
  return resolver.resolveFileSync(importer, specifier);
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

/**
 * The file oxc-resolver is asked to resolve from. It applies a tsconfig's `paths` only to the
 * files TypeScript would compile: `import Chat from "@/components/chat"` in an .astro page, a
 * .vue or .svelte component, or a .js file without `allowJs` failed. The frameworks' bundlers
 * resolve those aliases for every file of the app (Astro, Next.js and Nuxt from the tsconfig
 * itself), so such an importer asks as a TypeScript file of its folder would: same folder,
 * same tsconfig, same answers (and the answer cache is per folder already).
 */
function asTypeScriptImporter(file: string): string {
  return TYPESCRIPT_FILE.test(file) ? file : path.join(path.dirname(file), "(importer).ts");
}

const nearestTsconfigs = new Map<string, string | null>();

/** The tsconfig.json in `dir` or the nearest folder above it (cached per folder). */
function nearestTsconfig(dir: string): string | undefined {
  const known = nearestTsconfigs.get(dir);
  if (known !== undefined) return known ?? undefined;
  const here = path.join(dir, "tsconfig.json");
  const parent = path.dirname(dir);
  const found = fs.existsSync(here) ? here : parent === dir || path.basename(dir) === "node_modules" ? undefined : nearestTsconfig(parent);
  nearestTsconfigs.set(dir, found ?? null);
  return found;
}

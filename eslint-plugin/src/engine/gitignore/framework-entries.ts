/**
 * Which env files a project's framework says git must ignore, so the required .gitignore
 * entries follow the documentation the user read:
 * - Vite (and the frameworks built on it), Create React App and Next.js document committing
 *   `.env` with non-secret defaults and keeping secrets in `.env.local` / `.env.*.local`:
 *   `.env` is required only when the project's `.env` holds a secret, or does not exist yet
 *   and the project's code reads a secret-looking env name (someone will put that secret in it).
 * - Nuxt reads `.env` only: `.env.local` / `.env.*.local` are never loaded, so not required.
 * - Angular reads no env file: one that does not exist is required only when the project's code
 *   reads a secret-looking env name; with @ngx-env/builder (which loads them as Vite does) as Vite.
 *   With plain dotenv beside it (an Express server in the package), `.env` only.
 *   Same for Remix's classic compiler (`remix.config.js`, no Vite: `remix dev` loads `.env`
 *   through dotenv) and for a project whose env loader is plain `dotenv` (`config()` reads `.env` only).
 * - Cloudflare Workers / Pages with a `.dev.vars` file (or its template): wrangler loads local
 *   secrets from it and skips `.env` files, so env files that do not exist are not required.
 * - A folder that is no project (the root of a repository whose packages live in sub-folders,
 *   with no package.json of its own): a file that does not exist there is required only when
 *   code of that folder reads a secret-looking env name; each package is judged on its own.
 * - Anything else: all three are required.
 * The framework counts only when its package.json is the project's own (nearest) one: a
 * `server/` package with its own package.json inside a Vite repository is not a Vite project.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isSecretEnvName } from "../client/env-names";
import { type FrameworkName, frameworkOf, webpackConfigFiles } from "../client/framework";
import { nearestPackageDir } from "../package-dir";
import { holdsSecrets } from "./env-secrets";
import { derive } from "./file-cache";
import { projectSourceFiles } from "./project-code";
import { projectReadsSecretEnv } from "./secret-env-reads";

const COMMITS_DOTENV = new Set<FrameworkName>(["vite", "cra", "vue-cli", "rsbuild", "next", "sveltekit", "astro", "remix"]);

/**
 * False when the project's framework says git may commit `file` (an env file, existing or not).
 * `codeWillRead`: the env name a fix is about to make the code read (it moves a key into an env
 * file), so the answer already holds for the code as it will be.
 */
export function frameworkRequiresIgnoring(file: string, entry: string, options: { codeWillRead?: string } = {}): boolean {
  const dir = dirname(file);
  // `derive` caches by path + mtime; an unreadable file is treated as holding a secret.
  const fileHoldsSecret = () => derive(file, "holdsSecrets", (text) => text === undefined || holdsSecrets(text));
  const readsSecret = () => (options.codeWillRead !== undefined && isSecretEnvName(options.codeWillRead)) || projectReadsSecretEnv(dir);
  const framework = projectFramework(dir);
  // Angular loads no env file itself: with plain dotenv beside it (an Express server in the same
  // package, Maperti8/Llama2-custom-chatbot, batch 87) `.env` is the only one anything reads.
  const angularWithDotenv = framework === "angular" && !readsEnvFiles(dir) && loadsDotenvOnly(dir);
  const dotenvOnly = framework === "nuxt" || (framework === "remix" && isClassicRemix(dir)) || angularWithDotenv || ((framework === "unknown" || framework === "extension" || framework === "webpack") && loadsDotenvOnly(dir));
  if (dotenvOnly && entry !== ".env") return false;
  const exists = existsSync(file);
  if (!exists && keepsSecretsInDevVars(dir)) return false;
  if (!existsSync(join(dir, "package.json"))) {
    // Scripts at a root that is no package, loading plain dotenv themselves (`require("dotenv").config()`:
    // AmberHcq/api_tests, batch 235): `.env` is the only file anything reads, as in a package.
    if (entry !== ".env" && codeLoadsDotenvOnly(dir)) return false;
    if (!exists) return readsSecret();
    // A folder that is no project keeps a `.env` for Docker Compose's `${…}` settings (ports,
    // container names), committed on purpose: required when it holds a secret, or when a compose
    // file there asks it for one (`${OPENAI_API_KEY}`), or the folder's code reads one
    // (pavelee/react-deepgram-example, batch 43).
    if (entry === ".env") return fileHoldsSecret() || composeAsksForSecret(dir) || readsSecret();
  }
  // Angular reads no env file (only the @ngx-env/builder plugin does, as Vite does): one that
  // does not exist is required only when the code reads a secret-looking env name.
  if (!exists && framework === "angular" && !readsEnvFiles(dir)) return readsSecret();
  if ((COMMITS_DOTENV.has(framework) || (framework === "angular" && readsEnvFiles(dir))) && entry === ".env") {
    // `derive` caches by path + mtime; an unreadable file is treated as holding a secret. An absent
    // one is required when the code reads a secret, so the next `git add .` after someone creates it is safe.
    if (!exists) return readsSecret();
    return fileHoldsSecret();
  }
  return true;
}

const COMPOSE_FILES = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];
/** `${NAME}` or `$NAME` in a compose file. */
const COMPOSE_VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]{0,200})/g;

/** A compose file of `dir` interpolates a secret-looking name, which Compose reads from `dir/.env`. */
function composeAsksForSecret(dir: string): boolean {
  return COMPOSE_FILES.some((name) => {
    const file = join(dir, name);
    return existsSync(file) && derive(file, "asksForSecret", (text) => text === undefined || [...text.matchAll(COMPOSE_VARIABLE)].some((match) => isSecretEnvName(match[1])));
  });
}

/**
 * A Cloudflare Workers / Pages project (a wrangler config) with a `.dev.vars` file or template
 * (`.dev.vars.example`, `.dev.vars-example`: zkorra/genai-chat-worker, batch 37): wrangler reads
 * local secrets from `.dev.vars` and then ignores `.env` files, so an env file that does not
 * exist is no place a secret will go.
 */
function keepsSecretsInDevVars(dir: string): boolean {
  const root = nearestPackageDir(dir) ?? dir;
  const wrangler = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"].some((name) => existsSync(join(root, name)));
  if (!wrangler) return false;
  try {
    return readdirSync(root).some((name) => name === ".dev.vars" || /^\.dev\.vars[.-](?:example|sample|template)$/.test(name));
  } catch {
    return false;
  }
}

/** An Angular project that loads env files, Vite-style, through @ngx-env/builder. */
function readsEnvFiles(dir: string): boolean {
  const root = nearestPackageDir(dir);
  if (!root) return false;
  try {
    const json = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    return "@ngx-env/builder" in { ...json.dependencies, ...json.devDependencies };
  } catch {
    return false;
  }
}

/** Remix before Vite: a `remix.config.*` and no `vite.config.*` in the project folder. */
function isClassicRemix(dir: string): boolean {
  const root = nearestPackageDir(dir);
  if (!root) return false;
  const names = ["js", "mjs", "cjs", "ts", "mts"];
  return names.some((ext) => existsSync(join(root, `remix.config.${ext}`))) && !names.some((ext) => existsSync(join(root, `vite.config.${ext}`)));
}

/** The framework of the project whose nearest package.json is in or above `dir`. */
function projectFramework(dir: string): FrameworkName {
  const framework = frameworkOf(join(dir, "package.json"));
  if (framework.name === "unknown") return "unknown";
  if (nearestPackageDir(dir) !== framework.root) return "unknown";
  // An extension Vite builds by itself loads its env files as any Vite app does.
  return framework.viteExtension ? "vite" : framework.name;
}

/**
 * Loaders of `.env.local` files besides dotenv: dotenv-flow, Next.js's own, dotenv-cli, Vite and the
 * extension frameworks built on its env rules (WXT, Plasmo), Mastra's CLI (the first of
 * `.env.development`, `.env.local` and `.env`), and Bun, which loads `.env`, `.env.{NODE_ENV}` and
 * `.env.local` by itself (its types in the project, or a script run with `bun`).
 */
const LOCAL_ENV_LOADERS = ["dotenv-flow", "@next/env", "dotenv-cli", "vite", "wxt", "plasmo", "mastra", "@types/bun", "bun-types"];
const RUNS_BUN = /(?:^|[\s;&|(])(?:bun|bunx)\s/;

/**
 * The project's package.json depends on `dotenv` (or dotenv-webpack) and on no loader of `.env.local`
 * files; or its webpack config, or its own code, loads dotenv itself (a dependency installed but not declared).
 */
function loadsDotenvOnly(dir: string): boolean {
  const packageDir = nearestPackageDir(dir);
  if (!packageDir) return false;
  const manifest = derive(join(packageDir, "package.json"), "dotenvLoaders", (text) => {
    try {
      const json = JSON.parse(text ?? "{}") as Record<string, Record<string, string> | undefined>;
      const names = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})]);
      const runsBun = Object.values(json.scripts ?? {}).some((script) => typeof script === "string" && RUNS_BUN.test(`${script} `));
      // dotenv-webpack reads `.env` (and `.env.defaults`) only, as dotenv does.
      return { dotenv: names.has("dotenv") || names.has("dotenv-webpack"), nestConfig: names.has("@nestjs/config"), localLoader: runsBun || LOCAL_ENV_LOADERS.some((name) => names.has(name)) };
    } catch {
      return undefined;
    }
  });
  if (!manifest || manifest.localLoader) return false;
  // Each file's answer is cached by its own mtime: an edit to either is seen.
  return (
    manifest.dotenv ||
    (manifest.nestConfig && nestLoadsDotenvOnly(packageDir)) ||
    webpackConfigFiles(packageDir).some((config) => derive(config, "loadsDotenv", (text) => text !== undefined && WEBPACK_LOADS_DOTENV.test(text))) ||
    codeLoadsDotenvOnly(packageDir)
  );
}

/** `import dotenv from "dotenv"`, `require("dotenv")`, `import "dotenv/config"` (group 1: the `/config` that loads by itself). */
const DOTENV_IMPORT = /(?:\brequire\(\s*|\bimport\s*(?:\(\s*)?|\bfrom\s*)["']dotenv(\/config(?:\.js)?)?["']/;
const CONFIG_CALL = /\bconfig(?:Dotenv)?\s*\(/;
/** A script's `node -r dotenv/config` (or `--require`, `--import`). */
const PRELOADS_DOTENV = /(?:\s-r|--require|--import)[\s=]{1,20}dotenv\/config\b/;
/** `.env.local`, `.env.development.local`, `.env.${mode}.local`: a file plain dotenv reads only when told to. */
const LOCAL_ENV_FILE = /\.env(?:\.[\w${}.-]{1,40})?\.local\b/;
const CODE_FILE = /\.[cm]?[jt]sx?$/;

/** One walk per project serves every question of a lint run (each file's answer is cached by its mtime in any case). */
const FRESH_MS = 5000;
const recentWalks = new Map<string, { at: number; plain: boolean }>();

export function clearDotenvWalks(): void {
  recentWalks.clear();
}

/**
 * The project's own code loads dotenv (`dotenv.config()`, `import "dotenv/config"`, a script's
 * `-r dotenv/config`) and neither its code nor its package.json names a `.local` env file
 * (`config({ path: ".env.local" })`, `node --env-file=.env.local`): plain dotenv, declared or not.
 * An Express server gets dotenv through another package (mdeplata/summaraizer's server, batch 135).
 */
function codeLoadsDotenvOnly(packageDir: string): boolean {
  const cached = recentWalks.get(packageDir);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.plain;
  const files = [join(packageDir, "package.json"), ...projectSourceFiles(packageDir, CODE_FILE)];
  const uses = files.map((file) => derive(file, "dotenvUse", (text) => (text === undefined ? undefined : dotenvUse(text))));
  const plain = uses.includes("plain") && !uses.includes("local");
  recentWalks.set(packageDir, { at: Date.now(), plain });
  return plain;
}

/** "plain": the file loads dotenv; "local": it names a `.local` env file (read by dotenv or by anything else). */
function dotenvUse(text: string): "plain" | "local" | undefined {
  if (LOCAL_ENV_FILE.test(text)) return "local";
  if (PRELOADS_DOTENV.test(text)) return "plain";
  const dotenv = DOTENV_IMPORT.exec(text);
  return dotenv && (dotenv[1] !== undefined || CONFIG_CALL.test(text)) ? "plain" : undefined;
}


/**
 * NestJS's `@nestjs/config` reads `.env` only (dotenv underneath) unless `envFilePath` names other
 * files (its docs' `envFilePath: [".env.development.local", …]`): the root module calls
 * `ConfigModule.forRoot(…)` without one (tonovarela/nestjs-openai, batch 106). Where the call is
 * not in src/app.module, the files it loads are not known: not taken as `.env` only.
 */
function nestLoadsDotenvOnly(packageDir: string): boolean {
  return ["ts", "js"].some((ext) => derive(join(packageDir, "src", `app.module.${ext}`), "nestLoadsDotenvOnly", (text) => text !== undefined && text.includes("ConfigModule.forRoot(") && !text.includes("envFilePath")));
}

const WEBPACK_LOADS_DOTENV = /require\(\s*["']dotenv(?:-webpack)?["']\s*\)|from\s+["']dotenv(?:-webpack)?["']/;

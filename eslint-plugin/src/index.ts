import type { ESLint, Linter } from "eslint";
import { envFilesProcessor } from "./env-files-processor";
import { filesProcessor } from "./files-processor";
import { languagePlugin } from "./language";
import { COMPONENTS_SETTING } from "./util/file-kind";
import { rules } from "./rules";
import { missingNonCodeFile } from "./util/missing-file";
import { LazyClientBoundaryStamp } from "./engine/client/cache-stamp";
import { LazyGitStateStamp } from "./engine/gitignore/state-stamp";

// Read at run time so the published package always reports its own version.
const { name, version } = require("../package.json") as { name: string; version: string };

const recommendedRules: Linter.RulesRecord = {};
for (const [ruleName, rule] of Object.entries(rules)) {
  const docs = rule.meta.docs as { recommended?: "error" | "warn" } | undefined;
  if (docs?.recommended) recommendedRules[`keyfence/${ruleName}`] = docs.recommended;
}

const plugin = {
  meta: { name, version },
  rules: rules as unknown as NonNullable<ESLint.Plugin["rules"]>,
  configs: {} as { recommended: Linter.Config; components: Linter.Config; files: Linter.Config },
  processors: { "env-files": envFilesProcessor(), files: filesProcessor() },
  /** The env files processor with other severities: `envFilesProcessor({ "no-committed-env-keys": "warn" })`. */
  envFilesProcessor,
  /** The files processor with other severities: `filesProcessor({ "no-hardcoded-keys": "warn" })`. */
  filesProcessor,
};

/**
 * `export default [keyfence.configs.recommended]` is all a user writes, and it composes with any
 * other config in any order. One object (ESLint rejects nested arrays in eslint.config.js) lints:
 * - every JS/TS file kind, with whatever parser the user's other configs set; where none does,
 *   the language's default parser reads TypeScript and JSX (see language.ts for why this is a
 *   language default and not `languageOptions.parser`);
 * - `.env*` and `.gitignore` files through the env files processor, which gives ESLint no code
 *   block (so no other plugin's rule runs on them or fixes them) and reports KeyFence's findings
 *   itself (see env-files-processor.ts).
 * The settings carry fingerprints of git's view of env files and of where the client boundary
 * runs, so that `eslint --cache` re-lints when another file changes what a file's result is;
 * they are computed only when ESLint serialises the config for its cache (see
 * engine/gitignore/state-stamp.ts and engine/client/cache-stamp.ts for why and what they cost).
 */
plugin.configs.recommended = {
  name: "keyfence/recommended",
  files: ["**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}", "**/.env", "**/.env.*", "**/.dev.vars", "**/.dev.vars.*", "**/.gitignore"],
  // A dangling `.env` symlink would stop ESLint's whole run (util/missing-file.ts). ESLint's types
  // list strings only; its config array (@eslint/config-array, ESLint 9 and 10) takes a function.
  ignores: [missingNonCodeFile as unknown as string],
  plugins: { keyfence: plugin as unknown as ESLint.Plugin, "keyfence-js": languagePlugin },
  language: "keyfence-js/js",
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  processor: plugin.processors["env-files"],
  settings: { keyfenceGitState: new LazyGitStateStamp(), keyfenceClientBoundary: new LazyClientBoundaryStamp() },
  rules: recommendedRules,
};
const stamps = plugin.configs.recommended.settings!;

/** The rules that read code: what a component's `<script>` blocks and frontmatter are checked by. */
const CODE_RULES = ["no-hardcoded-keys", "no-client-secrets", "no-public-secrets", "no-client-ai-calls", "no-logged-keys"];

/**
 * `export default [...yourVueSvelteOrAstroConfig, keyfence.configs.recommended, keyfence.configs.components]`:
 * the code rules in the `<script>` blocks of .vue, .svelte and .astro files (and Astro's
 * frontmatter), read by the engine's own parse of the component (engine/component-code.ts).
 *
 * Not part of configs.recommended, because it must bring neither a parser nor a processor:
 * eslint-plugin-vue, eslint-plugin-svelte and eslint-plugin-astro each set a processor for their
 * files (template `<!-- eslint-disable -->` comments, client scripts), and ESLint keeps only the
 * last one set, so the env files processor of configs.recommended must never reach a component.
 *
 * Its one `files` pattern is "universal" to ESLint (it starts with `!`): it adds these rules to
 * components another config already lints, with that config's parser and processor, and never
 * makes ESLint lint a component by itself (which, without a component parser, would be a parse
 * error on every one). The pattern reads: not a file whose name is anything but a component's.
 */
plugin.configs.components = {
  name: "keyfence/components",
  // The second pattern (also universal: it ends in `/*`) reaches the code blocks a component's
  // processor hands ESLint (eslint-plugin-astro's client scripts, `page.astro/1.ts`), so that the
  // rules skip them: they read the whole component already (util/file-kind.ts, readsCode).
  files: ["!**/!(*.vue|*.svelte|*.astro)", "**/*.{vue,svelte,astro}/*"],
  plugins: { keyfence: plugin as unknown as ESLint.Plugin },
  // The same fingerprints as configs.recommended: `eslint --cache` re-lints a component when
  // another file changes whether it runs in the browser, or what git holds.
  settings: { [COMPONENTS_SETTING]: true, keyfenceGitState: stamps.keyfenceGitState, keyfenceClientBoundary: stamps.keyfenceClientBoundary },
  rules: Object.fromEntries(CODE_RULES.map((rule) => [`keyfence/${rule}`, recommendedRules[`keyfence/${rule}`]])),
};

/**
 * What configs.files lints: files ESLint does not read as code, where keys end up in CI. Markdown
 * and text files too: notes pasted into a repository (`FIX_API_KEY.md`, `openai.txt`) held live
 * keys in 2 of 318 real apps, and 790 docs pages of the Vercel AI SDK held none it reports. HTML
 * pages too: a key in an inline `<script>` is served to every visitor (a Maps script URL's key or a
 * Firebase config is public by design, as in code). JSON with comments too: a Cloudflare Worker's
 * `wrangler.jsonc` `vars` held a live Gemini key (yashas-salian/post-audience-email-automation, batch 60).
 */
const TEXT_FILES = ["yaml", "yml", "json", "jsonc", "json5", "py", "sh", "toml", "properties", "md", "mdx", "markdown", "txt", "html", "htm"];
const DOCKERFILES = ["**/{D,d}ockerfile", "**/{D,d}ockerfile.*", "**/*.{D,d}ockerfile", "**/Containerfile"];

/**
 * `export default [keyfence.configs.files, ...yourConfigs]`: provider keys in Dockerfiles,
 * compose files, YAML, JSON, Python, shell, TOML, `.properties`, Markdown and text files (no-hardcoded-keys,
 * no-docker-keys), reported by the files processor, which hands ESLint the text as a named code
 * block that ESLint lints only when another config lints that kind of file (eslint-plugin-jsonc,
 * eslint-plugin-yml, …), so no other plugin's parser or rule is disturbed either way (see
 * files-processor.ts). `ignores` keeps this config off those block paths (`x.json/0_x.json`) and
 * off lock files. Put it FIRST: a later config that brings its own processor for these files
 * then keeps it (ESLint takes the last `processor` set), and KeyFence stays silent there.
 */
plugin.configs.files = {
  name: "keyfence/files",
  files: [...DOCKERFILES, `**/*.{${TEXT_FILES.join(",")}}`],
  ignores: [
    ...DOCKERFILES.map((pattern) => `${pattern}/*`),
    `**/*.{${TEXT_FILES.join(",")}}/*`,
    "**/package-lock.json",
    "**/npm-shrinkwrap.json",
    "**/pnpm-lock.yaml",
    missingNonCodeFile as unknown as string,
  ],
  plugins: { keyfence: plugin as unknown as ESLint.Plugin },
  processor: plugin.processors.files,
};

export = plugin;

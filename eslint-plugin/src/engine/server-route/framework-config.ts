/**
 * What a framework's config says that changes the generated route: a private Nuxt runtimeConfig
 * key that already holds the provider's key, and whether React Router serves `app/routes/` files.
 * Read only; the fix never edits these configs (a config is code, and a wrong edit breaks the app).
 */
import * as path from "node:path";
import { parseSource, type TSESTree } from "../ast";
import { findProperty, propertyName, stringValue, walk } from "./ast-utils";
import type { ProjectView } from "./types";

const CONFIG_EXTENSIONS = ["ts", "js", "mjs", "mts"];

function readFirst(project: ProjectView, files: string[]): { file: string; text: string } | undefined {
  for (const file of files) {
    const text = project.read(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/** `openaiApiKey` for OPENAI_API_KEY: the same words, any case, any separator. */
function sameWords(configKey: string, envVar: string): boolean {
  const words = (name: string) => name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return words(configKey) === words(envVar);
}

/**
 * The private (top-level, not `public`) runtimeConfig key of nuxt.config that names `envVar`,
 * e.g. `runtimeConfig: { openaiApiKey: "" }` → "openaiApiKey". Nuxt fills it at run time from
 * NUXT_OPENAI_API_KEY, and only server code can read it.
 */
export function nuxtPrivateConfigKey(root: string, project: ProjectView, envVar: string): string | undefined {
  const config = readFirst(project, CONFIG_EXTENSIONS.map((ext) => path.join(root, `nuxt.config.${ext}`)));
  const source = config && parseSource(config.file, config.text, { loc: false, comments: false });
  if (!source) return undefined;
  let found: string | undefined;
  walk(source.ast, (node) => {
    if (found || node.type !== "ObjectExpression") return;
    const runtimeConfig = findProperty(node, "runtimeConfig")?.value;
    if (runtimeConfig?.type !== "ObjectExpression") return;
    for (const property of runtimeConfig.properties) {
      const name = property.type === "Property" ? propertyName(property) : undefined;
      if (name && name !== "public" && sameWords(name, envVar) && /^[A-Za-z_$][\w$]*$/.test(name)) found = name;
    }
  });
  return found;
}

/**
 * React Router v7 reads its routes from `app/routes.ts`; files in `app/routes/` are routes only
 * when it calls flatRoutes(). Remix v2 (no routes.ts) always reads them. Undefined: it cannot be
 * told, so no route file is written there.
 */
export function servesFlatRoutes(routesDir: string, project: ProjectView): boolean {
  const appDir = path.dirname(routesDir);
  const config = readFirst(project, ["ts", "js", "mts", "mjs"].map((ext) => path.join(appDir, `routes.${ext}`)));
  if (!config) return true;
  const source = parseSource(config.file, config.text, { loc: false, comments: false });
  if (!source) return false;
  let calls = false;
  walk(source.ast, (node: TSESTree.Node) => {
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "flatRoutes") calls = true;
  });
  return calls;
}

/**
 * Where Nuxt looks for `server/` (its Nitro routes), or undefined when the config cannot tell
 * (a computed `srcDir`, or `srcDir` set with a Nuxt version that cannot be read): then no route
 * is written, rather than one Nuxt would never serve. Per Nuxt's schema: a `serverDir` is
 * relative to the root; otherwise Nuxt 4 (and Nuxt 3 with `future.compatibilityVersion: 4`)
 * uses `<rootDir>/server`, Nuxt 3 `<srcDir>/server`.
 */
export function nuxtServerDir(root: string, project: ProjectView, nuxtVersion: string | undefined): string | undefined {
  const config = readFirst(project, CONFIG_EXTENSIONS.map((ext) => path.join(root, `nuxt.config.${ext}`)));
  const source = config && parseSource(config.file, config.text, { loc: false, comments: false });
  if (config && !source) return undefined;
  const options: Record<"srcDir" | "serverDir" | "compatibilityVersion", TSESTree.Property | undefined> = { srcDir: undefined, serverDir: undefined, compatibilityVersion: undefined };
  if (source) {
    walk(source.ast, (node) => {
      if (node.type !== "ObjectExpression") return;
      for (const name of ["srcDir", "serverDir", "compatibilityVersion"] as const) options[name] ??= findProperty(node, name);
    });
  }
  const text = (property: TSESTree.Property | undefined) => (property ? (stringValue(property.value) ?? null) : undefined);
  const serverDir = text(options.serverDir);
  const srcDir = text(options.srcDir);
  if (serverDir === null || srcDir === null) return undefined;
  if (serverDir !== undefined) return path.resolve(root, serverDir);
  const compat = options.compatibilityVersion?.value;
  const major = compat?.type === "Literal" && compat.value === 4 ? 4 : Number(/\d+/.exec(nuxtVersion ?? "")?.[0] ?? NaN);
  if (major >= 4 || srcDir === undefined) return path.join(root, "server");
  if (major === 3) return path.join(path.resolve(root, srcDir), "server");
  return undefined;
}

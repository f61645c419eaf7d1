/**
 * Build configs that copy values into every browser bundle whatever their names: next.config's
 * `env` block, Vite's `define` of `process.env.X` / `import.meta.env.X` (or of a global of the
 * app's own given a secret env var's value, or of the whole environment: `"process.env":
 * process.env`, or `loadEnv(mode, root, "")`), also under the `vite`
 * key of astro.config, nuxt.config, app.config and wxt.config (a function there), nuxt.config's
 * `runtimeConfig.public` (Nuxt 2: `publicRuntimeConfig`), which Nuxt serialises into every page it renders, and an Expo
 * app.config's `extra`, which is built into every installed copy of the app
 * (`Constants.expoConfig.extra`).
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../ast";
import type { Finding } from "../finding";
import { isSecretEnvName } from "./env-names";
import { findEnvReads, type EnvRead } from "./env-reads";
import { frameworkOf } from "./framework";
import { sentValues } from "./sent-secrets";
import { walk } from "./walk";

const NEXT_CONFIG = /^next\.config\.[cm]?[jt]s$/;
/** Vite's config (also a second one a `vite build --config` script names: `vite-background.config.ts`), and electron-vite's (its main, preload and renderer sections each take a `define`). */
const VITE_CONFIG = /^(?:electron\.)?vite(?:[.-][\w-]{1,40})?\.config\.[cm]?[jt]s$/;
const NUXT_CONFIG = /^nuxt\.config\.[cm]?[jt]s$/;
/** Configs that hold a Vite config under `vite` (Astro, Nuxt, SolidStart and TanStack Start's app.config). */
const WITH_VITE_CONFIG = /^(?:astro|nuxt|app|wxt)\.config\.[cm]?[jt]s$/;
/** Expo's dynamic config (app.json is JSON: no code rule reads it). */
const EXPO_CONFIG = /^app\.config\.[cm]?[jt]s$/;

export function findConfigSecrets(source: SourceFile): Finding[] {
  const base = path.basename(source.file);
  const next = NEXT_CONFIG.test(base);
  const vite = VITE_CONFIG.test(base);
  const nuxt = NUXT_CONFIG.test(base);
  const viteInside = WITH_VITE_CONFIG.test(base);
  const expo = EXPO_CONFIG.test(base);
  if (!next && !vite && !nuxt && !viteInside) return [];
  const findings: Finding[] = [];
  // An Expo project's app.config: its `extra` is Expo's wherever the config object is built (`{ ...config, ...appJson.expo, extra }`).
  let expoApp: boolean | undefined;
  let envReads: EnvRead[] | undefined;
  const reads = () => (envReads ??= findEnvReads(source.ast, source.text));
  // A config section written as a module const and passed by name (`const runtimeConfig = { public: { … } }`
  // then `defineNuxtConfig({ runtimeConfig, … })`: kendrickkilat/jira-ai, batch 76): read as if inline.
  const consts = new Map<string, TSESTree.ObjectExpression>();
  for (const statement of source.ast.body) {
    if (statement.type !== "VariableDeclaration" || statement.kind !== "const") continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init?.type === "TSAsExpression" || declarator.init?.type === "TSSatisfiesExpression" ? declarator.init.expression : declarator.init;
      if (declarator.id.type === "Identifier" && init?.type === "ObjectExpression") consts.set(declarator.id.name, init);
    }
  }
  walk(source.ast, (property) => {
    if (property.type !== "Property" || property.computed) return;
    const value = property.value.type === "ObjectExpression" ? property.value : property.value.type === "Identifier" ? consts.get(property.value.name) : undefined;
    if (!value) return;
    const node = { ...property, value } as TSESTree.Property & { value: TSESTree.ObjectExpression };
    const key = propertyName(node);
    if (next && key === "env") {
      for (const property of node.value.properties) {
        if (property.type !== "Property" || property.computed) continue;
        const name = propertyName(property);
        if (name && isSecretEnvName(name)) findings.push(report("configEnvSecret", source.file, property.key, name));
      }
    } else if (key === "define" && (vite || (viteInside && underViteKey(node)))) {
      for (const property of node.value.properties) {
        if (property.type !== "Property") continue;
        const name = propertyName(property);
        const envName = name ? /^(?:process\.env|import\.meta\.env)\.([A-Za-z_$][\w$]*)$/.exec(name)?.[1] : undefined;
        // electron-vite: the bundle is no visitor's page but every installed copy of the app.
        const messageId = base.startsWith("electron.") ? "configDefineSecretInApp" : "configDefineSecret";
        if (envName && isSecretEnvName(envName)) findings.push(report(messageId, source.file, property.key, envName));
        else if (name !== "process.env" && name !== "import.meta.env") {
          // A global of the app's own (`__APP_ENV__: JSON.stringify(process.env.VITE_API_KEY)`) ships the
          // value it is given: judged by the env var it carries (armanceau/keskonmange, batch 136).
          const carried = secretEnvWritten(property.value, reads);
          if (carried) findings.push(report(messageId, source.file, property.key, carried));
        }
        if ((name === "process.env" || name === "import.meta.env") && isWholeEnvironment(source, property.value)) {
          findings.push(report("configDefineWholeEnv", source.file, property.key, name));
        } else if ((name === "process.env" || name === "import.meta.env") && property.value.type === "ObjectExpression") {
          // `'process.env': { API_KEY: JSON.stringify(apiKey) }`: the object's secret keys, written into the
          // bundle as `process.env.X` entries are (only891/memories-poems, an AI Studio app, batch 76).
          for (const entry of property.value.properties) {
            const entryName = entry.type === "Property" && !entry.computed ? propertyName(entry) : undefined;
            if (entry.type === "Property" && entryName && isSecretEnvName(entryName)) findings.push(report(messageId, source.file, entry.key, entryName));
          }
        }
      }
    } else if (expo && key === "extra" && (isExpoConfig(node) || (expoApp ??= frameworkOf(source.file).name === "expo"))) {
      // `extra: { openaiApiKey: process.env.OPENAI_API_KEY }`: a secret by its key's name or by the env var it copies (as Nuxt's, below).
      for (const property of node.value.properties) {
        if (property.type !== "Property" || property.computed) continue;
        const name = propertyName(property);
        const envName = sentValues(property.value)
          .map((value) => (value.type === "MemberExpression" ? reads().find((read) => read.node === value.property && read.source === "process.env") : undefined))
          .find((read) => read !== undefined)?.name;
        if (name && (isSecretEnvName(name) || (envName && isSecretEnvName(envName)))) findings.push(report("configExpoExtraSecret", source.file, property.key, name));
      }
    } else if (next && key === "publicRuntimeConfig") {
      // Next.js (Pages Router) serialises `publicRuntimeConfig` into every page's __NEXT_DATA__, read with
      // `getConfig().publicRuntimeConfig` (mridulr2003/img-gen-dalle's `apiKey: process.env.OPENAI_API_KEY`, batch 232).
      for (const property of node.value.properties) {
        if (property.type !== "Property" || property.computed) continue;
        const name = propertyName(property);
        const secret = publicValueSecret(name, property.value, reads);
        if (name && secret) findings.push(report("configNextPublicRuntimeSecret", source.file, property.key, name));
      }
    } else if (nuxt && (key === "runtimeConfig" || key === "publicRuntimeConfig")) {
      // `public: { OPENAI_API_KEY: process.env.OPENAI_API_KEY }`: a secret by its key's name or
      // by the env var it is read from (an empty default is filled from NUXT_PUBLIC_… at run time).
      // Nuxt 2 spells it `publicRuntimeConfig: { … }`, read as `this.$config.OPENAI_API_KEY`
      // (Moby47/prayerpath_frontend, batch 62).
      let publicConfig: TSESTree.ObjectExpression | undefined = key === "publicRuntimeConfig" ? node.value : undefined;
      for (const property of key === "runtimeConfig" ? node.value.properties : []) {
        if (property.type === "Property" && !property.computed && propertyName(property) === "public" && property.value.type === "ObjectExpression") publicConfig = property.value;
      }
      if (!publicConfig) return;
      for (const property of publicConfig.properties) {
        if (property.type !== "Property" || property.computed) continue;
        const name = propertyName(property);
        if (name && publicValueSecret(name, property.value, reads)) findings.push(report("configRuntimePublicSecret", source.file, property.key, name));
      }
    }
  });
  return findings;
}

/**
 * The secret a public config entry sends: its key's name, or the env var its value is read from, as it is
 * or through `?? ""` (sent-secrets' rule: what the framework sends is the value).
 */
function publicValueSecret(name: string | undefined, value: TSESTree.Node, reads: () => EnvRead[]): string | undefined {
  const envName = sentValues(value)
    .map((sent) => (sent.type === "MemberExpression" ? reads().find((read) => read.node === sent.property && read.source === "process.env") : undefined))
    .find((read) => read !== undefined)?.name;
  return name && isSecretEnvName(name) ? name : envName && isSecretEnvName(envName) ? envName : undefined;
}

/**
 * The secret env var a define's value writes into the bundle as it is: `JSON.stringify(process.env.KEY)`,
 * `process.env.KEY ?? ""`, either branch of a conditional (sent-secrets' rule: a test, a negation or
 * another call writes its result, not the key). The config runs in Node: only `process.env` holds the value.
 */
function secretEnvWritten(value: TSESTree.Node, reads: () => EnvRead[]): string | undefined {
  const written = sentValues(value).flatMap((node) => (isJsonStringify(node) && node.arguments[0] ? sentValues(node.arguments[0]) : [node]));
  for (const node of written) {
    if (node.type !== "MemberExpression") continue;
    const read = reads().find((read) => read.node === node.property && read.source === "process.env");
    if (read && isSecretEnvName(read.name)) return read.name;
  }
  return undefined;
}

function isJsonStringify(node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.computed) return false;
  const { object, property } = node.callee;
  return object.type === "Identifier" && object.name === "JSON" && property.type === "Identifier" && property.name === "stringify";
}

/**
 * `process.env`, `JSON.stringify(process.env)`, `{ ...process.env }`, or a name holding one of
 * them or Vite's `loadEnv(mode, root, "")` (an empty prefix loads every variable, not only VITE_).
 */
function isWholeEnvironment(source: SourceFile, value: TSESTree.Node, depth = 0): boolean {
  if (depth > 3) return false;
  if (value.type === "MemberExpression") {
    return !value.computed && value.object.type === "Identifier" && value.object.name === "process" && value.property.type === "Identifier" && value.property.name === "env";
  }
  if (value.type === "CallExpression") {
    const callee = value.callee;
    const named = (object: string, property: string) =>
      callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.object.name === object && callee.property.type === "Identifier" && callee.property.name === property;
    if (named("JSON", "stringify") && value.arguments[0]) return isWholeEnvironment(source, value.arguments[0], depth + 1);
    const prefix = value.arguments[2];
    return callee.type === "Identifier" && callee.name === "loadEnv" && prefix?.type === "Literal" && prefix.value === "";
  }
  if (value.type === "ObjectExpression") return value.properties.some((property) => property.type === "SpreadElement" && isWholeEnvironment(source, property.argument, depth + 1));
  if (value.type === "Identifier") {
    let found = false;
    walk(source.ast, (node) => {
      if (!found && node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.id.name === value.name && node.init) found = isWholeEnvironment(source, node.init, depth + 1);
    });
    return found;
  }
  return false;
}

/** `extra` of an Expo config: under `expo`, or beside Expo's own keys (`slug`, `ios`, `android`). */
function isExpoConfig(extra: TSESTree.Property): boolean {
  const object = extra.parent;
  if (object?.type !== "ObjectExpression") return false;
  const holder = object.parent;
  if (holder?.type === "Property" && propertyName(holder) === "expo") return true;
  return object.properties.some((property) => property.type === "Property" && ["slug", "ios", "android", "runtimeVersion"].includes(propertyName(property) ?? ""));
}

/** `vite: { define: { … } }`: the define of the Vite config an Astro or Nuxt config holds. */
function underViteKey(define: TSESTree.Property): boolean {
  let holder = define.parent?.parent;
  // WXT's hook: `vite: () => ({ define })`, `vite: () => defineViteConfig({ define })` (x4066x/open-sidepanel, batch 39).
  for (let hops = 0; hops < 3 && holder && (holder.type === "CallExpression" || holder.type === "ArrowFunctionExpression" || holder.type === "FunctionExpression" || holder.type === "ReturnStatement" || holder.type === "BlockStatement"); hops++) holder = holder.parent;
  return holder?.type === "Property" && propertyName(holder) === "vite";
}

/**
 * The blocks above, by the key that holds them: Vite's `define`, next.config's `env`, Nuxt's
 * `runtimeConfig.public` and `publicRuntimeConfig`, Expo's `extra`. A read inside one is this
 * module's to report (no-public-secrets leaves it alone in a build config's other settings).
 */
const PUBLISHING_BLOCKS = new Set(["define", "env", "public", "publicRuntimeConfig", "extra"]);

export function inPublishingBlock(node: TSESTree.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === "Property" && PUBLISHING_BLOCKS.has(propertyName(parent) ?? "")) return true;
  }
  return false;
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "Literal" && typeof property.key.value === "string") return property.key.value;
  return undefined;
}

function report(messageId: string, file: string, node: TSESTree.Node, name: string): Finding {
  return { ruleId: "no-public-secrets", messageId, file, data: { name }, range: { start: node.range[0], end: node.range[1] } };
}

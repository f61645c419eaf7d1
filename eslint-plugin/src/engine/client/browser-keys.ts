/**
 * Browser code that hands an AI provider a key without any opt-in flag: an SDK client built with
 * one (`createOpenAI({ apiKey })`, `new GoogleGenerativeAI(key)`, `new ChatOpenAI({ apiKey })`),
 * and an HTTP client or fetch call that sends a provider's key in an auth header, wherever its
 * base URL comes from (`axios.create({ baseURL: env.URL, headers: { "xi-api-key": key } })`).
 *
 * A key counts when it is an env read, a literal, a const holding one, or Nuxt's public runtime
 * config (`useRuntimeConfig().public.apiKey`, `this.$config.public.apiKey`, which Nuxt writes into every page). A key the user typed
 * (state, a function parameter, localStorage) is theirs to send: bring-your-own-key apps are quiet.
 * The env reads travel with the finding (`keyReads`): ./index drops a call whose key is a
 * server secret the framework keeps out of the bundle (undefined in the browser; no-client-secrets
 * reports the read), which only it can judge (it knows the file's framework).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { TSESTree } from "../ast";
import { nearestPackageDir } from "../package-dir";
import { parameterAround } from "../patterns";
import { nameWords, looksLikeCredentialName, providers, servesManyProviders } from "../providers";
import type { Provider } from "../providers/types";
import { COMMON_AUTH_HEADERS, DIRECT_ACCESS_HEADER, providerForEnvName, providerForHost, providerForSdk, providerKeyHeaders } from "./catalogue";
import { isMapsPlatformKeyName, isSecretEnvName } from "./env-names";
import { findEnvReads, type EnvRead } from "./env-reads";
import { importedExport, importedModule, type ModuleValues } from "./imported-values";
import type { AppModules } from "./user-keys";
import { requiredModule } from "../require-call";
import { functionReturns } from "../function-returns";
import { assignedInMethods, isOwnParameter, thisMemberValue, thisMethod } from "../this-member";

type Node = TSESTree.Node;
type ObjectProperty = Exclude<TSESTree.ObjectLiteralElement, TSESTree.SpreadElement>;

export interface BrowserKeyCall {
  messageId: "browserSdkClient" | "browserSdkClientKeySlot" | "browserAuthHeader";
  node: Node;
  data: Record<string, string>;
  /** The env reads the key comes from, when it is made of them (the caller judges whether one reaches the browser). */
  keyReads?: EnvRead[];
}

/** A key found in code: an env read (its name and the read) or a literal (neither). */
interface Key {
  envName?: string;
  read?: EnvRead;
  /** The key read instead when this one is unset: `process.env.GEMINI_API_KEY || process.env.NEXT_PUBLIC_GEMINI_API_KEY`. */
  orElse?: Key;
  /** A fill-in placeholder (`"<YOUR-GEMINI_API_KEY>"`, `"TBD"`) where the developer's key goes: asked for with `slots`. */
  placeholder?: boolean;
}

let catalogueIndex: { constructors: Map<string, Provider>; headers: Map<string, Provider | undefined> } | undefined;

/** Built once per process: SDK constructor names and auth header names of the whole catalogue. */
function index(): NonNullable<typeof catalogueIndex> {
  if (catalogueIndex) return catalogueIndex;
  const constructors = new Map<string, Provider>();
  const headers = new Map<string, Provider | undefined>(COMMON_AUTH_HEADERS.map((header) => [header, undefined]));
  for (const provider of providers) {
    for (const name of provider.sdkConstructors ?? []) if (!constructors.has(name)) constructors.set(name, provider);
  }
  for (const [header, provider] of providerKeyHeaders()) headers.set(header, provider);
  // Not a key, but a header only Anthropic's API reads.
  headers.set(DIRECT_ACCESS_HEADER, providers.find((provider) => provider.id === "anthropic"));
  catalogueIndex = { constructors, headers };
  return catalogueIndex;
}

export interface Scope {
  /** Local name → npm package, for value imports. */
  imports: Map<string, string>;
  /** Local name → the module and the name it imports (namespace imports left out). */
  importNames: Map<string, { specifier: string; name: string }>;
  /** `const NAME = init` anywhere in the file (first wins). */
  consts: Map<string, Node>;
  reads: readonly EnvRead[];
  /** The file, when its imports may be followed (./imported-values). */
  file?: string;
  /** Top-level `function name() {}` declarations, exported or not. */
  functions: Map<string, TSESTree.FunctionDeclaration>;
  /** Headers set on a headers object after it was made, by headerObjectKey (`headers.Authorization = …`). */
  headerSets?: ReadonlyMap<string, ReadonlyArray<HeaderSet>>;
}

/** `headers.Authorization = value` / `headers["x-api-key"] = value`: a header set on an object after it was made. */
export interface HeaderSet {
  name: string;
  value: Node;
}

/**
 * A headers object named `name` where `at` is, told apart from another function's object of the same name (two
 * functions of a file may each build a `headers`): the name and where the function around `at` starts.
 */
export function headerObjectKey(name: string, at: Node): string {
  for (let current = at.parent; current; current = current.parent) {
    if (current.type === "FunctionDeclaration" || current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression") return `${name}@${current.range[0]}`;
  }
  return `${name}@module`;
}

/** "x" for `await import("x")` (a string or a template without holes); undefined for anything else. */
function importedWhenNeeded(node: TSESTree.Node | null | undefined): string | undefined {
  const imported = node?.type === "AwaitExpression" ? node.argument : undefined;
  if (imported?.type !== "ImportExpression") return undefined;
  const source = imported.source;
  if (source.type === "Literal" && typeof source.value === "string") return source.value;
  if (source.type === "TemplateLiteral" && source.expressions.length === 0) return source.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * `declarators`: every variable declarator of the file, when the caller has them: a `require` inside a function
 * binds its names too (`const { Configuration, OpenAIApi } = require("openai")` in an Angular component's
 * `ngOnInit`: clgleroux/hack-a-thon-front, batch 205).
 */
export function scopeOf(program: TSESTree.Program, text: string, consts: Map<string, Node>, file?: string, declarators?: readonly TSESTree.VariableDeclarator[]): Scope {
  const imports = new Map<string, string>();
  const importNames = new Map<string, { specifier: string; name: string }>();
  const functions = new Map<string, TSESTree.FunctionDeclaration>();
  // CommonJS in browser code (Vue CLI and webpack bundle it): `const { Configuration, OpenAIApi } = require("openai")`.
  // Also a module loaded when needed, `const { fal } = await import("@fal-ai/client")` (kirilligum/wisdom-pixels-hackathon-251122,
  // batch 235): its names are the module's exports, and a name it is bound to whole is its namespace.
  const bindRequire = (declarator: TSESTree.VariableDeclarator) => {
    const loaded = importedWhenNeeded(declarator.init);
    const specifierText = loaded ?? requiredModule(declarator.init);
    if (specifierText === undefined) return;
    if (declarator.id.type === "Identifier" && loaded !== undefined) imports.set(declarator.id.name, specifierText);
    else if (declarator.id.type === "Identifier") {
      imports.set(declarator.id.name, specifierText);
      importNames.set(declarator.id.name, { specifier: specifierText, name: "default" });
    } else if (declarator.id.type === "ObjectPattern") {
      for (const property of declarator.id.properties) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || property.value.type !== "Identifier") continue;
        imports.set(property.value.name, specifierText);
        importNames.set(property.value.name, { specifier: specifierText, name: property.key.name });
      }
    }
  };
  for (const declarator of declarators ?? []) if (declarator.init?.type === "CallExpression" || declarator.init?.type === "AwaitExpression") bindRequire(declarator);
  for (const statement of program.body) {
    const declared = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declared?.type === "FunctionDeclaration" && declared.id) functions.set(declared.id.name, declared);
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) bindRequire(declarator);
      continue;
    }
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    const specifierText = String(statement.source.value);
    for (const specifier of statement.specifiers) {
      if (specifier.type === "ImportSpecifier" && specifier.importKind === "type") continue;
      imports.set(specifier.local.name, specifierText);
      if (specifier.type === "ImportDefaultSpecifier") importNames.set(specifier.local.name, { specifier: specifierText, name: "default" });
      else if (specifier.type === "ImportSpecifier") {
        const name = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
        importNames.set(specifier.local.name, { specifier: specifierText, name });
      }
    }
  }
  return { imports, importNames, consts, reads: findEnvReads(program, text), file, functions };
}

const moduleScopes = new WeakMap<ModuleValues, Scope>();

/** The scope of an imported module, for the values it exports. */
function scopeOfModule(values: ModuleValues): Scope {
  let scope = moduleScopes.get(values);
  if (!scope) {
    scope = scopeOf(values.program, values.text, values.consts, values.file);
    moduleScopes.set(values, scope);
  }
  return scope;
}

/** What an imported name holds, when it comes from the app's own module: `import { openaiConfig } from "./config"`. */
function importedValue(name: string, scope: Scope): { init: Node; scope: Scope } | undefined {
  const imported = scope.file ? scope.importNames.get(name) : undefined;
  if (!imported || !scope.file) return undefined;
  const found = importedExport(scope.file, imported.specifier, imported.name);
  const init = found && found.values.consts.get(found.local);
  return found && init ? { init, scope: scopeOfModule(found.values) } : undefined;
}

/**
 * What ./user-keys follows into the app's own modules: zustand stores by hook name (a key the user
 * typed, kept in the app's store: the `const useSettings = create(…)` of this file or of the module
 * the hook is imported from, when that module imports zustand), and imported functions (a getter
 * that reads browser storage).
 */
export function appModulesOf(scope: Scope): AppModules {
  const importsZustand = (home: Scope) => [...home.imports.values()].some((name) => name === "zustand" || name.startsWith("zustand/"));
  return {
    storeOf(hook) {
      const own = scope.consts.get(hook);
      if (own) return importsZustand(scope) ? own : undefined;
      const imported = importedValue(hook, scope);
      return imported && importsZustand(imported.scope) ? imported.init : undefined;
    },
    functionOf: (name) => importedFunction(name, scope)?.fn,
  };
}

/**
 * What a getter returns, read in its own module: `getOpenAIApiKey()` after `export const
 * getOpenAIApiKey = () => { const apiKey = process.env.PLASMO_PUBLIC_OPENAI_API_KEY; return apiKey; }`
 * (874wokiite/ai-secretary-zundamon, batch 61), `getEnvConfig()` returning `{ geminiApiKey:
 * import.meta.env.VITE_GEMINI_API_KEY }` (phaneendrakumarbabu/ai-resume-analyser). A function of
 * this file or one imported from the app's own module, called with no arguments (what it returns
 * then depends on nothing the caller gives), with one `return` (or an arrow's expression).
 */
function returnedBy(call: Node, scope: Scope): { value: Node; scope: Scope } | undefined {
  if (call.type !== "CallExpression" || call.arguments.length > 0) return undefined;
  // `this.getApiKey()`: a method of the enclosing class (an Angular service's getter: PioGodwin-M/ed, batch 89).
  if (call.callee.type !== "Identifier") return functionReturnsKey(thisMethod(call), scope);
  const name = call.callee.name;
  const own = scope.consts.get(name) ?? scope.functions.get(name);
  const found = own ? { fn: own, home: scope } : importedFunction(name, scope);
  return found ? functionReturnsKey(found.fn, found.home) : undefined;
}

/** A function (a const's value or a declaration) an imported name stands for, in the app's module it comes from, with that module's scope. */
function importedFunction(name: string, scope: Scope): { fn: Node; home: Scope } | undefined {
  const imported = scope.file ? scope.importNames.get(name) : undefined;
  const found = imported && scope.file ? importedExport(scope.file, imported.specifier, imported.name) : undefined;
  if (!found) return undefined;
  const home = scopeOfModule(found.values);
  const fn = found.values.consts.get(found.local) ?? home.functions.get(found.local);
  return fn ? { fn, home } : undefined;
}

/** What a function returns, as a key may be read from it: its first returned value, or the const it returns. */
function functionReturnsKey(fn: Node | undefined, home: Scope): { value: Node; scope: Scope } | undefined {
  if (fn?.type !== "ArrowFunctionExpression" && fn?.type !== "FunctionExpression" && fn?.type !== "FunctionDeclaration") return undefined;
  if (!fn.body) return undefined;
  if (fn.body.type !== "BlockStatement") return { value: fn.body, scope: home };
  // Several returns: the first that returns something. `if (viteEnv) return viteEnv; if
  // (process.env.API_KEY) return process.env.API_KEY; return "";` (baheldeepti/hackathoncopilot,
  // batch 74): each value it may return ships, and the first is the one it returns when set.
  const value = functionReturns(fn.body).find((argument) => !returnsNothing(argument));
  if (!value) return undefined;
  // `const apiKey = …; return apiKey;`: the function's own const.
  if (value.type === "Identifier") {
    for (const statement of fn.body.body) {
      if (statement.type !== "VariableDeclaration" || statement.kind !== "const") continue;
      const declarator = statement.declarations.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === value.name);
      if (declarator?.init) return { value: declarator.init, scope: home };
    }
  }
  return { value, scope: home };
}

/** `return ""`, `return null`, `return undefined`: the getter's value when nothing is set. */
function returnsNothing(node: Node): boolean {
  return (node.type === "Literal" && (node.value === "" || node.value === null)) || (node.type === "Identifier" && node.name === "undefined");
}

/** The string a name imported from the app's own module holds: `import { API_ENDPOINT } from "../config/constants"`. */
export function importedString(name: string, scope: Scope): string | undefined {
  const init = importedValue(name, scope)?.init;
  if (init?.type === "Literal" && typeof init.value === "string") return init.value;
  if (init?.type === "TemplateLiteral" && init.expressions.length === 0) return init.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * A template a name imported from the app's own module holds, holes and all: `export default
 * \`https://…:generateContent?key=${API_KEY}\`` (shashikant347/Askly, batch 38). Its text shows each
 * hole as …; its holes are read in that module's scope, where `API_KEY` is bound.
 */
export function importedTemplate(name: string, scope: Scope): { text: string; holes: readonly Node[]; scope: Scope } | undefined {
  const value = importedValue(name, scope);
  if (value?.init.type !== "TemplateLiteral" || value.init.expressions.length === 0) return undefined;
  const text = value.init.quasis.map((quasi) => quasi.value.cooked ?? "").join("…");
  return { text, holes: value.init.expressions, scope: value.scope };
}

/** An Angular environment file's import (`../environments/environment`) that resolves to no file. */
const ENVIRONMENT_FILE = /(?:^|\/)environments\/environment(?:\.[\w-]+)?$/;

function unresolvedEnvironmentFile(node: Node, scope: Scope): boolean {
  const imported = node.type === "Identifier" && scope.file ? scope.importNames.get(node.name) : undefined;
  if (imported === undefined || !ENVIRONMENT_FILE.test(imported.specifier) || importedModule(scope.file!, imported.specifier) !== undefined) return false;
  if (imported.specifier.startsWith(".")) return true;
  // From the project's root, as Angular's tsconfig `baseUrl: "./"` allows: `src/environments/environment`
  // (MariusTews/test-generation-app, batch 68). Not there as a file either, so no resolver's miss.
  const root = imported.specifier.startsWith("src/") ? nearestPackageDir(path.dirname(scope.file!)) : undefined;
  return root !== undefined && !["ts", "js"].some((ext) => fs.existsSync(path.join(root, `${imported.specifier}.${ext}`)));
}

/** The object literal a name holds, in this file or in the module it is imported from. */
function objectValue(node: Node, scope: Scope, depth = 0): { object: TSESTree.ObjectExpression; scope: Scope } | undefined {
  // Vue state made from an object literal: `chat.value` of `const chat = ref({ apiKey: import.meta.env.… })`,
  // and `state` of `const state = reactive({ … })` (AndresZea2003/Astro's AgentChat.vue island, batch 42).
  const state = vueStateObject(node, scope);
  if (state) return { object: state, scope };
  // `this.config` the class sets to an object (`this.config = { baseUrl: "https://api.elevenlabs.io/v1", ...config }`,
  // read as `${this.config.baseUrl}/text-to-speech`: krishavs1/DixieAI, batch 139); not one a method sets again
  // (settings loaded at run time), as for a field's own value in keyIn.
  if (node.type === "MemberExpression" && node.object.type === "ThisExpression") {
    const field = thisMemberValue(node);
    return field?.type === "ObjectExpression" && !assignedInMethods(node) ? { object: field, scope } : undefined;
  }
  // `config.deepseek` in `config.deepseek.apiKey`: an object inside the config object (jybcaohui/HeboAi, batch 39).
  if (node.type === "MemberExpression" && depth < 3) {
    const inner = memberProperty(node, scope, depth + 1);
    return inner?.value.type === "ObjectExpression" ? { object: inner.value, scope: inner.scope } : undefined;
  }
  // `getEnvConfig().geminiApiKey`, or `config.geminiApiKey` after `const config = getEnvConfig()`.
  const returned = returnedBy(node.type === "Identifier" ? (scope.consts.get(node.name) ?? node) : node, scope);
  if (returned && depth < 3) return returned.value.type === "ObjectExpression" ? { object: returned.value, scope: returned.scope } : undefined;
  if (node.type !== "Identifier") return undefined;
  const local = scope.consts.get(node.name);
  if (local) return local.type === "ObjectExpression" ? { object: local, scope } : undefined;
  const imported = importedValue(node.name, scope);
  return imported?.init.type === "ObjectExpression" ? { object: imported.init, scope: imported.scope } : undefined;
}

/** Vue's state holders: `ref(…)` is read through `.value`, `reactive(…)` as it is. */
const VUE_REFS = new Set(["ref", "shallowRef"]);
const VUE_REACTIVE = new Set(["reactive", "shallowReactive"]);

/** The object literal a Vue `ref`'s `.value` or a `reactive` object starts as (imported from vue, or auto-imported as Nuxt does). */
function vueStateObject(node: Node, scope: Scope): TSESTree.ObjectExpression | undefined {
  const holder = node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier" && node.property.name === "value" ? node.object : node;
  if (holder.type !== "Identifier") return undefined;
  const init = scope.consts.get(holder.name);
  if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.arguments[0]?.type !== "ObjectExpression") return undefined;
  const kinds = holder === node ? VUE_REACTIVE : VUE_REFS;
  const from = scope.imports.get(init.callee.name);
  return kinds.has(init.callee.name) && (from === undefined || from === "vue") ? init.arguments[0] : undefined;
}

/**
 * The string a config object's property holds, in this file or a module it imports: Angular's
 * `environment.API_HOST` (`export const environment = { API_HOST: "https://api.openai.com/…" }`
 * in `src/environments/environment.ts`), a config module's `openaiConfig.baseUrl`.
 */
export function configString(node: Node, scope: Scope): string | undefined {
  const value = node.type === "MemberExpression" ? memberProperty(node, scope)?.value : undefined;
  if (value?.type === "Literal" && typeof value.value === "string") return value.value;
  if (value?.type === "TemplateLiteral" && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `openaiConfig.apiKey`: the value of a property of an object this file or an imported module declares. */
function memberProperty(node: TSESTree.MemberExpression, scope: Scope, depth = 0): { value: Node; scope: Scope } | undefined {
  const name = node.computed ? (node.property.type === "Literal" ? String(node.property.value) : undefined) : node.property.type === "Identifier" ? node.property.name : undefined;
  const owner = name === undefined ? undefined : objectValue(node.object, scope, depth);
  const property = owner && properties(owner.object).find((candidate) => propertyName(candidate) === name);
  return property ? { value: property.value, scope: owner!.scope } : undefined;
}

/** What a key expression holds: an env read (its name) or a literal; undefined for anything else. */
function keyIn(node: Node | undefined, scope: Scope, depth = 0, slots = false): Key | undefined {
  if (!node || depth > 3) return undefined;
  switch (node.type) {
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "ChainExpression":
      return keyIn(node.expression, scope, depth, slots);
    // `new LiveClient(await getApiKey())`, an async getter of the env key (rasult22/avatar-vue, batch 180).
    case "AwaitExpression":
      return keyIn(node.argument, scope, depth, slots);
    case "LogicalExpression": {
      const left = keyIn(node.left, scope, depth, slots);
      // An env read with a fallback: the key is whichever is set, so either may ship
      // (Thakur127/MakeNotes' `GEMINI_API_KEY || NEXT_PUBLIC_GEMINI_API_KEY` in browser code, batch 55).
      if (left?.read && node.operator !== "&&") {
        const right = keyIn(node.right, scope, depth, slots);
        return right ? { ...left, orElse: right } : left;
      }
      return left ?? keyIn(node.right, scope, depth, slots);
    }
    case "ConditionalExpression":
      return keyIn(node.consequent, scope, depth, slots) ?? keyIn(node.alternate, scope, depth, slots);
    case "CallExpression": {
      // `apiKey.trim()`: the same key, tidied.
      if (node.arguments.length === 0 && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.type === "Identifier" && TIDY.has(node.callee.property.name)) return keyIn(node.callee.object, scope, depth, slots);
      const returned = returnedBy(node, scope);
      return returned ? keyIn(returned.value, returned.scope, depth + 1, slots) : envReadIn(node, scope);
    }
    case "Literal":
      return typeof node.value === "string" ? literalKey(node.value, slots) : undefined;
    case "TemplateLiteral":
      if (node.expressions.length === 0) return literalKey(node.quasis.map((quasi) => quasi.value.cooked ?? "").join(""), slots);
      for (const expression of node.expressions) {
        const found = keyIn(expression, scope, depth + 1, slots);
        if (found) return found;
      }
      return undefined;
    case "Identifier": {
      // A parameter of a function around it is the caller's value, whatever a const of that name
      // elsewhere in the file holds (ojs8139/auto-detail's `testApiConnection(apiKey)` beside another
      // function's `const apiKey = getOpenAIApiKey()`, batch 119); its default, when it has one, is its own.
      const parameter = parameterAround(node, node.name);
      if (parameter) return parameter.type === "AssignmentPattern" && parameter.left.type === "Identifier" ? keyIn(parameter.right, scope, depth + 1, slots) : undefined;
      const init = scope.consts.get(node.name);
      if (init) return keyIn(init, scope, depth + 1, slots);
      // A name imported from an env module: `import { GEMINI_API_KEY } from "@env"` (React
      // Native), `from "$env/static/public"` (SvelteKit).
      const imported = scope.reads.find((read) => read.node.type === "ImportSpecifier" && read.node.local.name === node.name);
      if (imported) return { envName: imported.name, read: imported };
      const value = importedValue(node.name, scope);
      return value ? keyIn(value.init, value.scope, depth + 1, slots) : undefined;
    }
    case "MemberExpression": {
      const read = envReadIn(node, scope);
      if (read) return read;
      // Nuxt's public runtime config (`useRuntimeConfig().public.apiKey`) is sent to every visitor.
      if (isPublicRuntimeConfig(node.object, scope)) return {};
      // Expo's `extra` is written into the manifest every install of the app holds.
      if (isExpoExtra(node, scope)) return {};
      // `openaiConfig.apiKey`: a property of an object this file or an imported module declares.
      const property = memberProperty(node, scope);
      if (property) return keyIn(property.value, property.scope, depth + 1, slots);
      // `this.apikey`: what the class sets the field to (`apikey = environment.apikey` in an Angular
      // service: TilStack/angular-gemini-ui-demo, batch 93). One set from a constructor parameter is the caller's.
      // A field a method sets at run time (settings loaded, a key the user typed) holds that, not its initializer.
      const field = thisMemberValue(node);
      if (field) return isOwnParameter(field) || assignedInMethods(node) ? undefined : keyIn(field, scope, depth + 1, slots);
      // Angular's `environment.apiKey` from an environment file git does not hold (ignored, each
      // developer writes their own: learn-by-do-ing/angular-ai-gemini-masterclass-1, batch 37):
      // the build compiles that file into the bundle, key and all.
      return unresolvedEnvironmentFile(node.object, scope) ? {} : undefined;
    }
    default:
      return envReadIn(node, scope);
  }
}

/**
 * `Constants.expoConfig?.extra?.ANTHROPIC_API_KEY` (also the older `Constants.manifest.extra` and
 * `Constants.manifest2.extra.expoClient.extra`), with `Constants` from expo-constants: app.config's
 * `extra`, which Expo writes into the app's manifest (shivanagendrak/AquaChat, batch 61).
 */
function isExpoExtra(node: TSESTree.MemberExpression, scope: Scope): boolean {
  const names: string[] = [];
  let current: Node = node.object;
  for (let i = 0; i < 6 && current.type === "MemberExpression"; i++) {
    if (current.computed || current.property.type !== "Identifier") return false;
    names.unshift(current.property.name);
    current = current.object;
  }
  if (current.type !== "Identifier" || scope.imports.get(current.name) !== "expo-constants") return false;
  return /^(?:expoConfig|manifest2?)$/.test(names[0] ?? "") && names[names.length - 1] === "extra";
}

/** Methods that return the same key, tidied. */
const TIDY = new Set(["trim", "trimStart", "trimEnd", "toString"]);

/**
 * `useRuntimeConfig().public`, or `config.public` with `const config = useRuntimeConfig()` (Nuxt),
 * and the same config as the Options API and plugins reach it: `this.$config.public`,
 * `useNuxtApp().$config.public`, `$config.public`.
 */
function isPublicRuntimeConfig(node: Node, scope: Scope): boolean {
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier" || node.property.name !== "public") return false;
  const config = node.object.type === "Identifier" ? (scope.consts.get(node.object.name) ?? node.object) : node.object;
  if (config.type === "Identifier") return config.name === "$config";
  if (config.type === "MemberExpression" && !config.computed && config.property.type === "Identifier" && config.property.name === "$config") return true;
  return config.type === "CallExpression" && config.callee.type === "Identifier" && config.callee.name === "useRuntimeConfig";
}

/**
 * The env reads a credential is made of (`\`Bearer ${process.env.OPENAI_API_KEY ?? ""}\``), if it
 * is made of them: ./index then drops the call when the framework keeps every one out of the bundle.
 */
/** Whether `node` holds the developer's own key: an env read, a literal key, or a const or call returning one. */
export function isDevelopersKey(node: Node, scope: Scope): boolean {
  return keyIn(node, scope) !== undefined;
}

export function credentialEnvReads(node: Node, scope: Scope): EnvRead[] | undefined {
  const key = keyIn(node, scope);
  return key && readsOf(key);
}

/** The env reads of a key and its fallbacks; undefined when any is not an env read (a literal ships as written). */
function readsOf(key: Key): EnvRead[] | undefined {
  const reads: EnvRead[] = [];
  for (let link: Key | undefined = key; link; link = link.orElse) {
    if (!link.read) return undefined;
    reads.push(link.read);
  }
  return reads;
}

function envReadIn(node: Node, scope: Scope): Key | undefined {
  const read = scope.reads.find((candidate) => candidate.node.range[0] >= node.range[0] && candidate.node.range[1] <= node.range[1]);
  return read ? { envName: read.name, read } : undefined;
}

/** A literal key, or with `slots` a placeholder where the developer is to write one. */
function literalKey(value: string, slots: boolean): Key | undefined {
  if (looksLikeLiteralKey(value)) return {};
  return slots && isKeySlot(value) ? { placeholder: true } : undefined;
}

/**
 * A placeholder that asks for the developer's key: `"<YOUR-GEMINI_API_KEY>"`, `"YOUR_API_KEY"`,
 * `"your-openai-key-here"`, `"TBD"`, `"REPLACE_ME"`, the key's name (`"OPENAI_API_KEY"`), and OpenRouter's documented `"${API_KEY_REF}"`
 * (a quoted string, not a template: danodoms/Melo-Lens, batch 139). A `${…}` placeholder is in
 * capitals only: a quoted `"${apiKey}"` is a template written with the wrong quotes, whose key the
 * code meant to send. Not the stand-ins local servers and proxies take (`"ollama"`, `"dummy"`,
 * `"EMPTY"`, `"not-needed"`, `"sk-no-key-required"`), nor `""`.
 */
function isKeySlot(value: string): boolean {
  const text = value.trim();
  if (text.length === 0 || text.length > 80) return false;
  if (/^(?:<[^<>]{1,60}>|\[[^[\]]{1,60}\]|\{\{?[^{}]{1,60}\}?\}|\$\{[A-Z][A-Z0-9_]{0,59}\})$/.test(text) && /key|token|secret/i.test(text)) return true;
  if (/\byour|your[\s_-]/i.test(text) && /key|token|secret/i.test(text)) return true;
  // The key's own name where the key goes: `new GoogleGenerativeAI("Gemini_API_key")` (1nup-AM/gemini-clone, batch 183).
  if (/^(?:[a-z][a-z0-9]*[_-])*api[_-]?key$/i.test(text)) return true;
  return /^(?:tbd|todo|changeme|change[_-]me|replace[_-]?me|(?:insert|enter|paste|put)[\s_-].{0,30}(?:key|token)[\s_-]?here|(?:api[\s_-]?)?key[\s_-]?here|x{4,})$/i.test(text);
}

/** A literal that could be a key: one word, long enough, not a placeholder. */
function looksLikeLiteralKey(value: string): boolean {
  const bare = value.replace(/^(?:Bearer|Token|Key|Basic)\s+/i, "");
  // Also not a local server's stand-in: llama.cpp's documented `"sk-no-key-required"`, `"not-needed"`, `"dummy-key"`.
  return bare.length >= 16 && !/\s/.test(bare) && !/your|xxx|placeholder|example|no-?key|not-?needed|dummy|<|\.\.\.|…/i.test(bare);
}

function propertyName(property: ObjectProperty): string | undefined {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "Literal" && typeof property.key.value === "string") return property.key.value;
  return undefined;
}

function properties(object: TSESTree.ObjectExpression): ObjectProperty[] {
  return object.properties.filter((property): property is ObjectProperty => property.type === "Property");
}

/** The options object: an object literal, or a const holding one. */
function objectOf(node: Node | undefined, scope: Scope): TSESTree.ObjectExpression | undefined {
  if (node?.type === "ObjectExpression") return node;
  if (node?.type === "Identifier") {
    const init = scope.consts.get(node.name);
    return init?.type === "ObjectExpression" ? init : undefined;
  }
  return undefined;
}

/** A credential in SDK options: `apiKey`, `openAIApiKey`, `token`, `credentials: { secretAccessKey }`, or an auth header. */
function credentialInOptions(options: TSESTree.ObjectExpression, scope: Scope, depth = 0): Key | undefined {
  for (const property of properties(options)) {
    const name = propertyName(property);
    if (!name) continue;
    if (name === "headers") {
      const header = authHeaderIn(property.value, scope);
      if (header) return header.key;
      continue;
    }
    const nested = objectOf(property.value, scope);
    if (nested && depth < 1 && /credential|auth/i.test(name)) {
      const found = credentialInOptions(nested, scope, depth + 1);
      if (found) return found;
      continue;
    }
    if (!looksLikeCredentialName(nameWords(name)) || /id$|url$|uri$|endpoint$/i.test(name)) continue;
    const found = keyIn(property.value, scope);
    if (found) return found;
  }
  return undefined;
}

/** A provider SDK client built with a key: `createOpenAI({ apiKey })`, `new GoogleGenerativeAI(key)`. */
export function browserSdkClient(node: TSESTree.CallExpression | TSESTree.NewExpression, scope: Scope): BrowserKeyCall | undefined {
  const provider = sdkProviderOf(node.callee, scope);
  if (!provider) return undefined;
  const options = objectOf(node.arguments[0], scope) ?? objectOf(node.arguments[1], scope);
  let key = options ? credentialInOptions(options, scope) : undefined;
  // A key passed first (`new GoogleGenerativeAI(key)`), also a const the app's own module exports
  // (`new InferenceClient(HF_ACCESS_TOKEN)`: BuggyOpenSouce/Buggy-AI, batch 105). Calls are left
  // out: `openai("gpt-4o")` names a model.
  if (!key && node.type === "NewExpression" && node.arguments[0] && node.arguments[0].type !== "ObjectExpression") key = keyIn(node.arguments[0], scope);
  // TanStack AI's adapter factories take the model first and the key second: `createOpenaiChat("gpt-4o", key)`.
  if (!key && node.type === "CallExpression" && node.arguments[1] && node.arguments[1].type !== "ObjectExpression" && tanstackAdapter(node.callee, scope)) key = keyIn(node.arguments[1], scope);
  const viaBaseUrl = options ? providerOfBaseUrl(options) : undefined;
  if (!key) {
    // A client whose key is a placeholder in the app's own source (an environment file's
    // `'<YOUR-GEMINI_API_KEY>'`, a const `'TBD'`): the app is written to ship the key put there
    // (christiansc96/ionic-gemini, batch 49, and three earlier DOUBT labels). Not one pointed at
    // another base URL (a proxy or a local server, whose stand-in keys are no one's).
    if (options && !viaBaseUrl && hasBaseUrl(options)) return undefined;
    const slot = keySlotIn(node, options, scope);
    return slot ? { messageId: "browserSdkClientKeySlot", node, data: { provider: (viaBaseUrl ?? provider).name } } : undefined;
  }
  return { messageId: "browserSdkClient", node, data: { provider: (viaBaseUrl ?? provider).name }, keyReads: readsOf(key) };
}

/** A name imported from one of TanStack AI's adapter packages (`@tanstack/ai-openai`, `@tanstack/ai-gemini`…). */
function tanstackAdapter(callee: Node, scope: Scope): boolean {
  return callee.type === "Identifier" && scope.imports.get(callee.name)?.startsWith("@tanstack/ai-") === true;
}

/** The placeholder key a client is given, in its options or as its first argument. */
function keySlotIn(node: TSESTree.CallExpression | TSESTree.NewExpression, options: TSESTree.ObjectExpression | undefined, scope: Scope): boolean {
  if (options) {
    for (const property of properties(options)) {
      const name = propertyName(property);
      if (!name || !looksLikeCredentialName(nameWords(name)) || /id$|url$|uri$|endpoint$/i.test(name)) continue;
      if (keyIn(property.value, scope, 0, true)?.placeholder) return true;
    }
    return false;
  }
  const first = node.arguments[0];
  return node.type === "NewExpression" && first !== undefined && first.type !== "SpreadElement" && keyIn(first, scope, 0, true)?.placeholder === true;
}

/** Options that set a base URL (`baseURL`, `baseUrl`, `basePath`), whatever it is. */
function hasBaseUrl(options: TSESTree.ObjectExpression): boolean {
  return properties(options).some((property) => /^base(?:url|path)$/i.test(propertyName(property) ?? ""));
}

function sdkProviderOf(callee: Node, scope: Scope): Provider | undefined {
  let name: string | undefined;
  if (callee.type === "Identifier") name = callee.name;
  else if (callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.property.type === "Identifier") {
    // `new genai.GoogleGenAI({...})` through a namespace import.
    const pkg = scope.imports.get(callee.object.name);
    return pkg ? providerForSdk(pkg) : undefined;
  }
  if (!name) return undefined;
  const pkg = scope.imports.get(name);
  if (pkg !== undefined) return providerForSdk(pkg) ?? (servesManyProviders(pkg) ? index().constructors.get(name) : undefined);
  return index().constructors.get(name);
}


function providerOfBaseUrl(options: TSESTree.ObjectExpression): Provider | undefined {
  for (const property of properties(options)) {
    const name = propertyName(property);
    if (name !== "baseURL" && name !== "baseUrl" && name !== "endpoint") continue;
    if (property.value.type === "Literal" && typeof property.value.value === "string") return providerForHost(property.value.value);
  }
  return undefined;
}

/**
 * An auth header carrying a key: the header object of a request or client config, a const, or
 * `new Headers({...})`. Returns the header, the key, and the provider it belongs to (by the env
 * name of the key, or by a header only one provider uses).
 */
export function authHeaderIn(
  headers: Node | undefined,
  scope: Scope,
): { header: string; key: Key; provider?: Provider } | undefined {
  let object = objectOf(headers, scope);
  if (!object && headers?.type === "NewExpression" && headers.arguments[0]) object = objectOf(headers.arguments[0], scope);
  // Set after the object was made: `headers.Authorization = \`Bearer ${getApiKey()}\`` (HiImKing1509's Mistral playground, batch 113).
  const later = headers?.type === "Identifier" ? (scope.headerSets?.get(headerObjectKey(headers.name, headers)) ?? []) : [];
  if (!object && later.length === 0) return undefined;
  const entries: HeaderSet[] = [...(object ? properties(object).flatMap((property) => { const name = propertyName(property); return name ? [{ name, value: property.value }] : []; }) : []), ...later];
  const known = index().headers;
  for (const { name, value } of entries) {
    const header = name.toLowerCase();
    if (!known.has(header)) continue;
    const key = keyIn(value, scope);
    if (!key) continue;
    // Every Google API takes `X-Goog-Api-Key`: a Maps Platform key sent there is that API's, not Gemini's
    // (KumarWayadande/ai-travel-planner's Places call, batch 191).
    if (key.envName && isMapsPlatformKeyName(key.envName)) continue;
    const byName = key.envName && isSecretEnvName(key.envName) ? providerForEnvName(key.envName) : undefined;
    return { header: name, key, provider: byName ?? known.get(header) };
  }
  return undefined;
}

/** A header a request may carry a key in: `Authorization`, `x-api-key`, a provider's own (`xi-api-key`). */
export function isKeyHeader(name: string): boolean {
  return index().headers.has(name.toLowerCase());
}

/**
 * An HTTP client instance or request that sends a provider's key, whatever its URL:
 * `axios.create({ headers })`, `ky.create/extend({ headers })`, `fetch(url, { headers })`,
 * `axios.post(url, body, { headers })`. Only keys that a provider claims are reported.
 */
export function browserAuthHeader(node: TSESTree.CallExpression, configs: readonly Node[], scope: Scope): BrowserKeyCall | undefined {
  for (const config of configs) {
    const object = objectOf(config, scope);
    if (!object) continue;
    const headersProperty = properties(object).find((property) => propertyName(property) === "headers");
    const found = headersProperty ? authHeaderIn(headersProperty.value, scope) : undefined;
    if (found?.provider) return { messageId: "browserAuthHeader", node, data: { provider: found.provider.name, header: found.header }, keyReads: readsOf(found.key) };
  }
  return undefined;
}

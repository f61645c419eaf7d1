/**
 * A key the user typed is theirs to send: bring-your-own-key apps and browser extensions (the
 * key entered in an options page, kept in `chrome.storage`) call the provider with it, and that
 * leaks nothing of the developer's. Such a value is made only of the enclosing functions'
 * parameters (`.then(({ apiKey }) => fetch(…))`) or a Svelte component's props, of what the code read from browser storage
 * (`chrome.storage.sync.get`, `localStorage.getItem`, the app's own `getSettings(…)` or `getLocalApiKey()`) and of form
 * state; a literal, an env read, a module const or `this.apiKey` is the developer's key.
 */
import type { TSESTree } from "../ast";
import { functionReturns, isFunction } from "../function-returns";
import { binds, parameterAround } from "../patterns";
import { looksLikeCredentialName, nameWords } from "../providers/names";
import { walk } from "./walk";

type Node = TSESTree.Node;

const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
/**
 * `chrome.storage.sync.get(…)`, `browser.storage.local.get`, `localStorage.getItem(…)`; on a phone
 * React Native's `AsyncStorage.getItem`, Expo's `SecureStore.getItemAsync` (or `getItem`) and
 * Capacitor's `Preferences.get`; a userscript's `GM_getValue` / `GM.getValue`: what the app saved
 * on the user's device, which the user typed (a bring-your-own-key assistant's settings screen).
 * Also the app's own wrapper of one, named `storage` (`storage.get("apikey")` over localStorage:
 * onlyzdd/chatgpt-tauri's settings store, batch 199).
 */
const STORAGE_READ = /(?:^|\.)(?:storage\.(?:(?:sync|local|session|managed)\.)?get(?:Item)?|(?:local|session)Storage\.getItem|AsyncStorage\.getItem|SecureStore\.getItem(?:Async)?|Preferences\.get|GM_getValue|GM\.getValue)$/;
/** The app's own reader of what the user saved: `getSettings(storage)`, `loadOptions()`. */
const SETTINGS_READ = /(?:^|\.)(?:get|load|read)(?:User|Saved|Stored)?(?:Settings|Options|Preferences|Prefs|Config|Storage)$/;
/** The app's own reader of the key the user saved: `getLocalApiKey()` (dqnamo/chaterface, batch 84), `loadStoredKey()`. */
const SAVED_KEY_READ = /(?:^|\.)(?:get|load|read)(?:Local|Stored|Saved|User)(?:Api)?Key$/;
/** A field of the page, whose value the user types: `document.getElementById("api-key")`. */
const PAGE_FIELD = /^document\.(?:getElementById|querySelector)$/;
const TRIM = new Set(["trim", "trimStart", "trimEnd"]);
/** The globals that escape a value for a URL. */
const URL_ESCAPES = new Set(["encodeURIComponent", "encodeURI"]);
/** React's and Vue's state holders, whose first argument is the first value. */
const STATE = /^(?:React\.)?(?:useState|ref|shallowRef)$/;
/**
 * State kept in browser storage, whose first argument is the storage slot and the second the
 * first value: usehooks-ts' `const [apiKey] = useLocalStorage("key", "")`, VueUse's `const apiKey =
 * useStorage("api-key", "")` (a ref: `apiKey.value`), svelte-persisted-store's `persisted("key", "")`.
 */
const STORED_STATE = /^(?:useLocalStorage|useSessionStorage|useStorage|useStorageAsync|persisted)$/;

/** What the file imports from the app's own modules, for a key read through them. */
export interface AppModules {
  /**
   * The store a hook makes (`useSettings` → its `create(…)` call), when the hook is a zustand store
   * of this file or of the app's module it is imported from; undefined for any other name.
   */
  storeOf(hook: string): Node | undefined;
  /**
   * The value an imported name stands for, in the app's module it comes from: a function (`getApiKey` of
   * `./storage`) or a const's initializer (a Pinia store's `defineStore(…)` call).
   */
  functionOf(name: string): Node | undefined;
}

/** Every value `node` is made of is the user's: a parameter, or read from browser storage. */
export function isUserSupplied(node: Node, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules, depth = 0): boolean {
  let names = 0;
  let developers = false;
  walk(node, (child, key) => {
    if (developers) return false;
    if (child.type === "Literal" || child.type === "TemplateElement") return false; // "Bearer ", a URL part
    if (child.type === "ThisExpression" || child.type === "MetaProperty") developers = true;
    // Also a read of what the user saved, written into the header: `` `Bearer ${localStorage.getItem("apiKey")}` ``
    // (MoPaMo/vera-ai's Assistants calls, batch 200).
    if (child.type === "CallExpression" && (readsFormData(child, declarators) || readsStorage(child, declarators))) {
      names++;
      return false;
    }
    if (child.type === "MemberExpression") {
      // `settings.apiKey`: the object decides; its property is no variable.
      names++;
      if (isTyped(child, declarators) || isFieldFilledAtRunTime(child, declarators) || isClassFieldFilledAtRunTime(child, declarators) || readsPiniaStore(child, declarators, modules)) return false;
      const root = rootOf(child);
      if (root?.type !== "Identifier" || !usersName(root, declarators, depth, modules)) developers = true;
      return false;
    }
    // `encodeURIComponent(apiKey)`: the same value, escaped for a URL; the function is no value of its own.
    if (child.type === "Identifier" && key === "callee" && URL_ESCAPES.has(child.name)) return false;
    if (child.type === "Identifier" && key !== "property") {
      names++;
      if (!usersName(child, declarators, depth, modules)) developers = true;
    }
    return undefined;
  });
  return names > 0 && !developers;
}

/**
 * `node` is made of names the file never binds (no declaration, import or parameter), with no
 * member, call or `this`: `` `Bearer ${API_TOKEN}` `` after `const API_TOKEN = …` was commented
 * out. Such a value sends no key (it throws). A name shaped like a bundler's define (`__KEY__`) is
 * the exception: the build writes the value in.
 */
export function namesNothingBound(node: Node, declarators: readonly TSESTree.VariableDeclarator[], imported: (name: string) => boolean): boolean {
  let names = 0;
  let other = false;
  walk(node, (child, key) => {
    if (other) return false;
    if (child.type === "Literal" || child.type === "TemplateElement") return false;
    if (child.type === "TemplateLiteral" || child.type === "BinaryExpression") return undefined;
    if (child.type !== "Identifier" || key === "property") {
      other = true;
      return false;
    }
    names++;
    // `__OPENAI_KEY__`: the shape of a bundler's define (Vite `define`, webpack DefinePlugin), a value the build writes in.
    const defined = /^__\w+__$/.test(child.name);
    if (defined || imported(child.name) || usersName(child, []) || declarators.some((declarator) => binds(declarator.id, child.name))) other = true;
    return false;
  });
  return names > 0 && !other;
}

function rootOf(node: Node): Node | undefined {
  let current: Node = node;
  for (;;) {
    if (current.type === "MemberExpression") current = current.object;
    else if (isCopy(current)) current = current.arguments[0] as Node;
    else return current;
  }
}

/**
 * `structuredClone(saved)`: a copy holds what the original holds (warren30815/hey-chatgpt-explain-this
 * reads its key as `structuredClone(keyObj).openaiKey` after `const keyObj = await chrome.storage.session.get(…)`, batch 113).
 */
function isCopy(node: Node): node is TSESTree.CallExpression {
  return node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "structuredClone" && node.arguments.length >= 1 && node.arguments[0].type !== "SpreadElement";
}

function usersName(id: TSESTree.Identifier, declarators: readonly TSESTree.VariableDeclarator[], depth = 0, modules?: AppModules): boolean {
  if (isParameter(id)) return true;
  return declarators.some(
    (declarator) =>
      binds(declarator.id, id.name) &&
      (declarator.init !== null && !isEmpty(declarator.init)
        ? readsStorage(declarator.init, declarators) ||
          isPageField(declarator.init, declarators) ||
          isSvelteProps(declarator.init) ||
          partOfUsers(declarator.init, declarators, depth, modules) ||
          // `options.apiKey || settings.apiKey`: the caller's key, else the one the user saved
          // (kilimro/nuxt3-chatgpt-web's createChatCompletion, batch 258): every part of it is the user's.
          (declarator.init.type === "LogicalExpression" && depth < 2 && !writesFallback(declarator.init) && isUserSupplied(declarator.init, declarators, modules, depth + 1)) ||
          callsStorageGetter(declarator.init, declarators, modules) ||
          readsPiniaStore(declarator.init, declarators, modules) ||
          destructuresPiniaStore(declarator, id.name, declarators, modules) ||
          (modules !== undefined && storeFieldStartsEmpty(declarator, id.name, declarators, modules))
        : assignedFromStorage(declarator, id.name, declarators, modules, depth)),
  );
}

/**
 * `const { groqApiKey } = useGlobalStore()` or `const groqApiKey = useGlobalStore((state) =>
 * state.groqApiKey)`, where the hook is a zustand store whose field starts empty (`groqApiKey: ""`,
 * set only by its setter from the app's settings dialog): what the user typed, kept in the app's
 * store (julie-ai-expo's ApiKeysDialog, batch 97). A field that starts from an env read or a
 * literal is the developer's key.
 */
function storeFieldStartsEmpty(declarator: TSESTree.VariableDeclarator, name: string, declarators: readonly TSESTree.VariableDeclarator[], modules: AppModules): boolean {
  const call = declarator.init;
  if (call?.type !== "CallExpression" || call.callee.type !== "Identifier") return false;
  const field = storeFieldRead(declarator.id, name, call);
  const state = field === undefined ? undefined : zustandState(modules.storeOf(call.callee.name));
  const property = state?.properties.find((candidate) => candidate.type === "Property" && !candidate.computed && propertyName(candidate.key) === field);
  return property?.type === "Property" && startsAsUsers(property.value, declarators);
}

/** A store field's first value that holds no key of the developer's: empty, `undefined`, or read from storage (also typed: `"" as string`). */
function startsAsUsers(start: Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  let value = start;
  while (value.type === "TSAsExpression" || value.type === "TSSatisfiesExpression") value = value.expression;
  return isEmpty(value) || (value.type === "Identifier" && value.name === "undefined") || readsStorage(value, declarators);
}

/** The store field `name` is read from: `{ field: name }` / `{ name }` of the hook's result, or the selector's `state.field`. */
function storeFieldRead(id: TSESTree.VariableDeclarator["id"], name: string, call: TSESTree.CallExpression): string | undefined {
  if (id.type === "ObjectPattern" && call.arguments.length === 0) {
    for (const property of id.properties) {
      if (property.type === "Property" && !property.computed && binds(property.value, name)) return propertyName(property.key);
    }
    return undefined;
  }
  const [selector] = call.arguments;
  if (id.type !== "Identifier" || (selector?.type !== "ArrowFunctionExpression" && selector?.type !== "FunctionExpression") || selector.params[0]?.type !== "Identifier") return undefined;
  const state = selector.params[0].name;
  const [read] = functionReturns(selector.body);
  return read?.type === "MemberExpression" && !read.computed && read.object.type === "Identifier" && read.object.name === state && read.property.type === "Identifier" ? read.property.name : undefined;
}

/**
 * The first state of a zustand store: the object its creator returns, in `create((set) => ({…}))`,
 * `create<State>()((set) => ({…}))`, through middleware (`persist(creator, options)`, `devtools`,
 * `immer`, `subscribeWithSelector`), or `combine(state, creator)`'s first argument.
 */
function zustandState(store: Node | undefined): TSESTree.ObjectExpression | undefined {
  if (store?.type !== "CallExpression") return undefined;
  const isCreate = (callee: Node) => callee.type === "Identifier" && (callee.name === "create" || callee.name === "createStore");
  const curried = store.callee.type === "CallExpression" && store.callee.arguments.length === 0 && isCreate(store.callee.callee);
  if (!curried && !isCreate(store.callee)) return undefined;
  let creator: Node | undefined = store.arguments[0];
  for (let depth = 0; depth < 4 && creator?.type === "CallExpression"; depth++) {
    const first: Node | undefined = creator.arguments[0];
    if (creator.callee.type === "Identifier" && creator.callee.name === "combine") return first?.type === "ObjectExpression" ? first : undefined;
    creator = first;
  }
  if (creator?.type !== "ArrowFunctionExpression" && creator?.type !== "FunctionExpression") return undefined;
  const returned = functionReturns(creator.body);
  return returned.length === 1 && returned[0].type === "ObjectExpression" ? returned[0] : undefined;
}

function propertyName(key: Node): string | undefined {
  return key.type === "Identifier" ? key.name : key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
}

/**
 * `useSettings().apiKey`, `useSettings().getApiKey` (a getter that returns `state.apiKey`) or `settings.apiKey`
 * after `const settings = useSettings()`, where `useSettings` is a Pinia store (of this file or of the app's
 * module it is imported from) whose field starts empty or from storage and that no assignment in the store fills
 * with a string written in or an env read: the key the user typed into the app's settings (kodakjerec/chatgpt-vue's
 * `apiKey = storeSettings().getApiKey`, the field filled by its `setApiKey` action from the settings page, batch 134).
 */
function readsPiniaStore(node: Node, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules): boolean {
  const read = withoutTrim(node);
  if (read.type !== "MemberExpression" || read.computed || read.property.type !== "Identifier") return false;
  return piniaFieldIsUsers(read.object, read.property.name, declarators, modules);
}

/** `const { apiKey } = useSettings()`, or `= storeToRefs(useSettings())` read as `apiKey.value`: a Pinia store's field, as above. */
function destructuresPiniaStore(declarator: TSESTree.VariableDeclarator, name: string, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules): boolean {
  const init = declarator.init;
  if (declarator.id.type !== "ObjectPattern" || init?.type !== "CallExpression") return false;
  const refs = init.callee.type === "Identifier" && init.callee.name === "storeToRefs" && init.arguments.length === 1;
  const store = refs ? (init.arguments[0] as Node) : init;
  const property = declarator.id.properties.find((candidate) => candidate.type === "Property" && !candidate.computed && binds(candidate.value, name));
  const field = property?.type === "Property" ? propertyName(property.key) : undefined;
  return field !== undefined && piniaFieldIsUsers(store, field, declarators, modules);
}

/** `name` of the Pinia store `object` is (`useSettings()`, or a name given it) is a state field, or a getter of one, that is the user's. */
function piniaFieldIsUsers(object: Node, name: string, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules): boolean {
  const store = piniaStoreOf(object, declarators, modules);
  if (!store) return false;
  const own = moduleDeclarators(store);
  // `defineStore("settings", { state, getters, actions })`, `defineStore({ id, state, … })` or a setup store, `defineStore("settings", () => {…})`.
  const [first, second] = store.arguments;
  const definition = first?.type === "ObjectExpression" ? first : second;
  if (definition?.type === "ObjectExpression") return optionsFieldIsUsers(definition, name, own);
  return isFunction(definition) && setupFieldIsUsers(definition, name, own);
}

/** The `defineStore(…)` call behind `useSettings()` (or a name holding it), when `defineStore` is imported from "pinia". */
function piniaStoreOf(object: Node, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules): TSESTree.CallExpression | undefined {
  const held = (name: string) => declarators.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === name)?.init ?? undefined;
  const call = object.type === "Identifier" ? held(object.name) : object;
  // `useSettings()`, or `useSettings(pinia)` outside a component.
  if (call?.type !== "CallExpression" || call.callee.type !== "Identifier" || call.arguments.length > 1) return undefined;
  const store = held(call.callee.name) ?? modules?.functionOf(call.callee.name);
  return store?.type === "CallExpression" && store.callee.type === "Identifier" && importsFromPinia(store, store.callee.name, "defineStore") ? store : undefined;
}

/** The module `node` is in imports `name` from "pinia" as `local`. */
function importsFromPinia(node: Node, local: string, name: string): boolean {
  const program = programOf(node);
  return !!program?.body.some(
    (statement) =>
      statement.type === "ImportDeclaration" &&
      statement.source.value === "pinia" &&
      statement.specifiers.some((specifier) => specifier.type === "ImportSpecifier" && specifier.local.name === local && propertyName(specifier.imported) === name),
  );
}

/**
 * An options store's field `name`, or the field its getter `name` returns (`getApiKey(state) { return state.apiKey }`,
 * `getApiKey() { return this.apiKey }`): it starts empty or from storage in `state`, and no action sets it to the developer's value.
 */
function optionsFieldIsUsers(options: TSESTree.ObjectExpression, name: string, own: readonly TSESTree.VariableDeclarator[]): boolean {
  const creator = propertyValue(options, "state");
  const returned = isFunction(creator) ? functionReturns(creator.body) : [];
  const state = returned.length === 1 && returned[0].type === "ObjectExpression" ? returned[0] : undefined;
  if (!state) return false;
  const field = propertyValue(state, name) ? name : getterField(options, name);
  const start = field === undefined ? undefined : propertyValue(state, field);
  if (!start || !startsAsUsers(start, own)) return false;
  // `this.apiKey = …`, `state.apiKey = …`: what the store's actions put in the field.
  return !setsDevelopersValue(options, (target) => !target.computed && target.property.type === "Identifier" && target.property.name === field, own);
}

/** The state field a getter returns as it is: `state.apiKey` of its first parameter, or `this.apiKey`. */
function getterField(options: TSESTree.ObjectExpression, name: string): string | undefined {
  const getters = propertyValue(options, "getters");
  const getter = getters?.type === "ObjectExpression" ? propertyValue(getters, name) : undefined;
  if (!isFunction(getter)) return undefined;
  const returned = functionReturns(getter.body);
  const read = returned.length === 1 ? returned[0] : undefined;
  if (read?.type !== "MemberExpression" || read.computed || read.property.type !== "Identifier") return undefined;
  const state = getter.params[0]?.type === "Identifier" ? getter.params[0].name : undefined;
  return read.object.type === "ThisExpression" || (read.object.type === "Identifier" && read.object.name === state) ? read.property.name : undefined;
}

/**
 * A setup store's field `name`: the ref it returns starts empty or from storage (`const apiKey = ref("")`,
 * VueUse's `useStorage("key", "")`), also through a getter (`computed(() => apiKey.value)`), and no assignment
 * in the store sets `apiKey.value` to the developer's value.
 */
function setupFieldIsUsers(setup: TSESTree.FunctionLike, name: string, own: readonly TSESTree.VariableDeclarator[]): boolean {
  if (!setup.body) return false;
  const returned = functionReturns(setup.body);
  const value = returned.length === 1 && returned[0].type === "ObjectExpression" ? propertyValue(returned[0], name) : undefined;
  if (value?.type !== "Identifier") return false;
  const local = (id: string) => own.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === id && setup.range[0] <= candidate.range[0] && candidate.range[1] <= setup.range[1])?.init ?? undefined;
  let holder = value.name;
  const computed = computedRef(local(holder));
  if (computed !== undefined) holder = computed;
  const init = local(holder);
  if (!init || !readsStorage(init, own)) return false;
  return !setsDevelopersValue(setup, (target) => target.object.type === "Identifier" && target.object.name === holder && !target.computed && target.property.type === "Identifier" && target.property.name === "value", own);
}

/** The ref `computed(() => apiKey.value)` hands on as it is: `apiKey`. */
function computedRef(init: Node | undefined): string | undefined {
  if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "computed" || !isFunction(init.arguments[0])) return undefined;
  const returned = functionReturns(init.arguments[0].body);
  const read = returned.length === 1 ? returned[0] : undefined;
  const ref = read?.type === "MemberExpression" && !read.computed && read.property.type === "Identifier" && read.property.name === "value" ? read.object : read;
  return ref?.type === "Identifier" ? ref.name : undefined;
}

/** An assignment under `root` to a member `isField` accepts gives it a string written in or an env read. */
function setsDevelopersValue(root: Node, isField: (target: TSESTree.MemberExpression) => boolean, own: readonly TSESTree.VariableDeclarator[]): boolean {
  let developers = false;
  walk(root, (node) => {
    if (developers) return false;
    if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression" && isField(node.left)) developers = holdsDevelopersValue(node.right, own);
    return undefined;
  });
  return developers;
}

/** The value of an object literal's property `name` (`state: () => ({…})`, `getApiKey(state) {…}`). */
function propertyValue(object: TSESTree.ObjectExpression, name: string): Node | undefined {
  for (const property of object.properties) if (property.type === "Property" && !property.computed && propertyName(property.key) === name) return property.value;
  return undefined;
}

function programOf(node: Node): TSESTree.Program | undefined {
  let program: Node | undefined = node;
  while (program && program.type !== "Program") program = program.parent;
  return program?.type === "Program" ? program : undefined;
}

/** Every declarator of the module `node` is in (a store's module: its consts a value may be read through). */
const declaratorsByModule = new WeakMap<TSESTree.Program, TSESTree.VariableDeclarator[]>();
function moduleDeclarators(node: Node): readonly TSESTree.VariableDeclarator[] {
  const program = programOf(node);
  if (!program) return [];
  let found = declaratorsByModule.get(program);
  if (!found) {
    const declarators: TSESTree.VariableDeclarator[] = [];
    walk(program, (child) => void (child.type === "VariableDeclarator" && declarators.push(child)));
    declaratorsByModule.set(program, (found = declarators));
  }
  return found;
}

/** A top-level `function name() {…}` of the module `node` is in. */
function declaredFunction(node: Node, name: string): TSESTree.FunctionDeclaration | undefined {
  const program = programOf(node);
  for (const statement of program?.body ?? []) {
    const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
    if (declaration.type === "FunctionDeclaration" && declaration.id?.name === name) return declaration;
  }
  return undefined;
}

/**
 * `id` names a parameter of a function around it: what the caller passes. A promise callback's
 * parameter is what the promise resolved to instead: the user's only when it was read from
 * browser storage or the app's settings (`chrome.storage.sync.get("key").then(({ apiKey }) => …)`),
 * not a server's answer (`fetch("/.netlify/functions/getOpenAiApiKey").then((r) => r.json()).then((data) => …)`:
 * eriknewland/codepen-gpt's server key, sent on from the browser).
 */
function isParameter(id: TSESTree.Identifier): boolean {
  for (let node: Node | undefined = id.parent; node; node = node.parent) {
    if (!FUNCTIONS.has(node.type) || !(node as TSESTree.FunctionLike).params.some((param) => binds(param, id.name))) continue;
    const promise = thenReceiver(node);
    return promise === undefined || readsUsersStore(promise);
  }
  return false;
}

/** The promise a function is the `.then(…)` callback of, if it is one. */
function thenReceiver(fn: Node): Node | undefined {
  const call = fn.parent;
  if (call?.type !== "CallExpression" || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const callee = call.callee;
  return callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && callee.property.name === "then" ? callee.object : undefined;
}

/** A promise chain that starts at a browser-storage or settings read. */
function readsUsersStore(promise: Node): boolean {
  let current: Node = promise;
  while (current.type === "CallExpression" && current.callee.type === "MemberExpression" && !current.callee.computed && current.callee.property.type === "Identifier" && current.callee.property.name === "then") {
    current = current.callee.object;
  }
  if (current.type !== "CallExpression") return false;
  const name = dottedName(current.callee) ?? "";
  return STORAGE_READ.test(name) || SETTINGS_READ.test(name);
}

/**
 * A part of a value that is the user's: `const { baseURL, apiKey } = options` (or `=
 * options.provider`) with `options` a parameter (PeterBlenessy/ai-assistant-for-jira-desktop,
 * batch 47), `const apiKey = config.api[platform]?.apiKey` with `config` a settings form's state
 * (kimjeppesen/Samlino-ai-pressence's key test, batch 60).
 */
function partOfUsers(init: Node, declarators: readonly TSESTree.VariableDeclarator[], depth: number, modules?: AppModules): boolean {
  const root = rootOf(withoutTrim(init));
  if (root?.type !== "Identifier") return false;
  return isParameter(root) || (depth < 2 && usersName(root, declarators, depth + 1, modules));
}

/** `saved || "AIza…"`: a part of the chain written out (not empty) is a value of the developer's, not the user's. */
function writesFallback(chain: TSESTree.LogicalExpression): boolean {
  const parts: Node[] = [chain.left, chain.right];
  for (let part = parts.pop(); part; part = parts.pop()) {
    if (part.type === "LogicalExpression") parts.push(part.left, part.right);
    else if ((part.type === "Literal" && part.value !== "" && part.value !== null) || (part.type === "TemplateLiteral" && part.quasis.some((quasi) => quasi.value.cooked))) return true;
  }
  return false;
}

/**
 * `apiKey.trim()`, `apiKey?.trim()`, `String(apiKey)`, `encodeURIComponent(apiKey)`: the same value, tidied
 * (hassanzafarr/linkedin-x-ai-extension's `const cleanKey = apiKey.trim()`, batch 48) or escaped for a URL
 * (burak-sencan/opera-youtube-gemini-summarizer-extension's `const key = encodeURIComponent(apiKey)`, batch 257).
 */
function withoutTrim(node: Node): Node {
  let value = node;
  for (;;) {
    if (value.type === "ChainExpression" || value.type === "TSNonNullExpression" || value.type === "TSAsExpression") value = value.expression;
    else if (value.type === "CallExpression" && value.arguments.length === 0 && value.callee.type === "MemberExpression" && value.callee.property.type === "Identifier" && TRIM.has(value.callee.property.name)) value = value.callee.object;
    else if (value.type === "CallExpression" && value.arguments.length === 1 && value.callee.type === "Identifier" && (value.callee.name === "String" || URL_ESCAPES.has(value.callee.name)) && value.arguments[0].type !== "SpreadElement") value = value.arguments[0];
    else return value;
  }
}

/**
 * `let { apiKey } = $props()`: a Svelte 5 component's props, which its parent passes, as a React
 * component's are its function's parameter (niklas-xgh-dev/svelte-5-mvp, batch 41).
 */
function isSvelteProps(init: Node): boolean {
  let call: Node = init;
  while (call.type === "TSAsExpression" || call.type === "TSSatisfiesExpression") call = call.expression;
  return call.type === "CallExpression" && call.callee.type === "Identifier" && call.callee.name === "$props";
}

/**
 * `let apiKey = ""; … apiKey = await getApiKey();` where the getter reads browser storage
 * (`chrome.storage.local.get(["aiKey"], …)` inside: Laksh-01/laksh_sachdeva_submission, batch 39):
 * every value the empty variable is later given, in the function that declares it, is the user's:
 * also what a storage read's callback hands over (`chrome.storage.local.get(["key"]).then((result) => {
 * apiKey = result.key })`), what was typed into the page (`apiKey = apiKeyInput.value`), a caller's
 * value (a parameter) or nothing (`apiKey = ""`, the user cleared it): saadamirpk/openai-chrome-extension2's
 * popup, batch 107.
 */
function assignedFromStorage(declarator: TSESTree.VariableDeclarator, name: string, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules, depth = 0): boolean {
  let scope: Node | undefined = declarator.parent;
  while (scope && !FUNCTIONS.has(scope.type) && scope.type !== "Program") scope = scope.parent;
  if (!scope) return false;
  let assigned = 0;
  let users = true;
  walk(scope, (child) => {
    if (!users) return false;
    if (child.type !== "AssignmentExpression" || child.left.type !== "Identifier" || child.left.name !== name) return undefined;
    assigned++;
    const value = child.right;
    const given =
      isEmpty(value) ||
      readsStorage(value, declarators) ||
      callsStorageGetter(value, declarators, modules) ||
      asksTheUser(value) ||
      isTyped(value, declarators) ||
      readsPiniaStore(value, declarators, modules) ||
      // A parameter of the function that fills it (`function updateKeyStatus(key) { currentApiKey = key }`,
      // called with what storage or the form holds: mfarineau/Webpage-Summarizer, batch 113), or a part of one.
      ((value.type === "MemberExpression" || value.type === "Identifier") && partOfUsers(value, declarators, depth + 1, modules));
    if (!given) users = false;
    return undefined;
  });
  return assigned > 0 && users;
}

/** `prompt("Please enter your GROQ API key:")`: what the user types into the browser's dialog (kaissaradi/Chatbot, batch 72). */
function asksTheUser(value: Node): boolean {
  return value.type === "CallExpression" && /^(?:window\.)?prompt$/.test(dottedName(value.callee) ?? "");
}

/**
 * `await getApiKey()`, a function whose body reads browser storage: of this file (a const's or a
 * declaration), or of the app's module it is imported from (`import { getApiKey } from "./storage"`:
 * dvoranii/gemini-chrome-extension, batch 107).
 */
function callsStorageGetter(value: Node, declarators: readonly TSESTree.VariableDeclarator[], modules?: AppModules): boolean {
  let call: Node = value;
  while (call.type === "AwaitExpression") call = call.argument;
  if (call.type !== "CallExpression" || call.callee.type !== "Identifier") return false;
  const name = call.callee.name;
  const getter = declarators.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === name)?.init ?? declaredFunction(call, name) ?? modules?.functionOf(name);
  if (getter?.type !== "ArrowFunctionExpression" && getter?.type !== "FunctionExpression" && getter?.type !== "FunctionDeclaration") return false;
  // A getter that also reads the build's env (`localStorage.getItem("key") || import.meta.env.VITE_KEY`,
  // or a theme from storage and the key from env) may hand back the developer's key.
  let reads = false;
  let env = false;
  walk(getter.body, (child) => {
    if (env) return false;
    if (child.type === "CallExpression" && STORAGE_READ.test(dottedName(child.callee) ?? "")) reads = true;
    if (child.type === "MetaProperty" || (child.type === "MemberExpression" && child.object.type === "Identifier" && child.object.name === "process" && !child.computed && child.property.type === "Identifier" && child.property.name === "env")) env = true;
    return undefined;
  });
  return reads && !env;
}

/**
 * `formData.get("password")` after `const formData = new FormData(form)`, or `new FormData(form).get(…)`:
 * a field of a form the user submitted (fac30/chatgpt-clone, batch 52).
 */
function readsFormData(node: Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.property.type !== "Identifier" || node.callee.property.name !== "get") return false;
  const isFormData = (value: Node | null | undefined) => value?.type === "NewExpression" && value.callee.type === "Identifier" && value.callee.name === "FormData";
  const holder = node.callee.object;
  if (isFormData(holder)) return true;
  return holder.type === "Identifier" && declarators.some((declarator) => binds(declarator.id, holder.name) && isFormData(declarator.init));
}

/** `apiKeyInput.value.trim()`, `document.querySelector("#key").value`: what the user typed into the page. */
function isTyped(node: Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  const typed = withoutTrim(node);
  if (typed.type !== "MemberExpression" || typed.computed || typed.property.type !== "Identifier" || typed.property.name !== "value") return false;
  let field: Node = typed.object;
  while (field.type === "TSNonNullExpression" || field.type === "TSAsExpression") field = field.expression;
  return isPageField(field, declarators) || INPUT_NAME.test(dottedName(field) ?? "");
}

/**
 * An element named for an input (`DOM.apiKeyInput`, `keyField`, `els.apiKeyInput`): its `.value`
 * is what the user typed, whoever looked the element up (an object of elements filled in an init
 * function: HASHTECHVENTURES/platskill-CHATGPT-MODEL-, batch 87).
 */
const INPUT_NAME = /(?:Input|Field|TextBox|Textbox|TextArea|Textarea)$/;

/**
 * An input of the page: `document.getElementById("api-key")`, or a name holding one (`const
 * apiKeyInput = document.getElementById("api-key")`, kcbailey111.github.io, batch 36).
 */
function isPageField(node: Node, declarators: readonly TSESTree.VariableDeclarator[], depth = 0): boolean {
  let value: Node = node;
  while (value.type === "TSAsExpression" || value.type === "TSNonNullExpression") value = value.expression;
  if (value.type === "CallExpression") return PAGE_FIELD.test(dottedName(value.callee) ?? "");
  if (depth > 2) return false;
  // `fields.geminiApiKey` of `const fields = { geminiApiKey: document.getElementById("geminiApiKey"), … }`:
  // the page's inputs looked up once into an object (thaihai-swe/summarizer-extension's options page, batch 257).
  if (value.type === "MemberExpression" && !value.computed && value.property.type === "Identifier" && value.object.type === "Identifier") {
    const holder = value.object.name;
    const object = declarators.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === holder)?.init;
    const field = object?.type === "ObjectExpression" ? propertyValue(object, value.property.name) : undefined;
    return field ? isPageField(field, declarators, depth + 1) : false;
  }
  if (value.type !== "Identifier") return false;
  const declarator = declarators.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === value.name);
  return declarator?.init ? isPageField(declarator.init, declarators, depth + 1) : false;
}

/**
 * `const { apiKey } = await chrome.storage.sync.get("apiKey")`, `localStorage.getItem("key")`, or
 * state a form fills (`const [apiKey, setApiKey] = useState("")`, Vue's `ref("")`), whose initial
 * value is empty or itself read from storage (`ref(localStorage.getItem("apiKey") || "")`:
 * JimmyBryant/OpenAI-Text-Generation).
 */
function readsStorage(node: Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  // `localStorage.getItem(k)!.trim()`: the same read, tidied.
  const init = withoutTrim(node);
  // `localStorage.getItem("apiKey") || ""`: stored, or nothing yet; also `saved ? saved.trim() : null`
  // (ManuelBv/simple-groq-cli's web page, batch 130): every branch stored or empty.
  if ((init.type === "LogicalExpression" && init.operator !== "&&") || init.type === "ConditionalExpression") {
    const sides = init.type === "LogicalExpression" ? [init.left, init.right] : [init.consequent, init.alternate];
    return sides.every((side) => isEmpty(side) || readsStorage(side, declarators)) && !sides.every((side) => isEmpty(side));
  }
  if (isTyped(init, declarators) || readsFormData(init, declarators)) return true;
  let call: Node = init;
  while (call.type === "AwaitExpression" || call.type === "TSAsExpression" || call.type === "TSNonNullExpression" || call.type === "ChainExpression") {
    call = call.type === "ChainExpression" ? call.expression : call.type === "AwaitExpression" ? call.argument : call.expression;
  }
  call = promisifiedCall(call);
  if (call.type !== "CallExpression") return false;
  const callee = dottedName(call.callee) ?? "";
  if (STORAGE_READ.test(callee) || SETTINGS_READ.test(callee) || SAVED_KEY_READ.test(callee)) return true;
  const stored = STORED_STATE.test(callee);
  if (!stored && !STATE.test(callee)) return false;
  const initial = call.arguments[stored ? 1 : 0];
  if (initial?.type === "ArrowFunctionExpression" || initial?.type === "FunctionExpression") return lazyStateStartsEmpty(initial, declarators);
  return initial === undefined || startsEmpty(initial, declarators);
}

/**
 * A callback API made awaitable, `new Promise((resolve) => chrome.storage.sync.get("k", resolve))`
 * (also with `(r) => resolve(r)` as the callback): it resolves with what the call reads, so it is
 * read as that call (sharmapranay38/linkedin-ai-replier, batch 166). Anything else is left as it is.
 */
function promisifiedCall(node: Node): Node {
  if (node.type !== "NewExpression" || node.callee.type !== "Identifier" || node.callee.name !== "Promise") return node;
  const executor = node.arguments[0];
  if ((executor?.type !== "ArrowFunctionExpression" && executor?.type !== "FunctionExpression") || executor.params[0]?.type !== "Identifier") return node;
  const resolve = executor.params[0].name;
  const call = onlyExpression(executor.body);
  if (call?.type !== "CallExpression") return node;
  const callback = call.arguments[call.arguments.length - 1];
  if (callback?.type === "Identifier") return callback.name === resolve ? call : node;
  if (callback?.type !== "ArrowFunctionExpression" && callback?.type !== "FunctionExpression") return node;
  const resolved = onlyExpression(callback.body);
  if (resolved?.type === "CallExpression" && resolved.callee.type === "Identifier" && resolved.callee.name === resolve) return call;
  return resolvesOnlyWithResult(callback, resolve) ? call : node;
}

/**
 * A callback that resolves, wherever it does, only with what it was handed or a field of it:
 * `(data) => { if (data.openaiApiKey) resolve(data.openaiApiKey); else reject("API Key not found"); }`
 * (mirmousaviii/form-pilot's background script, batch 244).
 */
function resolvesOnlyWithResult(callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, resolve: string): boolean {
  const result = callback.params[0]?.type === "Identifier" ? callback.params[0].name : undefined;
  if (!result) return false;
  let resolves = 0;
  let other = false;
  walk(callback.body, (inner) => {
    if (inner.type !== "CallExpression" || inner.callee.type !== "Identifier" || inner.callee.name !== resolve) return;
    resolves++;
    let value: Node | undefined = inner.arguments[0] as Node | undefined;
    while (value?.type === "MemberExpression") value = value.object;
    if (value?.type !== "Identifier" || value.name !== result) other = true;
  });
  return resolves > 0 && !other;
}

/** A function body's one expression: an arrow's, or a block of one expression statement. */
function onlyExpression(body: TSESTree.BlockStatement | TSESTree.Expression): Node | undefined {
  if (body.type !== "BlockStatement") return body;
  const [only] = body.body;
  return body.body.length === 1 && only.type === "ExpressionStatement" ? only.expression : undefined;
}

/** A state's first value that holds no key of the developer's: empty, read from storage, or a form whose key fields are. */
function startsEmpty(initial: Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  return isEmpty(initial) || readsStorage(initial, declarators) || (initial.type === "ObjectExpression" && keysStartEmpty(initial, declarators));
}

/**
 * React's lazy initializer, `useState(() => { const saved = localStorage.getItem(KEY); return saved ?
 * JSON.parse(saved) : { messages: [], apiKey: "" }; })`: every value it may return starts empty or is
 * what was saved (hasan-tec/grok-chatbot, batch 90).
 */
function lazyStateStartsEmpty(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  const values: Node[] = [];
  const branches = (value: Node): void => void (value.type === "ConditionalExpression" ? (branches(value.consequent), branches(value.alternate)) : values.push(value));
  functionReturns(fn.body).forEach(branches);
  // `JSON.parse(saved)` of a const read from storage in the initializer is what was saved.
  const saved = (value: Node): boolean => {
    const parsed = value.type === "CallExpression" && dottedName(value.callee) === "JSON.parse" && value.arguments[0] ? (value.arguments[0] as Node) : value;
    const held = parsed.type === "Identifier" ? declarators.find((declarator) => declarator.id.type === "Identifier" && declarator.id.name === parsed.name && declarator.init && fn.range[0] <= declarator.range[0] && declarator.range[1] <= fn.range[1])?.init : parsed;
    return held !== undefined && held !== null && readsStorage(held, declarators);
  };
  return values.length > 0 && values.every((value) => startsEmpty(value, declarators) || saved(value));
}

/**
 * A settings form's state, `useState({ gemini_api_key: "", company_name: "…" })`: every key field
 * starts empty (or from storage), so what it holds later is what was typed into the form
 * (raxzrrr/MocKinvi's admin page testing the key an admin typed, batch 50).
 */
function keysStartEmpty(initial: TSESTree.ObjectExpression, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  let keys = 0;
  for (const property of initial.properties) {
    if (property.type !== "Property") return false;
    const name = !property.computed && property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : undefined;
    if (name === undefined || !looksLikeCredentialName(nameWords(name))) continue;
    keys++;
    if (!isEmpty(property.value) && !readsStorage(property.value, declarators)) return false;
  }
  return keys > 0;
}

/**
 * `CONFIG.API_KEY` of a module's `const CONFIG = { API_KEY: "" }` that the code fills only at run
 * time (`CONFIG.API_KEY = savedApiKey`, `= apiKey` from the settings form): the page holds no key
 * of the developer's in that field unless one is written in or read from the build's env
 * (HASHTECHVENTURES/platskill-CHATGPT-MODEL-, batch 87).
 */
function isFieldFilledAtRunTime(member: TSESTree.MemberExpression, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  if (member.computed || member.property.type !== "Identifier" || member.object.type !== "Identifier") return false;
  const [object, field] = [member.object.name, member.property.name];
  const declarator = declarators.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === object);
  const start = declarator?.init?.type === "ObjectExpression" ? declarator.init.properties.find((property) => property.type === "Property" && !property.computed && property.key.type === "Identifier" && property.key.name === field) : undefined;
  if (start?.type !== "Property" || !isEmpty(start.value)) return false;
  let program: Node | undefined = member;
  while (program && program.type !== "Program") program = program.parent;
  if (!program) return false;
  let developers = false;
  walk(program, (node) => {
    if (developers) return false;
    if (node.type !== "AssignmentExpression" || node.left.type !== "MemberExpression" || node.left.computed) return undefined;
    const { object: target, property } = node.left;
    if (target.type !== "Identifier" || target.name !== object || property.type !== "Identifier" || property.name !== field) return undefined;
    developers = holdsDevelopersValue(node.right, declarators);
    return false;
  });
  return !developers;
}

/**
 * `this.apiKey` of a class that starts it empty (`this.apiKey = ""` in its constructor, or a field `apiKey = ""`) and
 * whose methods fill it, every one, with what the user gave: a method's parameter (`saveApiKey(apiKey) { this.apiKey =
 * apiKey }`, `static setApiKey(key)`), a browser-storage read, or a `chrome.storage` callback's result
 * (`this.apiKey = result.deepseekApiKey`): like a config object's field that starts empty, the user's key
 * (maddenmanel/deepseek-chat-sidebar, batch 219). A constructor that sets it from its parameter, a field never
 * filled (left empty for the developer to paste a key into: hiteshweb/Genai-Gemini), or one filled from anything
 * else (a server function's answer, a config object: derekshi142-sys/OpenAI-Test) keeps it the developer's.
 */
function isClassFieldFilledAtRunTime(member: TSESTree.MemberExpression, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  if (member.computed || member.property.type !== "Identifier" || member.object.type !== "ThisExpression") return false;
  const field = member.property.name;
  let body: Node | undefined = member.parent;
  while (body && body.type !== "ClassBody") body = body.parent;
  if (body?.type !== "ClassBody") return false;
  const empty = (value: Node | null) => value === null || isEmpty(value) || (value.type === "Identifier" && value.name === "undefined");
  let startsEmpty = false;
  let developers = false;
  let fills = 0;
  for (const element of body.body) {
    if (element.type !== "PropertyDefinition" || element.computed || element.key.type !== "Identifier" || element.key.name !== field) continue;
    if (!empty(element.value)) return false;
    startsEmpty = true;
  }
  walk(body, (node) => {
    if (developers) return false;
    if (node.type !== "AssignmentExpression" || node.left.type !== "MemberExpression" || node.left.computed) return undefined;
    if (node.left.object.type !== "ThisExpression" || node.left.property.type !== "Identifier" || node.left.property.name !== field) return undefined;
    if (inConstructor(node)) {
      if (empty(node.right)) startsEmpty = true;
      else developers = true;
    } else if (empty(node.right)) return false;
    else if (usersFill(node.right, declarators)) fills++;
    else developers = true;
    return false;
  });
  return startsEmpty && fills > 0 && !developers;
}

/** What the user gave: a parameter of the function around it, a browser-storage read, or a `chrome.storage` callback's result. */
function usersFill(value: Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  if (value.type === "Identifier") return parameterAround(value, value.name) !== undefined;
  if (readsStorage(value, declarators)) return true;
  const root = value.type === "MemberExpression" ? rootOf(value) : undefined;
  if (root?.type !== "Identifier") return false;
  const param = parameterAround(value, root.name);
  const callback = param?.parent;
  const call = callback?.parent;
  return call?.type === "CallExpression" && call.arguments.includes(callback as TSESTree.CallExpressionArgument) && STORAGE_CALLBACK_GET.test(dottedName(call.callee) ?? "");
}

/** An extension's storage read with a callback: `chrome.storage.sync.get(keys, (result) => …)`, `browser.storage.local.get`. */
const STORAGE_CALLBACK_GET = /^(?:chrome|browser)\.storage\.\w+\.get$/;

/** `node` is in a class's constructor (not in a function the constructor defines). */
function inConstructor(node: Node): boolean {
  let current: Node | undefined = node.parent;
  while (current && current.type !== "FunctionExpression" && current.type !== "FunctionDeclaration" && current.type !== "ArrowFunctionExpression") current = current.parent;
  return current?.type === "FunctionExpression" && current.parent?.type === "MethodDefinition" && current.parent.kind === "constructor";
}

/**
 * A value written in (a non-empty string) or read from the build's env, directly, in a template,
 * `+` or `||`, or through a const. What a call returns (a storage read, a field's value, a
 * server's answer) is not written in the page.
 */
function holdsDevelopersValue(value: Node, declarators: readonly TSESTree.VariableDeclarator[], depth = 0): boolean {
  if (depth > 3) return false;
  const inner = (node: Node) => holdsDevelopersValue(node, declarators, depth + 1);
  switch (value.type) {
    case "Literal":
      return typeof value.value === "string" && value.value !== "";
    case "TemplateLiteral":
      return value.quasis.some((quasi) => quasi.value.cooked) || value.expressions.some(inner);
    case "BinaryExpression":
    case "LogicalExpression":
      return inner(value.left as Node) || inner(value.right);
    case "ConditionalExpression":
      return inner(value.consequent) || inner(value.alternate);
    case "AwaitExpression":
      return inner(value.argument);
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "ChainExpression":
      return inner(value.expression);
    case "MemberExpression": {
      const root = rootOf(value);
      return root?.type === "MetaProperty" || (root?.type === "Identifier" && root.name === "process");
    }
    case "Identifier": {
      const declared = declarators.find((candidate) => candidate.id.type === "Identifier" && candidate.id.name === value.name)?.init;
      return !!declared && inner(declared);
    }
    default:
      return false;
  }
}

function isEmpty(node: Node): boolean {
  return node.type === "Literal" && (node.value === "" || node.value === null);
}

/** `a.b.c` of a plain member chain (`localStorage.getItem`, `session.client_secret.value`), else undefined. */
export function dottedName(node: Node): string | undefined {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    const object = dottedName(node.object);
    return object === undefined ? node.property.name : `${object}.${node.property.name}`;
  }
  return undefined;
}


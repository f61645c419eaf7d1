/**
 * A provider key from the environment, followed to where it is written out whole: what
 * no-logged-keys (a log call) and no-served-keys (a response) ask of a value. The value itself, a
 * template's or `+` chain's part, an object's property value, an array's element, a side of `??`
 * or `||` (the right of `&&`), a branch of `?:`, or `JSON.stringify` of any of these is the key;
 * anything computed from it (`Boolean(key)`, `key.slice(-4)`, `key.length`, `key ? "set" : "no"`)
 * is not.
 */
import type { TSESTree } from "./ast";
import { withoutCasts } from "./client/env-reads";
import { functionOrModule } from "./function-returns";
import { binds } from "./patterns";
import { propertyName } from "./server-route/ast-utils";
import { isSecretEnvName } from "./client/env-names";
import { providerForEnvName } from "./providers";
import { textFacts } from "./text-facts";
import { fieldSetOnce } from "./this-member";

type Node = TSESTree.Node;

/** Where a name holds a key: the env variable it was read from, and the function (or program) declaring it. */
interface KeyBinding {
  envName: string;
  scope: Node;
  /** The name holds an object with the key under this property (`const config = { apiKey: process.env.X }`). */
  property?: string;
}
/** Names bound to key reads in one file (bindKeyVariable fills it; one name may be bound in several functions). */
export type KeyNames = Map<string, KeyBinding[]>;

export interface KeyValue {
  node: Node;
  name: string;
  provider: string;
  /** The node sits as a shorthand property (`{ apiKey }`): the fix rewrites the property. */
  property?: TSESTree.Property;
  /** The node names an object that holds the key under this property (bindKeyVariable's `objects`). */
  under?: string;
}

/** The key `node` writes out whole, if any (see the header). */
export function keyValueIn(node: Node, keyNames: KeyNames, depth = 0): KeyValue | undefined {
  if (depth > 4) return undefined;
  switch (node.type) {
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "ChainExpression":
      return keyValueIn(node.expression, keyNames, depth);
    case "TemplateLiteral":
      for (const expression of node.expressions) {
        const found = keyValueIn(expression, keyNames, depth + 1);
        if (found) return found;
      }
      return undefined;
    case "BinaryExpression":
      return node.operator === "+" ? (keyValueIn(node.left as Node, keyNames, depth + 1) ?? keyValueIn(node.right, keyNames, depth + 1)) : undefined;
    case "LogicalExpression":
      // `process.env.DEEPGRAM_API_KEY ?? ""` is the key when set (a-n-a-s/deepgram-hackweek); `key && "set"` is not.
      return node.operator === "&&" ? keyValueIn(node.right, keyNames, depth + 1) : (keyValueIn(node.left, keyNames, depth + 1) ?? keyValueIn(node.right, keyNames, depth + 1));
    case "ConditionalExpression":
      // `dev ? key : undefined`: either branch is written out; the test is not.
      return keyValueIn(node.consequent, keyNames, depth + 1) ?? keyValueIn(node.alternate, keyNames, depth + 1);
    case "ObjectExpression":
      for (const [index, property] of node.properties.entries()) {
        // `{ ...config }` of an object holding the key, unless a later property masks it (`{ ...config, apiKey: undefined }`).
        if (property.type === "SpreadElement") {
          const found = keyValueIn(property.argument, keyNames, depth + 1);
          if (found?.under !== undefined && !node.properties.slice(index + 1).some((later) => later.type === "Property" && propertyName(later) === found.under)) return found;
          continue;
        }
        const found = keyValueIn(property.value, keyNames, depth + 1);
        if (found) return property.shorthand ? { ...found, property } : found;
      }
      return undefined;
    case "ArrayExpression":
      for (const element of node.elements) {
        const found = element && element.type !== "SpreadElement" ? keyValueIn(element, keyNames, depth + 1) : undefined;
        if (found) return found;
      }
      return undefined;
    case "CallExpression":
      // `JSON.stringify({ apiKey })`: the key, quoted.
      if (isJsonStringify(node.callee) && node.arguments[0] && node.arguments[0].type !== "SpreadElement") return keyValueIn(node.arguments[0], keyNames, depth + 1);
      return keyFromEnv(node, keyNames);
    default:
      return keyFromEnv(node, keyNames);
  }
}

function isJsonStringify(callee: Node): boolean {
  return callee.type === "MemberExpression" && !callee.computed && callee.object.type === "Identifier" && callee.object.name === "JSON" && callee.property.type === "Identifier" && callee.property.name === "stringify";
}

/**
 * Names a provider's SDK reads a credential through but that hold a file's path by the provider's
 * own contract: `GOOGLE_APPLICATION_CREDENTIALS` names the service-account JSON file (enzocage/Notion-Mediator's
 * `console.log(process.env.GOOGLE_APPLICATION_CREDENTIALS)`, batch 72). Logging or sending the path
 * gives no one the key.
 */
const HOLDS_A_PATH = new Set(["GOOGLE_APPLICATION_CREDENTIALS"]);

/** A name bound to a key read, or the env read itself. */
function keyFromEnv(node: Node, keyNames: KeyNames): KeyValue | undefined {
  const binding = node.type === "Identifier" ? boundKey(node, keyNames) : undefined;
  let name = binding?.envName ?? envName(node);
  // `this.apiKey` of a class that sets it from the env once (`private readonly apiKey = process.env.ELEVENLABS_API_KEY`:
  // BachaMedAmine/rfid-auth-backend logs it whole, batch 114).
  if (name === undefined && node.type === "MemberExpression" && node.object.type === "ThisExpression") {
    const field = fieldSetOnce(node);
    if (field) name = providerEnvNameIn(field);
  }
  if (name !== undefined && HOLDS_A_PATH.has(name)) return undefined;
  const provider = name === undefined ? undefined : providerForEnvName(name);
  if (!provider || name === undefined) return undefined;
  // A name public by design is no secret to serve or log: a Places key the page's map needs
  // (`GOOGLE_PLACES_API_KEY`, rkandela/FoodHacks' Netlify function, batch 204), not Gemini's.
  if (!isSecretEnvName(name)) return undefined;
  return binding?.property !== undefined ? { node, name, provider: provider.name, under: binding.property } : { node, name, provider: provider.name };
}


/**
 * The env variable an expression reads: `process.env.X`, `process.env["X"]`, `import.meta.env.X`,
 * `Bun.env.X`, `Deno.env.get("X")`, `env.X`, `c.env.X`.
 */
export function envName(read: Node): string | undefined {
  const node = withoutCasts(read);
  if (node.type === "Identifier") return staticPrivateEnvName(node);
  if (node.type === "CallExpression") {
    const callee = node.callee;
    const [first] = node.arguments;
    const isDenoGet =
      callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && callee.property.name === "get" && isEnvObject(callee.object);
    return isDenoGet && first?.type === "Literal" && typeof first.value === "string" ? first.value : undefined;
  }
  if (node.type !== "MemberExpression" || !isEnvObject(node.object)) return undefined;
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  return node.property.type === "Literal" && typeof node.property.value === "string" ? node.property.value : undefined;
}

const staticPrivateImports = new WeakMap<TSESTree.Program, Map<string, string>>();
const ENV_NAME_SHAPE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The env variable a name imported from SvelteKit's `$env/static/private` is (`import { GROQ_API_KEY }
 * from "$env/static/private"`, logged whole by anima-regem/bookThief, batch 100), by its import in
 * the module; the imports are read once per module.
 */
function staticPrivateEnvName(id: TSESTree.Identifier): string | undefined {
  // Env names are written in capitals; a property's name is no variable.
  if (!ENV_NAME_SHAPE.test(id.name)) return undefined;
  const parent = id.parent;
  if (parent?.type === "MemberExpression" && parent.property === id && !parent.computed) return undefined;
  if (parent?.type === "Property" && parent.key === id && !parent.computed && !parent.shorthand) return undefined;
  let program: Node = id;
  for (let steps = 0; program.parent && steps < 1000; steps++) program = program.parent;
  if (program.type !== "Program") return undefined;
  let names = staticPrivateImports.get(program);
  if (!names) {
    names = new Map();
    for (const statement of program.body) {
      if (statement.type !== "ImportDeclaration" || statement.source.value !== "$env/static/private") continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === "ImportSpecifier") names.set(specifier.local.name, specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value));
      }
    }
    staticPrivateImports.set(program, names);
  }
  return names.get(id.name);
}

/**
 * `process.env`, `import.meta.env`, `Bun.env`, `Deno.env`; and a platform's env bindings, by the
 * name every platform gives them: a Worker's `env` parameter, Hono's `c.env`, Pages Functions'
 * `context.env`, Astro's `locals.runtime.env`, SvelteKit's `env` from `$env/dynamic/private`.
 */
export function isEnvObject(expression: Node): boolean {
  const node = withoutCasts(expression);
  if (node.type === "Identifier") return node.name === "env";
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier" || node.property.name !== "env") return false;
  // `(process as any).env`: a module that also runs where there is no `process` (Rustam-gif/vocab).
  const object = withoutCasts(node.object);
  return object.type === "MetaProperty" || object.type === "Identifier" || (object.type === "MemberExpression" && !object.computed);
}

/**
 * A name bound to a key read: `const apiKey = process.env.OPENAI_API_KEY` (also `?? ""`, `|| ""`,
 * `as string`, `!`), `const { OPENAI_API_KEY } = process.env`, kept with the function declaring it.
 * With `objects`, also a name bound to an object literal with a key read among its properties,
 * `const config = { model, apiKey: process.env.OPENAI_API_KEY }`: sent whole or spread, it sends
 * the key (huseynovvusal/whatsapp-ai-bot's admin route, batch 177). Not for logs: their fix
 * rewrites the logged value into whether it is set.
 */
export function bindKeyVariable(node: TSESTree.VariableDeclarator, names: KeyNames, objects = false): void {
  if (!node.init) return;
  if (node.id.type === "Identifier") {
    const name = providerEnvNameIn(node.init);
    if (name !== undefined) bind(names, node.id.name, name, node);
    else if (objects) {
      const init = withoutCasts(node.init);
      if (init.type !== "ObjectExpression") return;
      for (const property of init.properties) {
        const key = property.type === "Property" ? propertyName(property) : undefined;
        const held = key !== undefined ? providerEnvNameIn((property as TSESTree.Property).value) : undefined;
        if (key !== undefined && held !== undefined) bind(names, node.id.name, held, node, key);
      }
    }
    return;
  }
  let init: Node = node.init;
  while (init.type === "TSAsExpression" || init.type === "TSNonNullExpression" || init.type === "ChainExpression" || (init.type === "LogicalExpression" && init.operator !== "&&")) {
    init = init.type === "LogicalExpression" ? init.left : init.expression;
  }
  if (node.id.type === "ObjectPattern" && isEnvObject(init)) {
    for (const property of node.id.properties) {
      if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
      const local = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
      if (local.type === "Identifier" && providerForEnvName(property.key.name)) bind(names, local.name, property.key.name, node);
    }
  }
}

/**
 * The provider key variable an initializer reads, through casts and every side of `||` / `??`:
 * `process.env.API_KEY || process.env.GEMINI_API_KEY` holds the Gemini key whenever the first is
 * unset (mohamedamingemini/headshot-pro, batch 94), and `req.body.apiKey || process.env.OPEN_AI_KEY`
 * the server's key whenever the caller sends none (AkiThuong/ChatVRM, batch 99).
 */
function providerEnvNameIn(node: Node, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression" || node.type === "ChainExpression") return providerEnvNameIn(node.expression, depth + 1);
  if (node.type === "LogicalExpression") {
    if (node.operator === "&&") return undefined;
    return providerEnvNameIn(node.left, depth + 1) ?? providerEnvNameIn(node.right, depth + 1);
  }
  const name = envName(node);
  return name !== undefined && providerForEnvName(name) ? name : undefined;
}

function bind(names: KeyNames, local: string, envName: string, declarator: Node, property?: string): void {
  const binding: KeyBinding = property === undefined ? { envName, scope: functionOrModule(declarator) } : { envName, scope: functionOrModule(declarator), property };
  const list = names.get(local);
  if (list) list.push(binding);
  else names.set(local, [binding]);
}

/**
 * The env variable `use` holds, if a binding of its name reaches it: one declared in a function
 * around the use (or at module level), with no function in between taking a parameter of that
 * name (QuivioAI's `getEnvVariable(key)` logs a variable's name, not the `key` three other
 * functions of the file read from env: batch 41).
 */
function boundKey(use: TSESTree.Identifier, keyNames: KeyNames): KeyBinding | undefined {
  const bindings = keyNames.get(use.name);
  if (!bindings) return undefined;
  for (let current: Node | undefined = use.parent; current; current = current.parent) {
    const binding = bindings.find((candidate) => candidate.scope === current);
    if (binding) return binding;
    if ((current.type === "FunctionDeclaration" || current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression") && current.params.some((param) => binds(param, use.name))) return undefined;
  }
  return undefined;
}


/** A cheap test on the text: the file may read an env variable (a platform's `env.X` included). */
export function mayReadEnv(text: string): boolean {
  return textFacts(text).evidence("envRead") >= 0 || text.includes("env.");
}

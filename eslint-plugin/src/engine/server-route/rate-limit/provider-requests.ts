/**
 * What a handler's own HTTP request to a provider sends, read from the code: the URL's host, the
 * headers and whose key they carry (the server's env, or the caller's), and whether the request runs
 * a model at all (a model list, an OAuth exchange with no credential). function-scan asks these of
 * each `fetch`/axios call it meets in a route handler.
 *
 *   fetchProvider(source, url)              → the provider whose model API the URL names
 *   keyHeaderProvider(source, url, init)    → the provider whose env key an auth header sends
 *   sendsCallersKey(source, init)           → the auth headers carry only what the caller sent
 *   runsNoModel(source, url, init)          → the request runs no model (costs no quota)
 *   withCallersParams(scan)                 → runs one route scan with its own record of the
 *                                             parameters a followed call handed the caller's value
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import type { Provider } from "../../providers/types";
import { constInits, findProperty, memberPath, stringValue, walk } from "../ast-utils";
import { envName } from "../../env-key-values";
import { binds, parameterAround } from "../../patterns";
import { providerForEnvName } from "../../providers";
import { COMMON_AUTH_HEADERS, providerKeyHeaders } from "../../client/catalogue";
import { isSecretEnvName } from "../../client/env-names";
import { fieldSetOnce, thisMemberValue } from "../../this-member";
import { findModelProviderForHost } from "../catalogue";
import { keyIsUserSupplied, unsealedArgument, withoutStringTidying } from "./bindings";
import { importedExport, type ModuleValues } from "../../client/imported-values";
import { importOf } from "../../module-imports";
import { resolveImport } from "./shared-clients";

type Node = TSESTree.Node;

/**
 * The parameters of the file's functions a scan followed that were handed what the caller sent, per
 * function: `testOpenAI(apiKey, model)` with `const { apiKey } = await req.json()`, whose fetch then
 * sends `Bearer ${apiKey}` on the caller's quota (AstralJashn/SproutChat's test-model, batch 68).
 * Set for the scan that follows those calls, and only for it.
 */
let callersParams: WeakMap<Node, Set<string>> | undefined;

/** Runs `scan` with a fresh record of callers' parameters, restoring the outer scan's after (scans nest). */
export function withCallersParams<T>(scan: () => T): T {
  const outer = callersParams;
  callersParams = new WeakMap();
  try {
    return scan();
  } finally {
    callersParams = outer;
  }
}

/** Notes which of `callee`'s parameters the followed `call` hands the caller's value. */
export function noteCallersParams(callee: Node, call: TSESTree.CallExpression | TSESTree.NewExpression): void {
  if (!callersParams || (callee.type !== "FunctionDeclaration" && callee.type !== "FunctionExpression" && callee.type !== "ArrowFunctionExpression")) return;
  callee.params.forEach((param, index) => {
    const argument = call.arguments[index];
    if (param.type !== "Identifier" || !argument || argument.type === "SpreadElement" || !callersValue(argument as Node, 0)) return;
    const names = callersParams!.get(callee) ?? new Set<string>();
    names.add(param.name);
    callersParams!.set(callee, names);
  });
}

/** `name` is a parameter of a function around `node` that a followed call handed the caller's value. */
function isCallersParam(node: Node, name: string): boolean {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type !== "FunctionDeclaration" && scope.type !== "FunctionExpression" && scope.type !== "ArrowFunctionExpression") continue;
    if (scope.params.some((param) => binds(param, name))) return callersParams?.get(scope)?.has(name) === true;
  }
  return false;
}

/** The request headers a provider's key travels in: any provider's, and those naming their provider. */
export const AUTH_HEADERS = [...new Set([...COMMON_AUTH_HEADERS, ...providerKeyHeaders().keys()])];

/**
 * `fetch(url, { headers: { Authorization: … } })` whose key comes from the request, not from env;
 * also with the headers (or the whole init) in a const and the key in a template's hole
 * (`` Authorization: `Bearer ${apiKey}` `` after `const apiKey = req.headers.get("x-api-key")`:
 * dcrebbin/ai-leetcode-coach, batch 56).
 */
export function sendsCallersKey(source: SourceFile, init: Node | TSESTree.CallExpressionArgument | undefined): boolean {
  const options = init?.type === "Identifier" ? (enclosingConst(init, init.name) ?? onlyLetValue(init) ?? constInits(source).get(init.name)) : init;
  const headers = options?.type === "ObjectExpression" ? findProperty(options, "headers")?.value : undefined;
  // `headers: request.headers`: the caller's own headers passed on whole, their key with them, and none of the
  // server's (LefeiYin/edge-functions-examples-2056's Netlify edge proxy, batch 193).
  if (headers?.type === "MemberExpression" && !headers.computed && headers.property.type === "Identifier" && headers.property.name === "headers" && readsRequest(headers, 0)) return true;
  if (copiesCallersHeaders(source, headers as Node | undefined)) return true;
  const keys = headerEntries(source, headers as Node | undefined).filter((entry) => AUTH_HEADERS.includes(entry.name));
  return keys.length > 0 && keys.every((entry) => callersValue(entry.value, 0));
}

/**
 * `const headers = new Headers(request.headers)`, the caller's headers copied whole, with no auth header set on the
 * copy (`headers.set("User-Agent", …)` only): the caller's key passed on (lovingfish/Simple-OpenAI-API-Proxy's
 * Worker, batch 227).
 */
function copiesCallersHeaders(source: SourceFile, headers: Node | undefined): boolean {
  if (headers?.type !== "Identifier") return false;
  const made = enclosingConst(headers, headers.name) ?? constInits(source).get(headers.name);
  if (made?.type !== "NewExpression" || made.callee.type !== "Identifier" || made.callee.name !== "Headers") return false;
  const from = made.arguments[0];
  if (from?.type !== "MemberExpression" || from.computed || from.property.type !== "Identifier" || from.property.name !== "headers" || !readsRequest(from, 0)) return false;
  return !headerEntries(source, headers).some((entry) => AUTH_HEADERS.includes(entry.name));
}

/**
 * The index of `fn`'s parameter a `fetch` in it sends as its key, when every auth header is made of
 * that parameter alone (`` Authorization: `Bearer ${apiKey}` `` in `streamOpenRouter(apiKey, messages)`):
 * a caller handing it their own key spends their own quota (AVMG20/arnotes' server/utils, batch 122).
 */
export function sentKeyParameter(source: SourceFile, call: TSESTree.CallExpression, fn: TSESTree.FunctionLike): number | undefined {
  if (call.callee.type !== "Identifier" || call.callee.name !== "fetch") return undefined;
  const [, init] = requestParts(source, call);
  const options = init?.type === "Identifier" ? (enclosingConst(init, init.name) ?? constInits(source).get(init.name)) : init;
  const headers = options?.type === "ObjectExpression" ? findProperty(options, "headers")?.value : undefined;
  const indexes = headerEntries(source, headers as Node | undefined)
    .filter((entry) => AUTH_HEADERS.includes(entry.name))
    .map(({ value }) => {
      const parts = value.type === "TemplateLiteral" ? value.expressions : value.type === "BinaryExpression" && value.operator === "+" ? [value.left, value.right].filter((part) => part.type !== "Literal") : [value];
      const name = parts.length === 1 && parts[0].type === "Identifier" ? parts[0].name : undefined;
      return fn.params.findIndex((param) => param.type === "Identifier" && param.name === name);
    });
  return indexes.length > 0 && indexes.every((index) => index >= 0 && index === indexes[0]) ? indexes[0] : undefined;
}

/** A header value made of what the caller sent: `req.headers["authorization"]`, through a const or a template's holes. */
export function callersValue(written: Node, depth: number): boolean {
  // `` `Bearer ${apiKey.trim()}` ``: the same value, tidied (nsk4/WikiReader's TTS route, batch 197).
  const value = withoutStringTidying(written) ?? written;
  // `Authorization: authHeader` after `const authHeader = req.headers["authorization"]` (Dr-Ewa/psychoed-pro, batch 40).
  if (value.type === "Identifier") {
    const held = enclosingConst(value, value.name) ?? destructuredFrom(value, value.name);
    if (held === undefined) return isCallersParam(value, value.name) || (depth < 3 && letHoldsOnlyCallers(value, depth));
    return depth < 3 && callersValue(held, depth + 1);
  }
  if (value.type === "TemplateLiteral") return value.expressions.length > 0 && depth < 3 && value.expressions.every((hole) => callersValue(hole as Node, depth + 1));
  // `decrypt(encryptedKey, secret)`: the caller's own key, sealed in their cookie.
  const sealed = unsealedArgument(value.type === "AwaitExpression" ? value.argument : value);
  if (sealed) return callersValue(sealed, depth);
  // `"Bearer " + param.apiKey` (cloudunkai/cloudunkai.github.io, batch 54): what is not written in.
  if (value.type === "BinaryExpression" && value.operator === "+") {
    const parts = [value.left, value.right].filter((part) => !(part.type === "Literal" && typeof part.value === "string"));
    return parts.length > 0 && depth < 3 && parts.every((part) => callersValue(part as Node, depth + 1));
  }
  // Not the server's env, and read from the request the handler was given: a token the server
  // fetched for itself (`await auth.getAccessToken()`, Vertex AI) is the server's.
  return keyIsUserSupplied(value, new Map()) && readsRequest(value, 0);
}

/**
 * `let apiKey = auth.slice(7)` (11694193aa-bot/novel-assistant's Pages Function, batch 150): the
 * caller's when every value the `let` is given is; one fallback to a stored key (`?? await
 * env.SYNC.get("api_key")`) makes it the server's.
 */
function letHoldsOnlyCallers(name: TSESTree.Identifier, depth: number): boolean {
  const declarator = letDeclarator(name, name.name);
  const values = declarator ? letValues(declarator, name.name) : [];
  return values.length > 0 && values.every((held) => callersValue(held, depth + 1));
}

/** `value` reads a parameter of a function around it (`req.headers.get("x-api-key")`), directly or through a const (`body.key` after `const body = await req.json()`). */
function readsRequest(value: Node, depth: number): boolean {
  let found = false;
  walk(value, (node) => {
    if (found) return;
    // `await readBody(event)`: the handler's parameter handed to a reader of the request; also a
    // const read from it, `where(eq(keys.userId, userId))` after `const userId = event.context.user.id`.
    if (node.type === "Identifier" && node.parent?.type === "CallExpression" && node.parent.arguments.includes(node)) {
      if (isParameterAround(value, node.name)) found = true;
      else if (depth < 2) found = heldReadsRequest(value, node.name, depth);
      return;
    }
    if (node.type !== "MemberExpression") return;
    const { root } = memberPath(node);
    const table = lookedUpIn(root);
    if (table) {
      found = isCallersParam(value, table.name) || (depth < 2 && heldReadsRequest(value, table.name, depth));
      return;
    }
    if (root.type !== "Identifier") return;
    if (isParameterAround(value, root.name)) found = true;
    // `settings.apiKey` after `const [settings] = await db.select()…where(eq(userSettings.userId, userId))`:
    // the caller's own row (AVMG20/arnotes, batch 122).
    else if (depth < 2) found = heldReadsRequest(value, root.name, depth);
  });
  return found;
}

/**
 * The name a lookup by a computed key reads from: `template` in `template[nodeId].apiKey`, the
 * workflow owner's key in the node template of their own row (ai-graphic/Graphic-so, batch 140).
 * It is the caller's when a const or destructuring that reads the request holds it (`const template =
 * JSON.parse(flow.template)`, `const { keys } = await req.json()`), or a parameter a followed call
 * handed what the caller sent. Any other parameter is a table handed in from elsewhere: a Worker's
 * `env[name]`, a helper's `keys[provider]` given the server's own keys.
 */
function lookedUpIn(node: Node): TSESTree.Identifier | undefined {
  if (node.type !== "MemberExpression" || !node.computed) return undefined;
  let table: Node = node.object;
  while (table.type === "TSNonNullExpression") table = table.expression;
  return table.type === "Identifier" ? table : undefined;
}

/** The const (or destructuring) around `node` that declares `name` reads the request. */
function heldReadsRequest(node: Node, name: string, depth: number): boolean {
  const held = enclosingConst(node, name) ?? destructuredFrom(node, name);
  return held !== undefined && readsRequest(held, depth + 1);
}

function isParameterAround(node: Node, name: string): boolean {
  return parameterAround(node, name) !== undefined;
}


/**
 * A request to a URL this file does not spell (`fetch(process.env.ELEVENLABS_URL, …)`, a base URL
 * from config) that sends a key the server's env names for a provider in an auth header
 * (`"xi-api-key": process.env.ELEVENLABS_API_KEY`, `` Authorization: `Bearer ${process.env.GROQ_API_KEY}` ``):
 * that provider's API (codebysamir/ai_shop_kundenservice_backend's voice routes, batch 45). A URL
 * written out to another host is that host's business.
 */
export function keyHeaderProvider(source: SourceFile, url: Node | undefined, init: Node | TSESTree.CallExpressionArgument | undefined): Provider | undefined {
  const written = url && !envFirst(source, url) ? urlText(source, url, 0) : undefined;
  if (written !== undefined && /^https?:\/\//i.test(written)) return undefined;
  // `env.GEMINI_GATEWAY + pathname + "?key=" + env.GEMINI_API_KEY`: the key in the query (ivyxjc/ai-cf-proxy, batch 49).
  if (url && queriesKey(url)) {
    const provider = envKeyProvider(source, url, 0);
    if (provider && !provider.tracing) return provider;
  }
  const headers = init?.type === "ObjectExpression" ? findProperty(init, "headers")?.value : undefined;
  for (const { name, value } of headerEntries(source, headers as Node | undefined)) {
    if (!AUTH_HEADERS.includes(name)) continue;
    // The env name names the provider, or the header does (`"x-key": process.env.FLUX_API_KEY`: Black Forest Labs).
    const named = providerKeyHeaders().get(name);
    const provider = envKeyProvider(source, value, 0) ?? (named && sendsEnvSecret(source, value) ? named : undefined);
    if (provider && !provider.tracing) return provider;
  }
  return undefined;
}

/** An axios request config with its `url`: written in the call or held in a const. */
export function axiosConfig(source: SourceFile, node: Node): TSESTree.ObjectExpression | undefined {
  const value = node.type === "Identifier" ? (enclosingConst(node, node.name) ?? constInits(source).get(node.name) ?? onlyLetValue(node)) : node;
  return value?.type === "ObjectExpression" && findProperty(value, "url") ? value : undefined;
}

/** A `let` never given another value: `let axios_config = { url, headers }` then `axios(axios_config)` (agonzalezo/api-speech, batch 114). */
function onlyLetValue(node: TSESTree.Identifier): Node | undefined {
  const values = valuesOfLet(node, node.name);
  return values?.length === 1 ? values[0] : undefined;
}

/**
 * `process.env.OPENAI_API_URL || "https://openkey.cloud/v1/chat/completions"`: the URL the server's
 * env names first, a written one only when it is unset; the deployment decides the host.
 */
function envFirst(source: SourceFile, url: Node, depth = 0): boolean {
  if (url.type === "Identifier" && depth < 2) {
    const init = enclosingConst(url, url.name) ?? constInits(source).get(url.name);
    return init !== undefined && envFirst(source, init, depth + 1);
  }
  if (url.type !== "LogicalExpression" || url.operator === "&&" || url.left.type !== "MemberExpression") return false;
  const { root, path } = memberPath(url.left);
  return (root.type === "Identifier" && ((root.name === "process" && path[0] === "env") || root.name === "env")) || (root.type === "MetaProperty" && path[0] === "env");
}

/** A URL with a `key=` (or `api_key=`, `apikey=`) query parameter written into it. */
function queriesKey(url: Node): boolean {
  let found = false;
  walk(url, (node) => {
    const text = node.type === "Literal" && typeof node.value === "string" ? node.value : node.type === "TemplateElement" ? node.value.cooked : undefined;
    if (text && /[?&](?:api_?)?key=/i.test(text)) found = true;
  });
  return found;
}

/**
 * `fetch(url, init)`, also `fetch(new Request(url, init))` and `fetch(request)` after `const
 * request = new Request(url, init)` (a Worker forwarding a request: ivyxjc/ai-cf-proxy, batch 49).
 */
export function requestParts(source: SourceFile, call: TSESTree.CallExpression): [Node | undefined, Node | TSESTree.CallExpressionArgument | undefined] {
  const [url, init] = call.arguments as Node[];
  const made = url?.type === "Identifier" ? (enclosingConst(url, url.name) ?? constInits(source).get(url.name)) : url;
  if (init === undefined && made?.type === "NewExpression" && made.callee.type === "Identifier" && made.callee.name === "Request") {
    const [madeUrl, madeInit] = made.arguments as Node[];
    return [madeUrl, madeInit];
  }
  return [url, init];
}

const headersSetOn = new WeakMap<Node, Array<{ name: string; value: Node }>>();

/**
 * The headers a request sends, lower-cased name and value: `{ … }` written in the call or a
 * `const` holding it, or a `new Headers(…)` with `.set(name, value)` / `.append(…)` calls on it
 * in the function that makes it.
 */
function headerEntries(source: SourceFile, headers: Node | undefined, depth = 0): Array<{ name: string; value: Node }> {
  if (!headers || depth > 2) return [];
  if (headers.type === "ObjectExpression") {
    return headers.properties.flatMap((property) => {
      if (property.type !== "Property") return [];
      const name = !property.computed && property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : undefined;
      return name === undefined ? [] : [{ name: name.toLowerCase(), value: property.value as Node }];
    });
  }
  if (headers.type !== "Identifier") return [];
  const made = enclosingConst(headers, headers.name) ?? constInits(source).get(headers.name);
  if (made?.type === "ObjectExpression") return headerEntries(source, made, depth + 1);
  if (made?.type !== "NewExpression" || made.callee.type !== "Identifier" || made.callee.name !== "Headers") return [];
  // Read once per `new Headers(…)`: a file may send the same headers in many requests.
  const known = headersSetOn.get(made);
  if (known) return known;
  const entries = headerEntries(source, made.arguments[0] as Node | undefined, depth + 1);
  headersSetOn.set(made, entries);
  let scope: Node | undefined = made.parent;
  while (scope && scope.type !== "FunctionDeclaration" && scope.type !== "FunctionExpression" && scope.type !== "ArrowFunctionExpression" && scope.type !== "Program") scope = scope.parent;
  if (!scope) return entries;
  walk(scope, (node) => {
    if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.object.type !== "Identifier" || node.callee.object.name !== headers.name) return;
    const method = node.callee.property.type === "Identifier" ? node.callee.property.name : undefined;
    const [name, value] = node.arguments;
    if ((method === "set" || method === "append") && name?.type === "Literal" && typeof name.value === "string" && value && value.type !== "SpreadElement") {
      entries.push({ name: name.value.toLowerCase(), value: value as Node });
    }
  });
  return entries;
}

/**
 * The provider whose key an env read in `value` names, also through a `const` holding the read
 * (`const key = Deno.env.get("AZURE_OPENAI_KEY")`: anggi1991/Umai-Lite's Edge Functions, batch 48)
 * or a property of the module's config object (`apiConfig.apiKey` of `let apiConfig = { apiKey:
 * process.env.DEEPSEEK_API_KEY, … }`: Piaoxuemoli/Knowledge, batch 48).
 */
function envKeyProvider(source: SourceFile, value: Node, depth: number): Provider | undefined {
  return envKeyRead(source, value, depth, providerForEnvName);
}

/** `value` sends a secret-looking env read (`"x-key": process.env.FLUX_API_KEY`), read as envKeyProvider reads it. */
function sendsEnvSecret(source: SourceFile, value: Node): boolean {
  return envKeyRead(source, value, 0, (env) => isSecretEnvName(env) || undefined) === true;
}

/** What `judge` says of the first env read in `value` it says something of, following what holds one (see envKeyProvider). */
function envKeyRead<T>(source: SourceFile, value: Node, depth: number, judge: (env: string) => T | undefined): T | undefined {
  let found: T | undefined;
  walk(value, (node) => {
    if (found !== undefined) return;
    const env = envName(node);
    if (env !== undefined) {
      found = judge(env);
      return;
    }
    if (depth >= 2) return;
    // A property's name (`apiConfig.apiKey`'s `apiKey`, the key of `{ apiKey: "local-dev" }`) is no variable.
    const parent = node.parent;
    if (node.type === "Identifier" && parent?.type === "MemberExpression" && parent.property === node && !parent.computed) return;
    if (node.type === "Identifier" && parent?.type === "Property" && parent.key === node && !parent.computed && !parent.shorthand) return;
    const held =
      node.type === "Identifier" ? (enclosingConst(node, node.name) ?? constInits(source).get(node.name)) : node.type === "MemberExpression" ? (fieldSetOnce(node) ?? moduleObjectProperty(source, node)) : undefined;
    if (held) found = envKeyRead(source, held, depth + 1, judge);
    else if (node.type === "Identifier") {
      const imported = importedConst(source, node.name) ?? configPart(source, node);
      if (imported) found = envKeyRead(imported.source, imported.init, depth + 1, judge);
    }
  });
  return found;
}

/**
 * What a const of another module of the app holds, where this file imports it by name: apps keep
 * the key and the base URL in a config module (`export const OPENAI_API_KEY = process.env.OPENAI_API_KEY`,
 * `export const OPENAI_API_BASE_URL = "https://api.openai.com/v1"`) and every service imports them
 * (webaverse-studios/ai-server, batch 173). One module away (a barrel's re-exports followed), the
 * app's own modules only; each module is parsed once while its mtime holds (client/imported-values).
 */
function importedConst(source: SourceFile, name: string): { source: SourceFile; init: Node } | undefined {
  const imported = importOf(source, name);
  if (!imported || imported.name === "*") return undefined;
  const found = importedExport(source.file, imported.specifier, imported.name, undefined, appModule);
  const init = found?.values.consts.get(found.local);
  return found && init ? { source: sourceOf(found.values), init } : undefined;
}

/**
 * What a name destructured from the app's config object holds: `apiKey` in
 * `const { apiKey, apiUrl } = env.openai`, where `env` is an object literal of this module or a
 * const another module of the app exports (`const env = { openai: { apiKey: process.env.OPENAI_API_KEY,
 * apiUrl: process.env.OPENAI_API_URL || "https://api.openai.com/v1" } }`: GrandPages/backend-whatsapp-gpt's
 * axios instance, batch 255). One level of pattern (`{ apiKey }`, `{ apiKey: key }`); the object
 * followed through consts and plain properties, two steps at most.
 */
function configPart(source: SourceFile, name: TSESTree.Identifier): { source: SourceFile; init: Node } | undefined {
  const pattern = enclosingConstDeclarator(name, (id) => id.type === "ObjectPattern" && binds(id, name.name));
  if (pattern?.id.type !== "ObjectPattern" || !pattern.init) return undefined;
  const property = pattern.id.properties.find((entry) => entry.type === "Property" && entry.value.type === "Identifier" && entry.value.name === name.name);
  const key = property?.type === "Property" && !property.computed && property.key.type === "Identifier" ? property.key.name : undefined;
  const object = key === undefined ? undefined : configObject(source, pattern.init, 0);
  const value = object && findProperty(object.node, key!)?.value;
  return object && value ? { source: object.source, init: value as Node } : undefined;
}

/** The object literal `node` stands for: written there, a const of this module or one imported, or a plain property of one. */
function configObject(source: SourceFile, node: Node, depth: number): { source: SourceFile; node: TSESTree.ObjectExpression } | undefined {
  if (depth > 2) return undefined;
  if (node.type === "ObjectExpression") return { source, node };
  if (node.type === "Identifier") {
    const init = constInits(source).get(node.name);
    if (init) return configObject(source, init, depth + 1);
    const imported = importedConst(source, node.name);
    return imported ? configObject(imported.source, imported.init, depth + 1) : undefined;
  }
  if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    const object = configObject(source, node.object, depth + 1);
    const value = object && findProperty(object.node, node.property.name)?.value;
    return object && value ? configObject(object.source, value as Node, depth + 1) : undefined;
  }
  return undefined;
}

/** The app's own module an import leads to (the route area's resolver), never a package's. */
const appModule = (fromFile: string, specifier: string): string | undefined => {
  const target = resolveImport(fromFile, specifier);
  return target && !target.includes(`${path.sep}node_modules${path.sep}`) ? target : undefined;
};

const sources = new WeakMap<ModuleValues, SourceFile>();
/** One SourceFile per parsed module, so the per-source caches (constInits…) serve every request that reads it. */
function sourceOf(values: ModuleValues): SourceFile {
  let source = sources.get(values);
  if (!source) sources.set(values, (source = { file: values.file, text: values.text, ast: values.program }));
  return source;
}

const moduleObjectsOf = new WeakMap<SourceFile, Map<string, TSESTree.ObjectExpression>>();

/**
 * `config.baseUrl` where the module declares `const config = { baseUrl: … }` (or `let`, read as
 * first written) at its top level: that property's value. A name declared twice counts as neither.
 */
function moduleObjectProperty(source: SourceFile, member: TSESTree.MemberExpression): Node | undefined {
  if (member.object.type !== "Identifier") return undefined;
  const property = member.computed ? (member.property.type === "Literal" && typeof member.property.value === "string" ? member.property.value : undefined) : member.property.type === "Identifier" ? member.property.name : undefined;
  if (property === undefined) return undefined;
  let objects = moduleObjectsOf.get(source);
  if (!objects) {
    objects = new Map();
    const twice = new Set<string>();
    for (const statement of source.ast.body) {
      const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
      if (declaration.type !== "VariableDeclaration" || declaration.kind === "var") continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== "Identifier" || declarator.init?.type !== "ObjectExpression") continue;
        if (objects.has(declarator.id.name)) twice.add(declarator.id.name);
        objects.set(declarator.id.name, declarator.init);
      }
    }
    for (const name of twice) objects.delete(name);
    moduleObjectsOf.set(source, objects);
  }
  const object = objects.get(member.object.name);
  return object ? (findProperty(object, property)?.value as Node | undefined) : undefined;
}

/**
 * A request to a provider that runs no model: the model list (`https://openrouter.ai/api/v1/models`,
 * `${base}/models`: huggingface/chat-ui's debug route), or one that carries no credential at all, an
 * OAuth code exchange (`/api/v1/auth/keys` with only a content type: cameronapak/open-chat, batch
 * 77). The last only when the whole request is written out: a headers object of literal names, no
 * spread, and no key in the URL. Other reads still count: a GET polls a job for free, but another
 * mints a streaming token on the account (AssemblyAI's `/v3/token`), and a web-search API bills each GET.
 */
export function runsNoModel(source: SourceFile, url: Node | undefined, init: Node | undefined): boolean {
  // The model list: a URL that ends in `/models` as written (not `"…/models/" + id`, which on
  // Hugging Face runs the model).
  if (url && /\/models\/?$/.test(urlTail(source, url) ?? "")) return true;
  // Also with the key in its query: `${BASE}/models?key=${apiKey}` (choidy180/rise-2025's debug route, batch 112),
  // also held in a const first (HVVSATHWIK/Dots' models route, batch 165).
  if (url && /\/models\/?$/.test(pathBeforeQuery(writtenUrl(source, url)) ?? "")) return true;
  const text = url && urlText(source, url, 0);
  if (!text || !/^https?:\/\//i.test(text)) return false;
  // The model list written out whole, also `new URL("…/models")` and with a query (`…/models?output_modalities=image`).
  if (/\/models\/?(?:[?#]|$)/.test(text) && wholeUrl(source, url!)) return true;
  // The rest only for a URL written out whole: one built from parts may take the key in its query
  // (`${GEMINI_URL}?key=${apiKey}`), which the URL's text here does not show.
  if (/[?&](?:key|api_key|apikey|token|access_token)=/i.test(text) || !wholeUrl(source, url!)) return false;
  if (init?.type !== "ObjectExpression" || init.properties.some((property) => property.type !== "Property")) return false;
  // Headers written out with none that carries a key (a request with no headers at all is taken
  // for a sketch of a provider call, as tests and snippets write them).
  const headers = init.properties.find((property) => property.type === "Property" && !property.computed && property.key.type === "Identifier" && property.key.name === "headers");
  if (headers?.type !== "Property" || headers.value.type !== "ObjectExpression") return false;
  return headers.value.properties.every((property) => {
    if (property.type !== "Property" || property.computed) return false;
    const name = property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : "";
    return /^(?:content-type|accept|user-agent|http-referer|x-title|content-length|accept-encoding)$/i.test(name);
  });
}

/**
 * A GET of the model list or of one model's description, by the path an HTTP client's `get` is
 * given: `openaiApi.get("/models")`, `` api.get(`/models/${id}`) `` on an axios instance made for
 * a provider's host, `axios.get("https://api.openai.com/v1/models")` (vladaCizek/chatgptapi's
 * model routes). A GET: a POST to `models/…` runs the model on Hugging Face and Gemini.
 */
export function getsModelInfo(source: SourceFile, url: Node | undefined): boolean {
  if (!url) return false;
  const head = url.type === "TemplateLiteral" ? (url.quasis[0]?.value.cooked ?? undefined) : stringValue(url);
  const text = head !== undefined && !/^https?:/i.test(head) ? head : urlText(source, url, 0);
  return text !== undefined && /(?:^|\/)models(?:\/[^/?#]*)?\/?(?:[?#]|$)/.test(text.replace(/^https?:\/\/[^/]+/i, ""));
}

/**
 * The end of a URL as written, when it is text: a string's, a template's after its last hole, the
 * last part of a `+` chain, through a `const`. `${base}/models` ends in "/models"; `"…/models/" + id`
 * has no written end.
 */
function urlTail(source: SourceFile, url: Node, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  switch (url.type) {
    case "TemplateLiteral":
      return url.quasis[url.quasis.length - 1]?.value.cooked ?? undefined;
    case "BinaryExpression":
      return url.operator === "+" ? urlTail(source, url.right, depth + 1) : undefined;
    case "Identifier": {
      const init = enclosingConst(url, url.name) ?? constInits(source).get(url.name);
      return init ? urlTail(source, init, depth + 1) : undefined;
    }
    default:
      return stringValue(url);
  }
}

/** What a URL is written as, through up to three `const`s (`const url = \`…\`; fetch(url)`). */
function writtenUrl(source: SourceFile, url: Node): Node {
  for (let depth = 0; url.type === "Identifier" && depth < 3; depth++) {
    const init = enclosingConst(url, url.name) ?? constInits(source).get(url.name);
    if (!init) break;
    url = init;
  }
  return url;
}

/**
 * The end of a URL's path as written, where its query starts in written text: `${base}/models?key=${k}`
 * → "${base}/models" ends in "/models"; `…/models/${id}?key=…` has no written path end (undefined).
 * Only a template or a `+` chain whose query starts in a part of text.
 */
function pathBeforeQuery(url: Node): string | undefined {
  const parts: Array<string | undefined> = [];
  const collect = (node: Node): void => {
    if (node.type === "TemplateLiteral") {
      node.quasis.forEach((quasi, index) => {
        parts.push(quasi.value.cooked ?? undefined);
        if (index < node.expressions.length) parts.push(undefined);
      });
    } else if (node.type === "BinaryExpression" && node.operator === "+") {
      collect(node.left as Node);
      collect(node.right);
    } else parts.push(stringValue(node));
  };
  collect(url);
  for (const part of parts) {
    const at = part === undefined ? -1 : part.search(/[?#]/);
    if (at >= 0) return part!.slice(0, at);
  }
  return undefined;
}

/** A URL written whole: a string, a template with no hole, `new URL("…")`, or a const holding one. */
function wholeUrl(source: SourceFile, url: Node, depth = 0): boolean {
  if (url.type === "Literal") return typeof url.value === "string";
  if (url.type === "TemplateLiteral") return url.expressions.length === 0;
  if (url.type === "NewExpression") return url.callee.type === "Identifier" && url.callee.name === "URL" && url.arguments.length === 1 && wholeUrl(source, url.arguments[0] as Node, depth + 1);
  if (url.type === "Identifier" && depth < 3) {
    const init = constInits(source).get(url.name) ?? enclosingConst(url, url.name);
    return init !== undefined && wholeUrl(source, init, depth + 1);
  }
  return false;
}

/** Node's own HTTP modules: `https.request(options, onResponse)`, `https.get(url, options)`. */
const NODE_HTTP_MODULES = new Set(["http", "https", "node:http", "node:https"]);
const NODE_HTTP_METHODS = new Set(["request", "get"]);

/**
 * A request made with Node's `https.request` or `https.get` to a provider's host: a URL first
 * (`https.request("https://api.groq.com/…", options, cb)`) or options that name the host
 * (`{ hostname: "api.anthropic.com", path: "/v1/messages", headers: { "x-api-key": apiKey } }`, inline or in a
 * const: rainathecreatour-ops/demand-finder-ai's Vercel function, batch 227). A key the caller sent, a GET of
 * the model list, or another host is no provider's request.
 */
export function nodeHttpRequestProvider(source: SourceFile, call: TSESTree.CallExpression): Provider | undefined {
  const callee = call.callee;
  const method = callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : callee.type === "Identifier" ? callee.name : undefined;
  const holder = callee.type === "MemberExpression" ? callee.object : callee;
  if (!method || !NODE_HTTP_METHODS.has(method) || holder.type !== "Identifier") return undefined;
  const imported = importOf(source, holder.name);
  if (!imported || !NODE_HTTP_MODULES.has(imported.specifier) || (callee.type === "MemberExpression" ? !["default", "*"].includes(imported.name) : imported.name !== method)) return undefined;
  const [first, second] = call.arguments as Node[];
  const held = (node: Node | undefined) => (node?.type === "Identifier" ? (enclosingConst(node, node.name) ?? constInits(source).get(node.name)) : node);
  const firstValue = held(first);
  if (firstValue && firstValue.type !== "ObjectExpression") {
    const options = held(second)?.type === "ObjectExpression" ? second : undefined;
    return fetchRequestProvider(source, first, options);
  }
  if (firstValue?.type !== "ObjectExpression") return undefined;
  const host = stringValue((findProperty(firstValue, "hostname") ?? findProperty(firstValue, "host"))?.value as Node | undefined);
  if (!host || sendsCallersKey(source, first)) return undefined;
  const path = stringValue(findProperty(firstValue, "path")?.value as Node | undefined) ?? "/";
  if (/\/models\/?(?:[?#]|$)/.test(path)) return undefined;
  return findModelProviderForHost(`https://${host}${path.startsWith("/") ? "" : "/"}${path}`);
}

/**
 * The provider a `fetch(url, init)` reaches: by the URL's host, else by a provider's key in its auth
 * header or query. A key the caller sent (`Bearer ${req.headers.authorization}`) spends the caller's
 * quota, and the model list runs no model.
 */
export function fetchRequestProvider(source: SourceFile, url: Node | undefined, init: Node | TSESTree.CallExpressionArgument | undefined): Provider | undefined {
  if (sendsCallersKey(source, init) || runsNoModel(source, url, init)) return undefined;
  return fetchProvider(source, url) ?? keyHeaderProvider(source, url, init);
}

export function fetchProvider(source: SourceFile, url: Node | undefined): Provider | undefined {
  const text = url && urlText(source, url, 0);
  const match = text ? /^https?:\/\/([^/?#:]+)/i.exec(text) : null;
  if (!match) return undefined;
  // `https://api.github.com/repos/…`: the provider's own host, but no model runs there; nor at a
  // path of a shared host where none does (`https://api.cloudflare.com/client/v4/zones/…/purge_cache`).
  return findModelProviderForHost(text!);
}

/**
 * The host of a URL: a literal, a template, or a `const` of this file holding one, also through
 * a template or a `+` that starts with one (`${baseUrl}/${model}`, `base + "?key=" + key`) and a fallback
 * (`config.get("BASE_URL") || "https://router.huggingface.co/…"`, a real app's transcription route).
 */
/** `https://api.example.com`: a scheme and a host, nothing after it (a short, anchored pattern). */
const WHOLE_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#.\s][^/?#\s]*[^/?#.\s]$/i;

function urlText(source: SourceFile, node: Node, depth: number): string | undefined {
  // Six steps: `${baseUrl}/v1/…` → baseUrl → `.replace(…)` → `.trim()` → `(env || "https://…")` → the literal
  // (anse-app/chatgpt-demo, batch 66).
  if (depth > 6) return undefined;
  switch (node.type) {
    case "TemplateLiteral": {
      const head = node.quasis[0]?.value.cooked ?? "";
      if (head === "" && node.expressions.length > 0) {
        // `${baseUrl}/ai/run/${model}`: the base's text, then the template's path.
        const base = urlText(source, node.expressions[0], depth + 1);
        return base === undefined ? undefined : base + node.quasis.slice(1).map((quasi) => quasi.value.cooked ?? "").join("x");
      }
      // A hole inside the host (`https://bedrock-runtime.${region}.amazonaws.com/…`: mr-Arturio/SortQuest,
      // batch 50) stands for one label, which a catalogue wildcard host matches; one in the path for a
      // segment, the rest of the path kept: Workers AI runs models under `/accounts/${id}/ai/run/${model}`
      // of api.cloudflare.com, whose other paths run none (Jazee6/cloudflare-ai-web, batch 108).
      // A hole right after a whole host starts the path (`https://generativelanguage.googleapis.com${path}`:
      // 12561257/Cat-Judge's Netlify function, batch 150), not a longer host name.
      if (node.expressions.length === 0) return head;
      let text = head;
      for (const quasi of node.quasis.slice(1)) {
        const next = quasi.value.cooked ?? "";
        text += (WHOLE_HOST.test(text) && !/^[.:\w-]/.test(next) ? "/x" : "x") + next;
      }
      return text;
    }
    case "Identifier": {
      const init = constInits(source).get(node.name) ?? enclosingConst(node, node.name);
      if (init) return urlText(source, init, depth + 1);
      const imported = importedConst(source, node.name) ?? configPart(source, node);
      if (imported) return urlText(imported.source, imported.init, depth + 1);
      // `let endpoint;` set in each branch of an `if` before the request (mbark223/aipromptbuilder's
      // Replicate route): the request goes to one of them, so the first that names a host does.
      return letUrlText(source, node, depth);
    }
    case "MemberExpression": {
      // `axios.post(this.apiUrl, …)`: a field of the class (`private readonly apiUrl = "https://api.deepseek.com/…"`) or one its constructor sets;
      // `${apiConfig.baseUrl}/v1/chat/completions`: a property of the module's config object.
      const value = thisMemberValue(node) ?? moduleObjectProperty(source, node);
      return value ? urlText(source, value, depth + 1) : undefined;
    }
    case "NewExpression":
      // `const API_URL = new URL("https://api.openai.com/v1/completions")` (floripabit/accessible-actions).
      return node.callee.type === "Identifier" && node.callee.name === "URL" && node.arguments[0] ? urlText(source, node.arguments[0], depth + 1) : undefined;
    case "BinaryExpression": {
      // `"https://generativelanguage.googleapis.com/…?key=" + env.GEMINI_API_KEY`: the host is in the first part.
      if (node.operator !== "+") return undefined;
      let first: Node = node.left;
      while (first.type === "BinaryExpression" && first.operator === "+") first = first.left;
      return urlText(source, first, depth + 1);
    }
    case "LogicalExpression":
      return node.operator === "&&" ? undefined : (urlText(source, node.right, depth + 1) ?? urlText(source, node.left, depth + 1));
    case "ConditionalExpression":
      return urlText(source, node.consequent, depth + 1) ?? urlText(source, node.alternate, depth + 1);
    case "CallExpression":
      // `(process.env.DEEPSEEK_BASE_URL ?? "https://api.deepseek.com").replace(/\/$/, "")`: a
      // trailing slash trimmed keeps the host (B1ack2Mamba/nutrition-ai, batch 42).
      return node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier" && URL_TRIMS.has(node.callee.property.name)
        ? urlText(source, node.callee.object, depth + 1)
        : undefined;
    default: {
      const text = stringValue(node);
      return text && /^https?:\/\//i.test(text) ? text : undefined;
    }
  }
}

/** String methods that keep a URL's host when called on it. */
const URL_TRIMS = new Set(["replace", "trim", "trimEnd", "toString"]);

/**
 * The `const name` of the nearest block around `node` that declares one: for a name the file
 * declares more than once (two functions that each name their base URL `base`, a Telegram bot's
 * `sendMessage` and its OpenAI call: zoewhitmore/my-friend-bot, batch 35).
 */
function enclosingConst(node: Node, name: string): Node | undefined {
  return enclosingConstInit(node, (id) => id.type === "Identifier" && id.name === name);
}

/**
 * The first host a `let` (or `var`) of a block around `node` names: its initializer or any
 * `name = value` inside that block, in source order. For the URL of a request only: the host it
 * names, not the value at the request. Worked out once per `let`, however many requests use it (a
 * module-level `let url`). `url = url + "/chat"` refers to itself, and while its values are being
 * read the `let` names no host, so a chain of such lines stays one pass (not one per value per step).
 */
function letUrlText(source: SourceFile, node: TSESTree.Identifier, depth: number): string | undefined {
  const declarator = letDeclarator(node, node.name);
  if (!declarator) return undefined;
  if (letUrls.has(declarator)) return letUrls.get(declarator);
  letUrls.set(declarator, undefined);
  let text: string | undefined;
  for (const value of letValues(declarator, node.name)) if ((text = urlText(source, value, depth + 1))) break;
  letUrls.set(declarator, text);
  return text;
}

const letUrls = new WeakMap<TSESTree.VariableDeclarator, string | undefined>();

/** The nearest `let name`/`var name` that a block (or the module) around `node` declares. */
function letDeclarator(node: Node, name: string): TSESTree.VariableDeclarator | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type !== "BlockStatement" && scope.type !== "Program") continue;
    for (const statement of scope.body) {
      if (statement.type !== "VariableDeclaration" || statement.kind === "const") continue;
      for (const declarator of statement.declarations) if (declarator.id.type === "Identifier" && declarator.id.name === name) return declarator;
    }
  }
  return undefined;
}


/** What the nearest `let` of `name` around `node` is given, or undefined when no block around it declares one. */
export function valuesOfLet(node: Node, name: string): Node[] | undefined {
  const declarator = letDeclarator(node, name);
  return declarator ? letValues(declarator, name) : undefined;
}

/** What a `let` is given: its initializer, then each `name = value` in the block that declares it. */
function letValues(declarator: TSESTree.VariableDeclarator, name: string): Node[] {
  const values: Node[] = declarator.init ? [declarator.init] : [];
  const block = declarator.parent.parent;
  if (block)
    walk(block, (inner) => {
      if (inner.type === "AssignmentExpression" && inner.operator === "=" && inner.left.type === "Identifier" && inner.left.name === name) values.push(inner.right);
    });
  return values;
}

/**
 * The object a name is destructured from in a block around it: `requestBody` for `apiKey` in
 * `const { apiKey, ...openaiRequest } = requestBody` (a Netlify function that forwards the caller's
 * key: kimjeppesen/Samlino-ai-pressence, batch 60), the query for `row` in `const [row] = await db…`.
 * Only for asking whose the value is: the name holds a part of that object, not the object.
 */
function destructuredFrom(node: Node, name: string): Node | undefined {
  return enclosingConstInit(node, (id) => (id.type === "ObjectPattern" || id.type === "ArrayPattern") && binds(id, name));
}

/** The initializer of the first `const` in a block around `node` whose declared pattern `declares`. */
function enclosingConstInit(node: Node, declares: (id: TSESTree.BindingName) => boolean): Node | undefined {
  return enclosingConstDeclarator(node, declares)?.init ?? undefined;
}

/** The first `const` declarator in a block around `node` whose declared pattern `declares`. */
function enclosingConstDeclarator(node: Node, declares: (id: TSESTree.BindingName) => boolean): TSESTree.VariableDeclarator | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type !== "BlockStatement" && scope.type !== "Program") continue;
    for (const statement of scope.body) {
      if (statement.type !== "VariableDeclaration" || statement.kind !== "const") continue;
      for (const declarator of statement.declarations) if (declares(declarator.id)) return declarator;
    }
  }
  return undefined;
}

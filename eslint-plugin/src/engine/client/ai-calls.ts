/**
 * Browser code talking to an AI provider with a credential: SDK clients built with
 * `dangerouslyAllowBrowser`, fetch/axios calls to a provider's API host carrying an auth header
 * (or a `key=` query), and Anthropic's `anthropic-dangerous-direct-browser-access` header.
 * SDKs that run in a browser without a flag, and HTTP clients that send a provider's key to any
 * URL, are found by ./browser-keys.
 */
import type { TSESTree } from "../ast";
import { sdkUsePattern, textFacts } from "../text-facts";
import { browserAuthHeader, browserSdkClient, configString, credentialEnvReads, importedString, isDevelopersKey, importedTemplate, headerObjectKey, isKeyHeader, scopeOf, appModulesOf, type HeaderSet, type Scope } from "./browser-keys";
import { parameterAround } from "../patterns";
import { BROWSER_FLAGS, DIRECT_ACCESS_HEADER, modelProviderForHost, providerForSdk } from "./catalogue";
import type { EnvRead } from "./env-reads";
import { dottedName, isUserSupplied, namesNothingBound } from "./user-keys";
import { walk } from "./walk";
import { thisMemberValue } from "../this-member";
import { functionOrModule } from "../function-returns";

export interface AiCall {
  messageId: "dangerousBrowserClient" | "directProviderCall" | "dangerousDirectBrowserAccess" | "browserSdkClient" | "browserSdkClientKeySlot" | "browserAuthHeader";
  node: TSESTree.Node;
  data: Record<string, string>;
  /** For a client or header found by its key alone (no flag, any URL): the env reads of the key. */
  keyReads?: EnvRead[];
  /**
   * The direct-access header set on a request reported here: part of that request's one finding,
   * and reported on its own only where the request is not (a file whose side is undecided, where
   * only declarations of browser use count: LL2LO's committed bundle, batch 172).
   */
  joinsRequest?: true;
}

type ObjectProperty = Exclude<TSESTree.ObjectLiteralElement, TSESTree.SpreadElement>;

/**
 * Headers that carry a key. Not Anthropic's direct-access header: its `"true"` is no credential,
 * and a request whose key is the user's still reports it, on its own line (hassanzafarr/linkedin-x-ai-extension, batch 48).
 */
const AUTH_HEADERS = new Set(["authorization", "x-api-key", "api-key", "x-goog-api-key", "xi-api-key"]);
/** An HTTP client's request methods, axios's form ones (`postForm`) among them. */
const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "request", "postForm", "putForm", "patchForm"]);
/** Keys under which TSESTree keeps only types (annotations, type parameters and arguments). */
const TYPE_KEYS = new Set(["typeAnnotation", "returnType", "typeParameters", "typeArguments", "superTypeArguments"]);

/**
 * Cheap text tests first, one pass each: every provider host, auth header, query key and both
 * browser flags (aiHost); a provider SDK imported or a constructor called (sdkUse). Every call
 * findAiCalls reports needs one: a flag, a header, a query key (`?key=`, the URL imported) or a
 * host in the text, or a client whose callee comes from
 * an SDK package or is a provider's constructor (browser-keys.ts). A provider only named (a
 * comment, a model id, the AI SDK's own "ai") is no reason to build and walk the tree.
 */
export function mayCallAi(text: string): boolean {
  const facts = textFacts(text);
  // providerMention first: shared with require-rate-limit (often known already), and sdkUse
  // matches only where it does.
  if (facts.evidence("aiHost") >= 0) return true;
  if (facts.evidence("providerMention") < 0) return false;
  const first = facts.evidence("sdkUse");
  return first >= 0 && usesSdkInCode(text, first);
}

let sdkUseEverywhere: RegExp | undefined;

/**
 * Whether an SDK match from `first` on is more than a type-only import (`import type { openai }
 * from "@ai-sdk/openai"`, a UI component typing a tool's output): such a file creates no client.
 */
function usesSdkInCode(text: string, first: number): boolean {
  // Built once (the pattern names every provider's packages and constructors); lastIndex is reset per call.
  const pattern = (sdkUseEverywhere ??= new RegExp(sdkUsePattern().source, "g"));
  pattern.lastIndex = first;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!typeOnlyImport(text, match.index)) return true;
  }
  return false;
}

/** `from` at `at` ends an `import type …` or `export type …` statement (unsure: false, the tree is walked). */
function typeOnlyImport(text: string, at: number): boolean {
  if (!text.startsWith("from", at)) return false;
  // Within 2,000 characters: each match reads a bounded window (1 MB of imports stays linear).
  const before = text.slice(Math.max(0, at - 2_000), at);
  const start = Math.max(before.lastIndexOf("import"), before.lastIndexOf("export"));
  if (start < 0) return false;
  const statement = /^(?:import|export)\s+type\b([^;]*)$/.exec(before.slice(start));
  // `import type from "openai"` imports a default export named `type`.
  return statement !== null && statement[1].trim() !== "";
}

/**
 * What findAiCalls reads of a tree: every variable declarator, call and `new`, and each property
 * named the direct-access header, in source order. collectAiCallNodes walks the tree for them;
 * ESLint's rule gathers them from ESLint's own traversal instead (rules/no-client-ai-calls.ts).
 */
export interface AiCallNodes {
  declarators: TSESTree.VariableDeclarator[];
  requests: Array<TSESTree.CallExpression | TSESTree.NewExpression>;
  /** `{ "anthropic-dangerous-direct-browser-access": … }` properties and `headers["anthropic-…"] = …` assignments. */
  directAccess: Array<TSESTree.Property | TSESTree.AssignmentExpression>;
  /** `headers.Authorization = …`: an auth header set on a headers object after it was made. */
  headerSets?: TSESTree.AssignmentExpression[];
  /** What the text spells (browserUseWords), when the gatherer already asked: the nodes were gathered for it. */
  browserUse?: { flags: boolean; header: boolean };
}

/**
 * `headers.Authorization = \`Bearer ${key}\``, `headers["x-api-key"] = key`: an auth header set on a named object
 * after it was made (HiImKing1509/intelligent-document-entities-extraction's Mistral playground, batch 113).
 */
export function isHeaderSet(node: TSESTree.AssignmentExpression): boolean {
  const name = assignedHeader(node);
  return name !== undefined && isKeyHeader(name);
}

function assignedHeader(node: TSESTree.AssignmentExpression): string | undefined {
  const { left } = node;
  if (node.operator !== "=" || left.type !== "MemberExpression" || left.object.type !== "Identifier") return undefined;
  if (!left.computed) return left.property.type === "Identifier" ? left.property.name : undefined;
  return left.property.type === "Literal" && typeof left.property.value === "string" ? left.property.value : undefined;
}

/** The headers each named object is given after it was made. */
function headerSetsByObject(assignments: readonly TSESTree.AssignmentExpression[]): Map<string, HeaderSet[]> {
  const sets = new Map<string, HeaderSet[]>();
  for (const node of assignments) {
    const name = assignedHeader(node);
    if (name === undefined || node.left.type !== "MemberExpression" || node.left.object.type !== "Identifier") continue;
    const key = headerObjectKey(node.left.object.name, node);
    const list = sets.get(key) ?? [];
    list.push({ name, value: node.right });
    sets.set(key, list);
  }
  return sets;
}

/**
 * The direct-access header as an object property: `{ "anthropic-dangerous-direct-browser-access": "true" }`.
 * Asked of every property of a file that names a provider: the length is compared before a
 * lower-cased copy is made (the header is ASCII, so a key that lower-cases to it has its length).
 */
export function isDirectAccessProperty(node: TSESTree.Property): boolean {
  const key = propertyKey(node);
  return key !== undefined && key.length === DIRECT_ACCESS_HEADER.length && key.toLowerCase() === DIRECT_ACCESS_HEADER;
}

/**
 * The direct-access header set on a headers object after it was made: `headers["anthropic-dangerous-direct-browser-access"] = "true"`
 * (luxtelos/agentic-cpa-poc's ClaudeAdapter, batch 48).
 */
export function isDirectAccessAssignment(node: TSESTree.AssignmentExpression): boolean {
  const { left } = node;
  if (left.type !== "MemberExpression" || !left.computed || left.property.type !== "Literal" || typeof left.property.value !== "string") return false;
  const key = left.property.value;
  return key.length === DIRECT_ACCESS_HEADER.length && key.toLowerCase() === DIRECT_ACCESS_HEADER;
}

/**
 * `headers.set("anthropic-dangerous-direct-browser-access", "true")` (or `append`) on a `Headers`
 * object, or `xhr.setRequestHeader(…)` on an XMLHttpRequest (rockovo/prompt-optimizer's extension, batch 97).
 */
const HEADER_SETTERS = new Set(["set", "append", "setRequestHeader"]);
function setsDirectAccessHeader(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const [name] = node.arguments;
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.property.type !== "Identifier") return false;
  if (!HEADER_SETTERS.has(node.callee.property.name)) return false;
  return name?.type === "Literal" && typeof name.value === "string" && name.value.length === DIRECT_ACCESS_HEADER.length && name.value.toLowerCase() === DIRECT_ACCESS_HEADER;
}

/**
 * Whether `text` may hold a browser flag or the direct-access header at all. Both are found by
 * their literal names only (propertyKey, a string argument), so where the text spells neither no
 * node need be asked: most files that call a provider set neither (issue 11: the vercel/ai
 * packages' requests and properties were each asked for both).
 */
export function browserUseWords(text: string): { flags: boolean; header: boolean } {
  let flags = false;
  for (const flag of BROWSER_FLAGS.keys()) if (text.includes(flag)) flags = true;
  return { flags, header: DIRECT_ACCESS_TEXT.test(text) };
}
/** The header in any case (HTTP header names are case-insensitive; isDirectAccessProperty compares in lower case). */
const DIRECT_ACCESS_TEXT = new RegExp(DIRECT_ACCESS_HEADER, "i");

export function collectAiCallNodes(program: TSESTree.Program, header = true): AiCallNodes {
  const nodes: AiCallNodes = { declarators: [], requests: [], directAccess: [] };
  // Types hold none of these (their members are TSPropertySignature, never Property): a
  // provider package's TypeScript is much of it types, which the walk need not enter.
  walk(
    program,
    (node) => {
      if (node.type === "TSInterfaceDeclaration" || node.type === "TSTypeAliasDeclaration") return false;
      if (node.type === "VariableDeclarator") nodes.declarators.push(node);
      else if (node.type === "CallExpression" || node.type === "NewExpression") nodes.requests.push(node);
      else if (node.type === "Property" && header && isDirectAccessProperty(node)) nodes.directAccess.push(node);
      else if (node.type === "AssignmentExpression" && header && isDirectAccessAssignment(node)) nodes.directAccess.push(node);
      else if (node.type === "AssignmentExpression" && isHeaderSet(node)) (nodes.headerSets ??= []).push(node);
    },
    (_parent, key) => TYPE_KEYS.has(key),
  );
  return nodes;
}

/**
 * `file`: where the program is, so a key held by an imported config module is found (./imported-values).
 * `nodes`: the tree's nodes findAiCalls reads, when the caller has them (ESLint's traversal).
 */
export function findAiCalls(program: TSESTree.Program, text: string, file?: string, gathered?: AiCallNodes): AiCall[] {
  const words = gathered?.browserUse ?? browserUseWords(text);
  const nodes = gathered ?? collectAiCallNodes(program, words.header);
  const { declarators, requests, directAccess } = nodes;
  const constants = stringConstants(declarators);
  const objects = objectConstants(declarators);
  const headerConstants = headerValueConstants(declarators);
  const scope = scopeOf(program, text, valueConstants(declarators), file, declarators);
  if (nodes.headerSets?.length) scope.headerSets = headerSetsByObject(nodes.headerSets);
  const calls: AiCall[] = [];
  const reportedCalls: Array<[number, number]> = [];
  // The calls a browser flag declares: a header set on one is part of that declaration everywhere.
  const flaggedCalls: Array<[number, number]> = [];
  const initializers = new Map<string, TSESTree.Node>();
  for (const declarator of declarators) if (declarator.id.type === "Identifier" && declarator.init) initializers.set(declarator.id.name, declarator.init);
  const reportedFlags = new Set<TSESTree.Node>();
  // The header objects of the requests reported: a direct-access header set on one after it was made
  // (`headers["anthropic-dangerous-direct-browser-access"] = "true"`, then `fetch(url, { headers })`) is that request's finding.
  const reportedHeaders = new Set<string>();
  const noteHeaders = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
    for (const config of requestParts(node, objects)?.configs ?? []) {
      const object = config.type === "ObjectExpression" ? config : config.type === "Identifier" ? objects.get(config.name) : undefined;
      const headers = object && findProperty(object, "headers")?.value;
      if (headers?.type === "Identifier") reportedHeaders.add(headerObjectKey(headers.name, node));
    }
  };
  for (const node of requests) {
    const browserFlag = words.flags ? browserFlagOf(node, objects) : undefined;
    if (browserFlag) {
      const flag = propertyKey(browserFlag)!;
      reportedCalls.push(node.range);
      flaggedCalls.push(node.range);
      // One options object passed to two calls (the client and a log line) is one finding.
      if (reportedFlags.has(browserFlag)) continue;
      reportedFlags.add(browserFlag);
      calls.push({ messageId: "dangerousBrowserClient", node: browserFlag, data: { provider: BROWSER_FLAGS.get(flag) ?? providerOfCallee(node.callee), flag } });
      continue;
    }
    const request = httpRequest(node, constants, objects, headerConstants, declarators, scope);
    if (request) {
      // Every credential made of env reads (`Bearer ${process.env.OPENAI_API_KEY}`): ./index drops the
      // call where the framework leaves each read undefined in the browser, as for an SDK client.
      const reads = request.credentials.map((value) => (value ? credentialEnvReads(value, scope) : undefined));
      const keyReads = request.keyReads ?? (reads.every((read) => read !== undefined) ? reads.flat() : undefined);
      calls.push({ messageId: "directProviderCall", node, data: { host: request.host }, keyReads });
      reportedCalls.push(node.range);
      noteHeaders(node);
      continue;
    }
    const keyed = browserSdkClient(node, scope) ?? (node.type === "CallExpression" ? browserAuthHeader(node, requestParts(node, objects)?.configs ?? [], scope) : undefined);
    // openai v3: `new OpenAIApi(configuration)` is the client `new Configuration({ apiKey })`
    // (already reported, or reported inline as its argument) configures: one client, one finding.
    if (keyed && !buildsOnReported(node, initializers, reportedCalls) && !node.arguments.some((arg) => arg.type === "NewExpression" && browserSdkClient(arg, scope))) {
      calls.push(keyed);
      reportedCalls.push(node.range);
      noteHeaders(node);
    }
  }
  const headerSets = words.header ? requests.filter(setsDirectAccessHeader) : [];
  for (const property of [...directAccess, ...headerSets]) {
    const inside = ([start, end]: [number, number]) => property.range[0] >= start && property.range[1] <= end;
    if (flaggedCalls.some(inside)) continue;
    const joinsRequest =
      reportedCalls.some(inside) ||
      (property.type === "AssignmentExpression" && property.left.type === "MemberExpression" && property.left.object.type === "Identifier" && reportedHeaders.has(headerObjectKey(property.left.object.name, property)));
    calls.push({ messageId: "dangerousDirectBrowserAccess", node: property, data: {}, ...(joinsRequest && { joinsRequest: true as const }) });
  }
  return calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * The option objects an argument may be: `{ … }`, either branch of `relay ? { url } : { apiKey, … }`,
 * or a module's `const configuration = { apiKey, dangerouslyAllowBrowser: true }` passed by name
 * (`new OpenAI(configuration)`) or spread into the argument (`{ ...configuration, baseURL }`).
 */
function optionObjects(arg: TSESTree.Node, objects: ReadonlyMap<string, TSESTree.ObjectExpression>, depth = 0): TSESTree.ObjectExpression[] {
  if (depth > 4) return [];
  if (arg.type === "Identifier") {
    const named = objects.get(arg.name);
    return named ? optionObjects(named, objects, depth + 1) : [];
  }
  if (arg.type === "ObjectExpression") {
    const spread = arg.properties.flatMap((property) => (property.type === "SpreadElement" ? optionObjects(property.argument, objects, depth + 1) : []));
    return [arg, ...spread];
  }
  if (arg.type === "ConditionalExpression") return [...optionObjects(arg.consequent, objects, depth + 1), ...optionObjects(arg.alternate, objects, depth + 1)];
  return [];
}

/**
 * The first browser flag set in the options `node` is given (`dangerouslyAllowBrowser: true`, not
 * `false`). Loops, not array chains: this runs for every call in a file that names a provider.
 */
function browserFlagOf(node: TSESTree.CallExpression | TSESTree.NewExpression, objects: ReadonlyMap<string, TSESTree.ObjectExpression>): ObjectProperty | undefined {
  for (const arg of node.arguments) {
    // What optionObjects reads; any other argument holds no options object.
    if (arg.type !== "Identifier" && arg.type !== "ObjectExpression" && arg.type !== "ConditionalExpression") continue;
    for (const options of optionObjects(arg, objects)) {
      const flag = flagIn(options) ?? nestedClientOptions(options, objects);
      if (flag) return flag;
    }
  }
  return undefined;
}

function flagIn(options: TSESTree.ObjectExpression): ObjectProperty | undefined {
  for (const property of options.properties) {
    if (property.type === "Property" && BROWSER_FLAGS.has(propertyKey(property) ?? "") && !(property.value.type === "Literal" && property.value.value === false) && !forwardedFlag(property.value)) return property;
  }
  return undefined;
}

/**
 * A flag passed on from a parameter of the function around it, `new RealtimeAPI({ url, apiKey,
 * dangerouslyAllowAPIKeyInBrowser })` in the SDK's own constructor (a copy of @openai/realtime-api-beta
 * vendored into boutzoua/Openai_RealtimeAPI_Voice_Console's src/lib, batch 209): whoever calls it decides.
 */
function forwardedFlag(value: TSESTree.Node): boolean {
  return value.type === "Identifier" && parameterAround(value, value.name) !== undefined;
}

/**
 * LangChain.js hands the OpenAI client's own options through one property: `new ChatOpenAI({
 * configuration: { dangerouslyAllowBrowser: true } })`, `new OpenAIAssistantRunnable({ clientOptions:
 * { apiKey, dangerouslyAllowBrowser: true } })` (Pressiix/nextjs-openai-chat-web, batch 179).
 */
function nestedClientOptions(options: TSESTree.ObjectExpression, objects: ReadonlyMap<string, TSESTree.ObjectExpression>): ObjectProperty | undefined {
  for (const property of options.properties) {
    if (property.type !== "Property" || !CLIENT_OPTION_KEYS.has(propertyKey(property) ?? "")) continue;
    for (const nested of optionObjects(property.value, objects)) {
      const flag = flagIn(nested);
      if (flag) return flag;
    }
  }
  return undefined;
}

const CLIENT_OPTION_KEYS = new Set(["configuration", "clientOptions"]);

/** An argument of `node` is a variable holding a call already reported. */
function buildsOnReported(node: TSESTree.CallExpression | TSESTree.NewExpression, initializers: Map<string, TSESTree.Node>, reported: Array<[number, number]>): boolean {
  return node.arguments.some((arg) => {
    const init = arg.type === "Identifier" ? initializers.get(arg.name) : undefined;
    return init !== undefined && reported.some(([start, end]) => init.range[0] === start && init.range[1] === end);
  });
}

function providerOfCallee(callee: TSESTree.Node): string {
  const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : "";
  return providerForSdk(name)?.name ?? (name || "AI");
}

/** A key in a URL's query. */
const QUERY_KEY = /[?&](?:key|api_key|apikey)=/i;
/** A `key=` with a value written after it, not a hole's place. */
const WRITTEN_QUERY_KEY = /[?&](?:key|api_key|apikey)=[^&#\s]/i;

/** fetch(url, init), axios.post(url, data, config), axios({ url, headers }) to a provider host. */
function httpRequest(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  constants: Map<string, string>,
  objects: Map<string, TSESTree.ObjectExpression>,
  headerConstants: Map<string, TSESTree.Node>,
  declarators: readonly TSESTree.VariableDeclarator[],
  scope: Scope,
): { host: string; credentials: Array<TSESTree.Node | undefined>; keyReads?: EnvRead[] } | undefined {
  // Calls, `new SSE(url, { headers })` (sse.js, streaming a completion into the page), and
  // `new WebSocket(url, protocols)` to a provider's realtime API.
  const socket = node.type === "NewExpression" && isWebSocket(node.callee);
  if (node.type !== "CallExpression" && !socket && !(node.type === "NewExpression" && node.callee.type === "Identifier" && node.callee.name === "SSE")) return undefined;
  const parts = socket ? { url: node.arguments[0], configs: [] } : requestParts(node, objects);
  if (!parts) return undefined;
  const { configs } = parts;
  // `this.http.post(this.apiUrl, body)`: the URL is what the class sets the field to, also inside a
  // template (`${this.baseUrl}/text-to-speech`, set in the constructor: jenniferccao/Chirp, batch 35).
  const url = parts.url && (classValue(parts.url) ?? parts.url);
  // The URL const may be imported from the app's config module (Abiram116/SpaceLearn's API_ENDPOINT, batch 35).
  const member = (node: TSESTree.MemberExpression) => configString(node, scope);
  const imported = (name: string) => importedString(name, scope);
  const template = url?.type === "Identifier" && !constants.has(url.name) ? importedTemplate(url.name, scope) : undefined;
  const classOrConfig = (node: TSESTree.MemberExpression) => {
    const value = classValue(node);
    return value ? staticText(value, constants, member, imported) : member(node);
  };
  // The URL const this call sees: `constants` keep the file's first of each name, and another
  // function's `const url` (with the developer's key) is not this one's (with the caller's:
  // CodeWithJainendra/Dietary-Guide, batch 139).
  const own = url?.type === "Identifier" ? ownDeclaration(url.name, node, declarators) : undefined;
  let urlText = own ? (own.init ? urlTextOf(own.init, constants, classOrConfig, imported) : undefined) : (template?.text ?? (url ? staticText(url, constants, classOrConfig, imported) : undefined));
  // A local const built from class fields (`const url = \`${this.apiUrl}?key=${this.apiKey}\``, the
  // field set from an environment file: ManonTgr/Angular-GeminiChat, batch 85): file-wide consts
  // are read without the class, so its host is read from its template again, with it.
  if (urlText !== undefined && !hostOf(urlText) && url?.type === "Identifier") {
    const init = own ? own.init : valueConstants(declarators).get(url.name);
    if (init?.type === "TemplateLiteral" || init?.type === "BinaryExpression") urlText = staticText(init, constants, classOrConfig, imported);
  }
  if (!urlText) return undefined;
  const host = hostOf(urlText);
  // `https://api.github.com/user` with the user's GitHub token is no AI call (no model runs there).
  if (!host || !modelProviderForHost(host)) return undefined;
  // The credentials it sends: a key in the query, the values of its auth headers.
  const credentials: Array<TSESTree.Node | undefined> = [];
  // `const API_URL = \`…?key=${API_KEY}\``: the values are those of the const's template.
  if (QUERY_KEY.test(urlText)) credentials.push(...urlValues(url?.type === "Identifier" ? (own?.init ?? valueConstants(declarators).get(url.name) ?? url) : url, constants));
  for (const config of configs) credentials.push(...authHeaderValues(config, objects, headerConstants, scope.headerSets));
  if (socket) credentials.push(...socketProtocolKeys(node, declarators));
  if (credentials.length === 0) return undefined;
  // A socket is reported for the developer's own key only (an env read, a literal, a const of one): a
  // browser cannot set a socket's headers, so providers hand it a short-lived token the app's server
  // mints (Deepgram's and AssemblyAI's documented flows), which the page fetches and passes the same way.
  if (socket && !credentials.some((value) => value !== undefined && isDevelopersKey(value, scope))) return undefined;
  // The imported template's key is read in its own module: one env read there is the call's key.
  if (template && QUERY_KEY.test(urlText)) {
    const reads = template.holes.map((hole) => credentialEnvReads(hole, template.scope)).filter((read) => read !== undefined);
    return { host, credentials, keyReads: reads.length === 1 ? reads[0] : undefined };
  }
  // The user's own key (a parameter, browser storage) is theirs to send: not reported.
  const modules = appModulesOf(scope);
  if (credentials.every((value) => value !== undefined && isUserSupplied(value, declarators, modules))) return undefined;
  // An ephemeral key the app's server minted for this session (OpenAI Realtime's `client_secret.value`) is no key of the developer's.
  if (credentials.every((value) => value !== undefined && isEphemeralToken(value, declarators))) return undefined;
  // Nuxt's private runtime config is empty in the browser (`useRuntimeConfig().groqApiKey`: only
  // `public` reaches it): such a call sends no key (WebTitanDev/nuxt3-ai-chat-poc's utils/, batch 69).
  if (credentials.every((value) => value !== undefined && isPrivateRuntimeConfig(value, declarators))) return undefined;
  // Names the file never binds send nothing (charbelmansour005/ReactNative-myOpenAI-Davinci-ChatGPT: `const API_TOKEN` commented out).
  if (credentials.every((value) => value !== undefined && namesNothingBound(value, declarators, (name) => scope.imports.has(name)))) return undefined;
  return { host, credentials };
}

/**
 * `this.<name>` is Angular's HttpClient: the enclosing class takes it as `constructor(private
 * <name>: HttpClient)`, types a field so, or gets it with `inject(HttpClient)`.
 */
function isHttpClientField(node: TSESTree.Node, name: string): boolean {
  let body: TSESTree.Node | undefined = node.parent;
  while (body && body.type !== "ClassBody") body = body.parent;
  if (!body) return false;
  const isHttpClient = (type: TSESTree.TypeNode | undefined) => type?.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "HttpClient";
  for (const member of body.body) {
    if (member.type === "PropertyDefinition" && !member.computed && member.key.type === "Identifier" && member.key.name === name) {
      const injected = member.value?.type === "CallExpression" && member.value.callee.type === "Identifier" && member.value.callee.name === "inject" && member.value.arguments[0]?.type === "Identifier" && member.value.arguments[0].name === "HttpClient";
      return injected || isHttpClient(member.typeAnnotation?.typeAnnotation);
    }
    if (member.type !== "MethodDefinition" || member.kind !== "constructor") continue;
    for (const param of member.value.params) {
      const id = param.type === "TSParameterProperty" ? param.parameter : undefined;
      if (id?.type === "Identifier" && id.name === name) return isHttpClient(id.typeAnnotation?.typeAnnotation);
    }
  }
  return false;
}

/** `new WebSocket(…)`, also `window.WebSocket` and reconnecting-websocket's drop-in `ReconnectingWebSocket`. */
function isWebSocket(callee: TSESTree.Node): boolean {
  const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && callee.object.type === "Identifier" && (callee.object.name === "window" || callee.object.name === "globalThis") ? callee.property.name : undefined;
  return name === "WebSocket" || name === "ReconnectingWebSocket";
}

/** The subprotocol OpenAI's Realtime API reads a browser's key from: `openai-insecure-api-key.<key>`. */
const KEY_PROTOCOL = "openai-insecure-api-key.";

/**
 * The keys a socket's subprotocols carry: OpenAI Realtime's `openai-insecure-api-key.${key}` (or `+ key`),
 * and the value after a `"token"` entry, as Deepgram's live API takes it (`["token", key]`). The list is
 * written in the call or held in a const.
 */
function socketProtocolKeys(socket: TSESTree.NewExpression, declarators: readonly TSESTree.VariableDeclarator[]): TSESTree.Node[] {
  const arg = socket.arguments[1];
  // The list this call sees: its own function's const of that name, not the file's first (as for a URL const).
  const own = arg?.type === "Identifier" ? ownDeclaration(arg.name, socket, declarators) : undefined;
  const value = arg?.type === "Identifier" ? ((own ? own.init : declaratorOf(arg.name, declarators)?.init) ?? undefined) : arg;
  const entries = value?.type === "ArrayExpression" ? value.elements : value ? [value] : [];
  const keys: TSESTree.Node[] = [];
  entries.forEach((entry, index) => {
    if (!entry || entry.type === "SpreadElement") return;
    const next = entries[index + 1];
    if (entry.type === "Literal" && entry.value === "token") {
      if (next && next.type !== "SpreadElement") keys.push(next);
    } else if (entry.type === "TemplateLiteral" && entry.quasis[0].value.cooked === KEY_PROTOCOL && entry.expressions.length > 0) {
      keys.push(entry.expressions[0]);
    } else if (entry.type === "BinaryExpression" && entry.operator === "+" && entry.left.type === "Literal" && entry.left.value === KEY_PROTOCOL) {
      keys.push(entry.right);
    }
  });
  return keys;
}

/**
 * OpenAI Realtime's ephemeral key: the app's server asks OpenAI for a session and hands the browser
 * `client_secret.value`, good for a minute (MinSomai/cv-fe's WebRTC connection). Named so, or read
 * from that field, in a template or as is.
 */
function isEphemeralToken(node: TSESTree.Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  const hole = soleHole(node);
  if (hole?.type === "Identifier" && EPHEMERAL.test(hole.name)) return true;
  const value = hole && heldValue(hole, declarators);
  if (value?.type !== "MemberExpression") return false;
  // `tokenJson?.client_secret?.value` (GoldenHammmer/insurance-voice-training, batch 46).
  if (EPHEMERAL.test(dottedName(value) ?? "")) return true;
  // A field of an object typed so: `const session: RealtimeClientSecret = await res.json();
  // session.value` (openai/openai-realtime-solar-system, batch 67).
  let object: TSESTree.Node = value;
  while (object.type === "MemberExpression") object = object.object;
  if (object.type !== "Identifier") return false;
  const type = declaratorOf(object.name, declarators)?.id.typeAnnotation?.typeAnnotation;
  return type?.type === "TSTypeReference" && EPHEMERAL.test(type.typeName.type === "Identifier" ? type.typeName.name : type.typeName.type === "TSQualifiedName" ? type.typeName.right.name : "");
}

const EPHEMERAL = /ephemeral|client_?secret/i;

/**
 * A field of Nuxt's private runtime config: `useRuntimeConfig().apiKey`, or `config.apiKey` with
 * `const config = useRuntimeConfig()`, in a template or as is; not `config.public.apiKey`.
 */
function isPrivateRuntimeConfig(node: TSESTree.Node, declarators: readonly TSESTree.VariableDeclarator[]): boolean {
  const hole = soleHole(node);
  const value = hole && heldValue(hole, declarators);
  if (value?.type !== "MemberExpression" || value.computed || value.property.type !== "Identifier") return false;
  let config: TSESTree.Node = value.object;
  if (config.type === "Identifier") config = declaratorOf(config.name, declarators)?.init ?? config;
  if (config.type === "AwaitExpression") config = config.argument;
  return config.type === "CallExpression" && config.callee.type === "Identifier" && config.callee.name === "useRuntimeConfig";
}

/** What a credential is made of when it is one value: a template's only hole, or the value itself. */
function soleHole(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== "TemplateLiteral") return node;
  return node.expressions.length === 1 ? node.expressions[0] : undefined;
}

/** A name's const initializer (or the node itself), optional chaining unwrapped. */
function heldValue(node: TSESTree.Node, declarators: readonly TSESTree.VariableDeclarator[]): TSESTree.Node | undefined {
  const value = node.type === "Identifier" ? (declaratorOf(node.name, declarators)?.init ?? undefined) : node;
  return value?.type === "ChainExpression" ? value.expression : value;
}

function declaratorOf(name: string, declarators: readonly TSESTree.VariableDeclarator[]): TSESTree.VariableDeclarator | undefined {
  return declarators.find((declarator) => declarator.id.type === "Identifier" && declarator.id.name === name);
}

/**
 * What a URL is built from besides its literal text: a template's expressions from its `key=` on
 * (`${ENDPOINT}?key=${apiKey}`: the endpoint is no credential; all of them when no `key=` is
 * written in the template), a `+` chain's operands (`"…?key=" + apiKey`) and any literal after
 * its `key=` (a key written in); one unknown for anything else (the key may be in it).
 */
function urlValues(url: TSESTree.Node | undefined, constants: Map<string, string>): Array<TSESTree.Node | undefined> {
  if (url?.type === "TemplateLiteral") {
    // Quasi i comes before expression i: the holes after the one that writes `key=`.
    const keyAt = url.quasis.findIndex((quasi) => QUERY_KEY.test(quasi.value.cooked ?? ""));
    // A key written in after `key=` (`…?key=AIza…` in a template with no hole: gaston04gut/tp-webservices-5658,
    // batch 78) is the template's own text: the developer's.
    if (keyAt >= 0 && WRITTEN_QUERY_KEY.test(url.quasis[keyAt].value.cooked ?? "")) return [url];
    if (keyAt >= 0) return keyAt < url.expressions.length ? url.expressions.slice(keyAt) : url.expressions;
    // `${API_BASE_URL}${apiKey}`: the holes after a URL const that ends in `key=`.
    const constAt = url.expressions.findIndex((hole) => awaitsKey(urlConstText(hole, constants)));
    return constAt >= 0 ? url.expressions.slice(constAt + 1) : url.expressions;
  }
  if (url?.type !== "BinaryExpression" || url.operator !== "+") return [undefined];
  // The parts before a written `key=` are the URL's path (`"…/models/" + encodeURIComponent(model) + ":generateContent?key=" + key`:
  // the model's name, thaihai-swe/summarizer-extension's options page, batch 257); with no `key=` written, every part may be the key.
  const before: TSESTree.Node[] = [];
  const after: TSESTree.Node[] = [];
  let afterKey = false;
  let keyWritten = false;
  const pending: TSESTree.Node[] = [url];
  while (pending.length > 0) {
    const part = pending.pop()!;
    const values = afterKey ? after : before;
    const text = afterKey ? undefined : urlConstText(part, constants);
    if (part.type === "BinaryExpression" && part.operator === "+") pending.push(part.right, part.left);
    else if (part.type === "TemplateLiteral") values.push(...part.expressions);
    // `API_BASE_URL + apiKey`, the const's text ending in `key=` (EugeneMsv/ai-chrome-extension, batch 147):
    // the const is the URL, not a credential, unless a key is written in it.
    else if (text !== undefined && !WRITTEN_QUERY_KEY.test(text)) afterKey = awaitsKey(text);
    else if (part.type !== "Literal" || typeof part.value !== "string" || afterKey) values.push(part);
    else afterKey = QUERY_KEY.test(part.value);
    keyWritten ||= afterKey;
  }
  const values = keyWritten ? after : [...before, ...after];
  return values.length > 0 ? values : [undefined];
}

/** A URL's text with a `key=` and no key written after it: what follows it is the key. */
function awaitsKey(text: string | undefined): boolean {
  return text !== undefined && QUERY_KEY.test(text) && !WRITTEN_QUERY_KEY.test(text);
}

/** The text of a string const of the file's that holds a URL (`"https://…"`), for a name. */
function urlConstText(node: TSESTree.Node, constants: Map<string, string>): string | undefined {
  if (node.type !== "Identifier") return undefined;
  const text = constants.get(node.name);
  return text !== undefined && /^\s*(?:https?:)?\/\//i.test(text) ? text : undefined;
}

/**
 * Called as `fetch(url, init)`: fetch, Nuxt's `$fetch`, ofetch, ky, @microsoft/fetch-event-source's
 * `fetchEventSource(url, { headers })` and sse.js's `new SSE(url, { headers })` (both stream a
 * completion into the page).
 */
// Nuxt's `useFetch` / `useLazyFetch` take the same (url, options) (kendrickkilat/jira-ai's composable, batch 76).
const FETCH_LIKE = new Set(["fetch", "$fetch", "ofetch", "useFetch", "useLazyFetch", "ky", "fetchEventSource", "SSE"]);

/**
 * The URL and config arguments of an HTTP call: fetch(url, init), axios.post(url, data, config),
 * axios({ url, headers }), $.ajax({ url, headers }), ky(url, options), and client factories `axios.create(config)`,
 * `ky.create(options)` / `api.extend(options)` (no URL of their own).
 */
function requestParts(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  objects?: Map<string, TSESTree.ObjectExpression>,
): { url?: TSESTree.Node; configs: TSESTree.Node[] } | undefined {
  const callee = node.callee;
  const args = node.arguments;
  let url: TSESTree.Node | undefined;
  let configs: TSESTree.Node[] = [];
  const calleeName = callee.type === "Identifier" ? callee.name : undefined;
  const method = callee.type === "MemberExpression" && callee.property.type === "Identifier" ? callee.property.name : undefined;
  // `axios.post`, and a client held by a field: Angular's `this.http.post(url, body, options)`,
  // also under another name when the class declares it an HttpClient (Nandaku45/Aichatbot's
  // `constructor(private hc: HttpClient)`).
  const holder = callee.type === "MemberExpression" ? callee.object : undefined;
  const object =
    holder?.type === "Identifier" ? holder.name
    : holder?.type === "MemberExpression" && holder.object.type === "ThisExpression" && holder.property.type === "Identifier" ? holder.property.name
    : undefined;
  if ((method === "create" && (object === "axios" || object === "ky")) || method === "extend") {
    configs = args.slice(0, 1);
    // An instance made for the provider's host with the key in its headers sends it on every request
    // it makes: `axios.create({ baseURL: "https://api.openai.com/v1", headers: { Authorization } })`
    // (glvcsmt/erasmus-milano's AxiosConfig.js, batch 104), ky's `prefixUrl`.
    const first = args[0];
    const options = first?.type === "ObjectExpression" ? first : first?.type === "Identifier" ? objects?.get(first.name) : undefined;
    url = options ? (findProperty(options, "baseURL") ?? findProperty(options, "prefixUrl"))?.value : undefined;
  } else if (FETCH_LIKE.has(calleeName ?? "") || (method === "fetch" && (object === "window" || object === "globalThis"))) {
    url = args[0];
    configs = args.slice(1);
  } else if (calleeName === "axios" || isJqueryAjax(method, object) || (method && object && HTTP_METHODS.has(method) && (/axios|http|client|api/i.test(object) || object === "ky" || (holder?.type === "MemberExpression" && isHttpClientField(node, object))))) {
    // `axios(config)`, `axios.request(config)`, jQuery's `$.ajax(settings)`: one object, also a
    // const of the file holding it (hwalk1/ZenLog's `const options = { url, headers: { "xi-api-key":
    // … } }; axios.request(options)`, batch 48); or the URL first, then the config.
    const first = args[0];
    const whole =
      first?.type === "ObjectExpression" ? first
      : first?.type === "Identifier" && (calleeName === "axios" || method === "request" || method === "ajax") ? objects?.get(first.name)
      : undefined;
    if (whole) {
      const urlProperty = findProperty(whole, "url") ?? findProperty(whole, "baseURL");
      url = urlProperty?.value;
      configs = [whole];
    } else {
      url = args[0];
      configs = args.slice(1);
    }
  } else {
    return undefined;
  }
  return { url, configs };
}

/**
 * jQuery's `$.ajax(settings)` / `$.ajax(url, settings)`, whose `headers` setting sends the key
 * (a script tag's app calling OpenAI: batch 52's jQuery chat page). `$.post`/`$.get` take no headers.
 */
function isJqueryAjax(method: string | undefined, object: string | undefined): boolean {
  return method === "ajax" && (object === "$" || object === "jQuery");
}

/** "https://api.openai.com/v1/…" → "api.openai.com"; undefined when the host is not static. */
function hostOf(url: string): string | undefined {
  const match = /^\s*(?:https?:|wss?:)?\/\/([^/?#\s…]+)/i.exec(url);
  if (!match) return undefined;
  const host = match[1].toLowerCase().replace(/:\d+$/, "").replace(/^[^@]*@/, "");
  return /^[a-z0-9.-]+$/.test(host) ? host : undefined;
}

/** The values of the auth headers a request's options set (undefined where the value is not in sight). */
function authHeaderValues(
  config: TSESTree.Node,
  objects: Map<string, TSESTree.ObjectExpression>,
  headerConstants: Map<string, TSESTree.Node>,
  headerSets?: ReadonlyMap<string, ReadonlyArray<HeaderSet>>,
): Array<TSESTree.Node | undefined> {
  const object = config.type === "ObjectExpression" ? config : config.type === "Identifier" ? objects.get(config.name) : undefined;
  if (!object) return [];
  return headerEntries(findProperty(object, "headers")?.value, objects, headerConstants, headerSets)
    .filter((entry) => AUTH_HEADERS.has(entry.name.toLowerCase()) && !sendsNoKey(entry.value))
    .map((entry) => entry.value);
}

/**
 * A header written out with no key in it: `` `Bearer ` `` or `""` after the key was deleted
 * (mankal-27/expense-analyzer's testAi.js, batch 80), also `"Bearer " + ""`
 * (shubhraagarwal/termsAndConditionsSummarizer's popup, batch 196). It sends no credential.
 */
function sendsNoKey(value: TSESTree.Node | undefined): boolean {
  const text = value && writtenText(value);
  return text !== undefined && /^\s*(?:Bearer|Basic|Token)?\s*$/i.test(text);
}

/** The text of a string written out whole: a literal, a template with no holes, or `+` of those. */
function writtenText(value: TSESTree.Node, depth = 0): string | undefined {
  if (value.type === "Literal") return typeof value.value === "string" ? value.value : undefined;
  if (value.type === "TemplateLiteral") return value.expressions.length === 0 ? (value.quasis[0]?.value.cooked ?? undefined) : undefined;
  if (value.type !== "BinaryExpression" || value.operator !== "+" || depth > 8) return undefined;
  const left = writtenText(value.left, depth + 1);
  const right = left === undefined ? undefined : writtenText(value.right, depth + 1);
  return right === undefined ? undefined : left! + right;
}

/**
 * The headers a `headers` value sets, name and value: `{ … }`, `new Headers({ … })` or Angular's
 * `new HttpHeaders({ … })`, a `.set("Authorization", …)` / `.append(…)` chain on one, or a const
 * holding any of these.
 */
function headerEntries(
  value: TSESTree.Node | undefined,
  objects: Map<string, TSESTree.ObjectExpression>,
  headerConstants: Map<string, TSESTree.Node>,
  headerSets?: ReadonlyMap<string, ReadonlyArray<HeaderSet>>,
  depth = 0,
): Array<{ name: string; value: TSESTree.Node | undefined }> {
  if (!value || depth > 8) return [];
  switch (value.type) {
    case "ObjectExpression":
      return value.properties.flatMap((property) => (property.type === "Property" ? [{ name: propertyKey(property) ?? "", value: property.value }] : []));
    case "Identifier":
      return [...headerEntries(objects.get(value.name) ?? headerConstants.get(value.name), objects, headerConstants, headerSets, depth + 1), ...(headerSets?.get(headerObjectKey(value.name, value)) ?? [])];
    case "NewExpression":
      return headerEntries(value.arguments[0], objects, headerConstants, headerSets, depth + 1);
    case "CallExpression": {
      const { callee } = value;
      if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier" || !/^(?:set|append)$/.test(callee.property.name)) return [];
      const [name, set] = value.arguments;
      const own = name?.type === "Literal" && typeof name.value === "string" ? [{ name: name.value, value: set as TSESTree.Node | undefined }] : [];
      return [...own, ...headerEntries(callee.object, objects, headerConstants, headerSets, depth + 1)];
    }
    default:
      return [];
  }
}

function findProperty(object: TSESTree.ObjectExpression, name: string): ObjectProperty | undefined {
  return object.properties.find((property): property is ObjectProperty => property.type === "Property" && propertyKey(property) === name);
}

function propertyKey(property: TSESTree.Property | ObjectProperty): string | undefined {
  if (!property.computed && property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "Literal" && typeof property.key.value === "string") return property.key.value;
  return undefined;
}

/**
 * The text of a string, template (holes shown as …), `new URL("…")` or a const holding one.
 * `member`: what a `config.url`-style member holds (./browser-keys' configString), when the caller can tell;
 * `imported`: what a name imported from the app's own module holds (./browser-keys' importedString).
 */
function staticText(
  node: TSESTree.Node,
  constants: Map<string, string>,
  member?: (node: TSESTree.MemberExpression) => string | undefined,
  imported?: (name: string) => string | undefined,
): string | undefined {
  switch (node.type) {
    case "Literal":
      return typeof node.value === "string" ? node.value : undefined;
    case "TemplateLiteral":
      return node.quasis.map((quasi, i) => {
        const hole = node.expressions[i];
        const holeText = hole ? (staticText(hole, constants, member, imported) ?? "…") : "";
        return (quasi.value.cooked ?? "") + holeText;
      }).join("");
    case "Identifier":
      return constants.get(node.name) ?? imported?.(node.name);
    case "MemberExpression":
      return member?.(node);
    case "NewExpression":
      return node.callee.type === "Identifier" && node.callee.name === "URL" && node.arguments[0] ? staticText(node.arguments[0], constants, member, imported) : undefined;
    case "BinaryExpression":
      if (node.operator !== "+") return undefined;
      return (staticText(node.left, constants, member, imported) ?? "…") + (staticText(node.right, constants, member, imported) ?? "…");
    default:
      return undefined;
  }
}

/** What the class sets `this.name` to, when it is text a URL can be read from (a string, template, `+` chain or config member). */
function classValue(node: TSESTree.Node): TSESTree.Node | undefined {
  const value = thisMemberValue(node);
  return value && (value.type === "Literal" || value.type === "TemplateLiteral" || value.type === "BinaryExpression" || value.type === "MemberExpression") ? value : undefined;
}

/** `const API = "https://…"` anywhere in the file (first declaration, in source order, wins). */
function stringConstants(declarators: readonly TSESTree.VariableDeclarator[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const node of declarators) {
    if (node.id.type !== "Identifier" || !node.init || constants.has(node.id.name)) continue;
    if (node.init.type === "Literal" && typeof node.init.value === "string") constants.set(node.id.name, node.init.value);
    // A template, or a `+` chain that starts with text (`"https://…:generateContent?key=" + API_KEY`:
    // peralsmp/chatbot, batch 49).
    else if (node.init.type === "TemplateLiteral" || (node.init.type === "BinaryExpression" && node.init.operator === "+" && startsWithText(node.init))) {
      const text = staticText(node.init, constants);
      if (text !== undefined) constants.set(node.id.name, text);
    }
    // A URL the env may override, the provider's as the fallback: `const API_URL = GROQ_API_URL ||
    // "https://api.groq.com/…"` (shivakumargourimath/HabitTracker, batch 69).
    else if (node.init.type === "LogicalExpression" && node.init.operator !== "&&" && (node.init.right.type === "Literal" || node.init.right.type === "TemplateLiteral")) {
      const text = staticText(node.init.right, constants);
      if (text !== undefined && /^https?:\/\//i.test(text)) constants.set(node.id.name, text);
    } else if (node.init.type === "ConditionalExpression") {
      const text = remoteBranch(node.init, (branch) => staticText(branch, constants));
      if (text !== undefined) constants.set(node.id.name, text);
    }
  }
  return constants;
}

/**
 * The declaration of `name` that `at` sees when the file's first one is not it: a const of that
 * name in a function around `at` (the innermost) when the first is elsewhere, or `{}` (nothing
 * known: a parameter, an import) when every declaration of it is inside other functions.
 * Undefined when the file's first declaration is the one `at` sees, or there is none.
 */
function ownDeclaration(name: string, at: TSESTree.Node, declarators: readonly TSESTree.VariableDeclarator[]): { init?: TSESTree.Expression } | undefined {
  let first: TSESTree.VariableDeclarator | undefined;
  let seen: TSESTree.VariableDeclarator | undefined;
  let seenFrom = -1;
  for (const declarator of declarators) {
    if (declarator.id.type !== "Identifier" || declarator.id.name !== name || !declarator.init) continue;
    first ??= declarator;
    const owner = functionOrModule(declarator);
    if (owner.range[0] <= at.range[0] && at.range[1] <= owner.range[1] && owner.range[0] >= seenFrom) {
      seen = declarator;
      seenFrom = owner.range[0];
    }
  }
  if (!first || seen === first) return undefined;
  return seen ? { init: seen.init ?? undefined } : {};
}

/** A URL const's text as stringConstants reads it: a string, a template, a `+` chain, or the fallback of `ENV_URL || "https://…"`. */
function urlTextOf(
  init: TSESTree.Expression,
  constants: Map<string, string>,
  member: (node: TSESTree.MemberExpression) => string | undefined,
  imported: (name: string) => string | undefined,
): string | undefined {
  if (init.type === "LogicalExpression" && init.operator !== "&&") return staticText(init.right, constants, member, imported);
  if (init.type === "ConditionalExpression") return remoteBranch(init, (branch) => staticText(branch, constants, member, imported));
  return staticText(init, constants, member, imported);
}

/**
 * A URL chosen by a condition, a dev proxy in one branch and the provider in the other:
 * `import.meta.env.DEV ? "/api/v1/messages" : "https://api.anthropic.com/v1/messages"`
 * (StoneGiant0512/Voice-to-Voice-AI-assistant, batch 164). The built app sends its requests
 * where the remote branch says: the one branch that is a URL off this machine, if only one is.
 */
function remoteBranch(node: TSESTree.ConditionalExpression, textOf: (branch: TSESTree.Node) => string | undefined): string | undefined {
  const remote = [node.consequent, node.alternate].map(textOf).filter((text): text is string => text !== undefined && /^https?:\/\//i.test(text) && !LOOPBACK_URL.test(text));
  return remote.length === 1 ? remote[0] : undefined;
}

const LOOPBACK_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/?#]|$)/i;

/** `"https://…" + x + …`: the leftmost operand is a string. */
function startsWithText(node: TSESTree.BinaryExpression): boolean {
  let first: TSESTree.Node = node;
  while (first.type === "BinaryExpression" && first.operator === "+") first = first.left;
  return (first.type === "Literal" && typeof first.value === "string") || first.type === "TemplateLiteral";
}

/** `const NAME = <expression>` anywhere in the file (first declaration wins). */
function valueConstants(declarators: readonly TSESTree.VariableDeclarator[]): Map<string, TSESTree.Node> {
  const values = new Map<string, TSESTree.Node>();
  for (const node of declarators) {
    if (node.id.type === "Identifier" && node.init && !values.has(node.id.name)) values.set(node.id.name, node.init);
  }
  return values;
}

/** Consts that may hold headers built by a constructor or a `.set(…)` chain (`new HttpHeaders(…)`). */
function headerValueConstants(declarators: readonly TSESTree.VariableDeclarator[]): Map<string, TSESTree.Node> {
  const values = new Map<string, TSESTree.Node>();
  for (const node of declarators) {
    if (node.id.type === "Identifier" && (node.init?.type === "NewExpression" || node.init?.type === "CallExpression") && !values.has(node.id.name)) values.set(node.id.name, node.init);
  }
  return values;
}

function objectConstants(declarators: readonly TSESTree.VariableDeclarator[]): Map<string, TSESTree.ObjectExpression> {
  const objects = new Map<string, TSESTree.ObjectExpression>();
  for (const node of declarators) {
    if (node.id.type === "Identifier" && node.init?.type === "ObjectExpression" && !objects.has(node.id.name)) objects.set(node.id.name, node.init);
  }
  return objects;
}

/**
 * Reads the browser code a finding points at: which provider call it is, where its key comes
 * from, and every piece of text the fix must change. Returns undefined for shapes the fix cannot
 * rewrite without changing behaviour (it then offers nothing rather than a half fix).
 */
import type { SourceFile, TSESTree } from "../ast";
import type { Provider } from "../providers/types";
import { ancestors, findProperty, memberPath, nodeAt, propertyName, referencesTo, stringValue, walk } from "./ast-utils";
import { findProviderForHost, findProviderForPackage, knownProviders } from "./catalogue";
import { upstreamFor } from "./upstreams";

type Node = TSESTree.Node;

/** Where the browser's key came from. */
export type KeySource =
  | { kind: "literal"; value: string; /** A `const NAME = "…"` that only this call used: removed. */ declaration?: Node }
  | { kind: "env"; name: string }
  | { kind: "none" };

export interface SdkCall {
  call: TSESTree.CallExpression;
  /** API path, e.g. "/chat/completions". */
  apiPath: string;
  argument: Node;
}

export interface SdkUse {
  kind: "sdk";
  provider: Provider;
  /** The `const client = new OpenAI(...)` statement (removed), absent for an inline `new OpenAI(...).x()`. */
  declaration?: Node;
  /** The SDK import, removed when nothing else uses it. */
  importDeclaration?: TSESTree.ImportDeclaration;
  /** Or just the constructor's specifier, when the import brings other names too. */
  importSpecifier?: TSESTree.ImportClause;
  calls: SdkCall[];
  key: KeySource;
  /** A literal `baseURL` passed to the SDK (the route calls it instead of the default). */
  baseUrl?: string;
  models: string[];
}

export interface FetchUse {
  kind: "fetch";
  provider: Provider;
  call: TSESTree.CallExpression;
  url: URL;
  options: TSESTree.ObjectExpression;
  headers?: TSESTree.ObjectExpression;
  authHeader: string;
  authScheme?: "Bearer";
  /** Literal provider headers (e.g. anthropic-version) the route sends instead. */
  fixedHeaders: Record<string, string>;
  /** Header properties to keep in the browser (Content-Type, Accept, non-literal ones). */
  keptHeaders: TSESTree.Property[];
  key: KeySource;
  models: string[];
}

export type BrowserUse = SdkUse | FetchUse;

const AUTH_HEADERS = new Set(["authorization", "x-api-key", "api-key", "x-goog-api-key"]);
const BROWSER_ONLY_HEADERS = new Set(["anthropic-dangerous-direct-browser-access"]);
const KEEP_HEADERS = new Set(["content-type", "accept"]);

export function readBrowserUse(source: SourceFile, start: number, end: number, provider?: Provider): BrowserUse | undefined {
  const at = nodeAt(source.ast, start, end);
  if (!at) return undefined;
  const candidates = [at, ...ancestors(at)];
  // The key may sit in a variable: follow it to the call that uses it.
  const declarator = candidates.find((node): node is TSESTree.VariableDeclarator => node.type === "VariableDeclarator");
  const init = declarator?.init;
  const keyConst = init && (stringValue(init) !== undefined || (init.type === "MemberExpression" && envSource(init, source).kind === "env"));
  if (declarator && declarator.id.type === "Identifier" && keyConst) {
    for (const reference of referencesTo(source.ast, declarator.id.name)) {
      const use = readFrom(source, [reference, ...ancestors(reference)], provider);
      if (use) return use;
    }
    return undefined;
  }
  return readFrom(source, candidates, provider);
}

function readFrom(source: SourceFile, candidates: Node[], provider?: Provider): BrowserUse | undefined {
  for (const node of candidates) {
    if (node.type === "CallExpression" && isFetch(node.callee)) return readFetch(source, node, provider);
    if ((node.type === "NewExpression" || node.type === "CallExpression") && sdkProviderOf(source, node.callee)) {
      return readSdk(source, node, provider);
    }
    if (node.type === "CallExpression") {
      const { root } = memberPath(node.callee);
      const construction = root.type === "Identifier" ? initializerOf(source, root.name) : root;
      if (construction && (construction.type === "NewExpression" || construction.type === "CallExpression") && sdkProviderOf(source, construction.callee)) {
        return readSdk(source, construction, provider);
      }
    }
  }
  return undefined;
}

function isFetch(callee: Node): boolean {
  if (callee.type === "Identifier") return callee.name === "fetch";
  const { root, path } = memberPath(callee);
  return path.length === 1 && path[0] === "fetch" && root.type === "Identifier" && (root.name === "window" || root.name === "globalThis" || root.name === "self");
}

/** The import a name comes from: `import OpenAI from "openai"` → { source: "openai", declaration }. */
function importOf(source: SourceFile, name: string): TSESTree.ImportDeclaration | undefined {
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration") continue;
    if (statement.specifiers.some((specifier) => specifier.local.name === name)) return statement;
  }
  return undefined;
}

function sdkProviderOf(source: SourceFile, callee: Node): Provider | undefined {
  const name = callee.type === "Identifier" ? callee.name : undefined;
  if (!name) return undefined;
  const imported = importOf(source, name);
  if (imported) return findProviderForPackage(String(imported.source.value));
  return knownProviders().find((provider) => (provider.sdkConstructors ?? []).includes(name));
}

/** `const name = <init>` at any depth → its initializer. */
function initializerOf(source: SourceFile, name: string): Node | undefined {
  let found: Node | undefined;
  walk(source.ast, (node) => {
    if (found || node.type !== "VariableDeclarator") return;
    if (node.id.type === "Identifier" && node.id.name === name && node.init) found = node.init;
  });
  return found;
}

function readSdk(source: SourceFile, construction: TSESTree.NewExpression | TSESTree.CallExpression, given?: Provider): SdkUse | undefined {
  const options = construction.arguments[0];
  if (options && options.type !== "ObjectExpression") return undefined;
  const baseUrl = options ? stringValue(findProperty(options, "baseURL")?.value) : undefined;
  let provider = given ?? sdkProviderOf(source, construction.callee);
  if (!given && baseUrl) provider = hostProvider(baseUrl) ?? provider;
  if (!provider) return undefined;
  const upstream = upstreamFor(provider.id);
  if (!upstream) return undefined;

  const parent = construction.parent;
  const calls: SdkCall[] = [];
  let declaration: Node | undefined;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") {
    const statement = parent.parent;
    if (statement?.type !== "VariableDeclaration" || statement.declarations.length !== 1) return undefined;
    declaration = statement.parent?.type === "ExportNamedDeclaration" ? undefined : statement;
    if (!declaration) return undefined;
    for (const reference of referencesTo(source.ast, parent.id.name)) {
      const call = sdkCall(reference, upstream.sdkMethods);
      if (!call) return undefined; // used in a way the route cannot stand in for
      calls.push(call);
    }
  } else {
    const call = sdkCall(construction, upstream.sdkMethods);
    if (!call) return undefined;
    calls.push(call);
  }
  if (calls.length === 0) return undefined;

  const constructorName = construction.callee.type === "Identifier" ? construction.callee.name : "";
  const importDeclaration = importOf(source, constructorName);
  const stillImported =
    importDeclaration &&
    referencesTo(source.ast, constructorName).some((reference) => reference !== construction.callee);
  const keyNode = options ? findProperty(options, "apiKey")?.value : undefined;
  return {
    kind: "sdk",
    provider,
    declaration,
    importDeclaration: stillImported || importDeclaration?.specifiers.length !== 1 ? undefined : importDeclaration,
    importSpecifier:
      stillImported || !importDeclaration || importDeclaration.specifiers.length === 1
        ? undefined
        : importDeclaration.specifiers.find((specifier) => specifier.local.name === constructorName),
    calls,
    key: keySource(source, keyNode, [construction]),
    baseUrl,
    models: calls.flatMap((call) => modelsIn(call.argument)),
  };
}

/** `client.chat.completions.create(arg)` for a known method, with one argument, used as a value. */
function sdkCall(root: Node, methods: Record<string, string>): SdkCall | undefined {
  let top: Node = root;
  while (top.parent?.type === "MemberExpression" && top.parent.object === top && !top.parent.computed) top = top.parent;
  const call = top.parent;
  if (call?.type !== "CallExpression" || call.callee !== top) return undefined;
  const { path } = memberPath(top);
  const apiPath = methods[path.join(".")];
  if (!apiPath || call.arguments.length !== 1 || call.arguments[0].type === "SpreadElement") return undefined;
  // `.withResponse()`, `.asResponse()` and the like have no stand-in; awaiting and .then() do.
  const after = call.parent;
  if (after?.type === "MemberExpression" && after.object === call && !["then", "catch", "finally"].includes(memberPath(after).path[0] ?? "")) {
    return undefined;
  }
  return { call, apiPath, argument: call.arguments[0] };
}

function hostProvider(url: string): Provider | undefined {
  try {
    return findProviderForHost(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

function readFetch(source: SourceFile, call: TSESTree.CallExpression, given?: Provider): FetchUse | undefined {
  const target = stringValue(call.arguments[0]);
  const options = call.arguments[1];
  if (!target || options?.type !== "ObjectExpression" || call.arguments.length !== 2) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  // A key in the query string (`?key=`) would need rewriting the URL too: not offered.
  if ([...url.searchParams.keys()].some((name) => /key|token/i.test(name))) return undefined;
  const provider = given ?? findProviderForHost(url.hostname);
  if (!provider) return undefined;

  const headersProperty = findProperty(options, "headers");
  const headers = headersProperty?.value;
  if (headers && headers.type !== "ObjectExpression") return undefined;
  let authHeader = "";
  let authScheme: "Bearer" | undefined;
  let keyNode: Node | undefined;
  const fixedHeaders: Record<string, string> = {};
  const keptHeaders: TSESTree.Property[] = [];
  for (const property of headers?.properties ?? []) {
    if (property.type !== "Property") return undefined;
    const name = propertyName(property)?.toLowerCase();
    if (!name) return undefined;
    if (AUTH_HEADERS.has(name)) {
      authHeader = propertyName(property)!;
      ({ keyNode, scheme: authScheme } = splitAuthValue(property.value));
    } else if (BROWSER_ONLY_HEADERS.has(name)) {
      continue;
    } else if (!KEEP_HEADERS.has(name) && stringValue(property.value) !== undefined) {
      fixedHeaders[propertyName(property)!] = stringValue(property.value)!;
    } else {
      keptHeaders.push(property);
    }
  }
  if (!authHeader) return undefined;
  const body = findProperty(options, "body")?.value;
  const bodyObject = body?.type === "CallExpression" ? body.arguments[0] : undefined;
  return {
    kind: "fetch",
    provider,
    call,
    url,
    options,
    headers: headers?.type === "ObjectExpression" ? headers : undefined,
    authHeader,
    authScheme,
    fixedHeaders,
    keptHeaders,
    key: keySource(source, keyNode, [call]),
    models: bodyObject ? modelsIn(bodyObject) : [],
  };
}

/** `Bearer ${key}`, "Bearer " + key, or the key alone. */
function splitAuthValue(value: Node): { keyNode?: Node; scheme?: "Bearer" } {
  if (value.type === "TemplateLiteral" && value.expressions.length === 1 && /^bearer\s+$/i.test(value.quasis[0].value.cooked ?? "")) {
    return { keyNode: value.expressions[0], scheme: "Bearer" };
  }
  if (value.type === "BinaryExpression" && value.operator === "+" && /^bearer\s+$/i.test(stringValue(value.left) ?? "")) {
    return { keyNode: value.right, scheme: "Bearer" };
  }
  const literal = stringValue(value);
  if (literal !== undefined && /^bearer\s+\S+$/i.test(literal)) {
    return { keyNode: { ...value, type: "Literal", value: literal.replace(/^bearer\s+/i, "") } as Node, scheme: "Bearer" };
  }
  return { keyNode: value };
}

function keySource(source: SourceFile, node: Node | undefined, usedIn: Node[]): KeySource {
  if (!node) return { kind: "none" };
  const literal = stringValue(node);
  if (literal !== undefined) return { kind: "literal", value: literal };
  if (node.type === "Identifier") {
    const publicImport = svelteKitPublicImport(source, node.name);
    if (publicImport) return { kind: "env", name: publicImport };
    const init = initializerOf(source, node.name);
    const value = stringValue(init);
    // `const apiKey = process.env.X` feeding `{ apiKey }`: the route reads X (the const goes with the client).
    if (value === undefined) return init && init.type === "MemberExpression" ? envSource(init, source) : { kind: "none" };
    const declarator = init!.parent;
    const statement = declarator?.parent;
    const onlyHere = referencesTo(source.ast, node.name).every((reference) =>
      usedIn.some((user) => user.range[0] <= reference.range[0] && reference.range[1] <= user.range[1]),
    );
    const removable = onlyHere && statement?.type === "VariableDeclaration" && statement.declarations.length === 1 && statement.parent?.type === "Program";
    return { kind: "literal", value, declaration: removable ? statement : undefined };
  }
  return envSource(node, source);
}

/** `import { PUBLIC_OPENAI_API_KEY } from "$env/static/public"`: SvelteKit's public env, by name. */
function svelteKitPublicImport(source: SourceFile, name: string): string | undefined {
  const declaration = importOf(source, name);
  if (declaration?.source.value !== "$env/static/public") return undefined;
  const specifier = declaration.specifiers.find((candidate) => candidate.local.name === name);
  if (specifier?.type !== "ImportSpecifier") return undefined;
  return specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
}

/** `process.env.NAME`, `import.meta.env.NAME`, or SvelteKit's `env.NAME` from `$env/dynamic/public`. */
function envSource(node: Node, source?: SourceFile): KeySource {
  const { root, path } = memberPath(node);
  if (source && root.type === "Identifier" && path.length === 1 && importOf(source, root.name)?.source.value === "$env/dynamic/public") {
    return { kind: "env", name: path[0] };
  }
  const envName = path[path.length - 1];
  const isProcessEnv = root.type === "Identifier" && root.name === "process" && path.length === 2 && path[0] === "env";
  const isImportMetaEnv = root.type === "MetaProperty" && path.length === 2 && path[0] === "env";
  if ((isProcessEnv || isImportMetaEnv) && envName) return { kind: "env", name: envName };
  return { kind: "none" };
}

/** Literal `model: "…"` values in a request body object. */
function modelsIn(node: Node): string[] {
  if (node.type !== "ObjectExpression") return [];
  const model = stringValue(findProperty(node, "model")?.value);
  return model ? [model] : [];
}

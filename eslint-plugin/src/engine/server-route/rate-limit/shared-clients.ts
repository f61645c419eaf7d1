/**
 * Shared AI clients and helpers: real apps build the provider client once (`lib/openai.ts`
 * exporting `openai = new OpenAI()`, an `ai/openaiSingleton.ts` getter, a `utils/` helper such as
 * `askGroq()`) and import it into every route. This follows a route file's imports (the client
 * graph's resolver: tsconfig paths, index files, `.js`-for-`.ts`) a bounded number of hops and
 * says which imported names stand for a provider or a rate limiter. Each module's answer is
 * cached by path and mtime (its own and those of the modules it followed).
 */
import * as path from "node:path";
import { parseSource, type SourceFile, type TSESTree } from "../../ast";
import type { Provider } from "../../providers/types";
import { createResolver, type ProjectResolver } from "../../client/resolve";
import { onInvalidate } from "../../client/files";
import { importOf, localImports } from "../../module-imports";
import { requiredModule } from "../../require-call";
import { functionReturns } from "../../function-returns";
import { frameworkOf } from "../../client/framework";
import { workspaceOf } from "../../client/workspaces";
import type { ProjectView } from "../types";
import { commonJsExport, memberPath, stringValue, walk, withoutTypeAssertion } from "../ast-utils";
import { findProviderForPackage } from "../catalogue";
import { addChains, chainBuiltBy, constructedFrom, fileBindings, isLimiterPackage, isSdkOrLimiterPackage, keyIsUserSupplied, providerConstructors, type FileBindings } from "./bindings";
import { companionLimits, LIMIT_NAME, sdkCallRunsNoModel, scanFunction } from "./function-scan";
import { sentKeyParameter } from "./provider-requests";
import { addGenkit } from "./genkit";
import { addGraphs } from "./langgraph";
import { nuxtAutoImportable, nuxtAutoImportName, nuxtServerUtils, topLevelNames } from "./nuxt-server-utils";
import { contextClients } from "./trpc-context";

type Node = TSESTree.Node;

/** Import hops followed from a route file (route → lib/ai/index → lib/ai/openai → …). */
const MAX_HOPS = 3;
/** Resolution answers are re-asked after this long, so a file created later is found. */
const RESOLVER_FRESHNESS_MS = 3000;

export interface ExportMeaning {
  provider?: Provider;
  /** A function that calls the provider's model itself (not one that returns its client): calling it spends quota. */
  callsModel?: boolean;
  /** The argument that function makes its client's key from: a caller's key there spends the caller's quota. */
  keyParam?: number;
  /** A class's method (`Name#method`): the constructor argument the class makes its client's key from. */
  constructorKeyParam?: number;
  limiter?: boolean;
  /**
   * A class that makes or keeps a client (`static getInstance() { return this.instance ??= new
   * OpenAI() }`, a factory's `static create(id) { return new GoogleTokenizer(id) }`): calling one of
   * its static methods hands back the client; only its methods that call the model (`Name#method`)
   * spend quota.
   */
  holder?: boolean;
  /**
   * A function that returns a vector store made over an embeddings client and calls no model itself
   * (gregermendle/remix-ai-chat-stack's `removeDocument`, which returns its HNSWLib store after a `save`,
   * batch 88): calling it hands back the store; only the calls on the store that embed spend quota.
   * (A bare call of a function that returns any other client still counts: the client it hands back is
   * often used in ways not followed, destructured or picked in a switch.)
   */
  returnsStore?: boolean;
  /** A vector store made over an embeddings client: only its calls that embed spend quota (FileBindings `vectorStores`). */
  vectorStore?: boolean;
}

interface ModuleSummary {
  exports: Map<string, ExportMeaning>;
  /** The clients a tRPC context made here (or imported) holds, by property: `ctx.openai` (./trpc-context). */
  contextClients?: Map<string, Provider>;
  /** Every file read to build this answer, with the mtime it had. */
  stamps: Array<[string, number | undefined]>;
  /** When the stamps were last found current (Date.now()). */
  checkedAt: number;
  /**
   * The import hops it was built with: one built with fewer (reached at the end of another
   * route's chain) may lack a client further away, so a request for more builds it again.
   */
  hops: number;
}

/**
 * A summary's stamps are checked again after this long (as the client graph's): a scan uses one
 * summary for hundreds of routes, and stat-ing its files for each was a tenth of the scan. A file
 * watcher's invalidation (files.ts) makes every summary check again at its next use.
 */
const STAMPS_FRESH_MS = 3000;

const summaries = new Map<string, ModuleSummary>();
onInvalidate(() => {
  for (const summary of summaries.values()) summary.checkedAt = 0;
});
const resolvers = new Map<string, { resolver: ProjectResolver; at: number }>();

/** Forget cached modules (tests). */
export function clearSharedClientCache(): void {
  summaries.clear();
  resolvers.clear();
}

/**
 * Adds to `bindings` the names `source` imports from its own modules that stand for a provider
 * client (or a function that calls one) or for a rate limiter.
 */
export function addImportedBindings(source: SourceFile, bindings: FileBindings, project: ProjectView, hops = MAX_HOPS, seen = new Set<string>()): string[] {
  const followed: string[] = [];
  for (const { specifier, names } of localImports(source)) {
    // SDK and limiter imports are fileBindings' own (a `node:` builtin resolves to no file, below).
    if (names.every(({ local }) => bindings.providers.has(local) || bindings.limiters.has(local) || bindings.aiSdkCalls.has(local))) continue;
    // What fileBindings did not bind from an SDK means nothing here (`UIMessage` from "ai"):
    // following it would summarise the SDK's own sources (hundreds of files in a monorepo).
    if (isSdkOrLimiterPackage(specifier)) continue;
    const target = resolveImport(source.file, specifier);
    // An installed package's build (a dist bundle) is not where an app keeps its shared client.
    if (!target || seen.has(target) || target.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const summary = summaryOf(target, project, hops - 1, new Set([...seen, source.file]));
    if (!summary) continue;
    followed.push(target, ...summary.stamps.map(([file]) => file));
    for (const [property, provider] of summary.contextClients ?? []) {
      if (!(bindings.contextClients ??= new Map()).has(property)) bindings.contextClients.set(property, provider);
      (bindings.memberProviders ??= new Map()).set(`ctx.${property}`, provider);
    }
    for (const { local, imported } of names) {
      // A module imported whole: its exports are reached as `local.name` (an Express controller).
      if (imported === "default" || imported === "*") {
        for (const [name, meaning] of summary.exports) {
          if (name !== "default" && !name.includes("#") && meaning.provider) (bindings.memberProviders ??= new Map()).set(`${local}.${name}`, meaning.provider);
        }
      }
      // A class's methods that call a provider: `ChatService#ask` (a NestJS service injected by type),
      // and a re-exported module's members: `OpenAIService.sendMessage` through a barrel.
      for (const [name, meaning] of summary.exports) {
        if (meaning.provider && (name.startsWith(`${imported}#`) || name.startsWith(`${imported}.`) || name.startsWith(`${imported}().`))) (bindings.memberProviders ??= new Map()).set(`${local}${name.slice(imported.length)}`, meaning.provider);
        if (meaning.constructorKeyParam !== undefined && name.startsWith(`${imported}#`)) (bindings.classKeyParams ??= new Map()).set(local, meaning.constructorKeyParam);
      }
      bindMeaning(bindings, local, summary.exports.get(imported));
    }
  }
  const utils = nuxtServerUtils(source.file);
  const declared = utils.length > 0 ? topLevelNames(source) : undefined;
  for (const target of utils) {
    if (seen.has(target)) continue;
    const summary = summaryOf(target, project, hops - 1, new Set([...seen, source.file]));
    if (!summary) continue;
    let used = false;
    for (const [exported, meaning] of summary.exports) {
      const name = nuxtAutoImportName(exported, target);
      if (!nuxtAutoImportable(name, source.text, declared) || bindings.providers.has(name) || bindings.limiters.has(name)) continue;
      used = bindMeaning(bindings, name, meaning) || used;
    }
    if (used) followed.push(target, ...summary.stamps.map(([file]) => file));
  }
  if (bindings.memberProviders) addInstanceMembers(source, bindings);
  if (followed.length > 0) addMadeClients(source, bindings);
  return followed;
}

/** The methods of what an imported factory returns that call a provider (`createChatService().sendMessage`). */
function factoryMembers(bindings: FileBindings, factory: string): Array<[string, Provider]> {
  const prefix = `${factory}().`;
  return [...(bindings.memberProviders ?? [])].flatMap(([key, provider]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), provider] as [string, Provider]] : []));
}

/** A factory's name: `createChatService`, `makeClient`, `buildAgent`, `getAIService`. */
const FACTORY_NAME = /^(?:create|make|build|get|init|new)[A-Z]|(?:Service|Client|Agent|Factory)$/;

/**
 * What an imported factory or client holder hands back is a client, and calls on it are the
 * provider's: `const ai = OpenAISingleton.getInstance()`, `tokenizer = TokenizerFactory.create(id)`
 * (a holder's static method), `const chatService = createChatService()` (a factory whose returned
 * service's methods run a LangGraph graph: Rafiqdevhub/Langchain-With-Node.js's controller, batch 75).
 * A helper that calls the model itself (`const answer = await askGroq(q)`) hands back its answer,
 * not a client, unless its name says it makes one.
 */
function addMadeClients(source: SourceFile, bindings: FileBindings): void {
  walk(source.ast, (node) => {
    const target = node.type === "VariableDeclarator" ? node.id : node.type === "AssignmentExpression" ? node.left : undefined;
    let value = node.type === "VariableDeclarator" ? node.init : node.type === "AssignmentExpression" ? node.right : undefined;
    while (value?.type === "AwaitExpression" || value?.type === "TSAsExpression") value = value.type === "AwaitExpression" ? value.argument : value.expression;
    if (value?.type !== "CallExpression") return;
    // `const { openai, model } = initOpenAi()`: the client a factory returns in an object.
    if (target?.type === "ObjectPattern" && value.callee.type === "Identifier") {
      const members = new Map(factoryMembers(bindings, value.callee.name));
      for (const property of target.properties) {
        if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || property.value.type !== "Identifier") continue;
        const provider = members.get(property.key.name);
        if (provider && !bindings.providers.has(property.value.name)) bindings.providers.set(property.value.name, provider);
      }
      return;
    }
    if (target?.type !== "Identifier" || bindings.providers.has(target.name)) return;
    const callee = value.callee;
    // A factory whose returned object's methods the summary knows one by one: `chatService.sendMessage`
    // calls the model, `codeReviewService.detectLanguage` does not.
    const members = callee.type === "Identifier" ? factoryMembers(bindings, callee.name) : [];
    if (members.length > 0) {
      for (const [method, provider] of members) if (!bindings.memberProviders!.has(`${target.name}.${method}`)) bindings.memberProviders!.set(`${target.name}.${method}`, provider);
      return;
    }
    let maker: string | undefined;
    if (callee.type === "MemberExpression" && callee.object.type === "Identifier" && bindings.clientHolders?.has(callee.object.name)) maker = callee.object.name;
    else if (callee.type === "Identifier" && (!bindings.modelHelpers?.has(callee.name) || FACTORY_NAME.test(callee.name))) maker = callee.name;
    const provider = maker === undefined ? undefined : bindings.providers.get(maker);
    if (provider) bindings.providers.set(target.name, provider);
  });
}

/** Binds `local` to what an imported export stands for; true when it stands for anything. */
function bindMeaning(bindings: FileBindings, local: string, meaning: ExportMeaning | undefined): boolean {
  if (meaning?.provider) {
    bindings.providers.set(local, meaning.provider);
    bindings.firstProvider ??= meaning.provider;
    if (meaning.callsModel) (bindings.modelHelpers ??= new Set()).add(local);
    if (meaning.keyParam !== undefined) (bindings.helperKeyParams ??= new Map()).set(local, meaning.keyParam);
    if (meaning.holder) (bindings.clientHolders ??= new Set()).add(local);
    if (meaning.returnsStore) (bindings.storeFactories ??= new Set()).add(local);
    if (meaning.vectorStore) (bindings.vectorStores ??= new Set()).add(local);
    return true;
  }
  if (meaning?.limiter) {
    bindings.limiters.add(local);
    return true;
  }
  return false;
}

/**
 * `const ai = new AiService()` of an imported class whose methods call a provider (`AiService#ask`):
 * `ai.ask()` is that method (an Express app's service instance made in its route file).
 */
function addInstanceMembers(source: SourceFile, bindings: FileBindings): void {
  const members = bindings.memberProviders!;
  const methods = new Map<string, Array<[string, Provider]>>();
  for (const [key, provider] of members) {
    const hash = key.indexOf("#");
    if (hash <= 0) continue;
    const type = key.slice(0, hash);
    const list = methods.get(type) ?? [];
    list.push([key.slice(hash + 1), provider]);
    methods.set(type, list);
  }
  // A word search first: most files that import such a class never construct it. A factory's
  // instance is made by a call (`const aiClient = createAIClient({ apiKey })`): calling a class
  // without `new` throws, so a call of a name with methods is one.
  if (![...methods.keys()].some((type) => source.text.includes(`new ${type}`) || source.text.includes(`${type}(`))) return;
  // Also an instance assigned later: `let aiService; try { aiService = new AIService() } catch {}`
  // (ay0711/AI's controller, batch 76). Calls on it are judged method by method (function-scan):
  // `aiService.generateContent()` runs the model, `aiService.listAvailableModels()` does not.
  walk(source.ast, (node) => {
    const id = node.type === "VariableDeclarator" ? node.id : node.type === "AssignmentExpression" ? node.left : undefined;
    if (id?.type !== "Identifier") return;
    let init = node.type === "VariableDeclarator" ? node.init : node.type === "AssignmentExpression" ? node.right : undefined;
    while (init?.type === "AwaitExpression" || init?.type === "TSAsExpression") init = init.type === "AwaitExpression" ? init.argument : init.expression;
    if ((init?.type !== "NewExpression" && init?.type !== "CallExpression") || init.callee.type !== "Identifier") return;
    const known = methods.get(init.callee.name);
    if (!known) return;
    // `new AIService(provider, apiKey.key)` with the user's own key: its calls spend the user's quota.
    const keyIndex = init.type === "NewExpression" ? bindings.classKeyParams?.get(init.callee.name) : undefined;
    const key = keyIndex === undefined ? undefined : init.arguments[keyIndex];
    const sources = bindings.keySources;
    if (key && key.type !== "SpreadElement" && sources && keyIsUserSupplied(key, sources.declarations, sources.moduleNames)) return;
    if (init.type === "NewExpression") (bindings.classInstances ??= new Set()).add(id.name);
    for (const [method, provider] of known) if (!members.has(`${id.name}#${method}`)) members.set(`${id.name}#${method}`, provider);
  });
}

/**
 * The constructor argument a class makes its client's key from: `constructor(provider, private
 * apiKey: string) { this.client = createOpenRouter({ apiKey }) }` (fileBindings' paramKeyClients).
 */
function keyParamOfConstructor(declaration: TSESTree.ClassDeclaration, bindings: FileBindings): number | undefined {
  const constructor = declaration.body.body.find((member) => member.type === "MethodDefinition" && member.kind === "constructor");
  if (!constructor || constructor.type !== "MethodDefinition" || !bindings.paramKeyClients) return undefined;
  for (const { fn, index } of bindings.paramKeyClients.values()) if (fn === constructor.value) return index;
  return undefined;
}

/** A code file an import of `fromFile` resolves to (the client graph's resolver), or undefined. */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  // `node:fs` is never the app's own code, and the resolver (oxc-resolver's native binary and a
  // tsconfig read, ~20 ms) need not be made for it: vercel/ai's provider packages made it for one
  // `import fs from "node:fs"` whose readFileSync a test hands to a Response. Every caller relies
  // on this answer. A bare `fs` or `events` is asked: a tsconfig's baseUrl or paths can make it a
  // file of the app.
  if (specifier.startsWith("node:")) return undefined;
  const root = frameworkOf(fromFile).root;
  let entry = resolvers.get(root);
  const now = Date.now();
  if (!entry || now - entry.at > RESOLVER_FRESHNESS_MS) {
    if (entry) entry.resolver.clear();
    else entry = { resolver: createResolver(root, frameworkOf(fromFile).name, workspaceOf(root)), at: now };
    entry.at = now;
    resolvers.set(root, entry);
  }
  const target = entry.resolver.resolve(fromFile, specifier);
  return target && /\.[cm]?[jt]sx?$/i.test(target) && !/\.d\.[cm]?ts$/i.test(target) ? path.resolve(target) : undefined;
}

function summaryOf(file: string, project: ProjectView, hops: number, seen: Set<string>): ModuleSummary | undefined {
  const cached = summaries.get(file);
  const now = Date.now();
  if (cached && cached.hops >= hops && project.mtime && (now - cached.checkedAt < STAMPS_FRESH_MS || cached.stamps.every(([stamped, mtime]) => project.mtime!(stamped) === mtime))) {
    cached.checkedAt = now;
    return cached;
  }
  const text = project.read(file);
  const source = text === undefined ? undefined : parseSource(file, text, { loc: false, comments: false });
  if (!source) return undefined;
  const bindings = fileBindings(source);
  const followed = hops > 0 ? addImportedBindings(source, bindings, project, hops, seen) : [];
  addAssignedClients(source, bindings);
  // Chains built from an imported model: ptavasci/chatbot-js's rag() runs `loadQAStuffChain(model)`
  // on the model services/langchain.js exports (batch 55).
  if (followed.length > 0) addChains(source, bindings);
  if (addGraphs(source, bindings)) addChains(source, bindings);
  addGenkit(source, bindings);
  const exports = exportMeanings(source, bindings, project, hops, seen);
  const files = [file, ...followed, ...exports.followed];
  const summary: ModuleSummary = { exports: exports.meanings, stamps: [...new Set(files)].map((stamped) => [stamped, project.mtime?.(stamped)]), checkedAt: now, hops };
  const ownContext = contextClients(source, bindings);
  if (ownContext || bindings.contextClients) summary.contextClients = new Map([...(bindings.contextClients ?? []), ...(ownContext ?? [])]);
  // Small (a few names per module): a workspace scan of thousands of files keeps them all.
  if (summaries.size > 5000) summaries.clear();
  summaries.set(file, summary);
  return summary;
}

/** A lazily built singleton: `let client; … client = new OpenAI()` / `this.instance = new OpenAI()`. */
function addAssignedClients(source: SourceFile, bindings: FileBindings): void {
  walk(source.ast, (node) => {
    if (node.type !== "AssignmentExpression") return;
    const provider = providerBuiltBy(node.right, bindings);
    if (!provider) return;
    const { root, path: members } = memberPath(node.left);
    const name = root.type === "Identifier" ? root.name : members[members.length - 1];
    if (name && (root.type === "Identifier" || root.type === "ThisExpression" || members.length > 0)) bindings.providers.set(name, provider);
    bindings.firstProvider ??= provider;
  });
}

/**
 * `return chain` / `return { chain, memory }` where the chain was built from a keyed chat model
 * (`createConversationChain()` in a workspace package), or `return RunnableSequence.from([prompt,
 * model, parser])` built in place (nicobytes/ai-api's chain factories): the caller runs it.
 */
function returnedChain(node: Node | null | undefined, bindings: FileBindings): Provider | undefined {
  const values = node?.type === "ObjectExpression" ? node.properties.map((property) => (property.type === "Property" ? property.value : undefined)) : [node];
  for (const value of values) {
    if (value?.type === "Identifier" && bindings.chains.has(value.name)) return bindings.chains.get(value.name);
    const built = value?.type === "CallExpression" || value?.type === "NewExpression" ? chainBuiltBy(value, bindings) : undefined;
    if (built) return built;
  }
  return undefined;
}

function providerBuiltBy(node: Node | null | undefined, bindings: FileBindings): Provider | undefined {
  let current = node;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression" || current.type === "LogicalExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.type === "LogicalExpression" ? current.right : current.expression;
  }
  if (current?.type === "Identifier") return bindings.providers.get(current.name);
  if (current?.type === "MemberExpression") {
    const { root, path: members } = memberPath(current);
    const last = members[members.length - 1];
    if (root.type === "ThisExpression" || root.type === "Identifier") return last ? bindings.providers.get(last) : undefined;
  }
  const from = constructedFrom(current);
  if (!from) return undefined;
  const bound = bindings.providers.get(from);
  if (bound) return bound;
  // `this.appOctokit = new Octokit(…)`: the provider's client for APIs that run no model (orev7s/pr-reviewer, batch 82).
  const provider = providerConstructors().get(from);
  return provider?.nonModelApis?.constructors?.includes(from) ? undefined : provider;
}

/** What a function, class or value this module exports stands for. */
function meaningOf(source: SourceFile, bindings: FileBindings, value: Node | null | undefined, depth = 0): ExportMeaning | undefined {
  if (!value || depth > 5) return undefined;
  if (value.type === "Identifier") {
    // A client, or a chain built from a keyed chat model (`export const ragChain =
    // RunnableSequence.from([…, prompt, model])`: SaravananR01/ResAI, batch 43): running it calls the provider.
    const provider = bindings.providers.get(value.name) ?? bindings.chains.get(value.name);
    if (provider) return bindings.vectorStores?.has(value.name) ? { provider, vectorStore: true } : { provider };
    if (bindings.limiters.has(value.name)) return { limiter: true };
    const local = declarationOf(source, value.name);
    return local && local !== value ? meaningOf(source, bindings, local, depth + 1) : undefined;
  }
  if (value.type === "FunctionDeclaration" || value.type === "FunctionExpression" || value.type === "ArrowFunctionExpression") {
    const scan = scanFunction(source, bindings, value, []);
    // `handleOpenAIError()` answering "rate limit exceeded" translates the provider's 429: not a limiter.
    if (scan.callsLimiter) return { limiter: true };
    // A middleware of the app's own that answers 429 before it passes the request on (`export const
    // ratelimmiter = async (c, next) => { …; if (count > WINDOW) return c.json(…, 429); await next(); }`:
    // yashas-salian/post-audience-email-automation, batch 60): a limiter, whatever its name says.
    if (!scan.provider && scan.rateLimited && passesOn(value)) return { limiter: true };
    // A factory of one: `checkAiLimit("coverLetter")` returns `async (req, res, next) => { … 429 …; next() }`, a daily
    // count per user (prabhleen003/AI-Powered-Job-Portal's middleware, batch 226).
    if (!scan.provider && scan.rateLimited && returnsLimitingMiddleware(source, bindings, value)) return { limiter: true };
    if (scan.provider) return { provider: scan.provider, callsModel: true, keyParam: keyParameter(source, scan.providerCall, value, bindings) };
    const returned = returnedProvider(value, bindings);
    if (!returned) return undefined;
    return returnsVectorStore(value, bindings) ? { provider: returned, returnsStore: true } : { provider: returned };
  }
  if (value.type === "ClassDeclaration" || value.type === "ClassExpression") {
    // A singleton class: `static getInstance() { return this.instance ??= new OpenAI() }`.
    let provider: Provider | undefined;
    walk(value, (node) => {
      if (!provider && node.type === "NewExpression") provider = providerBuiltBy(node, bindings);
    });
    return provider ? { provider, holder: true } : undefined;
  }
  // `export const create = [validateRequest(schema), async (req, res) => …]`, Express's list of
  // handlers (stevekcm/OpenAI-Express-Server's controllers, batch 181): a limiter among them limits
  // the list; else the meaning of the one that answers, the last, when it takes a request and a
  // response. Any other list (`export const tools = [weather, summarize]`) is no client: a route
  // that maps over it calls nothing.
  if (value.type === "ArrayExpression") {
    const elements = value.elements;
    const last = elements[elements.length - 1];
    if (!last || last.type === "SpreadElement" || elements.some((element) => element === null || element.type === "SpreadElement")) return undefined;
    const before = elements.slice(0, -1).map((element) => meaningOf(source, bindings, element as Node, depth + 1));
    if (before.some((meaning) => meaning?.limiter)) return { limiter: true };
    const handler = last.type === "Identifier" ? declarationOf(source, last.name) : last;
    const takesRequest = (handler?.type === "FunctionDeclaration" || handler?.type === "FunctionExpression" || handler?.type === "ArrowFunctionExpression") && handler.params.length >= 2;
    const meaning = takesRequest ? meaningOf(source, bindings, last, depth + 1) : undefined;
    return meaning?.callsModel ? meaning : undefined;
  }
  // `export const analyze = asyncHandler(async (req, res) => …)`: the wrapped function's meaning,
  // unless the wrapper is a limiter (`withRateLimit(handler)`).
  if (value.type === "CallExpression") {
    // `export const protectedProcedure = t.procedure.use(isAuthed).use(rateLimiter)`: a tRPC base with a limiter.
    if (usesLimiter(value, bindings)) return { limiter: true };
    const inner = value.arguments.find((arg) => arg.type === "FunctionExpression" || arg.type === "ArrowFunctionExpression");
    // A wrapper of this module that limits, whatever its name (`export default withMiddleware(async (req, res) => …)`:
    // juustesout/agent-server's api/run.ts, which its other functions call, batch 187).
    const limits = () => wrapperNames(value.callee).some((name) => LIMIT_NAME.test(name) || bindings.limiters.has(name)) || companionLimits(source, value.callee as Node, bindings, []);
    if (inner) return limits() ? { limiter: true } : meaningOf(source, bindings, inner, depth + 1);
    // `export const llmClient = createLLMClient()`, a factory of this file returning `new OpenAI(…)`
    // (timjtc/treatment-adviser's lib/llm.ts, batch 65): the client it makes.
    const factory = value.callee.type === "Identifier" ? declarationOf(source, value.callee.name) : undefined;
    if (factory && (factory.type === "FunctionDeclaration" || factory.type === "FunctionExpression" || factory.type === "ArrowFunctionExpression")) {
      const returned = returnedProvider(factory, bindings);
      if (returned) return { provider: returned };
    }
  }
  const provider = providerBuiltBy(value, bindings);
  return provider ? { provider } : undefined;
}

/**
 * The index of `fn`'s parameter its model call's client is keyed with, if that client is made in `fn`
 * from one, or that its `fetch` sends as the key.
 */
function keyParameter(source: SourceFile, call: Node | undefined, fn: TSESTree.FunctionLike, bindings: FileBindings): number | undefined {
  if (call?.type !== "CallExpression") return undefined;
  let root: Node = call.callee;
  while (root.type === "MemberExpression") root = root.object;
  const given = root.type === "Identifier" ? bindings.paramKeyClients?.get(root.name) : undefined;
  return given?.fn === fn ? given.index : sentKeyParameter(source, call, fn);
}

/** `fn` returns a middleware (passesOn) that answers 429 or calls a limiter itself. */
function returnsLimitingMiddleware(source: SourceFile, bindings: FileBindings, fn: TSESTree.FunctionLike): boolean {
  if (!fn.body) return false;
  return functionReturns(fn.body).some((returned) => (returned.type === "ArrowFunctionExpression" || returned.type === "FunctionExpression") && passesOn(returned) && scanFunction(source, bindings, returned, []).rateLimited);
}

/** A middleware's shape: its last parameter (`next`, of two or more) is called in its body. */
function passesOn(fn: TSESTree.FunctionLike): boolean {
  const next = fn.params.length >= 2 ? fn.params[fn.params.length - 1] : undefined;
  if (next?.type !== "Identifier" || !fn.body) return false;
  let called = false;
  walk(fn.body, (node) => {
    if (!called && node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === next.name) called = true;
  });
  return called;
}

/** A call chain with `.use(x)` where x is a limiter (tRPC middleware, a Hono app's chained `.use`). */
function usesLimiter(call: TSESTree.CallExpression, bindings: FileBindings): boolean {
  let link: Node = call;
  for (let i = 0; i < 20 && link.type === "CallExpression" && link.callee.type === "MemberExpression"; i++) {
    if (link.callee.property.type === "Identifier" && link.callee.property.name === "use" && link.arguments.some((arg) => wrapperNames(arg.type === "CallExpression" ? arg.callee : arg).some((name) => LIMIT_NAME.test(name) || bindings.limiters.has(name)))) return true;
    link = link.callee.object;
  }
  return false;
}

/** The names a wrapper is called by: `withRateLimit(fn)` → withRateLimit, `limits.wrap(fn)` → limits, wrap. */
function wrapperNames(callee: Node): string[] {
  const { root, path: names } = memberPath(callee);
  return [...(root.type === "Identifier" ? [root.name] : []), ...names];
}

/** `function getOpenAI() { if (!client) client = new OpenAI(); return client; }` → OpenAI. */
/** Whether `fn` returns a vector store of its file by name (`return store`). */
function returnsVectorStore(fn: TSESTree.FunctionLike, bindings: FileBindings): boolean {
  if (!bindings.vectorStores || !fn.body || fn.body.type !== "BlockStatement") return false;
  let found = false;
  walk(fn.body, (node) => {
    if (!found && node.type === "ReturnStatement" && node.argument?.type === "Identifier" && bindings.vectorStores!.has(node.argument.name)) found = true;
  });
  return found;
}

function returnedProvider(fn: TSESTree.FunctionLike, bindings: FileBindings): Provider | undefined {
  if (fn.type === "ArrowFunctionExpression" && fn.body.type !== "BlockStatement") return providerBuiltBy(fn.body, bindings);
  let provider: Provider | undefined;
  if (fn.body) {
    walk(fn.body, (node) => {
      if (provider || node.type !== "ReturnStatement") return;
      // `return await openai.retrieveModel(id)` hands back the model's description, no client.
      const returned = node.argument?.type === "AwaitExpression" ? node.argument.argument : node.argument;
      if (returned?.type === "CallExpression" && sdkCallRunsNoModel(returned)) return;
      provider = providerBuiltBy(node.argument, bindings) ?? returnedChain(node.argument, bindings);
    });
  }
  return provider;
}

/** An object literal, or a module-level const holding one. */
function objectValue(source: SourceFile, value: Node): TSESTree.ObjectExpression | undefined {
  const object = value.type === "Identifier" ? declarationOf(source, value.name) : value;
  return object?.type === "ObjectExpression" ? object : undefined;
}

function declarationOf(source: SourceFile, name: string): Node | undefined {
  for (const statement of source.ast.body) {
    const declaration = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration ? statement.declaration : statement;
    if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id?.name === name) return declaration;
    if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) if (declarator.id.type === "Identifier" && declarator.id.name === name) return declarator.init ?? undefined;
    }
  }
  return undefined;
}

/** What any name imported from an SDK or limiter package means, as fileBindings binds it (none for the AI SDK's helpers). */
function packageMeaning(module: string): ExportMeaning | undefined {
  if (isLimiterPackage(module)) return { limiter: true };
  const provider = findProviderForPackage(module);
  return provider ? { provider } : undefined;
}

function exportMeanings(source: SourceFile, bindings: FileBindings, project: ProjectView, hops: number, seen: Set<string>): { meanings: Map<string, ExportMeaning>; followed: string[] } {
  const meanings = new Map<string, ExportMeaning>();
  const followed: string[] = [];
  const set = (name: string, meaning: ExportMeaning | undefined) => {
    if (meaning && !meanings.has(name)) meanings.set(name, meaning);
  };
  // A barrel's re-export is no hop of its own: route → controllers/index → course-controller →
  // services/index → the service is three, as its author counts them (dashingvinit/brogrammers-AI, batch 55).
  const reExported = (specifier: string): ModuleSummary | undefined => {
    if (hops <= 0 || isSdkOrLimiterPackage(specifier)) return undefined;
    const target = resolveImport(source.file, specifier);
    if (!target || seen.has(target)) return undefined;
    const summary = summaryOf(target, project, hops, new Set([...seen, source.file]));
    if (summary) followed.push(target, ...summary.stamps.map(([file]) => file));
    return summary;
  };
  // `Name#method` for each method of an exported class that calls a provider.
  const setMethods = (name: string, value: Node | null | undefined) => {
    // A class, or an instance of one of this file's classes (`module.exports = new AIService()`),
    // also through a const (`const groqService = new GroqService(); module.exports = groqService`).
    const held = value?.type === "Identifier" ? declarationOf(source, value.name) : value;
    // A factory of one (`export function createAIClient(config) { return new AIClient(config) }`):
    // what it returns is that instance (z-jingqi/potato's workspace package, batch 60).
    const instance = (held && madeByFactory(held)) ?? held;
    const declaration = instance?.type === "NewExpression" && instance.callee.type === "Identifier" ? declarationOf(source, instance.callee.name) : instance;
    if (declaration?.type !== "ClassDeclaration") return;
    const constructorKeyParam = keyParamOfConstructor(declaration, bindings);
    for (const member of declaration.body.body) {
      if ((member.type !== "MethodDefinition" && member.type !== "PropertyDefinition") || member.computed || member.key.type !== "Identifier") continue;
      const fn = member.type === "MethodDefinition" ? (member.kind === "method" ? member.value : undefined) : member.value?.type === "ArrowFunctionExpression" || member.value?.type === "FunctionExpression" ? member.value : undefined;
      if (!fn) continue;
      const scan = scanFunction(source, bindings, fn, []);
      if (scan.provider && !scan.callsLimiter) set(`${name}#${member.key.name}`, constructorKeyParam === undefined ? { provider: scan.provider } : { provider: scan.provider, constructorKeyParam });
    }
  };
  // `createChatService().sendMessage` for each method of the object a factory returns: `export function
  // createChatService() { const app = graph.compile(); return { async sendMessage(m) { … app.invoke(…) } } }`.
  const setFactoryMembers = (name: string, value: Node | null | undefined) => {
    if (value?.type !== "FunctionDeclaration" && value?.type !== "FunctionExpression" && value?.type !== "ArrowFunctionExpression") return;
    const returns = value.body.type === "BlockStatement" ? value.body.body.flatMap((statement) => (statement.type === "ReturnStatement" ? [withoutTypeAssertion(statement.argument)] : [])) : [withoutTypeAssertion(value.body)];
    for (const returned of returns) {
      if (returned?.type === "ObjectExpression") setMembers(`${name}()`, returned);
      // `export const initOpenAi = () => initializeAzureOpenAi()`: the imported factory's members, under this name
      // (bpor92/ai-playground's server/utils, batch 76).
      if (returned?.type === "CallExpression" && returned.callee.type === "Identifier") {
        for (const [member, provider] of factoryMembers(bindings, returned.callee.name)) set(`${name}().${member}`, { provider });
      }
    }
  };
  // `name.member` for each member of an exported object of functions.
  const setMembers = (name: string, object: TSESTree.ObjectExpression) => {
    for (const property of object.properties) {
      if (property.type !== "Property" || property.computed) continue;
      const member = property.key.type === "Identifier" ? property.key.name : stringValue(property.key);
      if (member !== undefined) set(`${name}.${member}`, meaningOf(source, bindings, property.value as Node));
    }
  };
  for (const statement of source.ast.body) {
    if (statement.type === "ExportDefaultDeclaration") {
      set("default", meaningOf(source, bindings, statement.declaration as Node));
      setMethods("default", statement.declaration as Node);
      // `export default { sendMessage, summarizeText }`: reached as `OpenAIService.sendMessage`, as
      // CommonJS's `module.exports = { … }` is (IvanMijic0/Edu-AI-API's services); also through a
      // const (`const stableApi = { textToImage }; export default stableApi`: uelthon/image-generator-next, batch 50).
      const exported = objectValue(source, statement.declaration as Node);
      if (exported) {
        for (const property of exported.properties) {
          if (property.type !== "Property" || property.computed) continue;
          const name = property.key.type === "Identifier" ? property.key.name : stringValue(property.key);
          if (name !== undefined) set(name, meaningOf(source, bindings, property.value as Node));
        }
      }
    }
    // CommonJS: `module.exports = client`, `module.exports = { ask, client }`, `exports.ask = …`
    // (an Express app's `middlewares/cohereClient.js`, bench/real-apps). `require()` of the module
    // binds the whole value as "default", a destructuring `const { ask } = require()` its names.
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && statement.expression.operator === "=") {
      const { left, right } = statement.expression;
      const target = commonJsExport(left);
      if (target === "default") {
        set("default", meaningOf(source, bindings, right));
        setMethods("default", right);
        const exported = objectValue(source, right);
        if (exported) {
          for (const property of exported.properties) {
            if (property.type !== "Property" || property.computed) continue;
            const name = property.key.type === "Identifier" ? property.key.name : stringValue(property.key);
            if (name !== undefined) set(name, meaningOf(source, bindings, property.value as Node));
            // `module.exports = { AiService }`: the class's methods too.
            if (name !== undefined) setMethods(name, property.value as Node);
            // A CommonJS barrel, `module.exports = { CourseController: require("./course-controller") }`:
            // that module's members and methods go with its name, as `export { default as … } from` does.
            const required = name === undefined ? undefined : requiredModule(property.value as Node);
            const from = required === undefined ? undefined : reExported(required);
            if (name !== undefined && from) reExportMembers(name, from, set);
          }
        }
      } else if (target !== undefined) {
        set(target, meaningOf(source, bindings, right));
      }
    }
    if (statement.type === "ExportAllDeclaration" && statement.exportKind !== "type" && !statement.exported) {
      for (const [name, meaning] of reExported(String(statement.source.value))?.exports ?? []) if (name !== "default") set(name, meaning);
    }
    if (statement.type !== "ExportNamedDeclaration" || statement.exportKind === "type") continue;
    const declaration = statement.declaration;
    if ((declaration?.type === "FunctionDeclaration" || declaration?.type === "ClassDeclaration") && declaration.id) {
      set(declaration.id.name, meaningOf(source, bindings, declaration));
      setMethods(declaration.id.name, declaration);
      setFactoryMembers(declaration.id.name, declaration);
    }
    if (declaration?.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === "Identifier") {
          set(declarator.id.name, meaningOf(source, bindings, declarator.id) ?? meaningOf(source, bindings, declarator.init));
          setMethods(declarator.id.name, declarator.init);
          setFactoryMembers(declarator.id.name, declarator.init);
          // `export const chatService = { sendMessage: async (…) => … }`: reached as
          // `chatService.sendMessage`, by a controller object of the same shape and by a route
          // (realtgy/my-ai-apps: route → chatController.sendMessage → chatService.sendMessage, batch 42).
          // `export const openAiService = { getHelloMessage: getUnbiasedScore } as const`
          // (maksymilianPadalak/unbAIsed, batch 45) is the same object.
          const object = withoutTypeAssertion(declarator.init);
          if (object?.type === "ObjectExpression") setMembers(declarator.id.name, object);
        }
      }
    }
    const module = statement.source ? String(statement.source.value) : undefined;
    // `export { openai } from "@ai-sdk/openai"`: what an import of it means (fileBindings), not the SDK's own code.
    const sdk = module !== undefined && isSdkOrLimiterPackage(module) ? packageMeaning(module) : undefined;
    const from = module !== undefined && !sdk ? reExported(module) : undefined;
    for (const specifier of statement.specifiers) {
      if (specifier.exportKind === "type") continue;
      const exported = specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
      const local = specifier.local.type === "Identifier" ? specifier.local.name : String(specifier.local.value);
      set(exported, module !== undefined ? (sdk ?? from?.exports.get(local)) : meaningOf(source, bindings, specifier.local as Node));
      // `class GeminiService { … } export { GeminiService }`: its methods, as for `export class` (Bruno-Nunes17/dietaapp-backend, batch 56);
      // `const TextGeneratingService = { async generateText() { … } }; export { TextGeneratingService }`:
      // its members, as for `export const` (smithwithatypo/gpt_research_backend, batch 56).
      if (module === undefined) {
        setMethods(exported, specifier.local as Node);
        const object = objectValue(source, specifier.local as Node);
        if (object) setMembers(exported, object);
        // A hub written as import-then-export (`import { openRouterService } from "../services/x.js";
        // export { openRouterService }`, louise36-g/MysticOracle's routes/*/shared.ts, batch 94) is the
        // same re-export as `export { … } from`: the binding's members and methods go with it.
        const imported = importOf(source, local);
        const via = imported && imported.name !== "*" ? reExported(imported.specifier) : undefined;
        if (imported && via) {
          if (imported.name === "default") reExportMembers(exported, via, set);
          else for (const [name, meaning] of via.exports) if (name.startsWith(`${imported.name}#`) || name.startsWith(`${imported.name}.`)) set(`${exported}${name.slice(imported.name.length)}`, meaning);
        }
      }
      // A barrel's `export { default as OpenAIService } from "./OpenAIService"`: that module's members
      // and methods go with it (`OpenAIService.sendMessage`, `OpenAIService#ask`).
      if (from && local === "default") reExportMembers(exported, from, set);
      // `export { EmbeddingAgent } from "./embedding-agent"`: the class's methods go with its name
      // (WRI-Indonesia/nbs-llm's `_agents/index.ts`, batch 61), as `export *` carries them.
      else if (from) {
        for (const [name, meaning] of from.exports) if (name.startsWith(`${local}#`) || name.startsWith(`${local}.`)) set(`${exported}${name.slice(local.length)}`, meaning);
      }
    }
  }
  return { meanings, followed };
}

/** The `new C(…)` a function returns, when that is all it returns: `(config) => new AIClient(config)`. */
function madeByFactory(fn: Node): TSESTree.NewExpression | undefined {
  if (fn.type !== "FunctionDeclaration" && fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") return undefined;
  if (fn.body.type !== "BlockStatement") return fn.body.type === "NewExpression" ? fn.body : undefined;
  const returns = fn.body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === "ReturnStatement");
  return returns.length === 1 && returns[0].argument?.type === "NewExpression" ? returns[0].argument : undefined;
}

/** A module re-exported whole under `exported`: its members as `exported.name`, its default class's methods as `exported#method`. */
function reExportMembers(exported: string, from: ModuleSummary, set: (name: string, meaning: ExportMeaning | undefined) => void): void {
  set(exported, from.exports.get("default"));
  for (const [name, meaning] of from.exports) {
    if (name === "default" || name.includes(".")) continue;
    set(name.startsWith("default#") ? `${exported}${name.slice("default".length)}` : name.includes("#") ? name : `${exported}.${name}`, meaning);
  }
}

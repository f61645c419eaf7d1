/**
 * What a handler does, following calls to functions of the same file (a few levels deep):
 * which AI provider it reaches, and whether it applies a rate limit.
 */
import type { SourceFile, TSESTree } from "../../ast";
import { providerById } from "../../providers";
import type { Provider } from "../../providers/types";
import { STORE_EMBEDDING_METHODS } from "../../providers/vector-stores";
import { blockDeclaration, classMethod, enclosingClass, findProperty, memberPath, moduleDeclaration, sameClassMethod, stringValue, tscCallee, walk } from "../ast-utils";
import { CHAIN_METHODS, chainBuiltBy, type ClientSite, type FileBindings } from "./bindings";
import { parameterAround } from "../../patterns";
import { factoryResultOnlyTested } from "./factory-calls";
import { wrappedRequest } from "./fetch-wrappers";
import { limitResultIgnored, logged } from "./limit-result";
import { axiosConfig, callersValue, fetchProvider, fetchRequestProvider, keyHeaderProvider, nodeHttpRequestProvider, noteCallersParams, getsModelInfo, requestParts, sendsCallersKey, valuesOfLet, withCallersParams } from "./provider-requests";
import { socketListeners } from "./socket-handlers";

type Node = TSESTree.Node;

/**
 * A called function or object whose name says rate limit: checkRateLimit(), ratelimit.limit(),
 * limiter.consume(). Not one that says error: `isRateLimitError(error)` asks whether the provider
 * answered 429 (a retry helper's check: szentesik/ict-assistant-app, batch 65), `RateLimitError` is its class;
 * nor one that says retry or backoff: `withRateLimitRetry(() => call())` waits out the provider's limit and
 * calls again (CloudCutiesQH/StorySteps, batch 242).
 */
export const LIMIT_NAME = /^(?!.*(?:error|retry|backoff)).*?(?:rate_?limit|ratelimit|limiter|throttl)/i;

export interface ScanResult {
  provider?: Provider;
  /** Where the provider is called (for the message), when found. */
  providerCall?: Node;
  rateLimited: boolean;
  /** A limiter is called (not merely a 429 or "rate limit" text answered, as an upstream-error translator does). */
  callsLimiter?: boolean;
}

/**
 * A handler that answers "429" or says rate limit in what it returns enforces a quota of its own
 * (e.g. vercel/ai-chatbot counts a user's messages per day and returns `rate_limit:chat`).
 */
const LIMIT_RESPONSE = /rate[_ -]?limit|too many requests/i;
const TOO_MANY_REQUESTS = 429;

function answersTooManyRequests(node: Node): boolean {
  // `error(429, …)` (SvelteKit), `res.status(429)`, `c.json(body, 429)`, `new HttpException(…, 429)`;
  // `HttpStatus.TOO_MANY_REQUESTS` (NestJS), `StatusCodes.TOO_MANY_REQUESTS` (http-status-codes).
  if (node.type === "Literal" && node.value === TOO_MANY_REQUESTS) return node.parent?.type === "CallExpression" || node.parent?.type === "NewExpression";
  if (node.type === "Identifier") return node.name === "TOO_MANY_REQUESTS";
  // A log line ("Rate limit status:", jacob-craffey/tune-brush, batch 40) answers nothing.
  if (node.type === "Literal") return typeof node.value === "string" && LIMIT_RESPONSE.test(node.value) && !logged(node) && !comparedText(node);
  return (
    node.type === "Property" &&
    !node.computed &&
    ((node.key.type === "Identifier" && node.key.name === "status") || (node.key.type === "Literal" && node.key.value === "status")) &&
    node.value.type === "Literal" &&
    node.value.value === TOO_MANY_REQUESTS
  );
}

/**
 * A text the code looks for, not one it answers: `msg.includes("rate limit")`, `error.message === "Too many requests"`
 * (aditya-2k23/moody's check of Gemini's quota errors, batch 240: it asks whether the provider refused).
 */
function comparedText(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === "BinaryExpression") return ["===", "!==", "==", "!="].includes(parent.operator);
  if (parent?.type !== "CallExpression" || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const callee = parent.callee;
  return callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && TEXT_TESTS.has(callee.property.name);
}
const TEXT_TESTS = new Set(["includes", "startsWith", "endsWith", "indexOf", "lastIndexOf", "match", "search"]);

const MAX_DEPTH = 3;

function insideCatch(node: Node, within: Node): boolean {
  for (let current = node.parent; current && current !== within; current = current.parent) {
    if (current.type === "CatchClause") return true;
  }
  return false;
}

/**
 * Under `if (response.status === 429)`: the provider answered 429 and the handler says so
 * (`throw new Error("Rate limit exceeded…")`: jayesh-cmd/my-portfolio-website's Groq route).
 * That is the provider's limit passed on, as in a `catch`, not one of the route's. So is any
 * answer under a test of the provider's own response (`if (!response.ok)`, `if (response.status
 * === 402) throw new Error("The AI service has reached its rate limit")`: OpenRouter out of
 * credits, felixzieger/think-in-sync's guess-word function, batch 143).
 */
function onUpstreamAnswer(source: SourceFile, bindings: FileBindings, node: Node, within: Node): boolean {
  for (let current = node; current !== within && current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === "IfStatement" && parent.consequent === current && (comparesTo429(parent.test) || testsProviderStatus(source, bindings, parent.test))) return true;
  }
  return false;
}

function comparesTo429(test: Node): boolean {
  if (test.type === "LogicalExpression") return comparesTo429(test.left) || comparesTo429(test.right);
  if (test.type !== "BinaryExpression" || !["===", "=="].includes(test.operator)) return false;
  return [test.left, test.right].some((side) => side.type === "Literal" && side.value === TOO_MANY_REQUESTS);
}

/** What a fetch `Response` (or Node's `IncomingMessage`) says about how the request went. */
const STATUS_FIELDS = new Set(["status", "statusCode", "ok"]);

/**
 * `!response.ok`, `response.status === 402`, `res.statusCode >= 400`: a test of the status of a
 * response the provider call gave. A limiter service's (`const check = await fetch(limiterUrl)` …
 * `if (!check.ok) return 429`) is no provider's: its 429 is still the route's own limit.
 */
function testsProviderStatus(source: SourceFile, bindings: FileBindings, test: Node): boolean {
  if (test.type === "LogicalExpression" || test.type === "BinaryExpression") return testsProviderStatus(source, bindings, test.left) || testsProviderStatus(source, bindings, test.right);
  if (test.type === "UnaryExpression" && test.operator === "!") return testsProviderStatus(source, bindings, test.argument);
  if (test.type !== "MemberExpression" || test.computed || test.property.type !== "Identifier" || !STATUS_FIELDS.has(test.property.name)) return false;
  return test.object.type === "Identifier" && providerResponse(source, bindings, test.object);
}

/** A name a block around it binds to a provider call's answer: `const response = await fetch(providerUrl, …)`. */
function providerResponse(source: SourceFile, bindings: FileBindings, name: TSESTree.Identifier): boolean {
  const bound = blockDeclaration(name)?.value;
  const call = bound?.type === "AwaitExpression" ? bound.argument : bound;
  return call?.type === "CallExpression" && !!providerOfCall(source, call, bindings);
}

/**
 * After a `return` or `throw` of its own block: the code never runs (verceal-ai-api disables its
 * Gemini route with a `return` of 503 above the handler's body). A function declared there is
 * hoisted, so it is still callable.
 */
function unreachable(node: Node, within: Node): boolean {
  for (let current = node; current !== within && current.parent; current = current.parent) {
    const block = current.parent;
    if (block.type !== "BlockStatement" || current.type === "FunctionDeclaration") continue;
    for (const statement of block.body) {
      if (statement === current) break;
      if (statement.type === "ReturnStatement" || statement.type === "ThrowStatement") return true;
    }
  }
  return false;
}

/**
 * `handlers`: the functions of the file's other handlers. One written inside this function (a socket
 * listener a Next.js API route sets up: Cyurainya/cursor-chatbot, batch 235) runs on its own messages,
 * and its calls are its own, not this function's.
 */
export function scanFunction(source: SourceFile, bindings: FileBindings, fn: Node, extraLimiterNames: readonly string[], handlers: readonly Node[] = []): ScanResult {
  const nested = handlers.filter((other) => other !== fn && fn.range[0] <= other.range[0] && other.range[1] <= fn.range[1]);
  return withCallersParams(() => scanFunctionWith(source, bindings, fn, extraLimiterNames, nested));
}

function scanFunctionWith(source: SourceFile, bindings: FileBindings, fn: Node, extraLimiterNames: readonly string[], nested: readonly Node[]): ScanResult {
  const result: ScanResult = { rateLimited: false };
  const visited = new Set<Node>();
  // `site`: the node of the handler's own body that leads there (the call of a helper that calls the model).
  const queue: { node: Node; depth: number; site?: Node }[] = [{ node: fn, depth: 0 }];
  // Where the handler's body checks a limit, and where it first reaches the model.
  const limitSites: Node[] = [];
  let providerSite: Node | undefined;
  while (queue.length > 0) {
    const { node, depth, site } = queue.shift()!;
    if (visited.has(node)) continue;
    visited.add(node);
    // A setup function's socket listeners run on their own messages, as handlers of their own (./socket-handlers).
    const listeners = socketListeners(node);
    const apart = node === fn ? nested : [];
    walk(node, (child) => {
      if (listeners.length > 0 && listeners.some(({ callback }) => callback.range[0] <= child.range[0] && child.range[1] <= callback.range[1])) return;
      if (apart.length > 0 && apart.some((other) => other.range[0] <= child.range[0] && child.range[1] <= other.range[1])) return;
      const here = site ?? child;
      // A 429 in a `catch` passes the provider's own rate limit on to the client (papermark's
      // AI route): that is no limit of the route's.
      if (answersTooManyRequests(child) && !insideCatch(child, node) && !onUpstreamAnswer(source, bindings, child, node)) {
        result.rateLimited = true;
        limitSites.push(here);
      }
      if (child.type !== "CallExpression" && child.type !== "NewExpression") return;
      // `await ratelimit.limit(ip)` with `success` never checked limits nothing (./limit-result).
      if (isLimiterCall(child, bindings, extraLimiterNames) && !limitResultIgnored(child)) {
        result.rateLimited = result.callsLimiter = true;
        limitSites.push(here);
      }
      if (!result.provider && child.type === "CallExpression") {
        const provider = providerOfCall(source, child, bindings);
        // A trace or a feedback score sent to Langfuse spends no model quota.
        // A call after the handler's `return` never runs (a route disabled by an early return).
        if (provider && !provider.tracing && !unreachable(child, node)) {
          result.provider = provider;
          result.providerCall = child;
          providerSite = here;
        }
      }
      const next = site ?? child;
      if (depth < MAX_DEPTH && child.callee.type === "Identifier") {
        const callee = functionInScope(source, child.callee);
        if (callee) {
          noteCallersParams(callee, child);
          queue.push({ node: callee, depth: depth + 1, site: next });
        }
      }
      // A function of the file handed over as a callback runs too: `documents.map(embedDocument)`
      // (Elliott-Chong/chatpdf-yt's loadS3IntoPinecone, batch 66), `.then(summarise)`.
      if (depth < MAX_DEPTH && child.type === "CallExpression") {
        for (const argument of child.arguments) {
          const callback = argument.type === "Identifier" ? functionInScope(source, argument) : undefined;
          if (callback) queue.push({ node: callback, depth: depth + 1, site: next });
        }
      }
      // `ragSystem.queryWithRAG(q)` after `const ragSystem = new RAGSystem()`, the class in this file.
      if (depth < MAX_DEPTH && child.callee.type === "MemberExpression" && child.callee.object.type === "Identifier" && !child.callee.computed && child.callee.property.type === "Identifier") {
        const method = instanceMethod(source, child.callee.object.name, child.callee.property.name);
        if (method) queue.push({ node: method, depth: depth + 1, site: next });
      }
      // `this.buildPrompt()`, `this.callModel()`: a method of the same class.
      if (depth < MAX_DEPTH && child.callee.type === "MemberExpression" && child.callee.object.type === "ThisExpression" && child.callee.property.type === "Identifier") {
        const method = sameClassMethod(child, child.callee.property.name);
        if (method) queue.push({ node: method, depth: depth + 1, site: next });
      }
    });
  }
  if (result.rateLimited && providerSite && limitsOnlyAfter(fn, providerSite, limitSites)) {
    result.rateLimited = false;
    result.callsLimiter = undefined;
  }
  return result;
}

/**
 * Every limit the handler checks comes after it has called the model, in its own body, in
 * order: `if (audio) text = await transcribeAudio(audio)` … `await checkRateLimit(request)`
 * (naman7474/search_app's loader, batch 74) spends quota on every request before the check.
 * Only statements of the handler's own body are compared: a function it defines (a callback,
 * a helper declared before it is called) runs when called, not where it is written.
 */
function limitsOnlyAfter(fn: Node, providerSite: Node, limitSites: readonly Node[]): boolean {
  if (limitSites.length === 0 || !directlyIn(fn, providerSite)) return false;
  return limitSites.every((limit) => directlyIn(fn, limit) && limit.range[0] >= providerSite.range[1] && !inLoopWith(fn, providerSite, limit));
}

function isFunctionNode(node: Node): boolean {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

/** `node`'s nearest function is `fn` itself. */
function directlyIn(fn: Node, node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === fn) return true;
    if (isFunctionNode(current) || current.type === "ClassBody") return false;
  }
  return false;
}

/**
 * A loop of `fn`'s own around `node` that also holds `check`: a check after the call limits the
 * loop's next turn. One after the loop (a retry `while` around the call, then "API rate limits" in
 * the fallback's message: wxckelija2/White-Space-1.5's edge function, batch 129) limits nothing.
 */
function inLoopWith(fn: Node, node: Node, check: Node): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    const loop = current.type === "ForStatement" || current.type === "ForOfStatement" || current.type === "ForInStatement" || current.type === "WhileStatement" || current.type === "DoWhileStatement";
    if (loop && check.range[0] >= current.range[0] && check.range[1] <= current.range[1]) return true;
  }
  return false;
}

export function isLimiterCall(node: TSESTree.CallExpression | TSESTree.NewExpression, bindings: FileBindings, extraNames: readonly string[]): boolean {
  return namesLimiter(node.callee, bindings, extraNames);
}

/** True when any name along `a.b.c` says rate limit, is a limiter binding, or is a user-given limiter name. */
export function namesLimiter(node: Node, bindings: FileBindings, extraNames: readonly string[]): boolean {
  if (node.type === "ObjectExpression") return routeOptionsLimit(node, bindings, extraNames);
  // Express takes middleware in arrays too: `router.post("/chat", [auth, limiter], handler)` (luomor-ai/chatgpt-web, batch 234).
  if (node.type === "ArrayExpression") return node.elements.some((element) => element !== null && element.type !== "SpreadElement" && namesLimiter(element, bindings, extraNames));
  let current: Node = node;
  if (current.type === "CallExpression" || current.type === "NewExpression") current = current.callee;
  const { root, path } = memberPath(current);
  // `limiter.schedule(() => shopify.get(…))` on a Bottleneck: an outbound queue refuses no client.
  if (root.type === "Identifier" && bindings.queues?.has(root.name)) return false;
  const names = [...(root.type === "Identifier" ? [root.name] : []), ...path];
  return names.some((name) => LIMIT_NAME.test(name) || bindings.limiters.has(name) || extraNames.includes(name));
}

/**
 * A wrapper or middleware of the same file whose own code limits: `export default withMiddleware(async
 * (req, res) => …)` where `withMiddleware` consumes a rate limiter and answers 429 before it calls the
 * handler (juustesout/agent-server, batch 187), whatever its name says.
 */
export function companionLimits(source: SourceFile, node: Node, bindings: FileBindings, extraNames: readonly string[]): boolean {
  if (node.type === "ArrayExpression") return node.elements.some((element) => element !== null && element.type !== "SpreadElement" && companionLimits(source, element, bindings, extraNames));
  if (node.type !== "Identifier") return false;
  const declared = moduleDeclaration(source.ast, node.name)?.value;
  if (!declared || (declared.type !== "FunctionDeclaration" && declared.type !== "FunctionExpression" && declared.type !== "ArrowFunctionExpression")) return false;
  return scanFunction(source, bindings, declared, extraNames).rateLimited;
}

/**
 * A Fastify route's options: `{ config: { rateLimit: { max, timeWindow } } }`, @fastify/rate-limit's
 * per-route setting (Ben41k/AI_nutritionist's meal and chat routes, batch 77; `rateLimit: false`
 * turns it off), or a limiter among its hooks (`preHandler: [auth, limiter]`, `onRequest: app.rateLimit()`).
 */
function routeOptionsLimit(options: TSESTree.ObjectExpression, bindings: FileBindings, extraNames: readonly string[]): boolean {
  for (const property of options.properties) {
    if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
    const value = property.value;
    if (property.key.name === "config" && value.type === "ObjectExpression") {
      const limit = value.properties.find((entry) => entry.type === "Property" && !entry.computed && entry.key.type === "Identifier" && entry.key.name === "rateLimit");
      if (limit?.type === "Property" && !(limit.value.type === "Literal" && limit.value.value === false)) return true;
    }
    if (["preHandler", "onRequest", "preValidation"].includes(property.key.name)) {
      const hooks = value.type === "ArrayExpression" ? value.elements : [value];
      if (hooks.some((hook) => hook && hook.type !== "SpreadElement" && namesLimiter(hook, bindings, extraNames))) return true;
    }
  }
  return false;
}

const WORKERS_AI = providerById("cloudflare-workers-ai")!;
/** A Workers AI model's name: `@cf/meta/llama-3-8b-instruct`, `@hf/…`. */
const WORKERS_AI_MODEL = /^@(?:cf|hf)\//;

/**
 * `env.AI.run("@cf/meta/llama-3-8b-instruct", …)`: a Worker's AI binding runs a model on the
 * account, billed as an API call is, though no key is written (zemellal/bookstore-summary-hono-ai,
 * batch 177). Known by the binding's usual name on the Worker's `env`, or elsewhere by the model's,
 * written in the call or in a const of the function.
 */
function runsWorkersAiModel(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || callee.property.name !== "run") return false;
  const binding = callee.object;
  // The binding taken out of the env, `const { AI } = locals.runtime.env; AI.run("@cf/baai/bge-base-en-v1.5", …)`
  // (MisterB80/cloudflare-astro-chatbot's Astro endpoints, batch 197), is known by the model's name.
  const named = binding.type === "Identifier";
  if (!named && (binding.type !== "MemberExpression" || binding.computed || binding.property.type !== "Identifier" || binding.property.name !== "AI")) return false;
  // The binding on the Worker's `env` (`env.AI`, `c.env.AI`, `context.env.AI`) runs whichever model it is
  // given, one a map picks too (`modelMap[body.model]`: 21967201/cloud-ai-hub's chat function).
  const owner = binding.type === "MemberExpression" ? binding.object : undefined;
  if (owner && ((owner.type === "Identifier" && owner.name === "env") || (owner.type === "MemberExpression" && !owner.computed && owner.property.type === "Identifier" && owner.property.name === "env"))) return true;
  const model = call.arguments[0];
  const name = model?.type === "Identifier" ? stringValue(blockDeclaration(model)?.value) : stringValue(model as Node | undefined);
  return name !== undefined && WORKERS_AI_MODEL.test(name);
}

function providerOfCall(source: SourceFile, call: TSESTree.CallExpression, bindings: FileBindings): Provider | undefined {
  // tsc's CommonJS call of an import, `(0, cohere_1.getTranslation)(…)`: the call of `cohere_1.getTranslation`.
  if (call.callee.type === "SequenceExpression") return providerOfCall(source, { ...call, callee: tscCallee(call.callee) } as TSESTree.CallExpression, bindings);
  if (runsWorkersAiModel(call)) return WORKERS_AI;
  const { root } = memberPath(call.callee);
  if (root.type === "ThisExpression") {
    // `this.makeApiRequest(url, options)`: a method of the same class that hands both to `fetch` as they are.
    const wrapped = call.callee.type === "MemberExpression" && call.callee.object.type === "ThisExpression" ? wrappedRequest(source, call, undefined) : undefined;
    if (wrapped) return fetchRequestProvider(source, wrapped.url, wrapped.init);
    return providerOfThisCall(call, bindings);
  }
  // Making a client with the caller's key (`const openai = createOpenAI({ apiKey: body.key })`,
  // `const model = new GoogleGenerativeAI(body.key).getGenerativeModel(…)`) calls no model.
  const declarator = call.parent?.type === "AwaitExpression" ? call.parent.parent : call.parent;
  if (declarator?.type === "VariableDeclarator" && declarator.id.type === "Identifier" && bindings.userClients?.get(declarator.id.name)?.includes(declarator)) return undefined;
  // Also assigned to a `let` the branches set (`aiClient = createOpenAI({ apiKey })`: yehiaabdelm/chat, batch 88).
  if (declarator?.type === "AssignmentExpression" && declarator.left.type === "Identifier" && bindings.userClients?.get(declarator.left.name)?.some((client) => client.parent === declarator)) return undefined;
  const chain = chainRunInPlace(call, bindings);
  if (chain) return chain;
  const made = clientRoot(root);
  if (made !== root && made.type === "Identifier" && bindings.providers.has(made.name)) return runsModel(bindings.providers.get(made.name), call, source);
  // `new GeminiController().nutrition(request, reply)`: a method of an imported class whose method calls a provider.
  if (root.type === "NewExpression" && root.callee.type === "Identifier" && call.callee.type === "MemberExpression" && call.callee.object === root && !call.callee.computed && call.callee.property.type === "Identifier") {
    const method = bindings.memberProviders?.get(`${root.callee.name}#${call.callee.property.name}`);
    if (method) return method;
  }
  if (root.type === "Identifier") {
    if (bindings.userClients?.get(root.name)?.some((declarator) => declaredAround(declarator, call))) return undefined;
    const provider = bindings.providers.get(root.name);
    // `chatUseCase(openai, dto)` handed a client the caller's key made (`new OpenAI({ apiKey: body.key })`) spends the caller's quota.
    if (provider && call.callee === root && call.arguments.some((arg) => arg.type === "Identifier" && bindings.userClients?.get(arg.name)?.some((declarator) => declaredAround(declarator, call)))) return undefined;
    if (provider && bindings.modelHelpers?.has(root.name) && call.callee.type === "Identifier") {
      // `requestToGroqAI(content, API_KEY)` with `const { API_KEY } = req.body`: the helper makes its client
      // with the key the caller sent, and spends the caller's quota (iamCelott/AskWai, batch 64).
      const keyParam = bindings.helperKeyParams?.get(root.name);
      const key = keyParam === undefined ? undefined : call.arguments[keyParam];
      return key && key.type !== "SpreadElement" && callersValue(key as Node, 0) ? undefined : provider;
    }
    // `TokenizerFactory.create(id)`: a static method of an imported class that makes its client
    // (ujjwalsinghbasnet-3ptrades/ai-starter, batch 73); its model-calling methods are memberProviders'.
    // `removeDocument(id)`: an imported function that only hands back its vector store runs no model (its `returnsStore`).
    // `getClient()` of this file, its client only tested (./factory-calls): asks whether one can be made.
    const makesClient = (bindings.clientHolders?.has(root.name) && call.callee.type === "MemberExpression" && call.callee.object === root) || (call.callee === root && (bindings.storeFactories?.has(root.name) || (bindings.clientFactories?.has(root.name) && factoryResultOnlyTested(call))));
    // `aiService.listAvailableModels()` on an instance of an imported class: the method's own answer.
    if (bindings.classInstances?.has(root.name) && call.callee.type === "MemberExpression" && call.callee.object === root && !call.callee.computed && call.callee.property.type === "Identifier") {
      return bindings.memberProviders?.get(`${root.name}#${call.callee.property.name}`);
    }
    // `store.save(dir)`, `store.delete({ ids })`, `store.index.markDelete(id)` on a store over an embeddings client embed nothing.
    if (provider && bindings.vectorStores?.has(root.name) && !embedsInStore(call, root)) return undefined;
    if (provider && !makesClient) return runsModel(provider, call, source);
    const embedder = embeddingsGiven(call, bindings);
    if (embedder) return embedder;
    // `aiTestService.generateQuestion(…)`: a function of a module imported whole that calls a provider.
    // `aiService.generateResponse(…)` with `module.exports = new AIService()`: a method of the instance a module exports.
    const first = call.callee.type === "MemberExpression" ? memberPath(call.callee).path[0] : undefined;
    const member = bindings.memberProviders && first !== undefined ? (bindings.memberProviders.get(`${root.name}.${first}`) ?? bindings.memberProviders.get(`${root.name}#${first}`)) : undefined;
    if (member) return member;
    const chain = bindings.chains.get(root.name);
    if (chain && call.callee.type === "MemberExpression" && call.callee.property.type === "Identifier" && CHAIN_METHODS.has(call.callee.property.name)) return chain;
    // `handleChatStream({ mastra, agentId })`: runs an agent of the registry it is given.
    if (call.callee.type === "Identifier" && bindings.agentRunners?.has(root.name)) return registryGiven(call, bindings);
    if (call.callee.type === "Identifier" && bindings.aiSdkCalls.has(root.name)) {
      const model = modelProvider(call, bindings);
      return model === "local" ? undefined : (model ?? bindings.firstProvider ?? AI_SDK_PROVIDER);
    }
    // `event.fetch(…)`: SvelteKit's (and h3's) fetch on the handler's request event (nsk4/WikiReader, batch 197).
    const eventFetch = (callee: TSESTree.MemberExpression) => memberPath(callee).path.join(".") === "fetch" && parameterAround(call, root.name) !== undefined;
    if (root.name === "fetch" || (call.callee.type === "MemberExpression" && (["window", "globalThis"].includes(root.name) || eventFetch(call.callee)))) {
      if (call.callee.type === "Identifier" || memberPath(call.callee).path.join(".") === "fetch") {
        const [url, init] = requestParts(source, call);
        return fetchRequestProvider(source, url, init);
      }
    }
    // Node's `https.request({ hostname: "api.anthropic.com", … }, onResponse)` (provider-requests' nodeHttpRequestProvider).
    const nodeRequest = nodeHttpRequestProvider(source, call);
    if (nodeRequest) return nodeRequest;
    // `fetchWithTimeout(url, options)`: the app's own wrapper that hands both to `fetch` as they are
    // (./fetch-wrappers), of this file or imported: the request is written here, as a `fetch`'s would be
    // (AbylaiNurtaev/whatsapp-gemini-bot, batch 148).
    const wrapped = call.callee.type === "Identifier" ? wrappedRequest(source, call, functionInScope(source, call.callee)) : undefined;
    if (wrapped) return fetchRequestProvider(source, wrapped.url, wrapped.init);
    // `axios({ method: "POST", url: API_URL, headers })` and `axios.request(config)`: the URL and headers in one config
    // (tansunyj/chinese_name_web's Express proxy, batch 62).
    const config = root.name === "axios" && call.arguments.length === 1 && (call.callee.type === "Identifier" || memberPath(call.callee).path.join(".") === "request") ? axiosConfig(source, call.arguments[0] as Node) : undefined;
    if (config) {
      const url = findProperty(config, "url")?.value as Node | undefined;
      return sendsCallersKey(source, config) ? undefined : (fetchProvider(source, url) ?? keyHeaderProvider(source, url, config));
    }
    // An instance the module made with no host of its own, `const api = axios.create({ headers: { Authorization } })`,
    // given the provider's URL in the call: `api.post(OPENAI_API_URL, body)` (appai-dev/sarcasmio, batch 231).
    // (One made for a provider's host, `axios.create({ baseURL })`, is that provider's client: ./bindings.)
    const instance = call.callee.type === "MemberExpression" && HTTP_METHODS.has(memberPath(call.callee).path.join(".")) ? axiosInstanceConfig(source, root.name) : undefined;
    if (instance) {
      const method = memberPath(call.callee).path.join(".");
      if (method === "get" && getsModelInfo(source, call.arguments[0] as Node | undefined)) return undefined;
      const inits = [...call.arguments.slice(1), instance];
      // A path is taken from the instance's `baseURL`; a host of the app's own (`baseURL: "https://my-api.dev"`) is no provider's.
      const url = call.arguments[0] as Node | undefined;
      const base = findProperty(instance, "baseURL")?.value as Node | undefined;
      if (inits.some((init) => sendsCallersKey(source, init))) return undefined;
      return fetchProvider(source, url) ?? (base && fetchProvider(source, base)) ?? inits.map((init) => keyHeaderProvider(source, base ?? url, init)).find(Boolean);
    }
    // `axios.post("https://api.openai.com/…", body, { headers })`, `ky.post(url)`, `got(url)`, and a
    // method taken out of the client: `const { post } = require("axios")` (wanderbatistaf/infinitStories, batch 68).
    if ((HTTP_CLIENTS.has(root.name) && (call.callee.type === "Identifier" || HTTP_METHODS.has(memberPath(call.callee).path.join(".")))) || (call.callee.type === "Identifier" && httpMethodsTaken(source).has(root.name))) {
      // `axios.get("https://api.openai.com/v1/models")`: the model list runs no model; also a bare
      // `$fetch("https://openrouter.ai/api/v1/models")`, a GET (AVMG20/arnotes' model list, batch 122).
      const method = call.callee.type === "MemberExpression" ? memberPath(call.callee).path.join(".") : HTTP_CLIENTS.has(root.name) ? bareCallMethod(call.arguments[1] as Node | undefined) : root.name;
      if (method === "get" && getsModelInfo(source, call.arguments[0] as Node | undefined)) return undefined;
      return call.arguments.slice(1).some((init) => sendsCallersKey(source, init))
        ? undefined
        : (fetchProvider(source, call.arguments[0]) ?? call.arguments.slice(1).map((init) => keyHeaderProvider(source, call.arguments[0], init)).find(Boolean));
    }
  }
  return undefined;
}

/**
 * A chain built and run in one expression, `prompt.pipe(model).invoke(…)`, `new LLMChain({ llm }).call(…)`:
 * the chain a const would hold (bindings' `chainBuiltBy`), run without the const (naremloa/remix-ai-solution's
 * product action and its LangGraph node, batch 138). Only a chain's run method on the built call itself counts:
 * building the chain runs nothing.
 */
/** The provider of a chain (an agent registry, imported ones bound as providers) in an object argument: `{ mastra, agentId }`. */
function registryGiven(call: TSESTree.CallExpression, bindings: FileBindings): Provider | undefined {
  for (const argument of call.arguments) {
    if (argument.type !== "ObjectExpression") continue;
    for (const property of argument.properties) {
      if (property.type !== "Property" || property.value.type !== "Identifier") continue;
      const provider = bindings.chains.get(property.value.name) ?? bindings.providers.get(property.value.name);
      if (provider) return provider;
    }
  }
  return undefined;
}

function chainRunInPlace(call: TSESTree.CallExpression, bindings: FileBindings): Provider | undefined {
  const callee = call.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || !CHAIN_METHODS.has(callee.property.name)) return undefined;
  return chainBuiltBy(callee.object, bindings);
}

const STORE_MODEL_METHODS: ReadonlySet<string> = new Set(STORE_EMBEDDING_METHODS);

/** `call` is one of the store's embedding methods (../../providers/vector-stores) called on the store itself (`store.addDocuments(…)`, not `store.index.markDelete(…)`). */
function embedsInStore(call: TSESTree.CallExpression, store: Node): boolean {
  const callee = call.callee;
  return callee.type === "MemberExpression" && callee.object === store && !callee.computed && callee.property.type === "Identifier" && STORE_MODEL_METHODS.has(callee.property.name);
}

/** Vector store factories that embed every document with the embeddings client they are given. */
const EMBEDS_DOCUMENTS = new Set(["fromDocuments", "fromTexts"]);

/**
 * `HNSWLib.fromDocuments(docs, embeddings)`, `MemoryVectorStore.fromTexts(texts, metadata, new
 * OpenAIEmbeddings())`: a local store that embeds with a provider's client spends that provider's
 * quota (pankaj2k9/rag-chat-app-with-nextjs-langchain's upload route, batch 55).
 */
function embeddingsGiven(call: TSESTree.CallExpression, bindings: FileBindings): Provider | undefined {
  const callee = call.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || !EMBEDS_DOCUMENTS.has(callee.property.name)) return undefined;
  for (const argument of call.arguments) {
    const name = argument.type === "Identifier" ? argument.name : argument.type === "NewExpression" && argument.callee.type === "Identifier" ? argument.callee.name : undefined;
    const provider = name === undefined ? undefined : bindings.providers.get(name);
    if (provider) return provider;
  }
  return undefined;
}

/**
 * A call on a provider's client, unless the provider is a vector database and the method runs no
 * model: `index.deleteMany(ids)` or `index.query({ vector })` on Pinecone spends no model quota,
 * `index.upsertRecords(records)` (Pinecone embeds them) or `PineconeStore.fromDocuments(docs,
 * new OpenAIEmbeddings())` does (../../providers/types `modelMethods`).
 */
function runsModel(provider: Provider | undefined, call: TSESTree.CallExpression, source?: SourceFile): Provider | undefined {
  const callee = call.callee;
  const method = callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : undefined;
  // `openai.listModels().then(…)`: the promise's handler; the call it waits on is the one that runs.
  if (method !== undefined && PROMISE_METHODS.has(method) && callee.type === "MemberExpression" && callee.object.type === "CallExpression") return runsModel(provider, callee.object, source);
  if (sdkCallRunsNoModel(call)) return undefined;
  // The model list or one model's description through an axios instance made for the provider's host.
  if (method === "get" && source && getsModelInfo(source, call.arguments[0] as Node | undefined)) return undefined;
  if (!provider?.modelMethods) return provider;
  return method !== undefined && provider.modelMethods.includes(method) ? provider : undefined;
}

/** A call on a provider's client that runs no model: counting tokens, listing models, the account's models and files. */
export function sdkCallRunsNoModel(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  const method = callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : undefined;
  return method !== undefined && (COUNTS_TOKENS.has(method) || method === "listModels" || (method === "list" && listsModels(callee)) || managesAccount(callee, method));
}

/**
 * Counting a prompt's tokens runs no model and costs nothing: Gemini's `models.countTokens` and
 * Vertex's `computeTokens`, Anthropic's `messages.countTokens` (ujjwalsinghbasnet-3ptrades/ai-starter's
 * tokenizer server action, batch 73).
 */
const COUNTS_TOKENS = new Set(["countTokens", "computeTokens", "count_tokens"]);
const PROMISE_METHODS = new Set(["then", "catch", "finally"]);

/**
 * Listing the models (`openai.models.list()`, v3's `openai.listModels()`) runs none either
 * (eugenmihailescu/chatgpt-chatbot's settings route, batch 75).
 */
function listsModels(callee: Node): boolean {
  return callee.type === "MemberExpression" && callee.object.type === "MemberExpression" && !callee.object.computed && callee.object.property.type === "Identifier" && callee.object.property.name === "models";
}

/**
 * Reading or deleting the account's models and uploaded files runs no model either: v3's
 * `openai.retrieveModel(id)`, `deleteModel(id)`, `listFiles()`, `retrieveFile(id)`, `deleteFile(id)`
 * (gajojr/gpt-steroid's `DELETE /fine-tune`, batch 180), and `openai.models.retrieve(id)`,
 * `openai.files.list()`, `.retrieve(id)`, `.del(id)` (also `.delete`, @google/genai's Files API),
 * as Gemini's `GoogleAIFileManager` is not a model; and deleting any resource of the account (an assistant,
 * a thread, a vector store). Making a fine-tune or listing its jobs still counts, as do other reads.
 */
function managesAccount(callee: Node, method: string): boolean {
  if (ACCOUNT_METHODS_V3.has(method)) return true;
  if (callee.type !== "MemberExpression" || callee.object.type !== "MemberExpression" || callee.object.computed || callee.object.property.type !== "Identifier") return false;
  // Deleting any of the account's resources runs none: `openai.beta.assistants.del(id)`, `openai.beta.threads.del(id)`,
  // `openai.beta.assistants.files.del(a, f)`, `openai.vectorStores.delete(id)` (azakiio/heatofus, batch 223).
  if (method === "del" || method === "delete") return true;
  const resource = callee.object.property.name;
  // On the client itself (`openai.files`, `this.openai.files`): a vector store's files (`openai.vectorStores.files`) are another resource.
  const client = callee.object.object;
  const onClient = client.type === "Identifier" || (client.type === "MemberExpression" && client.object.type === "ThisExpression");
  return onClient && (resource === "models" || resource === "files") && ACCOUNT_READS.has(method);
}

const ACCOUNT_METHODS_V3 = new Set(["retrieveModel", "deleteModel", "listFiles", "retrieveFile", "deleteFile"]);
const ACCOUNT_READS = new Set(["list", "retrieve", "get", "del", "delete"]);

/** `declarator` sits in a function around `node` (module-level declarators are not asked: they name one client). */
function declaredAround(declarator: ClientSite, node: Node): boolean {
  let scope: Node | undefined = declarator.parent;
  while (scope && scope.type !== "FunctionDeclaration" && scope.type !== "FunctionExpression" && scope.type !== "ArrowFunctionExpression") scope = scope.parent;
  return !!scope && scope.range[0] <= node.range[0] && node.range[1] <= scope.range[1];
}

/**
 * HTTP client libraries called with the URL first, and their request methods. `$fetch` and
 * `ofetch` are Nuxt / Nitro's fetch (kudoh/nuxt-openai-realtimeapi-example's session route).
 */
const HTTP_CLIENTS = new Set(["axios", "ky", "got", "$fetch", "ofetch"]);

/**
 * The method of a client called bare, `$fetch(url, options)`: a GET when the options, written out,
 * name none and send no body; undefined when they cannot be read.
 */
function bareCallMethod(options: Node | undefined): string | undefined {
  if (!options) return "get";
  if (options.type !== "ObjectExpression" || options.properties.some((property) => property.type !== "Property" || property.computed)) return undefined;
  const method = findProperty(options, "method");
  if (method?.type === "Property") return stringValue(method.value as Node)?.toLowerCase();
  return ["body", "data", "json", "form"].some((name) => findProperty(options, name)) ? undefined : "get";
}

const axiosInstancesOf = new WeakMap<SourceFile, Map<string, TSESTree.ObjectExpression>>();

/**
 * The config of an axios instance a top-level const of the module holds, `const api = axios.create({ headers })`
 * (an empty object when made with none); undefined for any other name.
 */
function axiosInstanceConfig(source: SourceFile, name: string): TSESTree.ObjectExpression | undefined {
  let instances = axiosInstancesOf.get(source);
  if (!instances) {
    instances = new Map();
    axiosInstancesOf.set(source, instances);
    for (const statement of source.ast.body) {
      const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
      if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") continue;
      for (const declarator of declaration.declarations) {
        const init = declarator.init;
        if (declarator.id.type !== "Identifier" || init?.type !== "CallExpression" || init.callee.type !== "MemberExpression") continue;
        const { root, path } = memberPath(init.callee);
        if (root.type !== "Identifier" || root.name !== "axios" || path.join(".") !== "create") continue;
        const config = init.arguments[0];
        instances.set(declarator.id.name, config?.type === "ObjectExpression" ? config : EMPTY_CONFIG);
      }
    }
  }
  return instances.get(name);
}
const EMPTY_CONFIG = { type: "ObjectExpression", properties: [] } as unknown as TSESTree.ObjectExpression;

/** An HTTP client's request methods; axios's form ones (`postForm`) send a multipart body (4minuterobotics/MERN-AI-image-generator, batch 217). */
const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "request", "stream", "postForm", "putForm", "patchForm"]);

const methodsTakenOf = new WeakMap<SourceFile, Set<string>>();

/** Local names of an HTTP client's methods the module takes out at its top level: `const { post } = require("axios")`, `import { post as send } from "axios"`. */
function httpMethodsTaken(source: SourceFile): Set<string> {
  let names = methodsTakenOf.get(source);
  if (names) return names;
  names = new Set();
  for (const statement of source.ast.body) {
    if (statement.type === "ImportDeclaration" && HTTP_CLIENTS.has(String(statement.source.value))) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === "ImportSpecifier" && specifier.imported.type === "Identifier" && HTTP_METHODS.has(specifier.imported.name)) names.add(specifier.local.name);
      }
    }
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (declarator.id.type !== "ObjectPattern" || init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") continue;
      const module = init.arguments[0];
      if (module?.type !== "Literal" || typeof module.value !== "string" || !HTTP_CLIENTS.has(module.value)) continue;
      for (const property of declarator.id.properties) {
        if (property.type === "Property" && !property.computed && property.key.type === "Identifier" && HTTP_METHODS.has(property.key.name) && property.value.type === "Identifier") names.add(property.value.name);
      }
    }
  }
  methodsTakenOf.set(source, names);
  return names;
}

/**
 * `getOpenAI().chat…`, `(await client()).chat…`, `Singleton.getInstance().chat…`, `new
 * OpenAIEmbeddings().embedDocuments(…)` (engageintellect/nexum-search): the name the client comes from.
 */
function clientRoot(node: Node): Node {
  let current = node;
  for (let i = 0; i < 5; i++) {
    if (current.type === "AwaitExpression") current = current.argument;
    else if (current.type === "CallExpression") current = memberPath(current.callee).root;
    else if (current.type === "NewExpression") current = current.callee;
    else break;
  }
  return current;
}

/** A Vercel AI SDK call whose model comes from elsewhere: the provider is whoever serves that model. */
const AI_SDK_PROVIDER: Provider = {
  id: "ai-sdk",
  name: "an AI model",
  envVar: "",
  contextWords: [],
  revokeUrl: "",
  kinds: [],
};

function modelProvider(call: TSESTree.CallExpression, bindings: FileBindings): Provider | "local" | undefined {
  let found: Provider | "local" | undefined;
  for (const arg of call.arguments) {
    walk(arg, (node) => {
      if (found || node.type !== "Identifier") return;
      // A model from a local-model provider (`ollama("llama3.1")`): no provider's quota to spend;
      // nor from a provider made with the caller's key (`const openai = createOpenAI({ apiKey: body.key })`:
      // thaddeusm/alt-tag-generator, batch 48), which spends the caller's.
      found = bindings.localModels?.has(node.name) || isUserClient(node.name, call, bindings) || letOfUserModels(node, bindings) ? "local" : bindings.providers.get(node.name);
    });
  }
  return found;
}

function isUserClient(name: string, at: Node, bindings: FileBindings): boolean {
  return bindings.userClients?.get(name)?.some((declarator) => declaredAround(declarator, at)) === true;
}

/**
 * `let llm; if (…) { const anthropic = createAnthropic({ apiKey }); llm = anthropic("claude-…") } else { … }`, then
 * `streamText({ model: llm })`: every model the `let` is given comes from a client the caller's key made
 * (13point5/open-artifacts, batch 207).
 */
function letOfUserModels(name: TSESTree.Identifier, bindings: FileBindings): boolean {
  if (!bindings.userClients) return false;
  const values = valuesOfLet(name, name.name)?.filter((value) => !(value.type === "Identifier" && value.name === "undefined"));
  return !!values && values.length > 0 && values.every((value) => value.type === "CallExpression" && value.callee.type === "Identifier" && isUserClient(value.callee.name, value, bindings));
}


function wrapperSaysLimit(callee: Node): boolean {
  const { root, path } = memberPath(callee);
  return [...(root.type === "Identifier" ? [root.name] : []), ...path].some((name) => LIMIT_NAME.test(name));
}

/** A module-level function of this file, by name. */
/** The function a name called or passed refers to: one declared in a block around it, else the module's (sameFileFunction). */
function functionInScope(source: SourceFile, reference: TSESTree.Identifier): Node | undefined {
  const local = blockDeclaration(reference);
  if (local === null) return undefined;
  if (!local) return sameFileFunction(source, reference.name);
  const value = local.value;
  return value && (value.type === "FunctionDeclaration" || value.type === "ArrowFunctionExpression" || value.type === "FunctionExpression") ? value : undefined;
}

export function sameFileFunction(source: SourceFile, name: string): Node | undefined {
  for (const statement of source.ast.body) {
    const declaration = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration ? statement.declaration : statement;
    if (declaration.type === "FunctionDeclaration" && declaration.id?.name === name) return declaration;
    if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) {
        const init = declarator.init;
        if (declarator.id.type === "Identifier" && declarator.id.name === name && init && (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression")) return init;
        // `const handler = withErrorHandling(handleChatRequest)`: the wrapped function runs (MaximStarykh/legal-chat, batch 63).
        // A limiter's wrapper (`withRateLimit(chat)`) is followed no further: what it wraps is limited.
        if (declarator.id.type === "Identifier" && declarator.id.name === name && init?.type === "CallExpression" && init.arguments.length === 1 && !wrapperSaysLimit(init.callee)) {
          const [wrapped] = init.arguments;
          if (wrapped.type === "ArrowFunctionExpression" || wrapped.type === "FunctionExpression") return wrapped;
          if (wrapped.type === "Identifier" && wrapped.name !== name) return sameFileFunction(source, wrapped.name);
        }
      }
    }
  }
  return undefined;
}

const instancesOf = new WeakMap<TSESTree.Program, Map<string, TSESTree.ClassBody>>();
/** Per file: a method name only one of the file's instantiated classes declares, and that class. */
const uniqueMethodsOf = new WeakMap<TSESTree.Program, Map<string, TSESTree.ClassBody | null>>();

/**
 * Method names of the language's and the usual libraries' objects: `rooms.get(id)` or
 * `socket.emit(…)` is no call of a class that happens to declare `get` or `emit`.
 */
const COMMON_OBJECTS: readonly object[] = [Object.prototype, Array.prototype, Map.prototype, Set.prototype, Promise.prototype, String.prototype, Function.prototype];
const COMMON_METHODS = new Set(["send", "emit", "on", "once", "off", "json", "status", "end", "write", "query", "get", "post", "put", "patch", "run", "start", "stop", "close", "init", "create", "update", "remove", "save", "load", "handle", "execute", "process"]);

function isCommonMethod(name: string): boolean {
  return COMMON_METHODS.has(name) || COMMON_OBJECTS.some((prototype) => name in prototype);
}

/**
 * A method of the instance a top-level const holds, when its class is declared in this file:
 * `const ragSystem = new RAGSystem()` … `ragSystem.queryWithRAG(q)`, the model called as
 * `this.llm.invoke(…)` inside (nimjinwei/Nodejs-langchain-gemini, batch 39). Read once per file.
 */
function instanceMethod(source: SourceFile, instance: string, name: string): Node | undefined {
  let instances = instancesOf.get(source.ast);
  if (!instances) {
    instances = new Map();
    instancesOf.set(source.ast, instances);
    const classes = fileClasses(source);
    for (const statement of classes.size > 0 ? source.ast.body : []) {
      const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
      if (declaration.type !== "VariableDeclaration") continue;
      for (const declarator of declaration.declarations) {
        const init = declarator.init;
        const body = init?.type === "NewExpression" && init.callee.type === "Identifier" ? classes.get(init.callee.name) : undefined;
        if (body && declarator.id.type === "Identifier") instances.set(declarator.id.name, body);
      }
    }
  }
  const body = instances.get(instance);
  if (body) return classMethod(body, name);
  // `const room = rooms[socket.roomId]` … `room.getAIHint()`: an instance kept in a map, of the
  // file's own `class GameRoom` (made with `new GameRoom(id)` somewhere in the file), the only
  // class here with that method (group-project-ph2/group-project-phase-2's socket handler, batch 73).
  const unique = uniqueMethods(source).get(name);
  return unique && !isCommonMethod(name) ? classMethod(unique, name) : undefined;
}

/** The classes a module declares at its top level (exported or not), by name. */
function fileClasses(source: SourceFile): Map<string, TSESTree.ClassBody> {
  const classes = new Map<string, TSESTree.ClassBody>();
  for (const statement of source.ast.body) {
    const declaration = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration ? statement.declaration : statement;
    if (declaration.type === "ClassDeclaration" && declaration.id) classes.set(declaration.id.name, declaration.body);
  }
  return classes;
}

function uniqueMethods(source: SourceFile): Map<string, TSESTree.ClassBody | null> {
  let methods = uniqueMethodsOf.get(source.ast);
  if (methods) return methods;
  methods = new Map();
  uniqueMethodsOf.set(source.ast, methods);
  const classes = fileClasses(source);
  if (classes.size === 0 || !source.text.includes("new ")) return methods;
  const made = new Set<string>();
  walk(source.ast, (node) => {
    if (node.type === "NewExpression" && node.callee.type === "Identifier" && classes.has(node.callee.name)) made.add(node.callee.name);
  });
  const counts = new Map<string, number>();
  for (const [name, body] of classes) {
    const declared = new Set(body.body.flatMap((member) => (member.type === "MethodDefinition" && member.kind === "method" && !member.computed && member.key.type === "Identifier" ? [member.key.name] : [])));
    for (const method of declared) {
      counts.set(method, (counts.get(method) ?? 0) + 1);
      methods.set(method, made.has(name) && counts.get(method) === 1 ? body : null);
    }
  }
  return methods;
}

/**
 * `this.openai.chat.completions.create(…)`: a client the class keeps in a field (bindings names it
 * by the field). `this.chatService.ask(…)`: a method of the class the field is injected as
 * (`constructor(private readonly chatService: ChatService)`), when that class's module says the
 * method calls a provider (shared-clients' `ChatService#ask`).
 */
function providerOfThisCall(call: TSESTree.CallExpression, bindings: FileBindings): Provider | undefined {
  const [field, method] = memberPath(call.callee).path;
  if (!field) return undefined;
  const client = bindings.providers.get(field);
  if (client) return runsModel(client, call);
  if (!method || !bindings.memberProviders) return undefined;
  const type = injectedType(call, field);
  return type ? bindings.memberProviders.get(`${type}#${method}`) : undefined;
}

/**
 * The type a field is declared with: a constructor parameter property (`private readonly chat: ChatService`),
 * a typed field, or the class a field is made of (`private routerAgent = new RouterAgent()`, also
 * `this.routerAgent = new RouterAgent()` in the constructor: narutobhati/AI-Chat-Support, batch 78).
 */
function injectedType(node: Node, field: string): string | undefined {
  const typeName = (annotation: TSESTree.TSTypeAnnotation | undefined) => {
    const type = annotation?.typeAnnotation;
    return type?.type === "TSTypeReference" && type.typeName.type === "Identifier" ? type.typeName.name : undefined;
  };
  const madeOf = (value: Node | null | undefined) => (value?.type === "NewExpression" && value.callee.type === "Identifier" ? value.callee.name : undefined);
  for (const member of enclosingClass(node)?.body ?? []) {
    if (member.type === "PropertyDefinition" && !member.computed && member.key.type === "Identifier" && member.key.name === field) {
      const declared = typeName(member.typeAnnotation) ?? madeOf(member.value);
      if (declared) return declared;
    }
    if (member.type !== "MethodDefinition" || member.kind !== "constructor") continue;
    for (const param of member.value.params) {
      if (param.type === "TSParameterProperty" && param.parameter.type === "Identifier" && param.parameter.name === field) return typeName(param.parameter.typeAnnotation);
    }
    for (const statement of member.value.body?.body ?? []) {
      if (statement.type !== "ExpressionStatement" || statement.expression.type !== "AssignmentExpression") continue;
      const { left, right } = statement.expression;
      if (left.type === "MemberExpression" && left.object.type === "ThisExpression" && !left.computed && left.property.type === "Identifier" && left.property.name === field) {
        const made = madeOf(right);
        if (made) return made;
      }
    }
  }
  return undefined;
}

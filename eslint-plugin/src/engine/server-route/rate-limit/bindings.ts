/**
 * Names in a file that stand for an AI provider (SDK imports and the clients made from them)
 * or for a rate limiter (limiter package imports and the limiters made from them).
 */
import type { SourceFile, TSESTree } from "../../ast";
import type { Provider } from "../../providers/types";
import { servesManyProviders } from "../../providers";
import { requiredModule } from "../../require-call";
import { isFunction } from "../../function-returns";
import { memberPath, propertyName, sameClassMethod, stringValue, tscCallee, walk } from "../ast-utils";
import { findProviderForHost, findProviderForPackage, knownProviders, npmSpecifierOf } from "../catalogue";

type Node = TSESTree.Node;

/**
 * Where a name gets a client: a declarator, or what stands for one (`client = new OpenAI(…)`
 * assigned to a `let`, a class field, `this.openai = …`, a factory function's name). `parent` is
 * the declarator's or the assignment's parent: the function around it tells whose calls the client
 * serves (function-scan's declaredAround). Fields and factories have none.
 */
export interface ClientSite {
  id: Node;
  init: Node | null;
  parent?: Node;
}

/** Packages whose import means "a rate limiter": the ones the docs name, plus common peers. */
export const LIMITER_PACKAGES = [
  "@upstash/ratelimit",
  "rate-limiter-flexible",
  "express-rate-limit",
  "express-slow-down",
  "hono-rate-limiter",
  "@hono-rate-limiter/redis",
  "@fastify/rate-limit",
  "@nestjs/throttler",
  "firebase-functions-rate-limiter",
  "limiter",
  "@arcjet/next",
  "@arcjet/node",
  "@arcjet/bun",
  "@unkey/ratelimit",
];

/** Vercel AI SDK calls: they reach the provider of the model they are given. */
const AI_SDK_PACKAGE = "ai";
const AI_SDK_CALLS = new Set([
  "generateText",
  "streamText",
  "generateObject",
  "streamObject",
  "embed",
  "embedMany",
  "generateImage",
  "experimental_generateImage",
  "generateSpeech",
  "experimental_generateSpeech",
  "transcribe",
  "experimental_transcribe",
  // AI SDK 6 runs an agent for a chat UI: `createAgentUIStreamResponse({ agent, messages })` (drewhirschi/agent, batch 116).
  "createAgentUIStreamResponse",
  "createAgentUIStream",
  "pipeAgentUIStreamToResponse",
]);
/**
 * TanStack AI's activities (`@tanstack/ai`): `chat({ adapter: openaiText("gpt-4o"), messages })` runs the
 * model of the adapter it is given, which an adapter package (`@tanstack/ai-openai`, in the catalogue's
 * sdkPackages) makes; read as the AI SDK's calls are. `getVideoJobStatus` only polls a job already paid for.
 */
const TANSTACK_AI_PACKAGE = "@tanstack/ai";
const TANSTACK_AI_CALLS = new Set(["chat", "summarize", "rerank", "generateImage", "generateAudio", "generateVideo", "generateSpeech", "generateTranscription", "embed"]);
/**
 * Mastra's handlers for the AI SDK's UI (`@mastra/ai-sdk`): `handleChatStream({ mastra, agentId,
 * params })` runs an agent of the registry it is given (atomly/journl's agent route, batch 168).
 */
const AGENT_RUNNER_PACKAGES = new Set(["@mastra/ai-sdk"]);
const AGENT_RUNNERS = new Set(["handleChatStream", "handleNetworkStream", "handleWorkflowStream"]);
/** An agent registry's lookup: `mastra.getAgent("chat")` is an agent of the registry's. */
const REGISTRY_LOOKUPS = new Set(["getAgent", "getAgentById"]);
/** Where an agent registry keeps its agents: `new Mastra({ agents: { chatAgent } })`, VoltAgent's `{ agents: { … } }`. */
const AGENTS_SLOT = "agents";

/** The AI SDK's React Server Components calls (`ai/rsc`, also `@ai-sdk/rsc`): `streamUI` and v3.0's `render`. */
const AI_SDK_RSC_PACKAGES = new Set(["ai/rsc", "@ai-sdk/rsc"]);
const AI_SDK_RSC_CALLS = new Set(["streamUI", "render"]);

/**
 * AI SDK providers for models that run on the developer's own machine (Ollama): a call to one
 * spends no provider's quota, so no rate limit is owed for it (AndresZea2003/Astro's
 * `streamText({ model: ollama("llama3.1") })`, batch 42).
 */
const LOCAL_MODEL_PACKAGES = new Set(["ollama-ai-provider", "ollama-ai-provider-v2", "ai-sdk-ollama", "@tanstack/ai-ollama"]);

/** Assignments that may give a `let` its chain (`chain = new ConversationChain(…)`, `chain ??= …`). */
const CHAIN_ASSIGNMENTS = new Set(["=", "??=", "||="]);

/** Outbound queues (spacing the app's own requests to an API): they refuse no client, so they are no rate limit. */
const QUEUE_PACKAGES = new Set(["bottleneck", "p-limit", "p-queue", "p-throttle"]);

export interface FileBindings {
  /** Local name → provider, for SDK imports and clients built from them. */
  providers: Map<string, Provider>;
  /** Local names of Vercel AI SDK calls. */
  aiSdkCalls: Set<string>;
  /**
   * LangChain chains (and agents, runnables…) built from a keyed chat model in this file:
   * `new ConversationChain({ llm: model })`, `prompt.pipe(model)`, `RunnableSequence.from([prompt, model])`.
   * Running them (CHAIN_METHODS) calls the model's provider.
   */
  chains: Map<string, Provider>;
  /** Local names of limiter imports and limiters built from them. */
  limiters: Set<string>;
  /** Local names of calls that run an agent of the registry they are given (AGENT_RUNNERS). */
  agentRunners?: Set<string>;
  /** The first provider the file imports (what an AI SDK call most likely reaches). */
  firstProvider?: Provider;
  /**
   * `controller.analyze` → provider, for a module imported whole (`const controller =
   * require("./controller")`, `import * as controller`) whose export `analyze` calls one; and
   * `ChatService#ask` → provider, for an imported class whose method `ask` calls one (a NestJS
   * service, reached as `this.chatService.ask()` through the type it is injected as).
   */
  memberProviders?: Map<string, Provider>;
  /**
   * Clients built with the caller's key, by name: the declarators. A call on that name inside the
   * function that declares one is on that client, even where another function of the file builds a
   * keyed client under the same name (`const openai = …` in two methods: lesiyu129/myGpt, batch 41).
   */
  userClients?: Map<string, ClientSite[]>;
  /**
   * Imported functions that call a provider's model themselves (`vectoriseDocument()` running
   * `PineconeStore.fromDocuments`): a call of one spends quota whatever the provider's client
   * methods are (visioninhope/DocXpert-fire, batch 58).
   */
  modelHelpers?: Set<string>;
  /**
   * Instances of an imported class whose methods the class's module judged one by one
   * (`aiService = new AIService()`): a method not among `memberProviders`' `aiService#…` calls no model.
   */
  classInstances?: Set<string>;
  /** Imported classes that make or keep a client (./shared-clients `holder`): `X.create()` makes one, no model runs. */
  clientHolders?: Set<string>;
  /**
   * Functions of this file that return a client they make or keep (`function getClient() { return new OpenAI(…) }`,
   * a singleton getter): `getClient()` alone makes or hands one over and runs no model; `getClient().chat…` does.
   */
  clientFactories?: Set<string>;
  /**
   * Vector stores made over an embeddings client (also in `providers`, under that client's provider):
   * only the calls that embed documents or a query spend quota (function-scan's STORE_MODEL_METHODS).
   */
  vectorStores?: Set<string>;
  /** Imported functions that return a vector store and call no model (./shared-clients `returnsStore`): calling one runs no model. */
  storeFactories?: Set<string>;
  /**
   * Clients made with a key their function is given (`new Groq({ apiKey: API_KEY })` in
   * `requestToGroqAI(content, API_KEY)`): the function and the parameter's index, so a module's
   * summary can say which argument is the key (iamCelott/AskWai, batch 64).
   */
  paramKeyClients?: Map<string, { fn: Node; index: number }>;
  /**
   * Imported classes whose constructor makes their client from one of its arguments (`new
   * AIService(provider, apiKey)`): the argument's index. An instance made with the caller's key
   * spends the caller's quota (LordLuceus/chat-lounge's per-user keys, batch 87).
   */
  classKeyParams?: Map<string, number>;
  /** What each name of the file is declared as (destructured names: what they are taken from), and its top-level names: keyIsUserSupplied's inputs. */
  keySources?: { declarations: ReadonlyMap<string, Node>; moduleNames: ReadonlySet<string> };
  /** Imported helpers that make their client with the key given as this argument (./shared-clients). */
  helperKeyParams?: Map<string, number>;
  /** Local names of local-model providers (LOCAL_MODEL_PACKAGES) and of the providers they create. */
  localModels?: Set<string>;
  /** Local names of outbound queues (QUEUE_PACKAGES) and the queues made from them. */
  queues?: Set<string>;
  /**
   * The clients a tRPC context holds, by property (./trpc-context): this module's context
   * functions' and those of the modules it imports. A procedure reaches one as `ctx.openai`.
   */
  contextClients?: Map<string, Provider>;
}

function moduleOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "CallExpression") return requiredModule(node);
  if (node.type === "AwaitExpression" && node.argument.type === "ImportExpression") return stringValue(node.argument.source);
  return undefined;
}

function boundNames(pattern: Node): string[] {
  if (pattern.type === "Identifier") return [pattern.name];
  if (pattern.type === "ObjectPattern") {
    return pattern.properties.flatMap((property) => (property.type === "Property" ? boundNames(property.value) : boundNames(property.argument)));
  }
  return [];
}

/** The identifier a `new X()`, `X()`, `X.create()` or `await X()` starts from. */
export function constructedFrom(node: Node | null | undefined): string | undefined {
  let current = node;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression" || current.type === "ChainExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  // Built only when a key is set: `KEY ? new GoogleGenerativeAI(KEY) : null`, `cached ?? new OpenAI()`
  // (federico722/back-end-clinic-pets, batch 37): the client the other side leaves out.
  if (current?.type === "ConditionalExpression") return constructedFrom(current.consequent) ?? constructedFrom(current.alternate);
  if (current?.type === "LogicalExpression" && current.operator !== "&&") return constructedFrom(current.right) ?? constructedFrom(current.left);
  if (!current || (current.type !== "NewExpression" && current.type !== "CallExpression")) return undefined;
  let callee: Node = current.callee;
  while (callee.type === "MemberExpression") {
    // `this.genAI.getGenerativeModel(…)`: built from the class's field, named as the field is
    // (geminiService.js of debabrata013/notes-app: `this.model = this.genAI.getGenerativeModel(…)`).
    if (callee.object.type === "ThisExpression") return !callee.computed && callee.property.type === "Identifier" ? callee.property.name : undefined;
    callee = callee.object;
  }
  // `new GoogleGenerativeAI(key).getGenerativeModel(…)`: built from the client made in place.
  if (callee.type === "NewExpression") return constructedFrom(callee);
  return callee.type === "Identifier" ? callee.name : undefined;
}

/** The client made in place in `new GoogleGenerativeAI(key).getGenerativeModel(…)`, whose options and key are the model's. */
function madeInPlace(init: Node | null | undefined): Node | null | undefined {
  let current = init;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  return current?.type === "CallExpression" && current.callee.type === "MemberExpression" && current.callee.object.type === "NewExpression" ? current.callee.object : init;
}

/**
 * A call that answers a request rather than building a client: awaited on a client
 * (`const response = await claude.messages.create(…)`) or several members deep
 * (`openai.chat.completions.create(…)`). Its result is the model's output: binding its name as a
 * client made every `response.json()` of the file a provider call (a fetch's response in another
 * function of JeffSa-dev/call-coach's lib/claude.ts). `genAI.getGenerativeModel(…)`,
 * `model.startChat()` and `createOpenAI(…)` still build one.
 */
function answersRequest(init: Node | null | undefined): boolean {
  const awaited = init?.type === "AwaitExpression";
  let current = init;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  if (current?.type !== "CallExpression" || current.callee.type !== "MemberExpression") return false;
  const { root, path } = memberPath(current.callee);
  // `this.genAI.getGenerativeModel(…)` is one member deep from the field `genAI`.
  return awaited || path.length - (root.type === "ThisExpression" ? 1 : 0) >= 2;
}

/** SDK constructor names (`OpenAI`, `Groq`…) → their provider. */
export function providerConstructors(): ReadonlyMap<string, Provider> {
  // The catalogue is fixed: build the map once, not once per file.
  if (constructorsByName) return constructorsByName;
  constructorsByName = new Map<string, Provider>();
  for (const provider of knownProviders()) for (const name of provider.sdkConstructors ?? []) if (!constructorsByName.has(name)) constructorsByName.set(name, provider);
  return constructorsByName;
}

let constructorsByName: Map<string, Provider> | undefined;

/**
 * A class field or constructor parameter property with a type name: `private limClient: OpenAI`,
 * `constructor(private openai: OpenAI)`, or a union of them (`private _model: ChatMistralAI |
 * ChatOpenAI | ChatAnthropic`, a model a factory picks: cratas/langchain-explorer, batch 45).
 */
function typedMember(node: Node): { name: string; types: string[]; getter?: boolean } | undefined {
  let name: string | undefined;
  let annotation: TSESTree.TypeNode | undefined;
  let getter = false;
  if (node.type === "Identifier" && node.typeAnnotation && isFunction(node.parent) && node.parent.params.includes(node)) {
    // A function handed the client: `orthographyCheckUseCase = async (openai: OpenAI, options) =>
    // openai.chat.completions.create(…)`, which a NestJS service calls with its own client
    // (`orthographyCheckUseCase(this.openai, dto)`: the "use case" modules of tonovarela/nestjs-openai,
    // batch 106). Like a getter's, only an SDK client's class counts (not `messages: MessageParam`).
    name = node.name;
    annotation = node.typeAnnotation.typeAnnotation;
    getter = true;
  } else if (node.type === "PropertyDefinition" && !node.computed && node.key.type === "Identifier") {
    name = node.key.name;
    annotation = node.typeAnnotation?.typeAnnotation;
  } else if (node.type === "TSParameterProperty" && node.parameter.type === "Identifier") {
    name = node.parameter.name;
    annotation = node.parameter.typeAnnotation?.typeAnnotation;
  } else if (node.type === "FunctionDeclaration" && node.id) {
    // A getter declared to return the SDK's client: `function getClaudeInstance(apiKey: string):
    // Anthropic { … return cache.get(apiKey)! }` (atraining/claude-ui's file parser, batch 72).
    name = node.id.name;
    annotation = promisedType(node.returnType?.typeAnnotation);
    getter = true;
  } else if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && (node.init?.type === "ArrowFunctionExpression" || node.init?.type === "FunctionExpression")) {
    name = node.id.name;
    annotation = promisedType(node.init.returnType?.typeAnnotation);
    getter = true;
  }
  // Called on every node of a module: return before allocating when there is nothing typed.
  if (!name || !annotation) return undefined;
  const members = annotation.type === "TSUnionType" ? annotation.types : [annotation];
  const types = members.flatMap((type) => (type.type === "TSTypeReference" && type.typeName.type === "Identifier" ? [type.typeName.name] : []));
  return types.length > 0 ? { name, types, getter } : undefined;
}

/** `Promise<Anthropic>` → `Anthropic`: what an async getter hands back. */
function promisedType(type: TSESTree.TypeNode | undefined): TSESTree.TypeNode | undefined {
  if (type?.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "Promise") return type.typeArguments?.params[0];
  return type;
}

/** Names a file imports from a provider's SDK, type-only imports included: the types a client may be declared with. */
function sdkTypeNames(program: TSESTree.Program): Map<string, Provider> {
  const types = new Map<string, Provider>();
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const module = npmSpecifierOf(String(statement.source.value));
    const provider = findProviderForPackage(module);
    if (!provider || provider.nonModelApis?.packages?.includes(module)) continue;
    for (const specifier of statement.specifiers) types.set(specifier.local.name, provider);
  }
  return types;
}

/** A rate-limiting package (LIMITER_PACKAGES) or one of its subpaths. */
export function isLimiterPackage(module: string): boolean {
  return LIMITER_PACKAGES.some((name) => module === name || module.startsWith(`${name}/`));
}

/**
 * A package whose imports fileBindings reads itself (the AI SDK, a provider's SDK, a limiter) or
 * one of the SDK families' own packages (`@ai-sdk/*`, `@langchain/*`): an app's shared client
 * never lives in their code, so rate-limit analysis never follows an import into them.
 */
export function isSdkOrLimiterPackage(module: string): boolean {
  if (module === AI_SDK_PACKAGE || module.startsWith(`${AI_SDK_PACKAGE}/`) || module.startsWith("@ai-sdk/") || module.startsWith("@langchain/")) return true;
  if (module === TANSTACK_AI_PACKAGE || module.startsWith(`${TANSTACK_AI_PACKAGE}/`) || module.startsWith(`${TANSTACK_AI_PACKAGE}-`)) return true;
  return isLimiterPackage(module) || findProviderForPackage(module) !== undefined;
}

export function fileBindings(source: SourceFile): FileBindings {
  const bindings: FileBindings = { providers: new Map(), chains: new Map(), aiSdkCalls: new Set(), limiters: new Set() };
  const constructors = providerConstructors();
  const bindModule = (specifier: string, names: { local: string; imported?: string }[]) => {
    // `npm:ai@4`, `https://esm.sh/@upstash/ratelimit` (Deno, Supabase Edge Functions): the package's own imports.
    const module = npmSpecifierOf(specifier);
    if (module === AI_SDK_PACKAGE || module === TANSTACK_AI_PACKAGE) {
      const calls = module === AI_SDK_PACKAGE ? AI_SDK_CALLS : TANSTACK_AI_CALLS;
      for (const { local, imported } of names) if (calls.has(imported ?? local)) bindings.aiSdkCalls.add(local);
      return;
    }
    if (AGENT_RUNNER_PACKAGES.has(module)) {
      for (const { local, imported } of names) if (AGENT_RUNNERS.has(imported ?? local)) (bindings.agentRunners ??= new Set()).add(local);
      return;
    }
    if (AI_SDK_RSC_PACKAGES.has(module)) {
      for (const { local, imported } of names) if (AI_SDK_RSC_CALLS.has(imported ?? local)) bindings.aiSdkCalls.add(local);
      return;
    }
    if (isLimiterPackage(module)) {
      for (const { local } of names) bindings.limiters.add(local);
      return;
    }
    if (QUEUE_PACKAGES.has(module)) {
      for (const { local } of names) (bindings.queues ??= new Set()).add(local);
      return;
    }
    if (LOCAL_MODEL_PACKAGES.has(module)) {
      for (const { local } of names) (bindings.localModels ??= new Set()).add(local);
      return;
    }
    const provider = findProviderForPackage(module);
    if (!provider && servesManyProviders(module)) {
      // `import { PineconeStore } from "langchain/vectorstores/pinecone"`: the class names its provider.
      for (const { local, imported } of names) {
        const byClass = constructors.get(imported ?? local);
        if (byClass) bindings.providers.set(local, byClass);
      }
      return;
    }
    // The Hugging Face Hub client, Octokit: the provider's, but they run no model.
    if (!provider || provider.nonModelApis?.packages?.includes(module)) return;
    bindings.firstProvider ??= provider;
    // A class or helper of the SDK that runs no model (`RunState.fromString(agent, saved)` of @openai/agents) is no client.
    for (const { local, imported } of names) if (!provider.nonModelApis?.constructors?.includes(imported ?? local)) bindings.providers.set(local, provider);
  };

  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    bindModule(
      String(statement.source.value),
      statement.specifiers.map((specifier) => ({
        local: specifier.local.name,
        imported: specifier.type === "ImportSpecifier" && specifier.imported.type === "Identifier" ? specifier.imported.name : undefined,
      })),
    );
  }
  const declarations = new Map<string, Node>();
  // One walk: every declarator in source order, for the passes below, and every client assigned
  // later to a variable (`let groq = null; … groq = new Groq({ apiKey })` or `client ??= new
  // OpenAI()`, made on first use): that variable is the client as much as a declared one.
  const declarators: ClientSite[] = [];
  // This file's factories by name (`function makeChat(history) { return model.startChat({ history }) }`): what their calls' arguments are.
  const factories = new Map<string, TSESTree.FunctionLike>();
  const getters: Array<{ name: string; returned: string }> = [];
  const typedMembers: Array<{ name: string; types: string[]; getter?: boolean }> = [];
  walk(source.ast, (node) => {
    if (node.type === "AssignmentExpression" && node.left.type === "Identifier" && ["=", "??=", "||="].includes(node.operator) && constructedFrom(node.right)) {
      declarators.push({ id: node.left, init: node.right, parent: node });
      return;
    }
    // A class's client, under its field's name (a NestJS service's `private openai = new OpenAI()`,
    // or `this.openai = new OpenAI({ apiKey: config.get(…) })` in its constructor): calls read it as
    // `this.openai.…` (function-scan).
    if (node.type === "PropertyDefinition" && !node.computed && node.key.type === "Identifier" && node.value && constructedFrom(node.value)) {
      declarators.push({ id: node.key, init: node.value });
      return;
    }
    if (
      node.type === "AssignmentExpression" &&
      node.left.type === "MemberExpression" &&
      node.left.object.type === "ThisExpression" &&
      !node.left.computed &&
      node.left.property.type === "Identifier" &&
      ["=", "??=", "||="].includes(node.operator) &&
      constructedFrom(node.right)
    ) {
      declarators.push({ id: node.left.property, init: node.right });
      return;
    }
    const typed = typedMember(node);
    if (typed) typedMembers.push(typed);
    // A factory of this file (`function createOpenAIClient(env) { return new OpenAI({ … }) }`, a
    // Worker's lib/openai.ts in bench/real-apps): its name stands for the client it returns.
    const factory = node.type === "FunctionDeclaration" ? node : node.type === "VariableDeclarator" && (node.init?.type === "ArrowFunctionExpression" || node.init?.type === "FunctionExpression") ? node.init : undefined;
    const made = factory && returnedConstruction(factory);
    const name = node.type === "FunctionDeclaration" ? node.id : node.type === "VariableDeclarator" ? node.id : undefined;
    if (made && name?.type === "Identifier") {
      declarators.push({ id: name, init: made });
      (bindings.clientFactories ??= new Set()).add(name.name);
      factories.set(name.name, factory);
    }
    // A singleton getter: `function getOpenAIInstance() { if (!instance) instance = new OpenAI(…); return instance; }`.
    const returned = factory && !made && name?.type === "Identifier" ? returnedName(factory) : undefined;
    if (returned && name?.type === "Identifier") {
      getters.push({ name: name.name, returned });
      (bindings.clientFactories ??= new Set()).add(name.name);
    }
    if (node.type !== "VariableDeclarator") return;
    declarators.push(node);
    if (node.id.type === "Identifier" && node.init && !declarations.has(node.id.name)) declarations.set(node.id.name, node.init);
    // `const { apiKey, prompt } = body`: each name destructured stands for what it is taken from
    // (the request's body, the server's env), as keyIsUserSupplied asks (LouisKoXiang/nuxt3-chatgpt-openai, batch 57).
    if (node.id.type === "ObjectPattern" && node.init) {
      for (const property of node.id.properties) {
        const value = property.type === "Property" ? (property.value.type === "AssignmentPattern" ? property.value.left : property.value) : undefined;
        if (value?.type === "Identifier" && !declarations.has(value.name)) declarations.set(value.name, node.init);
      }
    }
  });
  const moduleNames = moduleLevelNames(source.ast);
  bindings.keySources = { declarations, moduleNames };

  // Clients and limiters built anywhere in the file: `const client = new OpenAI()`, `const rl = new Ratelimit({...})`.
  const builtHere = new Set<string>();
  for (const node of declarators) {
    const module = moduleOf(node.init);
    if (module) {
      bindModule(module, boundNames(node.id).map((local) => ({ local })));
      continue;
    }
    if (node.id.type !== "Identifier") continue;
    const from = constructedFrom(node.init);
    if (!from || answersRequest(node.init)) continue;
    if (bindings.queues?.has(from)) {
      bindings.queues.add(node.id.name);
      continue;
    }
    // `const ollama = createOllama()`.
    if (bindings.localModels?.has(from)) {
      bindings.localModels.add(node.id.name);
      continue;
    }
    // `const model = groq("llama-3.3-70b-versatile")` of a `const groq = createGroq({ apiKey })` made above with
    // the caller's key: that client's model, on the caller's key too, whatever the SDK's default instance
    // is called (vznh/documix's Groq route, batch 256).
    const userClient = bindings.userClients?.get(from);
    if (userClient?.some((client) => madeBefore(client, node))) {
      const list = bindings.userClients!.get(node.id.name) ?? [];
      list.push(node);
      bindings.userClients!.set(node.id.name, list);
      continue;
    }
    if (bindings.providers.has(from) || constructors.has(from)) builtHere.add(node.id.name);
    // A name in the client's options is the one declared nearest the client (two methods may each
    // declare a `configuration` or an `apiKey`: lesiyu129/myGpt, batch 41).
    const near = (name: string) => nearestInit(declarators, name, node.init ?? node.id) ?? declarations.get(name);
    const made = madeInPlace(node.init);
    const options = clientOptions(made, near);
    // A bring-your-own-key client (`new OpenAI({ apiKey: profile.openai_api_key })`) spends the
    // user's quota, not the server's: no rate limit is owed for it.
    const factory = factories.get(from);
    const key = factory && !options ? factoryKeyArgument(made, factory) : clientKey(made, options);
    // Only a provider's client has a key to bring: `ConversationalRetrievalQAChain.fromLLM(this._model, …)`
    // takes a model first, not a key (cratas/langchain-explorer, batch 45).
    const makesClient = bindings.providers.has(from) || constructors.has(from) || providerOfBaseUrl(options) !== undefined;
    if (makesClient && keyIsUserSupplied(key?.type === "Identifier" ? near(key.name) : key, declarations, moduleNames)) {
      const list = ((bindings.userClients ??= new Map()).get(node.id.name) ?? []);
      list.push(node);
      bindings.userClients.set(node.id.name, list);
      continue;
    }
    const provider = providerOfBaseUrl(options) ?? bindings.providers.get(from) ?? constructors.get(from);
    if (provider && !provider.nonModelApis?.constructors?.includes(from)) {
      bindings.providers.set(node.id.name, provider);
      const given = makesClient && key?.type === "Identifier" && !near(key.name) ? parameterOf(key, key.name) : undefined;
      if (given) (bindings.paramKeyClients ??= new Map()).set(node.id.name, given);
      bindings.firstProvider ??= provider;
    } else if (bindings.limiters.has(from)) {
      bindings.limiters.add(node.id.name);
    }
  }
  // A class's client known by its type alone, made elsewhere: a field typed with an SDK's class and
  // set from another service's factory (`private limClient: OpenAI` … `this.limClient =
  // this.limConfigService.createLimClient()`: huoshan25/hsBlog_api, batch 38), or a client injected
  // into the constructor (`constructor(@Inject(OPENAI) private openai: OpenAI)`). A service is built
  // once per server, so its client holds the server's key. One this file builds is judged by its key above.
  if (typedMembers.length > 0) {
    const sdkTypes = sdkTypeNames(source.ast);
    for (const { name, types, getter } of typedMembers) {
      // A union names its providers in order; the first one stands for the finding. A function's
      // return type must be the client's class: one typed with the SDK's data (`MessageParam`) makes none.
      const clientTypes = getter ? types.filter((type) => constructors.has(type)) : types;
      const provider = clientTypes.map((type) => sdkTypes.get(type)).find((found) => found !== undefined);
      if (provider && !builtHere.has(name) && !bindings.providers.has(name)) {
        bindings.providers.set(name, provider);
        bindings.firstProvider ??= provider;
      }
    }
  }
  for (const { name, returned } of getters) {
    const provider = bindings.providers.get(returned);
    if (provider && !bindings.providers.has(name)) bindings.providers.set(name, provider);
  }
  // A client wrapped for memory or tracing is still that provider's client: `withSupermemory(openai,
  // {...})` (a real app's route), LangSmith's `wrapOpenAI(openai)`, Langfuse's `observeOpenAI(openai)`.
  // So is a part of one kept under another name: `const completions = openai.chat.completions`.
  for (const node of declarators) {
    if (node.id.type !== "Identifier" || bindings.providers.has(node.id.name)) continue;
    // A client made with the caller's key, judged above, is no server client however it was made
    // (`const openai = createOpenAI({ apiKey: body.key })`: thaddeusm/alt-tag-generator, batch 49).
    if (bindings.userClients?.get(node.id.name)?.includes(node)) continue;
    const init = node.init?.type === "AwaitExpression" ? node.init.argument : node.init;
    if (init?.type === "MemberExpression") {
      const { root } = memberPath(init);
      const provider = root.type === "Identifier" ? bindings.providers.get(root.name) : undefined;
      if (provider) bindings.providers.set(node.id.name, provider);
      continue;
    }
    // A vector store made over an embeddings client embeds with it: `await QdrantVectorStore.fromExistingCollection(embeddings, …)`,
    // `new MemoryVectorStore(embeddings)`, then `vectorStore.addDocuments(docs)` (TECHNO-NB/Chat-With-Pdf-A.I.-Frontend, batch 68).
    const made = storeOverClient(init, bindings);
    if (made) {
      bindings.providers.set(node.id.name, made.provider);
      if (made.store) (bindings.vectorStores ??= new Set()).add(node.id.name);
      continue;
    }
    if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || bindings.limiters.has(init.callee.name)) continue;
    const first = init.arguments[0];
    // `const openai = createOpenAIClient(env)`: a client from a factory (bound above).
    const provider = bindings.providers.get(init.callee.name) ?? (first?.type === "Identifier" ? bindings.providers.get(first.name) : undefined);
    if (provider) bindings.providers.set(node.id.name, provider);
  }
  addChains(source, bindings);
  return bindings;
}

/**
 * A store's factories that take the embeddings client: `fromExistingCollection(embeddings, …)`,
 * `fromExistingIndex`, `initialize`, `fromDocuments(docs, embeddings)`, `fromTexts(texts, metadata, embeddings)`.
 */
const STORE_FACTORY = /^(?:from[A-Z]\w*|initialize)$/;

/** LangChain's vector store classes: `QdrantVectorStore`, `PineconeStore`, `HNSWLib`, `Chroma`, `MongoDBAtlasVectorSearch`… */
const VECTOR_STORE_CLASS = /(?:Store|VectorSearch|VectorIndex)$|^(?:HNSWLib|Chroma|Milvus|Weaviate\w*|Faiss\w*)$/;

/**
 * What a vector store is made over, by a factory of its class or its constructor: the provider of
 * its embeddings client, found among the arguments by name or made in place (`new OpenAIEmbeddings()`),
 * and `store` when the class is a vector store (only its embedding calls then count: function-scan).
 * Another class's factory given a client first (`VectorDBQAChain.fromLLM(model, store)`) makes a
 * thing every call of which counts, as before.
 */
function storeOverClient(init: Node | null | undefined, bindings: FileBindings): { provider: Provider; store: boolean } | undefined {
  const embeddings = (args: readonly Node[]) => {
    for (const arg of args) {
      const name = arg.type === "Identifier" ? arg.name : arg.type === "NewExpression" && arg.callee.type === "Identifier" ? arg.callee.name : undefined;
      const provider = name === undefined ? undefined : bindings.providers.get(name);
      if (provider) return { provider, store: true };
    }
    return undefined;
  };
  if (init?.type === "CallExpression" && init.callee.type === "MemberExpression" && !init.callee.computed && init.callee.property.type === "Identifier") {
    const owner = init.callee.object;
    const method = init.callee.property.name;
    // `PrismaVectorStore.withModel<Document>(prisma).create(embeddings, …)`: a store class's builder chain.
    if (owner.type === "CallExpression" && method === "create") {
      const { root } = memberPath(owner.callee);
      if (root.type === "Identifier" && VECTOR_STORE_CLASS.test(root.name)) return embeddings(init.arguments);
    }
    if (owner.type !== "Identifier") return undefined;
    if (VECTOR_STORE_CLASS.test(owner.name)) return STORE_FACTORY.test(method) || method === "load" ? embeddings(init.arguments) : undefined;
    if (bindings.providers.has(owner.name)) return undefined;
    const provider = STORE_FACTORY.test(method) ? modelProvider(init.arguments[0], bindings) : undefined;
    return provider ? { provider, store: false } : undefined;
  }
  if (init?.type === "NewExpression" && init.callee.type === "Identifier" && /Store$/.test(init.callee.name) && !bindings.providers.has(init.callee.name)) {
    return embeddings(init.arguments.slice(0, 1));
  }
  return undefined;
}

/**
 * The provider of the model a factory is given by name: one client, or either of two
 * (`fromLLM(streaming ? streamingModel : model, …)`, keshav2003garg/queryspark, batch 230; `fast ?? model`).
 */
function modelProvider(node: Node | undefined, bindings: FileBindings): Provider | undefined {
  if (node?.type === "Identifier") return bindings.providers.get(node.name);
  if (node?.type === "ConditionalExpression") return modelProvider(node.consequent, bindings) ?? modelProvider(node.alternate, bindings);
  if (node?.type === "LogicalExpression") return modelProvider(node.left, bindings) ?? modelProvider(node.right, bindings);
  return undefined;
}

/** `client` is declared before `site`, in the function (or module) around both: the name `site`'s init calls is that client. */
function madeBefore(client: ClientSite, site: ClientSite): boolean {
  const at = site.id.range?.[0];
  const from = client.id.range?.[0];
  if (at === undefined || from === undefined || from >= at) return false;
  let scope = client.id.parent;
  while (scope && scope.type !== "FunctionDeclaration" && scope.type !== "FunctionExpression" && scope.type !== "ArrowFunctionExpression" && scope.type !== "Program") scope = scope.parent;
  return scope !== undefined && scope.range[0] <= at && at < scope.range[1];
}

/** What a function returns when it builds something (`return new OpenAI(…)`, `=> createGroq(…)`), nested functions aside. */
function returnedConstruction(fn: TSESTree.FunctionLike): Node | undefined {
  if (fn.type === "ArrowFunctionExpression" && fn.body.type !== "BlockStatement") return constructedFrom(fn.body) ? fn.body : undefined;
  return firstReturned(fn, (argument) => argument.type !== "Identifier" && constructedFrom(argument) !== undefined);
}

/** The variable a function returns (`return instance`), nested functions aside. */
function returnedName(fn: TSESTree.FunctionLike): string | undefined {
  if (fn.type === "ArrowFunctionExpression" && fn.body.type !== "BlockStatement") return fn.body.type === "Identifier" ? fn.body.name : undefined;
  const argument = firstReturned(fn, (node) => node.type === "Identifier");
  return argument?.type === "Identifier" ? argument.name : undefined;
}

/** The first `return` argument of `fn`'s own statements (blocks, ifs, trys) that `accept` takes. */
function firstReturned(fn: TSESTree.FunctionLike, accept: (argument: Node) => boolean): Node | undefined {
  const stack: Node[] = fn.body ? [fn.body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "ReturnStatement") {
      if (node.argument && accept(node.argument)) return node.argument;
      continue;
    }
    if (node.type === "BlockStatement") stack.push(...node.body);
    else if (node.type === "IfStatement") stack.push(node.consequent, ...(node.alternate ? [node.alternate] : []));
    else if (node.type === "TryStatement") stack.push(node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : []));
  }
  return undefined;
}

/** The methods that run a LangChain chain, runnable, memory or agent (and an AI SDK agent's `generate`). */
export const CHAIN_METHODS = new Set(["call", "invoke", "stream", "batch", "run", "predict", "streamEvents", "streamLog", "generate"]);

/**
 * LangChain methods that give the same model configured (`llm.bind({ functions })`,
 * `llm.withStructuredOutput(schema)`): running what they return runs the model
 * (neander-ai/Demo-Agent's `interrupt.pipe(llm.bind(…)).pipe(parser)`, batch 36); a LangGraph
 * graph compiled (`graph.compile({ checkpointer })`) runs its nodes (./langgraph).
 */
const MODEL_VARIANTS = new Set(["bind", "bindTools", "withStructuredOutput", "withConfig", "withRetry", "withFallbacks", "withListeners", "compile"]);

/** Chains built from a provider client (or from another chain), in source order. */
export function addChains(source: SourceFile, bindings: FileBindings): void {
  if (bindings.providers.size === 0) return;
  // What each method returns, read once however many declarators call it.
  const returned = new Map<Node, Provider | undefined>();
  walk(source.ast, (node) => {
    // Also a chain assigned later to a `let` (`let chain; … if (firstMsg) chain = new ConversationChain({ llm: model })`).
    if (node.type === "AssignmentExpression" && node.left.type === "Identifier" && CHAIN_ASSIGNMENTS.has(node.operator)) {
      if (bindings.providers.has(node.left.name) || bindings.chains.has(node.left.name)) return;
      const provider = chainBuiltBy(node.right, bindings) ?? chainReturnedBy(node.right, bindings, returned);
      if (provider) bindings.chains.set(node.left.name, provider);
      return;
    }
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || bindings.providers.has(node.id.name)) return;
    const provider = chainBuiltBy(node.init, bindings) ?? chainReturnedBy(node.init, bindings, returned);
    if (provider) bindings.chains.set(node.id.name, provider);
  });
}

/**
 * `const chain = this.getChatChain(true)`, a method of the same class whose `return` builds a chain
 * (`streaming ? RunnableSequence.from([prompt, this._model, parser]) : …`): cratas/langchain-explorer's
 * ChatService, batch 45.
 */
function chainReturnedBy(init: Node | null | undefined, bindings: FileBindings, returned: Map<Node, Provider | undefined>): Provider | undefined {
  let call = init;
  while (call?.type === "AwaitExpression") call = call.argument;
  if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.callee.object.type !== "ThisExpression" || call.callee.property.type !== "Identifier") return undefined;
  const method = sameClassMethod(call, call.callee.property.name);
  if (method?.type !== "FunctionExpression" && method?.type !== "ArrowFunctionExpression") return undefined;
  if (!returned.has(method)) returned.set(method, chainReturnedByMethod(method, bindings));
  return returned.get(method);
}

function chainReturnedByMethod(method: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, bindings: FileBindings): Provider | undefined {
  const built = (value: Node | null | undefined): Provider | undefined =>
    value?.type === "ConditionalExpression" ? (built(value.consequent) ?? built(value.alternate)) : chainBuiltBy(value, bindings);
  if (method.body.type !== "BlockStatement") return built(method.body);
  let provider: Provider | undefined;
  walk(method.body, (node) => {
    if (!provider && node.type === "ReturnStatement") provider = built(node.argument);
  });
  return provider;
}

/**
 * The provider of the chain `expression` builds from a keyed model (or from another chain):
 * `prompt.pipe(model)`, `new ConversationChain({ llm: model })`, `RunnableSequence.from([prompt, model])`.
 */
export function chainBuiltBy(expression: Node | null | undefined, bindings: FileBindings, depth = 0): Provider | undefined {
  // A call inside (`prompt.pipe(llm.bind(…))`) is read a few levels deep, not down a generated file's nesting.
  // `this._model`: a client the class keeps in a field (bindings name it by the field).
  // `inPlace`: the value sits in a model's slot (`model:`, `llm:`), where a client made there is the chain's model.
  const providerOf = (node: Node | null | undefined, inPlace = false): Provider | undefined =>
    node?.type === "Identifier"
      ? (bindings.providers.get(node.name) ?? bindings.chains.get(node.name))
      : node?.type === "MemberExpression" && node.object.type === "ThisExpression" && node.property.type === "Identifier" && !node.computed
        ? bindings.providers.get(node.property.name)
        : (node?.type === "CallExpression" || node?.type === "NewExpression") && depth < 4
          ? ((inPlace ? modelMadeInPlace(node, bindings) : undefined) ?? chainBuiltBy(node, bindings, depth + 1))
          : undefined;
  let init = expression;
  while (init?.type === "AwaitExpression") init = init.argument;
  if (init?.type !== "NewExpression" && init?.type !== "CallExpression") return undefined;
  // `streamText({ model: openai("gpt-4o") })` answers with the model's output: no chain is built.
  const answers = init.callee.type === "Identifier" && bindings.aiSdkCalls.has(init.callee.name);
  // `chain.pipe(parser)` builds on a chain; `prompt.pipe(model)` and `new X({ llm: model })` on a model.
  // Running a chain (`await chain.call()`) gives its output, not another chain.
  const method = init.callee.type === "MemberExpression" && init.callee.property.type === "Identifier" ? init.callee.property.name : undefined;
  if (method && CHAIN_METHODS.has(method)) return undefined;
  // `prompt.pipe(model).pipe(parser)`: the first pipe is a chain too.
  // `mastra.getAgent("chat")`: an agent of a registry whose agents run a keyed model.
  let provider = method && (method === "pipe" || MODEL_VARIANTS.has(method) || REGISTRY_LOOKUPS.has(method)) && init.callee.type === "MemberExpression" ? providerOf(memberPath(init.callee).root) : undefined;
  for (const arg of init.arguments) {
    if (provider) break;
    if (arg.type === "ObjectExpression") {
      for (const property of arg.properties) {
        if (property.type !== "Property") continue;
        const name = propertyName(property) ?? "";
        // A registry of agents, `new Mastra({ agents: { chatAgent } })`: one level deeper.
        // A chain of chains, `new SimpleSequentialChain({ chains: [factsChain, doctorChain] })`: an array in a slot, read as an argument's array is.
        const values = name === AGENTS_SLOT && property.value.type === "ObjectExpression" ? property.value.properties.map((agent) => (agent.type === "Property" ? (agent.value as Node) : undefined)) : property.value.type === "ArrayExpression" ? property.value.elements.map((element) => (element ?? undefined) as Node | undefined) : [property.value as Node];
        provider = values.map((value) => providerOf(value, !answers && MODEL_SLOT.test(name))).find(Boolean);
        if (provider) break;
      }
      continue;
    }
    const values = arg.type === "ArrayExpression" ? arg.elements : [arg];
    provider = values.map((value) => providerOf(value as Node | null | undefined, runsSteps(init))).find(Boolean);
  }
  return provider;
}

/**
 * `RunnableSequence.from([prompt, new ChatOpenAI({ … }), parser])`, `prompt.pipe(new ChatOpenAI())`: each
 * argument is a step the chain runs, so a model made there is the chain's model (SimonPrammer/svelte-chat-langchain, batch 197).
 */
function runsSteps(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const { callee } = call;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return false;
  if (callee.property.name === "pipe") return true;
  return callee.property.name === "from" && callee.object.type === "Identifier" && callee.object.name === "RunnableSequence";
}

/** Where an agent or chain takes its model: `createAgent({ model })`, `new LLMChain({ llm })`. */
const MODEL_SLOT = /^(?:model|llm|chatModel|languageModel)$/;

/**
 * A model made where it is given: LangChain 1's `createAgent({ model: new ChatOpenAI({ … }) })`
 * (codingvikasbansal-png/langchain1.0, batch 116), AI SDK 6's `new ToolLoopAgent({ model: openai("gpt-4o") })`.
 * Only in a model's slot: `DocumentIntelligence(endpoint, new AzureKeyCredential(key))` makes a credential, no model
 * (svenwiegand/fragdaswahlprogramm-backend, batch 93).
 */
function modelMadeInPlace(node: TSESTree.CallExpression | TSESTree.NewExpression, bindings: FileBindings): Provider | undefined {
  if (node.callee.type !== "Identifier" || bindings.aiSdkCalls.has(node.callee.name)) return undefined;
  const provider = node.type === "NewExpression" ? providerConstructors().get(node.callee.name) : bindings.providers.get(node.callee.name);
  // A model made with the caller's own key (`new ChatOpenAI({ apiKey: body.apiKey })`) spends their quota, as a named one does.
  const sources = bindings.keySources;
  if (provider && node.type === "NewExpression" && sources) {
    const key = clientKey(node, clientOptions(node, (name) => sources.declarations.get(name)));
    const held = key?.type === "Identifier" ? sources.declarations.get(key.name) : key;
    if (keyIsUserSupplied(held, sources.declarations, sources.moduleNames)) return undefined;
  }
  return provider;
}

/** The options object of `new X({...})` / `X({...})`, after awaits and casts. */
/** The initializer of the declarator of `name` whose function holds `near` most closely (undefined: none holds it). */
function nearestInit(declarators: ReadonlyArray<{ id: Node; init: Node | null }>, name: string, near: Node): Node | undefined {
  let best: { init: Node; size: number } | undefined;
  for (const declarator of declarators) {
    if (declarator.id.type !== "Identifier" || declarator.id.name !== name || !declarator.init) continue;
    let scope: Node | undefined = declarator.id.parent;
    while (scope && scope.type !== "FunctionDeclaration" && scope.type !== "FunctionExpression" && scope.type !== "ArrowFunctionExpression" && scope.type !== "Program") scope = scope.parent;
    if (!scope || scope.range[0] > near.range[0] || near.range[1] > scope.range[1]) continue;
    const size = scope.range[1] - scope.range[0];
    if (!best || size < best.size) best = { init: declarator.init, size };
  }
  return best?.init;
}

function clientOptions(init: Node | null | undefined, resolve?: (name: string) => Node | undefined): TSESTree.ObjectExpression | undefined {
  let current = init;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  if (!current || (current.type !== "NewExpression" && current.type !== "CallExpression")) return undefined;
  const first = current.arguments[0];
  if (first?.type === "ObjectExpression") return first;
  // The openai v3 SDK's configuration made in place: `new OpenAIApi(new Configuration({ apiKey }))`.
  if (first?.type === "NewExpression" && first.arguments[0]?.type === "ObjectExpression") return first.arguments[0];
  // The openai v3 SDK: `new OpenAIApi(configuration)` after `const configuration = new
  // Configuration({ apiKey })` (lesiyu129/myGpt, batch 41): the options are the configuration's.
  const configuration = first?.type === "Identifier" ? resolve?.(first.name) : undefined;
  return configuration?.type === "NewExpression" && configuration.arguments[0]?.type === "ObjectExpression" ? configuration.arguments[0] : undefined;
}

function optionValue(options: TSESTree.ObjectExpression, names: readonly string[]): Node | undefined {
  for (const property of options.properties) {
    if (property.type !== "Property" || property.computed) continue;
    const key = property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : "";
    if (names.includes(key)) return property.value;
  }
  return undefined;
}

/** `new OpenAI({ baseURL: "https://api.groq.com/openai/v1" })` talks to Groq. */
function providerOfBaseUrl(options: TSESTree.ObjectExpression | undefined): Provider | undefined {
  const url = options && optionValue(options, ["baseURL", "baseUrl", "endpoint"]);
  const text = url?.type === "Literal" && typeof url.value === "string" ? url.value : undefined;
  const host = text ? /^https?:\/\/([^/?#:]+)/i.exec(text)?.[1] : undefined;
  return host ? findProviderForHost(host) : undefined;
}

/** LangChain's provider-named key options: `openAIApiKey`, `anthropicApiKey`, `azureOpenAIApiKey`. */
const NAMED_KEY_OPTIONS = ["openAIApiKey", "azureOpenAIApiKey", "anthropicApiKey"];

/**
 * The SDKs that call their key a token: Replicate's `new Replicate({ auth })` (the workflow owner's
 * own token: ai-graphic/Graphic-so, batch 140), the AI SDK's `createReplicate({ apiToken })`, and
 * the `authToken` of Luma's `new LumaAI({ authToken })` and Anthropic's bearer token.
 */
const TOKEN_KEY_OPTIONS = ["auth", "apiToken", "authToken"];

/**
 * The key a client is made with: its `apiKey` option (LangChain's `openAIApiKey` too: JCaraballo113/nuxt-ai,
 * batch 131; an SDK's token option, Replicate's `auth`), or a key passed first (`new GoogleGenerativeAI(key)`).
 */
function clientKey(init: Node | null | undefined, options: TSESTree.ObjectExpression | undefined): Node | undefined {
  if (options) return optionValue(options, ["apiKey", "api_key"]) ?? optionValue(options, NAMED_KEY_OPTIONS) ?? optionValue(options, TOKEN_KEY_OPTIONS);
  let current = init;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  if (!current || (current.type !== "NewExpression" && current.type !== "CallExpression")) return undefined;
  // Azure's SDKs take the endpoint first and the key wrapped second: `ModelClient(endpoint, new
  // AzureKeyCredential(apiKey))`, `new OpenAIClient(endpoint, new AzureKeyCredential(key))`
  // (RealityMoez/risu-chatbot's cookie key, batch 55).
  for (const argument of current.arguments) {
    if (argument.type === "NewExpression" && argument.callee.type === "Identifier" && argument.callee.name.endsWith("KeyCredential")) return argument.arguments[0];
  }
  return current.arguments[0];
}

/**
 * The argument of a call of this file's factory that its client is keyed with: the one given to the parameter
 * the factory's own construction takes its key from (`makeClient(key)` → `new OpenAI({ apiKey: key })`). Other
 * arguments are what the client is made for: `createGeminiChat(messages)` → `model.startChat({ history })`
 * keys nothing with the chat's history (lishaangral/MERN-AI-ChatBot's streamed route, batch 217).
 */
function factoryKeyArgument(call: Node | null | undefined, factory: TSESTree.FunctionLike): Node | undefined {
  let current = call;
  while (current && (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSNonNullExpression")) {
    current = current.type === "AwaitExpression" ? current.argument : current.expression;
  }
  if (current?.type !== "CallExpression") return undefined;
  const made = returnedConstruction(factory);
  const key = made && clientKey(made, clientOptions(made));
  const index = key?.type === "Identifier" ? factory.params.findIndex((param) => param.type === "Identifier" && param.name === key.name) : -1;
  const argument = index >= 0 ? current.arguments[index] : undefined;
  return argument && argument.type !== "SpreadElement" ? argument : undefined;
}

function isCallee(node: TSESTree.MemberExpression): boolean {
  return node.parent?.type === "CallExpression" && node.parent.callee === node;
}

/** Nuxt's server runtime config, filled from the environment (`NUXT_…` variables) at start. */
function isRuntimeConfig(node: Node | undefined): boolean {
  return node?.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "useRuntimeConfig";
}

/** Names a file declares at its top level (`const config = …`, `let settings;`): one value per server, not per request. */
function moduleLevelNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) for (const name of boundNames(declarator.id)) names.add(name);
  }
  return names;
}

/**
 * The key comes from the caller (a profile, the request body), not from the server's env: it
 * reads a property of something other than `process.env` / `import.meta.env` and no env at all.
 * A `const KEY = profile.key` is followed once. A property of an object the module itself holds
 * (`moduleNames`: `config.groqApiKey` after `const config = JSON.parse(…config.json)`) is the
 * server's own setting, read the same for every request; a method called on one
 * (`userKeys.get(id)`) may still be a per-user lookup, so it counts as the caller's.
 */
/** A config service's or helper's name: NestJS's `ConfigService` (`this.config.get("KEY")`), `appConfig.openaiKey`. */
const CONFIG_NAME = /config/i;
/** Firebase's parameterized config: `const key = defineSecret("OPENAI_API_KEY")`, read as `key.value()`. */
const FIREBASE_PARAMS = new Set(["defineSecret", "defineString"]);

/**
 * The server's own configuration, as env is: a config service or object (`this.configService.get(
 * "OPENAI_API_KEY")`, `config.openai.key`), Firebase v1's `functions.config().openai.key`, or a
 * Firebase v2 secret's `.value()`.
 */
function isServerConfig(root: Node, path: readonly string[], declarations: ReadonlyMap<string, Node>, depth = 0): boolean {
  if (root.type === "ThisExpression") return path.length > 0 && CONFIG_NAME.test(path[0]);
  if (root.type === "Identifier") {
    if (CONFIG_NAME.test(root.name)) return true;
    const declared = declarations.get(root.name);
    if (declared?.type !== "CallExpression") return false;
    // tsc writes an imported function's call `(0, params_1.defineSecret)("KEY")`.
    const callee = tscCallee(declared.callee);
    const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : undefined;
    if (name !== undefined && FIREBASE_PARAMS.has(name)) return true;
    // A const given what the server's configuration hands out, whatever its own name:
    // `const envData = this.configService.get("OPENAI")` (bulaxa/chatgpt_text_to_voice, batch 114), judged as the call read in place.
    const called = memberPath(callee);
    return depth < 3 && called.root !== root && isServerConfig(called.root, called.path, declarations, depth + 1);
  }
  if (root.type === "CallExpression") {
    const called = memberPath(root.callee);
    return called.path[called.path.length - 1] === "config" || (called.root.type === "Identifier" && called.path.length === 0 && CONFIG_NAME.test(called.root.name));
  }
  return false;
}

export function keyIsUserSupplied(found: Node | undefined, declarations: ReadonlyMap<string, Node>, moduleNames: ReadonlySet<string> = new Set()): boolean {
  // `String(apiKey).trim()`: the same key, tidied (cesswhite/nuxt-ai-image, batch 100).
  const plain = withoutStringTidying(found);
  if (plain !== found && plain?.type === "Identifier") return keyIsUserSupplied(plain, declarations, moduleNames);
  let key = found?.type === "Identifier" ? declarations.get(found.name) : found;
  key = withoutStringTidying(key);
  // `const { apiKey } = body` after `const body = await readBody(event)`: what the object came from.
  if (key?.type === "Identifier" && found?.type === "Identifier" && key.name !== found.name) key = declarations.get(key.name);
  while (key?.type === "AwaitExpression") key = key.argument;
  // `decrypt(encryptedKey, secret)` with `encryptedKey = getCookie(c, "ork")`: the caller's key kept
  // sealed in their own cookie; the server's secret only opens it (cameronapak/open-chat, batch 77).
  const sealed = unsealedArgument(key);
  if (sealed) return keyIsUserSupplied(sealed, declarations, moduleNames);
  if (!key || key.type === "Literal" || key.type === "Identifier" || key.type === "SpreadElement") return false;
  let readsEnv = false;
  let readsOther = false;
  walk(key, (node) => {
    // A framework's reader of the request (`await readBody(event)`, h3 and Nuxt) is the caller's input.
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && REQUEST_READERS.has(node.callee.name)) readsOther = true;
    if (node.type !== "MemberExpression") return;
    if (isServerSetting(node, declarations, moduleNames) || isKeyListFromEnv(node, declarations, moduleNames)) readsEnv = true;
    else readsOther = true;
  });
  return readsOther && !readsEnv;
}

/** The value under `String(x)`, `x.trim()`, `x.toString()` (nested): calls that tidy a string and leave its source as it was. */
const TIDYING_METHODS = new Set(["trim", "trimStart", "trimEnd", "toString"]);
export function withoutStringTidying(node: Node | undefined): Node | undefined {
  let current = node;
  for (let depth = 0; depth < 6 && current?.type === "CallExpression"; depth++) {
    const { callee, arguments: args } = current;
    if (callee.type === "Identifier" && callee.name === "String" && args.length === 1 && args[0].type !== "SpreadElement") current = args[0];
    else if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && TIDYING_METHODS.has(callee.property.name) && args.length === 0) current = callee.object;
    else break;
  }
  return current;
}

/** `decrypt(value, secret)`, `unseal(value)`, `await decryptKey(value)`: the value a decryption opens. */
export function unsealedArgument(node: Node | undefined): Node | undefined {
  if (node?.type !== "CallExpression" || node.arguments.length === 0 || node.arguments[0].type === "SpreadElement") return undefined;
  const callee = node.callee.type === "Identifier" ? node.callee.name : node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier" ? node.callee.property.name : "";
  return /^(?:decrypt|unseal|decipher)/i.test(callee) ? node.arguments[0] : undefined;
}

/** h3's (Nuxt, Nitro) functions that read what the caller sent. */
const REQUEST_READERS = new Set(["readBody", "readValidatedBody", "readFormData", "readMultipartFormData", "getQuery", "getValidatedQuery", "getHeader", "getHeaders", "getCookie", "parseCookies", "useBody", "useQuery"]);

/** A read of the server's env or configuration. */
function isServerSetting(node: TSESTree.MemberExpression, declarations: ReadonlyMap<string, Node>, moduleNames: ReadonlySet<string>, depth = 0): boolean {
  const { root, path } = memberPath(node);
  // `const endpointConfig = firstEndpoint.endpoint`: a part of other data, whatever its name says,
  // is judged by where it comes from (a user's row: yehiaabdelm/chat's key from the user's endpoint, batch 88).
  const declared = root.type === "Identifier" && !moduleNames.has(root.name) ? declarations.get(root.name) : undefined;
  if (declared?.type === "MemberExpression") return depth < 4 && isServerSetting(declared, declarations, moduleNames, depth + 1);
  return (
    // `process.env.X`, `import.meta.env.X`, `env.X`, and a platform's env binding: Cloudflare's
    // `context.env.X` (Remix, Pages), Hono's `c.env.X`, Astro's `locals.runtime.env.X`.
    (root.type === "Identifier" && root.name === "process" && path[0] === "env") ||
    (root.type === "MetaProperty" && path[0] === "env") ||
    (root.type === "Identifier" && root.name === "env") ||
    // Remix v1 on Cloudflare Pages gives a loader the env bindings as `context` itself:
    // `context.OPENAI_API_KEY` (ruisaraiva19/remix-gpt, batch 57), named as env vars are.
    (root.type === "Identifier" && root.name === "context" && /^[A-Z][A-Z0-9_]*$/.test(path[0] ?? "")) ||
    // Remix's documented global: `global.ENV = getEnv()` in entry.server, read as `ENV.OPENAI_API_KEY`
    // (nathanwkwong/remix-ai-image-generator, batch 48).
    (root.type === "Identifier" && root.name === "ENV" && !declarations.has("ENV")) ||
    path.includes("env") ||
    // Nuxt / Nitro: `useRuntimeConfig().KEY`, or `config.KEY` after `const config = useRuntimeConfig()`.
    isRuntimeConfig(root) ||
    (root.type === "Identifier" && isRuntimeConfig(declarations.get(root.name))) ||
    (root.type === "Identifier" && moduleNames.has(root.name) && !isCallee(node)) ||
    isServerConfig(root, path, declarations)
  );
}

/**
 * `apiKeys[index]` after `const apiKeys = (env.GEMINI_API_KEY || "").split(",").map(…)`: one of
 * the server's own keys, rotated (9671RY/cc-cherryblossom-ai-booth, batch 38). The list is the
 * env value itself with methods called on it, not anything a call computes from env.
 */
function isKeyListFromEnv(node: TSESTree.MemberExpression, declarations: ReadonlyMap<string, Node>, moduleNames: ReadonlySet<string>): boolean {
  if (!node.computed || node.object.type !== "Identifier") return false;
  let base = declarations.get(node.object.name);
  while (base) {
    if (base.type === "CallExpression" && base.callee.type === "MemberExpression") base = base.callee.object;
    else if (base.type === "LogicalExpression") base = base.left;
    else if (base.type === "TSAsExpression" || base.type === "TSNonNullExpression") base = base.expression;
    else break;
  }
  return base?.type === "MemberExpression" && isServerSetting(base, declarations, moduleNames);
}

/** The function around `node` that takes `name` as a plain parameter, and its index. */
function parameterOf(node: Node, name: string): { fn: Node; index: number } | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type !== "FunctionDeclaration" && scope.type !== "FunctionExpression" && scope.type !== "ArrowFunctionExpression") continue;
    // A constructor's `private apiKey: string` is a parameter too.
    const index = scope.params.findIndex((param) => {
      const binding = param.type === "TSParameterProperty" ? param.parameter : param;
      return binding.type === "Identifier" && binding.name === name;
    });
    return index >= 0 ? { fn: scope, index } : undefined;
  }
  return undefined;
}

/**
 * `no-served-keys`: a provider key read from the environment and sent in a response, where
 * whoever makes the request can read it: an endpoint that hands the browser the server's key so it
 * can call the provider itself (`app.get("/api/key", (req, res) => res.json({ apiKey:
 * process.env.OPENAI_API_KEY }))`, a serverless `handler` or Nitro event handler returning it).
 * Batch 40–41 labellers met apps that fetch their own key from such a route. A page's data
 * (`getServerSideProps` props, a Remix `loader`, a SvelteKit server `load`) is no-client-secrets'
 * (its "secrets sent to the browser as data"): nothing inside those functions is reported here.
 *
 * What counts as the key is env-key-values' answer: the value whole (also in a template, an
 * object, an array or `JSON.stringify`), not something computed from it (`Boolean(key)`).
 *
 *   findServedKeys(source, nodes?) → Finding[]   (nodes: gathered during ESLint's traversal)
 *   mayServe(text)                  the cheap text test that comes first
 */
import type { SourceFile, TSESTree } from "../ast";
import type { Finding } from "../finding";
import { walk } from "../client/walk";
import { commonJsExport, moduleDeclaration } from "../server-route/ast-utils";
import { bindKeyVariable, type KeyNames, keyValueIn, mayReadEnv } from "../env-key-values";
import { NO_SERVED_KEYS_RULE } from "./messages";
import { functionReturns, isFunction, type FunctionNode } from "../function-returns";
import { importedKeyIn, mayServeImportedKeys } from "./imported-keys";

export { noServedKeysMessages, NO_SERVED_KEYS_RULE } from "./messages";

type Node = TSESTree.Node;

/** Node's response objects (Express, Next.js Pages API routes, Fastify's reply) and their writing methods. */
const NODE_RESPONSE = /^(?:res|response|resp|reply)$/;
const NODE_WRITES = new Set(["json", "send", "end", "write", "jsonp"]);
/** Hono's and Elysia's context (`c.json(…)`), by the names their docs give it. */
const CONTEXT = /^(?:c|ctx|context)$/;
const CONTEXT_WRITES = new Set(["json", "text", "html", "body"]);
/** The Web Response and Next.js's, built or from their static `json`. */
const RESPONSE_CLASSES = new Set(["Response", "NextResponse"]);
/** Packages whose `json(data)` is a response (SvelteKit, Remix, React Router). */
const JSON_HELPERS = /^(?:@sveltejs\/kit|@remix-run\/[\w-]+|@vercel\/remix|react-router(?:-dom)?)$/;
/**
 * Exports whose return value is sent: a serverless `handler` (Netlify Functions v1, AWS Lambda),
 * whose returned `{ statusCode, body }` is the response (eriknewland/codepen-gpt, batch 41,
 * returns its key so); and page data, which no-client-secrets reports instead.
 */
const SENT_EXPORTS = new Set(["handler"]);
const PAGE_DATA_EXPORTS = new Set(["getServerSideProps", "getStaticProps", "loader", "load"]);
/** Nitro / h3 handlers, whose return value is the response. */
const EVENT_HANDLERS = new Set(["defineEventHandler", "eventHandler", "defineCachedEventHandler", "cachedEventHandler"]);

/** Cheap text tests first: an env read and something that writes a response or page data. */
function mayServeKeys(text: string): boolean {
  if (!mayReadEnv(text)) return false;
  // `json(` also covers `.json(`; "andler" covers a serverless `handler` and Nitro's `…EventHandler`.
  return text.includes("json(") || text.includes(".send(") || text.includes(".end(") || text.includes(".write(") || text.includes(".text(") || text.includes(".html(") || text.includes(".body") || text.includes("Response") || text.includes("andler");
}

/** What a file's text says it may serve: a key it reads from the env, or one its own modules return. Undefined: nothing. */
export function mayServe(text: string): { readsEnv: boolean; importsKeys: boolean } | undefined {
  const readsEnv = mayServeKeys(text);
  // A controller that reads no env may still send what a service of the app returns (./imported-keys).
  const importsKeys = mayServeImportedKeys(text);
  return readsEnv || importsKeys ? { readsEnv, importsKeys } : undefined;
}

/**
 * The nodes findServedKeys reads, in source order: gathered by its own walk, or during ESLint's
 * traversal (the rule), which spares a second walk of the tree.
 */
export interface ServedKeyNodes {
  declarators: TSESTree.VariableDeclarator[];
  /** Calls, `new` expressions and assignments: where a response may be written. */
  writes: Array<TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression>;
  /** The text test's answer (mayServe), when the gatherer already asked: the nodes were gathered for it. */
  may?: { readsEnv: boolean; importsKeys: boolean };
}

/** Whether findServedKeys reads `node` as a place a response may be written (what ServedKeyNodes.writes holds). */
export function mayWriteResponse(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression): boolean {
  if (node.type === "AssignmentExpression") return isKoaBody(node.left);
  return node.arguments.length > 0;
}

function gatherNodes(program: TSESTree.Program): ServedKeyNodes {
  const nodes: ServedKeyNodes = { declarators: [], writes: [] };
  walk(program, (node) => {
    if (node.type === "VariableDeclarator") nodes.declarators.push(node);
    else if ((node.type === "CallExpression" || node.type === "NewExpression" || node.type === "AssignmentExpression") && mayWriteResponse(node)) nodes.writes.push(node);
  });
  return nodes;
}

export function findServedKeys(source: SourceFile, gathered?: ServedKeyNodes): Finding[] {
  const may = gathered?.may ?? mayServe(source.text);
  if (!may) return [];
  const { readsEnv, importsKeys } = may;
  const keyNames: KeyNames = new Map();
  const jsonHelpers = new Set<string>();
  const sinks: Array<{ value: Node; sink: string }> = [];
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration" || !JSON_HELPERS.test(String(statement.source.value))) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === "ImportSpecifier" && specifier.imported.type === "Identifier" && specifier.imported.name === "json") jsonHelpers.add(specifier.local.name);
    }
  }
  const nodes = gathered ?? gatherNodes(source.ast);
  for (const declarator of nodes.declarators) bindKeyVariable(declarator, keyNames, true);
  for (const node of nodes.writes) {
    if (node.type === "CallExpression") callSink(node, jsonHelpers, sinks);
    else if (node.type === "NewExpression" && node.callee.type === "Identifier" && RESPONSE_CLASSES.has(node.callee.name) && node.arguments[0]) {
      sinks.push({ value: node.arguments[0], sink: `\`new ${node.callee.name}(…)\`` });
    } else if (node.type === "AssignmentExpression" && isKoaBody(node.left)) {
      sinks.push({ value: node.right, sink: `\`${node.left.object.type === "ThisExpression" ? "this" : (node.left.object as TSESTree.Identifier).name}.body = …\`` });
    }
  }
  const { sent, pageData } = exportedFunctions(source);
  for (const { fn, name } of sent) {
    for (const value of functionReturns(fn.body)) sinks.push({ value, sink: `what \`${name}\` returns` });
  }
  const findings: Finding[] = [];
  const seen = new Set<Node>();
  for (const { value, sink } of sinks) {
    if (pageData.some((fn) => fn.range[0] <= value.range[0] && value.range[1] <= fn.range[1])) continue;
    const read = readsEnv ? keyValueIn(value, keyNames) : undefined;
    const served = read && !reassignedBefore(read.node) ? read : undefined;
    const viaImport = served || !importsKeys ? undefined : importedKeyIn(value, source);
    const node = served?.node ?? (viaImport ? value : undefined);
    const key = served ?? viaImport;
    if (!key || !node || seen.has(node)) continue;
    seen.add(node);
    findings.push({
      ruleId: NO_SERVED_KEYS_RULE,
      messageId: "keyServed",
      data: { sink, provider: key.provider, name: key.name },
      file: source.file,
      range: { start: node.range[0], end: node.range[1] },
    });
  }
  return findings;
}

/**
 * `OPENAI_API_KEY = openai_api_key` earlier in the function that sends the name: a module's `let`
 * that held the env's key now holds what the caller posted (eugenmihailescu/chatgpt-chatbot's
 * settings route echoes it back, batch 75).
 */
function reassignedBefore(node: Node): boolean {
  if (node.type !== "Identifier") return false;
  let fn: Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn) return false;
  let found = false;
  walk(fn, (child) => {
    // The function's own statements: an assignment in a function it defines runs only when called.
    if (found || child.range[0] >= node.range[0] || (child !== fn && isFunction(child))) return false;
    if (child.type === "AssignmentExpression" && child.left.type === "Identifier" && child.left.name === node.name && child.range[1] <= node.range[0]) found = true;
    return undefined;
  });
  return found;
}

/** `res.json(x)`, `res.status(200).send(x)`, `c.json(x)`, `Response.json(x)`, `json(x)` from SvelteKit or Remix. */
function callSink(node: TSESTree.CallExpression, jsonHelpers: ReadonlySet<string>, sinks: Array<{ value: Node; sink: string }>): void {
  const callee = node.callee;
  const first = node.arguments[0];
  if (!first || first.type === "SpreadElement") return;
  if (callee.type === "Identifier") {
    if (jsonHelpers.has(callee.name)) sinks.push({ value: first, sink: `\`${callee.name}(…)\`` });
    return;
  }
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return;
  const method = callee.property.name;
  const owner = responseOwner(callee.object);
  if (owner === undefined) return;
  if (RESPONSE_CLASSES.has(owner) && method === "json") sinks.push({ value: first, sink: `\`${owner}.json(…)\`` });
  else if (NODE_RESPONSE.test(owner) && NODE_WRITES.has(method)) sinks.push({ value: first, sink: `\`${owner}.${method}(…)\`` });
  else if (CONTEXT.test(owner) && CONTEXT_WRITES.has(method)) sinks.push({ value: first, sink: `\`${owner}.${method}(…)\`` });
}

/** The name a response chain starts from: `res` for `res`, `res.status(200)`, `res.set(h).type("json")`, `this.res`. */
function responseOwner(node: Node): string | undefined {
  let current = node;
  for (let i = 0; i < 6 && current.type === "CallExpression" && current.callee.type === "MemberExpression"; i++) current = current.callee.object;
  if (current.type === "Identifier") return current.name;
  if (current.type === "MemberExpression" && !current.computed && current.property.type === "Identifier" && current.object.type === "ThisExpression") return current.property.name;
  return undefined;
}

/** Koa's `ctx.body = …` (also `this.body` in Koa 1 style handlers). */
function isKoaBody(node: Node): node is TSESTree.MemberExpression {
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier" || node.property.name !== "body") return false;
  return node.object.type === "ThisExpression" || (node.object.type === "Identifier" && CONTEXT.test(node.object.name));
}

/**
 * `sent`: functions whose return value is the response: a serverless `handler` (also
 * `exports.handler = …`) and Nitro's event handlers. `pageData`: exported `getServerSideProps` /
 * `getStaticProps` (Next.js Pages), `loader` (Remix, React Router) and `load` of a SvelteKit
 * `+page.server` / `+layout.server` module, left to no-client-secrets.
 */
function exportedFunctions(source: SourceFile): { sent: Array<{ fn: FunctionNode; name: string }>; pageData: FunctionNode[] } {
  const out: Array<{ fn: FunctionNode; name: string }> = [];
  const pageData: FunctionNode[] = [];
  const svelteServerLoad = /\+(?:page|layout)\.server\.[cm]?[jt]s$/.test(source.file);
  const declared = new Map<string, FunctionNode>();
  for (const statement of source.ast.body) {
    if (statement.type === "FunctionDeclaration" && statement.id) declared.set(statement.id.name, statement);
  }
  const add = (name: string, value: Node | null | undefined) => {
    const sent = SENT_EXPORTS.has(name);
    if (!sent && (!PAGE_DATA_EXPORTS.has(name) || (name === "load" && !svelteServerLoad))) return;
    const fn = value && isFunction(value) ? value : value?.type === "Identifier" ? declared.get(value.name) : undefined;
    if (fn && sent) out.push({ fn, name });
    else if (fn) pageData.push(fn);
  };
  for (const statement of source.ast.body) {
    // `exports.handler = async (event) => ({ statusCode: 200, body })`
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const exported = commonJsExport(statement.expression.left);
      if (exported) add(exported, statement.expression.right);
    }
    if (statement.type !== "ExportNamedDeclaration") continue;
    // `const handler: Handler = async (event) => ({ … }); export { handler }` (IndieAISmith/findor-ui's
    // Netlify function, batch 59): the export names a function of the module.
    if (!statement.declaration && !statement.source) {
      for (const specifier of statement.specifiers) {
        if (specifier.exported.type !== "Identifier" || specifier.local.type !== "Identifier") continue;
        add(specifier.exported.name, moduleDeclaration(source.ast, specifier.local.name)?.value);
      }
      continue;
    }
    if (!statement.declaration) continue;
    const declaration = statement.declaration;
    if (declaration.type === "FunctionDeclaration" && declaration.id) add(declaration.id.name, declaration);
    if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) if (declarator.id.type === "Identifier") add(declarator.id.name, declarator.init);
    }
  }
  if (source.text.includes("ventHandler")) {
    walk(source.ast, (node) => {
      if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || !EVENT_HANDLERS.has(node.callee.name)) return;
      let handler = node.arguments[0] as Node | undefined;
      // `defineEventHandler({ handler })`, the object form.
      if (handler?.type === "ObjectExpression") {
        const property = handler.properties.find((p) => p.type === "Property" && !p.computed && p.key.type === "Identifier" && p.key.name === "handler");
        handler = property?.type === "Property" ? property.value : undefined;
      }
      if (handler && isFunction(handler)) out.push({ fn: handler, name: node.callee.name });
    });
  }
  return { sent: out, pageData };
}


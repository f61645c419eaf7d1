/**
 * `no-logged-keys`: a provider key read from the environment and written to a log in full
 * (`console.log(process.env.OPENAI_API_KEY)`, `` logger.info(`key: ${apiKey}`) `` with `const
 * apiKey = process.env.OPENAI_API_KEY`). Logs leave the server: a host's log view, CI output, log
 * drains, a browser's console. What is reported is the value itself, passed as an argument, in a
 * template, a `+` chain, an object or an array; anything that computes from it (`Boolean(key)`,
 * `key.slice(-4)`, `key ? "set" : "missing"`, `key.length`) is not the key.
 *
 *   findLoggedKeys(source) → Finding[]
 */
import type { SourceFile, TSESTree } from "../ast";
import type { Finding } from "../finding";
import { providerForEnvName } from "../providers";
import { textFacts } from "../text-facts";
import { walk } from "../client/walk";
import { NO_LOGGED_KEYS_RULE } from "./messages";

export { noLoggedKeysMessages, NO_LOGGED_KEYS_RULE } from "./messages";

type Node = TSESTree.Node;

/** Methods that write a log line: console's, and those of a logger (pino, winston, Nest's Logger, Fastify's `log`). */
const LOG_METHODS = new Set(["log", "info", "warn", "error", "debug", "trace", "fatal", "verbose", "dir", "table", "notice", "critical"]);
/** What a logger is called: `console`, `logger`, `this.logger`, `log`, `fastify.log`, `req.log`, `appLogger`. */
const LOGGER_NAME = /^(?:console|log|logger|\w*Logger)$/i;

/** `logger.info(`, `log.error(`, `this.logger.warn(`: a logger's call in the text (one bounded word per try). */
const LOG_CALL = /log(?:ger)?\s{0,20}\.\s{0,20}[a-z]{3,8}\s{0,20}\(/i;

/** Cheap text tests first: an env read and a log call in the same file. */
function mayLogKeys(text: string): boolean {
  return textFacts(text).evidence("envRead") >= 0 && (text.includes("console.") || LOG_CALL.test(text));
}

export function findLoggedKeys(source: SourceFile): Finding[] {
  if (!mayLogKeys(source.text)) return [];
  // One walk: the log calls, and the names bound to key reads (a call may come before the binding it logs).
  const keyNames = new Map<string, string>();
  const calls: Array<{ node: TSESTree.CallExpression; call: string }> = [];
  walk(source.ast, (node) => {
    if (node.type === "VariableDeclarator") bindKeyVariable(node, keyNames);
    else if (node.type === "CallExpression") {
      const call = logCall(node);
      if (call) calls.push({ node, call });
    }
  });
  const findings: Finding[] = [];
  for (const { node, call } of calls) {
    for (const arg of node.arguments) {
      const logged = loggedKey(arg, keyNames);
      if (!logged) continue;
      findings.push({
        ruleId: NO_LOGGED_KEYS_RULE,
        messageId: "keyLogged",
        data: { call, provider: logged.provider, name: logged.name },
        file: source.file,
        range: { start: logged.node.range[0], end: logged.node.range[1] },
        fixes: [
          {
            title: `Log whether ${logged.name} is set instead of its value`,
            edits: [whetherSetEdit(source, logged.node, logged.property)],
          },
        ],
      });
    }
  }
  return findings;
}

/** `console.log`, `this.logger.info`, `fastify.log.error`: the call as written (for the message), or undefined. */
function logCall(node: TSESTree.CallExpression): string | undefined {
  const callee = node.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || !LOG_METHODS.has(callee.property.name)) return undefined;
  const object = callee.object;
  const owner = object.type === "Identifier" ? object.name : object.type === "MemberExpression" && !object.computed && object.property.type === "Identifier" ? object.property.name : undefined;
  if (!owner || !LOGGER_NAME.test(owner)) return undefined;
  return `${owner}.${callee.property.name}`;
}

interface Logged {
  node: Node;
  name: string;
  provider: string;
  /** The node sits as a shorthand property (`{ apiKey }`): the fix rewrites the property. */
  property?: TSESTree.Property;
}

/**
 * The key a logged value writes out whole: the value itself, a template's or `+` chain's part, an
 * object's property value, an array's element. Anything computed from the key is no key.
 */
function loggedKey(node: Node, keyNames: ReadonlyMap<string, string>, depth = 0): Logged | undefined {
  if (depth > 4) return undefined;
  switch (node.type) {
    case "TSAsExpression":
    case "TSNonNullExpression":
      return loggedKey(node.expression, keyNames, depth);
    case "TemplateLiteral":
      for (const expression of node.expressions) {
        const found = loggedKey(expression, keyNames, depth + 1);
        if (found) return found;
      }
      return undefined;
    case "BinaryExpression":
      return node.operator === "+" ? (loggedKey(node.left as Node, keyNames, depth + 1) ?? loggedKey(node.right, keyNames, depth + 1)) : undefined;
    case "ObjectExpression":
      for (const property of node.properties) {
        if (property.type !== "Property") continue;
        const found = loggedKey(property.value, keyNames, depth + 1);
        if (found) return property.shorthand ? { ...found, property } : found;
      }
      return undefined;
    case "ArrayExpression":
      for (const element of node.elements) {
        const found = element && element.type !== "SpreadElement" ? loggedKey(element, keyNames, depth + 1) : undefined;
        if (found) return found;
      }
      return undefined;
    default: {
      const name = node.type === "Identifier" ? keyNames.get(node.name) : envName(node);
      const provider = name === undefined ? undefined : providerForEnvName(name);
      return provider && name !== undefined ? { node, name, provider: provider.name } : undefined;
    }
  }
}

/**
 * The env variable an expression reads: `process.env.X`, `process.env["X"]`, `import.meta.env.X`,
 * `Bun.env.X`, `Deno.env.get("X")`.
 */
function envName(node: Node): string | undefined {
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

/** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env`. */
function isEnvObject(node: Node): boolean {
  if (node.type !== "MemberExpression" || node.computed || node.property.type !== "Identifier" || node.property.name !== "env") return false;
  const object = node.object;
  return object.type === "MetaProperty" || (object.type === "Identifier" && (object.name === "process" || object.name === "Bun" || object.name === "Deno"));
}

/**
 * A name bound to a key read: `const apiKey = process.env.OPENAI_API_KEY` (also `?? ""`, `|| ""`,
 * `as string`, `!`), `const { OPENAI_API_KEY } = process.env`. Names, not scopes: a name bound to
 * a key read somewhere in the file counts wherever it is logged.
 */
function bindKeyVariable(node: TSESTree.VariableDeclarator, names: Map<string, string>): void {
  if (!node.init) return;
  let init: Node = node.init;
  while (init.type === "TSAsExpression" || init.type === "TSNonNullExpression" || (init.type === "LogicalExpression" && init.operator !== "&&")) {
    init = init.type === "LogicalExpression" ? init.left : init.expression;
  }
  if (node.id.type === "Identifier") {
    const name = envName(init);
    if (name !== undefined && providerForEnvName(name)) names.set(node.id.name, name);
  } else if (node.id.type === "ObjectPattern" && isEnvObject(init)) {
    for (const property of node.id.properties) {
      if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
      const local = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
      if (local.type === "Identifier" && providerForEnvName(property.key.name)) names.set(local.name, property.key.name);
    }
  }
}

/** `KEY` → `(KEY ? "set" : "not set")`; a shorthand `{ KEY }` → `KEY: (KEY ? … )`. */
function whetherSetEdit(source: SourceFile, node: Node, property: TSESTree.Property | undefined) {
  const text = source.text.slice(node.range[0], node.range[1]);
  const replacement = `(${text} ? "set" : "not set")`;
  const target = property ?? node;
  return {
    kind: "replace" as const,
    file: source.file,
    range: { start: target.range[0], end: target.range[1] },
    text: property ? `${text}: ${replacement}` : replacement,
  };
}

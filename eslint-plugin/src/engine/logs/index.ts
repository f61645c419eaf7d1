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
import { walk } from "../client/walk";
import { bindKeyVariable, type KeyNames, keyValueIn, mayReadEnv } from "../env-key-values";
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
  return mayReadEnv(text) && (text.includes("console.") || LOG_CALL.test(text));
}

export function findLoggedKeys(source: SourceFile): Finding[] {
  if (!mayLogKeys(source.text)) return [];
  // One walk: the log calls, and the names bound to key reads (a call may come before the binding it logs).
  const keyNames: KeyNames = new Map();
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
      const logged = keyValueIn(arg, keyNames);
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

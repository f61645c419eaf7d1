/**
 * WebSocket message handlers: each message a client sends runs one, as each request runs a route,
 * and a chat app's model call often lives there (KissCodersUG/ai-assistant's Nuxt socket, Justar96/
 * bibboy's Bun socket, in bench/real-apps' labellers' notes):
 *
 *   defineWebSocketHandler({ message(peer, message) { … } })            Nitro / Nuxt (crossws)
 *   upgradeWebSocket((c) => ({ onMessage(event, ws) { … } }))           Hono
 *   io.on("connection", (socket) => socket.on("ask", async (q) => …))   socket.io
 *   wss.on("connection", (ws) => ws.on("message", async (data) => …))  ws
 *   function setupClientHandler(socket: Socket) { socket.on("ask", …) }  a setup function given the socket
 *
 * Bun's `Bun.serve({ websocket: { message } })` is read with the server (./serve-handlers). No
 * suggestion: a socket answers no request with a 429; a limit belongs in the handler (a limiter's
 * check before the call), which counts as for any route.
 */
import type { SourceFile, TSESTree } from "../../ast";
import { walk } from "../ast-utils";
import type { FunctionOf, RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

/** A cheap superset of socketHandlers' test. */
const SOCKET_WORDS = /defineWebSocketHandler|upgradeWebSocket|\.on\(\s*["'`]connection["'`]/;
/** A parameter typed with socket.io's `Socket`: `socket: Socket`. */
const SOCKET_PARAM = /\w\s*:\s*Socket\b/;

export function mayHandleSockets(text: string): boolean {
  return ((text.includes("WebSocket") || text.includes("connection")) && SOCKET_WORDS.test(text)) || (text.includes("socket.io") && SOCKET_PARAM.test(text));
}

/** Events a socket library raises itself: no client message runs them. */
const LIFECYCLE_EVENTS = new Set(["close", "disconnect", "disconnecting", "error", "open", "ping", "pong", "upgrade", "connection"]);

export function socketHandlers(source: SourceFile, functionOf: FunctionOf): RouteHandler[] {
  const out: RouteHandler[] = [];
  const add = (name: string, value: Node | null | undefined, reportNode: Node) => {
    const found = functionOf(source, value);
    if (found) out.push({ kind: "socket", name, fn: found.fn, reportNode, companions: found.wrappers });
  };
  walk(source.ast, (node) => {
    if (node.type !== "CallExpression") return;
    const callee = node.callee;
    // defineWebSocketHandler({ message }), upgradeWebSocket((c) => ({ onMessage }))
    if (callee.type === "Identifier" && callee.name === "defineWebSocketHandler") {
      const hooks = node.arguments[0];
      const message = hooks?.type === "ObjectExpression" ? memberNamed(hooks, "message") : undefined;
      if (message) add("defineWebSocketHandler message", message.value, message.key);
      return;
    }
    if (callee.type === "Identifier" && callee.name === "upgradeWebSocket") {
      const factory = functionOf(source, node.arguments[0] as Node | undefined)?.fn;
      const hooks = factory && returnedObject(factory);
      const message = hooks && memberNamed(hooks, "onMessage");
      if (message) add("upgradeWebSocket onMessage", message.value, message.key);
      return;
    }
    // io.on("connection", (socket) => { socket.on("ask", handler) }), and ws's `ws.on("message", …)`.
    if (onEvent(node) !== "connection") return;
    const connected = functionOf(source, node.arguments[1] as Node | undefined)?.fn;
    const socket = connected?.params[0];
    if (!connected || socket?.type !== "Identifier") return;
    walk(connected.body, (inner) => {
      if (inner.type !== "CallExpression" || inner.callee.type !== "MemberExpression") return;
      const event = onEvent(inner);
      if (!event || LIFECYCLE_EVENTS.has(event) || inner.callee.object.type !== "Identifier" || inner.callee.object.name !== socket.name) return;
      add(`${socket.name}.on("${event}")`, inner.arguments[inner.arguments.length - 1] as Node, inner.callee.property);
    });
  });
  // `export function setupClientHandler(socket: Socket, io: Server) { socket.on("transcript-input", …) }`, which the
  // connection handler calls (LoveAtMakeUofT26/ShoulderCupid, batch 111): the socket is known by its type.
  if (source.text.includes("socket.io")) {
    walk(source.ast, (node) => {
      if (node.type !== "FunctionDeclaration" && node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") return;
      for (const listener of socketListeners(node)) add(`${listener.socket}.on("${listener.event}")`, listener.callback, listener.at);
    });
  }
  return out;
}

interface SocketListener {
  socket: string;
  event: string;
  callback: Node;
  at: Node;
}

/** Most functions take no socket: one shared answer, no allocation per scanned function. */
const NO_LISTENERS: ReadonlyArray<SocketListener> = [];

/** Functions whose own parameter is typed with socket.io's `Socket`, by that parameter's name. */
function socketParameters(fn: TSESTree.FunctionLike): string[] {
  return fn.params.flatMap((param) => {
    const type = param.type === "Identifier" ? param.typeAnnotation?.typeAnnotation : undefined;
    return type?.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "Socket" && param.type === "Identifier" ? [param.name] : [];
  });
}

/**
 * The listeners a function registers on the socket.io socket it is given (`socket.on("ask", cb)` with
 * `socket: Socket`): each runs on its own message, as its own handler, not when the function runs.
 * Lifecycle events (`disconnect`…) are left out.
 */
export function socketListeners(fn: Node): ReadonlyArray<SocketListener> {
  if (fn.type !== "FunctionDeclaration" && fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") return NO_LISTENERS;
  const sockets = socketParameters(fn);
  if (sockets.length === 0) return NO_LISTENERS;
  const out: SocketListener[] = [];
  walk(fn.body, (inner) => {
    if (inner.type !== "CallExpression" || inner.callee.type !== "MemberExpression" || inner.callee.object.type !== "Identifier") return;
    const event = onEvent(inner);
    if (!event || LIFECYCLE_EVENTS.has(event) || !sockets.includes(inner.callee.object.name)) return;
    out.push({ socket: inner.callee.object.name, event, callback: inner.arguments[inner.arguments.length - 1] as Node, at: inner.callee.property });
  });
  return out;
}

/** The event `x.on("event", …)` listens to, written as a string (or a template without holes: gauravmjain/gs-chat-bot). */
function onEvent(node: TSESTree.CallExpression): string | undefined {
  const callee = node.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || callee.property.name !== "on" || node.arguments.length < 2) return undefined;
  const first = node.arguments[0];
  if (first.type === "Literal") return typeof first.value === "string" ? first.value : undefined;
  return first.type === "TemplateLiteral" && first.expressions.length === 0 ? (first.quasis[0]?.value.cooked ?? undefined) : undefined;
}

/** A property or method of an object literal, by name. */
function memberNamed(object: TSESTree.ObjectExpression, name: string): { key: Node; value: Node } | undefined {
  for (const property of object.properties) {
    if (property.type === "Property" && !property.computed && property.key.type === "Identifier" && property.key.name === name) return { key: property.key, value: property.value };
  }
  return undefined;
}

/** The object literal a function returns: `(c) => ({ … })` or `return { … }` at its top level. */
function returnedObject(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): TSESTree.ObjectExpression | undefined {
  if (fn.body.type === "ObjectExpression") return fn.body;
  if (fn.body.type !== "BlockStatement") return undefined;
  for (const statement of fn.body.body) {
    if (statement.type === "ReturnStatement" && statement.argument?.type === "ObjectExpression") return statement.argument;
  }
  return undefined;
}

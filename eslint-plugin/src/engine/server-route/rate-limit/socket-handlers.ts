/**
 * WebSocket message handlers: each message a client sends runs one, as each request runs a route,
 * and a chat app's model call often lives there (KissCodersUG/ai-assistant's Nuxt socket, Justar96/
 * bibboy's Bun socket, in bench/real-apps' labellers' notes):
 *
 *   defineWebSocketHandler({ message(peer, message) { … } })            Nitro / Nuxt (crossws)
 *   upgradeWebSocket((c) => ({ onMessage(event, ws) { … } }))           Hono
 *   io.on("connection", (socket) => socket.on("ask", async (q) => …))   socket.io
 *   wss.on("connection", (ws) => ws.on("message", async (data) => …))  ws (also `ws.onmessage = …`)
 *   app.ws("/ws", { message(ws, message) { … } })                      Elysia
 *   function setupClientHandler(socket: Socket) { socket.on("ask", …) }  a setup function given the socket
 *   const chatHandlers = (socket) => { socket.on("ask", …) }            the same in JS, in a socket.io server project
 *
 * Bun's `Bun.serve({ websocket: { message } })` is read with the server (./serve-handlers). No
 * suggestion: a socket answers no request with a 429; a limit belongs in the handler (a limiter's
 * check before the call), which counts as for any route.
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../../ast";
import { nearestPackageDir } from "../../package-dir";
import { diskProjectView } from "../disk-project-view";
import { readDependencies } from "../project";
import { calleeName, findProperty, moduleDeclaration, stringValue, walk, withoutTypeAssertion } from "../ast-utils";
import type { FunctionOf, RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

/** A cheap superset of socketHandlers' test. */
const SOCKET_WORDS = /defineWebSocketHandler|upgradeWebSocket|\.on\(\s*["'`]connection["'`]/;
/** `io.on(SOCKET_EVENTS.CONNECTION, …)`: the connection event named by a module const's property (Mar-cere/Anto, batch 171). */
const CONST_CONNECTION_LISTENER = /\.on\(\s*[A-Za-z_$][\w$]*\.(?:CONNECTION|Connection|connection)\s*,/;
/** A parameter typed with socket.io's `Socket`: `socket: Socket`. */
const SOCKET_PARAM = /\w\s*:\s*Socket\b/;
/** What an untyped setup function's listener says (`socket.on("ask", …)`); the project's dependencies tell the rest. */
const UNTYPED_SOCKET_LISTENER = "socket.on(";

export function mayHandleSockets(text: string): boolean {
  return (
    ((text.includes("WebSocket") || text.includes("connection")) && SOCKET_WORDS.test(text)) ||
    ((text.includes("CONNECTION") || text.includes("onnection")) && CONST_CONNECTION_LISTENER.test(text)) ||
    (text.includes("socket.io") && SOCKET_PARAM.test(text)) ||
    text.includes(UNTYPED_SOCKET_LISTENER) ||
    (text.includes(".ws(") && text.includes("elysia"))
  );
}

/** Events a socket library raises itself: no client message runs them. */
const LIFECYCLE_EVENTS = new Set(["close", "disconnect", "disconnecting", "error", "open", "ping", "pong", "upgrade", "connection"]);

export function socketHandlers(source: SourceFile, functionOf: FunctionOf): RouteHandler[] {
  const out: RouteHandler[] = [];
  const add = (name: string, value: Node | null | undefined, reportNode: Node) => {
    // A connection callback's own socket is a setup function's too (`(socket: Socket) =>`, or `(socket) =>` in a
    // socket.io project: Locinone/Gx-chatbot-react-redux, batch 142): each listener is one handler.
    if (out.some((handler) => handler.reportNode === reportNode)) return;
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
    // Elysia's `app.ws("/ws", { message(ws, message) { … } })`, in a module that imports Elysia
    // (giga-berkah-tech/gpt-server-elysia, batch 255).
    if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" && callee.property.name === "ws" && importsElysia(source)) {
      const hooks = node.arguments[1];
      const route = node.arguments[0] && stringValue(node.arguments[0] as Node);
      const message = route !== undefined && hooks?.type === "ObjectExpression" ? memberNamed(hooks, "message") : undefined;
      if (message) add(`ws("${route}") message`, message.value, message.key);
      return;
    }
    // io.on("connection", (socket) => { socket.on("ask", handler) }), and ws's `ws.on("message", …)`.
    if (onEvent(node) !== "connection") return;
    const connected = functionOf(source, node.arguments[1] as Node | undefined)?.fn;
    const socket = connected?.params[0];
    if (!connected || socket?.type !== "Identifier") return;
    walk(connected.body, (inner) => {
      if (inner.type === "AssignmentExpression") {
        const property = assignedListener(inner, socket.name);
        if (property) add(`${socket.name}.${property.name}`, inner.right, property);
        return;
      }
      if (inner.type !== "CallExpression" || inner.callee.type !== "MemberExpression") return;
      const event = onEvent(inner) ?? onEvent(inner, "addEventListener");
      if (!event || LIFECYCLE_EVENTS.has(event) || inner.callee.object.type !== "Identifier" || inner.callee.object.name !== socket.name) return;
      const method = (inner.callee.property as TSESTree.Identifier).name;
      add(`${socket.name}.${method}("${event}")`, inner.arguments[inner.arguments.length - 1] as Node, inner.callee.property);
    });
  });
  // `export function setupClientHandler(socket: Socket, io: Server) { socket.on("transcript-input", …) }`, which the
  // connection handler calls (LoveAtMakeUofT26/ShoulderCupid, batch 111): the socket is known by its type.
  const sockets = setupSockets(source);
  if (sockets.typed || sockets.named) {
    walk(source.ast, (node) => {
      if (node.type !== "FunctionDeclaration" && node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") return;
      for (const listener of socketListeners(node, sockets)) add(`${listener.socket}.on("${listener.event}")`, listener.callback, listener.at);
    });
  }
  return out;
}

/** The module imports Elysia (`import { Elysia } from "elysia"`, or requires it). */
function importsElysia(source: SourceFile): boolean {
  return source.ast.body.some((statement) => statement.type === "ImportDeclaration" && statement.source.value === "elysia") || /require\(\s*["']elysia["']\s*\)/.test(source.text);
}

/**
 * ws's WebSocket-API form of a listener, `ws.onmessage = (event) => …`, on the connection's socket
 * (deepgram-devs/react-app, batch 145): `ws.on("message", …)` by another name (as `ws.addEventListener("message", …)`
 * is), so the `onmessage` it sets. `onclose`, `onerror` and `onopen` are the library's own events.
 */
function assignedListener(node: TSESTree.AssignmentExpression, socket: string): TSESTree.Identifier | undefined {
  const target = node.left;
  if (node.operator !== "=" || target.type !== "MemberExpression" || target.computed || target.object.type !== "Identifier" || target.object.name !== socket) return undefined;
  const property = target.property;
  return property.type === "Identifier" && /^on[a-z]+$/.test(property.name) && !LIFECYCLE_EVENTS.has(property.name.slice(2)) ? property : undefined;
}

/** Which parameters of the file's functions are socket.io sockets a setup function is given. */
interface SetupSockets {
  /** `socket: Socket`, in a file that names socket.io. */
  typed: boolean;
  /** An untyped parameter named `socket`. */
  named: boolean;
}

/** A socket typed with socket.io's `Socket`, wherever a function is scanned (./function-scan). */
const TYPED_SOCKETS: SetupSockets = { typed: true, named: false };

/**
 * A plain-JS setup function, `const chatHandlers = (socket) => { socket.on("travel_agent", …) }`, two modules
 * from `io.on("connection", …)` (YashCoder03/ChatBot, batch 142), has no type to tell its socket: an untyped
 * `socket` counts in a project whose package.json depends on the socket.io server. A module that imports
 * socket.io-client is the browser's, whose `socket` is the client's.
 */
function setupSockets(source: SourceFile): SetupSockets {
  const named = source.text.includes(UNTYPED_SOCKET_LISTENER) && !source.text.includes("socket.io-client") && servesSocketIo(source.file);
  return { typed: source.text.includes("socket.io"), named };
}

/** Does the project `file` belongs to (its nearest package.json) depend on socket.io's server package? */
function servesSocketIo(file: string): boolean {
  const root = nearestPackageDir(path.dirname(path.resolve(file)));
  // The disk view reads each package.json once per change (a package.json that does not parse names nothing).
  return root !== undefined && readDependencies(root, diskProjectView()).has("socket.io");
}

interface SocketListener {
  socket: string;
  event: string;
  callback: Node;
  at: Node;
}

/** Most functions take no socket: one shared answer, no allocation per scanned function. */
const NO_LISTENERS: ReadonlyArray<SocketListener> = [];

/** A function's own parameters that are the socket.io socket it is given (typed `Socket`, or as `sockets` says), by name. */
function socketParameters(fn: TSESTree.FunctionLike, sockets: SetupSockets): string[] {
  return fn.params.flatMap((param) => {
    if (param.type !== "Identifier") return [];
    const type = param.typeAnnotation?.typeAnnotation;
    if (sockets.typed && type?.type === "TSTypeReference" && type.typeName.type === "Identifier" && type.typeName.name === "Socket") return [param.name];
    return sockets.named && !type && param.name === "socket" ? [param.name] : [];
  });
}

/**
 * The listeners a function registers on the socket.io socket it is given (`socket.on("ask", cb)` with
 * `socket: Socket`, or an untyped `socket` where `setup` says so): each runs on its own message, as its own
 * handler, not when the function runs.
 * Lifecycle events (`disconnect`…) are left out.
 */
export function socketListeners(fn: Node, setup: SetupSockets = TYPED_SOCKETS): ReadonlyArray<SocketListener> {
  if (fn.type !== "FunctionDeclaration" && fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") return NO_LISTENERS;
  const sockets = socketParameters(fn, setup);
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

/**
 * The event `x.on("event", …)` (or `x.addEventListener("event", …)`, as `method` says) listens to, written as a
 * string (or a template without holes: gauravmjain/gs-chat-bot).
 */
function onEvent(node: TSESTree.CallExpression, method = "on"): string | undefined {
  const callee = node.callee;
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier" || callee.property.name !== method || node.arguments.length < 2) return undefined;
  const first = node.arguments[0];
  if (first.type === "Literal") return typeof first.value === "string" ? first.value : undefined;
  // A module const: `socket.on(EVENTS.MESSAGE, …)` with `const EVENTS = { MESSAGE: "message" }`, or `const ASK = "ask"`.
  if (first.type === "Identifier" || (first.type === "MemberExpression" && !first.computed && first.object.type === "Identifier" && first.property.type === "Identifier")) {
    let program: Node = node;
    while (program.parent) program = program.parent;
    if (program.type !== "Program") return undefined;
    const name = first.type === "Identifier" ? first.name : (first.object as TSESTree.Identifier).name;
    let value: Node | undefined = withoutTypeAssertion(moduleDeclaration(program, name)?.value);
    // `Object.freeze({ … })`.
    if (value?.type === "CallExpression" && value.callee.type === "MemberExpression" && value.callee.object.type === "Identifier" && value.callee.object.name === "Object" && calleeName(value.callee) === "freeze") {
      value = withoutTypeAssertion(value.arguments[0] as Node | undefined);
    }
    if (first.type === "Identifier") return stringValue(value);
    if (value?.type !== "ObjectExpression") return undefined;
    const property = findProperty(value, (first.property as TSESTree.Identifier).name);
    return property ? stringValue(property.value as Node) : undefined;
  }
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

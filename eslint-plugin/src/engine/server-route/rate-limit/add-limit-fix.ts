/**
 * Suggestion "Add an in-memory rate limit": a check at the top of the handler and, once per file,
 * the same in-memory limiter the generated routes use (clients told apart by platform headers or
 * the socket, never by a forwarded header alone; bounded memory). Offered for async Next.js and
 * web handlers, Express `(req, res)` and Hono `(c)` handlers whose parameters are plain names.
 * (express-rate-limit is the usual Express choice; it trusts X-Forwarded-For only with `trust proxy`.)
 */
import type { SourceFile, TSESTree } from "../../ast";
import type { FixPlan } from "../../finding";
import { LIMITER_NAMES, nodeClientIp, rateLimiter, webClientIp } from "../templates/rate-limiter";
import type { RouteSpec } from "../templates/spec";
import { REQUIRE_RATE_LIMIT_MESSAGES } from "../messages";
import { isLimiterPackage } from "./bindings";
import type { RouteHandler } from "./route-handlers";

export const ADD_LIMIT_TITLE = REQUIRE_RATE_LIMIT_MESSAGES.addInMemoryRateLimit;

const NODE_REQUEST = 'Pick<import("node:http").IncomingMessage, "headers" | "socket">';

/**
 * How the handler's request reaches the limiter: `clientArgs` for `clientIp(…)`, over a web
 * Request (with a function giving the socket address when the framework has one) or Node's req.
 */
interface RequestAccess {
  kind: "web" | "node";
  clientArgs: string;
  withAddress: boolean;
  /** Node handlers: the response parameter. */
  response?: string;
  /** An edit the access needs (SvelteKit: `getClientAddress` added to the destructured event). */
  edit?: FixPlan["edits"][number];
}

/** Hono on Node (@hono/node-server) puts the Node request in `c.env.incoming`; elsewhere, headers only. */
const HONO_SOCKET = (c: string, typescript: boolean) =>
  typescript ? `(${c}.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress` : `${c}.env?.incoming?.socket?.remoteAddress`;

const H3_HANDLER_WRAPPERS = new Set(["defineEventHandler", "eventHandler", "defineCachedEventHandler"]);

/** What each framework calls the client's address on its event/context. */
const ADDRESS_OF: Partial<Record<RouteHandler["kind"], (event: string) => string>> = {
  sveltekit: (event) => `() => ${event}.getClientAddress()`,
  astro: (event) => `() => ${event}.clientAddress`,
};

function requestAccess(source: SourceFile, handler: RouteHandler, typescript: boolean): RequestAccess | undefined {
  const [first, second] = handler.fn.params;
  if (!first) return undefined;
  const web = (clientArgs: string, withAddress = false): RequestAccess => ({ kind: "web", clientArgs, withAddress });
  switch (handler.kind) {
    case "next-app":
    case "expo-api":
    case "fetch-export":
    case "serve":
    case "api-function":
      if (first.type !== "Identifier") return undefined;
      // Nuxt / Nitro `server/api` handlers: an h3 event, whose Node request and response (h3 ≥ 1)
      // give the socket address on every Nuxt 3 release.
      if (handler.companions.some((node) => node.type === "Identifier" && H3_HANDLER_WRAPPERS.has(node.name))) {
        return { kind: "node", clientArgs: `${first.name}.node.req`, withAddress: false, response: `${first.name}.node.res` };
      }
      return web(first.name);
    case "next-pages":
      return first.type === "Identifier" && second?.type === "Identifier" ? { kind: "node", clientArgs: first.name, withAddress: false, response: second.name } : undefined;
    case "sveltekit":
    case "astro":
    case "remix":
    case "pages-function":
    case "solid-start":
    case "tanstack-start":
      return eventAccess(source, handler, first);
    case "server-framework": {
      // Which framework registered it, from the file's imports: an unknown one is not guessed at.
      const imported = source.ast.body.flatMap((statement) => (statement.type === "ImportDeclaration" ? [String(statement.source.value)] : []));
      // A limiter package is already imported (used for other routes, or registered too late): use that one.
      if (imported.some(isLimiterPackage)) return undefined;
      if (first.type !== "Identifier") return undefined;
      if (imported.some((name) => name === "hono" || name.startsWith("hono/"))) {
        return handler.fn.params.length === 1 ? web(`${first.name}.req.raw, ${"() => " + HONO_SOCKET(first.name, typescript)}`, true) : undefined;
      }
      if (imported.includes("express") && second?.type === "Identifier") return { kind: "node", clientArgs: first.name, withAddress: false, response: second.name };
      return undefined;
    }
    case "server-action":
    case "server-fn":
    case "socket":
    case "netlify":
    case "qwik":
    case "nest":
    case "firebase":
    case "azure":
    case "trpc":
    case "sveltekit-action":
    case "graphql":
      // A server action or function has no request to answer 429 on, a Qwik City handler answers
      // through its event (`json(429, …)`, `send`), not a returned Response, and a Netlify function
      // returns `{ statusCode }` (v1) or a Response (v2) from one file shape or the other: no
      // generated check fits them; the finding stands without a suggestion. A NestJS route is
      // limited by a guard (`@nestjs/throttler`), not a check in its body, and a Firebase
      // function answers an error (`HttpsError("resource-exhausted")`) the same way (an Azure function
      // returns `{ status: 429 }` from a handler whose shape varies), and a tRPC
      // procedure a `TRPCError({ code: "TOO_MANY_REQUESTS" })`, best thrown from middleware; a
      // SvelteKit form action returns `fail(429, …)`; a GraphQL resolver throws a GraphQLError.
      return undefined;
  }
}

/**
 * SvelteKit, Astro and Remix handlers get an event (or context) holding the Request: `event`
 * or `{ request }`. SvelteKit's getClientAddress is added to a destructured event; Astro's
 * clientAddress is a getter that throws on some adapters, so it is used only when already read.
 */
function eventAccess(source: SourceFile, handler: RouteHandler, first: TSESTree.Parameter): RequestAccess | undefined {
  const address = ADDRESS_OF[handler.kind];
  if (first.type === "Identifier") {
    return address ? { kind: "web", clientArgs: `${first.name}.request, ${address(first.name)}`, withAddress: true } : { kind: "web", clientArgs: `${first.name}.request`, withAddress: false };
  }
  if (first.type !== "ObjectPattern") return undefined;
  const local = (name: string) => {
    const property = first.properties.find((candidate) => candidate.type === "Property" && !candidate.computed && candidate.key.type === "Identifier" && candidate.key.name === name);
    return property?.type === "Property" && property.value.type === "Identifier" ? property.value.name : undefined;
  };
  const request = local("request");
  if (!request) return undefined;
  const named = local(handler.kind === "sveltekit" ? "getClientAddress" : "clientAddress");
  if (named) return { kind: "web", clientArgs: `${request}, ${handler.kind === "sveltekit" ? named : `() => ${named}`}`, withAddress: true };
  const last = first.properties[first.properties.length - 1];
  if (handler.kind === "sveltekit" && last.type === "Property" && !declaresName(source, "getClientAddress")) {
    const at = last.range[1];
    return { kind: "web", clientArgs: `${request}, getClientAddress`, withAddress: true, edit: { kind: "replace", file: source.file, range: { start: at, end: at }, text: ", getClientAddress" } };
  }
  return { kind: "web", clientArgs: request, withAddress: false };
}

function declaresName(source: SourceFile, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(source.text);
}

export function planAddRateLimit(source: SourceFile, handler: RouteHandler): FixPlan | undefined {
  const fn = handler.fn;
  if (!fn.async || fn.body?.type !== "BlockStatement") return undefined;
  const typescript = /\.[cm]?tsx?$/i.test(source.file);
  const access = requestAccess(source, handler, typescript);
  if (!access) return undefined;
  if (declares(source.text.slice(fn.body.range[0], fn.body.range[1]), "limit")) return undefined;
  const hasLimiter = declares(source.text, "checkRateLimit") && declares(source.text, "clientIp");
  if (!hasLimiter && LIMITER_NAMES.some((name) => declares(source.text, name))) {
    return undefined; // names taken by something else: do not guess
  }

  const indent = bodyIndent(source, fn.body);
  const response = access.response ?? "";
  const lines = [
    `const limit = await checkRateLimit(clientIp(${access.clientArgs}));`,
    "if (!limit.ok) {",
    ...(access.kind === "node"
      ? [
          `  ${response}.setHeader("Retry-After", String(limit.retryAfterSeconds));`,
          `  ${response}.statusCode = 429;`,
          `  ${response}.end("Too many requests. Try again later.");`,
          "  return;",
        ]
      : ['  return new Response("Too many requests. Try again later.", { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });']),
    "}",
  ];
  const at = fn.body.range[0] + 1;
  const edits: FixPlan["edits"] = [
    ...(access.edit ? [access.edit] : []),
    { kind: "replace", file: source.file, range: { start: at, end: at }, text: lines.map((line) => `\n${indent}${line}`).join("") },
  ];
  if (!hasLimiter) {
    const spec = { rateLimiter: "memory", typescript, slug: "" } as RouteSpec;
    const block = [
      "// Added by KeyFence: each client (IP address, as the host reports it) may send RATE_LIMIT requests a minute.",
      "const RATE_LIMIT = 20;",
      rateLimiter(spec),
      access.kind === "node" ? nodeClientIp(typescript, NODE_REQUEST) : webClientIp(typescript, access.withAddress),
    ].join("\n");
    const end = source.text.length;
    edits.push({ kind: "replace", file: source.file, range: { start: end, end }, text: (source.text.endsWith("\n") ? "\n" : "\n\n") + block });
  }
  return { title: ADD_LIMIT_TITLE, edits };
}

function declares(text: string, name: string): boolean {
  return new RegExp(`(?:function\\*?\\s+|(?:const|let|var|class)\\s+)${name}\\b`).test(text);
}

function bodyIndent(source: SourceFile, body: TSESTree.BlockStatement): string {
  const firstStatement = body.body[0];
  const from = firstStatement ? firstStatement.range[0] : body.range[0];
  const lineStart = source.text.lastIndexOf("\n", from - 1) + 1;
  const leading = /^[ \t]*/.exec(source.text.slice(lineStart, from))?.[0] ?? "";
  return firstStatement ? leading : `${leading}  `;
}

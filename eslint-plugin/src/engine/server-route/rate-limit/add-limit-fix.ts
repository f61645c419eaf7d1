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
import { LIMITER_PACKAGES } from "./bindings";
import type { RouteHandler } from "./route-handlers";

export const ADD_LIMIT_TITLE = REQUIRE_RATE_LIMIT_MESSAGES.addInMemoryRateLimit;

const NODE_REQUEST = 'Pick<import("node:http").IncomingMessage, "headers" | "socket">';

/** How the handler's request reaches the limiter: a web Request, Node's req/res, or Hono's context. */
type RequestShape = "web" | "node" | "hono";

/** Hono on Node (@hono/node-server) puts the Node request in `c.env.incoming`; elsewhere, headers only. */
const HONO_SOCKET = (c: string, typescript: boolean) =>
  typescript ? `(${c}.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress` : `${c}.env?.incoming?.socket?.remoteAddress`;

function requestShape(source: SourceFile, handler: RouteHandler): RequestShape | undefined {
  const [first, second] = handler.fn.params;
  if (first?.type !== "Identifier") return undefined;
  switch (handler.kind) {
    case "next-app":
    case "api-function":
      return "web";
    case "next-pages":
      return second?.type === "Identifier" ? "node" : undefined;
    case "server-framework": {
      // Which framework registered it, from the file's imports: an unknown one is not guessed at.
      const imported = source.ast.body.flatMap((statement) => (statement.type === "ImportDeclaration" ? [String(statement.source.value)] : []));
      // A limiter package is already imported (used for other routes, or registered too late): use that one.
      if (imported.some((name) => LIMITER_PACKAGES.some((limiter) => name === limiter || name.startsWith(`${limiter}/`)))) return undefined;
      if (imported.some((name) => name === "hono" || name.startsWith("hono/"))) return handler.fn.params.length === 1 ? "hono" : undefined;
      if (imported.includes("express")) return second?.type === "Identifier" ? "node" : undefined;
      return undefined;
    }
    default:
      // SvelteKit, Astro and Remix handlers receive an event or context, not the Request: no guess.
      return undefined;
  }
}

export function planAddRateLimit(source: SourceFile, handler: RouteHandler): FixPlan | undefined {
  const fn = handler.fn;
  if (!fn.async || fn.body?.type !== "BlockStatement") return undefined;
  const shape = requestShape(source, handler);
  if (!shape) return undefined;
  const [first, second] = fn.params as TSESTree.Identifier[];

  const typescript = /\.[cm]?tsx?$/i.test(source.file);
  if (declares(source.text.slice(fn.body.range[0], fn.body.range[1]), "limit")) return undefined;
  const hasLimiter = declares(source.text, "checkRateLimit") && declares(source.text, "clientIp");
  if (!hasLimiter && LIMITER_NAMES.some((name) => declares(source.text, name))) {
    return undefined; // names taken by something else: do not guess
  }

  const indent = bodyIndent(source, fn.body);
  const clientArgs = shape === "hono" ? `${first.name}.req.raw, () => ${HONO_SOCKET(first.name, typescript)}` : first.name;
  const lines = [
    `const limit = await checkRateLimit(clientIp(${clientArgs}));`,
    "if (!limit.ok) {",
    ...(shape === "node"
      ? [
          `  ${second.name}.setHeader("Retry-After", String(limit.retryAfterSeconds));`,
          `  ${second.name}.statusCode = 429;`,
          `  ${second.name}.end("Too many requests. Try again later.");`,
          "  return;",
        ]
      : ['  return new Response("Too many requests. Try again later.", { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });']),
    "}",
  ];
  const at = fn.body.range[0] + 1;
  const edits: FixPlan["edits"] = [{ kind: "replace", file: source.file, range: { start: at, end: at }, text: lines.map((line) => `\n${indent}${line}`).join("") }];
  if (!hasLimiter) {
    const spec = { rateLimiter: "memory", typescript, slug: "" } as RouteSpec;
    const block = [
      "// Added by KeyFence: each client (IP address, as the host reports it) may send RATE_LIMIT requests a minute.",
      "const RATE_LIMIT = 20;",
      rateLimiter(spec),
      shape === "node" ? nodeClientIp(typescript, NODE_REQUEST) : webClientIp(typescript, shape === "hono"),
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

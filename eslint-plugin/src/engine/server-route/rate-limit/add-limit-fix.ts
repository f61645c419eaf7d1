/**
 * Suggestion "Add an in-memory rate limit": a check at the top of the handler and, once per file,
 * the same in-memory limiter the generated routes use. Offered for async Next.js and web
 * handlers whose parameters are plain names; Express apps are better served by express-rate-limit.
 */
import type { SourceFile, TSESTree } from "../../ast";
import type { FixPlan } from "../../finding";
import { LIMITER_NAMES, nodeClientIp, rateLimiter, webClientIp } from "../templates/rate-limiter";
import type { RouteSpec } from "../templates/spec";
import { REQUIRE_RATE_LIMIT_MESSAGES } from "../messages";
import type { RouteHandler } from "./route-handlers";

export const ADD_LIMIT_TITLE = REQUIRE_RATE_LIMIT_MESSAGES.addInMemoryRateLimit;

const NODE_REQUEST = 'Pick<import("node:http").IncomingMessage, "headers" | "socket">';

export function planAddRateLimit(source: SourceFile, handler: RouteHandler): FixPlan | undefined {
  const fn = handler.fn;
  if (!fn.async || fn.body?.type !== "BlockStatement") return undefined;
  const [first, second] = fn.params;
  if (first?.type !== "Identifier") return undefined;
  const pages = handler.kind === "next-pages";
  if (pages && second?.type !== "Identifier") return undefined;
  // SvelteKit, Astro and Remix handlers receive an event or context, not the Request: no guess.
  if (handler.kind !== "next-app" && handler.kind !== "next-pages" && handler.kind !== "api-function") return undefined;

  const typescript = /\.[cm]?tsx?$/i.test(source.file);
  if (declares(source.text.slice(fn.body.range[0], fn.body.range[1]), "limit")) return undefined;
  const hasLimiter = declares(source.text, "checkRateLimit") && declares(source.text, "clientIp");
  if (!hasLimiter && LIMITER_NAMES.some((name) => declares(source.text, name))) {
    return undefined; // names taken by something else: do not guess
  }

  const indent = bodyIndent(source, fn.body);
  const lines = [
    `const limit = await checkRateLimit(clientIp(${first.name}));`,
    "if (!limit.ok) {",
    ...(pages && second?.type === "Identifier"
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
      handler.kind === "next-pages" ? nodeClientIp(typescript, NODE_REQUEST) : webClientIp(typescript),
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

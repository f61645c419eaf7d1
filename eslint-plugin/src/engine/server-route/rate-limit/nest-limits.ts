/**
 * A NestJS app limited as a whole: the throttler's guard registered for every route
 * (`{ provide: APP_GUARD, useClass: ThrottlerGuard }` in a module, `app.useGlobalGuards(new
 * ThrottlerGuard(…))`), or a limiter applied to every request (`app.use(rateLimit({ … }))` in
 * main.ts, `await app.register(fastifyRateLimit, …)` on the Fastify adapter,
 * `consumer.apply(RateLimitMiddleware).forRoutes(…)` in a module; the routes a
 * `forRoutes` names are not read: it counts for all).
 *
 * Found by reading the project's code files (the nearest package.json's folder, bounded, as
 * ./mounted-limits does) that name APP_GUARD, useGlobalGuards, `.use(`, `.register(` or `.apply(`; asked only
 * for a Nest route that would otherwise be reported, and cached per project while those files
 * are unchanged.
 */
import * as path from "node:path";
import { parseSource, type TSESTree } from "../../ast";
import { onInvalidate } from "../../client/files";
import { nearestPackageDir } from "../../package-dir";
import type { ProjectView } from "../types";
import { walk } from "../ast-utils";
import { fileBindings } from "./bindings";
import { namesLimiter } from "./function-scan";
import { codeFiles } from "./package-index";
import { addImportedBindings } from "./shared-clients";

type Node = TSESTree.Node;

const MAY_LIMIT_ALL = /APP_GUARD|useGlobalGuards|\.use\s*\(|\.register\s*\(|\.apply\s*\(/;
/**
 * A limiter named in the file too: `.apply(` is in much ordinary code (`fn.apply(this, args)`), and
 * only files that name a limiter (or a user's own limiter name) are parsed.
 */
const NAMES_A_LIMIT = /throttl|limit/i;
const MAX_BYTES = 512 * 1024;
const FRESH_MS = 3000;

interface AppLimit {
  limited: boolean;
  stamps: Array<[string, number | undefined]>;
  checkedAt: number;
}

const answers = new Map<string, AppLimit>();
onInvalidate(() => answers.clear());

/** Whether the Nest app `file` belongs to limits every route (see the module comment). */
export function nestAppLimited(file: string, project: ProjectView, extra: readonly string[]): boolean {
  const root = nearestPackageDir(path.dirname(path.resolve(file)));
  if (!root) return false;
  const cached = answers.get(root);
  const now = Date.now();
  if (cached && (now - cached.checkedAt < FRESH_MS || (project.mtime && cached.stamps.every(([stamped, mtime]) => project.mtime!(stamped) === mtime)))) {
    cached.checkedAt = now;
    return cached.limited;
  }
  const answer: AppLimit = { limited: false, stamps: [], checkedAt: now };
  for (const candidate of codeFiles(root)) {
    const text = project.read(candidate);
    if (text === undefined || text.length > MAX_BYTES || !MAY_LIMIT_ALL.test(text) || (!NAMES_A_LIMIT.test(text) && !extra.some((name) => text.includes(name)))) continue;
    answer.stamps.push([candidate, project.mtime?.(candidate)]);
    if (!answer.limited && limitsAll(candidate, text, project, extra)) answer.limited = true;
  }
  answers.set(root, answer);
  return answer.limited;
}

function limitsAll(file: string, text: string, project: ProjectView, extra: readonly string[]): boolean {
  const source = parseSource(file, text, { loc: false, comments: false });
  if (!source) return false;
  const bindings = fileBindings(source);
  addImportedBindings(source, bindings, project);
  const limiter = (node: Node | null | undefined): boolean => !!node && node.type !== "SpreadElement" && namesLimiter(node.type === "NewExpression" ? node.callee : node, bindings, extra);
  let found = false;
  walk(source.ast, (node) => {
    if (found) return;
    // { provide: APP_GUARD, useClass: ThrottlerGuard }
    if (node.type === "ObjectExpression" && node.properties.some((property) => property.type === "Property" && property.key.type === "Identifier" && property.key.name === "provide" && property.value.type === "Identifier" && property.value.name === "APP_GUARD")) {
      found = node.properties.some((property) => property.type === "Property" && property.key.type === "Identifier" && /^use(?:Class|Existing|Value|Factory)$/.test(property.key.name) && limiter(property.value));
      return;
    }
    // app.useGlobalGuards(new ThrottlerGuard()), app.use(rateLimit({ … })), app.register(fastifyRateLimit), consumer.apply(RateLimitMiddleware)
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier" && ["useGlobalGuards", "use", "register", "apply"].includes(node.callee.property.name)) {
      if (node.callee.property.name === "use" && node.arguments[0]?.type === "Literal") return; // `app.use("/api", …)`: part of an Express app, read by mounted-limits
      found = node.arguments.some((arg) => limiter(arg as Node));
    }
  });
  return found;
}

/**
 * "Move this AI call to a server route": one FixPlan that creates the route, rewrites the browser
 * call to use it, and moves the key to the server.
 */
import * as path from "node:path";
import type { FileEdit, FixPlan } from "../finding";
import type { Provider } from "../providers/types";
import { type BrowserUse, readBrowserUse } from "./browser-call";
import { browserEdits } from "./browser-rewrite";
import type * as EnvEdits from "./env-edits";
import type { EnvPlacement } from "./env-edits";
import { servesFlatRoutes } from "./framework-config";
import { freeRouteLocation, writesNoServerRoute, type ProjectShape, projectShape } from "./project";
import { type KeyReading, keyReading, routeText, servingNote } from "./route-host";
import type { RouteSpec } from "./templates/spec";
import type { MoveCallInput } from "./types";
import { baseUrlEnvVar, type Upstream, upstreamFor } from "./upstreams";

export const MOVE_CALL_TITLE = "Move this AI call to a server route";
const DEFAULT_MAX_TOKENS = 1024;

/**
 * Plans the whole move, or returns undefined when the code at `input.range` is not a provider call
 * this fix can stand in for (unknown provider API, a client used in ways the route cannot serve).
 */
export function planMoveCallToServerRoute(input: MoveCallInput): FixPlan | undefined {
  const use = readBrowserUse(input.source, input.range.start, input.range.end, input.provider);
  if (!use) return undefined;
  const upstream = upstreamFor(use.provider.id);
  if (!upstream) return undefined;
  const target = upstreamTarget(use, upstream);
  if (!target) return undefined;

  const shape = projectShape(input.source.file, input.project, input.projectRoot);
  if (!shape) return undefined;
  if (writesNoServerRoute(shape.dependencies)) return undefined;
  // React Router v7 with a hand-written app/routes.ts would not serve a file in app/routes/.
  if (shape.convention === "react-router" && !servesFlatRoutes(shape.routesDir, input.project)) return undefined;
  const location = freeRouteLocation(shape, use.provider.id, input.project);
  const reading = keyReading(shape, input.project, use.provider.envVar);
  const env = keyPlacement(input, shape, use, reading);
  const spec: RouteSpec = {
    providerName: use.provider.name,
    keyEnvVar: env.name,
    baseUrlEnvVar: baseUrlEnvVar(use.provider.envVar),
    defaultBaseUrl: target.baseUrl,
    apiPath: target.apiPath,
    authHeader: use.kind === "fetch" ? use.authHeader : upstream.auth.header,
    authScheme: use.kind === "fetch" ? use.authScheme : upstream.auth.scheme,
    fixedHeaders: { ...upstream.headers, ...(use.kind === "fetch" ? use.fixedHeaders : {}) },
    allowedModels: use.models.length > 0 ? [...new Set(use.models)] : [upstream.defaultModel],
    maxTokens: Math.max(DEFAULT_MAX_TOKENS, requestedTokens(use)),
    ...tokenPolicy(use.provider.id, target.apiPath),
    rateLimiter: shape.dependencies.has("@upstash/ratelimit") ? "upstash" : "memory",
    slug: location.slug,
    typescript: shape.typescript,
    ...reading.specFields,
  };
  const edits: FileEdit[] = [
    { kind: "create", file: location.file, text: routeText(shape, spec) },
    ...browserEdits(input.source, use, location.url, shape.convention === "nuxt" ? "nuxt" : "fetch"),
    ...env.edits,
  ];
  const routeName = path.relative(shape.root, location.file).split(path.sep).join("/");
  const notes = [
    `Created ${routeName}: it reads ${env.name} on the server and allows ${spec.allowedModels.join(", ")}, up to ${spec.maxTokens} tokens, ${spec.rateLimiter === "upstash" ? "rate-limited with @upstash/ratelimit" : "20 requests a minute per client (in memory, per instance: see the docs for a shared store and for how clients are told apart)"}.`,
    reading.note,
    env.note,
    servingNote(shape),
  ].filter(Boolean);
  return { title: MOVE_CALL_TITLE, edits, isPreferred: true, note: notes.join(" ") };
}

function upstreamTarget(use: BrowserUse, upstream: Upstream): { baseUrl: string; apiPath: string } | undefined {
  if (use.kind === "sdk") {
    const paths = new Set(use.calls.map((call) => call.apiPath));
    if (paths.size !== 1) return undefined; // one route, one provider API
    return { baseUrl: (use.baseUrl ?? upstream.baseUrl).replace(/\/+$/, ""), apiPath: [...paths][0] };
  }
  const href = `${use.url.origin}${use.url.pathname}${use.url.search}`;
  if (href.startsWith(upstream.baseUrl + "/")) return { baseUrl: upstream.baseUrl, apiPath: href.slice(upstream.baseUrl.length) };
  return { baseUrl: use.url.origin, apiPath: `${use.url.pathname}${use.url.search}` };
}

/** Which body fields cap the answer's size for this API, and which one to add when none is sent. */
function tokenPolicy(providerId: string, apiPath: string): { tokenFields: string[]; defaultTokenField?: string } {
  const api = apiPath.replace(/\?.*$/, "");
  if (api.endsWith("/chat/completions")) {
    return { tokenFields: ["max_completion_tokens", "max_tokens"], defaultTokenField: providerId === "openai" ? "max_completion_tokens" : "max_tokens" };
  }
  if (api.endsWith("/responses")) return { tokenFields: ["max_output_tokens"], defaultTokenField: "max_output_tokens" };
  if (api.endsWith("/completions") || api.endsWith("/messages")) return { tokenFields: ["max_tokens"], defaultTokenField: "max_tokens" };
  return { tokenFields: [] };
}

/** The largest literal token cap the browser asked for (so the fix does not cut answers short). */
function requestedTokens(use: BrowserUse): number {
  let largest = 0;
  const args = use.kind === "sdk" ? use.calls.map((call) => call.argument) : [];
  for (const arg of args) {
    if (arg.type !== "ObjectExpression") continue;
    for (const property of arg.properties) {
      if (property.type !== "Property" || property.key.type !== "Identifier" || !/^max_(?:completion_|output_)?tokens$/.test(property.key.name)) continue;
      if (property.value.type === "Literal" && typeof property.value.value === "number") largest = Math.max(largest, property.value.value);
    }
  }
  return Math.min(largest, 32_000);
}

function keyPlacement(input: MoveCallInput, shape: ProjectShape, use: BrowserUse, reading: KeyReading): EnvPlacement {
  const wanted = reading.envVar;
  // The env-file edits (and the gitignore engine behind them) load with the first fix planned.
  const { renamePublicEnvVar, storeKeyInEnvLocal } = require("./env-edits") as typeof EnvEdits;
  if (use.key.kind === "literal") return storeKeyInEnvLocal(input.project, shape.root, wanted, use.key.value, reading.envFileName);
  if (use.key.kind === "env" && use.key.name !== wanted) {
    if (isServerName(use.key.name, use.provider)) return { name: use.key.name, edits: [] };
    return renamePublicEnvVar(input.project, shape.root, use.key.name, wanted, reading.envFileName);
  }
  return { name: wanted, edits: [], note: use.key.kind === "none" ? `Set ${wanted} on the server.` : undefined };
}

/** A name without a public prefix that already names this provider's key (an alias). */
function isServerName(name: string, provider: Provider): boolean {
  return (provider.envVarAliases ?? []).includes(name);
}

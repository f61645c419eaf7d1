/**
 * A compose file as KeyFence needs it: each service's build (context folder and Dockerfile) and
 * the values of `environment:` with their offsets. Parsed with `yaml` (it keeps every node's
 * offsets, so a key in a value can be reported where it is); a file that is not valid YAML
 * gives nothing rather than a guess.
 */
import { dirname, resolve } from "node:path";
import type * as Yaml from "yaml";
import type { Node } from "yaml";
import type { TextRange } from "../finding";

let yamlLibrary: typeof Yaml | undefined;
/** Loaded on the first compose file: most lint runs meet none, and `yaml` costs ~70 ms to load. */
function yaml(): typeof Yaml {
  return (yamlLibrary ??= require("yaml") as typeof Yaml);
}

export interface ComposeBuild {
  service: string;
  /** Absolute folder of the build context. */
  context: string;
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
}

export interface ComposeVariable {
  service: string;
  name: string;
  value: string;
  valueRange: TextRange;
}

export interface ComposeFile {
  builds: ComposeBuild[];
  variables: ComposeVariable[];
}

export { isComposeFileName } from "./file-names";

export function parseComposeFile(file: string, text: string): ComposeFile {
  const result: ComposeFile = { builds: [], variables: [] };
  let services: unknown;
  try {
    const doc = yaml().parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) return result;
    services = doc.get("services", true);
  } catch {
    return result;
  }
  if (!yaml().isMap(services)) return result;
  const dir = dirname(resolve(file));
  for (const pair of services.items) {
    const service = yaml().isScalar(pair.key) ? String(pair.key.value) : "";
    if (!yaml().isMap(pair.value)) continue;
    const build = pair.value.get("build", true);
    const built = buildOf(service, build, dir);
    if (built) result.builds.push(built);
    result.variables.push(...environmentOf(service, pair.value.get("environment", true)));
  }
  return result;
}

function buildOf(service: string, build: unknown, dir: string): ComposeBuild | undefined {
  let context: string | undefined;
  let dockerfile = "Dockerfile";
  if (yaml().isScalar(build) && typeof build.value === "string") context = build.value;
  else if (yaml().isMap(build)) {
    const value = build.get("context");
    context = typeof value === "string" ? value : ".";
    const named = build.get("dockerfile");
    if (typeof named === "string") dockerfile = named;
    // An inline Dockerfile (`dockerfile_inline`) or a remote context is not a file on disk here.
    if (build.has("dockerfile_inline")) return undefined;
  }
  if (context === undefined || context.includes("$") || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith("git@")) return undefined;
  const contextDir = resolve(dir, context);
  return { service, context: contextDir, dockerfile: resolve(contextDir, dockerfile) };
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`). */
function environmentOf(service: string, environment: unknown): ComposeVariable[] {
  const found: ComposeVariable[] = [];
  if (yaml().isMap(environment)) {
    for (const pair of environment.items) {
      if (!yaml().isScalar(pair.key) || !yaml().isScalar(pair.value) || typeof pair.value.value !== "string") continue;
      const range = valueRange(pair.value);
      if (range) found.push({ service, name: String(pair.key.value), value: pair.value.value, valueRange: range });
    }
  } else if (yaml().isSeq(environment)) {
    for (const item of environment.items) {
      if (!yaml().isScalar(item) || typeof item.value !== "string") continue;
      const equals = item.value.indexOf("=");
      const range = valueRange(item);
      if (equals <= 0 || !range) continue;
      const value = item.value.slice(equals + 1);
      // Plain or quoted, the value is the end of the scalar's text (escapes aside).
      const end = range.end;
      found.push({ service, name: item.value.slice(0, equals), value, valueRange: { start: Math.max(range.start, end - value.length), end } });
    }
  }
  return found;
}

/** The scalar's characters inside its quotes. */
function valueRange(node: Node): TextRange | undefined {
  if (!node.range || !yaml().isScalar(node)) return undefined;
  const [start, end] = node.range;
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  return quoted ? { start: start + 1, end: end - 1 } : { start, end };
}

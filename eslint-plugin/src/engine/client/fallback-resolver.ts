/**
 * JS stand-in for `oxc-resolver`, the last fallback (./native): when neither the platform's
 * native binary nor oxc-resolver's wasm build loads (the language server ships the wasm build).
 * It knows no package `imports`, no `exports` conditions of non-workspace packages, and no
 * tsconfig extended by package name. Covers what the client graph mostly asks: relative and absolute
 * paths, extensions and `.js`-for-`.ts`, index files, the framework aliases it passes, and
 * tsconfig/jsconfig `paths` + `baseUrl` (with `extends`). Bare package names are not followed.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

interface Options {
  tsconfig?: "auto" | { configFile: string };
  alias?: Record<string, string[]>;
  extensions?: string[];
  extensionAlias?: Record<string, string[]>;
}

interface PathsConfig {
  base: string;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
  baseUrl?: string;
}

export class ResolverFactory {
  private readonly kinds = new Map<string, "file" | "dir" | undefined>();
  private readonly configs = new Map<string, PathsConfig | undefined>();

  constructor(private readonly options: Options = {}) {}

  resolveFileSync(file: string, request: string): { path?: string; error?: string } {
    const found = this.resolveRequest(dirname(file), request);
    return found ? { path: found } : { error: `Cannot find module '${request}'` };
  }

  clearCache(): void {
    this.kinds.clear();
    this.configs.clear();
  }

  private resolveRequest(dir: string, request: string): string | undefined {
    for (const [key, targets] of Object.entries(this.options.alias ?? {})) {
      if (request === key || request.startsWith(`${key}/`)) {
        for (const target of targets) {
          const hit = this.asFileOrDir(join(target, request.slice(key.length)));
          if (hit) return hit;
        }
      }
    }
    if (request.startsWith(".") || isAbsolute(request)) return this.asFileOrDir(resolve(dir, request));
    const config = this.options.tsconfig ? this.pathsConfig(dir) : undefined;
    if (config) {
      for (const entry of config.paths) {
        const matches = entry.wildcard
          ? request.startsWith(entry.prefix) && request.endsWith(entry.suffix) && request.length >= entry.prefix.length + entry.suffix.length
          : request === entry.prefix;
        if (!matches) continue;
        const star = entry.wildcard ? request.slice(entry.prefix.length, request.length - entry.suffix.length) : "";
        for (const target of entry.targets) {
          const hit = this.asFileOrDir(resolve(config.base, target.replace("*", star)));
          if (hit) return hit;
        }
      }
      if (config.baseUrl) return this.asFileOrDir(resolve(config.baseUrl, request));
    }
    return undefined;
  }

  private kind(path: string): "file" | "dir" | undefined {
    if (this.kinds.has(path)) return this.kinds.get(path);
    let kind: "file" | "dir" | undefined;
    try {
      const stat = statSync(path);
      kind = stat.isFile() ? "file" : stat.isDirectory() ? "dir" : undefined;
    } catch {
      kind = undefined;
    }
    this.kinds.set(path, kind);
    return kind;
  }

  private asFileOrDir(path: string): string | undefined {
    const extensions = this.options.extensions ?? [".js"];
    const dot = path.lastIndexOf(".");
    const ext = dot > path.lastIndexOf("/") ? path.slice(dot) : "";
    const aliases = this.options.extensionAlias?.[ext];
    if (aliases) {
      for (const alias of aliases) if (this.kind(path.slice(0, dot) + alias) === "file") return path.slice(0, dot) + alias;
    }
    if (this.kind(path) === "file") return path;
    for (const extension of extensions) if (this.kind(path + extension) === "file") return path + extension;
    if (this.kind(path) === "dir") {
      for (const extension of extensions) if (this.kind(join(path, `index${extension}`)) === "file") return join(path, `index${extension}`);
    }
    return undefined;
  }

  /** The nearest tsconfig.json/jsconfig.json at or above `dir` (or the configured one). */
  private pathsConfig(dir: string): PathsConfig | undefined {
    if (this.configs.has(dir)) return this.configs.get(dir);
    let config: PathsConfig | undefined;
    const explicit = typeof this.options.tsconfig === "object" ? this.options.tsconfig.configFile : undefined;
    if (explicit) {
      config = readPaths(explicit, 0);
    } else {
      const file = ["tsconfig.json", "jsconfig.json"].map((name) => join(dir, name)).find((f) => existsSync(f));
      if (file) config = readPaths(file, 0);
      else if (dirname(dir) !== dir && !existsSync(join(dir, "package.json"))) config = this.pathsConfig(dirname(dir));
    }
    this.configs.set(dir, config);
    return config;
  }
}

function readPaths(file: string, depth: number): PathsConfig | undefined {
  let json: { extends?: string | string[]; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
  try {
    json = JSON.parse(stripJsonComments(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
  const dir = dirname(file);
  let inherited: PathsConfig | undefined;
  const parent = Array.isArray(json.extends) ? json.extends[0] : json.extends;
  if (parent && depth < 5 && parent.startsWith(".")) {
    inherited = readPaths(resolve(dir, parent.endsWith(".json") ? parent : `${parent}.json`), depth + 1);
  }
  const options = json.compilerOptions ?? {};
  const baseUrl = options.baseUrl !== undefined ? resolve(dir, options.baseUrl) : inherited?.baseUrl;
  if (!options.paths) return inherited ?? (baseUrl ? { base: baseUrl, paths: [], baseUrl } : undefined);
  const base = baseUrl ?? dir;
  const paths = Object.entries(options.paths).map(([pattern, targets]) => {
    const star = pattern.indexOf("*");
    return star === -1
      ? { prefix: pattern, suffix: "", wildcard: false, targets }
      : { prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1), wildcard: true, targets };
  });
  return { base, paths, baseUrl };
}

/** tsconfig files allow comments and trailing commas. Strings are kept intact. */
function stripJsonComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      out += text.slice(start, i + 1);
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i + 2);
      if (i === -1) break;
      i++;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, "$1");
}

/**
 * npm / yarn / pnpm workspaces: an app in `apps/web` importing `@acme/ai` gets that package's
 * source, so a secret read there reaches the browser like one in the app. Packages are found
 * from the root's `workspaces` (package.json) or `pnpm-workspace.yaml`, and an import resolves
 * through the package's `exports` / `source` / `module` / `main` / `types`, mapped back to its
 * source when those point at a build folder that is not there (or at `.d.ts`). Plain file system
 * reads only: the extension's stand-in for oxc-resolver needs no extra feature for this.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface WorkspacePackage {
  name: string;
  dir: string;
  /** Names of its dependencies (all kinds). */
  dependencies: Set<string>;
  manifest: Record<string, unknown>;
}

export interface Workspace {
  root: string;
  packages: Map<string, WorkspacePackage>;
}

/** How far above an app the workspace root may sit, and how deep `**` patterns go. */
const MAX_UP = 8;
const MAX_GLOB_DEPTH = 4;
const MAX_PACKAGES = 2000;
const CONDITIONS = ["source", "browser", "import", "module", "default", "require", "node", "types"];
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".jsx", ".mjs", ".cjs", ".cts"];

const byDir = new Map<string, Workspace | null>();
/**
 * resolveWorkspaceImport's answers per workspace: they depend on the specifier only, and every
 * folder of every app asks again (each probe is a few stats of files that mostly do not exist).
 */
const importsOf = new WeakMap<Workspace, Map<string, string | undefined>>();

export function clearWorkspaceCache(): void {
  byDir.clear();
}

/** The workspace `dir` belongs to (found from any folder inside it), or undefined. */
export function workspaceOf(dir: string): Workspace | undefined {
  let current = path.resolve(dir);
  const visited: string[] = [];
  for (let i = 0; i <= MAX_UP; i++) {
    const cached = byDir.get(current);
    if (cached !== undefined) {
      for (const seen of visited) byDir.set(seen, cached);
      return cached ?? undefined;
    }
    visited.push(current);
    const patterns = workspacePatterns(current);
    if (patterns) {
      const workspace = { root: current, packages: listPackages(current, patterns) };
      for (const seen of visited) byDir.set(seen, workspace);
      return workspace;
    }
    if (fs.existsSync(path.join(current, ".git"))) break;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const seen of visited) byDir.set(seen, null);
  return undefined;
}

/** Per workspace: package by folder, and the answer per folder asked (every import target asks). */
const packageLookups = new WeakMap<Workspace, { byPackageDir: Map<string, WorkspacePackage>; byFolder: Map<string, WorkspacePackage | null> }>();

/**
 * The workspace package holding `file`, if any: the innermost package folder above it, found by
 * walking up its folders (a map lookup each) rather than testing every package of the workspace.
 */
export function packageOfFile(workspace: Workspace, file: string): WorkspacePackage | undefined {
  let lookup = packageLookups.get(workspace);
  if (!lookup) {
    const byPackageDir = new Map<string, WorkspacePackage>();
    for (const pkg of workspace.packages.values()) byPackageDir.set(pkg.dir, pkg);
    packageLookups.set(workspace, (lookup = { byPackageDir, byFolder: new Map() }));
  }
  const folder = path.dirname(file);
  const known = lookup.byFolder.get(folder);
  if (known !== undefined) return known ?? undefined;
  let found: WorkspacePackage | undefined;
  for (let dir = folder; !found; ) {
    found = lookup.byPackageDir.get(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  lookup.byFolder.set(folder, found ?? null);
  return found;
}

/** `@acme/ai` or `@acme/ai/server` → a source file of that workspace package, or undefined. */
export function resolveWorkspaceImport(workspace: Workspace, specifier: string): string | undefined {
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) return undefined;
  let known = importsOf.get(workspace);
  if (!known) importsOf.set(workspace, (known = new Map()));
  if (known.has(specifier)) return known.get(specifier);
  const found = workspaceImportOnDisk(workspace, specifier);
  known.set(specifier, found);
  return found;
}

/** Forget resolved imports (a graph rebuilds after a file changed: a package may have a new entry). */
export function forgetWorkspaceImports(workspace: Workspace): void {
  importsOf.delete(workspace);
}

function workspaceImportOnDisk(workspace: Workspace, specifier: string): string | undefined {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  const pkg = workspace.packages.get(name);
  if (!pkg) return undefined;
  const subpath = specifier.slice(name.length) ? `.${specifier.slice(name.length)}` : ".";
  const targets: string[] = [];
  const exportsField = pkg.manifest.exports;
  if (exportsField !== undefined) targets.push(...exportTargets(exportsField, subpath));
  if (subpath === ".") {
    for (const field of ["source", "module", "main", "types", "typings"]) {
      const value = pkg.manifest[field];
      if (typeof value === "string") targets.push(value);
    }
    targets.push("./src/index", "./index");
  } else {
    targets.push(subpath, `./src/${subpath.slice(2)}`);
  }
  for (const target of targets) {
    const found = sourceFileFor(path.resolve(pkg.dir, target), pkg.dir);
    if (found) return found;
  }
  return undefined;
}

function exportTargets(field: unknown, subpath: string): string[] {
  if (typeof field === "string" || Array.isArray(field)) return subpath === "." ? conditionTargets(field) : [];
  if (!field || typeof field !== "object") return [];
  const map = field as Record<string, unknown>;
  const keys = Object.keys(map);
  // `exports: { import: …, default: … }` is the "." entry written short.
  if (keys.length > 0 && keys.every((key) => !key.startsWith("."))) return subpath === "." ? conditionTargets(map) : [];
  if (map[subpath] !== undefined) return conditionTargets(map[subpath]);
  for (const key of keys) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      return conditionTargets(map[key]).map((target) => target.split("*").join(match));
    }
  }
  return [];
}

/** Every target of a conditional export, in the order a browser bundler prefers them. */
function conditionTargets(value: unknown, depth = 0): string[] {
  if (depth > 6 || value === null || value === undefined) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, depth + 1));
  if (typeof value !== "object") return [];
  const map = value as Record<string, unknown>;
  const ordered = [...CONDITIONS.filter((key) => key in map), ...Object.keys(map).filter((key) => !CONDITIONS.includes(key))];
  return ordered.flatMap((key) => conditionTargets(map[key], depth + 1));
}

/**
 * The source file a package target stands for: the file itself, with an extension, an index
 * file, or (for `dist/index.js`, `index.d.ts` not on disk or only declarations) its `src/` twin.
 */
function sourceFileFor(target: string, pkgDir: string): string | undefined {
  const direct = probe(target);
  if (direct && !/\.d\.[cm]?ts$/.test(direct)) return direct;
  const relative = path.relative(pkgDir, target).split(path.sep);
  const stem = relative.join("/").replace(/\.d\.[cm]?ts$|\.[cm]?[jt]sx?$/, "");
  const built = ["dist", "build", "lib", "out", "esm", "cjs"].includes(relative[0]);
  const candidates = built ? [`src/${stem.split("/").slice(1).join("/")}`, stem.split("/").slice(1).join("/")] : [stem];
  for (const candidate of candidates) {
    const found = probe(path.join(pkgDir, candidate));
    if (found && !/\.d\.[cm]?ts$/.test(found)) return found;
  }
  return undefined;
}

function probe(base: string): string | undefined {
  if (isFile(base)) return base;
  const stem = base.replace(/\.[cm]?js$/, "");
  for (const extension of SOURCE_EXTENSIONS) if (isFile(stem + extension)) return stem + extension;
  for (const extension of SOURCE_EXTENSIONS) if (isFile(path.join(base, `index${extension}`))) return path.join(base, `index${extension}`);
  return undefined;
}

function isFile(file: string): boolean {
  try {
    // Most probes miss: no exception built for each (that cost more than the stat).
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `workspaces: [...]`, `workspaces: { packages: [...] }` (yarn), or pnpm-workspace.yaml's `packages:`. */
function workspacePatterns(dir: string): string[] | undefined {
  const manifest = readJson(path.join(dir, "package.json"));
  const field = manifest?.workspaces;
  const list = Array.isArray(field) ? field : field && typeof field === "object" ? (field as { packages?: unknown }).packages : undefined;
  if (Array.isArray(list)) return list.filter((item): item is string => typeof item === "string");
  let yaml: string;
  try {
    yaml = fs.readFileSync(path.join(dir, "pnpm-workspace.yaml"), "utf8");
  } catch {
    return undefined;
  }
  return pnpmPatterns(yaml);
}

/** The `packages:` list of pnpm-workspace.yaml (block or flow style). */
export function pnpmPatterns(yaml: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const raw of yaml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "");
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      const flow = /\[(.*)\]/.exec(line);
      if (flow) {
        for (const item of flow[1].split(",")) {
          const value = item.trim().replace(/^["']|["']$/g, "");
          if (value) patterns.push(value);
        }
        inPackages = false;
      }
      continue;
    }
    if (/^\S/.test(line)) inPackages = false;
    const item = inPackages ? /^\s*-\s*(.+?)\s*$/.exec(line) : null;
    if (item) patterns.push(item[1].replace(/^["']|["']$/g, ""));
  }
  return patterns;
}

function listPackages(root: string, patterns: string[]): Map<string, WorkspacePackage> {
  const excluded = patterns.filter((pattern) => pattern.startsWith("!")).map((pattern) => globRegex(pattern.slice(1)));
  const dirs = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    for (const dir of expand(root, pattern.replace(/^\.\//, "").replace(/\/$/, "").split("/"), 0)) {
      const rel = path.relative(root, dir).split(path.sep).join("/");
      if (!excluded.some((regex) => regex.test(rel))) dirs.add(dir);
      if (dirs.size >= MAX_PACKAGES) break;
    }
  }
  const packages = new Map<string, WorkspacePackage>();
  for (const dir of [...dirs].sort()) {
    const manifest = readJson(path.join(dir, "package.json"));
    if (!manifest || typeof manifest.name !== "string") continue;
    const dependencies = new Set<string>();
    for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
      const deps = manifest[field];
      if (deps && typeof deps === "object") for (const name of Object.keys(deps)) dependencies.add(name);
    }
    packages.set(manifest.name, { name: manifest.name, dir, dependencies, manifest });
  }
  return packages;
}

/** Folders matching the glob segments below `dir` (`*`, `**`, literal names). */
function expand(dir: string, segments: string[], depth: number): string[] {
  if (segments.length === 0) return fs.existsSync(path.join(dir, "package.json")) ? [dir] : [];
  const [head, ...rest] = segments;
  if (head === "**") {
    const here = expand(dir, rest, depth);
    if (depth >= MAX_GLOB_DEPTH) return here;
    return [...here, ...subdirs(dir).flatMap((child) => expand(child, segments, depth + 1))];
  }
  if (!head.includes("*")) return expand(path.join(dir, head), rest, depth);
  const regex = globRegex(head);
  return subdirs(dir)
    .filter((child) => regex.test(path.basename(child)))
    .flatMap((child) => expand(child, rest, depth + 1));
}

function subdirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}

function globRegex(glob: string): RegExp {
  const body = glob
    .replace(/\/$/, "")
    .split("")
    .map((char) => (char === "*" ? "[^/]*" : /[\\^$.|?+()[\]{}]/.test(char) ? `\\${char}` : char))
    .join("")
    .replace(/\[\^\/\]\*\[\^\/\]\*/g, ".*");
  return new RegExp(`^${body}$`);
}

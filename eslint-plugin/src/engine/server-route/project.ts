/**
 * What kind of app the browser file lives in, and where its server route should go.
 */
import * as path from "node:path";
import { nuxtServerDir } from "./framework-config";
import type { ProjectView } from "./types";

export type RouteConvention = "next-app" | "next-pages" | "vercel-function" | "sveltekit" | "nuxt" | "astro" | "react-router";

export interface ProjectShape {
  root: string;
  convention: RouteConvention;
  /**
   * Folder the route path is relative to: `<root>/app`, `<root>/src/pages`, `<root>` (for api/),
   * `<root>/src/routes` (SvelteKit), Nuxt's server dir (`<root>/server`, `<srcDir>/server` in Nuxt 3),
   * `<root>/app/routes` (Remix / React Router).
   */
  routesDir: string;
  typescript: boolean;
  dependencies: Set<string>;
}

export function findProjectRoot(file: string, project: ProjectView): string {
  let dir = path.dirname(file);
  for (let i = 0; i < 64; i++) {
    if (project.exists(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.dirname(file);
}

export function readDependencies(root: string, project: ProjectView): Set<string> {
  return new Set(dependencyVersions(root, project).keys());
}

/** Each dependency of the package.json at `root`, with the version range it asks for. */
function dependencyVersions(root: string, project: ProjectView): Map<string, string> {
  const versions = new Map<string, string>();
  const text = project.read(path.join(root, "package.json"));
  if (!text) return versions;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
      const deps = json[field];
      if (deps && typeof deps === "object") for (const [name, range] of Object.entries(deps)) versions.set(name, String(range));
    }
  } catch {
    // A broken package.json says nothing about the framework.
  }
  return versions;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Full-stack frameworks with server routes of their own that the fix does not write yet: an
 * `api/` Vercel function would be the wrong place there, so the fix is not offered for them.
 */
const OWN_SERVER_ROUTES = ["expo-router", "@solidjs/start", "@tanstack/react-start", "@angular/ssr"];
/**
 * Desktop apps (Electron, Tauri) have no server a route could run on: their browser side talks
 * to the app's own main process (IPC, Tauri commands), which the fix does not write yet.
 */
const DESKTOP_APPS = ["electron", "electron-vite", "@tauri-apps/api", "@tauri-apps/cli"];

/** Frameworks whose own server routes the fix writes (checked after Next.js). */
const FRAMEWORK_ROUTES: [RouteConvention, string[], string[]][] = [
  ["sveltekit", ["@sveltejs/kit"], ["src", "routes"]],
  ["nuxt", ["nuxt"], ["server"]],
  ["astro", ["astro"], ["src", "pages"]],
  ["react-router", ["@react-router/dev", "@remix-run/react", "@remix-run/node", "@remix-run/dev"], ["app", "routes"]],
];

/** The project has no server route this fix writes: a framework's own routes, or no server at all. */
export function writesNoServerRoute(dependencies: Set<string>): boolean {
  if (DESKTOP_APPS.some((name) => dependencies.has(name))) return true;
  return !dependencies.has("next") && OWN_SERVER_ROUTES.some((name) => dependencies.has(name));
}

/**
 * Next.js: the router the browser file belongs to wins; otherwise the router folder that exists
 * (root `app/` before `src/app/`, as Next.js resolves them); a fresh project gets the App Router.
 * Anything else (Vite, CRA, plain SPA) gets a Vercel-style `api/` function.
 */
export function projectShape(browserFile: string, project: ProjectView, rootHint?: string): ProjectShape | undefined {
  const root = rootHint ?? findProjectRoot(browserFile, project);
  const versions = dependencyVersions(root, project);
  const dependencies = new Set(versions.keys());
  const typescript =
    project.exists(path.join(root, "tsconfig.json")) || dependencies.has("typescript") || /\.[cm]?tsx?$/.test(browserFile);
  const shape = (convention: RouteConvention, routesDir: string): ProjectShape => ({
    root,
    convention,
    routesDir,
    typescript,
    dependencies,
  });
  if (!dependencies.has("next")) {
    const framework = FRAMEWORK_ROUTES.find(([, packages]) => packages.some((name) => dependencies.has(name)));
    if (framework?.[0] === "nuxt") {
      // Nuxt's server/ follows srcDir (Nuxt 3) or serverDir; undecided: no route is written.
      const serverDir = nuxtServerDir(root, project, versions.get("nuxt"));
      return serverDir === undefined ? undefined : shape("nuxt", serverDir);
    }
    return framework ? shape(framework[0], path.join(root, ...framework[2])) : shape("vercel-function", root);
  }

  const candidates: [RouteConvention, string][] = [
    ["next-app", path.join(root, "app")],
    ["next-pages", path.join(root, "pages")],
    ["next-app", path.join(root, "src", "app")],
    ["next-pages", path.join(root, "src", "pages")],
  ];
  for (const [convention, dir] of candidates) if (isInside(browserFile, dir)) return shape(convention, dir);
  for (const [convention, dir] of candidates) if (project.exists(dir)) return shape(convention, dir);
  const srcDir = project.exists(path.join(root, "src")) ? path.join(root, "src") : root;
  return shape("next-app", path.join(srcDir, "app"));
}

export interface RouteLocation {
  file: string;
  /** The URL the browser calls, `/api/ai/<slug>`. */
  url: string;
  slug: string;
}

/** The route file for `slug` (e.g. "openai"), and the URL the browser calls. */
export function routeLocation(shape: ProjectShape, slug: string): RouteLocation {
  const ext = shape.typescript ? "ts" : "js";
  const url = `/api/ai/${slug}`;
  const at = (...parts: string[]) => ({ file: path.join(shape.routesDir, ...parts), url, slug });
  switch (shape.convention) {
    case "next-app":
      return at("api", "ai", slug, `route.${ext}`);
    case "next-pages":
    case "vercel-function":
    case "astro":
      return at("api", "ai", `${slug}.${ext}`);
    case "sveltekit":
      return at("api", "ai", slug, `+server.${ext}`);
    case "nuxt":
      return at("api", "ai", `${slug}.post.${ext}`);
    case "react-router":
      // Flat routes (Remix v2, React Router's flatRoutes()): dots are URL segments.
      return at(`api.ai.${slug}.${ext}`);
  }
}

/** Files (or folders) that would already answer the route's URL. */
function takenBy(shape: ProjectShape, location: RouteLocation): string[] {
  const dir = path.dirname(location.file);
  const exts = ["ts", "js", "mts", "mjs"];
  switch (shape.convention) {
    // App Router and SvelteKit: a taken folder may hold route.js, page.tsx, +page.svelte…
    case "next-app":
    case "sveltekit":
      return [dir];
    case "nuxt":
      return [path.join(dir, location.slug), ...exts.flatMap((ext) => [`${location.slug}.${ext}`, `${location.slug}.post.${ext}`].map((name) => path.join(dir, name)))];
    case "react-router":
      return [path.join(dir, `api.ai.${location.slug}`), ...[...exts, "tsx", "jsx"].map((ext) => path.join(dir, `api.ai.${location.slug}.${ext}`))];
    default:
      return [path.join(dir, location.slug), ...[...exts, "tsx", "jsx", "astro"].map((ext) => path.join(dir, `${location.slug}.${ext}`))];
  }
}

/**
 * Never overwrite: `openai`, then `openai-2`, `openai-3`… until neither the route file nor
 * another router's file for that URL exists.
 */
export function freeRouteLocation(shape: ProjectShape, providerId: string, project: ProjectView): RouteLocation {
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? providerId : `${providerId}-${n}`;
    const location = routeLocation(shape, slug);
    if (!takenBy(shape, location).some((file) => project.exists(file))) return location;
  }
  return routeLocation(shape, `${providerId}-${Date.now()}`);
}

/**
 * Which env files a project's framework says git must ignore, so the required .gitignore
 * entries follow the documentation the user read:
 * - Vite (and the frameworks built on it), Create React App and Next.js document committing
 *   `.env` with non-secret defaults and keeping secrets in `.env.local` / `.env.*.local`:
 *   `.env` is required only when the project's `.env` holds a secret or does not exist yet.
 * - Nuxt reads `.env` only: `.env.local` / `.env.*.local` are never loaded, so not required.
 *   Same for a project whose env loader is plain `dotenv` (its `config()` reads `.env` only).
 * - Anything else: all three are required.
 * The framework counts only when its package.json is the project's own (nearest) one: a
 * `server/` package with its own package.json inside a Vite repository is not a Vite project.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { type FrameworkName, frameworkOf } from "../client/framework";
import { holdsSecrets } from "./env-secrets";
import { derive } from "./file-cache";

const COMMITS_DOTENV = new Set<FrameworkName>(["vite", "cra", "next", "sveltekit", "astro", "remix"]);

/** False when the project's framework says git may commit `file` (an env file, existing or not). */
export function frameworkRequiresIgnoring(file: string, entry: string): boolean {
  const framework = projectFramework(dirname(file));
  if (framework === "nuxt" || (framework === "unknown" && loadsDotenvOnly(dirname(file)))) return entry === ".env";
  if (COMMITS_DOTENV.has(framework) && entry === ".env") {
    // `derive` caches by path + mtime; an unreadable or absent file is treated as holding a secret
    // only when it exists (absent: required, so the next `git add .` after someone creates it is safe).
    return !existsSync(file) || derive(file, "holdsSecrets", (text) => text === undefined || holdsSecrets(text));
  }
  return true;
}

/** The framework of the project whose nearest package.json is in or above `dir`. */
function projectFramework(dir: string): FrameworkName {
  const framework = frameworkOf(join(dir, "package.json"));
  if (framework.name === "unknown") return "unknown";
  return nearestPackageDir(dir) === framework.root ? framework.name : "unknown";
}

/** The project's package.json depends on `dotenv` and on no loader of `.env.local` files. */
function loadsDotenvOnly(dir: string): boolean {
  const packageDir = nearestPackageDir(dir);
  if (!packageDir) return false;
  const manifest = join(packageDir, "package.json");
  return derive(manifest, "loadsDotenvOnly", (text) => {
    try {
      const json = JSON.parse(text ?? "{}") as Record<string, Record<string, string> | undefined>;
      const names = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})]);
      return names.has("dotenv") && !["dotenv-flow", "@next/env", "dotenv-cli", "vite"].some((name) => names.has(name));
    } catch {
      return false;
    }
  });
}

function nearestPackageDir(dir: string): string | undefined {
  for (let current = dir, depth = 0; depth < 40; depth++) {
    if (existsSync(join(current, "package.json"))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

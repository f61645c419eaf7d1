/**
 * What a fix needs to know about the project a file belongs to: where its package.json is,
 * which framework loads its env files, and which env file that framework actually reads.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ProjectFiles } from "./project-files";

export type Framework = "next" | "vite" | "cra" | "vue-cli" | "rsbuild" | "node-dotenv" | "node";

export interface ProjectInfo {
  /** Folder of the nearest package.json (or the file's own folder when there is none). */
  dir: string;
  framework: Framework;
  /** Where a moved key goes: `.env.local` for Next.js/Vite/CRA, `.env` for a Node app (dotenv never reads `.env.local`). */
  envFile: string;
  /** The env-var prefix the framework publishes to the browser, if any. */
  publicPrefix?: string;
}

/** The nearest folder at or above `from` (never above `stopDir`) holding `name`. */
export function findUp(files: ProjectFiles, from: string, name: string, stopDir?: string): string | undefined {
  let dir = from;
  for (;;) {
    if (files.read(join(dir, name)) !== undefined) return dir;
    if (dir === stopDir || isRepoRoot(dir)) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A folder with `.git` is where .gitignore files stop applying. */
export function isRepoRoot(dir: string): boolean {
  return existsSync(join(dir, ".git"));
}

export function projectOf(files: ProjectFiles, file: string, stopDir?: string): ProjectInfo {
  const start = dirname(file);
  const dir = findUp(files, start, "package.json", stopDir) ?? start;
  const framework = frameworkOf(files.read(join(dir, "package.json")));
  const local = framework === "next" || framework === "vite" || framework === "cra" || framework === "vue-cli" || framework === "rsbuild";
  let envFile = join(dir, local ? ".env.local" : ".env");
  // A plain Node project that already keeps .env.local (loaded by its own code) stays with it.
  if (framework === "node" && files.read(envFile) === undefined && files.read(join(dir, ".env.local")) !== undefined) {
    envFile = join(dir, ".env.local");
  }
  const publicPrefix = { next: "NEXT_PUBLIC_", vite: "VITE_", cra: "REACT_APP_", "vue-cli": "VUE_APP_", rsbuild: "PUBLIC_" }[framework as string];
  return { dir, framework, envFile, publicPrefix };
}

function frameworkOf(packageJson: string | undefined): Framework {
  if (!packageJson) return "node";
  let deps: Record<string, unknown> = {};
  try {
    const pkg = JSON.parse(packageJson) as Record<string, Record<string, unknown> | undefined>;
    deps = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies };
  } catch {
    return "node";
  }
  if ("next" in deps) return "next";
  if ("vite" in deps) return "vite";
  if ("react-scripts" in deps) return "cra";
  if ("@vue/cli-service" in deps) return "vue-cli";
  if ("@rsbuild/core" in deps) return "rsbuild";
  if ("dotenv" in deps) return "node-dotenv";
  return "node";
}

/** Env files a project may keep, in the order frameworks load them. */
export const ENV_FILE_NAMES = [
  ".env",
  ".env.local",
  ".env.development",
  ".env.development.local",
  ".env.production",
  ".env.production.local",
  ".env.test",
  ".env.example",
];

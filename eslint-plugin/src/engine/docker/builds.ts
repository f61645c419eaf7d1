/**
 * Which Docker builds a file is part of. A build is a Dockerfile and its context folder:
 * a Dockerfile's own folder (what `docker build .` beside it sends), or what a compose file's
 * `build:` says. Builds are looked for in the file's folder and each parent up to the
 * repository root (without git, at most a few levels), so no workspace walk is needed.
 * The .dockerignore that applies is `<Dockerfile>.dockerignore` beside the Dockerfile when it
 * exists (BuildKit), else `.dockerignore` at the context root.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { derive } from "../gitignore/file-cache";
import { folderEntries } from "../ship/folder-entries";
import { findGitRepo } from "../gitignore/git-repo";
import { type ComposeFile, parseComposeFile } from "./compose";
import { isComposeFileName, isDockerfileName } from "./file-names";

export interface DockerBuild {
  dockerfile: string;
  context: string;
  /** The .dockerignore that applies (it may not exist). */
  ignoreFile: string;
  /** The compose file that defines this build, when one does. */
  composeFile?: string;
}

const LEVELS_WITHOUT_GIT = 4;

export { isDockerfileName } from "./file-names";

export function ignoreFileFor(dockerfile: string, context: string): string {
  const own = `${dockerfile}.dockerignore`;
  return existsSync(own) ? own : join(context, ".dockerignore");
}

/** Every build found from `dir` up: Dockerfiles with their own folder as context, and compose builds. */
export function buildsAround(dir: string): DockerBuild[] {
  const builds = new Map<string, DockerBuild>();
  for (const folder of foldersUp(resolve(dir))) {
    for (const name of folderEntries(folder)) {
      const path = join(folder, name);
      if (isDockerfileName(name)) add(builds, { dockerfile: path, context: folder, ignoreFile: ignoreFileFor(path, folder) });
      else if (isComposeFileName(name)) {
        for (const build of composeFileOf(path)?.builds ?? []) {
          if (!existsSync(build.dockerfile)) continue;
          add(builds, { dockerfile: build.dockerfile, context: build.context, ignoreFile: ignoreFileFor(build.dockerfile, build.context), composeFile: path });
        }
      }
    }
  }
  return [...builds.values()];
}

/** Builds whose context holds `file` (the file's folder or a parent is the context root). */
export function buildsContaining(file: string): DockerBuild[] {
  return buildsAround(dirname(resolve(file))).filter((build) => contextPath(build, file) !== undefined);
}

/** The path of `file` inside the build's context (forward slashes), or undefined outside it. */
export function contextPath(build: DockerBuild, file: string): string | undefined {
  const rel = relative(build.context, resolve(file));
  if (rel === "" || rel.startsWith("..") || rel.includes(":")) return undefined;
  return rel.split(sep).join("/");
}

function add(builds: Map<string, DockerBuild>, build: DockerBuild): void {
  const key = `${build.dockerfile}\0${build.context}`;
  if (!builds.has(key)) builds.set(key, build);
}

function foldersUp(dir: string): string[] {
  const repo = findGitRepo(dir);
  const folders: string[] = [];
  let current = dir;
  for (;;) {
    folders.push(current);
    if (repo ? current === repo.root : folders.length >= LEVELS_WITHOUT_GIT) break;
    const parent = dirname(current);
    if (parent === current || basename(current) === "node_modules") break;
    current = parent;
  }
  return folders;
}

/** A compose file parsed once per run (again when it changes): every env file below it asks. */
function composeFileOf(path: string): ComposeFile | undefined {
  return derive(path, "compose-file", (text) => (text === undefined ? undefined : parseComposeFile(path, text)));
}

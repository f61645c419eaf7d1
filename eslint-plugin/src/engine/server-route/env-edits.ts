/**
 * Puts a server key into `.env.local` and makes sure git ignores it, through the shared fix
 * helpers in engine/fixes (same quoting, line endings and .gitignore logic as "Move key to .env.local").
 */
import * as path from "node:path";
import type { FileEdit } from "../finding";
// The modules, not ../fixes/index: that also loads the rename fix, which needs the client engine.
import { appendLines, formatEntry, readEnvFile } from "../fixes/env-file-text";
import { coverWithGitignore } from "../fixes/gitignore-coverage";
import { chooseName } from "../fixes/move-key-to-env-file";
import type { ProjectView } from "./types";

export interface EnvPlacement {
  /** The env var the route reads (the catalogue's name, or NAME_2… when that one holds another value). */
  name: string;
  edits: FileEdit[];
  note?: string;
}

/**
 * `NAME=value` into `<root>/.env.local` (unless already there) and a .gitignore line if needed.
 * `envFileName`: the file the framework loads in development (Nuxt reads `.env` only).
 */
export function storeKeyInEnvLocal(project: ProjectView, root: string, wanted: string, key: string, envFileName = ".env.local"): EnvPlacement {
  const envFile = path.join(root, envFileName);
  const text = project.read(envFile);
  const entries = text === undefined ? [] : readEnvFile(text).entries;
  const { name, reused } = chooseName(wanted, key, entries);
  const edits: FileEdit[] = [];
  if (!reused) {
    const shape = text === undefined ? { quote: "" as const } : readEnvFile(text);
    edits.push(appendLines(envFile, text, [formatEntry(name, key, shape)]));
  }
  edits.push(...coverWithGitignore(project, envFile, root, name));
  const note = name !== wanted && !reused ? `${wanted} already holds another value in ${envFileName}, so the key is stored as ${name}.` : undefined;
  return { name, edits, note };
}

/**
 * A key that came from a public env var (VITE_, NEXT_PUBLIC_, REACT_APP_…): the server reads it
 * under the catalogue's name. When `.env.local` holds the public name and the server name is free,
 * the line is renamed so the value stops reaching the browser bundle.
 */
export function renamePublicEnvVar(project: ProjectView, root: string, publicName: string, wanted: string, envFileName = ".env.local"): EnvPlacement {
  const envFile = path.join(root, envFileName);
  const text = project.read(envFile);
  if (text === undefined) return { name: wanted, edits: [], note: `Set ${wanted} on the server (it was ${publicName}, which the bundler ships to the browser).` };
  const entries = readEnvFile(text).entries;
  const holder = entries.find((entry) => entry.name === publicName);
  if (entries.some((entry) => entry.name === wanted) || !holder) {
    return { name: wanted, edits: [], note: `Set ${wanted} on the server and delete ${publicName}: the bundler ships ${publicName} to the browser.` };
  }
  const lineStart = lineOffset(text, holder.line);
  const nameStart = text.indexOf(publicName, lineStart);
  return {
    name: wanted,
    edits: [{ kind: "replace", file: envFile, range: { start: nameStart, end: nameStart + publicName.length }, text: wanted }],
    note: `Renamed ${publicName} to ${wanted} in ${envFileName}; rename it in your host's settings too.`,
  };
}

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

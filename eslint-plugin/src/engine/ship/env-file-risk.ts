/**
 * Which env files are worth a report when Docker or npm would ship them. Templates never.
 * A file git tracks was committed on purpose (Vite's `.env` of public settings, a compose
 * folder's defaults): only when it holds a real provider key, commented out or not (the image
 * or tarball ships the file's text, comments included). Otherwise `.env`, `.env.local` and
 * `.env.*.local` (where every framework says keys go) always, and other env files
 * (`.env.production`) when they hold a secret-looking value: a key, or a value under a secret name.
 */
import { basename } from "node:path";
import { isEnvFileName, isEnvTemplateName, isMustIgnoreEnvName } from "../env-files/names";
import { entryKeys } from "../env-files/entry-keys";
import { envFileComments, parseEnvFile } from "../env-files/parse";
// One answer for git, Docker and npm: what a secret is in an env file.
import { holdsSecrets } from "../gitignore/env-secrets";
import { fileGitStatus } from "../gitignore/file-status";
import { scanText } from "../keys";

export function isEnvFileAtRisk(file: string, text: string): boolean {
  const name = basename(file);
  if (!isEnvFileName(name) || isEnvTemplateName(name)) return false;
  if (fileGitStatus(file).tracked === true) return holdsProviderKey(text);
  return isMustIgnoreEnvName(name) || holdsSecrets(text);
}

function holdsProviderKey(text: string): boolean {
  if (parseEnvFile(text).some((entry) => entryKeys(text, entry).length > 0)) return true;
  return envFileComments(text).some((comment) => scanText(text.slice(comment.range.start, comment.range.end)).length > 0);
}

/** Ignore-file entries for the env files nobody commits, in the order KeyFence appends them. */
export function entryNameFor(name: string): ".env" | ".env.local" | ".env.*.local" | undefined {
  if (name === ".env" || name === ".env.local") return name;
  return isMustIgnoreEnvName(name) ? ".env.*.local" : undefined;
}

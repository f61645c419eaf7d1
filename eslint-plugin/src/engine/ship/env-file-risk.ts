/**
 * Which env files are worth a report when Docker or npm would ship them. `.env`, `.env.local`
 * and `.env.*.local` are where every framework says keys go: always. Templates never. Other env
 * files (`.env.production`, which Next.js suggests committing for non-secret defaults) only when
 * they hold a secret-looking value: a provider key, or a value under a secret name.
 */
import { basename } from "node:path";
import { isSecretEnvName } from "../client/env-names";
import { isEnvFileName, isEnvTemplateName, isMustIgnoreEnvName } from "../env-files/names";
import { parseEnvFile } from "../env-files/parse";
import { scanText } from "../keys";

export function isEnvFileAtRisk(file: string, text: string): boolean {
  const name = basename(file);
  if (!isEnvFileName(name) || isEnvTemplateName(name)) return false;
  return isMustIgnoreEnvName(name) || holdsSecrets(text);
}

export function holdsSecrets(text: string): boolean {
  return parseEnvFile(text).some(
    (entry) => entry.value !== "" && (isSecretEnvName(entry.name) || scanText(entry.value, { context: [entry.name] }).length > 0),
  );
}

/** Ignore-file entries for the env files nobody commits, in the order KeyFence appends them. */
export function entryNameFor(name: string): ".env" | ".env.local" | ".env.*.local" | undefined {
  if (name === ".env" || name === ".env.local") return name;
  return isMustIgnoreEnvName(name) ? ".env.*.local" : undefined;
}

/**
 * Findings of `no-shared-env-keys`: the same credential in env files of different environments
 * (`.env.development` and `.env.production`, `.env.local` and `.env.production`), so a leaked
 * development key drains production. Sibling env files are compared by a SHA-256 of each
 * credential value: only digests are kept, values are never held past the parse or printed.
 * A credential is a provider key, or a value of 16+ characters under a secret name that is not
 * made up (the alphabet, `1234567890…`, `your-secret-here`: keys/placeholders.ts).
 */
import { createHash } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { isSecretEnvName } from "../client/env-names";
import { entryKeys } from "../env-files/entry-keys";
import { isEnvFileName, isEnvTemplateName } from "../env-files/names";
import { type EnvEntry, parseEnvFile } from "../env-files/parse";
import type { Finding } from "../finding";
import { derive } from "../gitignore/file-cache";
import { looksMadeUp } from "../keys/placeholders";
import { folderEntries } from "../ship/folder-entries";
import { NO_SHARED_ENV_KEYS_RULE } from "./messages";

/** Environment of an env file by its name; undefined for `.env` (loaded in every environment). */
export function environmentOf(name: string): string | undefined {
  if (!isEnvFileName(name) || isEnvTemplateName(name)) return undefined;
  const parts = name.slice(5).toLowerCase().split(".").filter((part) => part !== "" && part !== "local");
  const mode = parts[0] ?? (name === ".env.local" ? "development" : undefined);
  if (mode === undefined) return undefined;
  return ALIASES[mode] ?? mode;
}

const ALIASES: Record<string, string> = { dev: "development", develop: "development", prod: "production", stage: "staging", preview: "staging", testing: "test" };
const MIN_SECRET_LENGTH = 16;

interface Credential {
  name: string;
  digest: string;
}

export function sharedKeyFindings(file: string, text: string): Finding[] {
  const absolute = resolve(file);
  const environment = environmentOf(basename(absolute));
  if (!environment) return [];
  const own = credentialsWithRanges(text);
  if (own.length === 0) return [];
  const findings: Finding[] = [];
  for (const sibling of siblings(absolute)) {
    const siblingEnvironment = environmentOf(basename(sibling));
    if (!siblingEnvironment || siblingEnvironment === environment) continue;
    const theirs = derive(sibling, "credential-digests", (siblingText) => credentials(siblingText ?? ""));
    for (const { credential, entry } of own) {
      const match = theirs.find((other) => other.digest === credential.digest);
      if (!match) continue;
      findings.push({
        ruleId: NO_SHARED_ENV_KEYS_RULE,
        messageId: "sharedKey",
        data: {
          name: entry.name,
          file: basename(absolute),
          environment,
          otherName: match.name,
          otherFile: basename(sibling),
          otherEnvironment: siblingEnvironment,
        },
        file: absolute,
        range: entry.valueRange,
      });
    }
  }
  return findings;
}

function siblings(file: string): string[] {
  return folderEntries(dirname(file)).filter((name) => name !== basename(file) && isEnvFileName(name)).sort().map((name) => join(dirname(file), name));
}

function credentialsWithRanges(text: string): Array<{ credential: Credential; entry: EnvEntry }> {
  const out: Array<{ credential: Credential; entry: EnvEntry }> = [];
  for (const entry of parseEnvFile(text)) {
    const digest = credentialDigest(text, entry);
    if (digest) out.push({ credential: { name: entry.name, digest }, entry });
  }
  return out;
}

function credentials(text: string): Credential[] {
  return credentialsWithRanges(text).map(({ credential }) => credential);
}

function credentialDigest(text: string, entry: EnvEntry): string | undefined {
  const value = entry.value;
  if (value.length < 8 || value.includes("${")) return undefined;
  const isKey = entryKeys(text, entry).length > 0;
  if (!isKey && !(isSecretEnvName(entry.name) && value.length >= MIN_SECRET_LENGTH && !/\s/.test(value) && !looksMadeUp(value))) return undefined;
  return createHash("sha256").update(value).digest("hex");
}

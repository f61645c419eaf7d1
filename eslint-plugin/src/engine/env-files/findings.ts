/**
 * Keys inside env files. Where a key sits decides whether it is a leak:
 * - a template (`.env.example`, `.env.sample`, `.env.template`, `.env.defaults`…) is committed
 *   on purpose, so a real key there is a hardcoded key;
 * - an env file git tracks, or would commit because nothing ignores it, is the same;
 * - a properly ignored local file (`.env.local`) is where keys belong: no report.
 * Independently of git, a secret-looking name with a public prefix (NEXT_PUBLIC_OPENAI_API_KEY)
 * is inlined into browser code by the bundler, whatever the value.
 */
import { basename } from "node:path";
import { isSecretEnvName, publicPrefixOf, unprefixedName } from "../client/env-names";
import { firebaseConfigKeyNames } from "../client/firebase-config";
import type { Finding } from "../finding";
import { namesReadByCode } from "../fixes/env-name-readers";
import { projectOf } from "../fixes/project";
import { diskFiles } from "../fixes/project-files";
import { type FileGitStatus, fileGitStatus } from "../gitignore/file-status";
import { type KeyMatch, scanText } from "../keys";
import { historyData, keyHistory } from "../key-history/index";
import { revokeUrlFor } from "../providers";
import { entryKeys } from "./entry-keys";
import { ENV_KEYS_RULE, FRAMEWORK_OF_PREFIX } from "./messages";
import { type EnvComment, type EnvEntry, envFileComments, locateInValue, parseEnvFile } from "./parse";

/** Findings of `no-committed-env-keys` for an env file with this text. */
export function envFileKeyFindings(file: string, text: string): Finding[] {
  const entries = parseEnvFile(text);
  const findings: Finding[] = [];
  let status: FileGitStatus | undefined;
  // Which public-prefixed secrets code reads: one walk of the project for all of them, and only
  // when the file has one.
  let readByCode: Set<string> | undefined | null = null;
  // A Firebase web config's apiKey, known by its siblings (`PUBLIC_FB_API_KEY` beside `PUBLIC_FB_AUTH_DOMAIN`…): public by design.
  const firebaseKeys = firebaseConfigKeyNames(entries.map((entry) => entry.name));
  const isPublicSecret = (name: string) => publicSecretName(name) && !firebaseKeys.has(name);
  const isReadByCode = (name: string) => {
    if (readByCode === null) readByCode = namesReadByCodeOf(file, entries.filter((e) => isPublicSecret(e.name)).map((e) => e.name));
    return readByCode === undefined || readByCode.has(name);
  };
  for (const entry of entries) {
    const publicName = isPublicSecret(entry.name) ? publicNameFinding(file, entry, isReadByCode) : undefined;
    if (publicName) findings.push(publicName);
    if (entry.value === "") continue;
    const matches = entryKeys(text, entry);
    if (matches.length === 0) continue;
    // Asked only when a key is found: most env files never need git's view.
    status ??= fileGitStatus(file);
    for (const match of matches) {
      const finding = keyFinding(file, text, entry, match, status);
      if (finding) findings.push(finding);
    }
  }
  for (const comment of envFileComments(text)) {
    const matches = scanText(text.slice(comment.range.start, comment.range.end));
    if (matches.length === 0) continue;
    status ??= fileGitStatus(file);
    for (const match of matches) {
      const finding = commentedKeyFinding(file, comment, match, status);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/**
 * `# GEMINI_API_KEY=…`: a key commented out is still text in every copy of the repository, so
 * it is reported wherever a value would be (template, tracked file, file git would commit); so is
 * one on a line dotenv reads nothing from (`GEMINI_API_KEY:AIza…`).
 */
function commentedKeyFinding(file: string, comment: EnvComment, match: KeyMatch, status: FileGitStatus): Finding | undefined {
  const note = thisCloneNote(status);
  const reason = status.template
    ? "a template meant to be committed"
    : status.tracked === true
      ? "which git tracks, so the key is in the repository's history"
      : status.committable
        ? status.gitProblem
          ? `which no .gitignore covers${note} (git could not be asked whether it already tracks the file: ${status.gitProblem})`
          : `which git would commit${note}`
        : undefined;
  if (!reason) return undefined;
  const revokeUrl = revokeUrlFor(match.provider, match.kind);
  const data: Record<string, string> = { provider: match.provider.name, kind: match.kind.name, key: match.redacted, file: basename(file), path: status.path ?? basename(file), reason, revokeUrl };
  Object.assign(data, historyData(keyHistory(file, match.value, match.redacted), revokeUrl, { envFile: true }));
  const range = { start: comment.range.start + match.start, end: comment.range.start + match.end };
  const remove = { title: comment.unread ? "Delete the line" : "Delete the comment", edits: [{ kind: "replace" as const, file, range: comment.removal, text: "" }] };
  return { ruleId: ENV_KEYS_RULE, messageId: comment.unread ? "keyInUnreadLine" : "keyInComment", data, file, range, fixes: [remove] };
}

function thisCloneNote(status: FileGitStatus): string {
  return status.verdict.thisCloneOnly ? ` (only ${status.verdict.onlyIn ?? ".git/info/exclude"} ignores it, which protects this clone only)` : "";
}

function keyFinding(file: string, text: string, entry: EnvEntry, match: KeyMatch, status: FileGitStatus): Finding | undefined {
  const messageId = status.template
    ? "keyInTemplate"
    : status.tracked === true
      ? "keyInTrackedFile"
      : status.committable
        ? status.gitProblem
          ? "keyTrackingUnknown"
          : "keyNotIgnored"
        : undefined;
  if (!messageId) return undefined;
  const range = locateInValue(text, entry, match.start, match.end);
  const path = status.path ?? basename(file);
  const data = {
    provider: match.provider.name,
    kind: match.kind.name,
    key: match.redacted,
    file: basename(file),
    path,
    name: entry.name,
    gitProblem: status.gitProblem ?? "",
    note: thisCloneNote(status),
    revokeUrl: revokeUrlFor(match.provider, match.kind),
  };
  Object.assign(data, historyData(keyHistory(file, match.value, match.redacted), data.revokeUrl, { envFile: true }));
  const finding: Finding = { ruleId: ENV_KEYS_RULE, messageId, data, file, range };
  if (messageId === "keyInTemplate") {
    finding.fixes = [{ title: `Leave ${entry.name} empty in the template`, edits: [{ kind: "replace", file, range: entry.valueRange, text: "" }] }];
  }
  return finding;
}

function publicSecretName(name: string): boolean {
  return Boolean(publicPrefixOf(name)) && isSecretEnvName(name);
}

function publicNameFinding(file: string, entry: EnvEntry, isReadByCode: (name: string) => boolean): Finding | undefined {
  const prefix = publicPrefixOf(entry.name);
  if (!prefix || !isSecretEnvName(entry.name)) return undefined;
  const bare = unprefixedName(entry.name);
  return {
    ruleId: ENV_KEYS_RULE,
    messageId: "publicSecretName",
    data: { name: entry.name, prefix, bare, unprefixed: bare, framework: FRAMEWORK_OF_PREFIX[prefix] ?? "The bundler" },
    file,
    range: entry.nameRange,
    // One file only (an ESLint suggestion): offered when no code reads the name, or the code
    // would be left reading a variable that is gone. The editor plans the rename across files.
    fixes: isReadByCode(entry.name) ? [] : [{ title: `Rename to ${bare}`, edits: [{ kind: "replace", file, range: entry.nameRange, text: bare }] }],
  };
}

/** The public secrets among `names` that code of the env file's project reads (undefined: unknown). */
function namesReadByCodeOf(envFile: string, names: string[]): Set<string> | undefined {
  const files = diskFiles();
  return namesReadByCode(projectOf(files, envFile).dir, names, files);
}

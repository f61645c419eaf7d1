/**
 * Env files, host-free: keys that sit in env files git commits, and secrets with public prefixes.
 *
 * Entry points (the ESLint rule `no-committed-env-keys`, which sees env files through the
 * KeyFence parser, and the extension call the same functions):
 *   envFileKeyFindings(file, text): Finding[]   keys in templates / tracked / unignored files,
 *                                               public-prefixed secret names
 *   parseEnvFile(text): EnvEntry[]              dotenv's values with name and value offsets
 *   isEnvFileName / isEnvTemplateName / isMustIgnoreEnvName(name): boolean
 *   decodeTextBytes(bytes) / readTextFile(file, maxLength)   UTF-8, or UTF-16 with a BOM
 * Whether git ignores or tracks the file comes from ../gitignore (fileGitStatus).
 */
export { envFileKeyFindings } from "./findings";
export { decodeTextBytes, isUtf16, readTextFile } from "./decode";
export { parseEnvFile, envFileComments, locateInValue, type EnvEntry, type EnvComment } from "./parse";
export { isEnvFileName, isEnvTemplateName, isMustIgnoreEnvName, gitignoreEntryFor, MUST_IGNORE_NAMES, GITIGNORE_ENTRIES } from "./names";
export { envKeyMessages, ENV_KEYS_RULE, FRAMEWORK_OF_PREFIX, type EnvKeyMessageId } from "./messages";

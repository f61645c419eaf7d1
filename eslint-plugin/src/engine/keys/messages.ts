/** Messages of no-hardcoded-keys: the ESLint rule's meta.messages and the extension's text. */
import type { Messages } from "../finding";

export const HARDCODED_KEYS_RULE = "no-hardcoded-keys";

export const hardcodedKeyMessages = {
  hardcodedKey:
    "{{provider}} {{kind}} {{key}} is hardcoded: anyone who can read this code can use it. " +
    "Read it from process.env.{{envVar}} instead, and if it was ever committed or shipped, revoke it at {{revokeUrl}}.",
  useEnvVar: "Read the key from process.env.{{envVar}}",
  removeFallback: "Remove the hardcoded fallback and read {{envRead}} only",
} satisfies Messages;

export type HardcodedKeyMessageId = keyof typeof hardcodedKeyMessages;

/**
 * Messages of no-hardcoded-keys: the ESLint rule's meta.messages and the extension's text.
 * `{{history}}` is what git's history means for the key (engine/key-history/advice.ts).
 */
import type { Messages } from "../finding";

export const HARDCODED_KEYS_RULE = "no-hardcoded-keys";

export const hardcodedKeyMessages = {
  hardcodedKey:
    "{{provider}} {{kind}} {{key}} is hardcoded: anyone who can read this code can use it. " +
    "Read it from process.env.{{envVar}} instead.{{history}}",
  hardcodedInFile:
    "{{provider}} {{kind}} {{key}} is hardcoded in this file: anyone who can read the repository can use it. " +
    "Keep it out of the file: {{advice}}.{{history}}",
  hardcodedFallback:
    "{{provider}} {{kind}} {{key}} is hardcoded as the fallback of {{envRead}}: anyone who can read this code can use it. " +
    "The code already reads {{envRead}}: remove the fallback.{{history}}",
  hardcodedInBrowser:
    "{{provider}} {{kind}} {{key}} is hardcoded in browser code ({{chain}}): every visitor gets it, and an env variable read here would ship it just the same. " +
    "Move the call to {{provider}} to the server (a route handler that reads process.env.{{envVar}}).{{history}}",
  useEnvVar: "Read the key from process.env.{{envVar}}",
  removeFallback: "Remove the hardcoded fallback and read {{envRead}} only",
} satisfies Messages;

export type HardcodedKeyMessageId = keyof typeof hardcodedKeyMessages;

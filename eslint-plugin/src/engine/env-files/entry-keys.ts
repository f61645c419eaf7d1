/**
 * The provider keys in one env entry's value, read as the file holds it: every reader of env files
 * (no-committed-env-keys, env-gitignore's and env-dockerignore's "does it hold a key", no-shared-env-keys)
 * asks this, so they agree on what a key is.
 */
import { type KeyMatch, linesAround, scanText } from "../keys";
import type { EnvEntry } from "./parse";

/**
 * The entry's name says whose key the value is; the lines around the entry say whether it is
 * public by design (a Firebase web config pasted as `apiKey = '…'` / `authDomain = '…'` lines:
 * kOpHAIvU/SE347_Roadmap's tracked client `.env`, batch 111).
 */
export function entryKeys(text: string, entry: EnvEntry): KeyMatch[] {
  if (entry.value === "") return [];
  return scanText(entry.value, { context: [entry.name], around: () => linesAround(text, entry.entryRange.start, entry.entryRange.end) });
}

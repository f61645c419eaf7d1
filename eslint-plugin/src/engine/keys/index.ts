/**
 * CONTRACT (being implemented by the key-detection work; other modules may rely on these
 * exports and signatures): find provider keys in any text.
 */
import type { CredentialKind, Provider } from "../providers/types";

export interface KeyMatch {
  provider: Provider;
  kind: CredentialKind;
  /** Offsets of the key in the scanned text, [start, end). */
  start: number;
  end: number;
  /** The key itself. Never print it: use redactKey(). */
  value: string;
}

export interface ScanOptions {
  /**
   * Words around the text (variable/property name, env var name, SDK, endpoint), lower- or
   * upper-case. Context-needing formats are reported only when one of these names the provider.
   */
  context?: string[];
  /** Extra allow patterns from the user: a match of any of them is not reported. */
  allow?: RegExp[];
}

/** Every real-looking provider key in `text`, placeholders and public-by-design keys excluded. */
export function scanText(text: string, options: ScanOptions = {}): KeyMatch[] {
  void text;
  void options;
  return [];
}

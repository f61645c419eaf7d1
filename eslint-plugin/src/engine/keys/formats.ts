/**
 * Turns the catalogue's format descriptions into matchers. Every regex is linear-time: each
 * quantifier is bounded, literals separate runs, and key boundaries are one-character
 * lookarounds, so a match attempt does a bounded amount of work at each start position.
 */
import { ALPHABET_CLASSES, MIXED_CASE_ALPHABETS } from "../providers/alphabets";
import { providers } from "../providers";
import type { CredentialKind, KeyFormat, Provider, Segment } from "../providers/types";

export interface CompiledFormat {
  provider: Provider;
  kind: CredentialKind;
  format: KeyFormat;
  /** The leading literal ("sk-proj-"), shown when the key is redacted; "" when none. */
  prefix: string;
  /** A literal every match contains, checked with `includes` before the regex runs; "" = none. */
  anchor: string;
  /**
   * A spanning format with no anchor whose key needs its provider named nearby (fal's
   * `<uuid>:<32 hex>`): one of the provider's words as a word of the text (`FAL_KEY`, `falKey`,
   * `createFal`, `fal.run`; not "false"), tested before the regex runs over the whole text.
   * Without it that regex ran over every file: 41–55 ms over vercel/ai's 506 files, against 2 ms.
   */
  contextGate?: RegExp;
  /**
   * A literal of 5+ characters inside the key after its prefix (OpenAI's "T3BlbkFJ"), "" = none:
   * a format with a prefix and a marker is found even with characters glued before its prefix.
   */
  marker: string;
  /** All matches in a text (global; reset lastIndex before use). */
  regex: RegExp;
  /** The whole string is one key. */
  exact: RegExp;
  /** The key's random part is drawn from one alphabet with both cases (checked by the filters). */
  mixedCase: boolean;
  /** The key's random part is hex only. */
  hexOnly: boolean;
  /** Position in the catalogue: earlier wins a tie between context-only formats. */
  order: number;
  /** Shortest and longest match. */
  minLength: number;
  maxLength: number;
  /**
   * The format may contain characters that never occur in a key token (a PEM's spaces and line
   * breaks): it is found with `anchor` + `regex` over the whole text instead of token by token.
   */
  spansTokens: boolean;
}

/** Characters of key tokens: every alphabet, plus "." and "=" that keys may end next to. */
export const TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/.=-";
const TOKEN_SET = new Set(TOKEN_CHARS);

/**
 * Characters that continue a key-like token. A key must not be preceded or followed by one, so
 * `chatcmpl-<32 alnum>`, `sha384-<base64>` and a 40-hex SHA inside a URL path are not keys.
 * A raw `\n`/`\r`/`\t` escape before the key counts as a boundary (keys inside JSON strings).
 */
const BEFORE = String.raw`(?:(?<![A-Za-z0-9_+/.\-])|(?<=\\[nrt]))`;
const AFTER = String.raw`(?![A-Za-z0-9_+/=\-]|\.[A-Za-z0-9])`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\\-\/]/g, "\\$&");
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[\-^]/g, "\\$&").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

function segmentSource(segment: Segment): string {
  if ("literal" in segment) return escapeRegex(segment.literal);
  const cls = "chars" in segment ? ALPHABET_CLASSES[segment.chars] : escapeClass(segment.oneOf);
  const count = "length" in segment ? `{${segment.length}}` : `{${segment.min},${segment.max}}`;
  return `[${cls}]${count}`;
}

function formatSource(format: KeyFormat): string {
  return format.segments.map(segmentSource).join("");
}

function segmentLength(segment: Segment, bound: "min" | "max"): number {
  if ("literal" in segment) return segment.literal.length;
  return "length" in segment ? segment.length : segment[bound];
}

function literals(format: KeyFormat): string[] {
  return format.segments.flatMap((segment) => ("literal" in segment ? [segment.literal] : []));
}

/** Each of the provider's words as a word: `fal`, `Fal`, `FAL` not followed by a letter of their own case. */
function contextGate(provider: Provider): RegExp | undefined {
  if (provider.contextWords.length === 0) return undefined;
  const forms = provider.contextWords.flatMap((word) => {
    const lower = escapeRegex(word.toLowerCase());
    const capital = escapeRegex(word[0].toUpperCase() + word.slice(1).toLowerCase());
    return [`${lower}(?![a-z])`, `${capital}(?![a-z])`, `${escapeRegex(word.toUpperCase())}(?![A-Z])`];
  });
  return new RegExp(forms.join("|"));
}

function compile(provider: Provider, kind: CredentialKind, format: KeyFormat, order: number): CompiledFormat {
  const source = formatSource(format);
  const first = format.segments[0];
  const prefix = first && "literal" in first ? first.literal : "";
  const anchor = literals(format).reduce((longest, literal) => (literal.length > longest.length ? literal : longest), "");
  const runs = format.segments.filter((segment): segment is Extract<Segment, { chars: unknown }> => "chars" in segment);
  return {
    provider,
    kind,
    format,
    prefix,
    anchor: anchor.length >= 3 ? anchor : "",
    contextGate: anchor.length < 3 && !kind.selfIdentifying ? contextGate(provider) : undefined,
    marker: (prefix && literals(format).slice(1).find((literal) => literal.length >= 5)) || "",
    regex: new RegExp(`${BEFORE}${source}${AFTER}`, "g"),
    exact: new RegExp(`^${source}$`),
    mixedCase: runs.length > 0 && runs.every((segment) => MIXED_CASE_ALPHABETS.has(segment.chars)) && new Set(runs.map((r) => r.chars)).size === 1,
    hexOnly: runs.length > 0 && runs.every((segment) => segment.chars === "hexLower" || segment.chars === "hex"),
    order,
    minLength: format.segments.reduce((sum, segment) => sum + segmentLength(segment, "min"), 0),
    maxLength: format.segments.reduce((sum, segment) => sum + segmentLength(segment, "max"), 0),
    spansTokens: format.segments.some(
      (segment) => !("chars" in segment) && [..."literal" in segment ? segment.literal : segment.oneOf].some((c) => !TOKEN_SET.has(c)),
    ),
  };
}

function compileAll(list: readonly Provider[]): CompiledFormat[] {
  const compiled: CompiledFormat[] = [];
  for (const provider of list) {
    for (const kind of provider.kinds) {
      for (const format of kind.formats) compiled.push(compile(provider, kind, format, compiled.length));
    }
  }
  return compiled;
}

/** Every format in the catalogue, compiled once per process. */
export const compiledFormats: readonly CompiledFormat[] = compileAll(providers);

/**
 * How the scanner finds each format: token formats by exact length (most formats have one
 * length), ranged token formats by [min, max], and the few formats that span tokens by anchor.
 */
export const formatIndex = (() => {
  const byLength = new Map<number, CompiledFormat[]>();
  const ranged: CompiledFormat[] = [];
  const spanning: CompiledFormat[] = [];
  let shortest = Infinity;
  let longest = 0;
  for (const compiled of compiledFormats) {
    if (compiled.spansTokens) {
      spanning.push(compiled);
      continue;
    }
    shortest = Math.min(shortest, compiled.minLength);
    longest = Math.max(longest, compiled.maxLength);
    if (compiled.minLength === compiled.maxLength) {
      const list = byLength.get(compiled.minLength) ?? [];
      list.push(compiled);
      byLength.set(compiled.minLength, list);
    } else {
      ranged.push(compiled);
    }
  }
  // Formats found with characters glued before their prefix (./scan), and the reach of their markers.
  const marked = compiledFormats.filter((compiled) => compiled.marker && !compiled.spansTokens);
  const markers = [...new Set(marked.map((compiled) => compiled.marker))];
  const markedShortest = Math.min(...marked.map((compiled) => compiled.minLength));
  const markedLongest = Math.max(...marked.map((compiled) => compiled.maxLength));
  return { byLength, ranged, spanning, shortest, longest, marked, markers, markedShortest, markedLongest };
})();

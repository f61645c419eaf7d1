/**
 * no-hardcoded-keys, host-free. Entry point:
 *
 *   findHardcodedKeys(source: SourceFile, options?: HardcodedKeysOptions) → Finding[]
 *
 * Text first: the file's text is scanned once (./scan.ts); the AST is consulted only around
 * candidates, to learn whether the key is in a string or comment, what names it (context for
 * generic formats), whether it is public by design, and how to fix it.
 */
import type { SourceFile } from "../ast";
import type { Finding } from "../finding";
import { envVarFor, nameWords, revokeUrlFor } from "../providers";
import { astContext } from "./hardcoded-keys/ast-context";
import { fixPlans } from "./hardcoded-keys/fixes";
import { fileIsIgnored } from "./hardcoded-keys/ignore-files";
import { isModuleSpecifier, locateKey, type KeyPlace } from "./hardcoded-keys/locate";
import { DEFAULT_CONTEXT_WINDOW, findKeyCandidates, settleCandidates, type KeyCandidate, type KeyContext } from "./index";
import { HARDCODED_KEYS_RULE } from "./messages";

export { hardcodedKeyMessages, HARDCODED_KEYS_RULE, type HardcodedKeyMessageId } from "./messages";

export interface HardcodedKeysOptions {
  /** Regular expressions (source strings); a key matching any of them is not reported. */
  allow?: string[];
  /** Globs of files not to check, relative to `cwd` (a pattern without "/" matches any depth). */
  ignoreFiles?: string[];
  /** Directory `ignoreFiles` are relative to (default: process.cwd()). */
  cwd?: string;
}

const allowCache = new Map<string, RegExp[]>();

/** Compiles `allow` once per distinct list; an invalid pattern is a configuration error. */
export function compileAllow(patterns: readonly string[] = []): RegExp[] {
  const cacheKey = JSON.stringify(patterns);
  let compiled = allowCache.get(cacheKey);
  if (!compiled) {
    compiled = patterns.map((pattern) => {
      try {
        return new RegExp(pattern, "u");
      } catch (error) {
        throw new Error(`keyfence/no-hardcoded-keys: invalid "allow" pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`);
      }
    });
    allowCache.set(cacheKey, compiled);
  }
  return compiled;
}

interface Located {
  place: KeyPlace;
  context: ReturnType<typeof astContext> | KeyContext;
}

function windowBefore(text: string, containerStart: number, candidate: KeyCandidate): string {
  const window = candidate.kind.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  return text.slice(Math.max(containerStart, candidate.start - window), candidate.start);
}

export function findHardcodedKeys(source: SourceFile, options: HardcodedKeysOptions = {}): Finding[] {
  if (options.ignoreFiles?.length && fileIsIgnored(source.file, options.ignoreFiles, options.cwd)) return [];
  const allow = compileAllow(options.allow);
  const { text, ast } = source;
  const candidates = findKeyCandidates(text);
  if (candidates.length === 0) return [];

  // Locate each distinct span once; candidates outside strings and comments are dropped.
  const located = new Map<KeyCandidate, Located>();
  const inCode: KeyCandidate[] = [];
  let previous: { start: number; end: number; place: KeyPlace | undefined } | undefined;
  for (const candidate of candidates) {
    const place =
      previous && previous.start === candidate.start && previous.end === candidate.end
        ? previous.place
        : locateKey(ast, candidate.start, candidate.end);
    previous = { start: candidate.start, end: candidate.end, place };
    if (!place) continue;
    if (place.type === "comment") {
      const window = windowBefore(text, place.comment.range[0] + 2, candidate);
      located.set(candidate, { place, context: { own: window ? [nameWords(window)] : [], nearby: [] } });
    } else {
      if (isModuleSpecifier(place.node, place.path)) continue;
      const window = windowBefore(text, place.node.range[0] + 1, candidate);
      located.set(candidate, { place, context: astContext(place.node, place.path, window) });
    }
    inCode.push(candidate);
  }

  const matches = settleCandidates(inCode, (candidate) => located.get(candidate)!.context, allow);
  return matches.map((match) => {
    const { place, context } = located.get(match)!;
    const envVar = envVarFor(match.provider, match.kind);
    const finding: Finding = {
      ruleId: HARDCODED_KEYS_RULE,
      messageId: "hardcodedKey",
      data: {
        provider: match.provider.name,
        kind: match.kind.name,
        key: match.redacted,
        envVar,
        revokeUrl: revokeUrlFor(match.provider, match.kind),
      },
      file: source.file,
      range: { start: match.start, end: match.end },
    };
    if (place.type === "string") {
      const fixes = fixPlans({
        file: source.file,
        text,
        node: place.node,
        parent: place.path[place.path.length - 1],
        grandparent: place.path[place.path.length - 2],
        keyStart: match.start,
        keyEnd: match.end,
        envVar,
        fallbackFor: "fallbackFor" in context ? context.fallbackFor : undefined,
      });
      if (fixes.length > 0) finding.fixes = fixes;
    }
    return finding;
  });
}

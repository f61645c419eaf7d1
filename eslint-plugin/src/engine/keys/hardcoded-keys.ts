/**
 * no-hardcoded-keys, host-free. Entry point:
 *
 *   findHardcodedKeys(source: SourceFile, options?: HardcodedKeysOptions) → Finding[]
 *
 * Text first: the file's text is scanned once (./scan.ts); the AST is consulted only around
 * candidates, to learn whether the key is in a string or comment, what names it (context for
 * generic formats), whether it is public by design, and how to fix it.
 */
import type { SourceFile, TSESTree } from "../ast";
import { formatMessage, type Finding } from "../finding";
import { envVarFor, nameWords, revokeUrlFor, type NameWords } from "../providers";
import type { Provider } from "../providers/types";
import { astContext, type AstContext } from "./hardcoded-keys/ast-context";
import { newUseWalks } from "./hardcoded-keys/use-sites";
import type * as Fixes from "./hardcoded-keys/fixes";
import { fileAdvice } from "./file-advice";
import { fileIsIgnored } from "./hardcoded-keys/ignore-files";
import { hostProviders, importedPackages } from "./hardcoded-keys/imports";
import { commentBlock, isModuleSpecifier, locateKey, type KeyPlace } from "./hardcoded-keys/locate";
import { splitKeyCandidates, splitKeyIn, type SplitKey } from "./hardcoded-keys/split-keys";
import { textFacts } from "../text-facts";
import { codeBlocks, isComponentFile, type CodeBlock } from "../component-code";
import type * as KeyHistory from "../key-history/index";
import { browserChainText } from "../client/index";
import { mayConfirmAny } from "./context";
import { settleCandidates, textBefore, type KeyCandidate, type KeyContext, type KeyMatch } from "./index";
import { HARDCODED_KEYS_RULE, hardcodedKeyMessages } from "./messages";

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
        return new RegExp(pattern);
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
  /** Built on first use: most candidates are self-identifying and never need it. */
  context?: AstContext | KeyContext;
}

function fallbackOf(context: AstContext | KeyContext): AstContext["fallbackFor"] {
  return "fallbackFor" in context ? context.fallbackFor : undefined;
}

/**
 * The finding for one key in a file, the same in code (below) and in the files the extension
 * scans as plain text (YAML, Dockerfiles, shell…): `match` offsets are the file's.
 */
export function hardcodedKeyFinding(file: string, match: KeyMatch): Finding {
  const envVar = envVarFor(match.provider, match.kind);
  const advice = fileAdvice(file, envVar);
  const finding: Finding = {
    ruleId: HARDCODED_KEYS_RULE,
    messageId: advice ? "hardcodedInFile" : "hardcodedKey",
    data: {
      providerId: match.provider.id,
      kindId: match.kind.id,
      provider: match.provider.name,
      kind: match.kind.name,
      key: match.redacted,
      envVar,
      ...(advice ? { advice } : {}),
      revokeUrl: revokeUrlFor(match.provider, match.kind),
    },
    file,
    range: { start: match.start, end: match.end },
  };
  addHistory(finding, match);
  return finding;
}

/**
 * Whether git already holds the key, said in the message (`{{history}}`). Asked per finding
 * only: findings are rare, and the lookup is cached per repository and key.
 */
function addHistory(finding: Finding, match: KeyMatch): void {
  // Loaded with the first finding (git, the gitignore engine): most lint runs find no key.
  const { historyData, keyHistory } = require("../key-history/index") as typeof KeyHistory;
  const history = keyHistory(finding.file, match.value, match.redacted);
  Object.assign(finding.data, historyData(history, finding.data.revokeUrl, { mustRevoke: finding.messageId === "hardcodedInBrowser" }));
}

export function findHardcodedKeys(source: SourceFile, options: HardcodedKeysOptions = {}): Finding[] {
  if (options.ignoreFiles?.length && fileIsIgnored(source.file, options.ignoreFiles, options.cwd)) return [];
  const allow = compileAllow(options.allow);
  const { text } = source;
  const candidates = textFacts(text).keyCandidates();
  const split = splitKeyCandidates(text);
  const plain = candidates.length > 0 && mayConfirmAny(text, candidates);
  if (!plain && !(split.length > 0 && mayConfirmAny(text, split))) return [];
  // Read only now: a host may build the tree when it is first asked for (the workspace scan).
  const ast = source.ast;
  const findings = plain ? keysInText(source, ast, candidates, allow) : [];
  if (split.length > 0) findings.push(...splitKeyFindings(source, ast, split, allow, findings));
  return findings;
}

function keysInText(source: SourceFile, ast: TSESTree.Program, candidates: readonly KeyCandidate[], allow: RegExp[]): Finding[] {
  const { text } = source;

  // Locate each distinct span once; candidates outside strings, comments and a component's
  // markup are dropped.
  const located = new Map<KeyCandidate, Located>();
  const inCode: KeyCandidate[] = [];
  const inMarkup = markupLocator(source);
  let previous: { start: number; end: number; place: KeyPlace | undefined } | undefined;
  for (const candidate of candidates) {
    const place =
      previous && previous.start === candidate.start && previous.end === candidate.end
        ? previous.place
        : (locateKey(ast, candidate.start, candidate.end) ?? inMarkup(candidate.start, candidate.end));
    previous = { start: candidate.start, end: candidate.end, place };
    if (!place) continue;
    if (place.type === "string" && isModuleSpecifier(place.node, place.path)) continue;
    located.set(candidate, { place });
    inCode.push(candidate);
  }

  let fileNames: NameWords[] | undefined;
  let hosts: ReadonlySet<Provider> | undefined;
  // How many candidates may look for where their const or field is used (use-sites.ts), in this analysis.
  const useWalks = newUseWalks();
  const contextOf = (candidate: KeyCandidate): AstContext | KeyContext => {
    const entry = located.get(candidate)!;
    if (entry.context) return entry.context;
    const { place } = entry;
    if (place.type === "comment" || place.type === "markup") {
      const window = textBefore(text, place.type === "comment" ? place.comment.range[0] + 2 : place.start, candidate);
      entry.context = { own: [nameWords(window)], nearby: [] };
      // A config commented out line by line (`// apiKey: "AIza…",` next to `// authDomain: …`):
      // the block's words say whether the key is public by design, as a live object's siblings do.
      if (place.type === "comment") {
        const { comment } = place;
        entry.context.uses = () => [nameWords(commentBlock(text, ast.comments ?? [], comment))];
        // A request commented out (`//   "Authorization": "Bearer …"` under `// fetch("https://open.bigmodel.cn/…"`):
        // the file's provider hosts and imports confirm a key in a credential slot, as in code
        // (Alexwhitee/tarot-3's old Zhipu calls, batch 56).
        if (!candidate.kind.selfIdentifying) {
          entry.context.file = fileNames ??= importedPackages(ast).map(nameWords);
          entry.context.hostProviders = hosts ??= hostProviders(text);
        }
      }
    } else {
      // Skip the opening quote, backtick or `}`; JSX text has no delimiter.
      const contentStart = place.node.range[0] + (place.node.type === "JSXText" ? 0 : 1);
      const window = textBefore(text, contentStart, candidate);
      const context = astContext(place.node, place.path, window, useWalks);
      // The file's imports confirm a context-only key, and say whether a key that may be public
      // by design is (a Maps library's: context.ts isPublicHere).
      if (!candidate.kind.selfIdentifying || candidate.kind.publicPackageWords) context.file = fileNames ??= importedPackages(ast).map(nameWords);
      if (!candidate.kind.selfIdentifying) context.hostProviders = hosts ??= hostProviders(text);
      entry.context = context;
    }
    return entry.context;
  };
  const matches = settleCandidates(inCode, contextOf, allow);
  return matches.map((match) => {
    const { place } = located.get(match)!;
    const finding = hardcodedKeyFinding(source.file, match);
    const envVar = finding.data.envVar;
    if (place.type === "string") {
      const { fixPlans } = require("./hardcoded-keys/fixes") as typeof Fixes;
      const fixes = fixPlans({
        file: source.file,
        text,
        node: place.node,
        parent: place.path[place.path.length - 1],
        grandparent: place.path[place.path.length - 2],
        keyStart: match.start,
        keyEnd: match.end,
        envVar,
        fallbackFor: fallbackOf(contextOf(match)),
      });
      if (fixes.length > 0) finding.fixes = fixes;
    }
    if (place.type !== "comment") {
      rewordForCode(finding, source, fallbackOf(contextOf(match)));
      if (finding.messageId === "hardcodedInBrowser") addHistory(finding, match);
    }
    return finding;
  });
}

/**
 * Keys split into literals joined with `+` (./hardcoded-keys/split-keys): reported over the
 * whole span, with the usual context rules; the fix replaces the expression when it is nothing
 * but the key. A span already reported (a key inside one literal) is not reported again.
 */
function splitKeyFindings(source: SourceFile, ast: TSESTree.Program, split: KeyCandidate[], allow: RegExp[], reported: Finding[]): Finding[] {
  const places = new Map<KeyCandidate, SplitKey>();
  for (const candidate of split) {
    if (reported.some((finding) => finding.range.start < candidate.end && candidate.start < finding.range.end)) continue;
    const place = splitKeyIn(ast, candidate);
    if (place) places.set(candidate, place);
  }
  let fileNames: NameWords[] | undefined;
  let hosts: ReadonlySet<Provider> | undefined;
  const useWalks = newUseWalks();
  const contextOf = (candidate: KeyCandidate): AstContext => {
    const { node, path } = places.get(candidate)!;
    const context = astContext(node, path, "", useWalks);
    if (!candidate.kind.selfIdentifying) {
      context.file = fileNames ??= importedPackages(ast).map(nameWords);
      context.hostProviders = hosts ??= hostProviders(source.text);
    }
    return context;
  };
  return settleCandidates([...places.keys()], contextOf, allow).map((match) => {
    const { node, whole } = places.get(match)!;
    const finding = hardcodedKeyFinding(source.file, match);
    if (whole) {
      const title = formatMessage(hardcodedKeyMessages.useEnvVar, finding.data);
      finding.fixes = [{ title, edits: [{ kind: "replace", file: source.file, range: { start: node.range[0], end: node.range[1] }, text: `process.env.${finding.data.envVar}` }], isPreferred: true }];
    }
    rewordForCode(finding, source, undefined);
    if (finding.messageId === "hardcodedInBrowser") addHistory(finding, match);
    return finding;
  });
}

/**
 * A component's markup is text that ships: a key in a Vue or Svelte template, or in an Astro
 * page's HTML, reaches every visitor. The locator says where such a stretch starts (its context
 * window begins there), for a span outside every code block; undefined for anything else.
 */
function markupLocator(source: SourceFile): (start: number, end: number) => KeyPlace | undefined {
  if (!isComponentFile(source.file)) return () => undefined;
  let blocks: CodeBlock[] | undefined;
  return (start, end) => {
    blocks ??= codeBlocks(source.file, source.text).blocks;
    let from = 0;
    for (const block of blocks) {
      if (end <= block.start) break;
      if (start < block.end) return undefined; // in (or across) code: an identifier, a regex…
      from = block.end;
    }
    return { type: "markup", start: from };
  };
}

/**
 * Advice that fits the code: in browser code an env variable ships too, so the key must move
 * to the server; a fallback (`process.env.X ?? "…"`) already reads the variable, so the fix is
 * to remove the fallback.
 */
function rewordForCode(finding: Finding, source: SourceFile, fallback: AstContext["fallbackFor"]): void {
  const { text } = source;
  let chain: string | undefined;
  try {
    chain = browserChainText(source, finding.range.start);
  } catch {
    chain = undefined; // an unreadable project says nothing about the side
  }
  if (chain) {
    finding.messageId = "hardcodedInBrowser";
    finding.data.chain = chain;
    // "Read it from process.env" is no fix in the browser: that plan is not offered here.
    const readEnv = formatMessage(hardcodedKeyMessages.useEnvVar, finding.data);
    const fixes = finding.fixes?.filter((plan) => plan.title !== readEnv);
    if (fixes && fixes.length > 0) finding.fixes = fixes;
    else delete finding.fixes;
  } else if (fallback) {
    finding.messageId = "hardcodedFallback";
    finding.data.envRead = text.slice(fallback.left.range[0], fallback.left.range[1]);
  }
}

/**
 * What the rules ask of a file's text before they look at its tree: the key-format candidates
 * it holds, and where (if anywhere) it first mentions an env read, a server-only marker, an AI
 * host or a provider SDK. A rule that finds no such evidence stops there.
 *
 *   textFacts(text)              → TextFacts, computed lazily, once per text
 *   supplyTextFacts(text, facts) an editor that kept them up to date while typing hands them over
 *   TEXT_PROBES / PROBE_REACH    the probes, for an editor that re-runs them near an edit only
 *
 * Computed once per text, the seven rules ESLint runs on a file share one scan of each kind.
 */
import { authHeaderWords, BROWSER_FLAGS, DIRECT_ACCESS_HEADER, providerHostWords } from "./client/catalogue";
import { findKeyCandidates, type KeyCandidate } from "./keys/index";
import { providers } from "./providers";

export interface TextFacts {
  /** Every key-format candidate, sorted (findKeyCandidates). */
  keyCandidates(): readonly KeyCandidate[];
  /** Where `probe` first matches, or -1. */
  evidence(probe: ProbeName): number;
}

/** The longest text a probe's match spans: an edit further away cannot change it. */
export const PROBE_REACH = 256;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A pattern that spans at most PROBE_REACH and has no look-around: it matches the same text wherever a search starts. */
const lazyRegExp = (make: () => RegExp) => {
  let pattern: RegExp | undefined;
  return (text: string) => {
    pattern ??= make();
    return text.search(pattern);
  };
};
/** A pattern of plain words: it matches the same text wherever a search starts (no look-around). */
const lazyPattern = (words: () => readonly string[]) => lazyRegExp(() => new RegExp(words().map(escape).join("|")));

/** Each probe: offset of its first match, -1 for none. A match spans at most PROBE_REACH. */
export const TEXT_PROBES = {
  /**
   * keyfence/no-client-secrets, no-public-secrets, no-logged-keys, no-served-keys: the file may read env vars,
   * also behind a cast or `?.` that never spells `process.env` (`(process as any).env?.X`, `process?.env?.X`:
   * Rustam-gif/vocab's Expo config module). One pattern of the words reads the text once where an
   * `indexOf` per word read it eleven times: 7 against 14 ms over vercel/ai's 506 files (4.3 MB).
   */
  envRead: lazyPattern(() => ["process.env", "import.meta.env", "(import.meta as", "import.meta?.env", "(process as", "process?.env", "$env/", "@env", "react-native-config", "Deno.env", "Bun.env"]),
  /**
   * no-client-secrets: the file may import server-only code (`server-only`, `$app/server`, a
   * `.server` module or folder, `$lib/server`): a module path, not a property such as
   * `this.server.listen()` (which sent every file of a Node server to resolve its imports).
   */
  serverMarker: lazyRegExp(() => /server-only|\$lib\/server|\$app\/server|\.server(?:\.[a-z]{1,6})?["'`]|\.server\//),
  /**
   * no-client-ai-calls: a provider API host, an auth header, a key in a URL's query (`?key=`, the
   * host in an imported const), or a flag that lets an SDK run in the browser.
   */
  aiHost: lazyPattern(() => [...BROWSER_FLAGS.keys(), DIRECT_ACCESS_HEADER, titleCase(DIRECT_ACCESS_HEADER), ...providerHostWords(), ...authHeaderWords(), ...QUERY_KEY_WORDS]),
  /** require-rate-limit: a provider SDK (package or constructor), the AI SDK, or an API host. */
  providerMention: lazyPattern(() => [...AI_SDK_WORDS, ...sdkWords("sdkPackages"), ...sdkWords("sdkConstructors"), ...sdkWords("endpoints")]),
  /**
   * no-client-ai-calls: a provider SDK in use, not only named: imported from its package
   * (`from "openai"`, `from '@ai-sdk/openai/internal'`, `require("openai")`) or a constructor called (`new OpenAI(`,
   * `createOpenAI<`), not a name that ends in one (`function TestGroq(`) nor a closing tag
   * (`<code>ChatOpenAI</code>`). Bounded repeats and no look-around, so an editor can search near
   * an edit. Matches only where providerMention does (its words are among providerMention's).
   */
  sdkUse: lazyRegExp(sdkUsePattern),
} satisfies Record<string, (text: string) => number>;

/** sdkUse's pattern (ai-calls.ts runs it again over every match, to leave out type-only imports). */
export function sdkUsePattern(): RegExp {
  const packages = sdkWords("sdkPackages").map(escape).join("|");
  const constructors = sdkWords("sdkConstructors").map(escape).join("|");
  // The character before a constructor is consumed, not looked behind: one that ends a longer
  // name (`TestGroq(`) is no call. (A constructor is never a file's first character.)
  return new RegExp(`(?:from\\s{0,20}|require\\s{0,20}\\(\\s{0,20})["'](?:${packages})(?:/[^"'\r\n]{0,100})?["']|[^\\w$](?:${constructors})\\s{0,40}(?:\\(|<[^/])`);
}

/** `anthropic-dangerous-direct-browser-access` → `Anthropic-Dangerous-Direct-Browser-Access`, as HTTP docs spell headers. */
const titleCase = (header: string) => header.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());

/** A key sent in a URL's query, as Gemini's REST API takes it (ai-calls' QUERY_KEY). */
const QUERY_KEY_WORDS = ["?key=", "&key=", "?api_key=", "&api_key=", "?apikey=", "&apikey="];

/** The AI SDK's and TanStack AI's own packages: they name no provider (a model comes from one that does). */
const AI_SDK_WORDS = ['"ai"', "'ai'", '"@tanstack/ai"', "'@tanstack/ai'"];

function sdkWords(kind: "sdkPackages" | "sdkConstructors" | "endpoints"): string[] {
  const words = new Set<string>();
  for (const provider of providers) for (const word of provider[kind] ?? []) words.add(kind === "endpoints" ? word.replace(/^\*[.-]?/, "") : word);
  return [...words].filter((word) => word.length >= 2 && word.length <= PROBE_REACH / 2);
}

export type ProbeName = keyof typeof TEXT_PROBES;
export const PROBE_NAMES = Object.keys(TEXT_PROBES) as ProbeName[];

/** Facts computed on first use; `known` ones (from an editor) are taken as given. */
export class LazyTextFacts implements TextFacts {
  private candidates: readonly KeyCandidate[] | undefined;
  private readonly found: Partial<Record<ProbeName, number>>;

  constructor(
    readonly text: string,
    known: { keyCandidates?: readonly KeyCandidate[]; evidence?: Partial<Record<ProbeName, number>> } = {},
  ) {
    this.candidates = known.keyCandidates;
    this.found = { ...known.evidence };
  }

  keyCandidates(): readonly KeyCandidate[] {
    return (this.candidates ??= findKeyCandidates(this.text));
  }

  evidence(probe: ProbeName): number {
    return (this.found[probe] ??= TEXT_PROBES[probe](this.text));
  }

  /** What is known without computing anything more. */
  known(): { keyCandidates?: readonly KeyCandidate[]; evidence: Partial<Record<ProbeName, number>> } {
    return { keyCandidates: this.candidates, evidence: { ...this.found } };
  }
}

// The last few texts: ESLint asks once per rule for the file it is on; an editor supplies the
// facts of the text it is about to analyse. (A Map hashes a string once and keeps the hash.)
const recent = new Map<string, LazyTextFacts>();
const KEEP = 8;

function remember(text: string, facts: LazyTextFacts): LazyTextFacts {
  recent.delete(text);
  recent.set(text, facts);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value as string);
  return facts;
}

export function textFacts(text: string): LazyTextFacts {
  return recent.get(text) ?? remember(text, new LazyTextFacts(text));
}

export function supplyTextFacts(text: string, facts: LazyTextFacts): void {
  remember(text, facts);
}

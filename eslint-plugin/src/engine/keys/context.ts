/**
 * Deciding whether the words around a match confirm it. Self-identifying formats need no
 * context; context-only formats (Mistral's 32 alnum, Azure's 32 hex…) need their provider named
 * by the slot the key sits in, or named nearby while the slot looks like a credential.
 */
import { contextWord, contextWordsFor, looksLikeCredentialName, nameHasAnyWord, type ContextWord, type NameWords } from "../providers";
import type { CredentialKind, Provider } from "../providers/types";
import type { KeyCandidate } from "./index";

export interface KeyContext {
  /**
   * Names of the slot the key is in: the variable, property, parameter or JSX attribute name,
   * the env var of a `process.env.X ?? "…"` fallback, and the text just before the key in the
   * same string or comment (`MISTRAL_API_KEY=`, `Bearer `).
   */
  own: NameWords[];
  /**
   * Names around the slot: enclosing object/variable names, the SDK constructor or function the
   * value is passed to, sibling property names and URLs. They confirm a context-only key only
   * when the slot itself looks like a credential (`apiKey`, `Authorization`) or has no name.
   */
  nearby: NameWords[];
  /**
   * Names that apply to the whole file: the packages it imports (`@mistralai/mistralai`). They
   * confirm a context-only key only in a slot that looks like a credential (`const apiKey = …`).
   */
  file?: NameWords[];
  /**
   * The providers whose API hosts the file's URLs name (`api.stability.ai`): like `file`, they
   * confirm a context-only key only in a credential slot (`Bearer sk-…` in an Authorization
   * header), worked out once per file (gorkembayraktar/ai-video-creator, batch 46).
   */
  hostProviders?: ReadonlySet<Provider>;
  /**
   * Where the const or class field the key is held in is used: the URLs and calls around each
   * use (hardcoded-keys/use-sites.ts), read only when asked. They only decide whether a key is
   * public by design here.
   */
  uses?: () => NameWords[];
  /**
   * The lines around a key in a text file (HTML, Markdown, an env file), where no tree says which
   * names are its siblings: they only decide whether a key is public by design here (a Firebase web
   * config's `apiKey` with `authDomain` and `messagingSenderId` on the next lines).
   */
  around?: () => NameWords[];
}

const packageWordsCache = new WeakMap<object, ContextWord[]>();

/** A provider's SDK package names, as words (`@ai-sdk/mistral` → "ai sdk mistral"). */
function packageWordsFor(candidate: KeyCandidate): ContextWord[] {
  let words = packageWordsCache.get(candidate.provider);
  if (!words) {
    // Shared packages ("@langchain/community") say nothing about the provider.
    words = (candidate.provider.sdkPackages ?? []).filter((name) => name !== "@langchain/community").map(contextWord);
    packageWordsCache.set(candidate.provider, words);
  }
  return words;
}

type KindWordList = "publicContextWords" | "ownContextWords" | "publicPackageWords";

const kindWordsCache: Record<KindWordList, WeakMap<CredentialKind, ContextWord[]>> = { publicContextWords: new WeakMap(), ownContextWords: new WeakMap(), publicPackageWords: new WeakMap() };

/** A kind's list of context words (`publicContextWords`, `ownContextWords`) as words, read once per kind. */
function kindWords(kind: CredentialKind, list: KindWordList): ContextWord[] {
  let words = kindWordsCache[list].get(kind);
  if (!words) {
    words = (kind[list] ?? []).map(contextWord);
    kindWordsCache[list].set(kind, words);
  }
  return words;
}

function anyNames(names: NameWords[], words: ContextWord[]): boolean {
  for (const name of names) if (nameHasAnyWord(name, words)) return true;
  return false;
}

/** The fields of a Firebase web config beside its `apiKey` (firebase.google.com's snippet). */
const FIREBASE_FIELDS = ["authDomain", "messagingSenderId", "measurementId", "firebaseapp"].map(contextWord);

/** Public by design here: a Firebase web config's apiKey, a Maps browser key, Langfuse pk-lf-. */
export function isPublicHere(candidate: KeyCandidate, context: KeyContext): boolean {
  if (candidate.kind.publicByDesign) return true;
  const words = kindWords(candidate.kind, "publicContextWords");
  if (words.length === 0) return false;
  // Its own name says the provider's model API (`geminiApiKey`), whatever sits beside it.
  if (anyNames(context.own, kindWords(candidate.kind, "ownContextWords")) && !anyNames(context.own, words)) return false;
  if (anyNames(context.own, words) || anyNames(context.nearby, words)) return true;
  // Only a Firebase web config's own fields: a Maps key's word (`maps`) a few lines away says nothing of this key
  // (adnaniftekhar/michi-app's setup notes list a server Places key beside the browser Maps key).
  if (context.around && words.some((word) => word.compact === "firebase") && anyNames(context.around(), FIREBASE_FIELDS)) return true;
  // Held in a const or field whose uses are public ones (a Maps URL) and never the provider's own
  // (a generativelanguage URL): one key used for both is still the provider's.
  const uses = context.uses?.();
  if (uses?.length && anyNames(uses, providerUseWords(candidate.provider))) return false;
  if (uses?.length && anyNames(uses, words)) return true;
  // A file that imports a Maps package and none of the provider's: its keys are that package's
  // (google-maps-react's `GoogleApiWrapper({ apiKey: "AIza…" })`, and an unused const beside it:
  // RJ-Heisenberg/ADU-Planner_rag-a-thon2024, batch 86). Not a Firebase one: `firebase-functions`
  // is a server's (sminju98/myface's Custom Search key, a real finding).
  const packages = kindWords(candidate.kind, "publicPackageWords");
  return !!context.file && packages.length > 0 && anyNames(context.file, packages) && !anyNames(context.file, packageWordsFor(candidate));
}

const useWordsCache = new WeakMap<object, ContextWord[]>();

/** What a use of the provider's own key names: its API hosts and SDK constructors. */
function providerUseWords(provider: KeyCandidate["provider"]): ContextWord[] {
  let words = useWordsCache.get(provider);
  if (!words) {
    words = [...(provider.endpoints ?? []).map((host) => host.replace(/^\*[.-]?/, "")), ...(provider.sdkConstructors ?? [])].map(contextWord);
    useWordsCache.set(provider, words);
  }
  return words;
}

/** Characters spelled by escapes (`\x4d`, `\u004d`, octal) or HTML entities: a name's letters need not be in the text. */
const SPELLED = /\\[xu0-7]|&(?:#|[a-z][a-z0-9]*;)/i;

/**
 * Whether any candidate could be kept, asked of the text alone, before any tree is built. A
 * self-identifying key needs no context. A context-only one (Mistral's 32 alphanumerics) is kept
 * only when a name around it says its provider (`contextConfirms`), and every such name is text
 * of this file: an identifier, a string, a comment, an import path. So when no word that could
 * confirm a candidate occurs in the file, read as names are read (ASCII letters and digits,
 * lower-cased, nothing else), none can be confirmed and the file needs no tree. Words the AST
 * would join across code (`mis${x}tral`, `f(x).tral`) are not looked for: a provider spelled that
 * way is hidden, not named. Text with escapes or entities that spell characters is left to the
 * tree, which reads them.
 *
 * vercel/ai's 495 KB LangGraph fixture has 903 such candidates and no provider word: its tree
 * was most of the workspace scan's parsing for this rule.
 */
export function mayConfirmAny(text: string, candidates: readonly KeyCandidate[]): boolean {
  for (const candidate of candidates) if (candidate.kind.selfIdentifying) return true;
  if (SPELLED.test(text)) return true;
  const compact = text.replace(/[^A-Za-z0-9]+/g, "").toLowerCase();
  const asked = new Set<object>();
  for (const candidate of candidates) {
    const key = candidate.kind.contextWords ? candidate.kind : candidate.provider;
    if (asked.has(key)) continue;
    asked.add(key);
    for (const word of [...contextWordsFor(candidate.provider, candidate.kind), ...packageWordsFor(candidate)]) {
      if (word.compact.length > 0 && compact.includes(word.compact)) return true;
    }
  }
  return false;
}

/** True when the context confirms a context-only candidate (always true for self-identifying ones). */
export function contextConfirms(candidate: KeyCandidate, context: KeyContext): boolean {
  if (candidate.kind.selfIdentifying) return true;
  const words = contextWordsFor(candidate.provider, candidate.kind);
  if (anyNames(context.own, words)) return true;
  const slotNames = context.own.filter((name) => name.compact.length > 0);
  const credentialSlot = slotNames.some(looksLikeCredentialName);
  if (anyNames(context.nearby, words)) return credentialSlot || (slotNames.length === 0 && !candidate.kind.needsCredentialSlot);
  if (!credentialSlot) return false;
  if (context.file && anyNames(context.file, packageWordsFor(candidate))) return true;
  return context.hostProviders?.has(candidate.provider) ?? false;
}

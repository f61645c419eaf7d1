/**
 * Matching names against context words, the way people write names: `mistralApiKey`,
 * `MISTRAL_API_KEY`, `x-mistral-key`, `new Mistral(...)`, `https://api.mistral.ai`.
 * Short words ("hf", "xai", "glm") must be a whole word of the name; longer ones may be a
 * part of a compound ("assemblyai" in `assemblyAiKey`).
 */

/** A name split into lower-case words, padded with spaces: "mistralApiKey" → " mistral api key ". */
export interface NameWords {
  /** " mistral api key " */
  spaced: string;
  /** "mistralapikey" */
  compact: string;
}

const SHORT_WORD = 4;

const enum CharKind {
  Other,
  Lower,
  Upper,
  Digit,
}

function charKind(c: number): CharKind {
  if (c >= 97 && c <= 122) return CharKind.Lower;
  if (c >= 65 && c <= 90) return CharKind.Upper;
  if (c >= 48 && c <= 57) return CharKind.Digit;
  return CharKind.Other;
}

/**
 * One pass over the name: a word ends at a non-alphanumeric character, before an upper-case
 * letter that follows a lower-case letter or digit (`mistralApi`), and before the last capital
 * of an acronym that starts a new word (`XAIKey` → xai key).
 */
export function nameWords(name: string): NameWords {
  let spaced = " ";
  let compact = "";
  // Whether `spaced` ends with a space, kept apart: `spaced.endsWith(" ")` would flatten the string
  // `+=` builds on every call, quadratic over a long name of many words.
  let atSpace = true;
  let previous = CharKind.Other;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const kind = charKind(c);
    if (kind === CharKind.Other) {
      if (!atSpace) spaced += " ";
      atSpace = true;
      previous = kind;
      continue;
    }
    const next = i + 1 < name.length ? charKind(name.charCodeAt(i + 1)) : CharKind.Other;
    const startsWord =
      kind === CharKind.Upper &&
      (previous === CharKind.Lower || previous === CharKind.Digit || (previous === CharKind.Upper && next === CharKind.Lower));
    if (startsWord && !atSpace) spaced += " ";
    const lower = kind === CharKind.Upper ? String.fromCharCode(c + 32) : name[i];
    spaced += lower;
    compact += lower;
    atSpace = false;
    previous = kind;
  }
  if (!atSpace) spaced += " ";
  return { spaced, compact };
}

/** A context word in the same normal form ("xi-api-key" → compact "xiapikey"). */
export interface ContextWord {
  word: string;
  spaced: string;
  compact: string;
}

export function contextWord(word: string): ContextWord {
  const words = nameWords(word);
  return { word, spaced: words.spaced, compact: words.compact };
}

export function nameHasWord(name: NameWords, word: ContextWord): boolean {
  if (word.compact.length === 0) return false;
  if (word.compact.length <= SHORT_WORD) return name.spaced.includes(word.spaced);
  return name.compact.includes(word.compact);
}

export function nameHasAnyWord(name: NameWords, words: readonly ContextWord[]): boolean {
  for (const word of words) if (nameHasWord(name, word)) return true;
  return false;
}

/** Words that make a name look like it holds a credential. */
const CREDENTIAL_WORDS = ["key", "token", "secret", "auth", "pat", "pass", "credential", "credentials", "bearer"].map(
  contextWord,
);
const CREDENTIAL_COMPOUNDS = ["apikey", "authorization", "password", "secret", "token", "credential", "accesskey"];
/** A name's last word that makes it a place on disk: `… path`, `… dir`. */
const LOCATION_LAST_WORD = / (?:path|dir|directory|filepath|folder) $/;

/** True for `apiKey`, `OPENAI_API_KEY`, `Authorization`, `x-api-key`, `hfToken`, `awsSecret`. */
export function looksLikeCredentialName(name: NameWords): boolean {
  if (isTokenCountName(name)) return looksLikeCredentialName(withoutTokenWords(name));
  // Where a key is kept, not the key: `GITHUB_APP_PRIVATE_KEY_PATH`, `sslKeyDir` (orev7s/pr-reviewer logs the path, batch 82).
  if (LOCATION_LAST_WORD.test(name.spaced)) return false;
  if (nameHasAnyWord(name, CREDENTIAL_WORDS)) return true;
  for (const compound of CREDENTIAL_COMPOUNDS) if (name.compact.includes(compound)) return true;
  return false;
}

/** Words that, beside "token(s)", make it a number of a model's tokens, not a credential. */
const TOKEN_COUNT_WORDS = new Set(["max", "min", "num", "number", "limit", "limits", "count", "budget", "usage", "used", "length", "size", "total", "output", "input", "prompt", "completion", "context"]);

/**
 * A number of a model's tokens: `CLAUDE_MAX_TOKENS`, `maxOutputTokens`, `OPENAI_TOKEN_LIMIT`,
 * `tokenizer` (luxtelos/agentic-cpa-poc's `VITE_CLAUDE_MAX_TOKENS`, batch 48, was taken for an
 * Anthropic key). A plural alone stays a credential: `GITHUB_TOKENS` may be a list of them.
 */
export function isTokenCountName(name: NameWords): boolean {
  const words = name.spaced.trim().split(" ");
  if (words.some((word) => word === "tokenizer" || word === "tokenizers")) return true;
  if (!words.some((word) => word === "token" || word === "tokens")) return false;
  return words.some((word) => TOKEN_COUNT_WORDS.has(word));
}

function withoutTokenWords(name: NameWords): NameWords {
  const words = name.spaced.trim().split(" ").filter((word) => !word.startsWith("token"));
  return { spaced: ` ${words.join(" ")} `, compact: words.join("") };
}

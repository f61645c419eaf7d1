/**
 * The provider catalogue (one record per provider in ./catalogue/) and the look-ups other
 * analyses use to recognise a provider from an env var name, an API host or an SDK.
 *
 *   providers                       every Provider record
 *   providerById("groq")            → Provider | undefined
 *   providerForEnvName("GROQ_KEY")  → Provider | undefined (names that hold a credential)
 *   providerForHost("api.groq.com") → Provider | undefined
 *   providerForSdk("groq-sdk" | "Groq") → Provider | undefined (npm package or constructor)
 *   envVarFor / revokeUrlFor / contextWordsFor(provider, kind)
 */
import { catalogue } from "./catalogue";
import { npmSpecifierOf } from "./module-specifier";
import { contextWord, looksLikeCredentialName, nameHasAnyWord, nameWords, type ContextWord } from "./names";
import type { CredentialKind, Provider } from "./types";

export type { Alphabet, CredentialKind, KeyFormat, Provider, Segment } from "./types";
export { ALPHABETS, ALPHABET_CLASSES } from "./alphabets";
export { contextWord, looksLikeCredentialName, nameHasAnyWord, nameHasWord, nameWords } from "./names";
export { npmSpecifierOf } from "./module-specifier";
export type { ContextWord, NameWords } from "./names";

export const providers: readonly Provider[] = catalogue;

const byId = new Map(providers.map((provider) => [provider.id, provider]));

export function providerById(id: string): Provider | undefined {
  return byId.get(id);
}

/** The env var a fix for this kind should read. */
export function envVarFor(provider: Provider, kind?: CredentialKind): string {
  return kind?.envVar ?? provider.envVar;
}

/** Where a leaked key of this kind is revoked. */
export function revokeUrlFor(provider: Provider, kind?: CredentialKind): string {
  return kind?.revokeUrl ?? provider.revokeUrl;
}

const contextCache = new WeakMap<object, ContextWord[]>();

/**
 * The words that confirm a context-only format: the kind's (or provider's) context words plus
 * the provider's env var names, SDK constructors and API hosts, so that `new Mistral(...)`,
 * `MISTRAL_API_KEY` and `api.mistral.ai` all count.
 */
export function contextWordsFor(provider: Provider, kind?: CredentialKind): ContextWord[] {
  const cacheKey = kind?.contextWords ? kind : provider;
  const cached = contextCache.get(cacheKey);
  if (cached) return cached;
  const words = kind?.contextWords
    ? [...kind.contextWords, ...(kind.envVar ? [kind.envVar] : [])]
    : [
        ...provider.contextWords,
        provider.envVar,
        ...(provider.envVarAliases ?? []),
        ...(provider.sdkConstructors ?? []),
        ...(provider.endpoints ?? []).map((host) => host.replace(/^\*[.-]?/, "")),
      ];
  const result = [...new Set(words)].map(contextWord);
  contextCache.set(cacheKey, result);
  return result;
}

/** Frameworks' prefixes that expose an env var to the browser; the provider is in the rest. */
const PUBLIC_ENV_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|GATSBY_|VUE_APP_|NG_APP_|SVELTEKIT_PUBLIC_)/;
/** Names of keys that are public by design (Langfuse/Stripe publishable keys, Firebase web keys). */
const PUBLIC_KEY_NAME = /PUBLIC_KEY|PUBLISHABLE|FIREBASE|ANON_KEY|_PK$/i;

/**
 * An OAuth app's credentials (`GOOGLE_CLIENT_SECRET`, `GITHUB_CLIENT_ID`: sign-in with Google or
 * GitHub) call no model: they are no provider's key. Azure's service principal secret
 * (`AZURE_CLIENT_SECRET`) signs in to Azure OpenAI too, and stays Azure's.
 */
const OAUTH_APP_CREDENTIAL = /(?:^|_)CLIENT_(?:SECRET|ID)(?:_|$)/;

/** Providers whose names contain another's ("AZURE_OPENAI", "GOOGLE_VERTEX") are tried first. */
const MORE_SPECIFIC_FIRST = ["azure-openai", "google-vertex"];
const lookupOrder = [
  ...providers.filter((provider) => MORE_SPECIFIC_FIRST.includes(provider.id)),
  ...providers.filter((provider) => !MORE_SPECIFIC_FIRST.includes(provider.id)),
];

const exactEnvNames = new Map<string, Provider>();
for (const provider of providers) {
  for (const name of [provider.envVar, ...(provider.envVarAliases ?? [])]) exactEnvNames.set(name, provider);
  for (const kind of provider.kinds) {
    if (kind.envVar && !kind.publicByDesign) exactEnvNames.set(kind.envVar, provider);
  }
}
const publicEnvNames = new Set(
  providers.flatMap((provider) => provider.kinds.filter((kind) => kind.publicByDesign && kind.envVar).map((kind) => kind.envVar!)),
);

/**
 * The provider whose credential an env var holds: "OPENAI_API_KEY", "NEXT_PUBLIC_OPENAI_API_KEY",
 * "GROQ_KEY", "MY_MISTRAL_TOKEN" → the provider. Names that do not look like a credential
 * ("OPENAI_BASE_URL") or name a public-by-design key ("LANGFUSE_PUBLIC_KEY") → undefined.
 */
export function providerForEnvName(name: string): Provider | undefined {
  const upper = name.toUpperCase();
  const bare = upper.replace(PUBLIC_ENV_PREFIX, "");
  if (publicEnvNames.has(bare) || PUBLIC_KEY_NAME.test(bare)) return undefined;
  if (OAUTH_APP_CREDENTIAL.test(bare) && !bare.startsWith("AZURE_")) return undefined;
  const exact = exactEnvNames.get(bare) ?? exactEnvNames.get(upper);
  if (exact) return exact;
  const words = nameWords(bare);
  if (!looksLikeCredentialName(words)) return undefined;
  for (const provider of lookupOrder) {
    if (!nameHasAnyWord(words, provider.contextWords.map(contextWord))) continue;
    if (provider.otherServiceWords && nameHasAnyWord(words, provider.otherServiceWords.map(contextWord))) continue;
    return provider;
  }
  return undefined;
}

/** True when `host` is `pattern` or matches its `*` (one or more labels, or a label part). */
function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.includes("*")) return host === pattern || host.endsWith(`.${pattern}`);
  const [head, tail] = pattern.split("*", 2);
  return host.length > head.length + tail.length && host.startsWith(head) && host.endsWith(tail);
}

/** "https://API.groq.com:443/v1?x" → "api.groq.com". */
function hostName(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  const scheme = host.indexOf("://");
  if (scheme >= 0) host = host.slice(scheme + 3);
  return host.replace(/[/?#].*$/s, "").replace(/:\d+$/, "");
}

/** The provider whose API lives at `host` ("api.groq.com", "myres.openai.azure.com", or a URL). */
export function providerForHost(hostOrUrl: string): Provider | undefined {
  const host = hostName(hostOrUrl);
  for (const provider of providers) {
    for (const pattern of provider.endpoints ?? []) if (hostMatches(host, pattern)) return provider;
  }
  return undefined;
}

/**
 * providerForHost, unless no model runs at that host: `api.github.com` is GitHub's (a GitHub token
 * is GitHub Models' key), but a request there reads repositories and spends no model quota.
 */
export function modelProviderForHost(hostOrUrl: string): Provider | undefined {
  const provider = providerForHost(hostOrUrl);
  if (!provider) return undefined;
  const host = hostName(hostOrUrl);
  if (provider.nonModelApis?.hosts?.includes(host)) return undefined;
  const modelPath = provider.modelPaths?.[host];
  const path = modelPath && pathOf(hostOrUrl);
  return path && !modelPath.test(path) ? undefined : provider;
}

/** The path a URL writes after its host ("/client/v4/zones/…"), or undefined for a bare host or a root. */
function pathOf(url: string): string | undefined {
  const scheme = url.indexOf("://");
  const slash = url.indexOf("/", scheme >= 0 ? scheme + 3 : 0);
  if (slash < 0) return undefined;
  const path = url.slice(slash).replace(/[?#].*$/s, "");
  return path.length > 1 ? path : undefined;
}

const bySdk = new Map<string, Provider>();
for (const provider of providers) {
  for (const name of [...(provider.sdkPackages ?? []), ...(provider.sdkConstructors ?? [])]) {
    if (!bySdk.has(name)) bySdk.set(name, provider);
  }
}
// Packages that many providers share say nothing about which one is used.
bySdk.delete("@langchain/community");

/**
 * LangChain's packages that hold every provider's classes: `langchain/chat_models/openai`,
 * `langchain/vectorstores/pinecone` (before the @langchain/* split: 0xNeon-opensource/ts-langchain-exploration,
 * batch 39; DavidWoolner/contract-chat), `@langchain/community/…`. The class says which provider
 * (`ChatOpenAI`, `PineconeStore`).
 */
export function servesManyProviders(pkg: string): boolean {
  // LlamaIndex.TS's umbrella package exports its providers' classes (`OpenAI`, `OpenAIAgent`, `Anthropic`, `Groq`…).
  return pkg === "langchain" || pkg.startsWith("langchain/") || pkg === "@langchain/community" || pkg.startsWith("@langchain/community/") || pkg === "llamaindex";
}

/**
 * The provider of an npm package ("@ai-sdk/mistral", "groq-sdk/resources"), also imported the Deno
 * or CDN way ("npm:openai@4", "https://esm.sh/groq-sdk"), or of an SDK class ("Groq").
 */
export function providerForSdk(specifier: string): Provider | undefined {
  const name = npmSpecifierOf(specifier);
  const direct = bySdk.get(name);
  if (direct) return direct;
  // A subpath import: "openai/resources" → "openai", "@scope/pkg/sub" → "@scope/pkg".
  const parts = name.split("/");
  const packageName = name.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return packageName !== name ? bySdk.get(packageName) : undefined;
}

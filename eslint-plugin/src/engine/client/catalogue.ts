/**
 * The provider catalogue as this area uses it (`engine/providers`): which env names hold a
 * provider's key, which hosts are provider APIs, which SDK constructors build clients.
 */
import { modelProviderForHost, providerForEnvName, providerForHost, providerForSdk, providers } from "../providers";
import type { Provider } from "../providers/types";

export { modelProviderForHost, providerForEnvName, providerForHost, providerForSdk };

export function catalogue(): { providers: readonly Provider[] } {
  return { providers };
}

/**
 * Client options that declare browser use with a key, and the provider a flag names (otherwise
 * the client's): `dangerouslyAllowBrowser` (openai, @anthropic-ai/sdk and the SDKs modelled on
 * them) and `dangerouslyAllowAPIKeyInBrowser` (OpenAI's Realtime API client, `RealtimeClient` of
 * @openai/realtime-api-beta).
 */
export const BROWSER_FLAGS: ReadonlyMap<string, string | undefined> = new Map([
  ["dangerouslyAllowBrowser", undefined],
  ["dangerouslyAllowAPIKeyInBrowser", "OpenAI"],
]);

/** The header that lets Anthropic's API answer a browser directly. */
export const DIRECT_ACCESS_HEADER = "anthropic-dangerous-direct-browser-access";

/** Headers any provider may take its key in; a provider's own ones are its `authHeaders`. */
export const COMMON_AUTH_HEADERS = ["authorization", "x-api-key", "api-key", "xi-api-key", "x-goog-api-key"];

let keyHeaders: ReadonlyMap<string, Provider> | undefined;

/**
 * Headers that name their provider by themselves, lower-cased: each provider's `authHeaders`
 * (`x-key` Black Forest Labs, `x-gladia-key`), ElevenLabs' `xi-api-key` and Gemini's
 * `x-goog-api-key`. A key sent in one is that provider's whatever its env name says.
 */
export function providerKeyHeaders(): ReadonlyMap<string, Provider> {
  if (keyHeaders) return keyHeaders;
  const headers = new Map<string, Provider>();
  for (const provider of providers) for (const header of provider.authHeaders ?? []) headers.set(header.toLowerCase(), provider);
  for (const [header, id] of [["xi-api-key", "elevenlabs"], ["x-goog-api-key", "google-ai"]]) {
    const provider = providers.find((candidate) => candidate.id === id);
    if (provider) headers.set(header, provider);
  }
  return (keyHeaders = headers);
}

/**
 * Words that let no-client-ai-calls look closer at a file: every auth header name as people
 * write it ("api-key" covers x-api-key, xi-api-key, x-goog-api-key, x-hume-api-key…).
 */
export function authHeaderWords(): string[] {
  const words = new Set(["Authorization", "authorization", "api-key", "Api-Key", "API-Key"]);
  for (const provider of providers) for (const header of provider.authHeaders ?? []) words.add(header);
  return [...words];
}

let hostWords: string[] | undefined;

/**
 * Literal pieces of every provider API host, for a cheap "might this file call a provider?" test
 * ("*.openai.azure.com" → ".openai.azure.com"). A hit only means: look closer.
 */
export function providerHostWords(): string[] {
  hostWords ??= [
    ...new Set(
      providers.flatMap((provider) =>
        (provider.endpoints ?? []).map((host) => host.toLowerCase().split("*").sort((a, b) => b.length - a.length)[0]).filter((piece) => piece.length > 4),
      ),
    ),
  ];
  return hostWords;
}

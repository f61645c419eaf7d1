/**
 * The provider catalogue as this area uses it (`engine/providers`): which env names hold a
 * provider's key, which hosts are provider APIs, which SDK constructors build clients.
 */
import { providerForEnvName, providerForHost, providerForSdk, providers } from "../providers";
import type { Provider } from "../providers/types";

export { providerForEnvName, providerForHost, providerForSdk };

export function catalogue(): { providers: readonly Provider[] } {
  return { providers };
}

/** The header that lets Anthropic's API answer a browser directly. */
export const DIRECT_ACCESS_HEADER = "anthropic-dangerous-direct-browser-access";

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

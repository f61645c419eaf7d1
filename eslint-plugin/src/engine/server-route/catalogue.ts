/** The provider catalogue (engine/providers) as this area uses it. */
import { modelProviderForHost, providerById, providerForHost, providerForSdk, providers } from "../providers";

/** The npm package a Deno or CDN import names (`npm:openai@4` → `openai`). */
export { npmSpecifierOf } from "../providers";
import type { Provider } from "../providers/types";

export function knownProviders(): readonly Provider[] {
  return providers;
}

export function findProviderById(id: string): Provider | undefined {
  return providerById(id);
}

/** The provider whose API lives on `host`. */
export function findProviderForHost(host: string): Provider | undefined {
  return providerForHost(host);
}

/** The provider whose models run on `host` (none for a provider's other APIs: `api.github.com`). */
export function findModelProviderForHost(host: string): Provider | undefined {
  return modelProviderForHost(host);
}

/** The provider of an npm package (subpaths included) or an SDK class name. */
export function findProviderForPackage(name: string): Provider | undefined {
  return providerForSdk(name);
}

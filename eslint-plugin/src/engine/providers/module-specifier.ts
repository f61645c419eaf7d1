/**
 * The npm package an import names when it is written for Deno or a CDN rather than as a bare
 * package name. Supabase Edge Functions import SDKs this way (`npm:openai@^4`,
 * `https://esm.sh/@google/generative-ai@0.1.3`), and so do browser pages without a bundler
 * (`https://cdn.jsdelivr.net/npm/openai@4/+esm`): they are the same SDKs and the same calls.
 *
 *   npmSpecifierOf("npm:openai@^4.52.0")                                  → "openai"
 *   npmSpecifierOf("https://esm.sh/v135/@google/generative-ai@0.1.3?target=deno") → "@google/generative-ai"
 *   npmSpecifierOf("https://deno.land/x/openai@v4.24.0/mod.ts")           → "openai"
 *   npmSpecifierOf("jsr:@openai/openai")                                  → "openai"
 *   npmSpecifierOf("openai/resources")                                    → "openai/resources" (as it is)
 *
 * A version is dropped, a subpath kept when it names a module (`npm:openai@4/resources`), a CDN's
 * own build path (`/+esm`, `/dist/index.mjs`) dropped. A URL no registry here maps comes back as
 * it is, and so names no package.
 */

/** CDNs that serve npm packages at `<prefix><name>[@version][/path]`. */
const CDN_PREFIXES = ["esm.sh/", "cdn.skypack.dev/", "cdn.jsdelivr.net/npm/", "unpkg.com/", "esm.run/", "ga.jspm.io/npm:", "jspm.dev/"];
/** Deno modules (`deno.land/x/<name>`) that are the npm package's own Deno build. */
const DENO_MODULES: Readonly<Record<string, string>> = { openai: "openai" };
/** JSR packages that are an npm SDK's own release under another name. */
const JSR_PACKAGES: Readonly<Record<string, string>> = { "@openai/openai": "openai", "@anthropic-ai/sdk": "@anthropic-ai/sdk" };

export function npmSpecifierOf(specifier: string): string {
  // Bare names (nearly every import) have no scheme: one character search and out.
  if (!specifier.includes(":")) return specifier;
  if (specifier.startsWith("npm:")) return withoutVersion(specifier.slice(4).replace(/^\/+/, "")) ?? specifier;
  if (specifier.startsWith("jsr:")) {
    const named = withoutVersion(specifier.slice(4).replace(/^\/+/, ""));
    const name = named && packageName(named);
    return name && JSR_PACKAGES[name] ? JSR_PACKAGES[name] + named.slice(name.length) : specifier;
  }
  const url = /^https?:\/\//.exec(specifier) ? specifier.slice(specifier.indexOf("//") + 2).split(/[?#]/)[0] : undefined;
  if (url === undefined) return specifier;
  if (url.startsWith("deno.land/x/")) {
    const name = url.slice("deno.land/x/".length).split(/[@/]/)[0];
    return DENO_MODULES[name] ?? specifier;
  }
  const prefix = CDN_PREFIXES.find((candidate) => url.startsWith(candidate));
  if (!prefix) return specifier;
  // esm.sh's build-versioned paths: `https://esm.sh/v135/openai@4`, `https://esm.sh/stable/…`.
  const rest = url.slice(prefix.length).replace(/^(?:v\d+|stable)\//, "");
  return withoutVersion(rest) ?? specifier;
}

/** `@scope/name@1.2/sub` → `@scope/name/sub`; a CDN's build file or `+esm` path is dropped. */
function withoutVersion(rest: string): string | undefined {
  const name = packageName(rest);
  if (!name) return undefined;
  const at = name.indexOf("@", 1);
  const bare = at < 0 ? name : name.slice(0, at);
  const path = rest.slice(name.length).replace(/^\/+/, "");
  // A module path (`resources`), not a file or a CDN marker (`+esm`, `dist/index.mjs`, `mod.ts`).
  const keepPath = path !== "" && !path.includes(".") && !path.includes("+");
  return keepPath ? `${bare}/${path}` : bare;
}

/** The package part of `name[@v][/path]` or `@scope/name[@v][/path]`, version included. */
function packageName(rest: string): string | undefined {
  const parts = rest.split("/");
  const name = rest.startsWith("@") ? (parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
  return name ? name : undefined;
}

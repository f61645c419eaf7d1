/**
 * Per app convention: the generated route's text, where it reads server env vars, which env file
 * holds a moved key in development, and what the user must know about serving it.
 */
import { nuxtPrivateConfigKey } from "./framework-config";
import type { ProjectShape } from "./project";
import { astroHost, nuxtHost, reactRouterHost, svelteKitHost } from "./templates/framework-routes";
import { nextPagesRouteText } from "./templates/next-pages";
import type { RouteSpec } from "./templates/spec";
import { nextAppHost, webRouteText } from "./templates/web-route";
import type { ProjectView } from "./types";

export interface KeyReading {
  /** The env var the server holds the key in (what the user sets, what the messages name). */
  envVar: string;
  /** Where development reads env files from: `.env.local` (Next, Vite, SvelteKit, Astro…), `.env` (Nuxt). */
  envFileName: string;
  /** RouteSpec fields that change how the route reads env vars. */
  specFields: Pick<RouteSpec, "envObject" | "keyExpression">;
  note?: string;
}

/** `openaiApiKey` → NUXT_OPENAI_API_KEY, the env var Nuxt fills that runtimeConfig key from. */
function nuxtEnvName(configKey: string): string {
  return `NUXT_${configKey.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

export function keyReading(shape: ProjectShape, project: ProjectView, providerEnvVar: string): KeyReading {
  const plain = (envObject?: string): KeyReading => ({ envVar: providerEnvVar, envFileName: ".env.local", specFields: envObject ? { envObject } : {} });
  switch (shape.convention) {
    case "sveltekit":
      return plain("env");
    case "astro":
      return plain("import.meta.env");
    case "nuxt": {
      const configKey = nuxtPrivateConfigKey(shape.root, project, providerEnvVar);
      if (!configKey) return { envVar: providerEnvVar, envFileName: ".env", specFields: {} };
      return {
        envVar: nuxtEnvName(configKey),
        envFileName: ".env",
        specFields: { keyExpression: `useRuntimeConfig(event).${configKey}` },
        note: `The route reads runtimeConfig.${configKey} (server only); Nuxt fills it from ${nuxtEnvName(configKey)} at run time.`,
      };
    }
    default:
      return plain();
  }
}

export function routeText(shape: ProjectShape, spec: RouteSpec): string {
  switch (shape.convention) {
    case "next-pages":
      return nextPagesRouteText(spec);
    case "sveltekit":
      return webRouteText(spec, svelteKitHost(spec));
    case "nuxt":
      return webRouteText(spec, nuxtHost());
    case "astro":
      return webRouteText(spec, astroHost(spec));
    case "react-router":
      return webRouteText(spec, reactRouterHost(spec));
    case "next-app":
      return webRouteText(spec, nextAppHost(spec, "Next.js App Router route handler."));
    case "vercel-function":
      return webRouteText(spec, nextAppHost(spec, "Vercel function (api/ folder): deploys with the app, `vercel dev` serves it locally."));
  }
}

const ASTRO_ADAPTERS = ["@astrojs/node", "@astrojs/vercel", "@astrojs/netlify", "@astrojs/cloudflare", "@deno/astro-adapter"];

/** What serving the route takes, when it is more than the framework's dev server. */
export function servingNote(shape: ProjectShape): string | undefined {
  switch (shape.convention) {
    case "vercel-function":
      return "The route is a Vercel function (api/ folder): `vercel dev` serves it locally; see the docs for other hosts.";
    case "astro":
      return ASTRO_ADAPTERS.some((name) => shape.dependencies.has(name))
        ? undefined
        : "`astro dev` serves the endpoint; to deploy it, add a server adapter (`npx astro add node`, or your host's).";
    case "react-router":
      return "It is a resource route (an action, no page): the browser posts to it, nothing renders.";
    default:
      return undefined;
  }
}

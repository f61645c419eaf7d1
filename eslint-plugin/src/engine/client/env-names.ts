/**
 * What an environment variable's name says about its value: is it a secret, is it public by
 * its prefix, which provider is it for. Pure string work, shared by every rule and the extension.
 */
import type { Provider } from "../providers/types";
import { isTokenCountName, nameWords as spacedWords } from "../providers/names";
import { providerForEnvName } from "./catalogue";

/** Prefixes that make a bundler inline the value into browser code, longest first. */
export const PUBLIC_PREFIXES = [
  "NEXT_PUBLIC_",
  "NUXT_PUBLIC_",
  "EXPO_PUBLIC_",
  "REACT_APP_",
  "VUE_APP_",
  "NG_APP_",
  "PLASMO_PUBLIC_",
  // WXT (browser extensions): WXT_ and VITE_ reach the extension's code (wxt.dev, environment variables).
  "WXT_",
  // electron-vite: each process's own prefix and VITE_ for all, inlined into bundles that ship
  // inside the app (electron-vite.org, env variables); main's are no browser's, but every user has them.
  "RENDERER_VITE_",
  "PRELOAD_VITE_",
  "MAIN_VITE_",
  "GATSBY_",
  "VITE_",
  "PUBLIC_",
] as const;

/** The public prefix of `name` ("NEXT_PUBLIC_"), or undefined. */
export function publicPrefixOf(name: string): string | undefined {
  return PUBLIC_PREFIXES.find((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** `name` without its public prefix: NEXT_PUBLIC_OPENAI_API_KEY → OPENAI_API_KEY. */
export function unprefixedName(name: string): string {
  const prefix = publicPrefixOf(name);
  return prefix ? name.slice(prefix.length) : name;
}

/** OPENAI_API_KEY, openaiApiKey, openai-api-key → ["OPENAI", "API", "KEY"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** Words that say the value is a credential. */
const SECRET_WORDS = new Set([
  "KEY", "APIKEY", "SECRET", "SECRETS", "TOKEN", "PASSWORD", "PASSWD", "PWD",
  "PRIVATE", "CREDENTIAL", "CREDENTIALS", "PAT", "PASSPHRASE", "SIGNING", "JWT",
]);
/** Words that make a credential-looking name secret even next to a "publishable" word. */
const ALWAYS_SECRET_WORDS = new Set([
  "SECRET", "SECRETS", "PRIVATE", "PASSWORD", "PASSWD", "SERVICE", "ADMIN", "PERSONAL", "MASTER", "AUTH",
]);
/** Words that say the value is meant for browsers. */
// PUBLISABLE and PUB: Stripe's publishable key misspelt (TECHNO-NB/Chat-With-Pdf-A.I.-Frontend, batch 68)
// or shortened (`REACT_APP_STRIPE_PUB_KEY`: ritikrajg/AI-Content-Generator, batch 71).
const PUBLISHABLE_WORDS = new Set(["PUBLIC", "PUB", "PUBLISHABLE", "PUBLISABLE", "ANON", "SITE", "SITEKEY", "SEARCH", "CLIENT", "MEASUREMENT"]);
/** Google Maps Platform's APIs, whose browser keys are public by design (restricted by referrer). */
const MAPS_PLATFORM_WORDS = ["MAPS", "PLACES", "DIRECTIONS", "GEOCODING", "GEOCODE"];
/** Services whose browser keys are public by design (unless the name says SECRET/ADMIN…). */
const PUBLISHABLE_SERVICES = new Set([
  ...MAPS_PLATFORM_WORDS,
  "FIREBASE", "POSTHOG", "MAPBOX", "SENTRY", "ALGOLIA", "RECAPTCHA", "TURNSTILE", "HCAPTCHA",
  "AMPLITUDE", "MIXPANEL", "SEGMENT", "PUSHER", "BUGSNAG", "ONESIGNAL", "INTERCOM",
  "WALLETCONNECT", "GA", "GTM", "GTAG", "CLERK", "PRIVY", "HOTJAR", "LOGROCKET",
  // Upload widgets, editors, maps, feature flags and analytics whose documented browser setup
  // takes the key in client code (Bytescale's `NEXT_PUBLIC_UPLOAD_API_KEY`, TinyMCE's editor key…).
  "UPLOAD", "UPLOADIO", "BYTESCALE", "UPLOADCARE", "FILESTACK", "TINYMCE", "MAPTILER",
  "LAUNCHDARKLY", "STATSIG", "GROWTHBOOK", "PLAUSIBLE", "FATHOM", "HEAP", "FULLSTORY", "CRISP",
  // RevenueCat's app-specific SDK keys go into the app by design; its secret keys are `sk_…` and
  // named so (anggi1991/Umai-Lite's EXPO_PUBLIC_REVENUECAT_API_KEY, batch 48).
  "REVENUECAT",
  // Any analytics tag: its id or write key goes into every page (Zakariakhchiche/agrilife's
  // `VITE_GOOGLE_ANALYTICS_KEY` for react-ga4, batch 54); a secret one says SECRET/ADMIN.
  "ANALYTICS",
  // Tambo's generative-UI React SDK takes its project key in the browser (`<TamboProvider
  // apiKey={process.env.NEXT_PUBLIC_TAMBO_API_KEY}>`, as its quickstart writes it: PAVAN2627/holocron-academy, batch 56).
  "TAMBO",
  // Web push: Firebase Cloud Messaging's VAPID key is the public half every browser subscribes
  // with (`getToken(messaging, { vapidKey })`); the private half says PRIVATE (Haradakouta/life-pwa-react, batch 58).
  "FCM", "VAPID",
  // Map tiles and viewers whose browser SDKs take the key or token in the page, restricted by
  // origin: Apple's MapKit JS token (tamdinh/expo-ai's EXPO_PUBLIC_APPLE_MAPKIT_JS_KEY, batch 153),
  // Mapillary's client token (markcodeman/travelland, batch 154), OpenMapVN's tile key
  // (ThinhPhoenix/agrisa_app, batch 153).
  "MAPKIT", "MAPILLARY", "OPENMAPVN",
  // Cesium ion's access token and Tianditu's map key, set in the page as their viewers' setup has it
  // (`Ion.defaultAccessToken`, a tile URL's `tk=`): a Nuxt app's `runtimeConfig.public.cesium.token` (max512060925/resume, batch 223).
  "CESIUM", "TIANDITU",
  // Stream's video and chat SDKs take the app's API key in the page (`new StreamVideoClient({ apiKey })`); its
  // secret says SECRET (`STREAM_VIDEO_SECRET_KEY`): carloc3005/SaaS-AI's NEXT_PUBLIC_STREAM_VIDEO_API_KEY, batch 225.
  "STREAMVIDEO", "STREAMCHAT", "GETSTREAM",
  // Coinbase's OnchainKit takes the project's client API key in the page (`<OnchainKitProvider
  // apiKey={process.env.NEXT_PUBLIC_ONCHAINKIT_API_KEY}>`, as its docs write it: mwamedacen/blockanalytica, batch 194);
  // the Developer Platform's secret keys are CDP_API_KEY_SECRET / CDP_API_KEY_PRIVATE_KEY.
  "ONCHAINKIT",
]);
/**
 * Connection strings carry a password: DATABASE_URL, MONGODB_URI, REDIS_URL, and the ORMs'
 * names for them (PRISMA_URL, DRIZZLE_CONNECTION_POOLER: Supabase calls its pooled connection
 * string the "connection pooler").
 */
const DATABASE_WORDS = new Set([
  "DATABASE", "DB", "POSTGRES", "POSTGRESQL", "PG", "MYSQL", "MONGO", "MONGODB", "REDIS", "KV",
  "PRISMA", "DRIZZLE", "NEON", "PLANETSCALE", "AMQP", "RABBITMQ",
]);
/**
 * Databases whose URL carries no credential, its token being a name of its own: Turso's
 * `libsql://db-org.turso.io` beside `TURSO_AUTH_TOKEN` (jobelGolde12/dugtong_app, batch 171), as an
 * Upstash REST URL beside its token.
 */
const TOKEN_APART_DATABASES = new Set(["TURSO", "LIBSQL"]);
const CONNECTION_WORDS = new Set(["URL", "URI", "DSN", "CONNECTION", "CONN", "POOLER"]);
/**
 * A last word that makes the name a setting about a credential, not the credential:
 * `NEXT_PUBLIC_GOOGLE_AUTH_ENABLED` (a real app's login-button flag), `OPENAI_API_KEY_REQUIRED`,
 * `AUTH_MODE`, `TOKEN_TTL`. Not HEADER or FILE: an auth header or a key file's content is one.
 */
/**
 * A word that makes the name a switch, first or after the words that say whose it is: `USE_USER_TOKEN=false`,
 * `ALLOW_API_KEY_LOGIN`, `VITE_API_USE_CREDENTIALS` (axios's `withCredentials`: lishaangral/MERN-AI-ChatBot, batch 217),
 * `WITH_CREDENTIALS`. Only before every credential word: `OPENAI_KEY_SKIP` is no switch.
 */
const FLAG_VERBS = new Set(["USE", "ENABLE", "DISABLE", "ALLOW", "REQUIRE", "SKIP", "FORCE", "SHOW", "HIDE", "WITH"]);
const SETTING_WORDS = new Set([
  "ENABLED", "DISABLED", "ENABLE", "DISABLE", "REQUIRED", "MODE", "TYPE", "VERSION", "REGION", "TIMEOUT", "TTL", "ENDPOINT", "PROVIDER", "STRATEGY",
  // Text about a credential shown to people: documenso's NEXT_PUBLIC_SIGNING_CONTACT_INFO.
  "INFO", "CONTACT", "EMAIL", "LABEL", "TITLE", "MESSAGE",
  // Where a token is exchanged, an OAuth endpoint: `VITE_OAUTH_BACKEND_TOKEN_EXCHANGE=/api/oauth/exchange`
  // (char-projects/PokeAPI, batch 206).
  "EXCHANGE",
]);

/** Settings of a token's life and signature, wherever they sit in the name (`…_EXPIRES_IN`). */
const LIFETIME_WORDS = new Set(["EXPIRE", "EXPIRES", "EXPIRY", "EXPIRATION", "EXPIRESIN", "LIFETIME", "DURATION", "MAXAGE", "ALGORITHM", "ALG"]);

/**
 * Paid web-search APIs, whose keys are billed per query and have no browser-only kind: SEARCH
 * beside one of them is no search-only key (joaopiresrodriguez-byte/gest-o-interna-ARAQUARI's
 * `VITE_GOOGLE_SEARCH_API_KEY`, resolv360/candidate-finder's `VITE_GOOGLE_CUSTOM_SEARCH_API_KEY`).
 */
const WEB_SEARCH_WORDS = new Set(["GOOGLE", "CUSTOM", "CSE", "BING", "BRAVE", "SERP", "SERPER", "SERPAPI", "TAVILY", "EXA"]);

/**
 * Google's Maps and Places keys, also named in the singular (`EXPO_PUBLIC_GOOGLE_MAP_KEY`,
 * `GOOGLE_PLACE_API_KEY`: aasiaboc/aitravelplanner, batch 171). Alone, MAP names too much else.
 */
function isGoogleMapKeyInSingular(words: string[]): boolean {
  return words.includes("GOOGLE") && (words.includes("MAP") || words.includes("PLACE"));
}

/**
 * The name of a Google Maps Platform key, public by design: `NEXT_PUBLIC_GOOGLE_PLACE_API_KEY`,
 * `VITE_GOOGLE_MAPS_KEY`. Every Google API takes such a key in `X-Goog-Api-Key`, Gemini's too, so a
 * request carrying one is told apart by the key's name.
 */
export function isMapsPlatformKeyName(name: string): boolean {
  const words = nameWords(unprefixedName(name));
  const maps = words.some((word) => MAPS_PLATFORM_WORDS.includes(word)) || isGoogleMapKeyInSingular(words);
  return maps && !isSecretEnvName(name);
}

/** Names that hold a key but whose provider publishes them (Supabase anon key as SUPABASE_KEY). */
function isPublishableByService(words: string[]): boolean {
  if (words.some((word) => ALWAYS_SECRET_WORDS.has(word))) return false;
  const webSearch = words.includes("SEARCH") && words.some((word) => WEB_SEARCH_WORDS.has(word));
  if (words.some((word) => PUBLISHABLE_WORDS.has(word) && !(word === "SEARCH" && webSearch))) return true;
  // Vapi's web SDK takes its public key in the browser (`NEXT_PUBLIC_VAPI_WEB_TOKEN`, as its quickstart
  // names it: adrianhajdin/ai_mock_interviews, batch 66); its private key is `VAPI_API_KEY`/`…_PRIVATE_KEY`.
  if (words.includes("VAPI") && words.includes("WEB")) return true;
  if (isGoogleMapKeyInSingular(words)) return true;
  // Stripe's publishable key under a short name (`NEXT_PUBLIC_STRIPE_PUBLISH_KEY`: ramthenmala/saas-ai-chatbot, batch 225).
  // Not PUBLISH alone: `NPM_PUBLISH_TOKEN`, `VSCE_PUBLISH_TOKEN` publish packages.
  if (words.includes("STRIPE") && words.includes("PUBLISH")) return true;
  // Clerk's backend key, `CLERK_API_KEY` (its older name for `CLERK_SECRET_KEY`), is the secret one:
  // its browser key says PUBLISHABLE or FRONTEND (DannyMang/codeboiler's next.config `env`, batch 63).
  if (words.includes("CLERK") && words.includes("API") && !words.includes("FRONTEND")) return false;
  // A camelCase name splits a service's name in two or three: `revenueCatAndroidKey` in an Expo config's
  // `extra` (Aiden-Hyun/chatgpt-clone, batch 107), `oneSignalAppKey`, `logRocketKey`, `openMapVnKey`
  // (ThinhPhoenix/agrisa_app, batch 153).
  const endsServiceName = (i: number) => [1, 2, 3].some((count) => i + 1 >= count && PUBLISHABLE_SERVICES.has(words.slice(i + 1 - count, i + 1).join("")));
  if (words.some((_word, i) => endsServiceName(i))) return true;
  // Shopify's SHOPIFY_API_KEY is the app's client id, which App Bridge reads from the page (every
  // app of Shopify's Remix template hands it to the browser); its secrets say SECRET or ACCESS_TOKEN.
  if (/(?:^|_)SHOPIFY_(?:APP_)?API_KEY$/.test(words.join("_"))) return true;
  // Segment's write key and Supabase's bare SUPABASE_KEY / SUPABASE_API_KEY are browser keys in
  // every guide (Supabase's secret ones say SERVICE_ROLE or SECRET).
  return /SUPABASE_(?:API_)?KEY$/.test(words.join("_"));
}

/** The catalogue provider whose key this env name holds (undefined for publishable names). */
export function providerOfEnvName(name: string): Provider | undefined {
  return providerForEnvName(name);
}

/**
 * True when the name says its value is a credential: KEY/SECRET/TOKEN/PASSWORD/PRIVATE/
 * CREDENTIAL words, connection strings (DATABASE_URL), or a catalogue provider's key —
 * minus names publishable by design (…_ANON_KEY, …_PUBLISHABLE_KEY, FIREBASE_API_KEY, site keys,
 * CLIENT_ID/CLIENT_KEY, URLs and ids). The public prefix is ignored: NEXT_PUBLIC_X says as much as X.
 */
export function isSecretEnvName(name: string): boolean {
  // A numbered copy is the same kind of value: `AZURE_OPENAI_KEY2` beside `AZURE_OPENAI_KEY`
  // (3DMXM/nuxt-gpt, batch 69), `MAX_TOKENS2`.
  const plain = name.replace(/(?<=[A-Za-z])\d{1,3}(?=_|$)/g, "");
  const bare = unprefixedName(plain);
  // `PUBLIC_KEY` is the public half of a key pair (a Discord interactions bot's: shockerqt/discord-ai-bot,
  // batch 188), not a KEY under the PUBLIC_ prefix; so is `NEXT_PUBLIC_KEY`.
  if (bare === "KEY" && plain.endsWith("PUBLIC_KEY")) return false;
  // `OPENAI_MAX_TOKENS`, `TOKEN_LIMIT`: a number of tokens, unless another word says key.
  const counts = isTokenCountName(spacedWords(bare));
  const words = nameWords(bare).filter((word) => !counts || !word.startsWith("TOKEN"));
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  // Not Firebase's `databaseURL`: a field of its web config, public by design (no password in it).
  // Not a REST endpoint (Upstash's `UPSTASH_REDIS_REST_URL`, Vercel KV's `KV_REST_API_URL`): an https URL
  // whose token is a name of its own (haydenbleasel/next-forge, batch 66); nor Turso's database URL.
  if (words.some((word) => DATABASE_WORDS.has(word)) && CONNECTION_WORDS.has(last) && !words.includes("FIREBASE") && !words.includes("REST") && !words.some((word) => TOKEN_APART_DATABASES.has(word))) return true;
  const provider = providerForEnvName(plain);
  // PASS is a password's only as the last word (`SMTP_PASS`, `DB_PASS2`); elsewhere it is a verb:
  // `STRIPE_PASS_FEES_TO_CUSTOMER` (nwfesnak/estimateace's switch, batch 149), `…_PASS_THROUGH`.
  const credential = words.some((word) => SECRET_WORDS.has(word)) || last === "PASS" || provider !== undefined;
  if (!credential) return false;
  // An id or URL that merely mentions a key (STRIPE_KEY_ID, OPENAI_BASE_URL) is not the key.
  // So is where one is fetched from: `VITE_TOKEN_PATH` (Ayushbh6/SpeechBot's session route, batch 71).
  if (last === "ID" || last === "URL" || last === "URI" || last === "HOST" || last === "NAME" || last === "PATH") return false;
  if (SETTING_WORDS.has(last) || isSwitchName(words)) return false;
  // How long a token lives or how it is signed: `JWT_EXPIRE=7d`, `ACCESS_TOKEN_EXPIRES_IN`, `JWT_ALGORITHM`.
  if (words.some((word) => LIFETIME_WORDS.has(word))) return false;
  if (isPublishableByService(words)) return false;
  if (bare !== plain && isPublicKeyOfBrowserSdk(words)) return false;
  if (provider && provider.kinds.length > 0 && provider.kinds.every((kind) => kind.publicByDesign)) return false;
  return true;
}

/** A switch's name: a FLAG_VERBS word before the first credential word (see FLAG_VERBS). */
function isSwitchName(words: string[]): boolean {
  const verb = words.findIndex((word) => FLAG_VERBS.has(word));
  return verb >= 0 && verb < words.length - 1 && !words.slice(0, verb).some((word) => SECRET_WORDS.has(word));
}

/**
 * Services whose browser SDK takes a public key while their server key is named the same without
 * a public prefix: Knock's feed (`NEXT_PUBLIC_KNOCK_API_KEY` in next-forge and its forks; its
 * server key is `KNOCK_SECRET_API_KEY` there, `KNOCK_API_KEY` in Knock's Node guide) and Vapi's web
 * SDK (`new Vapi(process.env.NEXT_PUBLIC_VAPI_API_KEY)`: Bojackxiang/turbo-ai-agent, batch 88; the
 * SDK refuses a private key), Pendo's install snippet (`pendo.initialize` with
 * `NEXT_PUBLIC_PENDO_API_KEY`: AbhinavGupta707/Clinic-Brief, batch 151; its API's key is the
 * integration key), CopilotKit's Copilot Cloud key (`<CopilotKit publicApiKey={process.env.NEXT_PUBLIC_COPILOT_API_KEY}>`,
 * sent as `X-CopilotCloud-Public-Api-Key`: HarshVardhanBhura/TodoList, ivan-meer/copilotkit-mcp-demo, batch 238).
 * Only under a public prefix: the same name without one is the server's.
 */
const PUBLIC_KEY_SDKS = new Set(["KNOCK", "VAPI", "PENDO", "COPILOT", "COPILOTKIT"]);

function isPublicKeyOfBrowserSdk(words: string[]): boolean {
  return words.some((word) => PUBLIC_KEY_SDKS.has(word)) && !words.some((word) => ALWAYS_SECRET_WORDS.has(word));
}

/** Env vars that are fine anywhere and are never worth a "undefined in the browser" note. */
export const ALWAYS_DEFINED = new Set(["NODE_ENV"]);

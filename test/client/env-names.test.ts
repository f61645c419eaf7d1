import * as assert from "node:assert/strict";
import { isMapsPlatformKeyName, isSecretEnvName, providerOfEnvName, publicPrefixOf, unprefixedName } from "../../eslint-plugin/src/engine/client";

describe("client env names", () => {
  const secrets = [
    "OPENAI_API_KEY", "NEXT_PUBLIC_OPENAI_API_KEY", "VITE_ANTHROPIC_KEY", "REACT_APP_GROQ_API_KEY", "PUBLIC_MISTRAL_API_KEY",
    "VITE_STRIPE_SECRET_KEY", "NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY", "DATABASE_URL", "POSTGRES_PRISMA_URL", "MONGODB_URI",
    "REDIS_URL", "AUTH_SECRET", "GITHUB_TOKEN", "ADMIN_PASSWORD", "GOOGLE_CLIENT_SECRET", "JWT_PRIVATE_KEY", "HF_TOKEN",
    "AWS_SECRET_ACCESS_KEY", "openaiApiKey", "KV_REST_API_TOKEN", "POSTHOG_PERSONAL_API_KEY", "MAPBOX_SECRET_TOKEN",
    "ALGOLIA_ADMIN_KEY", "SENTRY_AUTH_TOKEN", "GOOGLE_GENERATIVE_AI_API_KEY", "EXPO_PUBLIC_DRIZZLE_CONNECTION_POOLER",
    "SUPABASE_DB_POOLER", "SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SECRET_KEY",
    // Tokens that are credentials: a plural may be a list of them; a count word beside KEY/SECRET does not unmake them.
    "ANALYTICS_SECRET_KEY", "VAPID_PRIVATE_KEY", "OPENAI_TOKEN", "REPLICATE_API_TOKEN", "GITHUB_TOKENS", "MAX_TOKENS_API_KEY", "REVENUECAT_SECRET_KEY",
    // A paid web-search API's key is no search-only key (batch 44's ARAQUARI and candidate-finder).
    "VITE_GOOGLE_SEARCH_API_KEY", "VITE_GOOGLE_CUSTOM_SEARCH_API_KEY", "NEXT_PUBLIC_BING_SEARCH_KEY",
    // Clerk's backend key under its older name (DannyMang/codeboiler's next.config env, batch 63).
    "CLERK_API_KEY", "NEXT_PUBLIC_CLERK_API_KEY", "CLERK_SECRET_KEY",
    // The REST endpoints' tokens, a Redis URL with its password, and Vapi's private key stay secrets.
    "UPSTASH_REDIS_REST_TOKEN", "KV_REST_API_TOKEN", "KV_URL", "REDIS_URL", "VAPI_API_KEY", "VAPI_PRIVATE_KEY",
    // Knock's and Vapi's server keys: no public prefix, or a word that says secret.
    "KNOCK_API_KEY", "KNOCK_SECRET_API_KEY", "NEXT_PUBLIC_KNOCK_SECRET_API_KEY", "NEXT_PUBLIC_VAPI_PRIVATE_KEY",
    // CopilotKit: no public prefix, or a secret word, is a server key.
    "COPILOT_CLOUD_API_KEY", "NEXT_PUBLIC_COPILOT_SECRET_KEY",
    // Numbered copies (3DMXM/nuxt-gpt's AZURE_OPENAI_KEY2 and KEY3 in Nuxt's public config, batch 69).
    "AZURE_OPENAI_KEY2", "NUXT_PUBLIC_AZURE_OPENAI_KEY3", "GEMINI_API_KEY_2", "VITE_SECRET2",
    // A password shortened to PASS, as the last word; Pendo's server key (no public prefix).
    "SMTP_PASS", "DB_PASS", "MAIL_PASS2", "PENDO_INTEGRATION_KEY", "PENDO_API_KEY",
    // A map service's key that says it is the secret one.
    "APPLE_MAPKIT_PRIVATE_KEY", "MAPILLARY_SECRET_TOKEN", "GOOGLE_MAP_SECRET", "MAP_API_KEY", "TURSO_AUTH_TOKEN", "NEON_DATABASE_URL",
    // Shopify's secrets: the API secret and an Admin API access token.
    "SHOPIFY_API_SECRET", "SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_API_ACCESS_TOKEN",
    // A switch word after a credential word is no switch; a Cesium or Tianditu key that says secret stays one.
    "OPENAI_KEY_SKIP", "API_KEY_WITH_SCOPE", "CESIUM_SECRET_TOKEN",
    // Stream's secret, and a key named for a stream that is no service's.
    "STREAM_VIDEO_SECRET_KEY", "STREAM_API_KEY", "OPENAI_STREAM_KEY",
    // Tokens that publish packages: only Stripe's PUBLISH key is publishable.
    "NPM_PUBLISH_TOKEN", "VSCE_PUBLISH_TOKEN", "PUBLISH_KEY",
  ];
  const notSecrets = [
    "NEXT_PUBLIC_SUPABASE_ANON_KEY", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "VITE_STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_FIREBASE_API_KEY",
    "NEXT_PUBLIC_POSTHOG_KEY", "NEXT_PUBLIC_MAPBOX_TOKEN", "NEXT_PUBLIC_SENTRY_DSN", "SENTRY_DSN", "NEXT_PUBLIC_ALGOLIA_SEARCH_KEY",
    "NEXT_PUBLIC_RECAPTCHA_SITE_KEY", "NEXT_PUBLIC_VAPID_PUBLIC_KEY", "GOOGLE_CLIENT_ID", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "NEXT_PUBLIC_CLERK_FRONTEND_API_KEY", "CLERK_PUBLISHABLE_KEY",
    "LANGFUSE_PUBLIC_KEY", "NEXT_PUBLIC_APP_URL", "OPENAI_BASE_URL", "CI", "NODE_ENV", "PLAYWRIGHT_TEST_BASE_URL", "VERCEL_URL",
    "STRIPE_KEY_ID", "PORT", "NEXT_PUBLIC_SUPABASE_URL", "NEXT_PUBLIC_GOOGLE_MAPS_API_KEY", "NEXT_PUBLIC_STATSIG_CLIENT_KEY",
    "NEXT_PUBLIC_SUPABASE_KEY", "NG_APP_SUPABASE_API_KEY", "AUTH_URL", "NEXTAUTH_URL", "DATABASE_CONNECTION_LIMIT", "DB_POOL_SIZE",
    // Firebase web config's databaseURL (SthalinRivera/MyPorjects): public by design.
    "FIREBASE_DATABASE_URL", "NEXT_PUBLIC_FIREBASE_DATABASE_URL",
    // Settings about a credential (supermemory's login buttons), not the credential.
    "NEXT_PUBLIC_GOOGLE_AUTH_ENABLED", "NEXT_PUBLIC_GITHUB_AUTH_ENABLED", "OPENAI_API_KEY_REQUIRED", "AUTH_MODE", "JWT_TOKEN_TTL",
    "USE_USER_TOKEN", "ALLOW_API_KEY_LOGIN", "NEXT_PUBLIC_ENABLE_AUTH_TOKEN", "NEXT_PUBLIC_SIGNING_CONTACT_INFO",
    // Google Places in the browser goes through the Maps JavaScript API with a referrer-restricted
    // key (kyle-t01/next_reco, batch 46), as Maps keys do.
    "REACT_APP_GOOGLE_PLACES_API_KEY", "NEXT_PUBLIC_PLACES_API_KEY",
    // Google Maps Platform's other browser APIs (jesutofunmienoch/TalkAI-APP-MOBILE, batch 75).
    "EXPO_PUBLIC_DIRECTIONS_API_KEY", "VITE_GEOCODING_API_KEY", "NEXT_PUBLIC_GOOGLE_GEOCODE_KEY",
    // …and Maps and Places named in the singular (aasiaboc/aitravelplanner, batch 171).
    "EXPO_PUBLIC_GOOGLE_MAP_KEY", "googleMapKey", "GOOGLE_PLACE_API_KEY",
    // A number of a model's tokens (luxtelos/agentic-cpa-poc's VITE_CLAUDE_MAX_TOKENS, batch 48).
    "VITE_CLAUDE_MAX_TOKENS", "OPENAI_MAX_TOKENS", "VITE_OPENAI_MAX_OUTPUT_TOKENS", "OPENAI_TOKEN_LIMIT", "GEMINI_TOKENIZER", "MAX_TOKEN",
    // RevenueCat's SDK key ships in the app by design (anggi1991/Umai-Lite, batch 48).
    "EXPO_PUBLIC_REVENUECAT_API_KEY",
    // …also in camelCase, the service's name split in two (an Expo config's `extra`: Aiden-Hyun/chatgpt-clone, batch 107).
    "revenueCatAndroidKey", "revenueCatIosKey", "oneSignalAppKey", "logRocketKey",
    // An analytics tag's id goes into every page (Zakariakhchiche/agrilife's react-ga4 key, batch 54).
    "VITE_GOOGLE_ANALYTICS_KEY", "NEXT_PUBLIC_ANALYTICS_KEY",
    // Tambo's React SDK takes its key in the browser (PAVAN2627/holocron-academy, batch 56).
    "NEXT_PUBLIC_TAMBO_API_KEY",
    // An OAuth token-exchange endpoint (char-projects/PokeAPI, batch 206).
    "VITE_OAUTH_BACKEND_TOKEN_EXCHANGE", "TOKEN_EXCHANGE",
    // Coinbase OnchainKit's client API key goes into the page (mwamedacen/blockanalytica, batch 194).
    "NEXT_PUBLIC_ONCHAINKIT_API_KEY", "ONCHAINKIT_API_KEY",
    // An https REST endpoint, its token apart (haydenbleasel/next-forge, batch 66); Vapi's web token (adrianhajdin/ai_mock_interviews).
    "UPSTASH_REDIS_REST_URL", "KV_REST_API_URL", "NEXT_PUBLIC_VAPI_WEB_TOKEN",
    // Turso's database URL (libsql://…turso.io): its token is TURSO_AUTH_TOKEN (jobelGolde12/dugtong_app, batch 171).
    "TURSO_DATABASE_URL", "EXPO_PUBLIC_TURSO_URL", "LIBSQL_URL",
    // Their browser SDKs' public keys under a public prefix (next-forge's Knock feed; Bojackxiang/turbo-ai-agent's `new Vapi(…)`, batch 88).
    "NEXT_PUBLIC_KNOCK_API_KEY", "NEXT_PUBLIC_VAPI_API_KEY", "VITE_VAPI_KEY", "NEXT_PUBLIC_PENDO_API_KEY",
    // CopilotKit's Copilot Cloud public key (HarshVardhanBhura/TodoList, ivan-meer/copilotkit-mcp-demo, sanjeev23oct/copilotkit-chat, batch 238).
    "NEXT_PUBLIC_COPILOT_API_KEY", "NEXT_PUBLIC_COPILOT_CLOUD_PUBLIC_API_KEY", "VITE_COPILOT_CLOUD_API_KEY", "NEXT_PUBLIC_COPILOTKIT_API_KEY",
    // Map SDKs' browser tokens (batches 153–154); MAPKIT_SECRET_KEY / a MapKit private key stay secrets.
    "EXPO_PUBLIC_APPLE_MAPKIT_JS_KEY", "VITE_MAPILLARY_TOKEN", "EXPO_PUBLIC_OPENMAPVN_KEY", "openMapVnKey", "mapKitToken",
    // Cesium ion's and Tianditu's browser tokens (max512060925/resume's Nuxt public config, batch 223).
    "NUXT_PUBLIC_CESIUM_TOKEN", "cesiumToken", "VITE_TIANDITU_KEY",
    // Stream's client key and a publishable key's short name (carloc3005/SaaS-AI, ramthenmala/saas-ai-chatbot, batch 225).
    "NEXT_PUBLIC_STREAM_VIDEO_API_KEY", "NEXT_PUBLIC_STREAM_CHAT_KEY", "NEXT_PUBLIC_STRIPE_PUBLISH_KEY",
    // Switches named after whose they are (lishaangral/MERN-AI-ChatBot's axios `withCredentials` flag, batch 217).
    "VITE_API_USE_CREDENTIALS", "AXIOS_WITH_CREDENTIALS", "WITH_CREDENTIALS",
    // Shopify's API key is its app's client id, read by App Bridge in the page (batch 160's Remix apps).
    "SHOPIFY_API_KEY", "VITE_SHOPIFY_API_KEY",
    // PASS as a verb (nwfesnak/estimateace's Stripe switch, batch 149).
    "STRIPE_PASS_FEES_TO_CUSTOMER", "ACME_PASS_THROUGH",
    // Web push's public key (Haradakouta/life-pwa-react, batch 58); VAPID_PRIVATE_KEY stays a secret.
    "VITE_FCM_VAPID_KEY", "NEXT_PUBLIC_VAPID_KEY",
    // Search-only keys of site-search engines.
    "NEXT_PUBLIC_SEARCH_KEY", "VITE_MEILI_SEARCH_KEY", "VITE_TYPESENSE_SEARCH_ONLY_API_KEY",
    // Stripe's publishable key under a misspelt name (TECHNO-NB/Chat-With-Pdf-A.I.-Frontend, batch 68); numbered settings.
    "NEXT_PUBLIC_STRIPE_PUBLISABLE_KEY", "REACT_APP_STRIPE_PUB_KEY", "OPENAI_MAX_TOKENS2", "GPT4_MODEL", "S3_BUCKET",
    // The public half of a key pair, whose PUBLIC is also a public prefix: a Discord interactions bot's PUBLIC_KEY
    // (shockerqt/discord-ai-bot, batch 188).
    "PUBLIC_KEY", "NEXT_PUBLIC_KEY",
    // A token's lifetime and signing algorithm (batch 69's tracked server .env files).
    "VITE_TOKEN_PATH", "JWT_EXPIRE", "ACCESS_TOKEN_EXPIRES_IN", "JWT_ALGORITHM", "REFRESH_TOKEN_EXPIRY", "SESSION_MAX_AGE",
  ];
  it("stays linear on a 1 MB name (numbered words)", () => {
    const started = performance.now();
    isSecretEnvName(`${"A1".repeat(250_000)}_KEY2${"_9".repeat(250_000)}`);
    assert.ok(performance.now() - started < 5_000, `${(performance.now() - started).toFixed(0)} ms`);
  });
  for (const name of secrets) it(`${name} is a secret`, () => assert.equal(isSecretEnvName(name), true));
  for (const name of notSecrets) it(`${name} is not a secret`, () => assert.equal(isSecretEnvName(name), false));

  it("tells a Google Maps Platform key's name from Gemini's and from a secret", () => {
    for (const name of ["NEXT_PUBLIC_GOOGLE_PLACE_API_KEY", "VITE_GOOGLE_MAPS_KEY", "EXPO_PUBLIC_GOOGLE_MAP_KEY", "googlePlacesApiKey", "VITE_GEOCODING_API_KEY"]) {
      assert.equal(isMapsPlatformKeyName(name), true, name);
    }
    // Gemini's own, a map word alone (MAP names too much else), and a Maps key the name calls secret.
    for (const name of ["NEXT_PUBLIC_GEMINI_API_KEY", "NEXT_PUBLIC_API_KEY", "VITE_MAP_API_KEY", "GOOGLE_MAPS_SECRET_KEY", "VITE_GOOGLE_API_KEY"]) {
      assert.equal(isMapsPlatformKeyName(name), false, name);
    }
  });

  it("finds the public prefix and the server name", () => {
    assert.equal(publicPrefixOf("NEXT_PUBLIC_OPENAI_API_KEY"), "NEXT_PUBLIC_");
    assert.equal(publicPrefixOf("NUXT_PUBLIC_X"), "NUXT_PUBLIC_");
    assert.equal(publicPrefixOf("PUBLIC_X"), "PUBLIC_");
    assert.equal(publicPrefixOf("NUXT_OPENAI_API_KEY"), undefined);
    assert.equal(publicPrefixOf("VITE_"), undefined);
    assert.equal(unprefixedName("VITE_ANTHROPIC_KEY"), "ANTHROPIC_KEY");
    assert.equal(unprefixedName("OPENAI_API_KEY"), "OPENAI_API_KEY");
  });

  it("names the provider from the catalogue", () => {
    assert.equal(providerOfEnvName("NEXT_PUBLIC_OPENAI_API_KEY")?.id, "openai");
    assert.equal(providerOfEnvName("VITE_ANTHROPIC_KEY")?.id, "anthropic");
    assert.equal(providerOfEnvName("GROQ_API_KEY")?.id, "groq");
    assert.equal(providerOfEnvName("APP_NAME"), undefined);
  });
});

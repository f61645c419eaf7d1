import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-public-secrets";
import type { noPublicSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import * as path from "node:path";
import { APPS, appFile } from "./support";

// The plugin and the rule tester resolve two copies of @typescript-eslint/utils: same shape, other type identity.
const SPREAD_CONFIG = [
  `import appJson from "./app.json";`,
  `export default ({ config }) => ({`,
  `  ...config,`,
  `  ...appJson.expo,`,
  `  extra: { ...(config.extra || {}), openaiApiKey: process.env.EXPO_PUBLIC_OPENAI_API_KEY || process.env.OPENAI_API_KEY || "" },`,
  `});`,
].join("\n");

// Rustam-gif/vocab's shape: `process` behind a cast and `?.`, never spelt `process.env`.
const CAST_READS = ["export const a = (process as any).env?.NEXT_PUBLIC_OPENAI_API_KEY;", "export const b = process?.env?.NEXT_PUBLIC_GROQ_API_KEY;"].join("\n");

const FIREBASE_STEM_READS = [
  "export const hasFirebase = () => Boolean(process.env.NEXT_PUBLIC_FB_API_KEY && process.env.NEXT_PUBLIC_FB_PROJECT_ID);",
  "export const domain = process.env.NEXT_PUBLIC_FB_AUTH_DOMAIN;",
  "export const sender = process.env.NEXT_PUBLIC_FB_MESSAGING_SENDER_ID;",
  "export const token = process.env.NEXT_PUBLIC_FB_ACCESS_TOKEN;",
];

const rule = plugin as unknown as RuleModule<keyof typeof noPublicSecretsMessages, [{ allow?: string[] }]>;

const next = (rel: string) => appFile("next-app-router", rel);
const routeFile = next("app/api/chat/route.ts");

ruleTester().run("no-public-secrets", rule, {
  valid: [
    {
      // loadEnv with Vite's own prefix (the default) loads VITE_ variables only; a define of one public value is fine.
      name: "Vite define of loadEnv's VITE_ variables, or of one public value",
      filename: appFile("vite", "vite.config.ts").filename,
      code: `import { loadEnv } from "vite";\nconst env = loadEnv("production", process.cwd());\nexport default { define: { "import.meta.env": JSON.stringify(env), "process.env.NODE_ENV": JSON.stringify("production") } };`,
    },
    {
      // A `define` that is no Vite config's (an integration's own option) is left alone.
      name: "astro.config: a define outside its vite key",
      filename: path.join(APPS, "astro", "astro.config.mjs"),
      code: `import { defineConfig } from "astro/config";\nimport partytown from "@astrojs/partytown";\nexport default defineConfig({ integrations: [partytown({ config: { define: { "process.env.OPENAI_API_KEY": "x" } } })], vite: { define: { "process.env.NODE_ENV": JSON.stringify("production") } } });`,
    },
    // Server-only runtime config (outside `public`) never reaches the browser.
    { ...appFile("nuxt", "nuxt.config.ts"), name: "nuxt.config: a secret in runtimeConfig, a URL in public" },
    // Publishable by design: anon keys, publishable keys, Firebase, PostHog, site keys, URLs.
    {
      name: "publishable names",
      filename: routeFile.filename,
      code: [
        "process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;",
        "process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;",
        "process.env.NEXT_PUBLIC_FIREBASE_API_KEY;",
        "process.env.NEXT_PUBLIC_POSTHOG_KEY;",
        "process.env.NEXT_PUBLIC_MAPBOX_TOKEN;",
        "process.env.NEXT_PUBLIC_SENTRY_DSN;",
        "process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY;",
        "process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY;",
        "process.env.NEXT_PUBLIC_VAPID_PUBLIC_KEY;",
        "process.env.NEXT_PUBLIC_GOOGLE_CLIENT_ID;",
        "process.env.NEXT_PUBLIC_STATSIG_CLIENT_KEY;",
        "process.env.NEXT_PUBLIC_UPLOAD_API_KEY;",
        "process.env.NEXT_PUBLIC_BYTESCALE_API_KEY;",
        "process.env.NEXT_PUBLIC_TINYMCE_API_KEY;",
        "process.env.NEXT_PUBLIC_LAUNCHDARKLY_CLIENT_SIDE_ID;",
        "process.env.NEXT_PUBLIC_APP_URL;",
        "process.env.NEXT_PUBLIC_OPENAI_BASE_URL;",
        "import.meta.env.VITE_POSTHOG_KEY;",
        "process.env.OPENAI_API_KEY;",
      ].join("\n"),
    },
    {
      // RishabhTomar9/Nutrithy (bench/real-apps): an Express backend reading the name its Vite frontend's env file uses.
      name: "process.env.VITE_ where no framework is found: Vite writes VITE_ names into import.meta.env only",
      filename: appFile("unknown", "src/client.ts").filename,
      code: "export const key = process.env.VITE_GEMINI_API_KEY;\n",
    },
    { name: "allow option", filename: routeFile.filename, code: "process.env.NEXT_PUBLIC_MAPS_SECRET_KEY;", options: [{ allow: ["NEXT_PUBLIC_MAPS_SECRET_KEY"] }] },
    next("app/page.tsx"),
    appFile("nuxt", "nuxt.config.ts"),
  ],
  invalid: [
    {
      // HVVSATHWIK/Dots (batch 165): `PUBLIC_FB_*` is the Firebase web config, spelled as env names.
      name: "an `…_API_KEY` whose stem also names the Firebase config's fields is its public apiKey, read anywhere in the file; the stem's other secrets are not",
      filename: routeFile.filename,
      code: FIREBASE_STEM_READS.join("\n"),
      errors: [
        {
          messageId: "publicSecret",
          line: 4,
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "FB_ACCESS_TOKEN" }, output: [...FIREBASE_STEM_READS.slice(0, 3), "export const token = process.env.FB_ACCESS_TOKEN;"].join("\n") }],
        },
      ],
    },
    {
      name: "a publishable service's name with SECRET in it is still a secret",
      filename: routeFile.filename,
      code: "process.env.NEXT_PUBLIC_UPLOAD_SECRET_KEY;",
      errors: [{ messageId: "publicSecret", line: 1, suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "UPLOAD_SECRET_KEY" }, output: "process.env.UPLOAD_SECRET_KEY;" }] }],
    },
    {
      name: "one finding per variable per statement: `a ? a : fallback` reads it twice",
      filename: next("app/chat/chat-box.tsx").filename,
      code: ['"use client";', "const options = {", "  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY", "    ? process.env.NEXT_PUBLIC_OPENAI_API_KEY", '    : "free",', "};"].join("\n"),
      errors: [{ messageId: "publicSecret", line: 3, suggestions: [] }],
    },
    {
      name: "the same variable in two statements is two findings",
      filename: next("app/chat/chat-box.tsx").filename,
      code: ['"use client";', "const a = process.env.NEXT_PUBLIC_OPENAI_API_KEY;", "const b = process.env.NEXT_PUBLIC_OPENAI_API_KEY;"].join("\n"),
      errors: [{ messageId: "publicSecret", line: 2 }, { messageId: "publicSecret", line: 3 }],
    },
    {
      name: "two settings of one object are two findings: `enabled: !!KEY` and `apiKey: KEY` (JennyT3/INFINITO)",
      filename: next("app/chat/chat-box.tsx").filename,
      code: ['"use client";', "const options = {", "  enabled: !!process.env.NEXT_PUBLIC_OPENAI_API_KEY,", "  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,", "};"].join("\n"),
      errors: [{ messageId: "publicSecret", line: 3 }, { messageId: "publicSecret", line: 4 }],
    },
    {
      name: "two JSX expressions are two findings, one `{KEY ? … : …}` is one (romiteld/eva-assistant's voice-debug page)",
      filename: next("app/chat/chat-box.tsx").filename,
      code: [
        '"use client";',
        "export default function Page() {",
        "  return (",
        "    <span className={process.env.NEXT_PUBLIC_GEMINI_API_KEY ? \"ok\" : \"missing\"}>",
        "      {process.env.NEXT_PUBLIC_GEMINI_API_KEY ? \"Present\" : process.env.NEXT_PUBLIC_GEMINI_API_KEY}",
        "    </span>",
        "  );",
        "}",
      ].join("\n"),
      errors: [{ messageId: "publicSecret", line: 4 }, { messageId: "publicSecret", line: 5 }],
    },
    {
      name: "setting the variable is no read: a script that loads its own .env is reported where it reads the key, and the rename renames the setting too",
      filename: routeFile.filename,
      code: 'process.env.NEXT_PUBLIC_OPENAI_API_KEY = loadKey();\nexport const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;',
      errors: [
        {
          messageId: "publicSecret",
          line: 2,
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "OPENAI_API_KEY" }, output: "process.env.OPENAI_API_KEY = loadKey();\nexport const key = process.env.OPENAI_API_KEY;" }],
        },
      ],
    },
    {
      name: "a test that sets the variable and deletes it after reads nothing (daydaylx/Disa_Ai's proxy tests, batch 89); a read between them still counts",
      filename: path.join(APPS, "vite", "tests", "proxy.test.ts"),
      code: [
        'beforeEach(() => { process.env.VITE_PROXY_SHARED_SECRET = "test-secret"; });',
        "afterEach(() => { delete process.env.VITE_PROXY_SHARED_SECRET; });",
        "it(\"signs\", () => { delete (process.env as Record<string, string>).VITE_PROXY_SHARED_SECRET; });",
        "export const secret = process.env.VITE_PROXY_SHARED_SECRET;",
      ].join("\n"),
      errors: [{ messageId: "prefixNotExposed", line: 4 }],
    },
    {
      name: "server code: the rename fixes every read of the statement",
      filename: routeFile.filename,
      code: 'export const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY ? process.env.NEXT_PUBLIC_OPENAI_API_KEY : "";',
      errors: [
        {
          messageId: "publicSecret",
          line: 1,
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "OPENAI_API_KEY" }, output: 'export const key = process.env.OPENAI_API_KEY ? process.env.OPENAI_API_KEY : "";' }],
        },
      ],
    },
    {
      // Browser code: no rename offered (the browser would then read undefined).
      ...next("app/chat/chat-box.tsx"),
      errors: [{ messageId: "publicSecret", line: 8, data: { name: "NEXT_PUBLIC_OPENAI_API_KEY", prefix: "NEXT_PUBLIC_", unprefixed: "OPENAI_API_KEY" }, suggestions: [] }],
    },
    {
      // Server-only code (a route handler): renaming to the server name is safe.
      ...routeFile,
      errors: [
        {
          messageId: "publicSecret",
          line: 4,
          data: { name: "NEXT_PUBLIC_ANTHROPIC_API_KEY", prefix: "NEXT_PUBLIC_", unprefixed: "ANTHROPIC_API_KEY" },
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "ANTHROPIC_API_KEY" }, output: routeFile.code.replace("NEXT_PUBLIC_ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY") }],
        },
      ],
    },
    {
      name: "bracket access in server code keeps the quotes",
      filename: routeFile.filename,
      code: `export const k = process.env["NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY"];\n`,
      errors: [
        {
          messageId: "publicSecret",
          line: 1,
          suggestions: [{ messageId: "renameToServerName", output: `export const k = process.env["SUPABASE_SERVICE_ROLE_KEY"];\n` }],
        },
      ],
    },
    {
      name: "every public prefix",
      filename: appFile("unknown", "src/client.ts").filename,
      code: [
        "import.meta.env.VITE_ANTHROPIC_KEY;",
        "process.env.REACT_APP_GROQ_API_KEY;",
        "import.meta.env.PUBLIC_MISTRAL_API_KEY;",
        "import.meta.env.VITE_STRIPE_SECRET_KEY;",
        "process.env.EXPO_PUBLIC_OPENROUTER_API_KEY;",
        "process.env.GATSBY_HF_TOKEN;",
        "process.env.NUXT_PUBLIC_DEEPSEEK_API_KEY;",
        "const { NEXT_PUBLIC_CLERK_SECRET_KEY } = process.env;",
      ].join("\n"),
      errors: [1, 2, 3, 4, 5, 6, 7, 8].map((line) => ({ messageId: "publicSecret" as const, line, suggestions: [] })),
    },
    {
      // gest-o-interna-ARAQUARI (bench/real-apps): `const env = (import.meta as any).env || {}` then `env.VITE_GROQ_API_KEY`.
      name: "a module-level alias of import.meta.env",
      filename: appFile("vite", "src/api.ts").filename,
      code: ["const env = (import.meta as any).env || {};", "export const key = () => env.VITE_GROQ_API_KEY;"].join("\n"),
      errors: [{ messageId: "publicSecret", line: 2, data: { name: "VITE_GROQ_API_KEY", prefix: "VITE_", unprefixed: "GROQ_API_KEY" } }],
    },
    {
      // Rustam-gif/vocab (bench/real-apps): `(process as any).env?.EXPO_PUBLIC_NEWS_API_KEY`, in a file that
      // never spells `process.env`.
      name: "process.env behind a TypeScript cast or optional chaining",
      filename: routeFile.filename,
      code: CAST_READS,
      errors: [
        {
          messageId: "publicSecret",
          line: 1,
          data: { name: "NEXT_PUBLIC_OPENAI_API_KEY", prefix: "NEXT_PUBLIC_", unprefixed: "OPENAI_API_KEY" },
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "OPENAI_API_KEY" }, output: CAST_READS.replace("NEXT_PUBLIC_OPENAI_API_KEY", "OPENAI_API_KEY") }],
        },
        {
          messageId: "publicSecret",
          line: 2,
          data: { name: "NEXT_PUBLIC_GROQ_API_KEY", prefix: "NEXT_PUBLIC_", unprefixed: "GROQ_API_KEY" },
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "GROQ_API_KEY" }, output: CAST_READS.replace("NEXT_PUBLIC_GROQ_API_KEY", "GROQ_API_KEY") }],
        },
      ],
    },
    {
      // Unknown framework: still reported wherever read, but no rename (nothing proves it is server code).
      ...appFile("unknown", "src/client.ts"),
      errors: [{ messageId: "publicSecret", line: 4, suggestions: [] }],
    },
    {
      ...appFile("vite", "src/api.ts"),
      errors: [{ messageId: "publicSecret", line: 4, data: { name: "VITE_OPENAI_API_KEY", prefix: "VITE_", unprefixed: "OPENAI_API_KEY" } }],
    },
    {
      ...appFile("sveltekit", "src/routes/+page.ts"),
      errors: [{ messageId: "publicSecret", line: 2, data: { name: "PUBLIC_MISTRAL_API_KEY", prefix: "PUBLIC_", unprefixed: "MISTRAL_API_KEY" } }],
    },
    {
      ...appFile("expo", "app/index.tsx"),
      errors: [{ messageId: "publicSecret", line: 4 }],
    },
    {
      ...appFile("gatsby", "src/pages/index.js"),
      errors: [{ messageId: "publicSecret", line: 4 }],
    },
    {
      ...appFile("cra", "src/openai.js"),
      errors: [{ messageId: "publicSecret", line: 2 }],
    },
    {
      // next.config env: always inlined, whatever the prefix.
      ...next("next.config.js"),
      errors: [{ messageId: "configEnvSecret", line: 3, data: { name: "OPENAI_API_KEY" } }],
    },
    {
      // mridulr2003/img-gen-dalle (batch 232): Next.js writes publicRuntimeConfig into every page's data;
      // serverRuntimeConfig stays on the server.
      name: "next.config's publicRuntimeConfig: a secret by its key's name or by the env var it copies",
      filename: next("next.config.js").filename,
      code: [
        "module.exports = {",
        "  serverRuntimeConfig: { openaiKey: process.env.OPENAI_API_KEY },",
        "  publicRuntimeConfig: {",
        "    apiKey: process.env.OPENAI_API_KEY,",
        "    GEMINI_API_KEY: process.env.GEMINI_API_KEY ?? '',",
        "    siteUrl: process.env.NEXT_PUBLIC_SITE_URL,",
        "  },",
        "};",
      ].join("\n"),
      errors: [
        { messageId: "configNextPublicRuntimeSecret", line: 4, data: { name: "apiKey" } },
        { messageId: "configNextPublicRuntimeSecret", line: 5, data: { name: "GEMINI_API_KEY" } },
      ],
    },
    {
      ...appFile("vite", "vite.config.ts"),
      errors: [{ messageId: "configDefineSecret", line: 3, data: { name: "OPENAI_API_KEY" } }],
    },
    {
      // alaminShaheen/chrome-autocomplete-extension (batch 78): `vite build --config vite-background.config.ts`.
      name: "a second Vite config a build script names: its define of a secret",
      filename: path.join(APPS, "vite", "vite-background.config.ts"),
      code: [
        `import { defineConfig } from "vite";`,
        `export default defineConfig({`,
        `  build: { rollupOptions: { input: { background: "./background/background.ts" } } },`,
        `  define: { "import.meta.env.OPENAI_API_KEY": JSON.stringify(process.env.OPENAI_API_KEY) },`,
        `});`,
      ].join("\n"),
      errors: [{ messageId: "configDefineSecret", line: 4, data: { name: "OPENAI_API_KEY" } }],
    },
    {
      // jaemskyle/stellar (bench/real-apps): Astro's Vite config, for a React island that reads the key.
      name: "astro.config: a define of a secret in the Vite config it holds",
      filename: path.join(APPS, "astro", "astro.config.mjs"),
      code: [
        `import { defineConfig } from "astro/config";`,
        `export default defineConfig({`,
        `  output: "server",`,
        `  vite: { define: { "process.env.OPENAI_API_KEY": JSON.stringify(process.env.OPENAI_API_KEY) } },`,
        `});`,
      ].join("\n"),
      errors: [{ messageId: "configDefineSecret", line: 4, data: { name: "OPENAI_API_KEY" } }],
    },
    {
      // only891/memories-poems (batch 76), an AI Studio app: `process.env` defined as an object of its own.
      name: "Vite define of process.env as an object: its secret keys, not its other entries",
      filename: appFile("vite", "vite.config.ts").filename,
      code: [
        `import { defineConfig, loadEnv } from "vite";`,
        `export default defineConfig(({ mode }) => {`,
        `  const apiKey = loadEnv(mode, process.cwd(), "").GEMINI_API_KEY;`,
        `  return {`,
        `    define: {`,
        `      "process.env": { API_KEY: JSON.stringify(apiKey), NODE_ENV: JSON.stringify(mode) },`,
        `    },`,
        `  };`,
        `});`,
      ].join("\n"),
      errors: [{ messageId: "configDefineSecret", line: 6, data: { name: "API_KEY" } }],
    },
    {
      // A real Vite app with a Cloudflare Worker (bench/real-apps) "fixes" `process is not defined` this way.
      name: "Vite define of the whole environment: process.env itself, JSON.stringify'd, spread, or loadEnv with an empty prefix",
      filename: appFile("vite", "vite.config.ts").filename,
      code: [
        `import { defineConfig, loadEnv } from "vite";`,
        `export default defineConfig(({ mode }) => {`,
        `  const env = loadEnv(mode, process.cwd(), "");`,
        `  return {`,
        `    define: {`,
        `      "process.env": process.env,`,
        `      "import.meta.env": JSON.stringify(env),`,
        `    },`,
        `  };`,
        `});`,
        `export const other = { define: { "process.env": { ...process.env } } };`,
      ].join("\n"),
      errors: [
        { messageId: "configDefineWholeEnv", line: 6, data: { name: "process.env" } },
        { messageId: "configDefineWholeEnv", line: 7, data: { name: "import.meta.env" } },
        { messageId: "configDefineWholeEnv", line: 11, data: { name: "process.env" } },
      ],
    },
    {
      name: "nuxt.config: a NUXT_PUBLIC_ secret in runtimeConfig.public is reported there, once; one in a private key is not (codedbyfrancis/edncr, batch 40)",
      filename: appFile("nuxt", "nuxt.config.ts").filename,
      code: [
        `export default defineNuxtConfig({`,
        `  runtimeConfig: {`,
        `    mail: { smtp: { auth: { pass: process.env.NUXT_PUBLIC_PASSWORD } } },`,
        `    public: {`,
        `      geminiKey: process.env.NUXT_PUBLIC_GEMINI_API_KEY,`,
        `    },`,
        `  },`,
        `});`,
      ].join("\n"),
      errors: [{ messageId: "configRuntimePublicSecret", line: 5, data: { name: "geminiKey" } }],
    },
    {
      // Nuxt writes runtimeConfig.public into every page: a secret by its name or by the env var it reads.
      name: "nuxt.config runtimeConfig.public",
      filename: appFile("nuxt", "nuxt.config.ts").filename,
      code: [
        `export default defineNuxtConfig({`,
        `  runtimeConfig: {`,
        `    openaiApiKey: process.env.OPENAI_API_KEY,`,
        `    public: {`,
        `      OPENAI_API_KEY: process.env.OPENAI_API_KEY,`,
        `      assistant: process.env.NUXT_ANTHROPIC_API_KEY ?? "",`,
        `      enabled: Boolean(process.env.OPENAI_API_KEY),`,
        `      elevenlabsToken: "",`,
        `      appUrl: process.env.APP_URL,`,
        `      supabaseAnonKey: process.env.SUPABASE_ANON_KEY,`,
        `    },`,
        `  },`,
        `});`,
      ].join("\n"),
      errors: [
        { messageId: "configRuntimePublicSecret", line: 5, data: { name: "OPENAI_API_KEY" } },
        { messageId: "configRuntimePublicSecret", line: 6, data: { name: "assistant" } },
        { messageId: "configRuntimePublicSecret", line: 8, data: { name: "elevenlabsToken" } },
      ],
    },
    {
      // Moby47/prayerpath_frontend (batch 62): Nuxt 2's spelling; its private privateRuntimeConfig stays quiet.
      name: "nuxt.config of Nuxt 2: publicRuntimeConfig",
      filename: appFile("nuxt", "nuxt.config.ts").filename,
      code: [
        `export default {`,
        `  privateRuntimeConfig: { openaiKey: process.env.OPENAI_API_KEY },`,
        `  publicRuntimeConfig: {`,
        `    BACKEND_APP_URL: process.env.BACKEND_APP_URL,`,
        `    OPENAI_API_KEY: process.env.OPENAI_API_KEY,`,
        `  },`,
        `};`,
      ].join("\n"),
      errors: [{ messageId: "configRuntimePublicSecret", line: 5, data: { name: "OPENAI_API_KEY" } }],
    },
    {
      // amolwalia/Scaffold (bench/real-apps batch 22): app.config.js copies the server's OpenAI key into `extra`.
      name: "Expo app.config extra, under expo or beside Expo's own keys (a project not known as Expo)",
      filename: path.join(APPS, "unknown", "app.config.js"),
      code: [
        `export default ({ config }) => ({`,
        `  ...config,`,
        `  expo: {`,
        `    name: "scaffold",`,
        `    extra: {`,
        `      openaiApiKey: process.env.OPENAI_API_KEY,`,
        `      apiUrl: process.env.API_URL,`,
        `      eas: { projectId: "demo" },`,
        `      stripeSecretKey: "",`,
        `    },`,
        `  },`,
        `});`,
        `export const plain = { slug: "scaffold", extra: { assistant: process.env.ANTHROPIC_API_KEY } };`,
        `export const notExpo = { extra: { token: process.env.GITHUB_TOKEN } };`,
      ].join("\n"),
      errors: [
        { messageId: "configExpoExtraSecret", line: 6, data: { name: "openaiApiKey" } },
        { messageId: "configExpoExtraSecret", line: 9, data: { name: "stripeSecretKey" } },
        { messageId: "configExpoExtraSecret", line: 13, data: { name: "assistant" } },
      ],
    },
    {
      // Scaffold's own shape: the config object built from spreads, in an Expo project (fixture app `expo`).
      name: "Expo app.config extra in an object of spreads",
      filename: path.join(APPS, "expo", "app.config.js"),
      code: SPREAD_CONFIG,
      errors: [
        { messageId: "configExpoExtraSecret", line: 5, data: { name: "openaiApiKey" } },
        {
          messageId: "publicSecret",
          line: 5,
          data: { name: "EXPO_PUBLIC_OPENAI_API_KEY", prefix: "EXPO_PUBLIC_", unprefixed: "OPENAI_API_KEY" },
          // The config runs only at build time: renaming the read is safe.
          suggestions: [{ messageId: "renameToServerName", data: { unprefixed: "OPENAI_API_KEY" }, output: SPREAD_CONFIG.replace("process.env.EXPO_PUBLIC_OPENAI_API_KEY", "process.env.OPENAI_API_KEY") }],
        },
      ],
    },
  ],
});

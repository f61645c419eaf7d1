import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-client-secrets";
import type { noClientSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import { appFile } from "./support";

// The plugin and the rule tester resolve two copies of @typescript-eslint/utils: same shape, other type identity.
const rule = plugin as unknown as RuleModule<keyof typeof noClientSecretsMessages, [{ reportNonSecretReads?: boolean }]>;

const next = (rel: string) => appFile("next-app-router", rel);

ruleTester().run("no-client-secrets", rule, {
  valid: [
    {
      // sora32127/healthy-person-emulator-dotorg (batch 83): the component's own `handleSave` shadows the
      // action's helper of that name, which alone uses the server-only import; the build drops both.
      name: "a server-only import used by an action's helper that a component's local shadows by name",
      filename: appFile("remix", "app/routes/chat.tsx").filename,
      code: [
        `import { getSession } from "~/session.server";`,
        `export default function Chat() {`,
        `  const handleSave = async () => fetch("/chat", { method: "POST" });`,
        `  return <button onClick={() => handleSave()}>save</button>;`,
        `}`,
        `export async function action() {`,
        `  return handleSave();`,
        `}`,
        `async function handleSave() {`,
        `  return getSession();`,
        `}`,
      ].join("\n"),
    },
    // Server component, route handler, server-only module reached from a route handler.
    next("app/page.tsx"),
    next("app/api/chat/route.ts"),
    next("lib/server-ai.ts"),
    // "use server": the browser gets references only.
    next("app/actions.ts"),
    {
      // 1willcobb/chasing-summer (bench/real-apps): inline type specifiers only, erased by TypeScript.
      name: "a route importing only types from a .server module",
      filename: appFile("remix", "app/routes/chat.tsx").filename,
      code: `import { type Session } from "~/session.server";\n\nexport default function Chat(props: { session?: Session }) {\n  return <p>{String(props.session)}</p>;\n}\n`,
    },
    {
      // professionalowo/Hackathon2024 (batch 88): a plain import whose names are used only as types, erased by TypeScript.
      name: "a route importing a .server module's type without `type`",
      filename: appFile("remix", "app/routes/chat.tsx").filename,
      code: `import { Session } from "~/session.server";\n\nexport default function Chat(props: { session?: Session }) {\n  return <p>{String(props.session)}</p>;\n}\n`,
    },
    // Type-only imports, imports used only in `typeof`, unused imports: erased by TypeScript.
    next("lib/settings-types.ts"),
    next("lib/theme.ts"),
    next("lib/settings-loader.ts"),
    next("lib/unused-helper.ts"),
    // Remix / React Router: a resource route (only `action`) is never in the browser bundle.
    appFile("remix", "app/routes/api.upload.ts"),
    // Directive prologue: a late, backtick or parenthesised "use client" is no directive.
    next("app/directives/late.tsx"),
    next("app/directives/backtick.tsx"),
    next("app/directives/parens.tsx"),
    // Public and non-secret reads stay quiet by default.
    next("app/chat/chat-box.tsx"),
    {
      // frontendella/Build-AI-Apps-with-ChatGPT… (batch 43), Scrimba's course layout: `process` is the app's own object.
      name: "process imported from the app's own module, or declared by it, is not the environment",
      filename: next("app/chat/chat-box.tsx").filename,
      code: `"use client";\nimport { process } from "/env";\nexport const key = process.env.OPENAI_API_KEY;\n`,
    },
    {
      name: "a module-level process object",
      filename: next("app/chat/chat-box.tsx").filename,
      code: `"use client";\nconst process = { env: { OPENAI_API_KEY: "" } };\nexport const key = process.env.OPENAI_API_KEY;\n`,
    },
    {
      // AmritpalChera/mindplug_api (batch 187): a stray "use client" in a Pages Router API route. Next.js never
      // bundles pages/api for the browser, whatever the directive says.
      name: "a pages/api route that says \"use client\" is still server code",
      filename: appFile("next-pages", "pages/api/chat.ts").filename,
      code: `"use client";\nimport Stripe from "stripe";\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nexport default async function handler(req, res) {\n  res.json(await stripe.customers.list());\n}\n`,
    },
    // A file with a syntax error elsewhere in the graph: quiet, no crash.
    next("app/broken/broken-user.tsx"),
    // Pages Router: getServerSideProps/getStaticProps and what only they use; API routes; _document.
    appFile("next-pages", "lib/prices.ts"),
    appFile("next-pages", "lib/posts.ts"),
    appFile("next-pages", "pages/static.tsx"),
    appFile("next-pages", "pages/api/chat.ts"),
    appFile("next-pages", "pages/_document.tsx"),
    // Vite: server code not reachable from index.html.
    appFile("vite", "server/proxy.ts"),
    appFile("vite", "vite.config.ts"),
    appFile("cra", "scripts/seed.js"),
    // Expo API route, Gatsby Node APIs / Functions / getServerData.
    appFile("expo", "app/api/chat+api.ts"),
    appFile("gatsby", "gatsby-node.js"),
    appFile("gatsby", "src/api/chat.js"),
    // Astro: a component rendered without client:* stays on the server.
    appFile("astro", "src/components/Static.tsx"),
    // Nuxt server routes; SvelteKit server files; Remix loaders and .server modules.
    appFile("nuxt", "server/api/chat.ts"),
    appFile("sveltekit", "src/routes/+page.server.ts"),
    appFile("sveltekit", "src/lib/server/db.ts"),
    appFile("remix", "app/models.server.ts"),
    appFile("remix", "app/session.server.ts"),
    // Unknown framework: quiet rather than guess.
    appFile("unknown", "src/client.ts"),
  ],
  invalid: [
    {
      // Rustam-gif/vocab (bench/real-apps): a config module that also runs where there is no `process`
      // reads it behind a cast and `?.`; the text never spells `process.env`.
      name: "process.env behind a TypeScript cast or optional chaining",
      filename: next("app/chat/chat-box.tsx").filename,
      code: `"use client";\nexport const key = (process as any).env?.OPENAI_API_KEY;\nexport const other = process?.env?.GROQ_API_KEY;\n`,
      errors: [
        { messageId: "clientSecret", line: 2, data: { name: "OPENAI_API_KEY", chain: "app/chat/chat-box.tsx" } },
        { messageId: "clientSecret", line: 3, data: { name: "GROQ_API_KEY", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // mustafaozgumus/moda (batch 94), a Google AI Studio export: the type of the global its Vite define fills.
      name: "an ambient `declare const process` types the environment, it is not an object of the module",
      filename: next("app/chat/chat-box.tsx").filename,
      code: `"use client";\ndeclare const process: { env: { [key: string]: string | undefined } };\nexport const key = process.env.OPENAI_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 3, data: { name: "OPENAI_API_KEY", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      name: "process imported from node:process is the real environment",
      filename: next("app/chat/chat-box.tsx").filename,
      code: `"use client";\nimport process from "node:process";\nexport const key = process.env.OPENAI_API_KEY;\n`,
      errors: [{ messageId: "clientSecret", line: 3, data: { name: "OPENAI_API_KEY", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      ...next("lib/ai-client.ts"),
      errors: [{ messageId: "clientSecret", line: 4, data: { name: "OPENAI_API_KEY", chain: "app/chat/chat-box.tsx → lib/ai-client.ts" } }],
    },
    {
      // The option reports non-secret reads too.
      ...next("lib/ai-client.ts"),
      name: "next-app-router/lib/ai-client.ts with reportNonSecretReads",
      options: [{ reportNonSecretReads: true }],
      errors: [
        { messageId: "clientSecret", line: 4 },
        { messageId: "undefinedInBrowser", line: 9, data: { name: "CI", chain: "app/chat/chat-box.tsx → lib/ai-client.ts" } },
      ],
    },
    {
      // Barrel: `export *` and named re-exports are edges.
      ...next("components/widget.tsx"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "STRIPE_SECRET_KEY", chain: "app/shop/cart.tsx → components/index.ts → components/widget.tsx" } }],
    },
    {
      ...next("components/badge.tsx"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "DATABASE_URL", chain: "app/shop/cart.tsx → components/index.ts → components/badge.tsx" } }],
    },
    {
      // Dynamic import() through a tsconfig path.
      ...next("lib/heavy.ts"),
      errors: [{ messageId: "clientSecret", line: 4, data: { name: "GROQ_API_KEY", chain: "app/lazy/lazy-panel.tsx → lib/heavy.ts" } }],
    },
    {
      // require() from a .jsx client component.
      ...next("lib/legacy-config.js"),
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "LEGACY_AUTH_TOKEN", chain: "app/legacy/legacy-widget.jsx → lib/legacy-config.js" } }],
    },
    {
      // A cycle is walked once.
      ...next("lib/cycle-b.ts"),
      errors: [{ messageId: "clientSecret", line: 4, data: { name: "CYCLE_SECRET", chain: "app/cycle/cycle-view.tsx → lib/cycle-a.ts → lib/cycle-b.ts" } }],
    },
    {
      // Comments and "use strict" may precede the directive.
      ...next("app/directives/after-strict.tsx"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "OPENAI_API_KEY", chain: "app/directives/after-strict.tsx" } }],
    },
    {
      // Destructuring and bracket access; PLAYWRIGHT_TEST_BASE_URL is no secret.
      ...next("app/forms/env-forms.tsx"),
      errors: [
        { messageId: "clientSecret", line: 3, data: { name: "ANTHROPIC_API_KEY", chain: "app/forms/env-forms.tsx" } },
        { messageId: "clientSecret", line: 4, data: { name: "MISTRAL_API_KEY", chain: "app/forms/env-forms.tsx" } },
      ],
    },
    {
      // server-only in the client graph: a build error, not a leak.
      ...next("lib/db.ts"),
      errors: [{ messageId: "serverOnlyInBrowser", line: 1, data: { chain: "app/profile/profile-card.tsx → lib/db.ts" } }],
    },
    {
      // The linted text wins over the disk: a new "use client" is seen before saving.
      name: "unsaved text with a new directive",
      filename: next("lib/theme.ts").filename,
      code: `"use client";\nexport const token = process.env.THEME_API_TOKEN;\n`,
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "THEME_API_TOKEN", chain: "lib/theme.ts" } }],
    },
    // Pages Router: the page body runs in the browser, getServerSideProps does not.
    {
      ...appFile("next-pages", "pages/index.tsx"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "ANALYTICS_SECRET", chain: "pages/index.tsx" } }],
    },
    {
      ...appFile("next-pages", "lib/format.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "PAYMENT_API_KEY", chain: "pages/index.tsx → lib/format.ts" } }],
    },
    {
      // getInitialProps runs in the browser.
      ...appFile("next-pages", "pages/legacy.tsx"),
      errors: [{ messageId: "clientSecret", line: 6, data: { name: "LEGACY_API_TOKEN", chain: "pages/legacy.tsx" } }],
    },
    {
      ...appFile("vite", "src/api.ts"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "OPENAI_API_KEY", chain: "src/main.tsx → src/App.tsx → src/api.ts" } }],
    },
    {
      ...appFile("cra", "src/openai.js"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "OPENAI_API_KEY", chain: "src/index.js → src/App.js → src/openai.js" } }],
    },
    {
      ...appFile("expo", "lib/groq.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "GROQ_API_KEY", chain: "app/index.tsx → lib/groq.ts" } }],
    },
    {
      ...appFile("gatsby", "src/components/chat.js"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "OPENAI_API_KEY", chain: "src/pages/index.js → src/components/chat.js" } }],
    },
    {
      // Astro: a client:load island and a bundled <script>.
      ...appFile("astro", "src/components/Chat.tsx"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "OPENAI_API_KEY", chain: "src/pages/index.astro → src/components/Chat.tsx" } }],
    },
    {
      ...appFile("astro", "src/scripts/track.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "ANALYTICS_SECRET", chain: "src/pages/index.astro → src/scripts/track.ts" } }],
    },
    {
      ...appFile("nuxt", "composables/useAi.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "OPENAI_API_KEY", chain: "composables/useAi.ts" } }],
    },
    {
      // Imported from a .vue component through the ~ alias.
      ...appFile("nuxt", "lib/format.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "FORMAT_SECRET", chain: "components/ChatBox.vue → lib/format.ts" } }],
    },
    {
      // SvelteKit: $env/static/private in a universal load function.
      ...appFile("sveltekit", "src/routes/+page.ts"),
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain: "src/routes/+page.ts" } }],
    },
    {
      // $env/dynamic/private and a $lib/server import, reached from a .svelte page.
      ...appFile("sveltekit", "src/lib/ai.ts"),
      errors: [
        { messageId: "serverOnlyImport", line: 2, data: { module: "$lib/server/db", chain: "src/routes/+page.svelte → src/lib/ai.ts" } },
        { messageId: "clientSecret", line: 5, data: { name: "ANTHROPIC_API_KEY", chain: "src/routes/+page.svelte → src/lib/ai.ts" } },
      ],
    },
    {
      // Remix: the loader and what only it uses are stripped; the component is not.
      ...appFile("remix", "app/routes/_index.tsx"),
      errors: [{ messageId: "clientSecret", line: 9, data: { name: "SESSION_SECRET", chain: "app/routes/_index.tsx" } }],
    },
    {
      ...appFile("remix", "app/utils.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "LABEL_API_KEY", chain: "app/routes/_index.tsx → app/utils.ts" } }],
    },
    {
      ...appFile("remix", "app/routes/chat.tsx"),
      errors: [{ messageId: "serverOnlyImport", line: 1, data: { module: "~/session.server", chain: "app/routes/chat.tsx" } }],
    },
    {
      // No component, but `meta` runs in the browser: the module is bundled.
      ...appFile("remix", "app/routes/status.tsx"),
      errors: [{ messageId: "clientSecret", line: 4, data: { name: "STATUS_API_KEY", chain: "app/routes/status.tsx" } }],
    },
  ],
});

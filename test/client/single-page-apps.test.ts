/**
 * Issue 10, class 4: in a single-page app every module under src/ is browser code, reached or
 * not, unless the project says otherwise; `dangerouslyAllowBrowser` declares browser use where
 * a file's side cannot be decided. Fixture: test/fixtures/apps/vite-spa.
 */
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import clientSecretsPlugin from "../../eslint-plugin/src/rules/no-client-secrets";
import aiCallsPlugin from "../../eslint-plugin/src/rules/no-client-ai-calls";
import type { noClientAiCallsMessages, noClientSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import * as path from "node:path";
import { appFile, APPS } from "./support";

const clientSecrets = clientSecretsPlugin as unknown as RuleModule<keyof typeof noClientSecretsMessages, [{ reportNonSecretReads?: boolean }]>;
const aiCalls = aiCallsPlugin as unknown as RuleModule<keyof typeof noClientAiCallsMessages, []>;
const spa = (rel: string) => appFile("vite-spa", rel);
/** A file that need not exist: its text is given inline. */
const at = (app: string, rel: string) => path.join(APPS, app, rel);
const FLAGGED = `import OpenAI from "openai";
export const client = new OpenAI({ apiKey: key, dangerouslyAllowBrowser: true });`;

ruleTester().run("no-client-secrets: single-page apps", clientSecrets, {
  valid: [
    spa("src/server/ai.ts"),
    // Reached only from the project's server (server/index.ts imports it).
    spa("src/shared/prompt.ts"),
    spa("server/index.ts"),
    appFile("vite-root-option", "server/index.ts"),
    // karakeep-app/karakeep's MCP server (batch 66): Vite builds a Node CLI (node shebang, no index.html).
    { ...appFile("vite-node-cli", "src/shared.ts"), name: "a Vite project that builds a Node CLI has no browser src/" },
    // idkcursed/rag (batch 75): Vite's template turned into an Express server, with no index.html.
    { ...appFile("vite-express-server", "src/embeddings.ts"), name: "a Vite project whose src/index starts an Express server and has no page has no browser src/" },
    // justinmae/ai-characters-debate (batch 110): index.html loads /src/main.tsx; `tsx watch src/index.ts` runs the Express server.
    { ...appFile("vite-node-script", "src/api/tts.ts"), name: "a Vite project's src/index that a package script runs with Node is its server, no page's script" },
    { name: "a test file under src/", filename: at("vite-spa", "src/lib/summarize.test.ts"), code: "export const k = import.meta.env.OPENAI_API_KEY;" },
    { ...appFile("next-app-router", "lib/unused-helper.ts"), name: "Next.js: a module nothing imports is not browser code" },
    {
      // SvetimFM/mealmaster (batch 43): `node ./src/dev_backend/server.js`, an Express server kept in src/.
      name: "Create React App: an unreached module under src/ that is a Node program (express, dotenv)",
      filename: at("cra", "src/dev_backend/server.js"),
      code: `require("dotenv").config();\nconst express = require("express");\nconst app = express();\nexport const key = process.env.OPENAI_API_KEY;`,
    },
    {
      // The same list of server frameworks as a project's package.json is judged by (framework.ts).
      name: "Create React App: an unreached module under src/ that serves with Elysia or hapi",
      filename: at("cra", "src/dev_backend/api.ts"),
      code: `import { Elysia } from "elysia";
import Hapi from "@hapi/hapi";
export const key = process.env.OPENAI_API_KEY;
export const app = new Elysia();`,
    },
  ],
  invalid: [
    {
      // No entry reaches it yet: still browser code in a single-page app.
      ...spa("src/lib/summarize.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "OPENAI_API_KEY", chain: "src/lib/summarize.ts" } }],
    },
    {
      // skipdaily/homespec1 (batch 91): Vite's `root` is client/, so client/index.html's `/src/main.tsx` is the entry.
      ...appFile("vite-root-option", "client/src/components/chat.ts"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "OPENAI_API_KEY", chain: "client/src/main.tsx → client/src/components/chat.ts" } }],
    },
    {
      // Beside a stray copy of vite.config (no package.json, no page): still the project's client/src/.
      ...appFile("vite-root-option", "client/src/lib/ask.ts"),
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "ANTHROPIC_API_KEY", chain: "client/src/main.tsx → client/src/components/chat.ts → client/src/lib/ask.ts" } }],
    },
    {
      name: "Create React App: an unreached module under src/",
      filename: at("cra", "src/new-feature.js"),
      code: "export const key = process.env.OPENAI_API_KEY;",
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain: "src/new-feature.js" } }],
    },
  ],
});

ruleTester().run("no-client-ai-calls: declared browser use", aiCalls, {
  valid: [
    { name: "unknown framework, server folder", filename: at("unknown", "server/ai.ts"), code: FLAGGED },
    { name: "unknown framework, a Node program", filename: at("unknown", "src/job.ts"), code: `import { readFileSync } from "node:fs";\n${FLAGGED}` },
    // iamCelott/AskWai's server/utils/groq.ts (batch 64): a project of express and a provider SDK is a Node server.
    { name: "a helper of a Node server project (express, nothing that builds for a browser), with the flag", filename: at("express-server", "utils/groq.ts"), code: FLAGGED },
    { name: "SPA: reached only from server code", filename: at("vite-spa", "src/shared/prompt.ts"), code: FLAGGED },
    // Reached only from a route handler: server code, even with dangerouslyAllowBrowser.
    appFile("next-app-router", "lib/server-ai.ts"),
    {
      // gabrielvaldivia/falcor (batch 172): the dev server's proxy adds the header in Node; the browser never sees it.
      name: "a Vite config's dev proxy that sets the direct-access header is build code, not a declaration of browser use",
      filename: at("vite-spa", "vite.config.js"),
      code: `import { defineConfig, loadEnv } from "vite";\nexport default defineConfig(({ mode }) => {\n  const env = loadEnv(mode, process.cwd(), "");\n  return { server: { proxy: { "/api/anthropic": { target: "https://api.anthropic.com", headers: { "x-api-key": env.ANTHROPIC_API_KEY, "anthropic-dangerous-direct-browser-access": "true" } } } } };\n});`,
    },
  ],
  invalid: [
    {
      // Under the `root` folder's src/, reached from nothing: browser code, as in any Vite page.
      ...appFile("vite-root-option", "client/src/lib/unused-client.ts"),
      errors: [{ messageId: "dangerousBrowserClient", line: 4, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "client/src/lib/unused-client.ts" } }],
    },
    {
      ...spa("src/lib/chat-client.ts"),
      errors: [{ messageId: "dangerousBrowserClient", line: 4, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "src/lib/chat-client.ts" } }],
    },
    {
      name: "unknown framework: the flag is taken at its word",
      filename: at("unknown", "src/ai.ts"),
      code: FLAGGED,
      errors: [{ messageId: "dangerousBrowserClient", line: 2, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "ai.ts: the flag declares browser use" } }],
    },
    {
      name: "Next.js: a module nothing imports yet, with the flag",
      filename: at("next-app-router", "lib/orphan-ai.ts"),
      code: FLAGGED,
      errors: [{ messageId: "dangerousBrowserClient", line: 2, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "orphan-ai.ts: the flag declares browser use" } }],
    },
    {
      // VernerAnton/LL2LO's committed Vite bundle (batch 172): the request's key is `this.apiKey`, the
      // developer's, so where the side is known the header joins that request's one finding; nothing
      // imports the bundle, so only the declaration counts, and it is not lost with the request.
      name: "unknown framework: the header on a request sent with the developer's key is still taken at its word",
      filename: at("unknown", "assets/index-bundle.js"),
      code: `const t = "https://api.anthropic.com/v1/messages";\nexport class C { send(body) { return fetch(t, { method: "POST", headers: { "x-api-key": this.apiKey, "anthropic-dangerous-direct-browser-access": "true" }, body }); } }`,
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 2 }],
    },
    {
      name: "unknown framework: a flagged client that also sets the header is one declaration, one finding",
      filename: at("unknown", "src/claude-client.ts"),
      code: `import Anthropic from "@anthropic-ai/sdk";\nexport const client = new Anthropic({ apiKey: key, dangerouslyAllowBrowser: true, defaultHeaders: { "anthropic-dangerous-direct-browser-access": "true" } });`,
      errors: [{ messageId: "dangerousBrowserClient", line: 2 }],
    },
    {
      name: "unknown framework: anthropic-dangerous-direct-browser-access",
      filename: at("unknown", "src/claude.ts"),
      code: `export const r = fetch(url, { headers: { "x-api-key": key, "anthropic-dangerous-direct-browser-access": "true" } });`,
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 1 }],
    },
  ],
});

/**
 * no-client-secrets on server code that hands a secret to the browser as data: Pages Router props,
 * a Remix loader's data, a SvelteKit server load, a server component's prop to a client component.
 * The read runs on the server; what it returns is in the page every visitor downloads.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-client-secrets";
import type { noClientSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import { appFile } from "./support";
import * as assert from "node:assert/strict";
import { clearFrameworkCache, frameworkStats } from "../../eslint-plugin/src/engine/client/framework";
import { maySendSecrets } from "../../eslint-plugin/src/engine/client/sent-secrets";

const rule = plugin as unknown as RuleModule<keyof typeof noClientSecretsMessages, []>;
const pagesIndex = appFile("next-pages", "pages/index.tsx").filename;
const remixRoute = appFile("remix", "app/routes/chat.tsx").filename;
const svelteServerLoad = appFile("sveltekit", "src/routes/+page.server.ts").filename;
const serverPage = appFile("next-app-router", "app/page.tsx").filename;
const lines = (...text: string[]) => text.join("\n");

/** A Next.js app whose client page imports a module with no directive (browser code too). */
const browserApp = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-sent-"));
for (const [rel, text] of Object.entries({
  "package.json": JSON.stringify({ dependencies: { next: "15.0.0" } }),
  "app/page.tsx": `"use client";\nimport { Widget } from "./widget";\nexport default function Page() { return <Widget />; }\n`,
  "app/widget.tsx": `import Box from "./box";\nexport function Widget() { return <Box />; }\n`,
  "app/box.tsx": `"use client";\nexport default function Box(props: { apiKey?: string }) { return <p>{props.apiKey ? "on" : "off"}</p>; }\n`,
})) {
  fs.mkdirSync(path.dirname(path.join(browserApp, rel)), { recursive: true });
  fs.writeFileSync(path.join(browserApp, rel), text);
}
after(() => fs.rmSync(browserApp, { recursive: true, force: true }));

ruleTester().run("no-client-secrets: secrets sent to the browser as data", rule, {
  valid: [
    {
      name: "getServerSideProps uses the key and sends the result",
      filename: pagesIndex,
      code: lines(
        `export async function getServerSideProps() {`,
        `  const prices = await fetch("https://api.example.com", { headers: { Authorization: process.env.STRIPE_SECRET_KEY! } });`,
        `  return { props: { prices: await prices.json(), configured: Boolean(process.env.OPENAI_API_KEY) } };`,
        `}`,
        `export default function Home() { return null; }`,
      ),
    },
    {
      name: "a loader returns a public URL and a boolean",
      filename: remixRoute,
      code: lines(`import { json } from "@remix-run/node";`, `export const loader = async () => json({ url: process.env.APP_URL, hasKey: !!process.env.OPENAI_API_KEY });`),
    },
    {
      name: "the action (not the loader) may use the key",
      filename: remixRoute,
      code: lines(`export async function action() {`, `  const key = process.env.OPENAI_API_KEY;`, `  return { ok: key !== undefined };`, `}`),
    },
    {
      name: "a server component passes the key to a server-only helper, not to a client component",
      filename: serverPage,
      code: lines(`import { summarise } from "@/lib/server-ai";`, `export default async function Page() {`, `  return <p>{await summarise(process.env.OPENAI_API_KEY!)}</p>;`, `}`),
    },
    {
      name: "same code in a file no framework sends (a Pages Router API route)",
      filename: appFile("next-pages", "pages/api/chat.ts").filename,
      code: lines(`export async function getServerSideProps() {`, `  return { props: { key: process.env.OPENAI_API_KEY } };`, `}`),
    },
  ],
  invalid: [
    {
      // A module without a directive that a client component imports runs in the browser too:
      // its read is reported as a browser read, once, not also as a prop sent to <Box>.
      name: "browser code passing the key to a client component: one finding, the browser read",
      filename: path.join(browserApp, "app/widget.tsx"),
      code: lines(`import Box from "./box";`, `export function Widget() {`, `  return <Box apiKey={process.env.OPENAI_API_KEY} />;`, `}`),
      errors: [{ messageId: "clientSecret", line: 3, data: { name: "OPENAI_API_KEY", chain: "app/page.tsx → app/widget.tsx" } }],
    },
    {
      name: "getServerSideProps props",
      filename: pagesIndex,
      code: lines(`export async function getServerSideProps() {`, `  return { props: { openaiKey: process.env.OPENAI_API_KEY } };`, `}`, `export default function Home() { return null; }`),
      errors: [{ messageId: "secretSentToBrowser", line: 2, data: { name: "OPENAI_API_KEY", via: "getServerSideProps's props" } }],
    },
    {
      name: "getStaticProps props through a const",
      filename: pagesIndex,
      code: lines(`const key = process.env.ANTHROPIC_API_KEY ?? "";`, `export const getStaticProps = async () => ({ props: { key } });`),
      errors: [{ messageId: "secretSentToBrowser", line: 2, data: { name: "ANTHROPIC_API_KEY", via: "getStaticProps's props" } }],
    },
    {
      name: "a Remix loader's json(…) data",
      filename: remixRoute,
      code: lines(
        `import { json, type LoaderFunction } from "@remix-run/node";`,
        `export const loader: LoaderFunction = async () => {`,
        `  return json({ OPENAI_API_KEY: process.env.OPENAI_API_KEY, OPENAI_API_URL: process.env.OPENAI_API_URL });`,
        `};`,
      ),
      errors: [{ messageId: "secretSentToBrowser", line: 3, data: { name: "OPENAI_API_KEY", via: "the loader's data" } }],
    },
    {
      name: "a plain object returned by a loader function",
      filename: remixRoute,
      code: lines(`export async function loader() {`, `  const groqKey = process.env.GROQ_API_KEY;`, `  return { groqKey };`, `}`),
      errors: [{ messageId: "secretSentToBrowser", line: 3, data: { name: "GROQ_API_KEY", via: "the loader's data" } }],
    },
    {
      // nuvolaris/smart-ai-secretary (bench/real-apps): the token is reported, the URL and the organisation name are not.
      name: "a SvelteKit server load returning $env/static/private values: the ones whose names say secret",
      filename: svelteServerLoad,
      code: lines(
        `import { OPENAI_API_KEY, URL_SEND_MESSAGE, ORGANIZATION } from "$env/static/private";`,
        `export const load = async () => {`,
        `  return { apiKey: OPENAI_API_KEY, url: URL_SEND_MESSAGE, organization: ORGANIZATION };`,
        `};`,
      ),
      errors: [{ messageId: "secretSentToBrowser", line: 3, data: { name: "OPENAI_API_KEY", via: "load's data" } }],
    },
    {
      name: "a server component passing the key to a \"use client\" component",
      filename: serverPage,
      code: lines(`import ChatBox from "./chat/chat-box";`, `export default function Page() {`, `  return <ChatBox configured apiKey={process.env.OPENAI_API_KEY} />;`, `}`),
      errors: [{ messageId: "secretSentToBrowser", line: 3, data: { name: "OPENAI_API_KEY", via: "the apiKey prop of the client component <ChatBox>" } }],
    },
  ],
});

describe("no-client-secrets: the data a file may send, by its text first", () => {
  it("asks for no framework for a file with none of the words a role needs", () => {
    clearFrameworkCache();
    const before = frameworkStats.foldersRead;
    // A library module that reads a key (vercel/ai's load-api-key.ts): no props, loader or load.
    assert.equal(maySendSecrets(path.join(browserApp, "lib/key.ts"), "export function key() {\n  return process.env.OPENAI_API_KEY;\n}\n"), false);
    assert.equal(frameworkStats.foldersRead, before, "the workspace is not walked for it");
  });

  it("still finds the role of a file that has them", () => {
    clearFrameworkCache();
    const before = frameworkStats.foldersRead;
    assert.equal(maySendSecrets(pagesIndex, "export async function getServerSideProps() {\n  return { props: { key: process.env.OPENAI_API_KEY } };\n}\n"), true);
    assert.ok(frameworkStats.foldersRead > before);
    assert.equal(maySendSecrets(path.join(browserApp, "app/page.tsx"), "export default function Page() {\n  return <Box apiKey={process.env.OPENAI_API_KEY} />;\n}\n"), true);
    assert.equal(maySendSecrets(path.join(browserApp, "lib/key.ts"), "export const settings = { on: true };\nconst x = { a: 1 };\nexport const y ={ b: 2 };\n"), false, "a role's words, but no role");
  });
});

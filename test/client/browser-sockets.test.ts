/**
 * no-client-ai-calls on a browser WebSocket to a provider's realtime API. A browser cannot set a
 * socket's headers, so the key rides in a subprotocol (OpenAI Realtime's
 * `openai-insecure-api-key.<key>`, Deepgram's `["token", key]`) or in the URL's query (Gemini Live's
 * `?key=`). The developer's own key there ships to every visitor; a short-lived token the app's
 * server minted, or the user's own key, does not (batch 145's Deepgram and AssemblyAI apps).
 */
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-client-ai-calls";
import type { noClientAiCallsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import { appFile } from "./support";

const rule = plugin as unknown as RuleModule<keyof typeof noClientAiCallsMessages, []>;
const filename = appFile("next-app-router", "app/chat/chat-box.tsx").filename;
const chain = "app/chat/chat-box.tsx";

ruleTester().run("no-client-ai-calls: browser sockets", rule, {
  valid: [
    {
      name: "a Deepgram token the app's server minted, fetched by the page",
      filename,
      code: [
        `"use client";`,
        `export async function listen() {`,
        `  const { key } = await (await fetch("/api/deepgram/token")).json();`,
        `  return new WebSocket("wss://api.deepgram.com/v1/listen?model=nova-3", ["token", key]);`,
        `}`,
      ].join("\n"),
    },
    {
      name: "OpenAI Realtime with the ephemeral key the app's server minted",
      filename,
      code: [
        `"use client";`,
        `export async function connect() {`,
        `  const session = await (await fetch("/api/session")).json();`,
        `  const ephemeralKey = session.client_secret.value;`,
        `  return new WebSocket("wss://api.openai.com/v1/realtime?model=gpt-realtime", ["realtime", \`openai-insecure-api-key.\${ephemeralKey}\`]);`,
        `}`,
      ].join("\n"),
    },
    {
      name: "the user's own key, from browser storage",
      filename,
      code: `"use client";\nconst key = localStorage.getItem("deepgram_key") ?? "";\nexport const listen = () => new WebSocket("wss://api.deepgram.com/v1/listen", ["token", key]);`,
    },
    {
      name: "a socket to the app's own relay, with a key",
      filename,
      code: `"use client";\nexport const listen = () => new WebSocket("wss://relay.example.com/listen", ["token", process.env.NEXT_PUBLIC_DEEPGRAM_API_KEY]);`,
    },
    {
      name: "the protocol list this function makes from the user's key, beside another function's list of the same name",
      filename,
      code: [
        `"use client";`,
        `export function demo() {`,
        `  const protocols = ["token", process.env.NEXT_PUBLIC_DEEPGRAM_API_KEY];`,
        `  return protocols;`,
        `}`,
        `export function listen(userKey: string) {`,
        `  const protocols = ["token", userKey];`,
        `  return new WebSocket("wss://api.deepgram.com/v1/listen", protocols);`,
        `}`,
      ].join("\n"),
    },
    {
      name: "a provider socket with no key in sight",
      filename,
      code: `"use client";\nexport const listen = (protocols: string[]) => new WebSocket("wss://api.openai.com/v1/realtime?model=gpt-realtime", protocols);`,
    },
  ],
  invalid: [
    {
      name: "OpenAI Realtime with the developer's key in the insecure-api-key subprotocol",
      filename,
      code: `"use client";\nexport const connect = () => new WebSocket("wss://api.openai.com/v1/realtime?model=gpt-realtime", ["realtime", \`openai-insecure-api-key.\${process.env.NEXT_PUBLIC_OPENAI_API_KEY}\`, "openai-beta.realtime-v1"]);`,
      errors: [{ messageId: "directProviderCall", line: 2, data: { host: "api.openai.com", chain } }],
    },
    {
      name: "the same subprotocol built with +, the list held in a const",
      filename,
      code: `"use client";\nconst OPENAI_KEY = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nconst protocols = ["realtime", "openai-insecure-api-key." + OPENAI_KEY];\nexport const connect = () => new window.WebSocket("wss://api.openai.com/v1/realtime", protocols);`,
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain } }],
    },
    {
      name: "Deepgram's live API with the developer's key after a token entry",
      filename,
      code: `"use client";\nconst DEEPGRAM_KEY = process.env.NEXT_PUBLIC_DEEPGRAM_API_KEY;\nexport const listen = () => new WebSocket("wss://api.deepgram.com/v1/listen?model=nova-3", ["token", DEEPGRAM_KEY]);`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.deepgram.com", chain } }],
    },
    {
      name: "Gemini Live with the developer's key in the URL's query",
      filename,
      code: [
        `"use client";`,
        `const apiKey = process.env.NEXT_PUBLIC_GEMINI_API_KEY;`,
        `const HOST = "generativelanguage.googleapis.com";`,
        `export const connect = () => new WebSocket(\`wss://\${HOST}/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent?key=\${apiKey}\`);`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "generativelanguage.googleapis.com", chain } }],
    },
  ],
});

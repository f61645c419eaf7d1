import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-client-ai-calls";
import type { noClientAiCallsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import { appFile } from "./support";

// The plugin and the rule tester resolve two copies of @typescript-eslint/utils: same shape, other type identity.
const rule = plugin as unknown as RuleModule<keyof typeof noClientAiCallsMessages, []>;

const next = (rel: string) => appFile("next-app-router", rel);
const clientFile = next("app/chat/chat-box.tsx").filename;

ruleTester().run("no-client-ai-calls", rule, {
  valid: [
    {
      // KumarWayadande/ai-travel-planner (batch 191): every Google API takes `X-Goog-Api-Key`, Places (New) too. A key
      // whose name says Places or Maps, publishable by design, sent there is no Gemini key.
      name: "a Places call's X-Goog-Api-Key from a Maps/Places key name is no Gemini key",
      filename: clientFile,
      code: [
        `"use client";`,
        `import axios from "axios";`,
        `const config = { headers: { "Content-Type": "application/json", "X-Goog-Api-Key": process.env.NEXT_PUBLIC_GOOGLE_PLACE_API_KEY } };`,
        `export const getPlaceDetails = (data: object) => axios.post("https://places.googleapis.com/v1/places:searchText", data, config);`,
      ].join("\n"),
    },

    next("lib/server-ai.ts"),
    // "use server" module calling out with a key.
    next("app/actions.ts"),
    // Unknown framework: quiet.
    appFile("unknown", "src/client.ts"),
    // Reached by dynamic import(), its fetch's only credential is `process.env.GROQ_API_KEY`, which
    // Next.js leaves undefined in the browser: no key is sent (no-client-secrets reports the read).
    next("lib/heavy.ts"),
    { name: "explicit false", filename: clientFile, code: `"use client";\nnew OpenAI({ dangerouslyAllowBrowser: false });` },
    { name: "provider host without a credential", filename: clientFile, code: `"use client";\nfetch("https://api.openai.com/v1/models");` },
    {
      // mankal-27/expense-analyzer's testAi.js (batch 80): the key deleted, the scheme left.
      name: "an auth header with no key left in it",
      filename: clientFile,
      code: `"use client";\nfetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { "Content-Type": "application/json", Authorization: \`Bearer \` } });\nfetch("https://api.anthropic.com/v1/messages", { method: "POST", headers: { "x-api-key": "" } });`,
    },
    {
      // shubhraagarwal/termsAndConditionsSummarizer's popup (batch 196): the key deleted from a concatenation.
      name: "an auth header concatenated from the scheme and an empty string",
      filename: clientFile,
      code: `"use client";\nfetch("https://api.openai.com/v1/completions", { method: "POST", headers: { Authorization: "Bearer " + "" } });\nfetch("https://api.openai.com/v1/completions", { method: "POST", headers: { Authorization: "Bearer" + " " + \`\` } });`,
    },
    {
      // MoPaMo/vera-ai (batch 200): the saved key read where the header is written.
      name: "bring your own key: localStorage read inside the auth header's template",
      filename: clientFile,
      code: `"use client";\nimport axios from "axios";\nexport const run = (data: object) => axios.post("https://api.openai.com/v1/threads/runs", data, { headers: { Authorization: \`Bearer \${localStorage.getItem("apiKey")}\` } });\nexport const poll = () => fetch("https://api.openai.com/v1/threads", { headers: { Authorization: "Bearer " + localStorage.getItem("apiKey")!.trim() } });`,
    },
    {
      // boutzoua/Openai_RealtimeAPI_Voice_Console (batch 209): @openai/realtime-api-beta's own client, vendored into src/lib,
      // passes its caller's flag on; the app's own call decides (here with the user's key, reported where it is set).
      name: "a browser flag passed on from a parameter of the function around it (an SDK's own constructor)",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { RealtimeAPI } from "./api.js";`,
        `export class RealtimeClient {`,
        `  constructor({ url, apiKey, dangerouslyAllowAPIKeyInBrowser, debug } = {}) {`,
        `    this.realtime = new RealtimeAPI({ url, apiKey, dangerouslyAllowAPIKeyInBrowser, debug });`,
        `  }`,
        `}`,
      ].join("\n"),
    },
    { name: "own API route with a header", filename: clientFile, code: `"use client";\nfetch("/api/chat", { headers: { Authorization: "Bearer x" } });` },
    {
      name: "bring your own key: the key the user typed into a form",
      filename: clientFile,
      code: `"use client";\nexport function Chat() {\n  const [apiKey, setApiKey] = useState("");\n  const ask = () => fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${apiKey}\` } });\n  return [setApiKey, ask];\n}`,
    },
    {
      // hasan-tec/grok-chatbot's useChat hook (batch 90): the state restored from what was saved, or empty.
      name: "bring your own key: React state from a lazy initializer that restores the saved state or starts empty",
      filename: clientFile,
      code: `"use client";\nexport function useChat() {\n  const [state] = useState(() => {\n    const saved = localStorage.getItem("chat-state");\n    return saved ? JSON.parse(saved) : { messages: [], apiKey: "" };\n  });\n  return () => fetch("https://api.x.ai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${state.apiKey}\` } });\n}`,
    },
    {
      // JimmyBryant/OpenAI-Text-Generation's OpenAIForm.vue (batch 32), in a "use client" module's shape.
      name: "bring your own key: Vue state that starts from what the user saved, or empty",
      filename: clientFile,
      code: `"use client";\nconst apiKey = ref(localStorage.getItem("apiKey") || "");\nexport const ask = () => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey.value}\` } });`,
    },
    {
      // ManuelBv/simple-groq-cli's web page (batch 130): the saved key, tidied, or nothing.
      name: "bring your own key: a saved key picked by a condition and tidied with trim()",
      filename: clientFile,
      code: `"use client";\nlet apiKey = localStorage.getItem("groq_api_key") ? localStorage.getItem("groq_api_key")!.trim() : null;\nexport const ask = () => fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });`,
    },
    {
      // vue3-chatgpt-site (batch 100): VueUse's useStorage, a ref kept in localStorage that starts empty.
      name: "bring your own key: state kept in storage that starts empty (VueUse, usehooks-ts, svelte-persisted-store)",
      filename: clientFile,
      code: [
        `"use client";`,
        `const apiKey = useStorage("api-key", "");`,
        `const [groqKey] = useLocalStorage("groq-key", "");`,
        `const token = persisted("token", null);`,
        `export const ask = () => fetch("https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey.value}\` } });`,
        `export const askGroq = () => fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${groqKey}\`, "x-api-key": token } });`,
      ].join("\n"),
    },
    {
      name: "bring your own key: a zustand store of the same file whose key field starts empty",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { create } from "zustand";`,
        `const useSettings = create((set) => ({ apiKey: "", setApiKey: (apiKey: string) => set({ apiKey }) }));`,
        `export function Chat() {`,
        `  const { apiKey } = useSettings();`,
        `  return () => fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });`,
        `}`,
      ].join("\n"),
    },
    {
      // A bring-your-own-key assistant on a phone or in a userscript: the key its settings screen saved on the device.
      name: "bring your own key: what the app saved on the device (AsyncStorage, Expo SecureStore, Capacitor Preferences, GM_getValue)",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function ask(prompt: string) {`,
        `  const anthropicKey = await SecureStore.getItemAsync("ANTHROPIC_API_KEY");`,
        `  const openaiKey = await AsyncStorage.getItem("openai-key");`,
        `  const { value: groqKey } = await Preferences.get({ key: "groq" });`,
        `  const geminiKey = GM_getValue("geminiKey");`,
        `  await fetch("https://api.anthropic.com/v1/messages", { method: "POST", headers: { "x-api-key": anthropicKey }, body: prompt });`,
        `  await fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: \`Bearer \${openaiKey}\` }, body: prompt });`,
        `  await fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${groqKey}\` }, body: prompt });`,
        `  return fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?key=\${geminiKey}\`, { method: "POST", body: prompt });`,
        `}`,
      ].join("\n"),
    },
    {
      // kcbailey111.github.io's chatbot (batch 36): the visitor types their key into the page.
      name: "bring your own key: the value of the page's key field, by name or queried inline",
      filename: clientFile,
      code: `"use client";\nconst apiKeyInput = document.getElementById("api-key") as HTMLInputElement;\nexport async function ask(messages: unknown[]) {\n  const apiKey = apiKeyInput.value.trim();\n  await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ messages }) });\n  return fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${document.querySelector<HTMLInputElement>("#key")!.value}\` } });\n}`,
    },
    {
      name: "bring your own key: the caller's key through trim(), ?.trim() or String()",
      filename: clientFile,
      code: `"use client";\nexport function ask(apiKey: string, token?: string) {\n  const a = apiKey.trim();\n  const b = token?.trim();\n  const c = String(apiKey);\n  return [a, b, c].map((key) => fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${key}\` } })).concat(fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${a}\`, "x-api-key": b, "api-key": c } }));\n}`,
    },
    {
      // Stand-in keys of local servers and proxies are no one's key, and an empty key is no placeholder.
      name: "a client keyed by a local server's or proxy's stand-in, or by nothing yet",
      filename: clientFile,
      code: [
        `"use client";`,
        `import OpenAI from "openai";`,
        `import { GoogleGenerativeAI } from "@google/generative-ai";`,
        `export const local = new OpenAI({ baseURL: "http://localhost:11434/v1", apiKey: "ollama" });`,
        `export const proxied = new OpenAI({ baseURL: "/api/openai", apiKey: "YOUR_API_KEY" });`,
        `export const llamaCpp = new OpenAI({ apiKey: "sk-no-key-required" });`,
        `export const vllm = new OpenAI({ apiKey: "EMPTY" });`,
        `export const unset = new GoogleGenerativeAI("");`,
      ].join("\n"),
    },
    {
      // raxzrrr/MocKinvi's admin settings page (batch 50): the key an admin typed, tested from the page.
      name: "bring your own key: a settings form's state object whose key fields start empty",
      filename: clientFile,
      code: `"use client";\nexport function Settings() {\n  const [apiKeys, setApiKeys] = useState({ gemini_api_key: "", company_name: "Acme", price: 999 });\n  const test = () => fetch(\`https://generativelanguage.googleapis.com/v1beta/models?key=\${apiKeys.gemini_api_key}\`);\n  return [setApiKeys, test];\n}`,
    },
    {
      // fac30/chatgpt-clone (batch 52): the key field of the form the user submitted.
      name: "bring your own key: a field of a submitted form read with FormData.get",
      filename: clientFile,
      code: `"use client";\nexport function onSubmit(form: HTMLFormElement) {\n  const formData = new FormData(form);\n  const apiKey = formData.get("password");\n  fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });\n  return fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${new FormData(form).get("key")}\` } });\n}`,
    },
    { name: "look-alike host", filename: clientFile, code: `"use client";\nfetch("https://api.openai.com.example.invalid/v1", { headers: { Authorization: "x" } });` },
    {
      // charbelmansour005/ReactNative-myOpenAI-Davinci-ChatGPT: the const was commented out, key and all.
      name: "a header made of a name the file never declares or imports sends no key",
      filename: clientFile,
      code: `"use client";\n// const API_TOKEN = "…";\nexport const ask = () => fetch("https://api.openai.com/v1/completions", { headers: { Authorization: \`Bearer \${API_TOKEN}\` } });`,
    },
    {
      // MinSomai/cv-fe's RealtimeProvider.tsx (batch 34): OpenAI's documented WebRTC flow.
      name: "an ephemeral Realtime key the app's server minted (client_secret.value) is no developer key",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function connect(offer: RTCSessionDescriptionInit) {`,
        `  const sessionData = await (await fetch("/api/session")).json();`,
        `  const ephemeralToken = sessionData.client_secret.value;`,
        `  return fetch("https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview", { method: "POST", body: offer.sdp, headers: { Authorization: \`Bearer \${ephemeralToken}\`, "Content-Type": "application/sdp" } });`,
        `}`,
      ].join("\n"),
    },
    {
      // openai/openai-realtime-solar-system's app.tsx (batch 67): the field of an object typed as the client secret.
      name: "an ephemeral Realtime key read from an object typed RealtimeClientSecret (session.value)",
      filename: clientFile,
      code: [
        `"use client";`,
        `type RealtimeClientSecret = { value: string; expires_at: number };`,
        `export async function connect(offer: RTCSessionDescriptionInit) {`,
        `  const session: RealtimeClientSecret = await (await fetch("/api/session")).json();`,
        `  const sessionToken = session.value;`,
        `  return fetch("https://api.openai.com/v1/realtime/calls", { method: "POST", body: offer.sdp, headers: { Authorization: \`Bearer \${sessionToken}\`, "Content-Type": "application/sdp" } });`,
        `}`,
      ].join("\n"),
    },
    {
      // PeterBlenessy/ai-assistant-for-jira-desktop's helpers (batch 47) keep a Tauri app's settings this way.
      name: "a key destructured from a parameter (const { apiKey } = options) is the caller's",
      filename: clientFile,
      code: [
        `"use client";`,
        `export const ask = (options, body) => {`,
        `  const { baseURL, apiKey } = options;`,
        `  const provider = options.provider;`,
        `  return [`,
        `    fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body, headers: { Authorization: \`Bearer \${apiKey}\` } }),`,
        `    fetch("https://api.anthropic.com/v1/messages", { method: "POST", body, headers: { "x-api-key": provider.apiKey } }),`,
        `  ];`,
        `};`,
      ].join("\n"),
    },
    {
      name: "a key an extension read from its storage, in the read's .then callback, is the user's",
      filename: clientFile,
      code: `"use client";\nexport const ask = (body: string) => chrome.storage.sync.get("apiKey").then(({ apiKey }) => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body, headers: { Authorization: \`Bearer \${apiKey}\` } }));`,
    },
    {
      // GoldenHammmer/insurance-voice-training's session page (batch 46): read with `?.`, named `secret`.
      name: "an ephemeral Realtime key read through optional chaining (tokenJson?.client_secret?.value)",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function connect(offer: RTCSessionDescriptionInit) {`,
        `  const tokenJson = await (await fetch("/api/realtime-token")).json();`,
        `  const secret = tokenJson?.client_secret?.value;`,
        `  if (!secret) return;`,
        `  return fetch("https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview", { method: "POST", body: offer.sdp, headers: { Authorization: \`Bearer \${secret}\`, "Content-Type": "application/sdp" } });`,
        `}`,
      ].join("\n"),
    },
    {
      // Gorav22/Readme-generator-extension's background.js (batch 33): `API_KEY` is never declared.
      name: "a URL const whose key= is a name the file never declares sends no key",
      filename: clientFile,
      code: `"use client";\nconst API_URL = \`https://generativelanguage.googleapis.com/v1/models/gemini-pro:generateContent?key=\${API_KEY}\`;\nexport const ask = (body: string) => fetch(API_URL, { method: "POST", body });`,
    },
    {
      // venom001e/ventrai.web: GitHub's REST API is the provider's host, but no model runs there.
      name: "a provider's API that runs no model (api.github.com) with a token",
      filename: clientFile,
      code: `"use client";\nconst { connection } = useConnectionStore();\nexport const test = () => fetch("https://api.github.com/user", { headers: { Authorization: \`Bearer \${connection.token}\` } });`,
    },
    {
      // Sinchhna/Ai-Assistant-Platform's directGeminiService.ts: the key the user typed, passed in.
      name: "a `+` URL whose key is the caller's parameter (bring your own key)",
      filename: clientFile,
      code: [`"use client";`, `export const ask = (prompt: string, apiKey: string) =>`, `  fetch("https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=" + apiKey, { method: "POST", body: prompt });`].join("\n"),
    },
    {
      // EugeneMsv/ai-chrome-extension (batch 147): a URL const that ends in `key=`, the key the caller's.
      name: "a URL const ending in `key=` followed by the caller's parameter, with + or in a template",
      filename: clientFile,
      code: [
        `"use client";`,
        `const API_BASE_URL = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=";`,
        `export const a = (apiKey: string, prompt: string) => fetch(API_BASE_URL + apiKey, { method: "POST", body: prompt });`,
        "export const b = (apiKey: string) => fetch(`${API_BASE_URL}${apiKey}`, { method: \"POST\" });",
      ].join("\n"),
    },
    {
      // Shirashoji/Gemini-Ripple-Enquete's service-worker.js (batch 55): the endpoint a const, the key the caller's.
      name: "a template URL `${ENDPOINT}?key=${apiKey}` whose key is the caller's parameter",
      filename: clientFile,
      code: [
        `"use client";`,
        `const ENDPOINT = "https://generativelanguage.googleapis.com/v1/models/gemini-2.5-flash:generateContent";`,
        "export const ask = (prompt: string, apiKey: string) => fetch(`${ENDPOINT}?key=${apiKey}`, { method: \"POST\", body: prompt });",
      ].join("\n"),
    },
  ],
  invalid: [
    {
      name: "a lazy initializer that starts the state with the developer's key is the developer's key",
      filename: clientFile,
      code: `"use client";\nexport function useChat() {\n  const [state] = useState(() => {\n    const saved = localStorage.getItem("chat-state");\n    return saved ? JSON.parse(saved) : { apiKey: process.env.NEXT_PUBLIC_XAI_API_KEY };\n  });\n  return () => fetch("https://api.x.ai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${state.apiKey}\` } });\n}`,
      errors: [{ messageId: "directProviderCall", line: 7 }],
    },
    {
      // jszama/gemini-assistant-extension (batch 37) and gopisekar04/chrome-extension: the const left empty for the developer
      // to paste a key into. The code is written to send the developer's key from the browser: reported, filled in or not.
      name: "a key const left empty for the developer to fill in is still the developer's key",
      filename: clientFile,
      code: `"use client";\nconst GEMINI_API_KEY = "";\nexport const ask = () => fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${GEMINI_API_KEY}\`, { method: "POST" });`,
      errors: [{ messageId: "directProviderCall", line: 3 }],
    },
    {
      name: "a stored read beside the developer's key is still the developer's key",
      filename: clientFile,
      code: `"use client";\nexport const run = () => fetch("https://api.openai.com/v1/threads", { headers: { Authorization: \`Bearer \${localStorage.getItem("apiKey") || process.env.NEXT_PUBLIC_OPENAI_API_KEY}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 2 }],
    },
    {
      name: "an auth header concatenated from the scheme and the developer's key is reported",
      filename: clientFile,
      code: `"use client";\nconst OPENAI_KEY = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nfetch("https://api.openai.com/v1/completions", { method: "POST", headers: { Authorization: "Bearer " + "" + OPENAI_KEY } });`,
      errors: [{ messageId: "directProviderCall", line: 3 }],
    },
    {
      name: "a Realtime call keyed by the developer's key is still reported",
      filename: clientFile,
      code: `"use client";\nconst token = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nexport const connect = (sdp: string) => fetch("https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview", { method: "POST", body: sdp, headers: { Authorization: \`Bearer \${token}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      // eriknewland/codepen-gpt's Gpt.jsx: the server's key, fetched from a function and sent on.
      name: "a key a server answered with (a fetch's .then callback parameter) is the developer's, directly or through a const",
      filename: clientFile,
      code: [
        `"use client";`,
        `export const ask = (body: string) =>`,
        `  fetch("/.netlify/functions/getOpenAiApiKey").then((response) => response.json()).then((data) => {`,
        `    const API_KEY = data.apiKey;`,
        `    fetch("https://api.anthropic.com/v1/messages", { method: "POST", body, headers: { "x-api-key": data.anthropicKey } });`,
        `    return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body, headers: { Authorization: \`Bearer \${API_KEY}\` } });`,
        `  });`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 5, data: { host: "api.anthropic.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 6, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      name: "a page field the code fills with the developer's key is still a field, but a const beside it is the developer's",
      filename: clientFile,
      code: `"use client";\nconst keyField = document.getElementById("api-key") as HTMLInputElement;\nconst KEY = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nexport const ask = () => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${keyField.value || KEY}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      // shivakumargourimath/HabitTracker's services/aiService.js (batch 69): the env may name another URL.
      name: "a URL const the env may override, with the provider's URL as the fallback",
      filename: clientFile,
      code: `"use client";\nconst API_URL = process.env.NEXT_PUBLIC_GROQ_URL || "https://api.groq.com/openai/v1/chat/completions";\nconst KEY = process.env.NEXT_PUBLIC_GROQ_API_KEY;\nexport const ask = (body: string) => fetch(API_URL, { method: "POST", body, headers: { Authorization: \`Bearer \${KEY}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.groq.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      // StoneGiant0512/Voice-to-Voice-AI-assistant (batch 164): a dev proxy in one branch, the provider in the other,
      // at the file's top and in a function. Two loopback-or-relative branches name no host: only the key's
      // own header, an Anthropic key by its name, is reported there.
      name: "a URL chosen by a condition, the provider's in the one remote branch",
      filename: clientFile,
      code: [
        `"use client";`,
        `const KEY = process.env.NEXT_PUBLIC_ANTHROPIC_API_KEY;`,
        `const URL_TOP = process.env.NODE_ENV === "development" ? "/api/v1/messages" : "https://api.anthropic.com/v1/messages";`,
        `export const ask = (body: string) => fetch(URL_TOP, { method: "POST", body, headers: { "x-api-key": KEY } });`,
        `export async function test(body: string) {`,
        `  const apiUrl = process.env.NODE_ENV === "development" ? "http://localhost:8787/v1/messages" : "https://api.anthropic.com/v1/messages";`,
        `  return fetch(apiUrl, { method: "POST", body, headers: { "x-api-key": KEY } });`,
        `}`,
        `const LOCAL = process.env.NODE_ENV === "development" ? "http://localhost:8787/v1" : "/v1";`,
        `export const local = (body: string) => fetch(LOCAL, { method: "POST", body, headers: { "x-api-key": KEY } });`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "api.anthropic.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 7, data: { host: "api.anthropic.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "browserAuthHeader", line: 10 },
      ],
    },
    {
      name: "a store of the same name that is no zustand store is not followed: the developer's key",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { create } from "./my-factory";`,
        `const useSettings = create((set) => ({ apiKey: "" }));`,
        `export function Chat() {`,
        `  const { apiKey } = useSettings();`,
        `  return () => fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 6, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      name: "state kept in storage whose default is the developer's key is the developer's key",
      filename: clientFile,
      code: `"use client";\nconst apiKey = useStorage("api-key", import.meta.env.VITE_OPENAI_API_KEY);\nexport const ask = () => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey.value}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      name: "a condition with the developer's key in a branch is the developer's key",
      filename: clientFile,
      code: `"use client";\nlet apiKey = localStorage.getItem("groq_api_key") ? localStorage.getItem("groq_api_key")!.trim() : process.env.NEXT_PUBLIC_GROQ_API_KEY;\nexport const ask = () => fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 3 }],
    },
    {
      name: "Vue state that starts from the developer's key is the developer's key",
      filename: clientFile,
      code: `"use client";\nconst apiKey = ref(localStorage.getItem("apiKey") || process.env.NEXT_PUBLIC_OPENAI_API_KEY);\nexport const ask = () => fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey.value}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      name: "a `+` URL whose key is a module's own key, or written in after `key=`",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { k } from "./keys";`,
        `const GEMINI = "https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent";`,
        `export const a = () => fetch(GEMINI + "?key=" + k, { method: "POST" });`,
        `export const b = (model: string) => fetch("https://generativelanguage.googleapis.com/v1beta/models/" + model + ":generateContent?alt=sse&key=" + "written-in");`,
        "const KEYED = `${GEMINI}?key=${k}`;",
        `export const c = () => fetch(KEYED, { method: "POST" });`,
        // A URL const ending in `key=`, then the module's key (+ and template), or one with a key written in.
        `const BASE_TEXT = "https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=";`,
        `export const d = () => fetch(BASE_TEXT + k, { method: "POST" });`,
        "export const e = () => fetch(`${BASE_TEXT}${k}`, { method: \"POST\" });",
        `const WRITTEN = "https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent?key=written-in";`,
        `export const f = (apiKey: string) => fetch(WRITTEN + "&alt=sse" + apiKey, { method: "POST" });`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 5, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 7, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 9, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 10, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 12, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      ...next("lib/ai-client.ts"),
      errors: [{ messageId: "dangerousBrowserClient", line: 5, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx → lib/ai-client.ts" } }],
    },
    {
      ...appFile("vite", "src/api.ts"),
      errors: [{ messageId: "directProviderCall", line: 7, data: { host: "api.openai.com", chain: "src/main.tsx → src/App.tsx → src/api.ts" } }],
    },
    {
      ...appFile("cra", "src/openai.js"),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "src/index.js → src/App.js → src/openai.js" } }],
    },
    {
      name: "one report per call: Anthropic direct browser access inside a reported fetch",
      filename: clientFile,
      code: [
        `"use client";`,
        `const key = process.env.NEXT_PUBLIC_ANTHROPIC_API_KEY;`,
        `fetch("https://api.anthropic.com/v1/messages", {`,
        `  headers: { "x-api-key": key, "anthropic-dangerous-direct-browser-access": "true" },`,
        `});`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.anthropic.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      // Code under TypeScript syntax (a typed declarator, `as`, a generic call) is
      // walked; only type positions are skipped.
      name: "calls inside typed code",
      filename: clientFile,
      code: [
        `"use client";`,
        `type Reply = { id: string };`,
        `const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY as string;`,
        `const ask = async (): Promise<Reply> => (await fetch("https://api.openai.com/v1/responses", { headers: { Authorization: key } })) as unknown as Reply;`,
        `const parse = <T,>(value: T) => value;`,
        `export const client: unknown = parse<object>(new OpenAI({ dangerouslyAllowBrowser: true }));`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "dangerousBrowserClient", line: 6, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // A bundler's define (`define: { __OPENAI_KEY__: … }`) is a global the file never declares.
      name: "a global shaped like a build-time define is the developer's key",
      filename: clientFile,
      code: `"use client";\nexport const ask = () => fetch("https://api.openai.com/v1/completions", { headers: { Authorization: \`Bearer \${__OPENAI_KEY__}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 2 }],
    },
    {
      name: "the same name declared, imported or a module const is the developer's key",
      filename: clientFile,
      code: `"use client";\nimport { API_TOKEN } from "./secrets";\nexport const ask = () => fetch("https://api.openai.com/v1/completions", { headers: { Authorization: \`Bearer \${API_TOKEN}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 3 }],
    },
    {
      // rzouhair/ai-content-creator streams a completion with sse.js; @microsoft/fetch-event-source is called as fetch is.
      name: "streaming clients: new SSE(url, { headers }) and fetchEventSource(url, { headers })",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { SSE } from "sse.js";`,
        `import { fetchEventSource } from "@microsoft/fetch-event-source";`,
        "export const stream = () => new SSE(\"https://api.openai.com/v1/chat/completions\", { headers: { Authorization: `Bearer ${process.env.NEXT_PUBLIC_OPENAI_API_KEY}` }, payload: \"{}\" });",
        "export const events = () => fetchEventSource(\"https://api.openai.com/v1/chat/completions\", { method: \"POST\", headers: { Authorization: `Bearer ${process.env.NEXT_PUBLIC_OPENAI_API_KEY}` } });",
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 5, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      name: "GitHub Models' own host with a token is an AI call",
      filename: clientFile,
      code: `"use client";\nconst { connection } = useConnectionStore();\nexport const ask = () => fetch("https://models.github.ai/inference/chat/completions", { headers: { Authorization: \`Bearer \${connection.token}\` } });`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "models.github.ai", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      name: "a state object whose key field starts with the developer's key is not the user's",
      filename: clientFile,
      code: `"use client";\nexport function Settings() {\n  const [apiKeys] = useState({ gemini_api_key: process.env.NEXT_PUBLIC_GEMINI_API_KEY, company_name: "" });\n  return () => fetch(\`https://generativelanguage.googleapis.com/v1beta/models?key=\${apiKeys.gemini_api_key}\`);\n}`,
      errors: [{ messageId: "directProviderCall", line: 4 }],
    },
    {
      name: "state that starts with the developer's key is not the user's",
      filename: clientFile,
      code: `"use client";\nexport function Chat() {\n  const [apiKey] = useState(process.env.NEXT_PUBLIC_OPENAI_API_KEY);\n  return () => fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${apiKey}\` } });\n}`,
      errors: [{ messageId: "directProviderCall", line: 4 }],
    },
    {
      // shivanagendrak/AquaChat (batch 61): app.config's `extra`, which Expo writes into the app's manifest.
      name: "a key from Expo's Constants.expoConfig.extra (or manifest.extra), in a client and in a header",
      filename: clientFile,
      code: [
        `"use client";`,
        `import Anthropic from "@anthropic-ai/sdk";`,
        `import Constants from "expo-constants";`,
        `const ELEVENLABS_API_KEY = Constants.expoConfig?.extra?.ELEVENLABS_API_KEY;`,
        `export const anthropic = new Anthropic({ apiKey: Constants.expoConfig?.extra?.ANTHROPIC_API_KEY || process.env.ANTHROPIC_API_KEY });`,
        `export const speak = (text: string) => fetch("https://api.elevenlabs.io/v1/text-to-speech/abc", { method: "POST", headers: { "xi-api-key": ELEVENLABS_API_KEY }, body: text });`,
        `export const ask = (body: string) => fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: \`Bearer \${Constants.manifest.extra.openaiKey}\` }, body });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 5 },
        { messageId: "directProviderCall", line: 6 },
        { messageId: "directProviderCall", line: 7 },
      ],
    },
    {
      // hassanzafarr/linkedin-x-ai-extension's claude.js (batch 48): the user's key, tidied, and the header.
      name: "the caller's key tidied with trim() is theirs; the direct browser access header is still reported, on its line",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function ask(prompt: string, apiKey: string) {`,
        `  const cleanKey = apiKey.trim();`,
        `  return fetch("https://api.anthropic.com/v1/messages", {`,
        `    headers: {`,
        `      "x-api-key": cleanKey,`,
        `      "anthropic-dangerous-direct-browser-access": "true",`,
        `    },`,
        `    body: prompt,`,
        `  });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 7 }],
    },
    {
      // kimjeppesen/Samlino-ai-pressence's ConfigPanel (batch 60): a key test reading the settings
      // form's state (`useState(getConfig())`) through a computed member; the header is still reported.
      name: "a part of the settings form's state is the user's key; the direct browser access header is still reported",
      filename: clientFile,
      code: [
        `"use client";`,
        `export function ConfigPanel() {`,
        `  const [config] = useState(getConfig());`,
        `  return async (platform: "anthropic" | "perplexity") => {`,
        `    const apiKey = config.api[platform]?.apiKey;`,
        `    await fetch("https://api.perplexity.ai/chat/completions", { headers: { Authorization: \`Bearer \${apiKey}\` } });`,
        `    return fetch("https://api.anthropic.com/v1/messages", {`,
        `      headers: { "x-api-key": apiKey, "anthropic-dangerous-direct-browser-access": "true" },`,
        `    });`,
        `  };`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 8 }],
    },
    {
      // ojs8139/auto-detail (batch 119): `testApiConnection(apiKey)` beside another function's `const apiKey`.
      name: "a parameter is the caller's value, whatever a const of the same name in another function holds; a default is its own",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function generate() { const apiKey = process.env.NEXT_PUBLIC_OPENAI_API_KEY; return fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${apiKey}\` } }); }`,
        `export async function testApiConnection(apiKey: string) { return fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${apiKey}\` } }); }`,
        `export async function ping(apiKey = process.env.NEXT_PUBLIC_OPENAI_API_KEY) { return fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${apiKey}\` } }); }`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 2 },
        { messageId: "browserAuthHeader", line: 4 },
      ],
    },
    {
      name: "a part of state that starts from an env read is the developer's key",
      filename: clientFile,
      code: `"use client";\nexport function Chat() {\n  const [settings] = useState({ openai: { key: process.env.NEXT_PUBLIC_OPENAI_API_KEY } });\n  const apiKey = settings.openai.key;\n  return () => fetch("https://api.openai.com/v1/responses", { headers: { Authorization: \`Bearer \${apiKey}\` } });\n}`,
      errors: [{ messageId: "directProviderCall", line: 5 }],
    },
    {
      // luxtelos/agentic-cpa-poc's ClaudeAdapter (batch 48): the header set on the object after it was made.
      name: "direct browser access header assigned to a headers object, or set on a Headers or an XMLHttpRequest",
      filename: clientFile,
      code: [
        `"use client";`,
        `export function send(url: string, body: string, key: string) {`,
        `  const headers: Record<string, string> = { "Content-Type": "application/json" };`,
        `  headers["x-api-key"] = key;`,
        `  headers["anthropic-dangerous-direct-browser-access"] = "true";`,
        `  const more = new Headers();`,
        `  more.set("Anthropic-Dangerous-Direct-Browser-Access", "true");`,
        `  const xhr = new XMLHttpRequest();`,
        `  xhr.open("POST", url);`,
        `  xhr.setRequestHeader("anthropic-dangerous-direct-browser-access", "true");`,
        `  return [fetch(url, { method: "POST", headers, body }), fetch(url, { method: "POST", headers: more, body }), xhr.send(body)];`,
        `}`,
      ].join("\n"),
      // rockovo/prompt-optimizer (batch 97) sets it on an XMLHttpRequest.
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 5 }, { messageId: "dangerousDirectBrowserAccess", line: 7 }, { messageId: "dangerousDirectBrowserAccess", line: 10 }],
    },
    {
      // The same request with a key whose name says nothing of Maps: the header is Gemini's (KumarWayadande/ai-travel-planner's twin).
      name: "an X-Goog-Api-Key header with a key of another name is Gemini's, whatever the URL",
      filename: clientFile,
      code: [
        `"use client";`,
        `import axios from "axios";`,
        `const config = { headers: { "Content-Type": "application/json", "X-Goog-Api-Key": process.env.NEXT_PUBLIC_API_KEY } };`,
        `export const ask = (url: string, data: object) => axios.post(url, data, config);`,
      ].join("\n"),
      errors: [{ messageId: "browserAuthHeader", line: 4 }],
    },
    {
      // rabbittyjenny-sketch/AI-RANGERS and luxtelos/agentic-cpa-poc: the developer's key set on the same object; one request, one finding.
      name: "a direct-access header set on the headers object of a request reported for its key is that request's finding",
      filename: clientFile,
      code: [
        `"use client";`,
        `export function send(url: string, body: string) {`,
        `  const headers: Record<string, string> = { "Content-Type": "application/json" };`,
        `  headers["x-api-key"] = process.env.NEXT_PUBLIC_ANTHROPIC_API_KEY ?? "";`,
        `  headers["anthropic-dangerous-direct-browser-access"] = "true";`,
        `  return fetch(url, { method: "POST", headers, body });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "browserAuthHeader", line: 6 }],
    },
    {
      name: "direct browser access header on its own",
      filename: clientFile,
      code: `"use client";\nconst headers = { "anthropic-dangerous-direct-browser-access": "true" };\nexport { headers };`,
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 2 }],
    },
    {
      name: "direct browser access header in another case (HTTP headers are case-insensitive), beside other keys",
      filename: clientFile,
      code: `"use client";\nconst headers = { Accept: "application/json", "Anthropic-Dangerous-Direct-Browser-Access": "true", "anthropic-version": "2023-06-01" };\nexport { headers };`,
      errors: [{ messageId: "dangerousDirectBrowserAccess", line: 2 }],
    },
    {
      name: "SDK clients of several providers",
      filename: clientFile,
      code: [
        `"use client";`,
        `new Anthropic({ apiKey: k, dangerouslyAllowBrowser: true });`,
        `new Groq({ apiKey: k, dangerouslyAllowBrowser: true });`,
      ].join("\n"),
      errors: [
        { messageId: "dangerousBrowserClient", line: 2, data: { provider: "Anthropic", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
        { messageId: "dangerousBrowserClient", line: 3, data: { provider: "Groq", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // Pressiix/nextjs-openai-chat-web (batch 179): LangChain hands the OpenAI client's own options through one property.
      name: "LangChain: the flag in the client options it passes on (`configuration`, `clientOptions`), also held in a const",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { ChatOpenAI } from "@langchain/openai";`,
        `import { OpenAIAssistantRunnable } from "langchain/experimental/openai_assistant";`,
        `const clientOptions = { apiKey: k, dangerouslyAllowBrowser: true };`,
        `export const model = new ChatOpenAI({ apiKey: k, configuration: { dangerouslyAllowBrowser: true } });`,
        `export const assistant = new OpenAIAssistantRunnable({ assistantId: "asst", clientOptions });`,
        `export const quiet = new ChatOpenAI({ configuration: { baseURL: "/api/proxy" } });`,
      ].join("\n"),
      errors: [
        { messageId: "dangerousBrowserClient", line: 4, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
        { messageId: "dangerousBrowserClient", line: 5, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // A real SvelteKit app (bench/real-apps) opens OpenAI's Realtime API from the browser this way.
      name: "OpenAI's Realtime API client with dangerouslyAllowAPIKeyInBrowser",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { RealtimeClient } from "@openai/realtime-api-beta";`,
        `export function connect(apiKey: string, relay?: string) {`,
        `  return new RealtimeClient(relay ? { url: relay } : { apiKey, dangerouslyAllowAPIKeyInBrowser: true });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "dangerousBrowserClient", line: 4, column: 64, data: { provider: "OpenAI", flag: "dangerouslyAllowAPIKeyInBrowser", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      name: "a browser flag given a value of the file's own (not a parameter) is set by the file",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { RealtimeClient } from "@openai/realtime-api-beta";`,
        `const allow = true;`,
        `export const connect = (apiKey: string) => new RealtimeClient({ apiKey, dangerouslyAllowAPIKeyInBrowser: allow });`,
      ].join("\n"),
      errors: [{ messageId: "dangerousBrowserClient", line: 4 }],
    },
    {
      // A real Electron app (Quasar, bench/real-apps) builds its client this way.
      name: "the flag in a module const passed by name, or spread: one finding per flag",
      filename: clientFile,
      code: [
        `"use client";`,
        `import OpenAI from "openai";`,
        `const configuration = {`,
        `  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,`,
        `  dangerouslyAllowBrowser: true,`,
        `};`,
        `const openai = new OpenAI(configuration);`,
        `console.debug(configuration);`,
        `const base = { dangerouslyAllowBrowser: true };`,
        `export const groq = new Groq({ ...base, apiKey: k });`,
      ].join("\n"),
      errors: [
        { messageId: "dangerousBrowserClient", line: 5, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
        { messageId: "dangerousBrowserClient", line: 9, data: { provider: "Groq", flag: "dangerouslyAllowBrowser", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      name: "axios, Gemini key in the query, URL in a constant",
      filename: clientFile,
      code: [
        `"use client";`,
        `import { k, auth } from "./keys";`,
        "const BASE = `https://generativelanguage.googleapis.com/v1beta/models/gemini:generateContent?key=${k}`;",
        `axios.post(BASE, body);`,
        `axios.post("https://openrouter.ai/api/v1/chat/completions", body, { headers: { Authorization: auth } });`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 5, data: { host: "openrouter.ai", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // christiansc96/ionic-gemini (batch 49), rzouhair/ai-content-creator (batch 34): the key the
      // developer is to write into the app's source, a placeholder at this commit.
      name: "an SDK client keyed by a placeholder in the app's source",
      filename: clientFile,
      code: [
        `"use client";`,
        `import OpenAI from "openai";`,
        `import { GoogleGenerativeAI } from "@google/generative-ai";`,
        `const environment = { GEMINI_API_KEY: "<YOUR-GEMINI_API_KEY>" };`,
        `const OPENAI_API_KEY = "TBD";`,
        `export const gemini = new GoogleGenerativeAI(environment.GEMINI_API_KEY);`,
        `export const openai = new OpenAI({ apiKey: OPENAI_API_KEY });`,
        `export const other = new OpenAI({ apiKey: "your-openai-api-key-here" });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClientKeySlot", line: 6, data: { provider: "Google AI (Gemini)", chain: "app/chat/chat-box.tsx" } },
        { messageId: "browserSdkClientKeySlot", line: 7, data: { provider: "OpenAI", chain: "app/chat/chat-box.tsx" } },
        { messageId: "browserSdkClientKeySlot", line: 8, data: { provider: "OpenAI", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // 1nup-AM/gemini-clone (batch 183): the key's own name written where the key goes,
      // `new GoogleGenerativeAI("Gemini_API_key")`, is a placeholder too; a name that is no key's is not.
      name: "an SDK client keyed by its key's name in quotes, a placeholder",
      filename: clientFile,
      code: [
        `"use client";`,
        `import OpenAI from "openai";`,
        `import { GoogleGenerativeAI } from "@google/generative-ai";`,
        `export const gemini = new GoogleGenerativeAI("Gemini_API_key");`,
        `export const openai = new OpenAI({ apiKey: "OPENAI_API_KEY" });`,
        `export const local = new OpenAI({ apiKey: "ollama" });`,
        `export const named = new OpenAI({ apiKey: "OPENAI_BASE_URL" });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClientKeySlot", line: 4, data: { provider: "Google AI (Gemini)", chain: "app/chat/chat-box.tsx" } },
        { messageId: "browserSdkClientKeySlot", line: 5, data: { provider: "OpenAI", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // danodoms/Melo-Lens (batch 139): OpenRouter's documented `apiKey: '${API_KEY_REF}'`, quoted, not a
      // template. A quoted `"${apiKey}"` is a template written with the wrong quotes: no placeholder.
      name: "an SDK client keyed by a quoted ${NAME} placeholder in capitals, not by a quoted ${name}",
      filename: clientFile,
      code: [
        `"use client";`,
        `import OpenAI from "openai";`,
        'export const ref = new OpenAI({ apiKey: "${API_KEY_REF}" });',
        `export function withKey(apiKey: string) {`,
        '  return new OpenAI({ apiKey: "${apiKey}" });',
        `}`,
      ].join("\n"),
      errors: [{ messageId: "browserSdkClientKeySlot", line: 3, data: { provider: "OpenAI", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      // CodeWithJainendra/Dietary-Guide (batch 139): two functions each with a `const url`; the
      // second's key is its caller's. Each fetch reads its own function's const, not the file's first.
      name: "a fetch reads the URL const of its own function, not another function's of the same name",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function testDefault() {`,
        "  const url = `https://generativelanguage.googleapis.com/v1beta/models/m:generateContent?key=${process.env.NEXT_PUBLIC_GEMINI_API_KEY}`;",
        `  return fetch(url, { method: "POST" });`,
        `}`,
        `export async function testWithKey(apiKey: string) {`,
        "  const url = `https://generativelanguage.googleapis.com/v1beta/models/m:generateContent?key=${apiKey}`;",
        `  return fetch(url, { method: "POST" });`,
        `}`,
        `export async function ownServer(prompt: string) {`,
        `  const url = "/api/chat";`,
        `  return fetch(url, { method: "POST", body: prompt });`,
        `}`,
        `export async function sdkFree(prompt: string) {`,
        "  const url = `https://generativelanguage.googleapis.com/v1beta/models/m:generateContent?key=${process.env.NEXT_PUBLIC_GEMINI_API_KEY}`;",
        `  return fetch(url, { method: "POST", body: prompt });`,
        `}`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 16, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // peralsmp/chatbot's js/chat.js (batch 49): the URL a `+` chain held in a const, the key in its query.
      name: "a URL const built with + that puts the developer's key in the query",
      filename: clientFile,
      code: [
        `"use client";`,
        `export async function ask(prompt: string) {`,
        `  const API_KEY = process.env.NEXT_PUBLIC_GEMINI_API_KEY;`,
        `  const API_URL = "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=" + API_KEY;`,
        `  return fetch(API_URL, { method: "POST", body: prompt });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 5, data: { host: "generativelanguage.googleapis.com", chain: "app/chat/chat-box.tsx" } }],
    },
    {
      // hwalk1/ZenLog's elevenlabs/init.tsx (batch 48): the whole request in a const, then axios.request(options) or axios(options).
      name: "axios.request(options) and axios(options) with the request's config in a const",
      filename: clientFile,
      code: [
        `"use client";`,
        `const API_KEY = process.env.NEXT_PUBLIC_ELEVENLABS_API_KEY;`,
        `export async function speak(text: string) {`,
        "  const options = { method: \"POST\", url: \"https://api.elevenlabs.io/v1/text-to-speech/voice\", headers: { \"xi-api-key\": `${API_KEY}` }, data: { text } };",
        `  await axios.request(options);`,
        `  return axios(options);`,
        `}`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 5, data: { host: "api.elevenlabs.io", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 6, data: { host: "api.elevenlabs.io", chain: "app/chat/chat-box.tsx" } },
      ],
    },
    {
      // A jQuery chat page's script (batch 52's notes): the request's settings written in the call or held by a const.
      name: "jQuery $.ajax(settings) and $.ajax(url, settings) sending the developer's key",
      filename: clientFile,
      code: [
        `"use client";`,
        `const API_KEY = process.env.NEXT_PUBLIC_OPENAI_API_KEY;`,
        `export function ask(prompt) {`,
        "  $.ajax({ url: \"https://api.openai.com/v1/chat/completions\", type: \"POST\", headers: { Authorization: `Bearer ${API_KEY}` }, data: prompt });",
        "  const settings = { url: \"https://api.groq.com/openai/v1/chat/completions\", headers: { Authorization: `Bearer ${API_KEY}` } };",
        `  jQuery.ajax(settings);`,
        "  $.ajax(\"https://api.mistral.ai/v1/chat/completions\", { headers: { Authorization: `Bearer ${API_KEY}` } });",
        "  $.post(\"https://api.openai.com/v1/chat/completions\", prompt);",
        `}`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 6, data: { host: "api.groq.com", chain: "app/chat/chat-box.tsx" } },
        { messageId: "directProviderCall", line: 7, data: { host: "api.mistral.ai", chain: "app/chat/chat-box.tsx" } },
      ],
    },
  ],
});

/**
 * no-client-ai-calls on SDKs that run in a browser without any opt-in flag (@ai-sdk/* factories,
 * Google's SDKs, LangChain chat models) and on HTTP clients that send a provider's key in an auth
 * header to any URL. Bring-your-own-key code (the key the user typed) stays quiet.
 */
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-client-ai-calls";
import clientSecretsPlugin from "../../eslint-plugin/src/rules/no-client-secrets";
import type { noClientAiCallsMessages, noClientSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { ruleTester } from "../support/rule-tester";
import { appFile } from "./support";

const rule = plugin as unknown as RuleModule<keyof typeof noClientAiCallsMessages, []>;
const clientSecrets = clientSecretsPlugin as unknown as RuleModule<keyof typeof noClientSecretsMessages, []>;
const next = appFile("next-app-router", "app/chat/chat-box.tsx").filename;
const vite = appFile("vite", "src/api.ts").filename;
const nuxtComposable = appFile("nuxt", "composables/useAi.ts").filename;
const nextChain = "app/chat/chat-box.tsx";
/**
 * A page script whose config object's key field starts empty, is filled from storage, and is sent to
 * OpenAI; `fill` is one more function that sets the field (HASHTECHVENTURES/platskill-CHATGPT-MODEL-, batch 87).
 */
const configPage = (fill: string) =>
  [
    `const CONFIG = { API_URL: "https://api.openai.com/v1/chat/completions", API_KEY: "" };`,
    `export function loadSaved() {`,
    `  const saved = localStorage.getItem("apiKey");`,
    `  if (saved) CONFIG.API_KEY = saved;`,
    `}`,
    fill,
    `export const ask = (body) => fetch(CONFIG.API_URL, { method: "POST", headers: { Authorization: \`Bearer \${CONFIG.API_KEY}\` }, body });`,
  ].join("\n");
const viteChain = "src/main.tsx → src/App.tsx → src/api.ts";
/** An extension's API class whose key field starts empty; `load` is the statement that fills it. */
const classKey = (load: string) =>
  [
    `export class DeepSeekAPI {`,
    `  constructor() {`,
    `    this.apiKey = "";`,
    `  }`,
    `  loadApiKey() {`,
    `    return new Promise((resolve) => chrome.storage.sync.get(["deepseekApiKey"], (result) => {`,
    `      ${load}`,
    `      resolve(this.apiKey);`,
    `    }));`,
    `  }`,
    `  saveApiKey(apiKey) {`,
    `    chrome.storage.sync.set({ deepseekApiKey: apiKey }, () => { this.apiKey = apiKey; });`,
    `  }`,
    `  streamChat(message) {`,
    `    return fetch("https://api.deepseek.com/v1/chat/completions", {`,
    `      method: "POST",`,
    `      headers: { "Content-Type": "application/json", Authorization: \`Bearer \${this.apiKey}\` },`,
    `      body: JSON.stringify({ model: "deepseek-chat", messages: [{ role: "user", content: message }] }),`,
    `    });`,
    `  }`,
    `}`,
  ].join("\n");
const client = (...lines: string[]) => [`"use client";`, ...lines].join("\n");

ruleTester().run("no-client-ai-calls: browser SDKs and auth headers", rule, {
  valid: [
    { name: "AI SDK provider without a key (reads the server env)", filename: next, code: client(`import { createOpenAI } from "@ai-sdk/openai";`, `const openai = createOpenAI();`) },
    { name: "default provider instance called with a model id", filename: next, code: client(`import { openai } from "@ai-sdk/openai";`, `const model = openai("gpt-4o-mini-2024-07-18");`) },
    {
      // maddenmanel/deepseek-chat-sidebar (batch 219): an extension's API class that starts its key empty and fills it from chrome.storage or the settings form.
      name: "a class's key field that starts empty and is filled only at run time",
      filename: vite,
      code: classKey(`this.apiKey = result.deepseekApiKey;`),
    },
    {
      name: "TanStack AI's adapter that reads the server env, and one given the key the user typed",
      filename: vite,
      code: [`import { openaiText, createOpenaiChat } from "@tanstack/ai-openai";`, `export const model = openaiText("gpt-4o");`, `export const own = (apiKey: string) => createOpenaiChat("gpt-4o", apiKey);`].join("\n"),
    },
    {
      name: "bring your own key: the key the user typed",
      filename: next,
      code: client(`import { createOpenAI } from "@ai-sdk/openai";`, `export function make(userKey: string) {`, `  return createOpenAI({ apiKey: userKey });`, `}`),
    },
    {
      name: "Nuxt: the private runtime config is no browser key (undefined there)",
      filename: nuxtComposable,
      code: [`import { GoogleGenerativeAI } from "@google/generative-ai";`, `const config = useRuntimeConfig();`, `export const genAI = new GoogleGenerativeAI(config.geminiKey);`].join("\n"),
    },
    {
      // WebTitanDev/nuxt3-ai-chat-poc's utils/fetchGroqReply.ts (batch 69): only a server route uses it.
      name: "Nuxt: a fetch with the private runtime config's key sends nothing from the browser",
      filename: nuxtComposable,
      code: [
        `export const fetchGroqReply = async (message: string) => {`,
        `  const config = useRuntimeConfig();`,
        `  return $fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${config.groqApiKey}\` }, body: { messages: [{ role: "user", content: message }] } });`,
        `};`,
      ].join("\n"),
    },
    {
      // HASHTECHVENTURES/platskill-CHATGPT-MODEL- (batch 87): the config object's key field starts empty and is filled from storage and the settings form.
      name: "a config object's key field that starts empty, filled at run time from storage and a form",
      filename: vite,
      code: configPage(`export function save(input) { const apiKey = input?.value.trim() || ""; CONFIG.API_KEY = apiKey; }`),
    },
    {
      // The same app's key test: the key typed into an input element kept in an object of elements.
      name: "the value of an element named for an input",
      filename: vite,
      code: `const DOM = { apiKeyInput: null };\nexport function init() { DOM.apiKeyInput = document.getElementById("api-key"); }\nexport async function test() {\n  const apiKey = DOM.apiKeyInput?.value.trim() || "";\n  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } });\n}`,
    },
    {
      name: "bring your own key from localStorage",
      filename: next,
      code: client(`import { GoogleGenerativeAI } from "@google/generative-ai";`, `const genAI = new GoogleGenerativeAI(localStorage.getItem("gemini") ?? "");`),
    },
    {
      name: "a class of LangChain's many-provider package that no provider's catalogue names",
      filename: next,
      code: client(`import { MemoryVectorStore } from "langchain/vectorstores/memory";`, `new MemoryVectorStore({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });`),
    },
    {
      name: "same-named class from the app's own module",
      filename: next,
      code: client(`import { ChatOpenAI } from "./chat";`, `new ChatOpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });`),
    },
    {
      name: "own backend with the user's session token",
      filename: vite,
      code: [`import axios from "axios";`, `export const api = axios.create({ baseURL: import.meta.env.VITE_API_URL, headers: { Authorization: \`Bearer \${session.token}\` } });`].join("\n"),
    },
    {
      name: "own backend with a publishable key",
      filename: vite,
      code: [`export const r = fetch(import.meta.env.VITE_API_URL, { headers: { Authorization: \`Bearer \${import.meta.env.VITE_SUPABASE_ANON_KEY}\` } });`].join("\n"),
    },
    {
      ...appFile("next-app-router", "lib/server-ai.ts"),
      name: "server code: a route handler is not browser code",
    },
    // A key that is a server secret the framework keeps out of the bundle is undefined in the
    // browser: the client sends no key (no-client-secrets reports the read, tested below).
    {
      name: "Vite component: Anthropic client keyed by process.env.ANTHROPIC_API_KEY (undefined in the browser)",
      filename: vite,
      code: [`import Anthropic from "@anthropic-ai/sdk";`, `export function makeClient() {`, `  return new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });`, `}`].join("\n"),
    },
    {
      name: "use client: Gemini client keyed by a server secret",
      filename: next,
      code: client(`import { GoogleGenerativeAI } from "@google/generative-ai";`, `const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? "");`),
    },
    {
      // JennaStilling/resume-t6-frontend (bench/real-apps): Vite writes VITE_ names into
      // import.meta.env only; no-public-secrets reports the name.
      name: "Vite component: Cohere client keyed by process.env.VITE_COHERE_API_KEY (a public prefix the build does not write there)",
      filename: vite,
      code: [`import { CohereClient } from "cohere-ai";`, `export const cohere = new CohereClient({ token: process.env.VITE_COHERE_API_KEY });`].join("\n"),
    },
    {
      name: "Vite: an unprefixed import.meta.env key in an auth header is undefined in the browser",
      filename: vite,
      code: [`import axios from "axios";`, `export const tts = axios.create({ baseURL: import.meta.env.VITE_TTS_URL, headers: { "xi-api-key": import.meta.env.ELEVENLABS_API_KEY } });`].join("\n"),
    },
    {
      // sinhaGuild/tauri-gpt (bench/real-apps): a server helper a page reaches through a barrel.
      // Next.js leaves the read undefined in the browser: no key is sent; no-client-secrets reports it.
      name: "use client: fetch to api.openai.com whose only credential is a server secret (with a fallback)",
      filename: next,
      code: client(`export async function stream(payload: unknown) {`, `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY ?? ""}\` }, body: JSON.stringify(payload) });`, `}`),
    },
    {
      name: "use client: two server secrets, one the other's fallback: neither reaches the browser",
      filename: next,
      code: client(`import { GoogleGenerativeAI } from "@google/generative-ai";`, `export const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY || process.env.GOOGLE_API_KEY);`),
    },
    {
      name: "another function's headers object of the same name: its header is not this request's",
      filename: vite,
      code: [
        `export async function backend(body: string) {`,
        `  const headers: Record<string, string> = {};`,
        `  headers.Authorization = \`Bearer \${import.meta.env.VITE_APP_SESSION}\`;`,
        `  return fetch("/api/chat", { method: "POST", headers, body });`,
        `}`,
        `export async function models() {`,
        `  const headers: Record<string, string> = { Accept: "application/json" };`,
        `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers });`,
        `}`,
      ].join("\n"),
    },
    {
      name: "the caller's key set on the headers object after it was made",
      filename: vite,
      code: [
        `export async function ask(apiKey: string, body: string) {`,
        `  const headers: Record<string, string> = { "Content-Type": "application/json" };`,
        `  headers.Authorization = \`Bearer \${apiKey}\`;`,
        `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers, body });`,
        `}`,
      ].join("\n"),
    },
  ],
  invalid: [
    {
      name: "a class's key field that starts empty and that a method fills from the build's env or a written-in key",
      filename: vite,
      code: classKey(`this.apiKey = import.meta.env.VITE_DEEPSEEK_API_KEY;`),
      errors: [{ messageId: "directProviderCall", line: 15 }],
    },
    {
      // derekshi142-sys/OpenAI-Test: the key the app's own server function hands the page is the developer's.
      name: "a class's key field that starts empty and that a method fills from a server's answer",
      filename: vite,
      code: classKey(`fetch("/.netlify/functions/key").then((r) => r.json()).then((data) => { this.apiKey = data.apiKey; });`),
      errors: [{ messageId: "directProviderCall", line: 15 }],
    },
    {
      // hiteshweb/Genai-Gemini: a field left empty for the developer to paste a key into, never filled.
      name: "a class's key field that starts empty and that nothing fills",
      filename: vite,
      code: [
        `export class GenAiService {`,
        `  apiKey = ""; // replace this`,
        `  ask(prompt) {`,
        `    return fetch("https://api.deepseek.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${this.apiKey}\` }, body: prompt });`,
        `  }`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 4 }],
    },
    {
      name: "a class's key field that its constructor sets from its parameter: the developer's key, most often",
      filename: vite,
      code: classKey(`this.apiKey = result.deepseekApiKey;`).replace(`constructor() {\n    this.apiKey = "";`, `constructor(apiKey) {\n    this.apiKey = apiKey;`),
      errors: [{ messageId: "directProviderCall", line: 15 }],
    },
    {
      // 4minuterobotics/MERN-AI-image-generator (batch 217) calls Stability AI with axios's form method from its server.
      name: "an axios form request to a provider's host from browser code",
      filename: vite,
      code: [`import axios from "axios";`, `export const draw = (form: FormData) => axios.postForm("https://api.stability.ai/v2beta/stable-image/generate/core", form, { headers: { Authorization: \`Bearer \${import.meta.env.VITE_STABILITY_API_KEY}\` } });`].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 2, data: { host: "api.stability.ai", chain: viteChain } }],
    },
    {
      // TanStack AI's adapter factories take the key after the model: `createOpenaiChat(model, apiKey, config?)`.
      name: "a TanStack AI adapter made in browser code with the developer's key",
      filename: vite,
      code: [`import { createGeminiChat } from "@tanstack/ai-gemini";`, `export const adapter = createGeminiChat("gemini-2.5-flash", import.meta.env.VITE_GEMINI_API_KEY);`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 2, data: { provider: "Google AI (Gemini)", chain: viteChain } }],
    },
    {
      // kirilligum/wisdom-pixels-hackathon-251122 (batch 235): the SDK loaded when needed and configured with the build's key.
      name: "fal's client loaded with a dynamic import and configured in browser code with the developer's key",
      filename: vite,
      code: [
        `export async function generate(prompt: string) {`,
        `  const apiKey = import.meta.env.VITE_FAL_KEY;`,
        `  const { fal } = await import("@fal-ai/client");`,
        `  fal.config({ credentials: apiKey });`,
        `  const sdk = await import("@google/genai");`,
        `  const ai = new sdk.GoogleGenAI({ apiKey: import.meta.env.VITE_GEMINI_API_KEY });`,
        `  return fal.subscribe("fal-ai/flux/dev", { input: { prompt } });`,
        `}`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 4, data: { provider: "fal", chain: viteChain } },
        { messageId: "browserSdkClient", line: 6, data: { provider: "Google AI (Gemini)", chain: viteChain } },
      ],
    },
    {
      name: "the same empty field, filled from the build's env elsewhere: the developer's key",
      filename: vite,
      code: configPage(`export function init() { CONFIG.API_KEY = import.meta.env.VITE_OPENAI_KEY || ""; }`),
      errors: [{ messageId: "directProviderCall", line: 7 }],
    },
    {
      // Mostafae096/WhatsGPT's src/OpenAIAPI.js (batch 171): the community `openai-api` client, built with a key const.
      name: "the community openai-api client built in browser code with the developer's key",
      filename: vite,
      code: [`import OpenAI from "openai-api";`, `const OPENAI_API_KEY = import.meta.env.VITE_OPENAI_KEY;`, `const openai = new OpenAI(OPENAI_API_KEY);`, `export const ask = (prompt) => openai.complete({ engine: "davinci", prompt });`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 3 }],
    },
    {
      // rasult22/avatar-vue's useDeepgram.ts (batch 180): an async getter of the env key, awaited.
      name: "a client built with an awaited async getter of the developer's key",
      filename: vite,
      code: [
        `import { LiveClient } from "@deepgram/sdk";`,
        `const getApiKey = async (): Promise<string> => {`,
        `  return import.meta.env.VITE_DEEPGRAM_API;`,
        `};`,
        `export const connect = async () => new LiveClient(await getApiKey(), {}, { model: "nova-2" });`,
      ].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 5, data: { provider: "Deepgram", chain: viteChain } }],
    },
    {
      // Thakur127/MakeNotes' gemini/googleGenerativeAI.js (batch 55), which "use client" components import.
      name: "use client: a server secret with a public fallback ships the fallback",
      filename: next,
      code: client(`const { GoogleGenerativeAI } = require("@google/generative-ai");`, `export const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY || process.env.NEXT_PUBLIC_GEMINI_API_KEY);`),
      errors: [{ messageId: "browserSdkClient", line: 3 }],
    },
    {
      name: "Nuxt: an SDK keyed by the public runtime config, which Nuxt writes into every page",
      filename: nuxtComposable,
      code: [
        `import { GoogleGenerativeAI } from "@google/generative-ai";`,
        `export const useChat = () => {`,
        `  const runtimeConfig = useRuntimeConfig();`,
        `  const genAI = new GoogleGenerativeAI(runtimeConfig.public.apiKey);`,
        `  const groq = createGroq({ apiKey: useRuntimeConfig().public.groqKey });`,
        `  return { genAI, groq };`,
        `};`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 4, data: { provider: "Google AI (Gemini)", chain: "composables/useAi.ts" } },
        { messageId: "browserSdkClient", line: 5, data: { provider: "Groq", chain: "composables/useAi.ts" } },
      ],
    },
    {
      // PixelVerseIT/pxvsai-labs-nuxt (bench/real-apps): the Options API's alias of the same config.
      name: "Nuxt: the public runtime config through this.$config, useNuxtApp().$config and $config",
      filename: nuxtComposable,
      code: [
        `import { GoogleGenerativeAI } from "@google/generative-ai";`,
        `export default {`,
        `  methods: {`,
        `    model() { return new GoogleGenerativeAI(this.$config.public.googleAiApiKey); },`,
        `    groq() { return createGroq({ apiKey: useNuxtApp().$config.public.groqKey }); },`,
        `    speak(text: string) { return fetch("https://api.elevenlabs.io/v1/text-to-speech/voice", { method: "POST", headers: { "xi-api-key": $config.public.elevenKey }, body: text }); },`,
        `  },`,
        `};`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 4, data: { provider: "Google AI (Gemini)", chain: "composables/useAi.ts" } },
        { messageId: "browserSdkClient", line: 5, data: { provider: "Groq", chain: "composables/useAi.ts" } },
        { messageId: "directProviderCall", line: 6, data: { host: "api.elevenlabs.io", chain: "composables/useAi.ts" } },
      ],
    },
    {
      name: "use client: fetch to api.openai.com with a NEXT_PUBLIC_ key",
      filename: next,
      code: client(`export async function stream(payload: unknown) {`, `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.NEXT_PUBLIC_OPENAI_API_KEY ?? ""}\` }, body: JSON.stringify(payload) });`, `}`),
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: nextChain } }],
    },
    {
      name: "use client: fetch to api.openai.com with a server secret and a literal key: the literal ships",
      filename: next,
      code: client(`const FALLBACK = "${"k".repeat(6)}-" + "0123456789abcdef";`, `export async function stream(payload: unknown) {`, `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, "x-api-key": FALLBACK }, body: JSON.stringify(payload) });`, `}`),
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: nextChain } }],
    },
    {
      name: "openai v3: Configuration + OpenAIApi is one client, reported once",
      filename: next,
      code: client(
        `import { Configuration, OpenAIApi } from "openai";`,
        `const configuration = new Configuration({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });`,
        `const openai = new OpenAIApi(configuration);`,
      ),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: nextChain } }],
    },
    {
      // TheHulmaren/fake-90s-pops (batch 37): a Vue CLI app's src/openai.js, bundled by webpack.
      name: "openai v3 required the CommonJS way (`const { Configuration, OpenAIApi } = require(\"openai\")`), and the client as a whole module",
      filename: vite,
      code: [
        `const { Configuration, OpenAIApi } = require("openai");`,
        `const configuration = new Configuration({ apiKey: import.meta.env.VITE_OPENAI_API_KEY });`,
        `export const openai = new OpenAIApi(configuration);`,
        `const Groq = require("groq-sdk");`,
        `export const groq = new Groq({ apiKey: import.meta.env.VITE_GROQ_API_KEY });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 2, data: { provider: "OpenAI", chain: viteChain } },
        { messageId: "browserSdkClient", line: 5, data: { provider: "Groq", chain: viteChain } },
      ],
    },
    {
      // clgleroux/hack-a-thon-front (batch 205): an Angular component requiring the SDK inside ngOnInit.
      name: "openai v3 required inside a method (`const { Configuration, OpenAIApi } = require(\"openai\")` in ngOnInit)",
      filename: vite,
      code: [
        `export class TestComponent {`,
        `  async ngOnInit() {`,
        `    const { Configuration, OpenAIApi } = require("openai");`,
        `    const configuration = new Configuration({ apiKey: import.meta.env.VITE_OPENAI_API_KEY });`,
        `    return new OpenAIApi(configuration).createCompletion({ model: "text-davinci-003", prompt: "x" });`,
        `  }`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 4, data: { provider: "OpenAI", chain: viteChain } }],
    },
    {
      name: "a second client is its own finding; one built inline on a Configuration counts once",
      filename: next,
      code: client(
        `import { Configuration, OpenAIApi } from "openai";`,
        `const a = new Configuration({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });`,
        `const b = new OpenAIApi(new Configuration({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY }));`,
      ),
      errors: [
        { messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: nextChain } },
        { messageId: "browserSdkClient", line: 4, data: { provider: "OpenAI", chain: nextChain } },
      ],
    },
    {
      name: "createOpenAI({ apiKey }) in a use client page",
      filename: next,
      code: client(`import { createOpenAI } from "@ai-sdk/openai";`, `const openai = createOpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });`),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: nextChain } }],
    },
    {
      name: "an SDK imported from a CDN (esm.sh, jsDelivr) is the same SDK",
      filename: vite,
      code: [
        `import { GoogleGenerativeAI } from "https://esm.sh/@google/generative-ai@0.21.0";`,
        `import Groq from "https://cdn.jsdelivr.net/npm/groq-sdk@0.9/+esm";`,
        `export const genAI = new GoogleGenerativeAI(import.meta.env.VITE_GEMINI_API_KEY);`,
        `export const groq = new Groq({ apiKey: import.meta.env.VITE_GROQ_API_KEY });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 3, data: { provider: "Google AI (Gemini)", chain: viteChain } },
        { messageId: "browserSdkClient", line: 4, data: { provider: "Groq", chain: viteChain } },
      ],
    },
    {
      name: "new GoogleGenerativeAI(key) with a positional key",
      filename: next,
      code: client(`import { GoogleGenerativeAI } from "@google/generative-ai";`, `const genAI = new GoogleGenerativeAI(process.env.NEXT_PUBLIC_GEMINI_API_KEY!);`),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "Google AI (Gemini)", chain: nextChain } }],
    },
    {
      name: "@google/genai through a namespace import and a const",
      filename: next,
      code: client(`import * as genai from "@google/genai";`, `const KEY = process.env.NEXT_PUBLIC_GEMINI_API_KEY ?? "";`, `const ai = new genai.GoogleGenAI({ apiKey: KEY });`),
      errors: [{ messageId: "browserSdkClient", line: 4, data: { provider: "Google AI (Gemini)", chain: nextChain } }],
    },
    {
      name: "LangChain chat model with a provider-named key option",
      filename: next,
      code: client(`import { ChatOpenAI } from "@langchain/openai";`, `const llm = new ChatOpenAI({ model: "gpt-4o", openAIApiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY });`),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: nextChain } }],
    },
    {
      name: "LangChain before the @langchain/* split: the class from langchain/chat_models/openai (0xNeon-opensource/ts-langchain-exploration, batch 39)",
      filename: next,
      code: client(`import { ChatOpenAI } from "langchain/chat_models/openai";`, `const openAIApiKey = process.env.NEXT_PUBLIC_OPENAI_API_KEY;`, `const chat = new ChatOpenAI({ openAIApiKey, temperature: 0 });`),
      errors: [{ messageId: "browserSdkClient", line: 4, data: { provider: "OpenAI", chain: nextChain } }],
    },
    {
      name: "a key in Vue state made from an object literal: ref({ apiKey }).value, reactive({ apiKey }) (AndresZea2003/Astro, batch 42)",
      filename: vite,
      code: [
        `import { ref, reactive } from "vue";`,
        `import { OpenAI } from "@langchain/openai";`,
        `const chat = ref({ model: "gpt-4o-mini", apiKey: import.meta.env.VITE_OPENAI_API_KEY });`,
        `const state = reactive({ key: import.meta.env.VITE_OPENAI_API_KEY });`,
        `const typed = ref({ apiKey: "" });`,
        `export const ask = () => new OpenAI({ model: chat.value.model, apiKey: chat.value.apiKey });`,
        `export const ask2 = () => new OpenAI({ apiKey: state.key });`,
        `export const askTyped = () => new OpenAI({ apiKey: typed.value.apiKey });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 6, data: { provider: "OpenAI", chain: viteChain } },
        { messageId: "browserSdkClient", line: 7, data: { provider: "OpenAI", chain: viteChain } },
      ],
    },
    {
      name: "LangChain community class, no import seen (attributed by class name)",
      filename: next,
      code: client(`const llm = new ChatAlibabaTongyi({ alibabaApiKey: process.env.NEXT_PUBLIC_ALIBABA_API_KEY });`),
      errors: [{ messageId: "browserSdkClient", line: 2, data: { provider: "Alibaba Cloud Model Studio (Qwen / DashScope)", chain: nextChain } }],
    },
    {
      name: "OpenAI SDK pointed at Groq: attributed to Groq",
      filename: next,
      code: client(`import OpenAI from "openai";`, `const groq = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_GROQ_API_KEY, baseURL: "https://api.groq.com/openai/v1" });`),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "Groq", chain: nextChain } }],
    },
    {
      name: "AWS credentials object",
      filename: next,
      code: client(
        `import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";`,
        `const bedrock = createAmazonBedrock({ region: "us-east-1", credentials: { accessKeyId: process.env.NEXT_PUBLIC_AWS_ACCESS_KEY_ID, secretAccessKey: process.env.NEXT_PUBLIC_AWS_SECRET_ACCESS_KEY } });`,
      ),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "AWS (Amazon Bedrock)", chain: nextChain } }],
    },
    {
      name: "axios instance with xi-api-key and a base URL from the env (Vite)",
      filename: vite,
      code: [`import axios from "axios";`, `export const tts = axios.create({ baseURL: import.meta.env.VITE_TTS_URL, headers: { "xi-api-key": import.meta.env.VITE_TTS_KEY } });`].join("\n"),
      errors: [{ messageId: "browserAuthHeader", line: 2, data: { provider: "ElevenLabs", header: "xi-api-key", chain: viteChain } }],
    },
    {
      name: "ky instance with a Bearer key the catalogue attributes (PRODIA_TOKEN)",
      filename: vite,
      code: [`import ky from "ky";`, `export const api = ky.create({ prefixUrl: import.meta.env.VITE_URL, headers: { Authorization: \`Bearer \${import.meta.env.VITE_PRODIA_TOKEN}\` } });`].join("\n"),
      errors: [{ messageId: "browserAuthHeader", line: 2, data: { provider: "Prodia", header: "Authorization", chain: viteChain } }],
    },
    {
      // HiImKing1509/intelligent-document-entities-extraction's Mistral playground (batch 113): set after the object was made.
      name: "an auth header set on the headers object after it was made, to a provider's host or to a URL from the env",
      filename: vite,
      code: [
        `const getApiKey = () => import.meta.env.VITE_MISTRAL_API_KEY;`,
        `export async function ocr(body: string) {`,
        `  const headers: Record<string, string> = { "Content-Type": "application/json" };`,
        `  headers.Authorization = \`Bearer \${getApiKey()}\`;`,
        `  return fetch(import.meta.env.VITE_MISTRAL_API_BASE_URL, { method: "POST", headers, body });`,
        `}`,
        `export async function chat(body: string) {`,
        `  const headers: Record<string, string> = {};`,
        `  headers["Authorization"] = "Bearer " + import.meta.env.VITE_OPENAI_API_KEY;`,
        `  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers, body });`,
        `}`,
      ].join("\n"),
      errors: [
        { messageId: "browserAuthHeader", line: 5, data: { provider: "Mistral AI", header: "Authorization", chain: viteChain } },
        { messageId: "directProviderCall", line: 10, data: { host: "api.openai.com", chain: viteChain } },
      ],
    },
    {
      name: "fetch wrapper with a const header object and a URL from the env",
      filename: vite,
      code: [
        `const headers = { "x-api-key": import.meta.env.VITE_ANTHROPIC_API_KEY, "content-type": "application/json" };`,
        `export const ask = (body: string) => fetch(import.meta.env.VITE_PROXY_URL, { method: "POST", headers, body });`,
      ].join("\n"),
      errors: [{ messageId: "browserAuthHeader", line: 2, data: { provider: "Anthropic", header: "x-api-key", chain: viteChain } }],
    },
    {
      name: "a provider's own header (Black Forest Labs x-key) names it",
      filename: vite,
      code: `export const r = fetch(import.meta.env.VITE_IMAGE_URL, { headers: { "x-key": import.meta.env.VITE_IMAGE_KEY } });`,
      errors: [{ messageId: "browserAuthHeader", line: 1, data: { provider: "Black Forest Labs (FLUX)", header: "x-key", chain: viteChain } }],
    },
    // Twins of the server-secret cases above: a key that does reach the browser, or a flag.
    {
      name: "Vite component: the same client keyed by VITE_OPENAI_API_KEY (inlined into the bundle)",
      filename: vite,
      code: [`import OpenAI from "openai";`, `export function makeClient() {`, `  return new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY });`, `}`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: viteChain } }],
    },
    {
      name: "Vite component: the Cohere client keyed by import.meta.env.VITE_COHERE_API_KEY (inlined)",
      filename: vite,
      code: [`import { CohereClient } from "cohere-ai";`, `export const cohere = new CohereClient({ token: import.meta.env.VITE_COHERE_API_KEY });`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 2, data: { provider: "Cohere", chain: viteChain } }],
    },
    {
      name: "Vite component: a server-secret key with dangerouslyAllowBrowser is still reported (the flag)",
      filename: vite,
      code: [`import OpenAI from "openai";`, `export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: true });`].join("\n"),
      errors: [{ messageId: "dangerousBrowserClient", line: 2, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain: viteChain } }],
    },
    {
      // The fixture's vite.config.ts defines "process.env.OPENAI_API_KEY": the build writes the key in.
      name: "Vite component: a server-secret read the config's define fills in ships with the client",
      filename: vite,
      code: [`import OpenAI from "openai";`, `export function makeClient() {`, `  return new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`, `}`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: viteChain } }],
    },
    {
      // glvcsmt/erasmus-milano's AxiosConfig.js (batch 104): an instance made for OpenAI's host, the key in its headers.
      name: "Vite: an axios or ky instance made for a provider's host with the developer's key in its headers",
      filename: vite,
      code: [
        `import axios from "axios";`,
        `import ky from "ky";`,
        `export const OpenAIReq = axios.create({ baseURL: "https://api.openai.com/v1", headers: { Authorization: \`Bearer \${import.meta.env.VITE_API_TOKEN}\` } });`,
        `export const groq = ky.create({ prefixUrl: "https://api.groq.com/openai/v1", headers: { Authorization: \`Bearer \${import.meta.env.VITE_TOKEN}\` } });`,
        `export const own = axios.create({ baseURL: "/api", headers: { Authorization: \`Bearer \${import.meta.env.VITE_TOKEN}\` } });`,
      ].join("\n"),
      errors: [
        { messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: viteChain } },
        { messageId: "directProviderCall", line: 4, data: { host: "api.groq.com", chain: viteChain } },
      ],
    },
    {
      name: "Vite: the same auth header with a VITE_ key",
      filename: vite,
      code: [`import axios from "axios";`, `export const tts = axios.create({ baseURL: import.meta.env.VITE_TTS_URL, headers: { "xi-api-key": import.meta.env.VITE_ELEVENLABS_API_KEY } });`].join("\n"),
      errors: [{ messageId: "browserAuthHeader", line: 2, data: { provider: "ElevenLabs", header: "xi-api-key", chain: viteChain } }],
    },
  ],
});

// A shared config module (test/fixtures/apps/expo/lib/ai-config.ts) holds the key; the call sites import it.
const translate = appFile("expo", "lib/translate.ts").filename;
const translateChain = "app/translate.tsx → lib/translate.ts";
const bearer = (from: string) => [
  `import { ${from} } from "./ai-config";`,
  `export const ask = (body: string) => fetch("https://example.com/v1", { method: "POST", headers: { Authorization: \`Bearer \${${from}.apiKey}\` }, body });`,
].join("\n");

// A file whose own text names no provider: only the module it imports the URL from does.
const keyedUrl = (binding: string, from: string) =>
  [`import ${binding} from "${from}";`, `export const ask = (body: string) => fetch(url, { method: "POST", body });`].join("\n");

ruleTester().run("no-client-ai-calls: a key from the app's own config module", rule, {
  valid: [
    { name: "a server secret in the config (undefined in the app: no-client-secrets reports the read)", filename: translate, code: bearer("serverConfig") },
    { name: "the key the user types, kept in a settings object", filename: translate, code: bearer("userSettings") },
    { name: "a package's export of the same name is not followed", filename: translate, code: bearer("aiConfig").replace("./ai-config", "ai-config") },
    { name: "a server secret one object deeper in the config", filename: translate, code: bearer("providers").replace("providers.apiKey", "providers.server.apiKey") },
    { name: "an imported URL whose key is a server secret (undefined in the app)", filename: translate, code: keyedUrl("{ SERVER_KEYED_URL as url }", "./ai-config") },
    { name: "an imported URL to the app's own back end", filename: translate, code: keyedUrl("{ BACKEND_KEYED_URL as url }", "./ai-config") },
    {
      // julie-ai-expo (batch 97): the keys the user typed into the settings dialog, kept in the app's zustand store.
      name: "bring your own key: a field of the app's zustand store that starts empty, destructured or selected",
      filename: translate,
      code: [
        `import { useKeysStore } from "./keys-store";`,
        `export function useSpeech() {`,
        `  const { groqApiKey, elevenLabsApiKey: voiceKey } = useKeysStore();`,
        `  const groq = useKeysStore((state) => state.groqApiKey);`,
        `  return () => Promise.all([`,
        `    fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${groqApiKey}\` } }),`,
        `    fetch("https://api.elevenlabs.io/v1/text-to-speech/voice", { method: "POST", headers: { "xi-api-key": voiceKey } }),`,
        `    fetch("https://api.groq.com/openai/v1/models", { headers: { Authorization: \`Bearer \${groq}\` } }),`,
        `  ]);`,
        `}`,
      ].join("\n"),
    },
    { name: "a server secret in the config, through a barrel", filename: translate, code: bearer("serverConfig").replace("./ai-config", "./config") },
    {
      name: "a getter given the caller's settings returns the user's key",
      filename: translate,
      code: [`import OpenAI from "openai";`, `import { keyOf } from "./ai-config";`, `export const make = (settings: { apiKey: string }) => new OpenAI({ apiKey: keyOf(settings) });`].join("\n"),
    },
  ],
  invalid: [
    {
      name: "a zustand store field that starts from the build's env is the developer's key",
      filename: translate,
      code: [
        `import { useKeysStore } from "./keys-store";`,
        `export function useSpeech() {`,
        `  const { seededKey } = useKeysStore();`,
        `  return () => fetch("https://api.groq.com/openai/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${seededKey}\` } });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.groq.com", chain: translateChain } }],
    },
    { name: "fetch with Bearer config.apiKey", filename: translate, code: bearer("aiConfig"), errors: [{ messageId: "browserAuthHeader", line: 2, data: { provider: "OpenAI", header: "Authorization", chain: translateChain } }] },
    {
      name: "fetch with Bearer config.apiKey, the config imported through a barrel's export * and export { a as b } from",
      filename: translate,
      code: [bearer("aiConfig").replace("./ai-config", "./config"), bearer("sharedConfig").replace("./ai-config", "./config").replace("export const ask", "export const askAgain")].join("\n"),
      errors: [
        { messageId: "browserAuthHeader", line: 2, data: { provider: "OpenAI", header: "Authorization", chain: translateChain } },
        { messageId: "browserAuthHeader", line: 4, data: { provider: "OpenAI", header: "Authorization", chain: translateChain } },
      ],
    },
    {
      name: "an SDK client keyed by an imported const",
      filename: translate,
      code: [`import OpenAI from "openai";`, `import { OPENAI_KEY as key } from "./ai-config";`, `export const openai = new OpenAI({ apiKey: key });`].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 3, data: { provider: "OpenAI", chain: translateChain } }],
    },
    {
      // BuggyOpenSouce/Buggy-AI (batch 105): the token a config module writes in, passed first, the SDK loaded on demand.
      name: "an SDK client given an imported const's literal key as its first argument",
      filename: translate,
      code: [
        `import { INLINE_TOKEN } from "./ai-config";`,
        `export async function draw(inputs: string) {`,
        `  const { InferenceClient } = await import("@huggingface/inference");`,
        `  const client = new InferenceClient(INLINE_TOKEN);`,
        `  return client.textToImage({ model: "m", inputs });`,
        `}`,
      ].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 4, data: { provider: "Hugging Face", chain: translateChain } }],
    },
    {
      name: "a URL const imported from the config module, the key in its query (Abiram116/SpaceLearn, batch 35)",
      filename: translate,
      code: [`import { GEMINI_ENDPOINT, OPENAI_KEY } from "./ai-config";`, "export const ask = (body: string) => fetch(`${GEMINI_ENDPOINT}?key=${OPENAI_KEY}`, { method: \"POST\", body });"].join("\n"),
      errors: [{ messageId: "directProviderCall", line: 2, data: { host: "generativelanguage.googleapis.com", chain: translateChain } }],
    },
    {
      name: "a key an imported getter returns, directly or in an object (batch 61); also a local getter, tidied",
      filename: translate,
      code: [
        `import OpenAI from "openai";`,
        `import { GoogleGenerativeAI } from "@google/generative-ai";`,
        `import { getOpenAIApiKey, getEnvConfig } from "./ai-config";`,
        `export const openai = new OpenAI({ apiKey: getOpenAIApiKey() });`,
        `const config = getEnvConfig();`,
        `export const gemini = new GoogleGenerativeAI(config.geminiApiKey!.trim());`,
        `function localKey() { return process.env.EXPO_PUBLIC_GROQ_API_KEY; }`,
        `export const ask = () => fetch("https://api.groq.com/openai/v1/models", { headers: { Authorization: \`Bearer \${localKey()}\` } });`,
      ].join("\n"),
      errors: [
        { messageId: "browserSdkClient", line: 4, data: { provider: "OpenAI", chain: translateChain } },
        { messageId: "browserSdkClient", line: 6, data: { provider: "Google AI (Gemini)", chain: translateChain } },
        { messageId: "directProviderCall", line: 8, data: { host: "api.groq.com", chain: translateChain } },
      ],
    },
    {
      name: "a getter of several returns: the first that returns something (baheldeepti/hackathoncopilot, batch 74)",
      filename: translate,
      code: [
        `import { GoogleGenAI } from "@google/genai";`,
        `const getApiKey = (): string => {`,
        `  const viteEnv = process.env.EXPO_PUBLIC_GEMINI_API_KEY;`,
        `  if (viteEnv) return viteEnv;`,
        `  try { if (process.env.EXPO_PUBLIC_API_KEY) return process.env.EXPO_PUBLIC_API_KEY; } catch { return ""; }`,
        `  const nested = () => "unused";`,
        `  return "";`,
        `};`,
        `export const ask = (contents: string) => new GoogleGenAI({ apiKey: getApiKey() }).models.generateContent({ model: "gemini-2.5-flash", contents });`,
        `function emptyKey() { if (Math.random() > 1) return undefined; return ""; }`,
        `export const quiet = () => new GoogleGenAI({ apiKey: emptyKey() });`,
      ].join("\n"),
      errors: [{ messageId: "browserSdkClient", line: 9, data: { provider: "Google AI (Gemini)", chain: translateChain } }],
    },
    {
      name: "a key one object deeper in the config (config.deepseek.apiKey: jybcaohui/HeboAi, batch 39)",
      filename: translate,
      code: bearer("providers").replace("providers.apiKey", "providers.openai.apiKey"),
      errors: [{ messageId: "browserAuthHeader", line: 2, data: { provider: "OpenAI", header: "Authorization", chain: translateChain } }],
    },
    {
      name: "a whole URL imported from the config module, the key in its query",
      filename: translate,
      code: keyedUrl("{ GEMINI_KEYED_URL as url }", "./ai-config"),
      errors: [{ messageId: "directProviderCall", line: 2, data: { host: "generativelanguage.googleapis.com", chain: translateChain } }],
    },
    {
      name: "the same URL as a module's default export (shashikant347/Askly, batch 38)",
      filename: translate,
      code: keyedUrl("url", "./gemini-url"),
      errors: [{ messageId: "directProviderCall", line: 2, data: { host: "generativelanguage.googleapis.com", chain: translateChain } }],
    },
    {
      ...appFile("expo", "lib/translate.ts"),
      // The config's baseUrl names the host, so this is a call to api.openai.com (not only a key sent somewhere).
      name: "the config file on disk, as ESLint lints it",
      errors: [{ messageId: "directProviderCall", line: 4, data: { host: "api.openai.com", chain: translateChain } }],
    },
  ],
});

ruleTester().run("no-client-secrets: the server-secret key of a browser SDK client", clientSecrets, {
  valid: [],
  invalid: [
    {
      name: "Vite component: the read is reported here, not as a client AI call",
      filename: vite,
      code: [`import Anthropic from "@anthropic-ai/sdk";`, `export function makeClient() {`, `  return new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });`, `}`].join("\n"),
      errors: [{ messageId: "clientSecret", line: 3, data: { name: "ANTHROPIC_API_KEY", chain: viteChain } }],
    },
  ],
});

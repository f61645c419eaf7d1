import { strict as assert } from "node:assert";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { LIMIT_NAME } from "../../eslint-plugin/src/engine/server-route/rate-limit/function-scan";

const ROUTE = "/project/app/api/chat/route.ts";

function providersReported(code: string): string[] {
  const source = parseSource(ROUTE, code);
  assert.ok(source, "parses");
  return findUnlimitedAiRoutes(source).map((finding) => finding.data.provider);
}

describe("require-rate-limit: which provider a route calls", () => {
  it("names the provider of an OpenAI-compatible baseURL (Groq through the OpenAI SDK)", () => {
    const code = `import OpenAI from "openai";
const groq = new OpenAI({ apiKey: process.env.GROQ_API_KEY, baseURL: "https://api.groq.com/openai/v1" });
export async function POST(request: Request) {
  return Response.json(await groq.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), ["Groq"]);
  });

  // 4minuterobotics/MERN-AI-image-generator (batch 217): axios's form methods send a multipart body to Stability AI.
  it("names the provider of an axios form request (postForm, putForm, patchForm)", () => {
    const code = (method: string) => `import axios from "axios";
export async function POST(request: Request) {
  const { prompt } = await request.json();
  const r = await axios.${method}("https://api.stability.ai/v2beta/stable-image/generate/core", { prompt }, { headers: { Authorization: \`Bearer \${process.env.STABILITY_API_KEY}\` } });
  return Response.json(r.data);
}`;
    for (const method of ["postForm", "putForm", "patchForm"]) assert.deepEqual(providersReported(code(method)), ["Stability AI"], method);
  });

  // rainathecreatour-ops/demand-finder-ai (batch 227): a Vercel function calls Anthropic with Node's own https module.
  it("names the provider of Node's https.request by its options' host, or its URL", () => {
    const code = (request: string, key = "process.env.ANTHROPIC_API_KEY") => `import https from "node:https";
export async function POST(req: Request) {
  const body = await req.text();
  const apiKey = ${key};
  const options = { hostname: "api.anthropic.com", path: "/v1/messages", method: "POST", headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01" } };
  return new Promise((resolve) => { const r = ${request}; r.end(body); });
}`;
    assert.deepEqual(providersReported(code("https.request(options, (res) => resolve(new Response(res)))")), ["Anthropic"]);
    assert.deepEqual(providersReported(code(`https.request({ hostname: "api.groq.com", path: "/openai/v1/chat/completions", method: "POST" }, (res) => resolve(new Response(res)))`)), ["Groq"]);
    assert.deepEqual(providersReported(code(`https.request("https://api.openai.com/v1/chat/completions", options, (res) => resolve(new Response(res)))`)), ["OpenAI"]);
    // The caller's own key, the model list, another host, or some other module's request(): no provider's request.
    assert.deepEqual(providersReported(code("https.request(options, (res) => resolve(new Response(res)))", `req.headers.get("x-api-key")`)), []);
    assert.deepEqual(providersReported(code(`https.get("https://api.openai.com/v1/models", (res) => resolve(new Response(res)))`)), []);
    assert.deepEqual(providersReported(code(`https.request({ hostname: "example.com", path: "/v1/messages" }, (res) => resolve(new Response(res)))`)), []);
    assert.deepEqual(providersReported(code("https.request(options, (res) => resolve(new Response(res)))").replace('import https from "node:https";', 'import https from "./my-https";')), []);
  });

  // Batch 45: ziru-1/school-query-chatbot's admin delete route and codebysamir's /delete route
  // write to a Pinecone index; their /create and /query routes embed with OpenAI through it.
  it("is quiet for a route that only reads or writes a Pinecone index (no model runs)", () => {
    const code = `import { Pinecone } from "@pinecone-database/pinecone";
const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY });
const index = pc.index("docs");
export async function DELETE(request: Request) {
  const { ids } = await request.json();
  await index.deleteMany(ids);
  const found = await index.query({ vector: [0.1, 0.2], topK: 3 });
  await index.namespace("a").upsert([{ id: "1", values: [0.1, 0.2] }]);
  return Response.json(found);
}`;
    assert.deepEqual(providersReported(code), []);
  });

  it("reports a route where Pinecone embeds (integrated inference) or a LangChain store embeds with a model", () => {
    const inference = `import { Pinecone } from "@pinecone-database/pinecone";
const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY });
export async function POST(request: Request) {
  const { records } = await request.json();
  await pc.index("docs").namespace("a").upsertRecords(records);
  return new Response(null, { status: 204 });
}`;
    assert.deepEqual(providersReported(inference), ["Pinecone"]);
    const store = `import { Pinecone } from "@pinecone-database/pinecone";
import { PineconeStore } from "@langchain/pinecone";
import { OpenAIEmbeddings } from "@langchain/openai";
const pineconeIndex = new Pinecone().index("docs");
export async function POST(request: Request) {
  const { docs } = await request.json();
  await PineconeStore.fromDocuments(docs, new OpenAIEmbeddings(), { pineconeIndex });
  return new Response(null, { status: 204 });
}`;
    assert.deepEqual(providersReported(store), ["Pinecone"]);
  });

  it("reports a route where a local vector store embeds with a provider's embeddings client (pankaj2k9/rag-chat-app-with-nextjs-langchain, batch 55)", () => {
    const held = `import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { OpenAIEmbeddings } from "@langchain/openai";
export async function POST(request: Request) {
  const { docs } = await request.json();
  const embeddings = new OpenAIEmbeddings({ openAIApiKey: process.env.OPENAI_API_KEY });
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  await store.save("vectorstore");
  return new Response(null, { status: 204 });
}`;
    assert.deepEqual(providersReported(held), ["OpenAI"]);
    const inline = `import { MemoryVectorStore } from "langchain/vectorstores/memory";
import { CohereEmbeddings } from "@langchain/cohere";
export async function POST(request: Request) {
  const { texts } = await request.json();
  await MemoryVectorStore.fromTexts(texts, {}, new CohereEmbeddings());
  return new Response(null, { status: 204 });
}`;
    assert.deepEqual(providersReported(inline), ["Cohere"]);
    const local = `import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { OllamaEmbeddings } from "@langchain/ollama";
export async function POST(request: Request) {
  await HNSWLib.fromDocuments((await request.json()).docs, new OllamaEmbeddings());
  return new Response(null, { status: 204 });
}`;
    assert.deepEqual(providersReported(local), []);
  });

  it("a model got from a client made in place: new GoogleGenerativeAI(key).getGenerativeModel(…); the caller's key spends the caller's quota", () => {
    const server = `import { GoogleGenerativeAI } from "@google/generative-ai";
const model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!).getGenerativeModel({ model: "gemini-1.5-flash" });
export async function POST(request: Request) {
  const result = await model.generateContent(await request.text());
  return new Response(result.response.text());
}`;
    assert.deepEqual(providersReported(server), ["Google AI (Gemini)"]);
    const caller = `import { GoogleGenerativeAI } from "@google/generative-ai";
export async function POST(request: Request) {
  const body = await request.json();
  const model = new GoogleGenerativeAI(body.key).getGenerativeModel({ model: "gemini-1.5-flash" });
  const result = await model.generateContent(body.prompt);
  return new Response(result.response.text());
}`;
    assert.deepEqual(providersReported(caller), []);
  });

  it("a LangGraph graph built in the route's file runs its nodes; one whose nodes call no provider is quiet", () => {
    const graph = (node: string) => `import { ChatAnthropic } from "@langchain/anthropic";
import { StateGraph, MessagesAnnotation } from "@langchain/langgraph";
const model = new ChatAnthropic({ model: "claude-3-5-sonnet-latest" });
async function callModel(state: typeof MessagesAnnotation.State) {
  return { messages: [await model.invoke(state.messages)] };
}
function echo(state: typeof MessagesAnnotation.State) {
  return { messages: state.messages };
}
const app = new StateGraph(MessagesAnnotation).addNode("agent", ${node}).addEdge("__start__", "agent").compile();
export async function POST(request: Request) {
  return Response.json(await app.invoke({ messages: (await request.json()).messages }));
}`;
    assert.deepEqual(providersReported(graph("callModel")), ["Anthropic"]);
    assert.deepEqual(providersReported(graph("echo")), []);
  });

  it("OpenAI's Realtime reference client (@openai/realtime-api-beta) with the server's key is OpenAI's", () => {
    const code = `import { RealtimeClient } from "@openai/realtime-api-beta";
export async function POST(request: Request) {
  const client = new RealtimeClient({ apiKey: process.env.OPENAI_API_KEY });
  await client.connect();
  client.sendUserMessageContent([{ type: "input_text", text: await request.text() }]);
  return new Response(null, { status: 202 });
}`;
    assert.deepEqual(providersReported(code), ["OpenAI"]);
  });

  it("a helper of the file handed the key the caller sent spends the caller's quota; handed the env's, the server's (AstralJashn/SproutChat, batch 68)", () => {
    const route = (key: string) => `async function testOpenAI(apiKey: string, model: string) {
  const response = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ model }) });
  return response.json();
}
Deno.serve(async (req: Request) => {
  const { model, apiKey } = await req.json();
  return Response.json(await testOpenAI(${key}, model));
});`;
    const providers = (code: string) => {
      const source = parseSource("/project/supabase/functions/test-model/index.ts", code);
      assert.ok(source, "parses");
      return findUnlimitedAiRoutes(source).map((finding) => finding.data.provider);
    };
    assert.deepEqual(providers(route("apiKey")), []);
    assert.deepEqual(providers(route('Deno.env.get("OPENAI_API_KEY")')), ["OpenAI"]);
  });

  it("an HTTP client's method taken out of it (const { post } = require(\"axios\")) posting to a provider (wanderbatistaf/infinitStories, batch 68)", () => {
    const handlers = (taken: string) => {
      const source = parseSource("/project/server.js", `const express = require("express");
${taken}
const app = express();
app.post("/send-message", async (req, res) => {
  const response = await send("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=" + process.env.GEMINI_API_KEY, { contents: [{ parts: [{ text: req.body.message }] }] });
  res.json(response.data);
});
app.listen(3000);`);
      assert.ok(source, "parses");
      return findUnlimitedAiRoutes(source).map((finding) => [finding.data.handler, finding.data.provider]);
    };
    assert.deepEqual(handlers(`const { post: send } = require("axios");`), [['app.post("/send-message")', "Google AI (Gemini)"]]);
    assert.deepEqual(handlers(`import { post as send } from "axios";`), [['app.post("/send-message")', "Google AI (Gemini)"]]);
    assert.deepEqual(handlers(`const { send } = require("./mailer");`), []);
  });

  it("a vector store made over an embeddings client embeds with it when documents are added (TECHNO-NB/Chat-With-Pdf-A.I.-Frontend, batch 68)", () => {
    const route = (store: string, call: string) => {
      const source = parseSource("/project/app/api/ingest/route.ts", `import { QdrantVectorStore } from "@langchain/qdrant";
import { MemoryVectorStore } from "langchain/vectorstores/memory";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { FaissStore } from "@langchain/community/vectorstores/faiss";
import { GoogleGenerativeAIEmbeddings } from "@langchain/google-genai";
export async function POST(req: Request) {
  const docs = await req.json();
  const embeddings = new GoogleGenerativeAIEmbeddings({ apiKey: process.env.GEMINI_API_KEY });
  const vectorStore = ${store};
  ${call}
  return Response.json({ ok: true });
}`);
      assert.ok(source, "parses");
      return findUnlimitedAiRoutes(source).map((finding) => finding.data.provider);
    };
    assert.deepEqual(route(`await QdrantVectorStore.fromExistingCollection(embeddings, { url: process.env.QDRANT_URL, collectionName: "docs" })`, "await vectorStore.addDocuments(docs);"), ["Google AI (Gemini)"]);
    assert.deepEqual(route("new MemoryVectorStore(embeddings)", "await vectorStore.addDocuments(docs);"), ["Google AI (Gemini)"]);
    assert.deepEqual(route("new Map()", "vectorStore.set(1, docs);"), []);
    // Only documents added or a query searched embed: saving, deleting or editing the index runs no model.
    assert.deepEqual(route("new MemoryVectorStore(embeddings)", "await vectorStore.similaritySearch(docs.query, 4);"), ["Google AI (Gemini)"]);
    assert.deepEqual(route("new MemoryVectorStore(embeddings)", "await vectorStore.delete({ ids: docs.ids });"), []);
    assert.deepEqual(route(`await QdrantVectorStore.fromExistingCollection(embeddings, { collectionName: "docs" })`, "await vectorStore.delete({ ids: docs.ids });"), []);
    // A saved store read back with its embeddings client, and one whose client is made in place.
    assert.deepEqual(route(`await HNSWLib.load("index", embeddings)`, "await vectorStore.addDocuments(docs);"), ["Google AI (Gemini)"]);
    assert.deepEqual(route(`await HNSWLib.load("index", embeddings)`, "vectorStore.index.markDelete(0); await vectorStore.save(\"index\");"), []);
    assert.deepEqual(route(`await FaissStore.load("index", new GoogleGenerativeAIEmbeddings())`, "await vectorStore.similaritySearch(docs.query);"), ["Google AI (Gemini)"]);
    // Another class's factory given the client first is no store: running what it makes counts (DavidWoolner/contract-chat, batch 31).
    assert.deepEqual(route("new MemoryVectorStore(embeddings)", "const chain = VectorDBQAChain.fromLLM(embeddings, vectorStore);\n  await chain.call({ query: docs.query });"), ["Google AI (Gemini)"]);
  });

  it("an Express route whose path a module const holds, the env's override first (Ayushbh6/SpeechBot, batch 71)", () => {
    const handlers = (path: string) => {
      const source = parseSource("/project/server.js", `import express from "express";
const TOKEN_PATH = ${path};
const app = express();
app.get(TOKEN_PATH, async (req, res) => {
  const response = await fetch("https://api.openai.com/v1/realtime/sessions", { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } });
  res.json(await response.json());
});
app.listen(3000);`);
      assert.ok(source, "parses");
      return findUnlimitedAiRoutes(source).map((finding) => [finding.data.handler, finding.data.provider]);
    };
    assert.deepEqual(handlers(`process.env.TOKEN_PATH || "/token"`), [['app.get("/token")', "OpenAI"]]);
    assert.deepEqual(handlers(`"/session"`), [['app.get("/session")', "OpenAI"]]);
    assert.deepEqual(handlers(`"session-cache"`), []);
  });

  it("the chatgpt package's ChatGPTAPI, called through a class of the file, is OpenAI's (gragland/chatgpt-chrome-extension, batch 67)", () => {
    const code = `import express from "express";
import { ChatGPTAPI } from "chatgpt";
const app = express();
const gptApi = new ChatGPTAPI({ apiKey: process.env.OPENAI_API_KEY });
class Conversation {
  async sendMessage(msg) {
    const res = await gptApi.sendMessage(msg, {});
    return res.text;
  }
}
const conversation = new Conversation();
app.post("/", async (req, res) => {
  res.json({ reply: await conversation.sendMessage(req.body.message) });
});
app.listen(3000);`;
    const source = parseSource("/project/server.js", code);
    assert.ok(source, "parses");
    assert.deepEqual(findUnlimitedAiRoutes(source).map((finding) => [finding.data.handler, finding.data.provider]), [['app.post("/")', "OpenAI"]]);
  });

  it("a key destructured from what the caller sent spends the caller's quota; one destructured from the env is the server's (LouisKoXiang/nuxt3-chatgpt-openai, batch 57)", () => {
    const nuxt = (taken: string) => {
      const source = parseSource("/project/server/api/image.post.ts", `import { Configuration, OpenAIApi } from "openai";
export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  ${taken}
  const openai = new OpenAIApi(new Configuration({ apiKey }));
  return openai.createImage({ prompt: body.prompt, n: 1 });
});`);
      assert.ok(source, "parses");
      return findUnlimitedAiRoutes(source).map((finding) => finding.data.provider);
    };
    assert.deepEqual(nuxt("const { apiKey, prompt } = body;"), []);
    assert.deepEqual(nuxt("const { apiKey = '' } = await readBody(event);"), []);
    assert.deepEqual(nuxt("const { OPENAI_API_KEY: apiKey } = process.env;"), ["OpenAI"]);
    assert.deepEqual(nuxt("const { openaiApiKey: apiKey } = useRuntimeConfig(event);"), ["OpenAI"]);
  });

  it("an axios request config (axios({ url, headers })), and a URL the env names first with a reseller's as fallback (tansunyj/chinese_name_web, batch 62)", () => {
    const axiosConfig = (url: string, key: string) => `import axios from "axios";
export async function POST(req: Request) {
  const API_KEY = ${key};
  const API_URL = ${url};
  const response = await axios({ method: "POST", url: API_URL, headers: { "Content-Type": "application/json", Authorization: \`Bearer \${API_KEY}\` }, data: await req.json() });
  return Response.json(response.data);
}`;
    assert.deepEqual(providersReported(axiosConfig(`"https://api.openai.com/v1/chat/completions"`, "process.env.OPENAI_API_KEY")), ["OpenAI"]);
    assert.deepEqual(providersReported(axiosConfig(`process.env.OPENAI_API_URL || "https://openkey.cloud/v1/chat/completions"`, "process.env.OPENAI_API_KEY")), ["OpenAI"]);
    assert.deepEqual(providersReported(axiosConfig(`process.env.OPENAI_API_URL || "https://openkey.cloud/v1/chat/completions"`, `req.headers.get("authorization")`)), []);
    // A URL written out to another host is that host's business, env-named key or not.
    assert.deepEqual(providersReported(axiosConfig(`"https://openkey.cloud/v1/chat/completions"`, "process.env.OPENAI_API_KEY")), []);
    const fetched = `export async function POST(req: Request) {
  const API_URL = process.env.OPENAI_API_URL || "https://openkey.cloud/v1/chat/completions";
  return fetch(API_URL, { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` }, body: await req.text() });
}`;
    assert.deepEqual(providersReported(fetched), ["OpenAI"]);
  });

  it("a handler that calls a const holding a wrapped function of the file runs that function; a limiter's wrapper limits it (MaximStarykh/legal-chat, batch 63)", () => {
    const wrapped = (wrapper: string) => `import { GoogleGenerativeAI } from "@google/generative-ai";
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
const withErrorHandling = (fn: (req: Request) => Promise<Response>) => async (req: Request) => {
  try { return await fn(req); } catch { return new Response("error", { status: 500 }); }
};
const withRateLimit = (fn: (req: Request) => Promise<Response>) => async (req: Request) => ((await limiter.check(req)) ? fn(req) : new Response("slow down", { status: 429 }));
async function handleChatRequest(req: Request) {
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  return Response.json(await model.generateContent(await req.text()));
}
const handler = ${wrapper}(handleChatRequest);
export async function POST(req: Request) {
  return handler(req);
}`;
    assert.deepEqual(providersReported(wrapped("withErrorHandling")), ["Google AI (Gemini)"]);
    assert.deepEqual(providersReported(wrapped("withRateLimit")), []);
  });

  it("a retry helper asking isRateLimitError(error) limits nothing; a check named isRateLimited(ip) does (szentesik/ict-assistant-app, batch 65)", () => {
    const code = (check: string) => `import OpenAI from "openai";
const openai = new OpenAI();
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  try { return await fn(); } catch (error) { if (isRateLimitError(error)) return fn(); throw error; }
}
export async function POST(req: Request) {
  ${check}
  return Response.json(await withRetry(() => openai.chat.completions.create(await req.json())));
}`;
    assert.deepEqual(providersReported(code("")), ["OpenAI"]);
    assert.deepEqual(providersReported(code(`if (await isRateLimited(req.headers.get("x-forwarded-for"))) return new Response("slow down", { status: 429 });`)), []);
    // A retry or backoff around the provider's own limit (CloudCutiesQH/StorySteps's `withRateLimitRetry`, batch 242).
    for (const name of ["isRateLimitError", "RateLimitError", "handleThrottleError", "withRateLimitRetry", "rateLimitBackoff", "retryOnRateLimit"]) assert.equal(LIMIT_NAME.test(name), false, name);
    for (const name of ["checkRateLimit", "ratelimit", "aiLimiter", "throttle", "isRateLimited"]) assert.equal(LIMIT_NAME.test(name), true, name);
    const started = Date.now();
    LIMIT_NAME.test("rate".repeat(250_000));
    LIMIT_NAME.test("a".repeat(1_000_000));
    LIMIT_NAME.test("retr".repeat(250_000));
    assert.ok(Date.now() - started < 1000, "linear on 1 MB names");
  });

  it("a base URL trimmed twice from an env fallback, with the request init from a helper (anse-app/chatgpt-demo, batch 66)", () => {
    const code = `import { generatePayload } from "@/utils/openAI";
const baseUrl = ((process.env.OPENAI_API_BASE_URL) || "https://api.openai.com").trim().replace(/\\/$/, "");
export async function POST(req: Request) {
  const initOptions = generatePayload(process.env.OPENAI_API_KEY, await req.json());
  return fetch(\`\${baseUrl}/v1/chat/completions\`, initOptions);
}`;
    assert.deepEqual(providersReported(code), ["OpenAI"]);
  });

  it("a function of the file handed to map() as a callback runs (Elliott-Chong/chatpdf-yt, batch 66)", () => {
    const code = (use: string) => `import OpenAI from "openai";
const openai = new OpenAI();
async function embedDocument(text: string) {
  return (await openai.embeddings.create({ model: "text-embedding-3-small", input: text })).data[0].embedding;
}
export async function POST(req: Request) {
  const pages: string[] = await req.json();
  ${use}
  return Response.json({ ok: true });
}`;
    assert.deepEqual(providersReported(code("await Promise.all(pages.map(embedDocument));")), ["OpenAI"]);
    assert.deepEqual(providersReported(code("console.log(pages.length, typeof embedDocument);")), []);
  });

  it("a caller's key joined with + into the Bearer header spends the caller's quota (cloudunkai/cloudunkai.github.io, dcrebbin/ai-leetcode-coach)", () => {
    const nuxt = parseSource("/project/server/api/ai.ts", `export default defineEventHandler(async (event) => {
  const param = await readBody(event);
  return $fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: "Bearer " + param.apiKey }, body: { messages: param.messages } });
});`);
    assert.ok(nuxt);
    assert.deepEqual(findUnlimitedAiRoutes(nuxt).map((finding) => finding.data.provider), []);
    const next = (key: string) => `export async function POST(req: Request) {
  const apiKey = ${key};
  const r = await fetch("https://api.openai.com/v1/threads/runs", { method: "POST", body: await req.text(), headers: { Authorization: "Bearer " + apiKey } });
  return new Response(r.body);
}`;
    assert.deepEqual(providersReported(next(`req.headers.get("x-api-key")`)), []);
    assert.deepEqual(providersReported(next(`process.env.OPENAI_API_KEY`)), ["OpenAI"]);
  });

  it("a class's model typed as a union of providers, run through a chain one of its methods returns (cratas/langchain-explorer, batch 45)", () => {
    const code = `import { ChatOpenAI } from "@langchain/openai";
import { ChatAnthropic } from "@langchain/anthropic";
import { RunnableSequence } from "@langchain/core/runnables";
import { PromptTemplate } from "@langchain/core/prompts";
import { makeModel } from "@/lib/factory";
class ChatService {
  private _model: ChatOpenAI | ChatAnthropic;
  constructor(name: string) {
    this._model = makeModel(name);
  }
  private chain = (streaming: boolean) =>
    streaming ? RunnableSequence.from([PromptTemplate.fromTemplate("{input}"), this._model]) : RunnableSequence.from([this._model]);
  stream = async (input: string) => {
    const chain = this.chain(true);
    return chain.stream({ input });
  };
}
const service = new ChatService("gpt-4o");
export async function POST(request: Request) {
  return new Response(await service.stream(await request.text()));
}`;
    assert.deepEqual(providersReported(code), ["OpenAI"]);
  });

  it("a chain made from a model field by a static factory is no client with a user's key (cratas/langchain-explorer's CustomChatbotService)", () => {
    const code = `import { ChatOpenAI } from "@langchain/openai";
import { ConversationalRetrievalQAChain } from "langchain/chains";
import { makeModel, retriever } from "@/lib/factory";
class ChatbotService {
  private readonly _model: ChatOpenAI;
  constructor() {
    this._model = makeModel();
  }
  answer = async (question: string) => {
    const chain = ConversationalRetrievalQAChain.fromLLM(this._model, retriever);
    return chain.invoke({ question, chat_history: [] });
  };
}
const service = new ChatbotService();
export async function POST(request: Request) {
  return Response.json(await service.answer(await request.text()));
}`;
    assert.deepEqual(providersReported(code), ["OpenAI"]);
  });

  it("a chain made by a static factory from one of two models a condition picks (keshav2003garg/queryspark, batch 230)", () => {
    const code = (model: string) => `import { ChatOpenAI } from "langchain/chat_models/openai";
import { ConversationalRetrievalQAChain } from "langchain/chains";
import { retriever } from "@/lib/store";
export async function POST(request: Request) {
  const { question, streaming } = await request.json();
  const streamingModel = new ChatOpenAI({ streaming: true });
  const nonStreamingModel = new ChatOpenAI({ streaming: false });
  const chain = ConversationalRetrievalQAChain.fromLLM(${model}, retriever);
  return Response.json(await chain.call({ question }));
}`;
    assert.deepEqual(providersReported(code("streaming ? streamingModel : nonStreamingModel")), ["OpenAI"]);
    assert.deepEqual(providersReported(code("streaming && streamingModel")), ["OpenAI"]);
    assert.deepEqual(providersReported(code("nonStreamingModel")), ["OpenAI"]);
  });

  it("LangChain's classes imported from the package that holds them all, and a client made in the call", () => {
    // DavidWoolner/contract-chat (langchain/vectorstores/pinecone), engageintellect/nexum-search
    // (`new OpenAIEmbeddings().embedDocuments(…)` from langchain/embeddings/openai).
    const store = `import { PineconeStore } from "langchain/vectorstores/pinecone";
import { OpenAIEmbeddings } from "langchain/embeddings/openai";
import { getPineconeIndex } from "@/app/utils/pinecone";
export async function GET() {
  const pineconeIndex = await getPineconeIndex();
  await PineconeStore.fromDocuments([], new OpenAIEmbeddings(), { pineconeIndex });
  return Response.json({ done: true });
}`;
    assert.deepEqual(providersReported(store), ["Pinecone"]);
    const embeddings = `import { OpenAIEmbeddings } from "langchain/embeddings/openai";
export async function POST(request: Request) {
  const texts: string[] = await request.json();
  return Response.json(await new OpenAIEmbeddings().embedDocuments(texts));
}`;
    assert.deepEqual(providersReported(embeddings), ["OpenAI"]);
  });

  it("a request to a URL from env or config, keyed in an auth header by an env var named for a provider (codebysamir's voice routes, batch 45)", () => {
    const elevenlabs = `export async function POST(request: Request) {
  const r = await fetch(\`\${process.env.ELEVENLABS_URL}/v1/text-to-speech/voice\`, { method: "POST", headers: { "xi-api-key": process.env.ELEVENLABS_API_KEY!, "Content-Type": "application/json" }, body: await request.text() });
  return new Response(r.body);
}`;
    assert.deepEqual(providersReported(elevenlabs), ["ElevenLabs"]);
    const axiosCall = `import axios from "axios";
import { config } from "@/config";
export async function POST(request: Request) {
  const { data } = await axios.post(config.anthropicUrl, await request.json(), { headers: { "x-api-key": process.env.ANTHROPIC_API_KEY } });
  return Response.json(data);
}`;
    assert.deepEqual(providersReported(axiosCall), ["Anthropic"]);
    // A URL written out to a host outside the catalogue is that host's: the key name says nothing of where it goes.
    const elsewhere = `export async function POST(request: Request) {
  return fetch("https://api.example.com/proxy", { method: "POST", headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` }, body: await request.text() });
}`;
    assert.deepEqual(providersReported(elsewhere), []);
  });

  it("the key through a const holding its env read, or a property of the module's config object (batch 48)", () => {
    // anggi1991/Umai-Lite's Edge Function helper: `const key = Deno.env.get("AZURE_OPENAI_KEY")`, the URL from env too.
    const heldKey = `async function callAzure(prompt: string) {
  const endpoint = Deno.env.get("AZURE_OPENAI_ENDPOINT");
  const key = Deno.env.get("AZURE_OPENAI_KEY");
  const url = \`\${endpoint}/openai/deployments/chat/chat/completions?api-version=2024-08-01-preview\`;
  return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", "api-key": key }, body: JSON.stringify({ prompt }) });
}
export async function POST(request: Request) {
  return new Response((await callAzure(await request.text())).body);
}`;
    assert.deepEqual(providersReported(heldKey), ["Azure OpenAI"]);
    // Piaoxuemoli/Knowledge's Express proxy: \`\${apiConfig.baseUrl}/v1/chat/completions\` with \`Bearer \${apiConfig.apiKey}\`.
    const configObject = `let apiConfig = { apiKey: process.env.DEEPSEEK_API_KEY, baseUrl: process.env.DEEPSEEK_BASE_URL };
export async function POST(request: Request) {
  const r = await fetch(\`\${apiConfig.baseUrl}/v1/chat/completions\`, { method: "POST", headers: { Authorization: \`Bearer \${apiConfig.apiKey}\` }, body: await request.text() });
  return new Response(r.body);
}`;
    assert.deepEqual(providersReported(configObject), ["DeepSeek"]);
    // A property named like a const elsewhere in the file is still the object's: \`settings.apiKey\` is not \`apiKey\`.
    const propertyName = `const apiKey = process.env.OPENAI_API_KEY;
const settings = { apiKey: "local-dev" };
export async function POST(request: Request) {
  return fetch(process.env.PROXY_URL!, { method: "POST", headers: { Authorization: \`Bearer \${settings.apiKey}\` }, body: await request.text() });
}`;
    assert.deepEqual(providersReported(propertyName), []);
  });

  it("a Worker forwarding the request: fetch(new Request(url, init)), headers set on a Headers, the key in the query (ivyxjc/ai-cf-proxy, batch 49)", () => {
    const headersSet = `export async function POST(request: Request) {
  const headers = new Headers(request.headers);
  headers.set("Authorization", \`Bearer \${process.env.OPENAI_API_KEY}\`);
  const forwarded = new Request(process.env.OPENAI_GATEWAY + new URL(request.url).pathname, { method: "POST", headers, body: request.body });
  return fetch(forwarded);
}`;
    assert.deepEqual(providersReported(headersSet), ["OpenAI"]);
    const appended = headersSet.replace('headers.set("Authorization", \`Bearer \${process.env.OPENAI_API_KEY}\`)', 'headers.append("x-api-key", process.env.ANTHROPIC_API_KEY!)');
    assert.deepEqual(providersReported(appended), ["Anthropic"]);
    const query = `export async function POST(request: Request) {
  return fetch(new Request(process.env.GEMINI_GATEWAY + "/v1beta/models/gemini-pro:generateContent" + "?key=" + process.env.GEMINI_API_KEY, { method: "POST", body: request.body }));
}`;
    assert.deepEqual(providersReported(query), ["Google AI (Gemini)"]);
    // The caller's own header passed on, or a key name in the query that is no provider's, spends nothing of ours.
    const callers = headersSet.replace('headers.set("Authorization", \`Bearer \${process.env.OPENAI_API_KEY}\`);', "");
    assert.deepEqual(providersReported(callers), []);
    assert.deepEqual(providersReported(query.replace("GEMINI_API_KEY", "SEARCH_TOKEN_TTL")), []);
  });

  it("a host with a hole in it matches the provider's wildcard host (mr-Arturio/SortQuest's Bedrock fetch, batch 50)", () => {
    const bedrock = `export async function GET() {
  const region = process.env.AWS_REGION || "us-east-1";
  const url = \`https://bedrock-runtime.\${region}.amazonaws.com/model/\${encodeURIComponent("amazon.nova-lite-v1:0")}/invoke\`;
  return fetch(url, { method: "POST", headers: { Authorization: \`Bearer \${process.env.AWS_BEARER_TOKEN_BEDROCK}\` }, body: "{}" });
}`;
    assert.deepEqual(providersReported(bedrock), ["AWS (Amazon Bedrock)"]);
    // A hole for the whole host names no provider.
    assert.deepEqual(providersReported(bedrock.replace("bedrock-runtime.\${region}.amazonaws.com", "\${region}").replace("process.env.AWS_BEARER_TOKEN_BEDROCK", "process.env.PROXY_TOKEN")), []);
  });

  it("still reports a server-key client built inside the handler", () => {
    const code = `import OpenAI from "openai";
export async function POST(request: Request) {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || "" });
  return Response.json(await openai.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), ["OpenAI"]);
  });

  it("is quiet when the key comes from the user's profile (bring your own key)", () => {
    const code = `import OpenAI from "openai";
export async function POST(request: Request) {
  const profile = await getServerProfile();
  const openai = new OpenAI({ apiKey: profile.openai_api_key || "" });
  return Response.json(await openai.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), []);
  });

  it("is quiet for a `let` given only models of clients the caller's key made (13point5/open-artifacts, batch 207)", () => {
    const byok = `import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { streamText } from "ai";
export async function POST(req: Request) {
  const { messages, apiKey, model } = await req.json();
  let llm;
  if (model === "claude") {
    const anthropic = createAnthropic({ apiKey });
    llm = anthropic("claude-3-5-sonnet-20240620");
  } else if (model.startsWith("gpt")) {
    const openai = createOpenAI({ compatibility: "strict", apiKey });
    llm = openai(model);
  }
  if (!llm) throw new Error("Unsupported model");
  const result = await streamText({ model: llm, messages });
  return result.toAIStreamResponse();
}`;
    assert.deepEqual(providersReported(byok), []);
    // One branch on the server's key: the server's quota.
    const mixed = byok.replace("const openai = createOpenAI({ compatibility: \"strict\", apiKey });", "const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });");
    assert.deepEqual(providersReported(mixed), ["OpenAI"]);
  });

  it("is quiet for an AI SDK provider made with the caller's key, and its model passed to generateText (thaddeusm/alt-tag-generator, batch 49)", () => {
    const byok = `import { createOpenAI, openai } from "@ai-sdk/openai";
import { generateText } from "ai";
export async function POST(request: Request) {
  const body = await request.json();
  const openai = createOpenAI({ apiKey: body.key });
  return Response.json(await generateText({ model: openai("gpt-4o-mini"), prompt: body.prompt }));
}`;
    assert.deepEqual(providersReported(byok), []);
    // With the server's key it is the server's quota.
    assert.deepEqual(providersReported(byok.replace("body.key", "process.env.OPENAI_API_KEY")), ["OpenAI"]);
    // And the imported default provider is the server's whatever a caller's client is called elsewhere.
    const imported = byok.replace("const openai = createOpenAI({ apiKey: body.key });", "const mine = createOpenAI({ apiKey: body.key });");
    assert.deepEqual(providersReported(imported), ["OpenAI"]);
  });

  it("is quiet for the model of a caller-keyed provider kept in a const, whatever the SDK's default instance is called (vznh/documix, batch 256)", () => {
    const byok = `import { groq, createGroq } from "@ai-sdk/groq";
import { streamText } from "ai";
export async function POST(req: Request) {
  const apiKey = req.headers.get("Authorization")?.replace("Bearer ", "");
  const groq = createGroq({ apiKey: apiKey });
  const model = groq("llama-3.3-70b-versatile");
  return streamText({ model, prompt: "hi" }).toDataStreamResponse();
}`;
    assert.deepEqual(providersReported(byok), []);
    // The server's key: the server's quota.
    assert.deepEqual(providersReported(byok.replace('req.headers.get("Authorization")?.replace("Bearer ", "")', "process.env.GROQ_API_KEY")), ["Groq"]);
    // The imported default provider in another handler is the server's, whatever the first handler's client is called.
    const twoHandlers = `${byok}
export async function GET() {
  const model = groq("llama-3.1-8b-instant");
  return streamText({ model, prompt: "hello" }).toDataStreamResponse();
}`;
    assert.deepEqual(providersReported(twoHandlers), ["Groq"]);
  });

  it("is quiet for keys from the profile passed positionally or through a const", () => {
    const code = `import OpenAI from "openai";
import { GoogleGenerativeAI } from "@google/generative-ai";
export async function POST(request: Request) {
  const profile = await getServerProfile();
  const KEY = profile.azure_openai_api_key;
  const azure = new OpenAI({ apiKey: KEY });
  const genAI = new GoogleGenerativeAI(profile.google_gemini_api_key || "");
  await genAI.getGenerativeModel({ model: "gemini-2.0-flash" }).generateContent("hi");
  return Response.json(await azure.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), []);
  });
  it("is quiet for Google sign-in: google-auth-library verifies tokens for any Google API, it is no AI SDK", () => {
    // HrynchukTymofii/AppTracker's landing/app/api/auth/google/route.ts (batch 35)
    const code = `import { OAuth2Client } from "google-auth-library";
const client = new OAuth2Client(process.env.GOOGLE_CLIENT_ID);
export async function POST(request: Request) {
  const { id_token } = await request.json();
  const ticket = await client.verifyIdToken({ idToken: id_token, audience: process.env.GOOGLE_CLIENT_ID });
  return Response.json({ email: ticket.getPayload()?.email });
}`;
    assert.deepEqual(providersReported(code), []);
  });

  it("still names Vertex AI when a GoogleAuth token is sent to the Vertex endpoint", () => {
    const code = `import { GoogleAuth } from "google-auth-library";
const auth = new GoogleAuth({ scopes: "https://www.googleapis.com/auth/cloud-platform" });
export async function POST(request: Request) {
  const token = await auth.getAccessToken();
  const url = \`https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent\`;
  const response = await fetch(url, { method: "POST", headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify(await request.json()) });
  return Response.json(await response.json());
}`;
    assert.deepEqual(providersReported(code), ["Google Cloud Vertex AI"]);
  });
  it("a client built only when its key is set, and a model got through `?.` (federico722/back-end-clinic-pets, batch 37)", () => {
    const code = `import { GoogleGenerativeAI } from "@google/generative-ai";
const KEY = process.env.GEMINI_API_KEY;
const genAI = KEY?.length ? new GoogleGenerativeAI(KEY) : null;
const model = genAI?.getGenerativeModel({ model: "gemini-1.5-flash" });
export async function POST(request: Request) {
  const result = await model?.generateContent(await request.text());
  return Response.json({ text: result?.response.text() });
}`;
    assert.deepEqual(providersReported(code), ["Google AI (Gemini)"]);
  });
});

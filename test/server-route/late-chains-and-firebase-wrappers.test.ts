/**
 * require-rate-limit: a vector store built by an awaited factory over keyed embeddings
 * (rlancemartin/lex-gpt, batch 154), a LangChain chain assigned to a module `let` after it is
 * declared (sahilmob/openai-javascript-course, batch 154), and Firebase HTTPS functions registered
 * through a handler required by destructuring or through a local wrapper such as
 * `wrapWithCors(fn)` (max-knox/PashaCapacitor, batch 157).
 */
import assert from "node:assert/strict";
import { routeFindings } from "./route-findings";
import { inTempTree } from "../support/temp-tree";

const found = (root: string, rel: string, text: string) => routeFindings(root, rel, text).map((finding) => [finding.handler, finding.provider, finding.line]);

describe("require-rate-limit: stores from awaited factories, chains assigned later, Firebase wrappers", () => {
  it("counts a search on a vector store an awaited factory built over keyed embeddings", () => {
    inTempTree("keyfence-late-store-", (root) => {
      const text = `import { PineconeStore } from "@langchain/pinecone";
import { OpenAIEmbeddings } from "@langchain/openai";
import { Pinecone } from "@pinecone-database/pinecone";
const pinecone = new Pinecone();
const handler = async (req, res) => {
  const store = await PineconeStore.fromExistingIndex(new OpenAIEmbeddings(), { pineconeIndex: pinecone.Index("docs") });
  res.json(await store.similaritySearch(req.body.query, 4));
};
export default handler;
`;
      assert.deepEqual(found(root, "pages/api/search.ts", text), [["default", "OpenAI", 5]]);
    });
  });

  it("counts a chain assigned to a module let in the handler, and one a same-file function assigns", () => {
    inTempTree("keyfence-late-chain-", (root) => {
      const inHandler = `import { ChatOpenAI } from "@langchain/openai";
import { ConversationChain } from "langchain/chains";
let chain;
export default async function handler(req, res) {
  if (req.body.first) chain = new ConversationChain({ llm: new ChatOpenAI() });
  res.json(await chain.call({ input: req.body.input }));
}
`;
      assert.deepEqual(found(root, "pages/api/memory.js", inHandler), [["default", "OpenAI", 4]]);
      const inInit = `import { ChatOpenAI } from "@langchain/openai";
import { LLMChain } from "langchain/chains";
let chain;
function initChain(prompt) {
  chain = new LLMChain({ prompt, llm: new ChatOpenAI() });
}
export default async function handler(req, res) {
  initChain(req.body.prompt);
  res.json(await chain.call({ input: req.body.input }));
}
`;
      assert.deepEqual(found(root, "pages/api/content.js", inInit), [["default", "OpenAI", 7]]);
      // A chain's answer assigned to a let builds no chain: nothing runs a model through it.
      const answer = `let text;
export default async function handler(req, res) {
  text = await fetch(req.body.url).then((r) => r.text());
  res.json({ text });
}
`;
      assert.deepEqual(found(root, "pages/api/plain.js", answer), []);
    });
  });

  it("counts a Firebase HTTPS function registered through a local wrapper of onRequest", () => {
    inTempTree("keyfence-firebase-wrapper-", (root) => {
      const text = `const functions = require("firebase-functions");
const cors = require("cors")({ origin: true });
const OpenAI = require("openai");
const openai = new OpenAI();
const wrapWithCors = (fn) => functions.https.onRequest((req, res) => cors(req, res, () => fn(req, res)));
const ask = async (req, res) => res.json(await openai.chat.completions.create(req.body));
exports.ask = wrapWithCors(ask);
`;
      assert.deepEqual(found(root, "functions/index.js", text), [["ask (onRequest)", "OpenAI", 7]]);
    });
  });

  it("follows a handler required by destructuring, unless its own module deploys it as a trigger already", () => {
    inTempTree("keyfence-firebase-destructured-", (root, write) => {
      write("functions/package.json", JSON.stringify({ dependencies: { "firebase-functions": "6", openai: "4" } }));
      write("functions/chat.js", `const OpenAI = require("openai");\nconst openai = new OpenAI();\nexports.chat = async (req, res) => res.json(await openai.chat.completions.create(req.body));\n`);
      const index = `const functions = require("firebase-functions");\nconst { chat } = require("./chat");\nexports.chat = functions.https.onRequest(chat);\n`;
      write("functions/index.js", index);
      assert.deepEqual(found(root, "functions/index.js", index), [["chat (onRequest)", "OpenAI", 3]]);
      // The module deploys it itself: its own finding stands for it, not a second one in index.js.
      write("functions/chat.js", `const functions = require("firebase-functions");\nconst OpenAI = require("openai");\nconst openai = new OpenAI();\nexports.chat = functions.https.onRequest(async (req, res) => res.json(await openai.chat.completions.create(req.body)));\n`);
      const wrapped = `const functions = require("firebase-functions");\nconst cors = require("cors")({ origin: true });\nconst { chat } = require("./chat");\nconst wrapWithCors = (fn) => functions.https.onRequest((req, res) => cors(req, res, () => fn(req, res)));\nexports.chat = wrapWithCors(chat);\n`;
      write("functions/index.js", wrapped);
      assert.deepEqual(found(root, "functions/index.js", wrapped), []);
    });
  });
});

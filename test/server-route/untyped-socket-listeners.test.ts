/**
 * Socket listeners written without a type: a plain-JS setup function given the socket,
 * `const chatHandlers = (socket) => { socket.on("travel_agent", …) }`, two modules from
 * `io.on("connection", …)` (YashCoder03/ChatBot, batch 142), counts in a project that depends on the
 * socket.io server, not in a socket.io-client one; and ws's WebSocket-API listeners,
 * `ws.onmessage = …` and `ws.addEventListener("message", …)`, on a connection's socket
 * (deepgram-devs/react-app, batch 145), count as `ws.on("message", …)` does.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { mayHandleSockets } from "../../eslint-plugin/src/engine/server-route/rate-limit/socket-handlers";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-untyped-sockets-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

/** The findings on `text` as `rel` in a project folder `project` whose package.json lists `dependencies`. */
function findingsIn(project: string, dependencies: Record<string, string>, rel: string, text: string) {
  fs.mkdirSync(path.join(ROOT, project), { recursive: true });
  fs.writeFileSync(path.join(ROOT, project, "package.json"), JSON.stringify({ type: "module", dependencies }));
  return routeFindings(ROOT, path.join(project, rel), text).map((f) => [f.handler, f.provider, f.line, f.fixes.length]);
}

const CHAT_HANDLERS = `import { ChatGroq } from "@langchain/groq";
const model = new ChatGroq({ apiKey: process.env.GROQ_API_KEY, model: "llama-3.3-70b-versatile" });
export default function chatHandlers(socket) {
  socket.on("ask", async (q) => socket.emit("answer", (await model.invoke(q)).content));
  socket.on("disconnect", async () => model.invoke("bye"));
}
`;

describe("require-rate-limit: socket listeners written without a type", () => {
  it("an untyped setup function's `socket` in a socket.io server project: its listeners, not the lifecycle ones", () => {
    const server = { "socket.io": "^4.8.1", "@langchain/groq": "^0.2.3" };
    assert.deepEqual(findingsIn("server", server, "sockets/chat.js", CHAT_HANDLERS), [['socket.on("ask")', "Groq", 4, 0]]);
    // YashCoder03/ChatBot's form: an arrow function in a const, exported at the end.
    const arrow = CHAT_HANDLERS.replace("export default function chatHandlers(socket) {", "const chatHandlers = (socket) => {").replace(/\}\n$/, "};\nexport default chatHandlers;\n");
    assert.deepEqual(findingsIn("server", server, "sockets/arrow.js", arrow), [['socket.on("ask")', "Groq", 4, 0]]);
  });

  it("a connection callback's own socket, typed or not, is one handler per listener (Locinone/Gx-chatbot-react-redux, batch 142)", () => {
    const server = `const { Server } = require("socket.io");
const axios = require("axios");
const io = new Server(4000);
io.on("connection", (socket) => {
  socket.on("user-message", async (message) => {
    const response = await axios.post("https://api.mistral.ai/v1/chat/completions", { model: "mistral-large-latest", messages: [{ role: "user", content: message }] }, { headers: { Authorization: \`Bearer \${process.env.MISTRAL_API_KEY}\` } });
    socket.emit("bot-message", response.data.choices[0].message.content);
  });
});
`;
    assert.deepEqual(findingsIn("io", { "socket.io": "^4.8.1", axios: "^1.7.0" }, "ws/server.js", server), [['socket.on("user-message")', "Mistral AI", 5, 0]]);
    const typed = server.replace('const { Server } = require("socket.io");', 'import { Server, type Socket } from "socket.io";').replace('const axios = require("axios");', 'import axios from "axios";').replace("(socket) =>", "(socket: Socket) =>").replace("async (message) =>", "async (message: string) =>");
    assert.deepEqual(findingsIn("io", { "socket.io": "^4.8.1", axios: "^1.7.0" }, "ws/server.ts", typed), [['socket.on("user-message")', "Mistral AI", 5, 0]]);
  });

  it("stays quiet without the socket.io server: a socket.io-client project, a module importing socket.io-client, another parameter name", () => {
    assert.deepEqual(findingsIn("client", { "socket.io-client": "^4.8.1", "@langchain/groq": "^0.2.3" }, "src/chat.js", CHAT_HANDLERS), []);
    const server = { "socket.io": "^4.8.1", "socket.io-client": "^4.8.1", "@langchain/groq": "^0.2.3" };
    assert.deepEqual(findingsIn("both", server, "src/chat.js", `import { io } from "socket.io-client";\n${CHAT_HANDLERS}`), []);
    assert.deepEqual(findingsIn("both", server, "src/peer.js", CHAT_HANDLERS.replaceAll("socket", "peer")), []);
    assert.equal(mayHandleSockets(CHAT_HANDLERS), true);
  });

  it("ws's `ws.onmessage = …` and `ws.addEventListener(\"message\", …)` on a connection's socket, not onclose or close", () => {
    const ws = `const { WebSocketServer } = require("ws");
const OpenAI = require("openai");
const openai = new OpenAI();
const wss = new WebSocketServer({ port: 3002 });
wss.on("connection", (ws) => {
  ws.onmessage = async (event) => ws.send(JSON.stringify(await openai.chat.completions.create(JSON.parse(event.data))));
  ws.onclose = async () => openai.chat.completions.create({ model: "m", messages: [] });
});
`;
    assert.deepEqual(findingsIn("ws", { ws: "^8.18.0", openai: "^4.0.0" }, "server.js", ws), [["ws.onmessage", "OpenAI", 6, 0]]);
    const listeners = ws
      .replace("ws.onmessage = async (event) =>", 'ws.addEventListener("message", async (event) =>')
      .replace("JSON.parse(event.data))));", "JSON.parse(event.data)))));")
      .replace("ws.onclose = async () =>", 'ws.addEventListener("close", async () =>')
      .replace('messages: [] });\n});', 'messages: [] }));\n});');
    assert.deepEqual(findingsIn("ws", { ws: "^8.18.0", openai: "^4.0.0" }, "listeners.js", listeners), [['ws.addEventListener("message")', "OpenAI", 6, 0]]);
    // Another object's onmessage in the callback is no listener of the connection's.
    assert.deepEqual(findingsIn("ws", { ws: "^8.18.0", openai: "^4.0.0" }, "other.js", ws.replace("ws.onmessage =", "worker.onmessage =")), []);
  });
});

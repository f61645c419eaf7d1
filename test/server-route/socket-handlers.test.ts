/**
 * WebSocket message handlers as routes: each client message runs one (Nitro's
 * defineWebSocketHandler, Bun.serve's websocket, Hono's upgradeWebSocket, Elysia's app.ws, socket.io and ws).
 * require-rate-limit reports those that call a provider with no limit, without a suggestion, and
 * stays quiet on lifecycle events, limited handlers and handlers that call no provider.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { mayHandleSockets } from "../../eslint-plugin/src/engine/server-route/rate-limit/socket-handlers";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-sockets-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text).map((f) => [f.handler, f.provider, f.line, f.fixes.length]);

describe("require-rate-limit: WebSocket message handlers", () => {
  it("Nitro's defineWebSocketHandler: the message hook, not open or close", () => {
    // KissCodersUG/ai-assistant's server/api/chat.ts, in short.
    const nitro = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: useRuntimeConfig().openaiApiKey });
export default defineWebSocketHandler({
  open(peer) {
    peer.send("hello");
  },
  async message(peer, message) {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: message.text() }] });
    peer.send(completion.choices[0].message.content);
  },
  close(peer) {},
});
`;
    assert.deepEqual(findings("server/routes/_ws.ts", nitro), [["defineWebSocketHandler message", "OpenAI", 7, 0]]);
  });

  it("Bun.serve's websocket.message beside its fetch, and Hono's upgradeWebSocket onMessage", () => {
    const bun = `import { GoogleGenerativeAI } from "@google/generative-ai";
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
Bun.serve({
  fetch(req, server) {
    return server.upgrade(req) ? undefined : new Response("ok");
  },
  websocket: {
    async message(ws, data) {
      ws.send((await genAI.getGenerativeModel({ model: "gemini-1.5-flash" }).generateContent(String(data))).response.text());
    },
  },
});
`;
    assert.deepEqual(findings("src/server.ts", bun), [["Bun.serve websocket.message", "Google AI (Gemini)", 8, 0]]);
    const hono = `import { Hono } from "hono";
import { upgradeWebSocket } from "hono/cloudflare-workers";
import OpenAI from "openai";
const app = new Hono();
app.get("/ws", upgradeWebSocket((c) => {
  const openai = new OpenAI({ apiKey: c.env.OPENAI_API_KEY });
  return {
    async onMessage(event, ws) {
      const r = await openai.responses.create({ model: "gpt-4o-mini", input: String(event.data) });
      ws.send(r.output_text);
    },
  };
}));
export default app;
`;
    assert.deepEqual(findings("src/index.ts", hono), [["upgradeWebSocket onMessage", "OpenAI", 8, 0]]);
  });

  it("Elysia's app.ws message hook, not open; not a `.ws()` of another module (giga-berkah-tech/gpt-server-elysia, batch 255)", () => {
    const elysia = (imported: string) => `${imported}
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = new Elysia();
app.ws("/ws", {
  open: (ws) => console.log("connected"),
  message: async (ws, message: any) => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: message.messages });
    ws.send(JSON.stringify(completion.choices[0].message));
  },
});
app.listen(3000);
`;
    assert.deepEqual(findings("src/index.ts", elysia(`import { Elysia } from "elysia";`)), [['ws("/ws") message', "OpenAI", 7, 0]]);
    assert.equal(mayHandleSockets(elysia(`import { Elysia } from "elysia";`)), true);
    assert.deepEqual(findings("src/other.ts", elysia(`import { Elysia } from "./my-elysia";`)), []);
  });

  it("socket.io and ws: each event a client sends, not the library's own events", () => {
    const io = `import { Server } from "socket.io";
import Groq from "groq-sdk";
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
const io = new Server(3001);
io.on("connection", (socket) => {
  socket.on("chat message", async (text) => {
    const reply = await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: [{ role: "user", content: text }] });
    socket.emit("reply", reply.choices[0].message.content);
  });
  socket.on("disconnect", async () => groq.chat.completions.create({ model: "x", messages: [] }));
});
`;
    assert.deepEqual(findings("server/index.js", io), [['socket.on("chat message")', "Groq", 6, 0]]);
    // gauravmjain/gs-chat-bot (batch 34): events written as templates without holes.
    const templates = io.replaceAll('"connection"', "`connection`").replace('"chat message"', "`chat message`");
    assert.deepEqual(findings("server/index.js", templates), [['socket.on("chat message")', "Groq", 6, 0]]);
    const ws = `const { WebSocketServer } = require("ws");
const OpenAI = require("openai");
const openai = new OpenAI();
const wss = new WebSocketServer({ port: 8080 });
wss.on("connection", function (client) {
  client.on("message", async (data) => client.send(JSON.stringify(await openai.chat.completions.create(JSON.parse(data)))));
});
`;
    assert.deepEqual(findings("server.js", ws), [['client.on("message")', "OpenAI", 6, 0]]);
  });

  it("a Next.js API route that sets a socket.io server up: its listener calls the model, the route does not (Cyurainya/cursor-chatbot, batch 235)", () => {
    const route = (extra: string) => `import { Server } from "socket.io";
import { chatWithKimi } from "@/lib/kimi";
import OpenAI from "openai";
const openai = new OpenAI();
const SocketHandler = async (req, res) => {
  if (!res.socket.server.io) {
    const io = new Server(res.socket.server);
    res.socket.server.io = io;
    io.on("connection", (socket) => {
      socket.on("message", async (message) => {
        const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: message.content }] });
        socket.emit("message", reply.choices[0].message.content);
      });
    });
  }${extra}
  res.end();
};
export default SocketHandler;
`;
    assert.deepEqual(findings("pages/api/socket.ts", route("")), [['socket.on("message")', "OpenAI", 10, 0]]);
    // The route's own call still counts.
    const both = findings("pages/api/socket.ts", route("\n  await openai.chat.completions.create({ model: \"gpt-4o-mini\", messages: [] });"));
    assert.deepEqual(both.map(([handler]) => handler).sort(), ["default", 'socket.on("message")']);
  });

  it("a method of the file's own class, on an instance kept in a map (group-project-ph2/group-project-phase-2)", () => {
    const game = `const { Server } = require("socket.io");
const { GoogleGenerativeAI } = require("@google/generative-ai");
const model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY).getGenerativeModel({ model: "gemini-2.0-flash" });
class GameRoom {
  constructor(id) { this.id = id; this.players = new Map(); }
  get(id) { return model.generateContent(id); }
  async getAIHint() {
    const result = await model.generateContent("Give a hint for room " + this.id);
    return result.response.text();
  }
}
const rooms = {};
const io = new Server(3001);
io.on("connection", (socket) => {
  socket.on("join", (id) => { rooms[id] = rooms[id] || new GameRoom(id); socket.roomId = id; });
  socket.on("requestHint", async () => {
    const room = rooms[socket.roomId];
    if (room) socket.emit("aiHint", await room.getAIHint());
  });
  socket.on("lookup", (id) => socket.emit("player", rooms[socket.roomId].players.get(id)));
});
`;
    assert.deepEqual(findings("index.js", game), [['socket.on("requestHint")', "Google AI (Gemini)", 16, 0]]);
    // No instance made in the file: a method of that name may be any other object's.
    assert.deepEqual(findings("index.js", game.replace("new GameRoom(id)", "{ id }")), []);
  });

  it("reads events a module const names: `io.on(EVENTS.CONNECTION, …)`, `socket.on(EVENTS.ASK, …)` (Mar-cere/Anto, batch 171)", () => {
    const events = `import { Server } from "socket.io";
import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const EVENTS = Object.freeze({ CONNECTION: "connection", ASK: "ask", DISCONNECT: "disconnect" });
const io = new Server(3000);
io.on(EVENTS.CONNECTION, (client) => {
  client.on(EVENTS.ASK, async (data) => {
    const r = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: data.text }] });
    client.emit("answer", r.choices[0].message.content);
  });
  client.on(EVENTS.DISCONNECT, async () => { await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] }); });
});
`;
    assert.ok(mayHandleSockets(events));
    assert.deepEqual(findings("server/socket.js", events).map(([handler, provider, line]) => [handler, provider, line]), [['client.on("ask")', "OpenAI", 7]]);
  });

  it("stays quiet on a limited handler and one that calls no provider", () => {
    const limited = `import { Server } from "socket.io";
import { RateLimiterMemory } from "rate-limiter-flexible";
import OpenAI from "openai";
const openai = new OpenAI();
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
const io = new Server(3001);
io.on("connection", (socket) => {
  socket.on("ask", async (q) => {
    await limiter.consume(socket.handshake.address);
    socket.emit("answer", await openai.responses.create({ model: "gpt-4o-mini", input: q }));
  });
  socket.on("ping-me", () => socket.emit("pong"));
});
`;
    assert.deepEqual(findings("server/index.ts", limited), []);
  });

  it("a setup function given the socket (typed Socket) registers handlers of its own; the event that calls it is not credited with them (LoveAtMakeUofT26/ShoulderCupid, batch 111)", () => {
    fs.mkdirSync(path.join(ROOT, "src/sockets"), { recursive: true });
    const setup = `import type { Server, Socket } from "socket.io";
import { GoogleGenerativeAI } from "@google/generative-ai";
const model = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!).getGenerativeModel({ model: "gemini-2.0-flash" });
export function setupClientHandler(socket: Socket, io: Server) {
  socket.on("join-session", (data: { sessionId: string }) => socket.join(data.sessionId));
  socket.on("transcript-input", async (data: { text: string }) => {
    const result = await model.generateContent(data.text);
    io.emit("advice", result.response.text());
  });
  socket.on("disconnect", () => {});
}
`;
    fs.writeFileSync(path.join(ROOT, "src/sockets/clientHandler.ts"), setup);
    assert.deepEqual(findings("src/sockets/clientHandler.ts", setup), [['socket.on("transcript-input")', "Google AI (Gemini)", 6, 0]]);
    const index = `import { Server } from "socket.io";
import { setupClientHandler } from "./clientHandler";
export function setupSocketHandlers(io: Server) {
  io.on("connection", (socket) => {
    socket.on("identify", () => setupClientHandler(socket, io));
  });
}
`;
    assert.deepEqual(findings("src/sockets/index.ts", index), []);
  });

  it("its word test passes no ordinary module and is linear on 1 MB", () => {
    assert.equal(mayHandleSockets(`const db = await connect(url); // the connection pool\nexport default db;\n`), false);
    assert.equal(mayHandleSockets(`import type { Socket } from "net";\nexport const log = (s: Socket) => s.remoteAddress;\n`), false);
    const started = performance.now();
    mayHandleSockets(`.on(  "${"connection".repeat(100_000)}`);
    mayHandleSockets(`WebSocket ${".on(".repeat(250_000)}`);
    mayHandleSockets(`socket.io ${"a :".repeat(350_000)} Socket`);
    assert.ok(performance.now() - started < 2000);
  });
});

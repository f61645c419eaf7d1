/**
 * lishaangral/MERN-AI-ChatBot (real-app batch 217): a service's own factory, `createGeminiChat(messages)`,
 * makes a chat from the server's client with the conversation's history. Its argument is no key: a route
 * that hands the service what the caller's own row holds still spends the server's quota. (The service's
 * `generateGeminiResponse` names its model `model` first, which made the factory's name a client's.)
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-factory-arguments-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, rel), text);
};
write("package.json", JSON.stringify({ name: "chat-server", dependencies: { express: "4", "@google/generative-ai": "0.24", mongoose: "8" } }));
write(
  "src/gemini.service.ts",
  `import { GoogleGenerativeAI } from "@google/generative-ai";
const genAI = new GoogleGenerativeAI(process.env.GEMINI_SECRET!);
export async function generateGeminiResponse(question: string) {
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  return (await model.generateContent(question)).response.text();
}
export function createGeminiChat(messages: { role: string; content: string }[]) {
  const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
  return model.startChat({ history: messages.map((m) => ({ role: m.role, parts: [{ text: m.content }] })) });
}
export async function streamGeminiResponse(messages: { role: string; content: string }[], question: string) {
  const chat = createGeminiChat(messages);
  return chat.sendMessageStream(question);
}
`,
);
write(
  "src/chat.controller.ts",
  `import type { Request, Response } from "express";
import { Chat } from "./chat.model";
import { streamGeminiResponse } from "./gemini.service";
export async function streamMessage(req: Request, res: Response) {
  const { chatId, message } = req.body;
  const chat = await Chat.findById(chatId);
  if (!chat) return res.status(404).json({ error: "Chat not found" });
  const previous = (chat.messages || []).slice(-14);
  const stream = await streamGeminiResponse(previous, message);
  for await (const chunk of stream.stream) res.write(chunk.text());
  res.end();
}
`,
);
const ROUTES = `import express from "express";
import { streamMessage } from "./chat.controller";
const router = express.Router();
router.post("/chat/stream", streamMessage);
export default router;
`;

describe("require-rate-limit: the arguments of a service's own client factory", () => {
  it("a factory's argument its client is not keyed with is no key, whoever sent it", () => {
    const found = routeFindings(ROOT, "src/chat.routes.ts", ROUTES).map((f) => `${f.handler} → ${f.provider}`);
    assert.deepEqual(found, ['router.post("/chat/stream") → Google AI (Gemini)']);
  });
});

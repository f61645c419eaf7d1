/**
 * A stand-in for an AI provider's HTTP API on 127.0.0.1: records what the generated route sends and
 * answers like OpenAI would (JSON, Server-Sent Events, or an error that echoes the key).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface StandIn {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Next answer: "json" (default), "sse", or an error status whose message repeats the key it got. */
  mode: "json" | "sse" | { errorStatus: number };
  /** For "sse": the stand-in sends the first event, then waits for this before the rest. */
  releaseStream: () => void;
  /** For "sse": resolves when the first event has been written. */
  firstEventSent: Promise<void>;
  close(): Promise<void>;
}

export async function startStandInProvider(): Promise<StandIn> {
  let release: () => void = () => undefined;
  let released = new Promise<void>((resolve) => (release = resolve));
  let markFirstSent: () => void = () => undefined;
  const standIn: StandIn = {
    baseUrl: "",
    received: [],
    mode: "json",
    releaseStream: () => release(),
    firstEventSent: new Promise<void>((resolve) => (markFirstSent = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { unparsable: text };
      }
      standIn.received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      void answer(req, res, body);
    });
  });

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, unknown>): Promise<void> {
    const mode = standIn.mode;
    if (typeof mode === "object") {
      const credential = String(req.headers.authorization ?? req.headers["x-api-key"] ?? "");
      res.writeHead(mode.errorStatus, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { message: `Request refused for credential ${credential}`, type: "invalid_request_error" } }));
      return;
    }
    if (mode === "sse") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      const event = (content: string) => `data: ${JSON.stringify({ object: "chat.completion.chunk", model: body.model, choices: [{ index: 0, delta: { content } }] })}\n\n`;
      res.write(event("Hel"));
      markFirstSent();
      // Bounded wait: the test releases the rest once it has seen the first event.
      await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      res.write(event("lo"));
      res.end("data: [DONE]\n\n");
      released = new Promise<void>((resolve) => (release = resolve));
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ id: "chatcmpl-stand-in", object: "chat.completion", model: body.model, choices: [{ index: 0, message: { role: "assistant", content: "Hello" } }] }));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  standIn.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return standIn;
}

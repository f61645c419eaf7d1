/**
 * Runs a generated route for real: esbuild compiles it, Node loads it, and a tiny node:http server
 * on 127.0.0.1 serves it (the web POST handler or the Pages Router req/res handler).
 */
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";

export interface RunningRoute {
  url: string;
  close(): Promise<void>;
}

/**
 * Compiles TypeScript/JavaScript module text to CommonJS and loads it as a fresh module.
 * `define`: esbuild substitutions, e.g. Astro's `import.meta.env` read as `process.env` (what
 * Astro's Node adapter does for server env vars).
 */
export async function loadModule(text: string, name: string, define?: Record<string, string>): Promise<Record<string, unknown>> {
  const { code } = await esbuild.transform(text, { loader: "ts", format: "cjs", target: "node20", define });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-route-build-"));
  const file = path.join(dir, `${name}.cjs`);
  try {
    fs.writeFileSync(file, code);
    return require(file) as Record<string, unknown>;
  } finally {
    // The module is loaded (and cached) by now: the file is no longer needed.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type WebHandler = (request: Request) => Promise<Response>;
type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * `platform: "vercel"` serves handlers the way Vercel does: x-vercel-forwarded-for and
 * x-real-ip are overwritten with the socket address, whatever the client sent.
 * `platform: "proxy"` is a proxy that appends the socket address to x-forwarded-for.
 */
export interface ServeOptions {
  platform?: "vercel" | "proxy";
}

export async function serveRoute(module: Record<string, unknown>, routePath: string, options: ServeOptions = {}): Promise<RunningRoute> {
  const web = module.POST as WebHandler | undefined;
  const node = module.default as NodeHandler | undefined;
  const server = http.createServer((req, res) => {
    if (req.url !== routePath) {
      res.writeHead(404).end();
      return;
    }
    if (node && !web) {
      const peer = req.socket.remoteAddress ?? "";
      if (options.platform === "vercel") Object.assign(req.headers, { "x-vercel-forwarded-for": peer, "x-real-ip": peer });
      if (options.platform === "proxy") req.headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], peer].filter(Boolean).join(", ");
      void node(req, res);
      return;
    }
    void serveWeb(web!, req, res, options);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${routePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves a framework's handler: `handle` gets the web Request and the socket address, and calls
 * the handler the way the framework would (SvelteKit's event, Astro's context, Remix's args).
 */
export async function serveFrameworkHandler(
  handle: (request: Request, socketAddress: string) => Promise<Response>,
  routePath: string,
  options: ServeOptions = {},
): Promise<RunningRoute> {
  const server = http.createServer((req, res) => {
    if (req.url !== routePath) {
      res.writeHead(404).end();
      return;
    }
    void serveWeb((request) => handle(request, req.socket.remoteAddress ?? ""), req, res, options);
  });
  return listen(server, routePath);
}

/** A node:http server (any framework's own listener) on 127.0.0.1. */
export async function listen(server: http.Server, routePath: string): Promise<RunningRoute> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${routePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveWeb(handler: WebHandler, req: http.IncomingMessage, res: http.ServerResponse, options: ServeOptions): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const peer = req.socket.remoteAddress ?? "";
  if (options.platform === "vercel") {
    headers.set("x-vercel-forwarded-for", peer);
    headers.set("x-real-ip", peer);
  }
  if (options.platform === "proxy") headers.set("x-forwarded-for", [headers.get("x-forwarded-for"), peer].filter(Boolean).join(", "));
  const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
  }
  res.end();
}

/**
 * POSTs from a given loopback address (127.0.0.0/8 is all loopback on Linux), so the route sees
 * distinct clients by their socket, as it would on the internet. The answer streams as it arrives.
 */
export function postFrom(localAddress: string, url: string, init: { headers?: Record<string, string>; body?: string }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: init.headers, localAddress }, (answer) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) if (typeof value === "string") headers.set(name, value);
      const body = answer.statusCode === 204 ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status: answer.statusCode, headers }));
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

/** Everything written to the console while `run` runs (the route's logs). */
export function captureConsole(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    };
  }
  return {
    lines,
    restore: () => methods.forEach((method, index) => (console[method] = originals[index])),
  };
}

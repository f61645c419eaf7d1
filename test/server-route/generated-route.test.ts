/**
 * The generated routes, run for real under Node against a stand-in provider on 127.0.0.1.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { applyPlan, copyFixture, type FixtureProject } from "./fixture-project";
import { createdFile, planAt } from "./plan-helpers";
import { captureConsole, loadModule, postFrom, type RunningRoute, serveRoute } from "./route-harness";
import { type StandIn, startStandInProvider } from "./stand-in-provider";

const CASES = [
  { name: "Next.js App Router", fixture: "next-app", file: "app/chat/page.tsx", needle: "new OpenAI", route: "app/api/ai/openai/route.ts" },
  { name: "Next.js Pages Router", fixture: "next-pages", file: "pages/index.tsx", needle: "fetch(", route: "pages/api/ai/openai.ts" },
  { name: "Vite (Vercel function)", fixture: "vite", file: "src/chat.ts", needle: "new OpenAI", route: "api/ai/openai.ts" },
  { name: "Next.js App Router, JavaScript project", fixture: "next-app-js", file: "app/chat/page.jsx", needle: "new OpenAI", route: "app/api/ai/openai/route.js" },
];

for (const testCase of CASES) {
  describe(`generated route, run for real: ${testCase.name}`, () => {
    let project: FixtureProject;
    let standIn: StandIn;
    let route: RunningRoute;
    let logs: ReturnType<typeof captureConsole>;
    const seen: string[] = [];
    const saved = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL, vercel: process.env.VERCEL };

    before(async () => {
      project = copyFixture(testCase.fixture);
      const plan = planAt(project, testCase.file, testCase.needle);
      assert.ok(plan);
      standIn = await startStandInProvider();
      process.env.OPENAI_API_KEY = project.keys.openai;
      process.env.OPENAI_BASE_URL = standIn.baseUrl;
      // Clients are told apart the way the host does: Vercel's own header for web routes, the socket
      // for the Pages Router (rate-limit-holds.test.ts covers the other ways).
      process.env.VERCEL = "1";
      route = await serveRoute(await loadModule(createdFile(plan, testCase.route), testCase.fixture), "/api/ai/openai", { platform: "vercel" });
      logs = captureConsole();
    });

    after(async () => {
      logs.restore();
      await route.close();
      await standIn.close();
      project.remove();
      restoreEnv("OPENAI_API_KEY", saved.key);
      restoreEnv("OPENAI_BASE_URL", saved.base);
      restoreEnv("VERCEL", saved.vercel);
    });

    /** From the loopback address `ip`: a client the route tells apart by what the host sets. */
    async function send(body: unknown, ip: string): Promise<Response> {
      const response = await postFrom(ip, route.url, {
        headers: { "Content-Type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      seen.push(JSON.stringify([...response.headers]));
      return response;
    }
    async function text(response: Response): Promise<string> {
      const body = await response.text();
      seen.push(body);
      return body;
    }

    it("forwards the browser's body with the server's key, and returns the provider's answer", async () => {
      standIn.mode = "json";
      const response = await send({ messages: [{ role: "user", content: "Hi" }], max_tokens: 100_000 }, "127.0.0.1");
      assert.equal(response.status, 200);
      const answer = JSON.parse(await text(response)) as { choices: { message: { content: string } }[]; model: string };
      assert.equal(answer.choices[0].message.content, "Hello");
      const received = standIn.received.at(-1)!;
      assert.equal(received.url, "/v1/chat/completions");
      assert.equal(received.headers.authorization, `Bearer ${project.keys.openai}`);
      assert.deepEqual(received.body.messages, [{ role: "user", content: "Hi" }]);
      assert.equal(received.body.model, "gpt-4o-mini", "the server picks the allowed model");
      assert.equal(received.body.max_tokens, 1024, "the output size is capped");
    });

    it("streams Server-Sent Events through as they arrive", async () => {
      standIn.mode = "sse";
      const response = await send({ model: "gpt-4o-mini", messages: [], stream: true }, "127.0.0.2");
      assert.equal(response.status, 200);
      assert.match(response.headers.get("content-type") ?? "", /text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      await standIn.firstEventSent;
      const first = await reader.read();
      // The stand-in holds the rest back until released: this chunk came through on its own.
      assert.match(first.value ?? "", /"content":"Hel"/);
      assert.doesNotMatch(first.value ?? "", /"content":"lo"/);
      standIn.releaseStream();
      let rest = "";
      for (let chunk = await reader.read(), n = 0; !chunk.done && n < 100; chunk = await reader.read(), n++) rest += chunk.value;
      assert.match(rest, /"content":"lo"/);
      assert.match(rest, /data: \[DONE\]/);
      seen.push(first.value ?? "", rest);
    });

    it("refuses models outside the allow-list without calling the provider", async () => {
      const before = standIn.received.length;
      const response = await send({ model: "gpt-4-32k", messages: [] }, "127.0.0.3");
      assert.equal(response.status, 400);
      assert.match(await text(response), /Model not allowed\. Use one of: gpt-4o-mini/);
      assert.equal(standIn.received.length, before);
    });

    it("accepts JSON only, so another site's page cannot post to it without a CORS preflight", async () => {
      const before = standIn.received.length;
      const response = await fetch(route.url, { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ messages: [] }) });
      assert.equal(response.status, 415);
      assert.match(await text(response), /Send JSON/);
      assert.equal(standIn.received.length, before);
    });

    it("refuses a body that is not JSON", async () => {
      const response = await send("not json", "127.0.0.3");
      assert.equal(response.status, 400);
      assert.match(await text(response), /Send a JSON body/);
    });

    it("passes provider errors on without the key", async () => {
      standIn.mode = { errorStatus: 401 };
      const refused = await send({ messages: [] }, "127.0.0.4");
      assert.equal(refused.status, 502);
      assert.match(await text(refused), /OpenAI refused the server's credentials\. Check OPENAI_API_KEY on the server\./);
      standIn.mode = { errorStatus: 400 };
      const invalid = await send({ messages: [] }, "127.0.0.4");
      assert.equal(invalid.status, 400);
      const body = await text(invalid);
      assert.match(body, /Request refused for credential Bearer \[redacted\]/);
      standIn.mode = "json";
    });

    it("answers 429 once one client passes the rate limit, other clients still get through", async () => {
      standIn.mode = "json";
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const response = await send({ messages: [] }, "127.0.9.9");
        statuses.push(response.status);
        await text(response);
      }
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
      assert.equal(statuses[20], 429);
      const other = await send({ messages: [] }, "127.0.9.10");
      assert.equal(other.status, 200);
      await text(other);
    });

    it("says which env var is missing, and nothing more", async () => {
      delete process.env.OPENAI_API_KEY;
      try {
        const response = await send({ messages: [] }, "127.0.0.5");
        assert.equal(response.status, 500);
        assert.match(await text(response), /The server has no OPENAI_API_KEY set\./);
      } finally {
        process.env.OPENAI_API_KEY = project.keys.openai;
      }
    });

    it("never shows the key in a response or a log line", () => {
      assert.ok(seen.length > 20);
      for (const output of [...seen, ...logs.lines]) assert.ok(!output.includes(project.keys.openai), output);
      assert.ok(logs.lines.some((line) => /OpenAI request failed with status 401/.test(line)), "errors are logged, by status");
    });
  });
}

describe("generated route, run for real: Anthropic (fetch with x-api-key)", () => {
  it("sends the key as x-api-key with the fixed anthropic-version, caps max_tokens, never leaks the key", async () => {
    const project = copyFixture("vite");
    const plan = planAt(project, "src/claude.ts", "fetch(");
    assert.ok(plan);
    const standIn = await startStandInProvider();
    const saved = { key: process.env.ANTHROPIC_API_KEY, base: process.env.ANTHROPIC_BASE_URL };
    process.env.ANTHROPIC_API_KEY = project.keys.anthropic;
    process.env.ANTHROPIC_BASE_URL = standIn.baseUrl;
    const route = await serveRoute(await loadModule(createdFile(plan, "api/ai/anthropic.ts"), "anthropic-route"), "/api/ai/anthropic");
    const logs = captureConsole();
    try {
      const ok = await fetch(route.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: "Hi" }], max_tokens: 9000 }) });
      assert.equal(ok.status, 200);
      await ok.text();
      const received = standIn.received[0];
      assert.equal(received.url, "/v1/messages");
      assert.equal(received.headers["x-api-key"], project.keys.anthropic);
      assert.equal(received.headers["anthropic-version"], "2023-06-01");
      assert.equal(received.headers.authorization, undefined);
      assert.equal(received.body.model, "claude-3-5-haiku-latest");
      assert.equal(received.body.max_tokens, 1024);
      standIn.mode = { errorStatus: 400 };
      const failed = await fetch(route.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [] }) });
      const text = await failed.text();
      assert.equal(failed.status, 400);
      assert.ok(!text.includes(project.keys.anthropic), text);
      assert.match(text, /\[redacted\]/);
      for (const line of logs.lines) assert.ok(!line.includes(project.keys.anthropic), line);
    } finally {
      logs.restore();
      await route.close();
      await standIn.close();
      project.remove();
      restoreEnv("ANTHROPIC_API_KEY", saved.key);
      restoreEnv("ANTHROPIC_BASE_URL", saved.base);
    }
  });
});

describe("the rewritten browser code, run against the generated route", () => {
  it("Vite: streamAnswer() still yields the streamed text, now through /api/ai/openai", async () => {
    const project = copyFixture("vite");
    const plan = planAt(project, "src/chat.ts", "new OpenAI");
    assert.ok(plan);
    const standIn = await startStandInProvider();
    const saved = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };
    process.env.OPENAI_API_KEY = project.keys.openai;
    process.env.OPENAI_BASE_URL = standIn.baseUrl;
    const route = await serveRoute(await loadModule(createdFile(plan, "api/ai/openai.ts"), "vite-browser-route"), "/api/ai/openai");
    try {
      applyPlan(plan);
      const browserText = fs.readFileSync(project.file("src/chat.ts"), "utf8").replace('"/api/ai/openai"', JSON.stringify(route.url));
      const browser = await loadModule(browserText, "vite-chat");
      standIn.mode = "sse";
      const texts: string[] = [];
      const done = (browser.streamAnswer as (q: string, onText: (t: string) => void) => Promise<void>)("Hi", (t) => texts.push(t));
      await standIn.firstEventSent;
      for (let i = 0; i < 100 && texts.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(texts, ["Hel"], "the first piece arrives before the stream ends");
      standIn.releaseStream();
      await done;
      assert.deepEqual(texts, ["Hel", "lo"]);
      assert.equal(standIn.received[0].body.stream, true);
    } finally {
      await route.close();
      await standIn.close();
      project.remove();
      restoreEnv("OPENAI_API_KEY", saved.key);
      restoreEnv("OPENAI_BASE_URL", saved.base);
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * The SvelteKit, Nuxt, Astro and Remix / React Router routes the fix generates, run for real under
 * Node against a stand-in provider on 127.0.0.1, streaming included.
 * - Nuxt: the route is served by h3 (the server library Nuxt runs routes on), with h3's own
 *   defineEventHandler, toWebRequest and getRequestIP; useRuntimeConfig is Nuxt's and is stood in
 *   by a function returning the NUXT_ env var Nuxt would fill it from.
 * - SvelteKit, Astro, Remix: their dev servers are not installed here (offline), so each handler is
 *   called the way the framework calls it: SvelteKit with `{ request, getClientAddress }` and
 *   `$env/dynamic/private` as process.env (what it is on Node), Astro with a context whose
 *   clientAddress is a getter and `import.meta.env` read as process.env, Remix with `{ request }`.
 *   Their generated files are type-checked in generated-code-checks.test.ts.
 */
import { strict as assert } from "node:assert";
import * as http from "node:http";
import { copyFixture, type FixtureProject } from "./fixture-project";
import { createdFile, planAt } from "./plan-helpers";
import { captureConsole, listen, loadModule, postFrom, type RunningRoute, serveFrameworkHandler } from "./route-harness";
import { type StandIn, startStandInProvider } from "./stand-in-provider";

type Handler = (arg: unknown) => Promise<Response>;
const URL_PATH = "/api/ai/openai";

interface Case {
  name: string;
  fixture: string;
  file: string;
  route: string;
  /** The env var the route reads the key from. */
  keyVar: string;
  serve(text: string): Promise<RunningRoute>;
  /** Clients told apart by Vercel's header (Remix requests carry no socket address). */
  vercel?: boolean;
}

const CASES: Case[] = [
  {
    name: "SvelteKit +server.ts",
    fixture: "sveltekit",
    file: "src/lib/chat.ts",
    route: "src/routes/api/ai/openai/+server.ts",
    keyVar: "OPENAI_API_KEY",
    async serve(text) {
      assert.match(text, /import \{ env \} from "\$env\/dynamic\/private";\n/);
      const module = await loadModule(text.replace('import { env } from "$env/dynamic/private";\n', "const env = process.env;\n"), "sveltekit-route");
      const POST = module.POST as Handler;
      return serveFrameworkHandler((request, address) => POST({ request, getClientAddress: () => address, url: new URL(request.url) }), URL_PATH);
    },
  },
  {
    name: "Nuxt server/api/*.post.ts on h3",
    fixture: "nuxt",
    file: "composables/useChat.ts",
    route: "server/api/ai/openai.post.ts",
    keyVar: "NUXT_OPENAI_API_KEY",
    async serve(text) {
      const autoImports = `import { defineEventHandler, toWebRequest, getRequestIP } from ${JSON.stringify(require.resolve("h3"))};
const useRuntimeConfig = (_event: unknown) => ({ openaiApiKey: process.env.NUXT_OPENAI_API_KEY });
`;
      const module = await loadModule(autoImports + text, "nuxt-route");
      const h3 = await import("h3");
      const app = h3.createApp();
      app.use(h3.createRouter().post(URL_PATH, module.default as import("h3").EventHandler));
      return listen(http.createServer(h3.toNodeListener(app)), URL_PATH);
    },
  },
  {
    name: "Astro endpoint",
    fixture: "astro",
    file: "src/components/Chat.tsx",
    route: "src/pages/api/ai/openai.ts",
    keyVar: "OPENAI_API_KEY",
    async serve(text) {
      assert.match(text, /export const prerender = false;/);
      const module = await loadModule(text, "astro-route", { "import.meta.env": "process.env" });
      const POST = module.POST as Handler;
      return serveFrameworkHandler((request, address) => {
        const context = { request, url: new URL(request.url), params: {} };
        Object.defineProperty(context, "clientAddress", { get: () => address });
        return POST(context);
      }, URL_PATH);
    },
  },
  {
    name: "React Router resource route",
    fixture: "react-router",
    file: "app/routes/chat.tsx",
    route: "app/routes/api.ai.openai.ts",
    keyVar: "OPENAI_API_KEY",
    vercel: true,
    async serve(text) {
      const module = await loadModule(text, "react-router-route");
      const action = module.action as Handler;
      return serveFrameworkHandler((request) => action({ request, params: {}, context: {} }), URL_PATH, { platform: "vercel" });
    },
  },
];

const ENV = ["OPENAI_API_KEY", "NUXT_OPENAI_API_KEY", "OPENAI_BASE_URL", "VERCEL", "KEYFENCE_TRUST_PROXY", "KEYFENCE_CLIENT_IP_HEADER"];

for (const testCase of CASES) {
  describe(`generated framework route, run for real: ${testCase.name}`, () => {
    let project: FixtureProject;
    let standIn: StandIn;
    let route: RunningRoute;
    let logs: ReturnType<typeof captureConsole>;
    const seen: string[] = [];
    const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

    before(async () => {
      project = copyFixture(testCase.fixture);
      const plan = planAt(project, testCase.file, "new OpenAI");
      assert.ok(plan, "the fix is offered");
      standIn = await startStandInProvider();
      for (const name of ENV) delete process.env[name];
      process.env[testCase.keyVar] = project.keys.openai;
      process.env.OPENAI_BASE_URL = standIn.baseUrl;
      if (testCase.vercel) process.env.VERCEL = "1";
      route = await testCase.serve(createdFile(plan, testCase.route));
      logs = captureConsole();
    });

    after(async () => {
      logs.restore();
      await route?.close();
      await standIn?.close();
      project?.remove();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    async function send(body: unknown, ip: string, headers: Record<string, string> = {}): Promise<Response> {
      const response = await postFrom(ip, route.url, { headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
      seen.push(JSON.stringify([...response.headers]));
      return response;
    }
    async function text(response: Response): Promise<string> {
      const body = await response.text();
      seen.push(body);
      return body;
    }

    it("forwards the browser's body with the server's key, capped and on the allowed model", async () => {
      standIn.mode = "json";
      const response = await send({ messages: [{ role: "user", content: "Hi" }], max_tokens: 100_000 }, "127.0.0.1");
      assert.equal(response.status, 200, await response.clone().text());
      const answer = JSON.parse(await text(response)) as { choices: { message: { content: string } }[] };
      assert.equal(answer.choices[0].message.content, "Hello");
      const received = standIn.received.at(-1)!;
      assert.equal(received.url, "/v1/chat/completions");
      assert.equal(received.headers.authorization, `Bearer ${project.keys.openai}`);
      assert.equal(received.body.model, "gpt-4o-mini");
      assert.equal(received.body.max_tokens, 1024);
    });

    it("streams Server-Sent Events through as they arrive", async () => {
      standIn.mode = "sse";
      const response = await send({ messages: [], stream: true }, "127.0.0.2");
      assert.equal(response.status, 200);
      assert.match(response.headers.get("content-type") ?? "", /text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      await standIn.firstEventSent;
      const first = await reader.read();
      assert.match(first.value ?? "", /"content":"Hel"/);
      assert.doesNotMatch(first.value ?? "", /"content":"lo"/, "the first event came through before the rest was sent");
      standIn.releaseStream();
      let rest = "";
      for (let chunk = await reader.read(), n = 0; !chunk.done && n < 100; chunk = await reader.read(), n++) rest += chunk.value;
      assert.match(rest, /"content":"lo"/);
      seen.push(first.value ?? "", rest);
    });

    it("refuses a model outside the allow-list and a body that is not JSON, without calling the provider", async () => {
      standIn.mode = "json";
      const before = standIn.received.length;
      const refused = await send({ model: "gpt-4-32k", messages: [] }, "127.0.0.3");
      assert.equal(refused.status, 400);
      assert.match(await text(refused), /Model not allowed/);
      const plain = await fetch(route.url, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" });
      assert.equal(plain.status, 415);
      await text(plain);
      assert.equal(standIn.received.length, before);
    });

    it("passes provider errors on without the key", async () => {
      standIn.mode = { errorStatus: 401 };
      const denied = await send({ messages: [] }, "127.0.0.4");
      assert.equal(denied.status, 502);
      assert.match(await text(denied), new RegExp(`Check ${testCase.keyVar} on the server`));
      standIn.mode = { errorStatus: 400 };
      const invalid = await send({ messages: [] }, "127.0.0.4");
      assert.equal(invalid.status, 400);
      assert.match(await text(invalid), /credential Bearer \[redacted\]/);
      standIn.mode = "json";
    });

    it("a client rotating X-Forwarded-For (and forging platform headers) gets no more than the limit", async () => {
      standIn.mode = "json";
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const forged = `198.51.100.${i}`;
        const response = await send({ messages: [] }, "127.0.9.9", { "X-Forwarded-For": forged, "X-Real-IP": forged, "X-Vercel-Forwarded-For": forged, "CF-Connecting-IP": forged });
        statuses.push(response.status);
        await text(response);
      }
      assert.deepEqual(statuses, [...Array(20).fill(200), ...Array(5).fill(429)]);
      const other = await send({ messages: [] }, "127.0.9.10");
      assert.equal(other.status, 200, "another client still gets through");
      await text(other);
    });

    it("never shows the key in a response or a log line", () => {
      assert.ok(seen.length > 30);
      for (const output of [...seen, ...logs.lines]) assert.ok(!output.includes(project.keys.openai), output);
      assert.ok(logs.lines.some((line) => /OpenAI request failed with status 401/.test(line)));
    });
  });
}

/**
 * The generated limiter holds: a client that rotates X-Forwarded-For (or forges the host's own
 * header) gets no more than the limit, unknown clients share one bigger budget instead of locking
 * each other out one by one, and memory stays bounded over 100,000 distinct clients. Run for real:
 * esbuild compiles the route, node:http serves it on 127.0.0.1 against a stand-in provider.
 */
import { strict as assert } from "node:assert";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import type { FixPlan } from "../../eslint-plugin/src/engine/finding";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { copyFixture, type FixtureProject } from "./fixture-project";
import { createdFile, planAt } from "./plan-helpers";
import { captureConsole, loadModule, postFrom, type RunningRoute, serveRoute, type ServeOptions } from "./route-harness";
import { type StandIn, startStandInProvider } from "./stand-in-provider";

const RATE_LIMIT = 20;
const UNKNOWN_CLIENTS_RATE_LIMIT = 200;
const ENV = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "VERCEL", "KEYFENCE_TRUST_PROXY", "KEYFENCE_CLIENT_IP_HEADER"];

describe("the generated rate limit holds", () => {
  let standIn: StandIn;
  let project: FixtureProject;
  let logs: ReturnType<typeof captureConsole>;
  const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  const routes: RunningRoute[] = [];
  let appRoute: string;
  let pagesRoute: string;
  let pagesProject: FixtureProject;

  before(async () => {
    standIn = await startStandInProvider();
    project = copyFixture("next-app");
    pagesProject = copyFixture("next-pages");
    appRoute = createdFile(planAt(project, "app/chat/page.tsx", "new OpenAI")!, "app/api/ai/openai/route.ts");
    pagesRoute = createdFile(planAt(pagesProject, "pages/index.tsx", "fetch(")!, "pages/api/ai/openai.ts");
    process.env.OPENAI_API_KEY = project.keys.openai;
    process.env.OPENAI_BASE_URL = standIn.baseUrl;
    logs = captureConsole();
  });
  beforeEach(() => ["VERCEL", "KEYFENCE_TRUST_PROXY", "KEYFENCE_CLIENT_IP_HEADER"].forEach((name) => delete process.env[name]));
  after(async () => {
    logs.restore();
    await Promise.all(routes.map((route) => route.close()));
    await standIn.close();
    project.remove();
    pagesProject.remove();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  let served = 0;
  async function serve(text: string, options: ServeOptions = {}): Promise<RunningRoute> {
    const route = await serveRoute(await loadModule(text, `limit-${served++}`), "/api/ai/openai", options);
    routes.push(route);
    return route;
  }

  /** `count` requests from one socket address, each with a new X-Forwarded-For (and forged host headers). */
  async function rotating(route: RunningRoute, from: string, count: number): Promise<number> {
    let accepted = 0;
    for (let i = 0; i < count; i++) {
      const forged = `203.0.${Math.floor(i / 250)}.${i % 250}`;
      const response = await postFrom(from, route.url, {
        headers: { "Content-Type": "application/json", "X-Forwarded-For": forged, "X-Vercel-Forwarded-For": forged, "X-Real-IP": forged, "CF-Connecting-IP": forged },
        body: JSON.stringify({ messages: [] }),
      });
      await response.text();
      if (response.status === 200) accepted++;
      else assert.equal(response.status, 429);
    }
    return accepted;
  }

  it("on Vercel: x-vercel-forwarded-for as Vercel sets it; forged headers change nothing", async () => {
    process.env.VERCEL = "1";
    const route = await serve(appRoute, { platform: "vercel" });
    assert.equal(await rotating(route, "127.0.1.1", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.1.2", 1), 1, "another client still gets through");
  });

  it("behind your own proxy (KEYFENCE_TRUST_PROXY=1): the entry the proxy appended", async () => {
    process.env.KEYFENCE_TRUST_PROXY = "1";
    const route = await serve(appRoute, { platform: "proxy" });
    assert.equal(await rotating(route, "127.0.2.1", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.2.2", 1), 1);
  });

  it("a header the host names (KEYFENCE_CLIENT_IP_HEADER) as the host sets it", async () => {
    process.env.KEYFENCE_CLIENT_IP_HEADER = "X-Real-IP";
    const route = await serve(appRoute, { platform: "vercel" }); // this stand-in host overwrites x-real-ip
    assert.equal(await rotating(route, "127.0.3.1", RATE_LIMIT + 5), RATE_LIMIT);
  });

  it("Pages Router with no host header: the socket address", async () => {
    const route = await serve(pagesRoute);
    assert.equal(await rotating(route, "127.0.4.1", RATE_LIMIT + 10), RATE_LIMIT);
    assert.equal(await rotating(route, "127.0.4.2", 1), 1);
  });

  it("no way to tell clients apart: x-forwarded-for is ignored, all share one budget of 10× the limit", async () => {
    const route = await serve(appRoute);
    const first = await rotating(route, "127.0.5.1", 100);
    assert.equal(first, 100, "one client alone does not lock the others out after RATE_LIMIT");
    assert.equal(first + (await rotating(route, "127.0.5.2", UNKNOWN_CLIENTS_RATE_LIMIT)), UNKNOWN_CLIENTS_RATE_LIMIT);
    assert.ok(logs.lines.some((line) => /cannot tell clients apart/.test(line)), "the route says why, once");
  });

  it("the require-rate-limit suggestion's limiter holds the same way", async () => {
    const handler = `export async function POST(request: Request) {
  const answer = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, "Content-Type": "application/json" },
    body: await request.text(),
  });
  return new Response(answer.body, { status: answer.status });
}
`;
    const file = project.file("app/api/chat/route.ts");
    const source = parseSource(file, handler)!;
    const suggestion = findUnlimitedAiRoutes(source)[0]?.fixes?.[0];
    assert.ok(suggestion, "require-rate-limit offers its suggestion");
    const limited = applyToText(handler, suggestion).replace("https://api.openai.com/v1", standIn.baseUrl);
    process.env.VERCEL = "1";
    const route = await serve(limited, { platform: "vercel" });
    assert.equal(await rotating(route, "127.0.6.1", RATE_LIMIT + 10), RATE_LIMIT);
    delete process.env.VERCEL;
    assert.equal(await rotating(route, "127.0.6.2", UNKNOWN_CLIENTS_RATE_LIMIT + 5), UNKNOWN_CLIENTS_RATE_LIMIT);
  });

  it("memory stays bounded over 100,000 distinct clients, and expired counts are swept", async () => {
    const limiter = (await loadModule(`${appRoute}\nexport { requestCounts, checkRateLimit, clientIp };\n`, "limit-memory")) as {
      requestCounts: Map<string, unknown>;
      checkRateLimit(id: string | undefined): Promise<{ ok: boolean }>;
      clientIp(request: Request): string | undefined;
    };
    // Forged x-forwarded-for values never reach the map…
    for (let i = 0; i < 100_000; i++) {
      const request = new Request("http://127.0.0.1/api/ai/openai", { method: "POST", headers: { "x-forwarded-for": `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}` } });
      await limiter.checkRateLimit(limiter.clientIp(request));
    }
    assert.equal(limiter.requestCounts.size, 1, "one shared unknown-clients count");
    // …and 100,000 real distinct clients (a botnet behind a host header) stop at the cap.
    let refusedNewcomers = 0;
    for (let i = 0; i < 100_000; i++) if (!(await limiter.checkRateLimit(`client-${i}`)).ok) refusedNewcomers++;
    assert.ok(limiter.requestCounts.size <= 10_001, `${limiter.requestCounts.size} entries`);
    assert.ok(refusedNewcomers > 0, "past the cap, newcomers share the unknown-clients budget");
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 61_000;
      assert.equal((await limiter.checkRateLimit("after-a-minute")).ok, true);
      assert.equal(limiter.requestCounts.size, 1, "every expired count swept");
    } finally {
      Date.now = realNow;
    }
  });
});

function applyToText(text: string, plan: FixPlan): string {
  const edits = plan.edits.flatMap((edit) => (edit.kind === "replace" ? [edit] : [])).sort((a, b) => b.range.start - a.range.start);
  for (const edit of edits) text = text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
  return text;
}

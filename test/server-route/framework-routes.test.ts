/**
 * require-rate-limit on the route conventions of SvelteKit (`+server.ts`), Astro endpoints and
 * Remix / React Router `action`/`loader`: their handlers are routes like Next's `route.ts`.
 */
import { strict as assert } from "node:assert";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import requireRateLimit from "../../eslint-plugin/src/rules/require-rate-limit";
import { rateLimiter, webClientIp } from "../../eslint-plugin/src/engine/server-route/templates/rate-limiter";
import type { RouteSpec } from "../../eslint-plugin/src/engine/server-route/templates/spec";
import { ruleTester } from "../support/rule-tester";
import { FIXTURES } from "./fixture-project";

const rule = requireRateLimit as unknown as RuleModule<"missingRateLimit" | "addInMemoryRateLimit", [{ limiterNames?: string[] }]>;

const root = path.join(FIXTURES, "framework-routes");
const SVELTE_ROUTE = path.join(root, "src", "routes", "api", "chat", "+server.ts");
const SVELTE_LIB = path.join(root, "src", "lib", "server", "chat.ts");
const ASTRO_ENDPOINT = path.join(root, "src", "pages", "chat.ts");
const REMIX_ROUTE = path.join(root, "app", "routes", "chat.tsx");

const OPENAI = `import OpenAI from "openai";
import { OPENAI_API_KEY } from "$env/static/private";
const openai = new OpenAI({ apiKey: OPENAI_API_KEY });
`;
const CALL = "await openai.chat.completions.create({ model: \"gpt-4o-mini\", messages: [] })";

/** What the suggestion adds: the check at the top of the handler, and the limiter once per file. */
const CHECK = (clientArgs: string) => `  const limit = await checkRateLimit(clientIp(${clientArgs}));
  if (!limit.ok) {
    return new Response("Too many requests. Try again later.", { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
`;
const LIMITER = (withAddress: boolean) =>
  [
    "// Added by KeyFence: each client (IP address, as the host reports it) may send RATE_LIMIT requests a minute.",
    "const RATE_LIMIT = 20;",
    rateLimiter({ rateLimiter: "memory", typescript: true, slug: "" } as RouteSpec),
    webClientIp(true, withAddress),
  ].join("\n");
const ADD_LIMIT = "addInMemoryRateLimit" as const;

ruleTester().run("require-rate-limit: SvelteKit, Astro and Remix routes", rule, {
  valid: [
    {
      name: "SvelteKit +server.ts with a rate limit",
      filename: SVELTE_ROUTE,
      code: `${OPENAI}import { rateLimit } from "$lib/server/limit";
export const POST = async ({ request }) => {
  if (!(await rateLimit(request))) return new Response("slow down", { status: 429 });
  return Response.json(${CALL});
};`,
    },
    {
      name: "a module of src/lib exporting POST is not a route",
      filename: SVELTE_LIB,
      code: `${OPENAI}export async function POST() {\n  return ${CALL};\n}`,
    },
    {
      name: "a Remix route's other exports are not handlers",
      filename: REMIX_ROUTE,
      code: `${OPENAI}export async function summarise() {\n  return ${CALL};\n}`,
    },
  ],
  invalid: [
    {
      name: "SvelteKit: export const POST: RequestHandler = …; the suggestion adds getClientAddress to the event",
      filename: SVELTE_ROUTE,
      code: `${OPENAI}import type { RequestHandler } from "./$types";
export const POST: RequestHandler = async ({ request }) => {
  return Response.json(${CALL});
};`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 5,
          data: { handler: "POST", provider: "OpenAI" },
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `${OPENAI}import type { RequestHandler } from "./$types";
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
${CHECK("request, getClientAddress")}  return Response.json(${CALL});
};

${LIMITER(true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "SvelteKit: export async function POST(event)",
      filename: SVELTE_ROUTE,
      code: `${OPENAI}export async function POST(event) {\n  return Response.json(${CALL});\n}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 4,
          data: { handler: "POST", provider: "OpenAI" },
          suggestions: [{ messageId: ADD_LIMIT, output: `${OPENAI}export async function POST(event) {\n${CHECK("event.request, () => event.getClientAddress()")}  return Response.json(${CALL});\n}\n\n${LIMITER(true)}` }],
        },
      ],
    },
    {
      name: "Astro endpoint with an expression body: no suggestion",
      filename: ASTRO_ENDPOINT,
      code: `${OPENAI}export const POST = async ({ request }) => Response.json(${CALL});`,
      errors: [{ messageId: "missingRateLimit", line: 4, data: { handler: "POST", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "Astro endpoint that reads clientAddress already",
      filename: ASTRO_ENDPOINT,
      code: `${OPENAI}export const POST = async ({ request, clientAddress }) => {\n  console.log(clientAddress);\n  return Response.json(${CALL});\n};`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 4,
          suggestions: [
            {
              messageId: ADD_LIMIT,
              output: `${OPENAI}export const POST = async ({ request, clientAddress }) => {\n${CHECK("request, () => clientAddress")}  console.log(clientAddress);\n  return Response.json(${CALL});\n};\n\n${LIMITER(true)}`,
            },
          ],
        },
      ],
    },
    {
      name: "Remix / React Router action: platform headers only (the request has no socket address)",
      filename: REMIX_ROUTE,
      code: `${OPENAI}export async function action({ request }) {\n  return ${CALL};\n}`,
      errors: [
        {
          messageId: "missingRateLimit",
          line: 4,
          data: { handler: "action", provider: "OpenAI" },
          suggestions: [{ messageId: ADD_LIMIT, output: `${OPENAI}export async function action({ request }) {\n${CHECK("request")}  return ${CALL};\n}\n\n${LIMITER(false)}` }],
        },
      ],
    },
    {
      name: "Remix on Cloudflare: a client keyed from context.env, handed to a helper of the file",
      filename: REMIX_ROUTE,
      code: `import OpenAI from "openai";
async function runConversation(openai: OpenAI) {
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
}
export async function action({ context }) {
  const openai = new OpenAI({ apiKey: context.env.OPENAI_API_KEY });
  return { conversation: await runConversation(openai) };
}`,
      errors: [{ messageId: "missingRateLimit", line: 5, data: { handler: "action", provider: "OpenAI" }, suggestions: [] }],
    },
  ],
});

ruleTester().run("require-rate-limit: a key from the platform's env binding is the server's", rule, {
  valid: [
    {
      name: "a key the signed-in user brought (context.user) spends the user's quota",
      filename: REMIX_ROUTE,
      code: `import OpenAI from "openai";
export async function action({ context }) {
  const openai = new OpenAI({ apiKey: context.user.openaiKey });
  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
}`,
    },
  ],
  invalid: [],
});

describe("require-rate-limit: Astro 2's lower-case endpoint handlers", () => {
  // Mahmoudgalalz/wheretogo (batch 57): `export const post: APIRoute = async ({ request }) => …`.
  it("post, get and del are routes; another export is not", () => {
    const source = parseSource(ASTRO_ENDPOINT, `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: import.meta.env.OPENAI_API_KEY });
export const post = async ({ request }) => new Response(JSON.stringify(await openai.chat.completions.create(await request.json())));
export async function del({ request }) { return new Response(JSON.stringify(await openai.embeddings.create({ model: "text-embedding-3-small", input: (await request.json()).text }))); }
export const helper = async (prompt) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });`);
    assert.ok(source, "parses");
    assert.deepEqual(findUnlimitedAiRoutes(source).map((finding) => finding.data.handler), ["post", "del"]);
  });

  // Mahmoudgalalz/wheretogo's src/pages/api/StreamAPI.ts: `src/pages/api/` is also Next.js's Pages Router folder.
  it("an Astro project's src/pages/api/ endpoint is Astro's, not a Next.js API route", () => {
    const file = path.join(__dirname, "..", "fixtures", "apps", "astro", "src", "pages", "api", "chat.ts");
    const source = parseSource(file, `export const post = async ({ request }) => {
  const r = await fetch("https://api.openai.com/v1/completions", { method: "POST", headers: { Authorization: \`Bearer \${import.meta.env.OPENAI_API_KEY}\` }, body: await request.text() });
  return new Response(r.body);
};
export default function notARoute() {
  return fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${import.meta.env.OPENAI_API_KEY}\` } });
}`);
    assert.ok(source, "parses");
    assert.deepEqual(findUnlimitedAiRoutes(source).map((finding) => finding.data.handler), ["post"]);
  });
});

describe("require-rate-limit: Remix v1 on Cloudflare Pages", () => {
  // ruisaraiva19/remix-gpt (batch 57): the adapter hands the loader its env bindings as `context`.
  it("a loader's context.OPENAI_API_KEY is the server's key; context.user's key is the user's", () => {
    const loader = (key: string) => {
      const source = parseSource(REMIX_ROUTE, `export const loader = async ({ request, context }) => {
  const prompt = new URL(request.url).searchParams.get("prompt");
  return fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${${key}}\` }, body: JSON.stringify({ prompt }) });
};`);
      assert.ok(source, "parses");
      return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
    };
    assert.deepEqual(loader("context.OPENAI_API_KEY"), ["loader → OpenAI"]);
    assert.deepEqual(loader("context.user.openaiKey"), []);
  });
});

const NEXT_ROUTE = path.join(root, "app", "api", "summary", "route.ts");
const LANGCHAIN = `import { ChatOpenAI } from "@langchain/openai";
import { ConversationChain } from "langchain/chains";
import { PromptTemplate } from "@langchain/core/prompts";
`;

ruleTester().run("require-rate-limit: LangChain chains built from a keyed chat model", rule, {
  valid: [
    {
      name: "a chain built from something that is not a chat model",
      filename: NEXT_ROUTE,
      code: `${LANGCHAIN}export async function GET() {
  const chain = new ConversationChain({ llm: makeFake() });
  return Response.json(await chain.call({ input: "hi" }));
}`,
    },
    {
      name: "a chain's other methods are not model calls",
      filename: NEXT_ROUTE,
      code: `${LANGCHAIN}const model = new ChatOpenAI({ openAIApiKey: process.env.OPENAI_API_KEY });
const chain = new ConversationChain({ llm: model });
export async function GET() {
  return Response.json({ name: chain.describe() });
}`,
    },
  ],
  invalid: [
    {
      name: "chain.call() on a ConversationChain built in the handler",
      filename: NEXT_ROUTE,
      // Not async: the add-a-limit suggestion (tested elsewhere) is not offered, so only the finding is pinned here.
      code: `${LANGCHAIN}export function GET(req: Request) {
  const model = new ChatOpenAI({ openAIApiKey: process.env.OPENAI_API_KEY });
  const chain = new ConversationChain({ llm: model });
  return chain.call({ input: "hi" }).then((out) => Response.json(out));
}`,
      errors: [{ messageId: "missingRateLimit", line: 4, data: { handler: "GET", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      // kongpf8848/langchain-nextjs (batch 176): a chain of chains over the keyed model.
      name: "chain.run() on a SimpleSequentialChain of LLMChains built from the keyed model",
      filename: NEXT_ROUTE,
      code: `${LANGCHAIN}import { LLMChain, SimpleSequentialChain } from "langchain/chains";
export function GET(req: Request) {
  const llm = new ChatOpenAI({ openAIApiKey: process.env.OPENAI_API_KEY });
  const facts = new LLMChain({ llm, prompt: PromptTemplate.fromTemplate("Facts: {text}") });
  const advice = new LLMChain({ llm, prompt: PromptTemplate.fromTemplate("Advice: {facts}") });
  const chain = new SimpleSequentialChain({ chains: [facts, advice] });
  return chain.run("hi").then((out) => Response.json(out));
}`,
      errors: [{ messageId: "missingRateLimit", line: 5, data: { handler: "GET", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "prompt.pipe(model), then .pipe(parser), then .stream()",
      filename: NEXT_ROUTE,
      code: `${LANGCHAIN}const model = new ChatOpenAI({ openAIApiKey: process.env.OPENAI_API_KEY });
const prompt = PromptTemplate.fromTemplate("{q}");
const chain = prompt.pipe(model);
const parsed = chain.pipe(parser);
export function POST(req: Request) {
  return parsed.stream({ q: "hi" }).then((stream) => new Response(stream));
}`,
      errors: [{ messageId: "missingRateLimit", line: 8, data: { handler: "POST", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      // neander-ai/Demo-Agent (batch 36): the model configured with .bind(), piped inside one expression.
      name: "prompt.pipe(model.bind(…)).pipe(parser) in one expression; model.withStructuredOutput(schema)",
      filename: NEXT_ROUTE,
      code: `${LANGCHAIN}const model = new ChatOpenAI({ openAIApiKey: process.env.OPENAI_API_KEY });
const prompt = PromptTemplate.fromTemplate("{q}");
const chain = prompt.pipe(model.bind({ functions: [] })).pipe(parser);
const structured = model.withStructuredOutput({ type: "object" });
export function POST(req: Request) {
  return chain.invoke({ q: "hi" }).then((out) => Response.json(out));
}
export function PUT(req: Request) {
  return structured.invoke("hi").then((out) => Response.json(out));
}`,
      errors: [
        { messageId: "missingRateLimit", line: 8, data: { handler: "POST", provider: "OpenAI" }, suggestions: [] },
        { messageId: "missingRateLimit", line: 11, data: { handler: "PUT", provider: "OpenAI" }, suggestions: [] },
      ],
    },
  ],
});

/**
 * require-rate-limit on TanStack AI: `chat({ adapter: openaiText("gpt-4o"), messages })` from
 * `@tanstack/ai` runs the model of the adapter it is given, whose package (`@tanstack/ai-openai`)
 * names the provider, as the AI SDK's `streamText({ model: openai("gpt-4o") })` does. The route
 * shapes are TanStack AI's own quick starts (a TanStack Start server route, a Web `Response` route).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { providerForSdk } from "../../eslint-plugin/src/engine/providers";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const START_ROUTE = (adapterImport: string, adapter: string) => `import { chat, toServerSentEventsResponse } from "@tanstack/ai";
${adapterImport}
import { createFileRoute } from "@tanstack/react-router";

export const Route = createFileRoute("/api/chat")({
  server: {
    handlers: {
      POST: async ({ request }) => {
        const { messages } = await request.json();
        const stream = chat({ adapter: ${adapter}, messages });
        return toServerSentEventsResponse(stream);
      },
    },
  },
});
`;

const NEXT_ROUTE = (body: string, imports = 'import { openaiImage } from "@tanstack/ai-openai";') => `import { generateImage } from "@tanstack/ai";
${imports}

export async function POST(request: Request) {
  const { prompt } = await request.json();
${body}
}
`;

describe("require-rate-limit: TanStack AI activities", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const run = (file: string, text: string, extra: Record<string, string> = {}) => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { "@tanstack/ai": "0.13", "@tanstack/react-start": "1" } }), ...extra });
    return findUnlimitedAiRoutes(parseSource(path.join(dir, file), text)!).map((f) => `${f.data.handler} → ${f.data.provider}`);
  };

  it("a TanStack Start route's chat() runs its adapter's provider", () => {
    assert.deepEqual(run("src/routes/api.chat.ts", START_ROUTE('import { openaiText } from "@tanstack/ai-openai";', 'openaiText("gpt-4o")')), ["POST → OpenAI"]);
    assert.deepEqual(run("src/routes/api.chat.ts", START_ROUTE('import { geminiText } from "@tanstack/ai-gemini";', 'geminiText("gemini-2.5-flash")')), ["POST → Google AI (Gemini)"]);
  });

  it("a model that runs on the developer's machine (the Ollama adapter) spends no provider's quota", () => {
    assert.deepEqual(run("src/routes/api.chat.ts", START_ROUTE('import { ollamaText } from "@tanstack/ai-ollama";', 'ollamaText("llama3.1")')), []);
  });

  it("the other activities count, with an adapter made elsewhere too", () => {
    assert.deepEqual(run("app/api/image/route.ts", NEXT_ROUTE('  return Response.json(await generateImage({ adapter: openaiImage("gpt-image-1"), prompt }));')), ["POST → OpenAI"]);
    const madeElsewhere = NEXT_ROUTE("  return Response.json(await generateImage({ adapter, prompt }));", 'import { adapter } from "@/lib/ai";');
    assert.deepEqual(run("app/api/image/route.ts", madeElsewhere), ["POST → an AI model"]);
  });

  it("a chat() of another package is not TanStack AI's", () => {
    const text = START_ROUTE('import { adapter } from "@/lib/ai";', "adapter");
    assert.deepEqual(run("src/routes/api.chat.ts", text), ["POST → an AI model"]);
    assert.deepEqual(run("src/routes/api.chat.ts", text.replace('from "@tanstack/ai";', 'from "@acme/chat-kit";')), []);
  });

  it("each adapter package names its provider, subpaths included", () => {
    const adapters: Record<string, string> = {
      "@tanstack/ai-openai": "openai",
      "@tanstack/ai-openai/compatible": "openai",
      "@tanstack/ai-anthropic": "anthropic",
      "@tanstack/ai-gemini": "google-ai",
      "@tanstack/ai-grok": "xai",
      "@tanstack/ai-groq": "groq",
      "@tanstack/ai-openrouter": "openrouter",
      "@tanstack/ai-mistral": "mistral",
      "@tanstack/ai-cohere": "cohere",
      "@tanstack/ai-perplexity": "perplexity",
      "@tanstack/ai-bedrock": "aws-bedrock",
      "@tanstack/ai-fal": "fal",
      "@tanstack/ai-elevenlabs": "elevenlabs",
      "@tanstack/ai-byteplus": "bytedance",
      "@tanstack/ai-vertex": "google-vertex",
      "@tanstack/ai-vercel-gateway": "vercel-ai-gateway",
    };
    for (const [pkg, id] of Object.entries(adapters)) assert.equal(providerForSdk(pkg)?.id, id, pkg);
    assert.equal(providerForSdk("@tanstack/ai"), undefined);
    assert.equal(providerForSdk("@tanstack/ai-react"), undefined);
  });
});

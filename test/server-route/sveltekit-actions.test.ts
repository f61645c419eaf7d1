/**
 * require-rate-limit on SvelteKit form actions: each function of a page's `export const actions`
 * answers a POST to the page from anyone, like an endpoint (a batch 22b labeller's note: a
 * SvelteKit app's form actions called Gemini, and the rule did not know them).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const PAGE_SERVER = `import { fail } from "@sveltejs/kit";
import { GoogleGenerativeAI } from "@google/generative-ai";
import { GEMINI_API_KEY } from "$env/static/private";
import type { Actions } from "./$types";
const genAI = new GoogleGenerativeAI(GEMINI_API_KEY);

export const load = async () => ({ items: [] });

export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
    return { answer: (await model.generateContent(String(data.get("q")))).response.text() };
  },
  limited: async ({ request, getClientAddress }) => {
    if (await overQuota(getClientAddress())) return fail(429, { message: "Too many requests" });
    const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
    return { answer: (await model.generateContent(await request.text())).response.text() };
  },
  rename: async ({ request }) => ({ name: String((await request.formData()).get("name")) }),
} satisfies Actions;
`;

describe("require-rate-limit: SvelteKit form actions", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const findings = (rel: string, text = PAGE_SERVER) => {
    const dir = makeRepo({ "package.json": JSON.stringify({ devDependencies: { "@sveltejs/kit": "2" }, dependencies: { "@google/generative-ai": "0.21" } }) });
    const source = parseSource(path.join(dir, rel), text);
    assert.ok(source);
    return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider} (${finding.fixes?.length ?? 0} fixes)`);
  };

  it("reports an action that calls a provider with no limit, not one that answers 429 nor one that calls none", () => {
    assert.deepEqual(findings("src/routes/ask/+page.server.ts"), ["actions.default → Google AI (Gemini) (0 fixes)"]);
  });

  it("also when the actions are declared first and exported in a list (cptcrunchy/mercado, batch 38)", () => {
    const listed = PAGE_SERVER.replace("export const load", "const load").replace("export const actions", "const actions") + "\nexport { actions, load };\n";
    assert.deepEqual(findings("src/routes/ask/+page.server.ts", listed), ["actions.default → Google AI (Gemini) (0 fixes)"]);
    // Another name exported as `actions` is the page's actions; `actions` exported as another name is not.
    assert.deepEqual(findings("src/routes/ask/+page.server.ts", listed.replace("const actions", "const pageActions").replace("export { actions,", "export { pageActions as actions,")), ["actions.default → Google AI (Gemini) (0 fixes)"]);
    assert.deepEqual(findings("src/routes/ask/+page.server.ts", listed.replace("export { actions,", "export { actions as formActions,")), []);
  });

  it("only in a page's server module under the routes folder", () => {
    assert.deepEqual(findings("src/lib/+page.server.ts"), []);
    assert.deepEqual(findings("src/routes/ask/+page.ts"), []);
  });
});

describe("require-rate-limit: a rate limit in SvelteKit's server hook", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const ENDPOINT = `import OpenAI from "openai";
import { OPENAI_API_KEY } from "$env/static/private";
const openai = new OpenAI({ apiKey: OPENAI_API_KEY });
export async function POST({ request }) {
  return new Response(JSON.stringify(await openai.chat.completions.create(await request.json())));
}
`;
  const findings = (hooks: Record<string, string>) => {
    const dir = makeRepo({ "package.json": JSON.stringify({ devDependencies: { "@sveltejs/kit": "2" }, dependencies: { openai: "4" } }), ...hooks });
    const rel = "src/routes/api/openai-proxy/+server.ts";
    const source = parseSource(path.join(dir, rel), ENDPOINT);
    assert.ok(source);
    return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
  };

  it("holds for every endpoint when src/hooks.server.ts limits requests (nihatavci/watsch)", () => {
    const limited = `const hits = new Map();
function checkRateLimit(ip, path) {
  const count = (hits.get(ip) ?? 0) + 1;
  hits.set(ip, count);
  return count <= 30;
}
export const handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith("/api/") && !checkRateLimit(event.getClientAddress(), event.url.pathname)) {
    return new Response("Too many requests", { status: 429 });
  }
  return resolve(event);
};
`;
    assert.deepEqual(findings({ "src/hooks.server.ts": limited }), []);
    // A hook that only logs is no limit; no hook at all neither.
    assert.deepEqual(findings({ "src/hooks.server.ts": `export const handle = async ({ event, resolve }) => resolve(event);\n` }), ["POST → OpenAI"]);
    assert.deepEqual(findings({}), ["POST → OpenAI"]);
  });
});

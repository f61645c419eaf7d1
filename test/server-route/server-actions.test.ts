/**
 * Next.js server actions (VriaA/pantry-scout, bench/real-apps: a "use client" form calling a
 * "use server" classifier that spends OpenAI quota). Browser code calls an action with a POST to
 * the page, like an API route, so require-rate-limit reports an unlimited one; only the actions
 * browser code imports count (Next.js gives no endpoint to one only server code calls).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { formatMessage } from "../../eslint-plugin/src/engine/finding";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route/rate-limit/find-unlimited-ai-routes";
import { REQUIRE_RATE_LIMIT_MESSAGES } from "../../eslint-plugin/src/engine/server-route/messages";
import { routeFindings } from "./route-findings";
import { invalidate } from "../../eslint-plugin/src/engine/client";

const ACTIONS = `"use server";
import OpenAI from "openai";
const openai = new OpenAI();

export async function classify(item: string) {
  const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: item }] });
  return reply.choices[0]?.message.content;
}

export async function summarise(text: string) {
  const reply = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
  return reply.choices[0]?.message.content;
}

export const limited = async (item: string) => {
  if (!(await ratelimit.limit("classify")).success) throw new Error("Too many requests");
  return classify(item);
};
`;

function app(form: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-actions-")));
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "actions-app", private: true, dependencies: { next: "15.0.0", openai: "4.0.0" } }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }),
    "app/page.tsx": `import Form from "./form";\nexport default function Page() { return <Form />; }\n`,
    "app/form.tsx": form,
    "app/actions.ts": ACTIONS,
    "app/api/title/route.ts": `import { summarise } from "../../actions";\nexport async function POST(req: Request) { return Response.json(await summarise(await req.text())); }\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

const reported = (root: string) => routeFindings(root, "app/actions.ts", ACTIONS).map((f) => [f.handler, f.provider, f.line]);

describe("require-rate-limit: Next.js server actions", () => {
  it("reports an action a client component imports, not one only a route handler calls, nor a limited one", () => {
    const root = app(`"use client";\nimport { classify, limited } from "./actions";\nexport default function Form() { return <button onClick={() => { classify("a"); limited("b"); }}>Go</button>; }\n`);
    assert.deepEqual(reported(root), [["classify", "OpenAI", 5]]);
    // Its own message: an action is no "handler" a user wrote as a route.
    const [finding] = findUnlimitedAiRoutes(parseSource(path.join(root, "app/actions.ts"), ACTIONS)!);
    assert.equal(finding.messageId, "missingRateLimitAction");
    assert.match(formatMessage(REQUIRE_RATE_LIMIT_MESSAGES[finding.messageId as keyof typeof REQUIRE_RATE_LIMIT_MESSAGES], finding.data), /^The server action classify calls OpenAI with no rate limit/);
  });

  it("a namespace import exposes every action", () => {
    const root = app(`"use client";\nimport * as actions from "./actions";\nexport default function Form() { return <button onClick={() => actions.classify("a")}>Go</button>; }\n`);
    assert.deepEqual(reported(root), [["classify", "OpenAI", 5], ["summarise", "OpenAI", 10]]);
  });

  it("an action a client component loads on demand: `const { summarise } = await import(…)` (Karl-Michaud/anthropic-hackathon, batch 74)", () => {
    const root = app(`"use client";\nimport { classify } from "./actions";\nexport default function Form() {\n  return <button onClick={async () => {\n    const { summarise } = await import("@/app/actions");\n    await Promise.all([classify("a"), summarise("b")]);\n  }}>Go</button>;\n}\n`);
    assert.deepEqual(reported(root), [["classify", "OpenAI", 5], ["summarise", "OpenAI", 10]]);
    // A module loaded whole, its names unread: nothing more is known to be called.
    const whole = app(`"use client";\nimport { classify } from "./actions";\nexport default function Form() {\n  return <button onClick={async () => { const actions = await import("./actions"); classify("a"); }}>Go</button>;\n}\n`);
    assert.deepEqual(reported(whole), [["classify", "OpenAI", 5]]);
  });

  it("a default-exported action, imported under any name", () => {
    const root = app(`"use client";\nimport classifyItem from "./classify";\nexport default function Form() { return <button onClick={() => classifyItem("a")}>Go</button>; }\n`);
    const text = `"use server";\nimport OpenAI from "openai";\nconst openai = new OpenAI();\nexport default async function classifier(item: string) {\n  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: item }] });\n}\n`;
    fs.writeFileSync(path.join(root, "app/classify.ts"), text);
    assert.deepEqual(routeFindings(root, "app/classify.ts", text).map((f) => [f.handler, f.provider, f.line]), [["classifier", "OpenAI", 4]]);
    // A const exported by name as the default (TECHNO-NB/Chat-With-Pdf-A.I.-Frontend, batch 68): reported on the function.
    const named = `"use server";\nimport OpenAI from "openai";\nconst openai = new OpenAI();\nconst classifier = async (item: string) => {\n  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: item }] });\n};\n\nexport default classifier;\n`;
    fs.writeFileSync(path.join(root, "app/classify.ts"), named);
    assert.deepEqual(routeFindings(root, "app/classify.ts", named).map((f) => [f.handler, f.provider, f.line]), [["classifier", "OpenAI", 4]]);
  });

  it("actions exported in a list (`export { generateImage }`), reported on the function (am1553/ai-image-generator, batch 43)", () => {
    const root = app(`"use client";\nimport { generateImage } from "./image";\nexport default function Form() { return <button onClick={() => generateImage("a")}>Go</button>; }\n`);
    const text = `"use server";\nimport OpenAI from "openai";\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nasync function generateImage(prompt: string) {\n  return (await openai.images.generate({ model: "dall-e-3", prompt })).data[0].url;\n}\nconst unused = async (prompt: string) => openai.images.generate({ model: "dall-e-3", prompt });\nexport { generateImage, unused };\n`;
    fs.writeFileSync(path.join(root, "app/image.ts"), text);
    assert.deepEqual(routeFindings(root, "app/image.ts", text).map((f) => [f.handler, f.provider, f.line]), [["generateImage", "OpenAI", 4]]);
  });

  it("inline actions: a function whose body starts with \"use server\" (a Server Component's form action, an AI SDK RSC action)", () => {
    // emanuelederossi/aiactcompass (batch 44): `submitUserMessage` runs streamUI and is handed to createAI({ actions }).
    const root = app(`export default function Form() { return <p>hi</p>; }\n`);
    const rsc = `import { streamUI } from "ai/rsc";\nimport { openai } from "@ai-sdk/openai";\nexport async function submitUserMessage(input: string) {\n  "use server";\n  const ui = await streamUI({ model: openai("gpt-4o"), prompt: input, text: ({ content }) => content });\n  return ui.value;\n}\nexport async function format(input: string) {\n  return input.trim();\n}\n`;
    fs.writeFileSync(path.join(root, "app/rsc.tsx"), rsc);
    assert.deepEqual(routeFindings(root, "app/rsc.tsx", rsc).map((f) => [f.handler, f.provider, f.line]), [["submitUserMessage", "OpenAI", 3]]);
    // streamUI is the AI SDK's call by itself, whatever model it is given.
    const registry = `import { streamUI } from "ai/rsc";\nimport { registry } from "./registry";\nexport async function answer(input: string) {\n  "use server";\n  return (await streamUI({ model: registry.languageModel("fast"), prompt: input })).value;\n}\n`;
    fs.writeFileSync(path.join(root, "app/registry-rsc.tsx"), registry);
    assert.deepEqual(routeFindings(root, "app/registry-rsc.tsx", registry).map((f) => [f.handler, f.line]), [["answer", 3]]);
    const page = `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport default function Page() {\n  const ask = async (form: FormData) => {\n    "use server";\n    await openai.responses.create({ model: "gpt-4o-mini", input: String(form.get("q")) });\n  };\n  const local = async () => openai.models.list();\n  return <form action={ask}><input name="q" /></form>;\n}\n`;
    fs.mkdirSync(path.join(root, "app/ask"), { recursive: true });
    fs.writeFileSync(path.join(root, "app/ask/page.tsx"), page);
    assert.deepEqual(routeFindings(root, "app/ask/page.tsx", page).map((f) => [f.handler, f.provider, f.line]), [["ask", "OpenAI", 4]]);
    // A .ts helper that server code calls, with a "use server" line (sime-time/white-paper-chat): no endpoint, not reported.
    const helper = `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function embed(text: string) {\n  "use server";\n  return openai.embeddings.create({ model: "text-embedding-3-small", input: text });\n}\n`;
    fs.writeFileSync(path.join(root, "app/embed.ts"), helper);
    assert.deepEqual(routeFindings(root, "app/embed.ts", helper), []);
  });

  it("a \"use server\" module's actions handed to createAI({ actions }) are the browser's, through useActions (chesquinio/chat-with-shops, batch 77)", () => {
    const root = app(`export default function Form() { return <p>hi</p>; }\n`);
    const actions = `"use server";\nimport { streamUI, createAI } from "ai/rsc";\nimport { openai } from "@ai-sdk/openai";\nexport async function sendMessage(message: string) {\n  const ui = await streamUI({ model: openai("gpt-4o-mini"), prompt: message, text: ({ content }) => content });\n  return ui.value;\n}\nexport async function other(message: string) {\n  return (await streamUI({ model: openai("gpt-4o-mini"), prompt: message })).value;\n}\nexport const AI = createAI({ actions: { sendMessage }, initialUIState: [], initialAIState: [] });\n`;
    fs.writeFileSync(path.join(root, "app/actions.tsx"), actions);
    assert.deepEqual(routeFindings(root, "app/actions.tsx", actions).map((f) => [f.handler, f.provider, f.line]), [["sendMessage", "OpenAI", 4]]);
  });

  it("an action another module writes, exported under the browser's name (`export const createVariant = createVariantImport`: panter/Magic-Moment, batch 176)", () => {
    const root = app(`"use client";\nimport { createVariant, format } from "./designs";\nexport default function Form() { return <button onClick={() => { createVariant("a"); format("b"); }}>Go</button>; }\n`);
    const variant = `"use server";\nimport OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function createVariant(prompt: string) {\n  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });\n}\nexport async function format(text: string) {\n  return text.trim();\n}\n`;
    fs.writeFileSync(path.join(root, "app/variant.ts"), variant);
    const designs = `"use server";\nimport { createVariant as createVariantImport, format as formatImport } from "./variant";\n\nexport const createVariant = createVariantImport;\nexport const format = formatImport;\n`;
    fs.writeFileSync(path.join(root, "app/designs.ts"), designs);
    const found = routeFindings(root, "app/designs.ts", designs);
    assert.deepEqual(found.map((f) => [f.handler, f.provider, f.line, f.messageId]), [["createVariant", "OpenAI", 4, "missingRateLimitAction"]]);
    const listed = `"use server";\nimport { createVariant as createVariantImport } from "./variant";\n\nexport { createVariantImport as createVariant };\n`;
    fs.writeFileSync(path.join(root, "app/designs.ts"), listed);
    assert.deepEqual(routeFindings(root, "app/designs.ts", listed).map((f) => [f.handler, f.line]), [["createVariant", 4]]);
    // Where it is written no browser code reaches it (the client graph stops at a "use server" module): reported once, here.
    assert.deepEqual(routeFindings(root, "app/variant.ts", variant), []);
  });

  it("actions another module imports and hands to createAI({ actions }) (mundume/quickchat-ai, batch 176)", () => {
    const root = app(`export default function Form() { return <p>hi</p>; }\n`);
    const actions = `"use server";\nimport { generateText } from "ai";\nimport { groq } from "@ai-sdk/groq";\nexport async function continueConversation(prompt: string) {\n  return (await generateText({ model: groq("llama-3.1-8b-instant"), prompt })).text;\n}\nexport async function unused(prompt: string) {\n  return (await generateText({ model: groq("llama-3.1-8b-instant"), prompt })).text;\n}\n`;
    fs.writeFileSync(path.join(root, "app/chat-actions.ts"), actions);
    const provider = (handed: string) => `import { createAI } from "ai/rsc";\nimport { continueConversation as converse } from "./chat-actions";\nexport const AI = createAI<AIState, UIState>({ initialAIState: [], initialUIState: [], actions: { ${handed} } });\n`;
    fs.writeFileSync(path.join(root, "app/ai.ts"), provider("continueConversation: converse"));
    invalidate(path.join(root, "app/ai.ts"));
    assert.deepEqual(routeFindings(root, "app/chat-actions.ts", actions).map((f) => [f.handler, f.provider, f.line]), [["continueConversation", "Groq", 4]]);
    // Handed nothing: no endpoint.
    fs.writeFileSync(path.join(root, "app/ai.ts"), provider(""));
    invalidate(path.join(root, "app/ai.ts"));
    assert.deepEqual(routeFindings(root, "app/chat-actions.ts", actions), []);
  });

  it("stays quiet when no browser code imports the module", () => {
    const root = app(`export default function Form() { return <p>server only</p>; }\n`);
    assert.deepEqual(reported(root), []);
  });
});

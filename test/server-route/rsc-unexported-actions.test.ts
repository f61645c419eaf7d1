/**
 * AI SDK RSC actions a "use server" module hands to `createAI({ actions })` without exporting them
 * (ai-graphic/Graphic-so's src/lib/actions.tsx, batch 140: `async function submitUserMessage` runs
 * streamText with the server's OpenAI key). createAI binds each action to a server action of its
 * own, which the browser calls through `useActions()`, so require-rate-limit reports it whether or
 * not the module exports it.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** A Next.js app whose page renders the AI provider; `rel` holds `text`. */
function app(rel: string, text: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-rsc-actions-")));
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "rsc-app", private: true, dependencies: { next: "14.2.0", ai: "3.4.0", "@ai-sdk/openai": "0.0.66" } }),
    "app/page.tsx": `import { AI } from "../lib/actions";\nexport default function Page() { return <AI><p>chat</p></AI>; }\n`,
    [rel]: text,
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  roots.push(root);
  return root;
}

const reported = (text: string) => routeFindings(app("lib/actions.tsx", text), "lib/actions.tsx", text).map((f) => [f.handler, f.provider, f.line]);

describe("require-rate-limit: unexported actions handed to createAI({ actions })", () => {
  it("reports an action a \"use server\" module does not export (Graphic-so's submitUserMessage)", () => {
    const text = `"use server";
import { createAI, getMutableAIState } from "ai/rsc";
import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";

async function submitUserMessage(content: string) {
  "use server";
  const aiState = getMutableAIState();
  const result = await streamText({ model: openai("gpt-4o-mini"), prompt: content });
  aiState.done({ messages: [content] });
  return result.textStream;
}

export type AIState = { messages: string[] };
export const AI = createAI<AIState, string[]>({ actions: { submitUserMessage }, initialUIState: [], initialAIState: { messages: [] } });
`;
    assert.deepEqual(reported(text), [["submitUserMessage", "OpenAI", 6]]);
  });

  it("reports one without its own \"use server\", handed over under another name, on its declaration", () => {
    const text = `"use server";
import { createAI } from "ai/rsc";
import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";

const submit = async (content: string) => {
  const result = await streamText({ model: openai("gpt-4o-mini"), prompt: content });
  return result.textStream;
};

export const AI = createAI({ actions: { submitUserMessage: submit }, initialUIState: [], initialAIState: [] });
`;
    assert.deepEqual(reported(text), [["submit", "OpenAI", 6]]);
  });

  it("reports an exported action once, and leaves out a function createAI is not handed", () => {
    const text = `"use server";
import { createAI } from "ai/rsc";
import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";

export async function sendMessage(content: string) {
  return (await streamText({ model: openai("gpt-4o-mini"), prompt: content })).textStream;
}

async function summarise(content: string) {
  return (await streamText({ model: openai("gpt-4o-mini"), prompt: content })).textStream;
}

export const AI = createAI({ actions: { sendMessage }, initialUIState: [], initialAIState: [] });
`;
    assert.deepEqual(reported(text), [["sendMessage", "OpenAI", 6]]);
  });

  it("reads the action createAI is handed where it is called: a parameter of that name is not the module's function", () => {
    const text = `"use server";
import { createAI } from "ai/rsc";
import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";

async function submitUserMessage(content: string) {
  return (await streamText({ model: openai("gpt-4o-mini"), prompt: content })).textStream;
}

export async function makeAI(submitUserMessage: (content: string) => Promise<unknown>) {
  return createAI({ actions: { submitUserMessage }, initialUIState: [], initialAIState: [] });
}
`;
    assert.deepEqual(reported(text), []);
  });
});

/**
 * require-rate-limit on a LangChain chain built and run in one expression: `prompt.pipe(model).invoke(…)`
 * runs the model as `const chain = prompt.pipe(model); chain.invoke(…)` does, in a route's handler or in
 * a LangGraph node the route's graph runs (naremloa/remix-ai-solution's product and chat actions).
 */
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import requireRateLimit from "../../eslint-plugin/src/rules/require-rate-limit";
import { ruleTester } from "../support/rule-tester";
import { FIXTURES } from "./fixture-project";

const rule = requireRateLimit as unknown as RuleModule<"missingRateLimit" | "addInMemoryRateLimit", [{ limiterNames?: string[] }]>;

const REMIX_ROUTE = path.join(FIXTURES, "chains-run-in-place", "app", "routes", "api.product.tsx");

const LANGCHAIN = `import { ChatOpenAI } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { RunnableSequence } from "@langchain/core/runnables";
import { StateGraph, MessagesAnnotation } from "@langchain/langgraph";
const model = new ChatOpenAI({ apiKey: process.env.OPENAI_API_KEY });
const prompt = ChatPromptTemplate.fromMessages([["user", "{q}"]]);
const parser = new StringOutputParser();
`;

// The handlers are not async: the add-a-limit suggestion (tested elsewhere) is not offered, so only the finding is pinned here.
ruleTester().run("require-rate-limit: a LangChain chain built and run in one expression", rule, {
  valid: [
    {
      name: "a prompt piped into a parser only runs no model",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  return request.text().then((q) => prompt.pipe(parser).invoke({ q })).then((text) => new Response(text));
}`,
    },
    {
      name: "building the chain in place without running it calls no model",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function loader() {
  return Response.json({ name: prompt.pipe(model).getName() });
}`,
    },
    {
      name: "the chain run in place after the handler's rate limit",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}import { rateLimit } from "~/.server/limit";
export function action({ request }: { request: Request }) {
  if (!rateLimit(request)) return new Response("slow down", { status: 429 });
  return prompt.pipe(model).invoke({ q: "hi" }).then((answer) => new Response(String(answer.content)));
}`,
    },
    {
      name: "a sequence whose model is made in its steps with the caller's key spends the caller's quota",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  return request.json().then((body) => {
    const chain = RunnableSequence.from([prompt, new ChatOpenAI({ apiKey: body.apiKey }), parser]);
    return chain.invoke({ q: body.q });
  }).then((text) => new Response(text));
}`,
    },
    {
      name: "a chain run in place on a model made with the caller's key spends the caller's quota",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  return request.json().then((body) => {
    const own = new ChatOpenAI({ apiKey: body.apiKey });
    return prompt.pipe(own).invoke({ q: body.q });
  }).then((answer) => new Response(String(answer.content)));
}`,
    },
  ],
  invalid: [
    {
      // SimonPrammer/svelte-chat-langchain (batch 197): the model made inside the sequence's list of steps.
      name: "a chain whose model is made in its list of steps, RunnableSequence.from([prompt, new ChatOpenAI(…), parser])",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  const chain = RunnableSequence.from([prompt, new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 }), parser]);
  return request.json().then(({ q }) => chain.stream({ q })).then((stream) => new Response(stream));
}`,
      errors: [{ messageId: "missingRateLimit", line: 9, data: { handler: "action", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "a model made in place as a pipe's step: prompt.pipe(new ChatOpenAI()).invoke(…)",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  return request.text().then((q) => prompt.pipe(new ChatOpenAI({ temperature: 0 })).invoke({ q })).then((answer) => new Response(String(answer.content)));
}`,
      errors: [{ messageId: "missingRateLimit", line: 9, data: { handler: "action", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "prompt.pipe(model).invoke(…) in a Remix action",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  return request.text().then((q) => prompt.pipe(model).invoke({ q })).then((answer) => new Response(String(answer.content)));
}`,
      errors: [{ messageId: "missingRateLimit", line: 9, data: { handler: "action", provider: "OpenAI" }, suggestions: [] }],
    },
    {
      name: "prompt.pipe(model).pipe(parser).stream(…) and RunnableSequence.from([prompt, model]).batch(…)",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}export function action({ request }: { request: Request }) {
  return prompt.pipe(model).pipe(parser).stream({ q: "hi" }).then((stream) => new Response(stream));
}
export function loader() {
  return RunnableSequence.from([prompt, model, parser]).batch([{ q: "a" }, { q: "b" }]).then((answers) => Response.json(answers));
}`,
      errors: [
        { messageId: "missingRateLimit", line: 9, data: { handler: "action", provider: "OpenAI" }, suggestions: [] },
        { messageId: "missingRateLimit", line: 12, data: { handler: "loader", provider: "OpenAI" }, suggestions: [] },
      ],
    },
    {
      name: "a LangGraph node that runs prompt.pipe(model).invoke(…), the compiled graph streamed by the action",
      filename: REMIX_ROUTE,
      code: `${LANGCHAIN}async function callModel(state: typeof MessagesAnnotation.State) {
  return { messages: [await prompt.pipe(model).invoke({ q: String(state.messages.at(-1)?.content) })] };
}
const graph = new StateGraph(MessagesAnnotation).addNode("agent", callModel).addEdge("__start__", "agent").compile();
export function action({ request }: { request: Request }) {
  return request.text().then((q) => graph.stream({ messages: [{ role: "user", content: q }] })).then((stream) => new Response(stream as unknown as ReadableStream));
}`,
      errors: [{ messageId: "missingRateLimit", line: 13, data: { handler: "action", provider: "OpenAI" }, suggestions: [] }],
    },
  ],
});

/**
 * Where require-rate-limit reports a handler the module exports by name: on the handler's own
 * declaration, where its author reads and edits it, not on the `export default handler` line at
 * the bottom of the file (irfan-za/caption-ai and 0xNeon-opensource/ts-langchain-exploration in
 * bench/real-apps: two labellers, blind, both put it there).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fixedByFirstFix, routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-report-lines-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const GROQ = `import Groq from "groq-sdk";
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
`;

describe("require-rate-limit: a handler exported by name is reported where it is written", () => {
  it("a Pages Router `export default handler` (line 3, not the export on line 7), and its fix still applies", () => {
    const text = `${GROQ}const handler = async (req, res) => {
  const completion = await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: req.body.messages });
  res.status(200).json(completion.choices[0].message);
};
export default handler;
`;
    const found = routeFindings(ROOT, "pages/api/groq.ts", text);
    assert.deepEqual(found.map(({ handler, line }) => ({ handler, line })), [{ handler: "default", line: 3 }]);
    const fixed = fixedByFirstFix(ROOT, "pages/api/groq.ts", text, found[0]);
    assert.deepEqual(routeFindings(ROOT, "pages/api/groq.ts", fixed), []);
  });

  it("esbuild's default export, `export { config, handler as default }`, in a committed function bundle (ayomidecole/AI-Hackathon-Guide, batch 125)", () => {
    const bundled = `${GROQ}async function handler(req, res) {
  res.json(await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: req.body.messages }));
}
var config = { maxDuration: 30 };
export { config, handler as default };
`;
    const found = routeFindings(ROOT, "api/chat.js", bundled);
    assert.deepEqual(found.map(({ handler, line }) => ({ handler, line })), [{ handler: "default", line: 3 }]);
    assert.deepEqual(routeFindings(ROOT, "api/chat.js", fixedByFirstFix(ROOT, "api/chat.js", bundled, found[0])), []);
  });

  it("a Vercel-style function's `module.exports = handler` and a Netlify `export { handler }`", () => {
    const vercel = `${GROQ}async function handler(req, res) {
  res.json(await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: req.body.messages }));
}
module.exports = handler;
`;
    assert.deepEqual(routeFindings(ROOT, "api/chat.js", vercel).map(({ line }) => line), [3]);
    const netlify = `${GROQ}const handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify(await groq.chat.completions.create({ model: "llama-3.1-8b-instant", messages: JSON.parse(event.body).messages })),
});
export { handler };
`;
    assert.deepEqual(routeFindings(ROOT, "netlify/functions/chat.ts", netlify).map(({ line }) => line), [3]);
  });

  it("Nuxt's defineLazyEventHandler: on the defineEventHandler its factory returns (alexander-gekov/vuejs-summit-demo, batch 59)", () => {
    const text = `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
export default defineLazyEventHandler(async () => {
  const apiKey = useRuntimeConfig().openaiApiKey;
  if (!apiKey) throw new Error("Missing OpenAI API key");
  return defineEventHandler(async (event) => {
    const { messages } = await readBody(event);
    return streamText({ model: openai("gpt-4o"), messages }).toDataStreamResponse();
  });
});
`;
    const found = routeFindings(ROOT, "server/api/chat.ts", text);
    assert.deepEqual(found.map(({ handler, line }) => ({ handler, line })), [{ handler: "default", line: 6 }]);
    // The limit goes in the handler that runs per request, not in the factory that runs once.
    const fixed = fixedByFirstFix(ROOT, "server/api/chat.ts", text, found[0]);
    assert.deepEqual(routeFindings(ROOT, "server/api/chat.ts", fixed), []);
    assert.ok(fixed.indexOf("checkRateLimit") > fixed.indexOf("defineEventHandler(async (event)"), fixed);
  });
});

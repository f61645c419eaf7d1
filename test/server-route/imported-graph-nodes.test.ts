/**
 * require-rate-limit on a LangGraph graph whose nodes other modules export (noothiakshith/interviewer-deep,
 * batch 235): `agent/graph.ts` builds `new StateGraph(State).addNode("resume", resumenode)…` of node
 * functions imported one per file and exports `app = workflow.compile()`; an Express route runs `app.invoke()`.
 * The graph runs its nodes, so it spends the quota of the provider a node calls.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as fs from "node:fs";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const ROUTE = `import express from "express";
import { app } from "../../agent/graph";
const router = express.Router();
router.post("/resume-parse", async (req, res) => {
  res.json(await app.invoke({ input_url: req.body.url }));
});
export default router;
`;

const graph = (nodes: string) => `import { END, START, StateGraph } from "@langchain/langgraph";
import { GraphState } from "./state";
${nodes}
const workflow = new StateGraph(GraphState)
  .addNode("resumenode", resumenode)
  .addNode("formatnode", formatnode)
  .addEdge(START, "resumenode")
  .addEdge("resumenode", "formatnode")
  .addEdge("formatnode", END);
export const app = workflow.compile();
`;

const RESUME_NODE = `import { ChatMistralAI } from "@langchain/mistralai";
export const resumenode = async (state: { input_url: string }) => {
  const llm = new ChatMistralAI({ model: "mistral-large-latest", temperature: 0 });
  const response = await llm.invoke(state.input_url);
  return { resume: response.content };
};
`;

const FORMAT_NODE = `export const formatnode = async (state: { resume: string }) => ({ resume: state.resume.trim() });
`;

function findings(nodes: string, files: Record<string, string>): string[] {
  const dir = makeRepo({
    "package.json": JSON.stringify({ dependencies: { express: "5", "@langchain/langgraph": "1", "@langchain/mistralai": "1" } }),
    "agent/state.ts": "export const GraphState = {};\n",
    "agent/graph.ts": graph(nodes),
    "src/routes/resume.ts": ROUTE,
    ...files,
  });
  const file = path.join(dir, "src/routes/resume.ts");
  const source = parseSource(file, fs.readFileSync(file, "utf8"));
  assert.ok(source);
  return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`);
}

describe("require-rate-limit: a graph of node functions other modules export", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  it("runs the provider an imported node calls", () => {
    const nodes = `import { resumenode } from "./resume";\nimport { formatnode } from "./format";`;
    assert.deepEqual(findings(nodes, { "agent/resume.ts": RESUME_NODE, "agent/format.ts": FORMAT_NODE }), ['router.post("/resume-parse") → Mistral AI']);
  });

  it("calls no provider when no node does", () => {
    const nodes = `import { formatnode } from "./format";\nconst resumenode = async (state: { input_url: string }) => ({ resume: state.input_url });`;
    assert.deepEqual(findings(nodes, { "agent/format.ts": FORMAT_NODE }), []);
  });
});

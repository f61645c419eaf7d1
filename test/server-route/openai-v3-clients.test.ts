/**
 * The openai v3 SDK keeps the key in a `Configuration` (`new OpenAIApi(new Configuration({ apiKey
 * }))`, or the configuration held in a const first): a caller's key there is theirs to spend, as
 * it is in v4's `new OpenAI({ apiKey })` (lesiyu129/myGpt, batch 41).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

const route = (key: string) => `const { Configuration, OpenAIApi } = require("openai");
export default async function handler(req, res) {
  const apiKey = ${key};
  const configuration = new Configuration({ apiKey: apiKey });
  const openai = new OpenAIApi(configuration);
  const response = await openai.createChatCompletion({ model: "gpt-3.5-turbo", messages: req.body.messages });
  res.json(response.data);
}
`;

describe("require-rate-limit: openai v3 clients built from a Configuration", () => {
  let dir: string;
  before(() => (dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { next: "13", openai: "3" } }) })));
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const reported = (key: string) => findUnlimitedAiRoutes(parseSource(path.join(dir, "pages/api/chat.js"), route(key))!).length > 0;

  it("the caller's key (from the request body) spends the caller's quota", () => {
    assert.equal(reported("req.body.apiKey"), false);
  });

  it("the server's key (from env) is still the server's", () => {
    assert.equal(reported("process.env.OPENAI_API_KEY"), true);
  });

  it("Remix's ENV global (set from process.env in entry.server) is the server's key; a local named ENV holding the request is not", () => {
    assert.equal(reported("ENV.OPENAI_API_KEY"), true);
    assert.equal(reported("(() => { const ENV = req.body; return ENV.apiKey; })()"), false);
  });
  it("a caller-keyed client stays the caller's where another function builds a server-keyed client under the same name", () => {
    const code = `import OpenAI from "openai";
function serverSummary(text) {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  return openai.responses.create({ model: "gpt-4o-mini", input: text });
}
export default async function handler(req, res) {
  const apiKey = req.body.apiKey;
  const openai = new OpenAI({ apiKey });
  res.json(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
}
`;
    assert.equal(findUnlimitedAiRoutes(parseSource(path.join(dir, "pages/api/byok.js"), code)!).length, 0);
    // The same handler calling the server-keyed function is reported.
    const spends = code.replace("res.json(await openai.chat", "await serverSummary(req.body.text);\n  res.json(await openai.chat");
    assert.equal(findUnlimitedAiRoutes(parseSource(path.join(dir, "pages/api/byok2.js"), spends)!).length, 1);
  });
  it("the Configuration and key a client is built from are the ones its own function declares", () => {
    const code = `const { Configuration, OpenAIApi } = require("openai");
async function summarize(text) {
  const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY || "none" });
  const openai = new OpenAIApi(configuration);
  return openai.createCompletion({ model: "text-davinci-003", prompt: text });
}
export default async function handler(req, res) {
  const apiKey = req.body.apiKey;
  const configuration = new Configuration({ apiKey: apiKey });
  const openai = new OpenAIApi(configuration);
  res.json((await openai.createChatCompletion({ model: "gpt-3.5-turbo", messages: req.body.messages })).data);
}
`;
    assert.equal(findUnlimitedAiRoutes(parseSource(path.join(dir, "pages/api/two.js"), code)!).length, 0);
  });
});

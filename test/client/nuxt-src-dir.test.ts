/**
 * A Nuxt 3 app whose nuxt.config sets `srcDir: "./src"` and writes its runtime config as a module
 * const (kendrickkilat/jira-ai, batch 76): `src/composables/` is browser code as `composables/` is,
 * the const's `public` keys are written into every page, and Nuxt's `useFetch(url, { headers })`
 * sends its headers from the browser as `fetch` does.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { browserChain, findClientAiCalls, findPublicSecrets } from "../../eslint-plugin/src/engine/client";
import { makeRepo, removeRepos } from "../env/support";

describe("Nuxt with srcDir src and a runtime config const (kendrickkilat/jira-ai, batch 76)", () => {
  let dir: string;
  const config = `const runtimeConfig = {
  public: {
    OPENAI_API_KEY: process.env.OPENAI_API_KEY,
    appUrl: process.env.APP_URL,
  },
};
export default defineNuxtConfig({ runtimeConfig, srcDir: "./src" });
`;
  const composable = `export function useOpenAI() {
  return (message: string) =>
    useFetch("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      headers: { Authorization: \`Bearer \${useRuntimeConfig().public.OPENAI_API_KEY}\` },
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: message }] },
    });
}
`;
  before(() => {
    dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { nuxt: "3.12.0" } }),
      "nuxt.config.ts": config,
      "src/app.vue": "<template><NuxtPage /></template>\n",
      "src/composables/useOpenAI.ts": composable,
      "src/server/api/chat.post.ts": `export default defineEventHandler(async () => ({ ok: true }));\n`,
    });

  });
  after(() => removeRepos());

  it("reports the const's public secret, not its URL", () => {
    const file = path.join(dir, "nuxt.config.ts");
    assert.deepEqual(findPublicSecrets(parseSource(file, config)!).map((f) => [f.messageId, f.data.name]), [["configRuntimePublicSecret", "OPENAI_API_KEY"]]);
  });

  it("src/composables is browser code, src/server is not, and useFetch sends its key from the browser", () => {
    const file = path.join(dir, "src/composables/useOpenAI.ts");
    assert.deepEqual(browserChain(file), [file]);
    assert.equal(browserChain(path.join(dir, "src/server/api/chat.post.ts")), undefined);
    assert.deepEqual(findClientAiCalls(parseSource(file, composable)!).map((f) => f.messageId), ["directProviderCall"]);
  });
});

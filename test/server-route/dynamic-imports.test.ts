/**
 * require-rate-limit follows a helper a route loads on first call with ESM's `await import()`, as it
 * follows one required inside the handler (codebygourav/Shopify-AI-Product-Image-Generator's
 * storefront actions, batch 160).
 */
import assert from "node:assert/strict";
import { routeFindings } from "./route-findings";
import { inTempTree } from "../support/temp-tree";

const HELPER = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function gen(prompt) {
  return openai.images.generate({ prompt });
}
`;

describe("require-rate-limit: helpers loaded with await import()", () => {
  it("reports an action whose helper, loaded with await import() and destructured or whole, calls a provider", () => {
    inTempTree("keyfence-dynamic-import-", (root, write) => {
      write("package.json", JSON.stringify({ dependencies: { "@remix-run/node": "2", openai: "4" } }));
      write("app/services/ai.server.js", HELPER);
      const destructured = `export async function action({ request }) {
  const { gen } = await import("../services/ai.server");
  return Response.json(await gen((await request.json()).prompt));
}
`;
      const found = (rel: string, text: string) => {
        write(rel, text);
        return routeFindings(root, rel, text).map((finding) => [finding.handler, finding.provider]);
      };
      assert.deepEqual(found("app/routes/api.generate.jsx", destructured), [["action", "OpenAI"]]);
      const whole = destructured.replace("const { gen } = await import", "const images = await import").replace("await gen(", "await images.gen(");
      assert.deepEqual(found("app/routes/api.whole.jsx", whole), [["action", "OpenAI"]]);
      // A helper that calls no provider is loaded the same way and owes no limit.
      write("app/services/plain.server.js", "export async function gen(prompt) {\n  return { prompt };\n}\n");
      assert.deepEqual(found("app/routes/api.plain.jsx", destructured.replace("ai.server", "plain.server")), []);
    });
  });
});

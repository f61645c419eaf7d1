/**
 * Image APIs apps call over REST with no SDK: Leonardo AI (Alexisxde/galer-ia's Astro endpoint,
 * batch 146), whose URL may come from env while its key's name says whose it is; Black Forest
 * Labs, whose key header (`x-key`) says whose the key is when neither the URL nor its name does
 * (sunxuedong/frontend-dev-large-model-era's `generateImage`, batch 155).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-image-apis-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const providers = (rel: string, text: string) => routeFindings(ROOT, rel, text).map((f) => [f.handler, f.provider]);

describe("require-rate-limit: image APIs called over REST", () => {
  it("reports a route calling Leonardo AI by its host, or at a URL from env with a Leonardo key in the auth header", () => {
    const byHost = `export default async function handler(req, res) {
  const r = await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify(req.body) });
  res.json(await r.json());
}
`;
    assert.deepEqual(providers("api/generate.js", byHost), [["default", "Leonardo AI"]]);
    const byKeyName = byHost.replace('"https://cloud.leonardo.ai/api/rest/v1/generations"', "process.env.API_URL").replace("LEONARDO_API_KEY", "API_KEY_LEONARDO_AI");
    assert.deepEqual(providers("api/generate-env.js", byKeyName), [["default", "Leonardo AI"]]);
  });

  it("stays quiet on the same request to a host of the app's own with a key no provider's name says", () => {
    const own = `export default async function handler(req, res) {
  const r = await fetch(process.env.API_URL, { method: "POST", headers: { Authorization: \`Bearer \${process.env.IMAGES_API_KEY}\` }, body: JSON.stringify(req.body) });
  res.json(await r.json());
}
`;
    assert.deepEqual(providers("api/own.js", own), []);
  });

  it("reports a route sending a secret env key in a provider's own key header to a URL from env (Black Forest Labs' x-key)", () => {
    const flux = `export default async function handler(req, res) {
  const r = await fetch(\`\${process.env.FLUX_END_POINT}/flux-pro-1.1\`, { method: "POST", headers: { "x-key": process.env.FLUX_API_KEY }, body: JSON.stringify(req.body) });
  res.json(await r.json());
}
`;
    assert.deepEqual(providers("api/flux.js", flux), [["default", "Black Forest Labs (FLUX)"]]);
    // Through a const holding the headers, as the app wrote it.
    const held = flux.replace('const r = await fetch(', 'const headers = { "x-key": process.env.FLUX_API_KEY };\n  const r = await fetch(').replace('headers: { "x-key": process.env.FLUX_API_KEY }', "headers");
    assert.deepEqual(providers("api/flux-held.js", held), [["default", "Black Forest Labs (FLUX)"]]);
    // The caller's own key, or a value no secret's name says, spends nothing of the server's.
    assert.deepEqual(providers("api/flux-own.js", flux.replace("process.env.FLUX_API_KEY", 'req.headers["x-user-key"]')), []);
    assert.deepEqual(providers("api/flux-id.js", flux.replace("process.env.FLUX_API_KEY", "process.env.FLUX_MODEL")), []);
  });
});

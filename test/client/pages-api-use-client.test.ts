/**
 * A Pages Router API route that says "use client" (AmritpalChera/mindplug_api, batch 187: a stray
 * directive on `pages/api/stripe/checkoutSession/index.tsx`): Next.js never bundles `pages/api/**` for the
 * browser, so neither the route nor the modules only it imports are browser code. A page's imports still are.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientSecrets } from "../../eslint-plugin/src/engine/client";
import { makeRepo, removeRepos } from "../env/support";

describe("no-client-secrets: a pages/api route with a stray \"use client\" (AmritpalChera/mindplug_api, batch 187)", () => {
  after(() => removeRepos());

  it("is no browser entry: the module it imports stays server code; a page's import does not", () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "13.4.0", stripe: "12" } }),
      "src/pages/api/stripe/checkout/index.tsx": `"use client";\nimport stripe from "@/utils/stripe";\nexport default async function handler(req, res) {\n  res.json(await stripe.customers.list());\n}\n`,
      "src/utils/stripe.ts": `import Stripe from "stripe";\nconst stripe = new Stripe(process.env.STRIPE_KEY!, { apiVersion: "2022-11-15" });\nexport default stripe;\n`,
      "src/pages/index.tsx": `import { ask } from "@/utils/ask";\nexport default function Home() {\n  return <button onClick={() => ask()}>Ask</button>;\n}\n`,
      "src/utils/ask.ts": `export const ask = () => fetch("/api/chat", { headers: { "x-key": process.env.OPENAI_API_KEY! } });\n`,
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
    });
    const secrets = (rel: string) => {
      const file = path.join(dir, rel);
      return findClientSecrets(parseSource(file, fs.readFileSync(file, "utf8"))!).map((finding) => `${finding.data?.name}: ${finding.data?.chain}`);
    };
    assert.deepEqual(secrets("src/pages/api/stripe/checkout/index.tsx"), []);
    assert.deepEqual(secrets("src/utils/stripe.ts"), []);
    assert.deepEqual(secrets("src/utils/ask.ts"), ["OPENAI_API_KEY: src/pages/index.tsx → src/utils/ask.ts"]);
  });
});

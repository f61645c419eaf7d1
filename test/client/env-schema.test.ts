/**
 * An env schema module that browser code imports (create-t3-app's `env.mjs`, t3-env's `createEnv`):
 * it maps each server name to its own read for validation, which runs on the server only; in the
 * browser Next.js leaves the read undefined and the schema throws if it is asked for it
 * (serudda/text-snap, batch 77). Not reported; a plain config object of the same shape still is.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientSecrets } from "../../eslint-plugin/src/engine/client";
import { makeRepo, removeRepos } from "../env/support";

describe("no-client-secrets: an env schema module browser code imports (serudda/text-snap, batch 77)", () => {
  const t3env = `import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
export const env = createEnv({
  server: { DATABASE_URL: z.string().url(), OPENAI_API_KEY: z.string() },
  client: { NEXT_PUBLIC_POSTHOG_KEY: z.string() },
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    OPENAI_API_KEY: process.env.OPENAI_API_KEY,
    NEXT_PUBLIC_POSTHOG_KEY: process.env.NEXT_PUBLIC_POSTHOG_KEY,
  },
});
`;
  const older = `import { z } from "zod";
const server = z.object({ DATABASE_URL: z.string().url(), NEXTAUTH_SECRET: z.string() });
const processEnv = { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET };
const isServer = typeof window === "undefined";
const parsed = isServer ? server.safeParse(processEnv) : { success: true, data: {} };
export const env = parsed.data;
`;
  const plain = `export const env = { OPENAI_API_KEY: process.env.OPENAI_API_KEY, NEXT_PUBLIC_POSTHOG_KEY: process.env.NEXT_PUBLIC_POSTHOG_KEY };\n`;
  let dir: string;
  before(() => {
    dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "14.2.0", "@t3-oss/env-nextjs": "0.7.0", zod: "3.23.0" } }),
      "src/env.mjs": t3env,
      "src/pages/_app.tsx": `import { env } from "../env.mjs";\nexport default function App({ Component, pageProps }) {\n  console.log(env.NEXT_PUBLIC_POSTHOG_KEY);\n  return <Component {...pageProps} />;\n}\n`,
    });
  });
  after(() => removeRepos());
  const secrets = (code: string) => findClientSecrets(parseSource(path.join(dir, "src/env.mjs"), code)!).map((f) => f.data.name);

  it("t3-env's runtimeEnv and create-t3-app's processEnv hand the browser nothing", () => {
    assert.deepEqual(secrets(t3env), []);
    assert.deepEqual(secrets(older), []);
  });

  it("a plain config object of the same shape in browser code is still reported", () => {
    assert.deepEqual(secrets(plain), ["OPENAI_API_KEY"]);
  });
});

/**
 * TanStack Start (fixture app `tanstack-start`): every route module is in the browser's route
 * tree, but the compiler cuts server code out of the browser build: a route's `server`
 * handlers, `createServerFn(…).handler(…)`, and the imports only they use. A loader is
 * isomorphic (it also runs in the browser) and stays browser code.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "tanstack-start", rel);

describe("TanStack Start: the client boundary", () => {
  it("is TanStack Start, not a Vite single-page app", () => {
    assert.equal(frameworkOf(file("src/routes/index.tsx")).name, "tanstack-start");
  });

  it("a module only server handlers import does not ship; a server function's module does, without its handler", () => {
    assert.equal(browserChain(file("src/utils/provider.ts")), undefined, "imported only inside the route's server handlers");
    assert.deepEqual(browserChain(file("src/server/ask.ts")), [file("src/routes/index.tsx"), file("src/server/ask.ts")]);
    assert.deepEqual(browserChain(file("src/utils/model-name.ts")), [file("src/routes/index.tsx"), file("src/utils/model-name.ts")]);
  });
});

const inServerCode = (rel: string) => appFile("tanstack-start", rel);

ruleTester().run("no-client-secrets (TanStack Start)", rule(noClientSecrets), {
  valid: [inServerCode("src/routes/api/publish.ts"), inServerCode("src/server/ask.ts"), inServerCode("src/utils/provider.ts")],
  invalid: [
    {
      name: "a loader runs in the browser too",
      filename: file("src/routes/settings.tsx"),
      code: readFileSync(file("src/routes/settings.tsx"), "utf8"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "OPENAI_API_KEY", chain: "src/routes/settings.tsx" } }],
    },
    {
      name: "a secret read beside the server function, outside its handler, ships",
      filename: file("src/server/ask.ts"),
      code: `import { createServerFn } from "@tanstack/react-start";\nconst fallback = process.env.ANTHROPIC_API_KEY;\nexport const askModel = createServerFn().handler(async () => process.env.OPENAI_API_KEY ?? fallback);\nexport const label = fallback?.slice(0, 4);\n`,
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "ANTHROPIC_API_KEY", chain: "src/routes/index.tsx → src/server/ask.ts" } }],
    },
    {
      name: "the route's server option is cut, its component is not",
      filename: file("src/routes/api/publish.ts"),
      code: `import { createFileRoute } from "@tanstack/react-router";\nexport const Route = createFileRoute("/api/publish")({\n  server: { handlers: { POST: () => Response.json({ key: process.env.PUBLISH_API_KEY }) } },\n  component: () => process.env.OPENAI_API_KEY,\n});\n`,
      errors: [{ messageId: "clientSecret", line: 4, data: { name: "OPENAI_API_KEY", chain: "src/routes/api/publish.ts" } }],
    },
  ],
});

ruleTester().run("no-client-ai-calls (TanStack Start)", rule(noClientAiCalls), {
  valid: [inServerCode("src/server/ask.ts"), inServerCode("src/utils/provider.ts"), inServerCode("src/routes/api/publish.ts")],
  invalid: [],
});

/**
 * Qwik City (fixture app `qwik`): route modules render pages and resume in the browser, but a
 * route module's request handlers (onGet, onPost…), routeLoader$, routeAction$ and server$ stay
 * on the server, with the imports only they use. A route module with no page (no default export)
 * is an endpoint, all server (bryanhannes/qwikchat, bench/real-apps: its endpoints were read as a
 * Vite single-page app's browser code).
 */
import * as assert from "node:assert/strict";
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
const file = (rel: string) => path.join(APPS, "qwik", rel);
const ASK = "src/routes/ask/index.tsx";

describe("Qwik City: the client boundary", () => {
  it("is Qwik, not a Vite single-page app", () => {
    assert.equal(frameworkOf(file(ASK)).name, "qwik");
  });

  it("a page ships, with what its component uses; an endpoint and what only loaders and server$ use do not", () => {
    assert.deepEqual(browserChain(file(ASK)), [file(ASK)]);
    assert.deepEqual(browserChain(file("src/components/model-name.ts")), [file(ASK), file("src/components/model-name.ts")]);
    assert.equal(browserChain(file("src/lib/summarise.ts")), undefined, "imported only inside routeLoader$ and server$");
    assert.equal(browserChain(file("src/routes/api/chat/index.ts")), undefined, "an endpoint: request handlers, no page");
  });
});

const PAGE = (body: string) =>
  `import { component$ } from "@builder.io/qwik";\nimport { routeLoader$, server$ } from "@builder.io/qwik-city";\n${body}\n`;

ruleTester().run("no-client-ai-calls (Qwik City)", rule(noClientAiCalls), {
  valid: [appFile("qwik", "src/routes/api/chat/index.ts"), appFile("qwik", "src/lib/summarise.ts"), appFile("qwik", ASK)],
  invalid: [
    {
      name: "a call in the page's component runs in the browser; the same call in server$ does not",
      filename: file(ASK),
      code: PAGE(
        [
          `const ask = server$(async () => fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\` } }));`,
          `export default component$(() => <button onClick$={async () => {`,
          `  await ask();`,
          `  await fetch("https://api.openai.com/v1/models", { headers: { Authorization: \`Bearer \${import.meta.env.PUBLIC_OPENAI_API_KEY}\` } });`,
          `}}>Ask</button>);`,
        ].join("\n"),
      ),
      errors: [{ messageId: "directProviderCall", line: 6 }],
    },
  ],
});

ruleTester().run("no-client-secrets (Qwik City)", rule(noClientSecrets), {
  valid: [appFile("qwik", "src/routes/api/chat/index.ts"), appFile("qwik", "src/lib/summarise.ts")],
  invalid: [
    {
      // sebacc92/sportgarden (batch 98): the login page imports useSignIn from src/routes/plugin@auth.ts.
      ...appFile("qwik", "src/routes/plugin@auth.ts"),
      name: "Auth.js for Qwik: what QwikAuth$'s config reads stays on the server; the module's other code ships",
      errors: [{ messageId: "clientSecret", line: 11, data: { name: "STRIPE_SECRET_KEY", chain: "src/routes/login/index.tsx → src/routes/plugin@auth.ts" } }],
    },
    {
      name: "a secret read in the component ships; one in routeLoader$ or onGet does not",
      filename: file(ASK),
      code: PAGE(
        [
          `export const onGet = async ({ json }) => json(200, { configured: Boolean(process.env.OPENAI_API_KEY) });`,
          `export const useKey = routeLoader$(() => process.env.ANTHROPIC_API_KEY?.length ?? 0);`,
          `export default component$(() => <p>{process.env.GROQ_API_KEY}</p>);`,
        ].join("\n"),
      ),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "GROQ_API_KEY", chain: ASK } }],
    },
  ],
});

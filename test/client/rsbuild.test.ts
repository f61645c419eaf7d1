/**
 * Rsbuild (fixture app `rsbuild`): Rspack builds a single-page app entered at src/index, and
 * inlines `PUBLIC_*` env variables into the bundle whether read through `import.meta.env` or
 * `process.env` (rsbuild.dev, environment variables); other names are not defined there. A server
 * kept beside the app (`server/`) is no browser code.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { projectOf } from "../../eslint-plugin/src/engine/fixes";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/project-files";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "rsbuild", rel);
const ask = file("src/lib/ask.ts");
const chain = "src/index.tsx → src/App.tsx → src/lib/ask.ts";

describe("Rsbuild: the client boundary", () => {
  it("is an Rsbuild app; src/index reaches the module that calls OpenAI; server/ and the config are not browser code", () => {
    assert.equal(frameworkOf(ask).name, "rsbuild");
    assert.deepEqual(browserChain(ask), [file("src/index.tsx"), file("src/App.tsx"), ask]);
    assert.equal(browserChain(file("server/index.ts")), undefined);
    assert.equal(browserChain(file("rsbuild.config.ts")), undefined);
  });

  it("a key moved out of code goes to .env.local, under PUBLIC_ only if public", () => {
    const project = projectOf(diskFiles(), ask);
    assert.equal(project.framework, "rsbuild");
    assert.equal(project.envFile, file(".env.local"));
    assert.equal(project.publicPrefix, "PUBLIC_");
  });
});

ruleTester().run("no-public-secrets (Rsbuild)", rule(noPublicSecrets), {
  valid: [appFile("rsbuild", "server/index.ts")],
  invalid: [
    {
      name: "a secret under PUBLIC_ through import.meta.env",
      filename: ask,
      code: readFileSync(ask, "utf8"),
      errors: [{ messageId: "publicSecret", line: 4, data: { name: "PUBLIC_OPENAI_API_KEY", prefix: "PUBLIC_", unprefixed: "OPENAI_API_KEY" } }],
    },
    {
      name: "and through process.env",
      filename: ask,
      code: "export const key = process.env.PUBLIC_GROQ_API_KEY;\n",
      errors: [{ messageId: "publicSecret", line: 1 }],
    },
    {
      name: "Vite's prefix is not Rsbuild's: the value is undefined in the browser",
      filename: ask,
      code: "export const key = import.meta.env.VITE_OPENAI_API_KEY;\n",
      errors: [{ messageId: "prefixNotExposed", line: 1 }],
    },
  ],
});

ruleTester().run("no-client-ai-calls (Rsbuild)", rule(noClientAiCalls), {
  valid: [appFile("rsbuild", "server/index.ts")],
  invalid: [
    {
      name: "an OpenAI client told it runs in the browser",
      filename: ask,
      code: readFileSync(ask, "utf8"),
      errors: [{ messageId: "dangerousBrowserClient", line: 4, data: { provider: "OpenAI", flag: "dangerouslyAllowBrowser", chain } }],
    },
  ],
});

ruleTester().run("no-client-secrets (Rsbuild)", rule(noClientSecrets), {
  valid: [appFile("rsbuild", "server/index.ts")],
  invalid: [
    {
      name: "an unprefixed secret read in browser code is undefined there, and still a mistake",
      filename: ask,
      code: "export const key = process.env.OPENAI_API_KEY;\n",
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain } }],
    },
  ],
});

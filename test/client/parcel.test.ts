/**
 * Parcel (fixture app `parcel`): the app is built from its HTML (`parcel src/index.html`), whose
 * scripts (paths relative to the HTML) start the browser graph, and Parcel writes the value of
 * every `process.env.X` the code reads into the bundle, whatever its name (parceljs.org, env
 * variables). So a server secret read in browser code is not undefined there: it ships, and an
 * SDK client keyed by it ships its key. Scripts beside `src/` are not bundled.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "parcel", rel);
const summarize = file("src/summarize.ts");
const chain = "src/app.tsx → src/summarize.ts";

describe("Parcel: the client boundary", () => {
  it("is a Parcel app; the HTML's script reaches the module that calls OpenAI; scripts/ is not browser code", () => {
    assert.equal(frameworkOf(summarize).name, "parcel");
    assert.deepEqual(browserChain(summarize), [file("src/app.tsx"), summarize]);
    assert.equal(browserChain(file("scripts/seed.ts")), undefined);
  });

  it("a library or Node program Parcel builds from a `source` script (no index.html) is no browser app", () => {
    const library = path.join(APPS, "parcel-library", "src/index.ts");
    assert.notEqual(frameworkOf(library).name, "parcel");
    assert.equal(browserChain(library), undefined);
  });
});

ruleTester().run("no-client-ai-calls (Parcel)", rule(noClientAiCalls), {
  valid: [appFile("parcel", "scripts/seed.ts")],
  invalid: [
    {
      name: "an SDK provider keyed by process.env: Parcel writes the key into the bundle",
      filename: summarize,
      code: readFileSync(summarize, "utf8"),
      errors: [{ messageId: "browserSdkClient", line: 5, data: { provider: "OpenAI", chain } }],
    },
  ],
});

ruleTester().run("no-client-secrets (Parcel)", rule(noClientSecrets), {
  valid: [appFile("parcel", "scripts/seed.ts"), appFile("parcel-library", "src/index.ts")],
  invalid: [
    {
      name: "the server secret read in browser code",
      filename: summarize,
      code: readFileSync(summarize, "utf8"),
      errors: [{ messageId: "clientSecret", line: 5, data: { name: "OPENAI_API_KEY", chain } }],
    },
  ],
});

ruleTester().run("no-public-secrets (Parcel)", rule(noPublicSecrets), {
  valid: [],
  invalid: [
    {
      name: "import.meta.env is no Parcel env: a VITE_ name there is undefined",
      filename: summarize,
      code: "export const key = import.meta.env.VITE_OPENAI_API_KEY;\n",
      errors: [{ messageId: "prefixNotExposed", line: 1 }],
    },
  ],
});

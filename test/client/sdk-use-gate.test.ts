/**
 * no-client-ai-calls walks a browser file's tree only when the text says a provider SDK may be
 * used (mayCallAi): a host or auth header, a package imported for its values, a constructor
 * called. Named only, no walk: a type-only import (a UI component typing a tool's output), a
 * function whose name ends in a constructor's (`TestGroq()`), a closing tag around one. A gate
 * that says no must never hide a call, so each "no" sits beside the "yes" it must not become.
 */
import * as assert from "node:assert/strict";
import { mayCallAi } from "../../eslint-plugin/src/engine/client/ai-calls";
import { fetchesImportedAiUrl } from "../../eslint-plugin/src/engine/client/imported-ai-urls";
import { appFile } from "./support";

const MB = 1 << 20;

describe("no-client-ai-calls: which browser files are worth a walk (mayCallAi)", () => {
  it("a type-only import of a provider package is no SDK use; a value import is", () => {
    assert.equal(mayCallAi(`import type { openai } from "@ai-sdk/openai";\ntype T = ReturnType<typeof openai.tools.webSearch>;\n`), false);
    assert.equal(mayCallAi(`export type { OpenAIProvider } from '@ai-sdk/openai';\n`), false);
    assert.equal(mayCallAi(`import type {\n  AnthropicProviderOptions,\n} from '@ai-sdk/anthropic';\n`), false);
    assert.equal(mayCallAi(`import { openai } from "@ai-sdk/openai";\nconst model = openai("gpt-4o");\n`), true);
    // A value import after a type-only one of the same package.
    assert.equal(mayCallAi(`import type { A } from "openai";\nimport OpenAI from "openai";\n`), true);
    // A default import named `type` is a value.
    assert.equal(mayCallAi(`import type from "openai";\n`), true);
    assert.equal(mayCallAi(`import { type ChatModel, OpenAI } from "openai";\n`), true);
  });

  it("a name that ends in a constructor's, or a closing tag around one, is no call; the constructor called is", () => {
    assert.equal(mayCallAi(`import { useChat } from "@ai-sdk/react";\nexport default function TestGroq() { return null; }\n`), false);
    assert.equal(mayCallAi(`async function uploadToAnthropic({ file }) { return file; }\n`), false);
    assert.equal(mayCallAi(`export const A = () => <p>Uses <code>ChatOpenAI</code> with the Responses API</p>;\n`), false);
    assert.equal(mayCallAi(`const { Groq } = require("groq-sdk");\nconst groq = new Groq({ apiKey });\n`), true);
    assert.equal(mayCallAi(`const provider = createOpenAI<Settings>({ apiKey });\n`), true);
    assert.equal(mayCallAi(`const model = new ChatOpenAI({ apiKey });\n`), true);
  });

  it("a package required the CommonJS way is in use (openai v3: TheHulmaren/fake-90s-pops, batch 37); a comment naming it is not", () => {
    assert.equal(mayCallAi(`const { Configuration, OpenAIApi } = require("openai");\nconst configuration = new Configuration({ apiKey });\nexport default new OpenAIApi(configuration);\n`), true);
    assert.equal(mayCallAi(`// uses the openai package on the server\nexport const x = 1;\n`), false);
  });

  it("stays linear on 1 MB of type-only imports and of bare `from` clauses", function () {
    this.timeout(60_000);
    for (const unit of [`import type { A } from "openai";\n`, `from "openai" `, `import type {${" ".repeat(3000)}`, `require(${" ".repeat(19)}"openai/${"x".repeat(99)}`]) {
      const text = unit.repeat(Math.ceil(MB / unit.length));
      const started = performance.now();
      mayCallAi(text);
      const ms = performance.now() - started;
      assert.ok(ms < 5_000, `${JSON.stringify(unit.slice(0, 20))}…: ${ms.toFixed(0)} ms`);
    }
  });

  it("a request to a URL imported from a module that names a provider (shashikant347/Askly, batch 38); not to another name, a package's, or a module naming none", () => {
    const file = appFile("expo", "lib/translate.ts").filename;
    assert.equal(fetchesImportedAiUrl(`import url from "./gemini-url";\nfetch(url, { method: "POST" });\n`, file), true);
    assert.equal(fetchesImportedAiUrl(`import {\n  GEMINI_KEYED_URL,\n} from "./ai-config";\naxios.post(GEMINI_KEYED_URL, body);\n`, file), true);
    assert.equal(fetchesImportedAiUrl(`import { GEMINI_ENDPOINT as base } from "./ai-config";\nfetch(\`\${base}?key=\${k}\`);\n`, file), true);
    // The imported name is not the request's URL; the module is a package; the module names no provider.
    assert.equal(fetchesImportedAiUrl(`import url from "./gemini-url";\nimport other from "./x";\nfetch(other);\n`, file), false);
    assert.equal(fetchesImportedAiUrl(`import url from "gemini-url";\nfetch(url);\n`, file), false);
    assert.equal(fetchesImportedAiUrl(`import { ask } from "./translate";\nfetch(ask);\n`, appFile("expo", "app/translate.tsx").filename), false);
  });

  it("the imported-URL gate stays linear on 1 MB of requests, imports and bare `from` clauses", function () {
    this.timeout(60_000);
    const file = appFile("expo", "lib/translate.ts").filename;
    for (const unit of [`fetch(url, {});\n`, `import url from "./missing";\nfetch(url);\n`, `fetch(a); import ${" ".repeat(19)}`, `from "./${"x".repeat(299)}" `, `fetch(\`\${${"a".repeat(81)}`]) {
      const text = unit.repeat(Math.ceil(MB / unit.length));
      const started = performance.now();
      fetchesImportedAiUrl(text, file);
      const ms = performance.now() - started;
      assert.ok(ms < 5_000, `${JSON.stringify(unit.slice(0, 20))}…: ${ms.toFixed(0)} ms`);
    }
  });
});

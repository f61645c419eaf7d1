/**
 * Bare React Native (fixture app `react-native`: react-native-dotenv, no Expo): all of the app's
 * JavaScript runs on its users' phones, but its build tooling (Metro, Babel). Values imported
 * from react-native-dotenv's `@env` or read from react-native-config's `Config` are written into
 * the app at build time: a secret read there ships with it.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noHardcodedKeys from "../../eslint-plugin/src/rules/no-hardcoded-keys";
import { fakeKey } from "../support/fake-keys";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const file = (rel: string) => path.join(APPS, "react-native", rel);
const chat = file("src/api/chat.ts");

describe("React Native: the client boundary", () => {
  it("is a React Native app; what index.js reaches runs on the phone, Metro's config and Node scripts do not", () => {
    assert.equal(frameworkOf(chat).name, "react-native");
    assert.deepEqual(browserChain(chat), [file("App.tsx"), chat]);
    assert.equal(browserChain(file("metro.config.js")), undefined);
    assert.equal(browserChain(file("check-key.js")), undefined);
  });
});

ruleTester().run("no-client-secrets (React Native)", rule(noClientSecrets), {
  valid: [appFile("react-native", "src/api/chat.ts"), appFile("react-native", "metro.config.js"), appFile("react-native", "check-key.js")],
  invalid: [
    {
      name: "a secret imported from @env (react-native-dotenv)",
      filename: chat,
      code: `import { API_URL, OPENAI_API_KEY } from "@env";\nexport const config = { url: API_URL, key: OPENAI_API_KEY };\n`,
      errors: [{ messageId: "clientSecret", line: 1, data: { name: "OPENAI_API_KEY", chain: "App.tsx → src/api/chat.ts" } }],
    },
    {
      name: "a secret read from react-native-config",
      filename: chat,
      code: `import Config from "react-native-config";\nexport const key = Config.GEMINI_API_KEY;\nexport const url = Config.API_URL;\n`,
      errors: [{ messageId: "clientSecret", line: 2, data: { name: "GEMINI_API_KEY", chain: "App.tsx → src/api/chat.ts" } }],
    },
    {
      // orochigalois/Code-Challenge-OpenAI-RN (batch 52): the named export; a type import reads nothing.
      name: "a secret read from react-native-config's named Config export",
      filename: chat,
      code: `import { Config } from "react-native-config";
import type { Config as Shape } from "react-native-config";
export const key = Config.OPENAI_API_KEY;
export const url = Config.OPENAI_API_URL;
export type S = Shape;
`,
      errors: [{ messageId: "clientSecret", line: 3, data: { name: "OPENAI_API_KEY", chain: "App.tsx → src/api/chat.ts" } }],
    },
  ],
});

ruleTester().run("no-client-ai-calls (React Native)", rule(noClientAiCalls), {
  valid: [],
  invalid: [
    {
      name: "the app calls OpenAI with the key from @env",
      filename: chat,
      code: `import { OPENAI_API_KEY } from "@env";\nexport const ask = (input: string) =>\n  fetch("https://api.openai.com/v1/responses", { method: "POST", headers: { Authorization: \`Bearer \${OPENAI_API_KEY}\` }, body: JSON.stringify({ input }) });\n`,
      errors: [{ messageId: "directProviderCall", line: 3, data: { host: "api.openai.com", chain: "App.tsx → src/api/chat.ts" } }],
    },
    {
      // The key @env writes into the app is the developer's, exposed: not a server secret the
      // bundler keeps out (as process.env.X is in a Vite app).
      name: "an SDK client built with a key imported from @env",
      filename: chat,
      code: `import { GoogleGenerativeAI } from "@google/generative-ai";\nimport { GEMINI_API_KEY } from "@env";\nexport const genAI = new GoogleGenerativeAI(GEMINI_API_KEY);\n`,
      errors: [{ messageId: "browserSdkClient", line: 3 }],
    },
    {
      name: "an SDK client built with a key from react-native-config",
      filename: chat,
      code: `import { GoogleGenerativeAI } from "@google/generative-ai";\nimport Config from "react-native-config";\nconst API_KEY = Config.GEMINI_AI_KEY;\nexport const genAI = new GoogleGenerativeAI(API_KEY);\n`,
      errors: [{ messageId: "browserSdkClient", line: 4 }],
    },
  ],
});

ruleTester().run("no-hardcoded-keys (React Native)", rule(noHardcodedKeys), {
  valid: [],
  invalid: [
    {
      name: "a key in the app ships in every install: no process.env suggestion",
      filename: file("App.tsx"),
      code: `export const key = "${fakeKey("groq", undefined, 71)}";\n`,
      errors: [{ messageId: "hardcodedInBrowser", line: 1, suggestions: [] }],
    },
  ],
});

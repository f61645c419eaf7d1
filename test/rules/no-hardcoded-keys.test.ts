/**
 * no-hardcoded-keys under RuleTester. Every key is generated at run time from the catalogue
 * (test/support/fake-keys.ts); no key-shaped literal is written here.
 */
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-hardcoded-keys";
import type { HardcodedKeyMessageId, HardcodedKeysOptions } from "../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { compiledFormats } from "../../eslint-plugin/src/engine/keys";
import { ALPHABETS } from "../../eslint-plugin/src/engine/providers/alphabets";
import { envVarFor, providerById } from "../../eslint-plugin/src/engine/providers";
import type { KeyFormat } from "../../eslint-plugin/src/engine/providers/types";
import { allFakeKeys, fakeKey, randomRun } from "../support/fake-keys";
import * as assert from "node:assert/strict";
import { ruleTester } from "../support/rule-tester";

// The plugin and the rule tester resolve two copies of @typescript-eslint/utils: same shape, other type identity.
const rule = plugin as unknown as RuleModule<HardcodedKeyMessageId, [HardcodedKeysOptions]>;

type Invalid = InvalidTestCase<HardcodedKeyMessageId, [HardcodedKeysOptions]>;
type Valid = ValidTestCase<[HardcodedKeysOptions]>;

const env = (providerId: string, kindId?: string) => {
  const provider = providerById(providerId)!;
  return envVarFor(provider, provider.kinds.find((k) => k.id === kindId));
};

/** The format's shape with every random run replaced by one repeated character: a placeholder. */
function placeholderFor(format: KeyFormat): string {
  return format.segments
    .map((segment) => {
      if ("literal" in segment) return segment.literal;
      const chars = "chars" in segment ? ALPHABETS[segment.chars] : segment.oneOf;
      const length = "length" in segment ? segment.length : segment.max;
      return chars[0].repeat(length);
    })
    .join("");
}

const groq = fakeKey("groq");
const mistral = fakeKey("mistral");
const azureHex = fakeKey("azure-openai", "legacy-key");
const awsSecret = fakeKey("aws-bedrock", "secret-access-key");
const googleKey = fakeKey("google-ai");
/** Pinecone's legacy keys are bare UUIDs, as its record ids are. */
const pineconeUuid = fakeKey("pinecone", "legacy-key");
const falKey = fakeKey("fal");
const GROQ = env("groq");
const MISTRAL = env("mistral");

const useEnv = (envVar: string, output: string) => ({ messageId: "useEnvVar" as const, data: { envVar }, output });

// --- every provider and credential kind -------------------------------------------------

const kindInvalid: Invalid[] = [];
const kindValid: Valid[] = [];
for (const { provider, kind, key, formatIndex } of allFakeKeys(11)) {
  const envVar = envVarFor(provider, kind);
  const name = `${provider.id}/${kind.id}#${formatIndex}`;
  if (kind.publicByDesign) {
    kindValid.push({ name: `${name} is public by design`, code: `const ${envVar} = "${key}";` });
    continue;
  }
  // Context-only kinds sit in a variable named after their env var; self-identifying ones anywhere.
  const variable = kind.selfIdentifying ? "value" : envVar;
  kindInvalid.push({
    name,
    code: `const ${variable} = "${key}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(envVar, `const ${variable} = process.env.${envVar};`)] }],
  });
  if (!kind.selfIdentifying) {
    kindValid.push({ name: `${name} without context`, code: `const value = "${key}";` });
    kindValid.push({ name: `${name} named something else`, code: `const commitId = "${key}";` });
  }
}
for (const format of compiledFormats) {
  kindValid.push({ name: `${format.provider.id}/${format.kind.id} placeholder`, code: `const apiKey = "${placeholderFor(format.format)}";` });
}

// --- code shapes ----------------------------------------------------------------------------

const shapes: Invalid[] = [
  {
    name: "string literal",
    code: `const apiKey = "${groq}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const apiKey = process.env.${GROQ};`)] }],
  },
  {
    name: "single-quoted literal on a later line",
    code: `import Groq from "groq-sdk";\nconst client = new Groq('${groq}');`,
    errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [useEnv(GROQ, `import Groq from "groq-sdk";\nconst client = new Groq(process.env.${GROQ});`)] }],
  },
  {
    name: "template literal static part",
    code: "const headers = { Authorization: `Bearer " + groq + "` };",
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, "const headers = { Authorization: `Bearer ${process.env." + GROQ + "}` };")] }],
  },
  {
    name: "template literal with expressions",
    code: "const url = `${base}/v1?key=" + groq + "&q=${q}`;",
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, "const url = `${base}/v1?key=${process.env." + GROQ + "}&q=${q}`;")] }],
  },
  {
    name: "tagged template: no suggestion",
    code: "const q = sql`select '" + groq + "'`;",
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  {
    name: "key inside a longer string becomes a template",
    code: `const auth = "Bearer ${groq}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, "const auth = `Bearer ${process.env." + GROQ + "}`;")] }],
  },
  {
    name: "longer string with a backslash: no suggestion",
    code: `const auth = "Bearer\\t${groq}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  {
    name: "JSX attribute string",
    filename: "chat.tsx",
    code: `const el = <Chat apiKey="${groq}" />;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const el = <Chat apiKey={process.env.${GROQ}} />;`)] }],
  },
  {
    name: "JSX attribute expression",
    filename: "chat.tsx",
    code: `const el = <Chat apiKey={"${groq}"} />;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const el = <Chat apiKey={process.env.${GROQ}} />;`)] }],
  },
  {
    name: "JSX text",
    filename: "chat.tsx",
    code: `const el = <pre>${groq}</pre>;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const el = <pre>{process.env.${GROQ}}</pre>;`)] }],
  },
  {
    name: "line comment: no suggestion",
    code: `// old key: ${groq}\nconst x = 1;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  {
    name: "block comment",
    code: `/*\n * GROQ_API_KEY=${groq}\n */`,
    errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [] }],
  },
  {
    name: "a Gemini key in a comment is reported when the Firebase config beside it is separated by code",
    code: `// firebase: authDomain demo.firebaseapp.com\nconst x = 1;\n// GEMINI_API_KEY=${googleKey}`,
    errors: [{ messageId: "hardcodedKey", line: 3, suggestions: [] }],
  },
  {
    name: "a Google key in a commented-out block that calls the Gemini API is the provider's own",
    code: `// const firebaseConfig = { authDomain: "demo.firebaseapp.com" };\n// apiKey: "${googleKey}",\n// fetch("https://generativelanguage.googleapis.com/v1beta/models")`,
    errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [] }],
  },
  {
    name: "object key: no suggestion",
    code: `const owners = { "${groq}": "team-a" };`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  {
    name: "object value in an SDK constructor",
    code: `const client = new Groq({ apiKey: "${groq}" });`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const client = new Groq({ apiKey: process.env.${GROQ} });`)] }],
  },
  {
    name: "array element",
    code: `const keys = ["${groq}"];`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const keys = [process.env.${GROQ}];`)] }],
  },
  {
    name: "?? fallback",
    code: `const key = process.env.${GROQ} ?? "${groq}";`,
    errors: [
      {
        messageId: "hardcodedFallback",
        line: 1,
        suggestions: [{ messageId: "removeFallback", output: `const key = process.env.${GROQ};` }],
      },
    ],
  },
  {
    name: "|| fallback with another env name",
    code: `const key = process.env.MY_KEY || "${groq}";`,
    errors: [{ messageId: "hardcodedFallback", line: 1, suggestions: [{ messageId: "removeFallback", output: `const key = process.env.MY_KEY;` }] }],
  },
  {
    name: "import.meta.env fallback",
    code: `const key = import.meta.env.VITE_GROQ_KEY ?? "${groq}";`,
    errors: [{ messageId: "hardcodedFallback", line: 1, suggestions: [{ messageId: "removeFallback", output: `const key = import.meta.env.VITE_GROQ_KEY;` }] }],
  },
  {
    name: "class property",
    code: `class Client { apiKey = "${groq}"; }`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `class Client { apiKey = process.env.${GROQ}; }`)] }],
  },
  {
    name: "assignment and default parameter",
    code: `config.key = "${groq}";\nfunction f(key = "${fakeKey("groq", undefined, 5)}") {}`,
    errors: [
      { messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `config.key = process.env.${GROQ};\nfunction f(key = "${fakeKey("groq", undefined, 5)}") {}`)] },
      { messageId: "hardcodedKey", line: 2, suggestions: [useEnv(GROQ, `config.key = "${groq}";\nfunction f(key = process.env.${GROQ}) {}`)] },
    ],
  },
  {
    name: "type position: reported, no suggestion",
    code: `type Key = "${groq}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  // Positions where an expression does not parse or does not type-check: reported, no suggestion.
  ...[
    ["template literal type", "type Key = `" + groq + "`;"],
    ["template literal type with a placeholder", "type Header = `Bearer ${string}" + groq + "`;"],
    ["template literal type annotation", "let key: `" + groq + "` | undefined;"],
    ["string module export name", `const a = 1;\nexport { a as "${groq}" };`],
    ["string module import name", `import { "${groq}" as a } from "m"; export { a };`],
    ["re-export under a string name", `export * as "${groq}" from "m";`],
    ["`as const` literal", `const apiKey = "${groq}" as const;`],
    ["enum initialiser", `enum Keys { Groq = "${groq}" }`],
  ].map(([name, code]): Invalid => ({ name: `${name}: reported, no suggestion`, code, errors: [{ messageId: "hardcodedKey", line: code.split("\n").length, suggestions: [] }] })),
  {
    name: "`<const>` literal (not JSX): reported, no suggestion",
    filename: "keys.ts",
    code: `const apiKey = <const>"${groq}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  {
    name: "`as const` on a longer string: the template keeps its literal type",
    code: `const auth = "Bearer ${groq}" as const;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, "const auth = `Bearer ${process.env." + GROQ + "}` as const;")] }],
  },
  {
    name: "computed key from a template: the expression may stay",
    code: "const headers = { [`" + groq + "`]: 1 };",
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, "const headers = { [`${process.env." + GROQ + "}`]: 1 };")] }],
  },
  {
    name: "two providers in one file",
    code: `const a = "${groq}";\nconst b = "${fakeKey("anthropic")}";`,
    errors: [
      { messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const a = process.env.${GROQ};\nconst b = "${fakeKey("anthropic")}";`)] },
      { messageId: "hardcodedKey", line: 2, suggestions: [useEnv(env("anthropic"), `const a = "${groq}";\nconst b = process.env.${env("anthropic")};`)] },
    ],
  },
];

// --- context for generic formats ------------------------------------------------------------

const contextInvalid: Invalid[] = [
  {
    // rainbow686/food-image-recipe's api/recipe.js (batch 149): fal's id:secret key in a const named for it.
    name: "a fal key (<uuid>:<32 hex>) named FAL_KEY, sent to fal's queue",
    code: `const FAL_KEY = "${falKey}";\nexport default async function handler(req, res) {\n  const r = await fetch("https://queue.fal.ai/fal-ai/flux/dev", { method: "POST", headers: { Authorization: \`Key \${FAL_KEY}\` } });\n  res.json(await r.json());\n}`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv("FAL_KEY", `const FAL_KEY = process.env.FAL_KEY;\nexport default async function handler(req, res) {\n  const r = await fetch("https://queue.fal.ai/fal-ai/flux/dev", { method: "POST", headers: { Authorization: \`Key \${FAL_KEY}\` } });\n  res.json(await r.json());\n}`)] }],
  },
  {
    name: "a Pinecone legacy key (a UUID) in the client's apiKey, or named for Pinecone, is the provider's",
    code: `const pinecone = new Pinecone({ environment: "gcp-starter", apiKey: "${pineconeUuid}" });\nconst PINECONE_KEY = "${pineconeUuid}";`,
    errors: [
      { messageId: "hardcodedKey", line: 1, suggestions: [useEnv("PINECONE_API_KEY", `const pinecone = new Pinecone({ environment: "gcp-starter", apiKey: process.env.PINECONE_API_KEY });\nconst PINECONE_KEY = "${pineconeUuid}";`)] },
      { messageId: "hardcodedKey", line: 2, suggestions: [useEnv("PINECONE_API_KEY", `const pinecone = new Pinecone({ environment: "gcp-starter", apiKey: "${pineconeUuid}" });\nconst PINECONE_KEY = process.env.PINECONE_API_KEY;`)] },
    ],
  },
  {
    name: "a Google key in a class field whose use is a Gemini URL is no Maps key",
    code: `class GeminiService {\n  private apiKey = "${googleKey}";\n  private apiUrl = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${this.apiKey}\`;\n}`,
    errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [useEnv(env("google-ai"), `class GeminiService {\n  private apiKey = process.env.${env("google-ai")};\n  private apiUrl = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\${this.apiKey}\`;\n}`)] }],
  },
  {
    name: "a Google key in a const used for both Maps and Gemini is still the provider's",
    code: `const apiKey = "${googleKey}";\nconst geo = "https://maps.googleapis.com/maps/api/geocode/json?key=" + apiKey;\nconst chat = \`https://generativelanguage.googleapis.com/v1beta/models?key=\${apiKey}\`;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(env("google-ai"), `const apiKey = process.env.${env("google-ai")};\nconst geo = "https://maps.googleapis.com/maps/api/geocode/json?key=" + apiKey;\nconst chat = \`https://generativelanguage.googleapis.com/v1beta/models?key=\${apiKey}\`;`)] }],
  },
  {
    name: "a Google key at the end of a long Gemini URL is the provider's",
    code: `const url = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash-lite-preview:streamGenerateContent?alt=sse&key=${googleKey}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(env("google-ai"), `const url = \`https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash-lite-preview:streamGenerateContent?alt=sse&key=\${process.env.${env("google-ai")}}\`;`)] }],
  },
  {
    // sminju98/myface (a labelled snapshot): Firebase's server package says nothing of whose key it is.
    name: "a Google key in a Cloud Function's module (firebase-functions imported) is no Firebase web key",
    code: `const functions = require("firebase-functions");\nconst apiKey = "${googleKey}";\nexports.search = () => fetch(\`https://www.googleapis.com/customsearch/v1?key=\${apiKey}\`);`,
    errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [useEnv(env("google-ai"), `const functions = require("firebase-functions");\nconst apiKey = process.env.${env("google-ai")};\nexports.search = () => fetch(\`https://www.googleapis.com/customsearch/v1?key=\${apiKey}\`);`)] }],
  },
  {
    name: "a Maps library imported beside the Gemini SDK: a Google key is the provider's",
    code: `import { GoogleApiWrapper } from "google-maps-react";\nimport { GoogleGenerativeAI } from "@google/generative-ai";\nconst apiKey = "${googleKey}";`,
    errors: [{ messageId: "hardcodedKey", line: 3, suggestions: [useEnv(env("google-ai"), `import { GoogleApiWrapper } from "google-maps-react";\nimport { GoogleGenerativeAI } from "@google/generative-ai";\nconst apiKey = process.env.${env("google-ai")};`)] }],
  },
  {
    name: "a Maps library imported, the key's use a Gemini URL: the provider's",
    code: `import { GoogleApiWrapper } from "google-maps-react";\nconst apiKey = "${googleKey}";\nexport const ask = () => fetch(\`https://generativelanguage.googleapis.com/v1beta/models?key=\${apiKey}\`);`,
    errors: [{ messageId: "hardcodedKey", line: 2, suggestions: [useEnv(env("google-ai"), `import { GoogleApiWrapper } from "google-maps-react";\nconst apiKey = process.env.${env("google-ai")};\nexport const ask = () => fetch(\`https://generativelanguage.googleapis.com/v1beta/models?key=\${apiKey}\`);`)] }],
  },
  {
    name: "Mistral SDK constructor",
    code: `const client = new Mistral({ apiKey: "${mistral}" });`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(MISTRAL, `const client = new Mistral({ apiKey: process.env.${MISTRAL} });`)] }],
  },
  {
    name: "Mistral factory with a direct argument",
    code: `const client = createMistral("${mistral}");`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(MISTRAL, `const client = createMistral(process.env.${MISTRAL});`)] }],
  },
  {
    name: "variable name",
    code: `const mistralKey = "${mistral}";`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(MISTRAL, `const mistralKey = process.env.${MISTRAL};`)] }],
  },
  {
    name: "env var name in the fallback",
    code: `const key = process.env.MISTRAL_API_KEY || "${mistral}";`,
    errors: [{ messageId: "hardcodedFallback", line: 1, suggestions: [{ messageId: "removeFallback", output: `const key = process.env.MISTRAL_API_KEY;` }] }],
  },
  {
    name: "endpoint nearby",
    code: `fetch("https://api.mistral.ai/v1/chat/completions", { headers: { Authorization: "Bearer ${mistral}" } });`,
    errors: [
      {
        messageId: "hardcodedKey",
        line: 1,
        suggestions: [useEnv(MISTRAL, "fetch(\"https://api.mistral.ai/v1/chat/completions\", { headers: { Authorization: `Bearer ${process.env." + MISTRAL + "}` } });")],
      },
    ],
  },
  {
    name: "enclosing object named after the provider",
    code: `const providers = { mistral: { apiKey: "${mistral}" } };`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(MISTRAL, `const providers = { mistral: { apiKey: process.env.${MISTRAL} } };`)] }],
  },
  {
    name: "Azure endpoint as a sibling property",
    code: `const client = new OpenAI({ baseURL: "https://myres.openai.azure.com/openai", apiKey: "${azureHex}" });`,
    errors: [
      {
        messageId: "hardcodedKey",
        line: 1,
        suggestions: [useEnv(env("azure-openai"), `const client = new OpenAI({ baseURL: "https://myres.openai.azure.com/openai", apiKey: process.env.${env("azure-openai")} });`)],
      },
    ],
  },
  {
    name: "AWS secret next to its key id",
    code: `const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: "${awsSecret}" };`,
    errors: [
      {
        messageId: "hardcodedKey",
        line: 1,
        suggestions: [useEnv("AWS_SECRET_ACCESS_KEY", `const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };`)],
      },
    ],
  },
  {
    name: "a function returning the key",
    code: `function getMistralKey() { return "${mistral}"; }`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(MISTRAL, `function getMistralKey() { return process.env.${MISTRAL}; }`)] }],
  },
  {
    name: "credential-named variable in a file importing the provider's SDK",
    code: `import { Mistral } from "@mistralai/mistralai";\nconst apiKey = "${mistral}";\nexport const client = new Mistral({ apiKey });`,
    errors: [
      {
        messageId: "hardcodedKey",
        line: 2,
        suggestions: [useEnv(MISTRAL, `import { Mistral } from "@mistralai/mistralai";\nconst apiKey = process.env.${MISTRAL};\nexport const client = new Mistral({ apiKey });`)],
      },
    ],
  },
  {
    name: "comment naming the provider",
    code: `// MISTRAL_API_KEY=${mistral}`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [] }],
  },
  {
    name: "JSX component named after the provider",
    filename: "c.tsx",
    code: `const el = <MistralChat apiKey="${mistral}" />;`,
    errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(MISTRAL, `const el = <MistralChat apiKey={process.env.${MISTRAL}} />;`)] }],
  },
  {
    name: "Vertex service-account object",
    code: [
      "const credentials = {",
      '  type: "service_account",',
      '  project_id: "demo",',
      `  private_key: "-----BEGIN PRIVATE KEY-----\\n${randomRun("base64", 64, 4)}\\n${randomRun("base64", 64, 5)}\\n-----END PRIVATE KEY-----\\n",`,
      "};",
    ].join("\n"),
    errors: [{ messageId: "hardcodedKey", line: 4, suggestions: [] }],
  },
];

// --- must not report ------------------------------------------------------------------------

const hex = (n: number, seed = 1) => randomRun("hexLower", n, seed);
const alnum = (n: number, seed = 1) => randomRun("alnum", n, seed);
const notKeys: string[] = [
  `const apiKey = "sk-...";`,
  `const apiKey = "sk-${"x".repeat(48)}";`,
  `const apiKey = "your-api-key-here";`,
  `const apiKey = "REPLACE_ME";`,
  `const apiKey = "<OPENAI_API_KEY>";`,
  "const apiKey = `${OPENAI_API_KEY}`;",
  `const apiKey = process.env.OPENAI_API_KEY;`,
  `const apiKey = "gsk_${"a".repeat(52)}";`,
  `const apiKey = "gsk_abcdef123456${alnum(40)}";`,
  `const apiKey = "gsk_sample${alnum(46)}";`,
  `const apiKey = "hf_fakefake${randomRun("alnum", 26)}";`,
  `const apiKey = "pplx-test${alnum(44)}";`,
  `const apiKey = "gsk_changeme${alnum(44)}";`,
  `const accessKeyId = "${"AKIA"}IOSFODNN7EXAMPLE";`,
  `const id = "${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}";`,
  `const sha = "${hex(40)}";`,
  `const digest = "${hex(64)}";`,
  `const integrity = "sha384-${randomRun("base64", 64)}";`,
  `const img = "data:image/png;base64,${randomRun("base64", 40)}";`,
  `const jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${randomRun("base64url", 40)}.${randomRun("base64url", 43)}";`,
  `const model = "claude-3-5-sonnet-20241022";`,
  `const ids = ["chatcmpl-${alnum(29)}", "msg_01${alnum(22)}", "call_${alnum(24)}", "resp_${hex(48)}"];`,
  `import { xaiChat } from "./xai-chat-language-model";`,
  `const m = require("./${alnum(32)}");`,
  `const m = await import("@scope/${alnum(40)}");`,
  `export * from "./${hex(40)}";`,
  `// see https://github.com/wandb/wandb/blob/${hex(40)}/README.md`,
  `const stripe = "pk_live_${alnum(24)}";`,
  `const supabaseAnonKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${randomRun("base64url", 60)}.${randomRun("base64url", 43)}";`,
  `const langfusePublic = "pk-lf-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}";`,
  // Firebase web config keys are public by design.
  `const firebaseConfig = { apiKey: "${googleKey}", authDomain: "demo.firebaseapp.com", projectId: "demo" };`,
  `const app = initializeApp({ apiKey: "${googleKey}", projectId: "demo" });`,
  `const config = { apiKey: "${googleKey}", authDomain: "demo.firebaseapp.com", messagingSenderId: "1" };`,
  // The same config commented out, line by line or in one block (a labelled app's firebase.js).
  `// const firebaseConfig = {\n//   apiKey: "${googleKey}",\n//   authDomain: "demo.firebaseapp.com",\n//   projectId: "demo",\n// };\nexport const x = 1;`,
  `/* const firebaseConfig = {\n  apiKey: "${googleKey}",\n  messagingSenderId: "1",\n}; */`,
  `const src = "https://maps.googleapis.com/maps/api/js?key=${googleKey}";`,
  // Held in a class field or a const whose uses are Maps URLs (an Angular service's geocoding key).
  `class GeoService {\n  private apiKey = "${googleKey}";\n  constructor(private http: HttpClient) {}\n  geocode(address: string) {\n    return this.http.get(\`https://maps.googleapis.com/maps/api/geocode/json?address=\${address}&key=\${this.apiKey}\`);\n  }\n}`,
  `const apiKey = "${googleKey}";\nexport const geocode = (q: string) => fetch("https://maps.googleapis.com/maps/api/geocode/json?address=" + q + "&key=" + apiKey);`,
  // A Maps embed URL whose query is longer than the words read before a key (tribui1912/AIDoctor-COMPE561, batch 84).
  `export const Map = () => <iframe src="https://www.google.com/maps/embed/v1/place?q=golden+gate+bridge+san+francisco&key=${googleKey}" />;`,
  // A Maps library's key, and an unused const beside it (RJ-Heisenberg/ADU-Planner_rag-a-thon2024, batch 86).
  `import { Map, GoogleApiWrapper } from "google-maps-react";\nconst apiKey = "${googleKey}";\nexport default GoogleApiWrapper({ apiKey: "${googleKey}" })(Map);`,
  // Google's own `@googlemaps/*` packages, here the JS API loader taken on demand (Ayomided/restauranteur, batch 115).
  `import type { Loader } from "@googlemaps/js-api-loader";\nexport async function init() {\n  const { Loader } = await import("@googlemaps/js-api-loader");\n  return new Loader({ apiKey: "${googleKey}", version: "weekly" }).importLibrary("places");\n}`,
  // Generic shapes without a provider named where they are.
  `const requestId = "${mistral}";`,
  `const settings = { provider: "azure", requestId: "${azureHex}" };`,
  `const token = "${mistral}";`,
  `const secret = "${awsSecret}";`,
  `const name = "getConfigFileParsingDiagnostics1Cache";`,
  // A record id is a UUID too: a Pinecone name beside a bare argument is no key's (erhant/leet-assistant, batch 136).
  `import { Pinecone } from "@pinecone-database/pinecone";\nconst pinecone = new Pinecone({ apiKey: process.env.PINECONE_API_KEY });\nexport const read = () => pinecone.fetch(["${pineconeUuid}"]);\nexport const drop = () => pinecone.deleteOne("${pineconeUuid}");`,
  // The SDK import confirms only credential-named slots.
  `import { Mistral } from "@mistralai/mistralai";\nconst requestId = "${mistral}";`,
  `const { Mistral } = require("@mistralai/mistralai");\nconsole.log("${mistral}");`,
];

ruleTester().run("no-hardcoded-keys", rule, {
  valid: [
    ...kindValid,
    ...notKeys.map((code, i) => ({ name: `not a key #${i}: ${code.slice(0, 40)}`, code })),
    { name: "allow option", code: `const apiKey = "${groq}";`, options: [{ allow: [groq.slice(-8) + "$"] }] },
    { name: "ignoreFiles option", code: `const apiKey = "${groq}";`, filename: "fixtures/keys.ts", options: [{ ignoreFiles: ["fixtures/**"] }] },
    { name: "ignoreFiles by basename", code: `const apiKey = "${groq}";`, filename: "src/keys.fixture.ts", options: [{ ignoreFiles: ["*.fixture.ts"] }] },
    { name: "syntax-error-free code without keys", code: `export const x = 1;` },
  ],
  invalid: [
    ...kindInvalid,
    ...shapes,
    ...contextInvalid,
    {
      name: "allow option that does not match",
      code: `const apiKey = "${groq}";`,
      options: [{ allow: ["^nomatch$"], ignoreFiles: ["other/**"] }],
      errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const apiKey = process.env.${GROQ};`)] }],
    },
  ],
});

// Issue 10, class 8: advice that fits the code. In browser code an env variable ships too.
const browserKey = fakeKey("openai", undefined, 11);
const CHAT_BOX = require("node:path").join(__dirname, "..", "fixtures", "apps", "next-app-router", "app", "chat", "chat-box.tsx") as string;
ruleTester().run("no-hardcoded-keys: messages that fit the code", rule, {
  valid: [],
  invalid: [
    {
      name: "a key in a 'use client' component: move it to the server",
      filename: CHAT_BOX,
      code: `"use client";\nexport const key = "${browserKey}";`,
      // No "read it from process.env" suggestion: in the browser that ships the key just the same.
      errors: [{ messageId: "hardcodedInBrowser", line: 2, suggestions: [] }],
    },
    {
      name: "a fallback in browser code: still move it to the server",
      filename: CHAT_BOX,
      code: `"use client";\nexport const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY ?? "${browserKey}";`,
      errors: [{ messageId: "hardcodedInBrowser", line: 2, suggestions: [{ messageId: "removeFallback", output: `"use client";\nexport const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;` }] }],
    },
    {
      name: "a fallback in a route handler: remove the fallback",
      filename: require("node:path").join(__dirname, "..", "fixtures", "apps", "next-app-router", "app", "api", "chat", "route.ts") as string,
      code: `export const key = process.env.OPENAI_API_KEY ?? "${browserKey}";`,
      errors: [{ messageId: "hardcodedFallback", line: 1, suggestions: [{ messageId: "removeFallback", output: "export const key = process.env.OPENAI_API_KEY;" }] }],
    },
  ],
});

describe("no-hardcoded-keys: message data", () => {
  it("names the chain in browser code and the env read of a fallback", () => {
    const { parseSource } = require("../../eslint-plugin/src/engine/ast") as typeof import("../../eslint-plugin/src/engine/ast");
    const { findHardcodedKeys } = require("../../eslint-plugin/src/engine/keys/hardcoded-keys") as typeof import("../../eslint-plugin/src/engine/keys/hardcoded-keys");
    const browser = findHardcodedKeys(parseSource(CHAT_BOX, `"use client";\nexport const key = "${browserKey}";`)!);
    assert.equal(browser[0]?.data.chain, "app/chat/chat-box.tsx");
    const route = require("node:path").join(__dirname, "..", "fixtures", "apps", "next-app-router", "app", "api", "chat", "route.ts") as string;
    const fallback = findHardcodedKeys(parseSource(route, `export const key = process.env.OPENAI_API_KEY || "${browserKey}";`)!);
    assert.equal(fallback[0]?.data.envRead, "process.env.OPENAI_API_KEY");
    assert.ok(!JSON.stringify(fallback).includes(browserKey), "the key is never in the finding whole");
  });
});

// A key split into literals joined with `+`, to get past scanners that read one string at a time
// (a real Astro portfolio in bench/real-apps ships its Groq and Gemini keys this way).
const splitGroq = fakeKey("groq", undefined, 21);
const splitOpenai = fakeKey("openai", undefined, 22);
const cut = (key: string, ...at: number[]) => [0, ...at].map((from, i) => key.slice(from, at[i])).map((part) => `"${part}"`);
ruleTester().run("no-hardcoded-keys: keys split into joined literals", rule, {
  valid: [
    { name: "a prefix joined with a variable: nothing to read", code: `const key = "gsk_" + suffix;` },
    { name: "ordinary joined strings", code: `const msg = "Hello, " + "world" + '!';` },
    { name: "a placeholder split in two", code: `const key = "sk-" + "your-api-key-here";` },
  ],
  invalid: [
    {
      name: "two literals, the whole expression is the key: replace it",
      code: `const GROQ_KEY = ${cut(splitGroq, 12).join(" + ")};`,
      errors: [{ messageId: "hardcodedKey", line: 1, column: 19, endColumn: 19 + splitGroq.length + 5, suggestions: [useEnv(GROQ, `const GROQ_KEY = process.env.${GROQ};`)] }],
    },
    {
      name: "three literals over lines, single and double quotes",
      code: `const client = new OpenAI({\n  apiKey: ${cut(splitOpenai, 30, 90).map((part, i) => (i === 1 ? part.replaceAll('"', "'") : part)).join(" +\n    ")},\n});`,
      errors: [{ messageId: "hardcodedKey", line: 2, endLine: 4, suggestions: [useEnv("OPENAI_API_KEY", `const client = new OpenAI({\n  apiKey: process.env.OPENAI_API_KEY,\n});`)] }],
    },
    {
      name: "a key inside one literal of a chain is reported once, the usual way",
      code: `const header = "Bearer " + "${splitGroq}";`,
      errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv(GROQ, `const header = "Bearer " + process.env.${GROQ};`)] }],
    },
    {
      name: "a split key with more text around it: reported, no suggestion",
      code: `const header = "Bearer ${splitGroq.slice(0, 10)}" + "${splitGroq.slice(10)}";`,
      errors: [{ messageId: "hardcodedKey", line: 1, column: 24, suggestions: [] }],
    },
  ],
});

// The first OpenAI project keys (2024): the legacy 20 + marker + 20 shape under `sk-proj-`
// (a real Angular app in bench/real-apps holds one).
const shortProjectKey = fakeKey("openai", "project-key", 51, 1);
ruleTester().run("no-hardcoded-keys: OpenAI's short project keys", rule, {
  valid: [],
  invalid: [
    {
      name: "sk-proj- + 20 + marker + 20",
      code: `const apiKey: string = '${shortProjectKey}';`,
      errors: [{ messageId: "hardcodedKey", line: 1, suggestions: [useEnv("OPENAI_API_KEY", `const apiKey: string = process.env.OPENAI_API_KEY;`)] }],
    },
  ],
});

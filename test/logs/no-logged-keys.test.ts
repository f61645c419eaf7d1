/**
 * no-logged-keys: provider keys from the environment written to logs in full. The cases come from
 * batch 26–27 apps whose labellers noticed them (01shuaib01/openai_codex's startup line,
 * matti909/hono-chat-app's per-request log, kmmuntasir/groq-api-proxy's five-character prefix).
 */
import * as assert from "node:assert/strict";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import noLoggedKeys from "../../eslint-plugin/src/rules/no-logged-keys";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findLoggedKeys } from "../../eslint-plugin/src/engine/logs";
import { ruleTester } from "../support/rule-tester";

const rule = noLoggedKeys as unknown as RuleModule<"keyLogged" | "logWhetherSet", []>;
const filename = "/project/src/server.ts";

ruleTester().run("no-logged-keys", rule, {
  valid: [
    // What is set, not the value.
    `console.log("OpenAI key set:", Boolean(process.env.OPENAI_API_KEY));`,
    `console.log("key", !!process.env.OPENAI_API_KEY, process.env.OPENAI_API_KEY ? "yes" : "no");`,
    `const key = process.env.GROQ_API_KEY;\nlogger.info("GROQ_API_KEY value (first 5 chars):", { value: key ? key.substring(0, 5) + "..." : "" });`,
    `console.log(\`key ends in \${process.env.ANTHROPIC_API_KEY?.slice(-4)}, \${process.env.ANTHROPIC_API_KEY.length} chars\`);`,
    // No provider's key.
    `console.log("listening on", process.env.PORT, process.env.DATABASE_URL);`,
    // A path to the credentials file, by Google's contract (enzocage/Notion-Mediator's check-auth.js, batch 72).
    `console.log("Credentials file:", process.env.GOOGLE_APPLICATION_CREDENTIALS);`,
    // Not a log.
    `export function GET() { return Response.json({ model: process.env.OPENAI_MODEL }); }\nres.send(process.env.OPENAI_API_KEY);`,
    `tracker.info(process.env.OPENAI_API_KEY);`,
    // Another function's parameter of the same name: a variable's name, not the key (Iceman-Dann/QuivioAI, batch 41).
    `function url() {\n  const key = import.meta.env.VITE_GEMINI_API_KEY;\n  return key;\n}\nexport function getEnvVariable(key, fallback = "") {\n  console.warn(\`Error accessing environment variable \${key}\`);\n  return fallback;\n}`,
    // A key read, never logged.
    `const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nconsole.log("ready");`,
    // A field a method fills at run time, or one set from the constructor's parameter: not the env's key.
    `export class UserKeyService {\n  private apiKey = process.env.ELEVENLABS_API_KEY;\n  setKey(key: string) { this.apiKey = key; }\n  list() { console.log("API Key:", this.apiKey); }\n}`,
    `export class ParamKeyService {\n  private apiKey: string;\n  constructor(apiKey: string) { this.apiKey = apiKey; }\n  list() { console.log("API Key:", this.apiKey); }\n}`,
  ].map((code) => ({ code, filename })),
  invalid: [
    {
      // BachaMedAmine/rfid-auth-backend (batch 114): a NestJS service's field, set from the env once.
      name: "a class field holding the env's key, logged whole",
      filename,
      code: `export class VoiceService {\n  private readonly apiKey = process.env.ELEVENLABS_API_KEY;\n  list() {\n    console.log("API Key:", this.apiKey);\n  }\n}\n`,
      errors: [
        {
          messageId: "keyLogged",
          line: 4,
          data: { call: "console.log", provider: "ElevenLabs", name: "ELEVENLABS_API_KEY" },
          suggestions: [{ messageId: "logWhetherSet", data: { name: "ELEVENLABS_API_KEY" }, output: `export class VoiceService {\n  private readonly apiKey = process.env.ELEVENLABS_API_KEY;\n  list() {\n    console.log("API Key:", (this.apiKey ? "set" : "not set"));\n  }\n}\n` }],
        },
      ],
    },
    {
      // anima-regem/bookThief (batch 100): SvelteKit's static private env, imported by name.
      name: "a key imported from $env/static/private, logged whole",
      filename: "/project/src/routes/api/generate/+server.js",
      code: `import { GROQ_API_KEY } from "$env/static/private";
const labels = { GROQ_API_KEY: "set" };
export async function POST() {
  console.log("API key:", GROQ_API_KEY, labels.GROQ_API_KEY);
  return new Response("ok");
}
`,
      errors: [
        {
          messageId: "keyLogged",
          line: 4,
          data: { call: "console.log", provider: "Groq", name: "GROQ_API_KEY" },
          suggestions: [{ messageId: "logWhetherSet", data: { name: "GROQ_API_KEY" }, output: `import { GROQ_API_KEY } from "$env/static/private";
const labels = { GROQ_API_KEY: "set" };
export async function POST() {
  console.log("API key:", (GROQ_API_KEY ? "set" : "not set"), labels.GROQ_API_KEY);
  return new Response("ok");
}
` }],
        },
      ],
    },
    {
      name: "a startup line (01shuaib01/openai_codex)",
      filename,
      code: `import "dotenv/config";\nconsole.log(process.env.OPENAI_API_KEY);\n`,
      errors: [
        {
          messageId: "keyLogged",
          line: 2,
          data: { call: "console.log", provider: "OpenAI", name: "OPENAI_API_KEY" },
          suggestions: [{ messageId: "logWhetherSet", data: { name: "OPENAI_API_KEY" }, output: `import "dotenv/config";\nconsole.log((process.env.OPENAI_API_KEY ? "set" : "not set"));\n` }],
        },
      ],
    },
    ...[
      [`const apiKey = process.env.ANTHROPIC_API_KEY ?? "";\nlogger.info(\`Using Anthropic key \${apiKey}\`);`, "apiKey", "logger.info", "Anthropic", "ANTHROPIC_API_KEY"],
      [`const { GROQ_API_KEY } = process.env;\nthis.logger.debug("groq: " + GROQ_API_KEY);`, "GROQ_API_KEY", "logger.debug", "Groq", "GROQ_API_KEY"],
      [`const apiKey = process.env.OPENAI_API_KEY as string;\nconsole.error({ apiKey });`, "apiKey", "console.error", "OpenAI", "OPENAI_API_KEY"],
      // Bound at module level, logged inside a function.
      [`const key = process.env.GROQ_API_KEY;\nfunction boot() { console.log(key); }`, "key", "console.log", "Groq", "GROQ_API_KEY"],
      [`const f = () => 1;\nfastify.log.warn([import.meta.env.VITE_GEMINI_API_KEY]);`, "import.meta.env.VITE_GEMINI_API_KEY", "log.warn", "Google AI (Gemini)", "VITE_GEMINI_API_KEY"],
      [`const f = () => 1;\nconsole.log(Deno.env.get("OPENAI_API_KEY"));`, 'Deno.env.get("OPENAI_API_KEY")', "console.log", "OpenAI", "OPENAI_API_KEY"],
      [`const f = () => 1;\nreq.log.info(Bun.env.GROQ_API_KEY);`, "Bun.env.GROQ_API_KEY", "log.info", "Groq", "GROQ_API_KEY"],
      // A Worker's env binding (and Hono's c.env, Pages Functions' context.env).
      [`const f = () => 1;\nconsole.log("key", c.env.ANTHROPIC_API_KEY);`, "c.env.ANTHROPIC_API_KEY", "console.log", "Anthropic", "ANTHROPIC_API_KEY"],
      // Behind a cast or `?.` (Rustam-gif/vocab reads its keys so, in a module that also runs without `process`).
      [`const f = () => 1;\nconsole.log((process as any).env.OPENAI_API_KEY);`, "(process as any).env.OPENAI_API_KEY", "console.log", "OpenAI", "OPENAI_API_KEY"],
      [`const f = () => 1;\nconsole.log(process?.env?.GROQ_API_KEY);`, "process?.env?.GROQ_API_KEY", "console.log", "Groq", "GROQ_API_KEY"],
      [`const key = (process as any).env?.ANTHROPIC_API_KEY;\nconsole.log(key);`, "key", "console.log", "Anthropic", "ANTHROPIC_API_KEY"],
    ].map(([code, key, call, provider, name]) => {
      // The logged key's last occurrence is the one in the log call; a shorthand property keeps its name.
      const at = code.lastIndexOf(key);
      const shorthand = code.slice(at - 2, at) === "{ " && code.slice(at + key.length, at + key.length + 2) === " }";
      const replacement = `${shorthand ? `${key}: ` : ""}(${key} ? "set" : "not set")`;
      return {
        name: `${call}: ${code.split("\n")[1]}`,
        filename,
        code,
        errors: [
          {
            messageId: "keyLogged" as const,
            line: 2,
            data: { call, provider, name },
            suggestions: [{ messageId: "logWhetherSet" as const, data: { name }, output: code.slice(0, at) + replacement + code.slice(at + key.length) }],
          },
        ],
      };
    }),
  ],
});

describe("no-logged-keys: bad input", function () {
  this.timeout(60_000);

  it("stays linear and bounded on 1 MB of log calls and near misses", () => {
    const lines: string[] = [`const apiKey = process.env.OPENAI_API_KEY;`];
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      const line = i % 3 === 0 ? `console.log(apiKey);` : i % 3 === 1 ? `logger.info(\`n \${apiKey.length}\`, process.env.PORT);` : `log . ${"a".repeat(40)} (x);`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join("\n");
    const source = parseSource("/project/big.ts", text)!;
    const start = performance.now();
    const findings = findLoggedKeys(source);
    const ms = performance.now() - start;
    assert.ok(findings.length > 1000, `${findings.length} findings`);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    // The text gate alone, on 1 MB of "log." with no call after it.
    const gate = performance.now();
    assert.deepEqual(findLoggedKeys(parseSource("/project/g.ts", `process.env.X;\n//${"log.".repeat(1 << 18)}`)!), []);
    assert.ok(performance.now() - gate < 5000);
  });
});

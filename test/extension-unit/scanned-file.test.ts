/**
 * The workspace scan's one look at a file (analyzeFile with `once`): the tree is built only when
 * a rule reads it, and the findings are the editor path's, file for file, on a real project
 * folder in a temp git repository (keys generated at run time).
 */
import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeFile, forgetFile, type AnalyzeContext } from "../../extension/src/analyze";
import { scannedFile } from "../../extension/src/scanned-file";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { findClientAiCalls, findClientSecrets, findPublicSecrets, invalidate } from "../../eslint-plugin/src/engine/client/index";
import { findHardcodedKeys } from "../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route/index";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";

const ctx: AnalyzeContext = {
  settings: { enable: true, rules: {}, allow: [], ignoredPaths: [], maxFileSizeKB: 1024, debounceMs: 0 },
  files: diskFiles(),
};

describe("extension: the workspace scan's analysis of a file", () => {
  after(removeRepos);

  it("builds the tree only when a rule reads it: not for a library that only names a provider, yes for a route", () => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { next: "15.0.0", openai: "4.0.0" } }) });
    const rules = (source: ReturnType<typeof scannedFile>) => [
      ...findHardcodedKeys(source), ...findClientSecrets(source), ...findPublicSecrets(source), ...findClientAiCalls(source), ...findUnlimitedAiRoutes(source),
    ];
    const library = scannedFile(join(dir, "lib/models.ts"), `import { openai } from "@ai-sdk/openai";\nexport const model = openai("gpt-4o");\nmap.get(key);\n`);
    assert.deepEqual(rules(library), []);
    assert.equal(library.treeBuilt(), false);
    const route = scannedFile(join(dir, "server.ts"), `import OpenAI from "openai";\nconst openai = new OpenAI();\napp.post(/* chat */ "/chat", async () => openai.chat.completions.create({ model: "gpt-4o", messages: [] }));\n`);
    rules(route);
    assert.equal(route.treeBuilt(), true);
    assert.equal(route.parsed(), true);
    assert.equal(scannedFile(join(dir, "broken.ts"), "const = ;").parsed(), false);
  });

  it("builds no tree for a browser page that only names a provider or imports the AI SDK's types, or for a server action (its prologue is read from the text)", () => {
    const chatText = `"use client";\nimport type { UIMessage } from "ai";\nimport { act } from "./actions";\nexport function Chat(props: { messages?: UIMessage[] }) { return <button onClick={() => act()}>{props.messages?.length}</button>; }\n`;
    const actionsText = (directive: string) => `"${directive}";\nexport async function act() { return process.env.OPENAI_API_KEY?.length; }\n`;
    const dir = makeRepo({
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0", ai: "5.0.0" } }),
      "app/page.tsx": `import { Chat } from "./chat";\nexport default function Page() { return <Chat />; }\n`,
      "app/chat.tsx": chatText,
      "app/actions.ts": actionsText("use server"),
    });
    const rules = (source: ReturnType<typeof scannedFile>) => [...findClientSecrets(source), ...findClientAiCalls(source)];
    // "ai" names no provider: nothing here could be an AI call a browser makes.
    const chat = scannedFile(join(dir, "app/chat.tsx"), chatText);
    assert.deepEqual(rules(chat), []);
    assert.equal(chat.treeBuilt(), false, "a page importing types from \"ai\"");
    // The client component imports it, but "use server" keeps it on the server.
    const actions = scannedFile(join(dir, "app/actions.ts"), actionsText("use server"));
    assert.deepEqual(rules(actions), []);
    assert.equal(actions.treeBuilt(), false, "a server action's directive read from its text");
    // A provider only named (a model id, a comment) is no client either.
    const named = scannedFile(join(dir, "app/chat.tsx"), `${chatText}// Answers come from OpenAI, through our route.\nexport const model = "openai/gpt-4o";\n`);
    assert.deepEqual(rules(named), []);
    assert.equal(named.treeBuilt(), false, "a model id and a comment naming OpenAI");
    // A provider's SDK in use is looked at, and found: imported under another name, or its constructor called.
    const renamed = scannedFile(join(dir, "app/chat.tsx"), `${chatText}import { createOpenAI as make } from "@ai-sdk/openai";\nexport const provider = make({ apiKey: process.env.NEXT_PUBLIC_OPENAI_KEY });\n`);
    assert.deepEqual(findClientAiCalls(renamed).map((f) => f.messageId), ["browserSdkClient"]);
    const required = scannedFile(join(dir, "app/chat.tsx"), `${chatText}const { GoogleGenerativeAI } = require("@google/generative-ai");\nexport const gemini = new GoogleGenerativeAI(process.env.NEXT_PUBLIC_GEMINI_KEY);\n`);
    assert.deepEqual(findClientAiCalls(required).map((f) => f.messageId), ["browserSdkClient"]);
    // An escaped directive is cooked by the parser, as the bundler does: still a server action,
    // though the graph (which reads raw prologues) counts the file as browser code.
    writeFileSync(join(dir, "app/actions.ts"), actionsText("use\\x20server"));
    invalidate(join(dir, "app/actions.ts"));
    const escaped = scannedFile(join(dir, "app/actions.ts"), actionsText("use\\x20server"));
    assert.deepEqual(rules(escaped), []);
    assert.equal(escaped.treeBuilt(), true);
    // Without any directive, the same file is browser code: the checks above mean something.
    writeFileSync(join(dir, "app/actions.ts"), actionsText("use strict"));
    invalidate(join(dir, "app/actions.ts"));
    assert.deepEqual(rules(scannedFile(join(dir, "app/actions.ts"), actionsText("use strict"))).map((f) => f.ruleId), ["no-client-secrets"]);
  });

  it("reports what the editor reports: keys in code and comments, disable comments, routes, browser code, a file that does not parse", () => {
    const key = (n: number) => fakeKey("openai", undefined, 300 + n);
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0", openai: "4.0.0", express: "4.0.0" } }),
      ".gitignore": "node_modules\n",
      "app/api/chat/route.ts": `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport async function POST() {\n  return Response.json(await openai.chat.completions.create({ model: "gpt-4o", messages: [] }));\n}\n`,
      "server.ts": `import express from "express";\nimport OpenAI from "openai";\nconst app = express();\nconst openai = new OpenAI();\napp.post(\n  // the chat\n  "/chat", async (req, res) => res.json(await openai.chat.completions.create({ model: "gpt-4o", messages: [] })));\n`,
      "app/page.tsx": `"use client";\nimport OpenAI from "openai";\nconst client = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_KEY, dangerouslyAllowBrowser: true });\nexport default function Page() { return <p>{String(client)}</p>; }\n`,
      "lib/keys.ts": `// old key: ${key(1)}\nexport const a = "${key(2)}";\n// eslint-disable-next-line keyfence/no-hardcoded-keys\nexport const b = "${key(3)}";\n`,
      "lib/broken.ts": `export const c = "${key(4)}"; const = ;\n`,
      "lib/models.ts": `import { openai } from "@ai-sdk/openai";\nexport const model = openai("gpt-4o");\n`,
    };
    const dir = makeRepo(files);
    const code = Object.keys(files).filter((name) => /\.tsx?$/.test(name));
    const run = (once: boolean) =>
      code.map((name) => {
        const file = join(dir, name);
        forgetFile(file);
        return [name, analyzeFile(file, "code", files[name], { ...ctx, stopDir: dir, once }).map((f) => `${f.ruleId}:${f.messageId}:${f.range.start}`)];
      });
    const editor = run(false);
    assert.deepEqual(run(true), editor);
    const reported = new Set(editor.flatMap(([, found]) => (found as string[]).map((f) => f.split(":")[0])));
    // The comparison means something only if the fixture makes each of these rules report.
    for (const rule of ["no-hardcoded-keys", "require-rate-limit", "no-client-ai-calls"]) assert.ok(reported.has(rule), `${rule}: ${JSON.stringify(editor)}`);
    assert.deepEqual(editor.find(([name]) => name === "lib/broken.ts")?.[1], []);
    assert.equal((editor.find(([name]) => name === "lib/keys.ts")?.[1] as string[]).length, 2, "the disabled key is not reported");
  });
});

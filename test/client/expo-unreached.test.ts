/**
 * An Expo app ships every module of its own, whatever its entry reaches yet: a service that only
 * a component no screen imports yet uses (moein-shafiei/word-memorizer-app), or a hook nothing
 * imports yet (soysamy/pokechat). Its scripts and API routes
 * are not in the app.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findClientAiCalls } from "../../eslint-plugin/src/engine/client";
import { clearFrameworkCache } from "../../eslint-plugin/src/engine/client/framework";
import { APPS } from "./support";

const ROOTS: string[] = [];
after(() => {
  for (const root of ROOTS) fs.rmSync(root, { recursive: true, force: true });
});

const SERVICE = `import OpenAI from "openai";\nconst openai = new OpenAI({ apiKey: process.env.EXPO_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });\nexport const describe = (word: string) => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: word }] });\n`;

function expoCopy(extra: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-expo-")));
  ROOTS.push(root);
  fs.cpSync(path.join(APPS, "expo"), root, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  clearFrameworkCache();
  return root;
}

function callsIn(root: string, rel: string): string[] {
  const file = path.join(root, rel);
  const source = parseSource(file, fs.readFileSync(file, "utf8"));
  assert.ok(source);
  return findClientAiCalls(source).map((finding) => finding.messageId);
}

describe("no-client-ai-calls: an Expo app's src/ modules its entry does not reach yet", () => {
  it("a service only a component no screen imports yet uses, and a module nothing imports, are app code", () => {
    const root = expoCopy({
      "src/components/AddWordForm.js": `import { describe } from "../services/openaiService";\nexport default function AddWordForm() {\n  return describe("word");\n}\n`,
      "src/services/openaiService.ts": SERVICE,
      "src/features/chat/anthropic.ts": SERVICE,
    });
    assert.deepEqual(callsIn(root, "src/services/openaiService.ts"), ["dangerousBrowserClient"]);
    assert.deepEqual(callsIn(root, "src/features/chat/anthropic.ts"), ["dangerousBrowserClient"]);
  });

  it("its src/api/ service layer is app code too; a web app's src/api/ is not (notanumbercomposes/000a2c5a…, batch 69)", () => {
    const root = expoCopy({ "src/api/openai.ts": SERVICE, "src/functions/summarize.ts": SERVICE });
    assert.deepEqual(callsIn(root, "src/api/openai.ts"), ["dangerousBrowserClient"]);
    assert.deepEqual(callsIn(root, "src/functions/summarize.ts"), ["dangerousBrowserClient"]);
    // A Vite app's src/api/ may hold functions its host deploys (ydideh810/prp's route.ts, batch 68).
    const vite = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-vite-")));
    ROOTS.push(vite);
    fs.cpSync(path.join(APPS, "vite"), vite, { recursive: true });
    fs.mkdirSync(path.join(vite, "src/api"), { recursive: true });
    fs.writeFileSync(path.join(vite, "src/api/openai.ts"), SERVICE);
    clearFrameworkCache();
    assert.deepEqual(callsIn(vite, "src/api/openai.ts"), []);
  });

  it("a root module nothing imports, scripts and API routes are not", () => {
    const root = expoCopy({ "config.ts": SERVICE.replace(", dangerouslyAllowBrowser: true", ""), "scripts/seed.ts": SERVICE, "app/api/describe+api.ts": SERVICE, "src/app/completion+api.ts": SERVICE });
    assert.deepEqual(callsIn(root, "config.ts"), []);
    assert.deepEqual(callsIn(root, "scripts/seed.ts"), []);
    assert.deepEqual(callsIn(root, "app/api/describe+api.ts"), []);
    // Expo Router's routes under src/app (notJust-dev/DEVember-notJustGPT): an API route is server code.
    assert.deepEqual(callsIn(root, "src/app/completion+api.ts"), []);
  });
});

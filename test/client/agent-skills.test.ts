/**
 * A coding agent's skill folder (`.agents/skills/…`, `.claude/skills/…`): example code an agent copies
 * from, which no build bundles and no server serves (lehung1109/chatbot-groq commits Vercel's ai-elements
 * skill, whose speech-input example sends `NEXT_PUBLIC_OPENAI_API_KEY` to OpenAI from a "use client"
 * component, batch 256). The client and route rules say nothing of it; a key written in it is still reported.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import noClientAiCalls from "../../eslint-plugin/src/rules/no-client-ai-calls";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import noHardcodedKeys from "../../eslint-plugin/src/rules/no-hardcoded-keys";
import noPublicSecrets from "../../eslint-plugin/src/rules/no-public-secrets";
import { routeFindings } from "../server-route/route-findings";
import { fakeKey } from "../support/fake-keys";
import { ruleTester } from "../support/rule-tester";
import { APPS } from "./support";

type AnyRule = RuleModule<string, readonly unknown[]>;
const rule = (module: unknown) => module as AnyRule;
const next = (rel: string) => path.join(APPS, "next-app-router", rel);

const SPEECH_INPUT = `"use client";
export async function transcribe(audio: Blob): Promise<string> {
  const form = new FormData();
  form.append("file", audio, "audio.webm");
  const response = await fetch("https://api.openai.com/v1/audio/transcriptions", {
    method: "POST",
    body: form,
    headers: { Authorization: \`Bearer \${process.env.NEXT_PUBLIC_OPENAI_API_KEY}\` },
  });
  return (await response.json()).text;
}
`;
const SECRET_READ = `"use client";\nexport const key = process.env.OPENAI_API_KEY;\n`;
const skills = [".agents/skills/ai-elements/scripts/speech-input.tsx", ".claude/skills/chat/example.tsx", ".github/skills/voice/scripts/input.tsx"];
const own = "app/chat/speech-input.tsx";

ruleTester().run("no-client-ai-calls (agent skills)", rule(noClientAiCalls), {
  valid: skills.map((rel) => ({ name: rel, filename: next(rel), code: SPEECH_INPUT })),
  invalid: [{ name: "the app's own component", filename: next(own), code: SPEECH_INPUT, errors: [{ messageId: "directProviderCall" }] }],
});

ruleTester().run("no-public-secrets (agent skills)", rule(noPublicSecrets), {
  valid: skills.map((rel) => ({ name: rel, filename: next(rel), code: SPEECH_INPUT })),
  invalid: [{ name: "the app's own component", filename: next(own), code: SPEECH_INPUT, errors: [{ messageId: "publicSecret" }] }],
});

ruleTester().run("no-client-secrets (agent skills)", rule(noClientSecrets), {
  valid: skills.map((rel) => ({ name: rel, filename: next(rel), code: SECRET_READ })),
  invalid: [{ name: "the app's own component", filename: next(own), code: SECRET_READ, errors: [{ messageId: "clientSecret" }] }],
});

ruleTester().run("no-hardcoded-keys (agent skills)", rule(noHardcodedKeys), {
  valid: [],
  invalid: [{ name: "a key written in a skill's script is a key in the repository", filename: next(skills[0]), code: `export const key = "${fakeKey("openai")}";\n`, errors: [{ messageId: "hardcodedKey", suggestions: [{ messageId: "useEnvVar", output: `export const key = process.env.OPENAI_API_KEY;\n` }] }] }],
});

describe("require-rate-limit: an agent skill's example route", () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-agent-skills-")));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const ROUTE = `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function POST(req: Request) {
  return Response.json(await openai.chat.completions.create(await req.json()));
}
`;
  it("reports the app's route, not the skill's copy of one", () => {
    assert.deepEqual(routeFindings(root, "app/api/chat/route.ts", ROUTE).map((f) => f.line), [3]);
    assert.deepEqual(routeFindings(root, ".agents/skills/chat-route/templates/app/api/chat/route.ts", ROUTE), []);
    // A folder merely named skills is the app's own.
    assert.deepEqual(routeFindings(root, "app/api/skills/route.ts", ROUTE).map((f) => f.line), [3]);
  });
});

/**
 * Four ways batch 114's Node servers reach a provider that require-rate-limit had not followed:
 * a key kept in a class field set once from the env (BachaMedAmine/rfid-auth-backend), a const
 * given what NestJS's ConfigService hands out whatever its name (bulaxa/chatgpt_text_to_voice), an
 * axios config in a `let` never given another value, and an Express path written as a template
 * with holes (agonzalezo/api-speech); and a client reached through TypeScript's non-null assertion
 * (4dtommie/reflect, batch 115), or through `as any` (ShejanMahamud/rubberduckgpt-server, batch 255).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-fields-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const findings = (rel: string, text: string) => routeFindings(ROOT, rel, text).map((f) => [f.handler, f.provider, f.line]);

const voiceServer = (field: string, setter = "") => `import express from "express";
import axios from "axios";
class Voice {
  ${field}
  private readonly baseUrl = process.env.ELEVENLABS_API_BASE_URL;
  ${setter}
  async speak(text: string) {
    return axios.post(\`\${this.baseUrl}/text-to-speech/v1\`, { text }, { headers: { "xi-api-key": this.apiKey } });
  }
}
const voice = new Voice();
const app = express();
app.post("/speak", async (req, res) => {
  res.send((await voice.speak(req.body.text)).data);
});
`;

describe("require-rate-limit: class fields, config services, let configs, template paths and `!` (batches 114–115)", () => {
  it("a client that may be null, called through a non-null assertion inside a retry wrapper", () => {
    const route = `import express from "express";
import OpenAI from "openai";
const openai = process.env.OPENAI_API_KEY ? new OpenAI({ apiKey: process.env.OPENAI_API_KEY }) : null;
const retry = <T>(fn: () => Promise<T>) => fn();
const app = express();
app.post("/categorize", async (req, res) => {
  const response = await retry(() => openai!.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages }));
  res.json(response);
});
`;
    assert.deepEqual(findings("src/categorize.ts", route), [['app.post("/categorize")', "OpenAI", 6]]);
  });

  it("a client reached through `as any` or `<any>`, which change nothing at run time (ShejanMahamud/rubberduckgpt-server, batch 255)", () => {
    const route = (call: string) => `import express from "express";
import Groq from "groq-sdk";
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
const app = express();
app.post("/transcribe", async (req, res) => {
  const transcription = await ${call}.audio.transcriptions.create({ file: req.body.file, model: "whisper-large-v3-turbo" });
  res.json(transcription);
});
`;
    assert.deepEqual(findings("src/transcribe-as.ts", route("(groq as any)")), [['app.post("/transcribe")', "Groq", 5]]);
    assert.deepEqual(findings("src/transcribe-angle.ts", route("(<any>groq)")), [['app.post("/transcribe")', "Groq", 5]]);
  });

  it("a key header from a class field set once from the env; not one a method sets, nor the constructor's parameter", () => {
    assert.deepEqual(findings("src/voice.ts", voiceServer("private readonly apiKey = process.env.ELEVENLABS_API_KEY;")), [['app.post("/speak")', "ElevenLabs", 13]]);
    assert.deepEqual(findings("src/voice-user.ts", voiceServer("private apiKey = process.env.ELEVENLABS_API_KEY;", "setKey(key: string) { this.apiKey = key; }")), []);
    assert.deepEqual(findings("src/voice-param.ts", voiceServer("private apiKey: string;", "constructor(apiKey: string) { this.apiKey = apiKey; }")), []);
  });

  it("a const given ConfigService's value is the server's config, whatever the const is called", () => {
    const controller = (held: string) => `import { Body, Controller, Post } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";
import { Configuration, OpenAIApi } from "openai";

@Controller("ask")
export class AskController {
  constructor(private readonly configService: ConfigService) {}

  @Post()
  async ask(@Body() body: { text: string; apiKey: string }) {
    const envData = ${held};
    const openai = new OpenAIApi(new Configuration({ apiKey: envData.KEY }));
    return openai.createCompletion({ model: "gpt-3.5-turbo-instruct", prompt: body.text });
  }
}
`;
    assert.deepEqual(findings("src/ask.controller.ts", controller(`this.configService.get("OPENAI")`)), [["AskController.ask (@Post)", "OpenAI", 10]]);
    // The caller's key, sent in the body, is still the caller's.
    assert.deepEqual(findings("src/own-key.controller.ts", controller(`{ KEY: body.apiKey }`)), []);
  });

  it("an axios config in a let never given another value; not one reassigned", () => {
    const route = (assign: string) => `import express from "express";
import axios from "axios";
const router = express.Router();
router.post("/tts", async (req, res) => {
  let config = { method: "post", url: "https://api.elevenlabs.io/v1/text-to-speech/x", headers: { "xi-api-key": process.env.ELEVEN_API_KEY }, data: req.body };
  ${assign}
  const r = await axios(config);
  res.send(r.data);
});
export default router;
`;
    assert.deepEqual(findings("src/tts.js", route("")), [['router.post("/tts")', "ElevenLabs", 4]]);
    assert.deepEqual(findings("src/tts-mock.js", route(`if (process.env.MOCK) config = { url: "http://localhost:4000/tts" };`)), []);
  });

  it("an Express path written as a template with holes", () => {
    const route = `import express from "express";
import axios from "axios";
const router = express.Router();
router.post(\`/api/\${process.env.API_NAME}/tts\`, async (req, res) => {
  const r = await axios.post("https://api.elevenlabs.io/v1/text-to-speech/x", { text: req.body.text }, { headers: { "xi-api-key": process.env.ELEVEN_API_KEY } });
  res.send(r.data);
});
export default router;
`;
    assert.deepEqual(findings("src/routes.js", route), [["router.post(`/api/${process.env.API_NAME}/tts`)", "ElevenLabs", 4]]);
    // A template that is no path (a host, a full URL) registers nothing.
    assert.deepEqual(findings("src/client.js", route.replace("`/api/", "`https://example.com/api/")), []);
  });
});

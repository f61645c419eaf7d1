import { strict as assert } from "node:assert";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";

const ROUTE = "/project/app/api/chat/route.ts";

function providersReported(code: string): string[] {
  const source = parseSource(ROUTE, code);
  assert.ok(source, "parses");
  return findUnlimitedAiRoutes(source).map((finding) => finding.data.provider);
}

describe("require-rate-limit: which provider a route calls", () => {
  it("names the provider of an OpenAI-compatible baseURL (Groq through the OpenAI SDK)", () => {
    const code = `import OpenAI from "openai";
const groq = new OpenAI({ apiKey: process.env.GROQ_API_KEY, baseURL: "https://api.groq.com/openai/v1" });
export async function POST(request: Request) {
  return Response.json(await groq.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), ["Groq"]);
  });

  it("still reports a server-key client built inside the handler", () => {
    const code = `import OpenAI from "openai";
export async function POST(request: Request) {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY || "" });
  return Response.json(await openai.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), ["OpenAI"]);
  });

  it("is quiet when the key comes from the user's profile (bring your own key)", () => {
    const code = `import OpenAI from "openai";
export async function POST(request: Request) {
  const profile = await getServerProfile();
  const openai = new OpenAI({ apiKey: profile.openai_api_key || "" });
  return Response.json(await openai.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), []);
  });

  it("is quiet for keys from the profile passed positionally or through a const", () => {
    const code = `import OpenAI from "openai";
import { GoogleGenerativeAI } from "@google/generative-ai";
export async function POST(request: Request) {
  const profile = await getServerProfile();
  const KEY = profile.azure_openai_api_key;
  const azure = new OpenAI({ apiKey: KEY });
  const genAI = new GoogleGenerativeAI(profile.google_gemini_api_key || "");
  await genAI.getGenerativeModel({ model: "gemini-2.0-flash" }).generateContent("hi");
  return Response.json(await azure.chat.completions.create(await request.json()));
}`;
    assert.deepEqual(providersReported(code), []);
  });
});

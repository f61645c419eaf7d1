/**
 * Whose key a provider call sends when it is looked up by a computed key (`template[nodeId].apiKey`)
 * or given in an SDK's token option (Replicate's `auth`, the AI SDK's `apiToken`, Luma's
 * `authToken`): the workflow owner's own key in their stored node template is theirs
 * (ai-graphic/Graphic-so's drive-activity notification, batch 140), the server's env is the server's.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { routeFindings } from "./route-findings";

const ROOT = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), "keyfence-looked-up-")));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const ROUTE = "app/api/notification/route.ts";
const found = (text: string) => routeFindings(ROOT, ROUTE, text).map((finding) => [finding.handler, finding.provider]);

/** Graphic-so's shape: each workflow of the notified resource runs its nodes with the key the owner typed in. */
const workflowRoute = (openAiKey: string, replicateToken: string) => `import axios from "axios";
import Replicate from "replicate";
import { db } from "@/lib/db";
export async function POST(req: Request) {
  const resourceId = req.headers.get("x-goog-resource-id");
  const flows = await db.workflow.findMany({ where: { resourceId } });
  await Promise.all(flows.map(async (flow) => {
    const template = JSON.parse(flow.aiTemplate!);
    for (const nodeId of flow.nodes) {
      await axios.post("https://api.openai.com/v1/chat/completions", { model: "gpt-4o-mini", messages: [] }, { headers: { Authorization: \`Bearer \${${openAiKey}}\` } });
      const replicate = new Replicate({ auth: ${replicateToken} });
      await replicate.run("owner/model:version", { input: { prompt: template[nodeId].prompt } });
    }
  }));
  return Response.json({ ok: true });
}
`;

/** A fetch whose key is looked up in `keys` by the provider's name. */
const lookupRoute = (prelude: string, key: string) => `${prelude}
export async function POST(req: Request) {
  const { keys, settings, provider, messages } = await req.json();
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { Authorization: \`Bearer \${${key}}\` },
    body: JSON.stringify({ model: "gpt-4o-mini", messages }),
  });
  return Response.json(await res.json());
}
`;

/** A helper whose fetch sends `table[provider]`, called with `table`. */
const helperRoute = (table: string) => `const SERVER_KEYS: Record<string, string | undefined> = { openai: process.env.OPENAI_API_KEY };
async function ask(table: Record<string, string | undefined>, provider: string, messages: unknown[]) {
  const res = await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", headers: { Authorization: \`Bearer \${table[provider]}\` }, body: JSON.stringify({ model: "gpt-4o-mini", messages }) });
  return res.json();
}
export async function POST(req: Request) {
  const body = await req.json();
  return Response.json(await ask(${table}, body.provider, body.messages));
}
`;

/** A client made with `options`, the caller's own token taken from the body. */
const clientRoute = (imports: string, client: string, call: string) => `${imports}
export async function POST(req: Request) {
  const { token, prompt } = await req.json();
  const client = ${client};
  return Response.json(await ${call});
}
`;

const REPLICATE = ['import Replicate from "replicate";', "client.run(\"owner/model:version\", { input: { prompt } })"];
const AI_SDK_REPLICATE = ['import { createReplicate } from "@ai-sdk/replicate";\nimport { experimental_generateImage as generateImage } from "ai";', 'generateImage({ model: client.image("owner/model"), prompt })'];
const LUMA = ['import LumaAI from "lumaai";', "client.generations.create({ prompt })"];

describe("require-rate-limit: a key looked up by a computed key, or given as an SDK's token", () => {
  it("is the workflow owner's when it comes from their stored template, and the server's from env", () => {
    assert.deepEqual(found(workflowRoute("template[nodeId].apiKey", "template[nodeId].apiKey")), []);
    assert.deepEqual(found(workflowRoute("process.env.OPENAI_API_KEY", "template[nodeId].apiKey")), [["POST", "OpenAI"]]);
    assert.deepEqual(found(workflowRoute("template[nodeId].apiKey", "process.env.REPLICATE_API_TOKEN")), [["POST", "Replicate"]]);
  });

  it("a lookup in what the caller sent is theirs; in the server's own table, the server's", () => {
    assert.deepEqual(found(lookupRoute("", "keys[provider]")), []);
    assert.deepEqual(found(lookupRoute("", "settings.keys[provider]")), []);
    assert.deepEqual(found(lookupRoute("const SERVER_KEYS: Record<string, string | undefined> = { openai: process.env.OPENAI_API_KEY };", "SERVER_KEYS[provider]")), [["POST", "OpenAI"]]);
  });

  it("a helper's parameter looked up in is the caller's only when the route hands it what they sent", () => {
    assert.deepEqual(found(helperRoute("body.keys")), []);
    assert.deepEqual(found(helperRoute("SERVER_KEYS")), [["POST", "OpenAI"]]);
  });

  it("Replicate's auth, the AI SDK's apiToken and Luma's authToken are the client's key", () => {
    const clients: Array<[string[], string, string, string]> = [
      [REPLICATE, "new Replicate({ auth: %s })", "process.env.REPLICATE_API_TOKEN", "Replicate"],
      [AI_SDK_REPLICATE, "createReplicate({ apiToken: %s })", "process.env.REPLICATE_API_TOKEN", "Replicate"],
      [LUMA, "new LumaAI({ authToken: %s })", "process.env.LUMAAI_API_KEY", "Luma AI"],
    ];
    for (const [[imports, call], client, envKey, provider] of clients) {
      assert.deepEqual(found(clientRoute(imports, client.replace("%s", "token"), call)), [], client);
      assert.deepEqual(found(clientRoute(imports, client.replace("%s", envKey), call)), [["POST", provider]], client);
    }
  });
});

/** The host-free analysis as the extension calls it: parseSource → findHardcodedKeys → Finding[]. */
import * as assert from "node:assert/strict";
import { parseSource } from "../../../eslint-plugin/src/engine/ast";
import { formatMessage } from "../../../eslint-plugin/src/engine/finding";
import { findHardcodedKeys, hardcodedKeyMessages } from "../../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { fakeKey } from "../../support/fake-keys";

const analyse = (text: string, file = "/project/src/app.ts", options = {}) => findHardcodedKeys(parseSource(file, text)!, options);

describe("findHardcodedKeys", () => {
  it("a key named for Gemini beside a Firebase config is Gemini's; the config's own apiKey stays public (thohahaha/VitaringApp, batch 83)", () => {
    const text = `export const environment = {\n  production: false,\n  firebase: { apiKey: "${fakeKey("google-ai")}", authDomain: "demo.firebaseapp.com", projectId: "demo" },\n  geminiApiKey: "${fakeKey("google-ai", undefined, 9)}",\n};`;
    const lines = analyse(text, "/project/src/environments/environment.ts").map((finding) => text.slice(0, finding.range.start).split("\n").length);
    assert.deepEqual(lines, [4]);
  });

  it("returns plain findings with redacted data and an in-file fix plan", () => {
    const key = fakeKey("anthropic");
    const text = `const client = new Anthropic({ apiKey: "${key}" });`;
    const [finding] = analyse(text);
    assert.equal(finding.ruleId, "no-hardcoded-keys");
    assert.equal(finding.messageId, "hardcodedKey");
    assert.equal(finding.file, "/project/src/app.ts");
    assert.equal(text.slice(finding.range.start, finding.range.end), key);
    assert.deepEqual(
      { providerId: finding.data.providerId, kindId: finding.data.kindId, envVar: finding.data.envVar },
      { providerId: "anthropic", kindId: "api-key", envVar: "ANTHROPIC_API_KEY" },
    );
    const message = formatMessage(hardcodedKeyMessages.hardcodedKey, finding.data);
    assert.ok(!message.includes(key), "message never holds the key");
    assert.ok(!JSON.stringify(finding.data).includes(key.slice(13, -4)), "data never holds the key");
    assert.match(message, /^Anthropic API key sk-ant-api03-…\w{4} is hardcoded.*revoke it at https:\/\/console\.anthropic\.com/);
    assert.deepEqual(finding.fixes, [
      {
        title: "Read the key from process.env.ANTHROPIC_API_KEY",
        isPreferred: true,
        edits: [
          {
            kind: "replace",
            file: "/project/src/app.ts",
            range: { start: text.indexOf(`"${key}"`), end: text.indexOf(`"${key}"`) + key.length + 2 },
            text: "process.env.ANTHROPIC_API_KEY",
          },
        ],
      },
    ]);
  });

  it("gives comments no fix plan", () => {
    const [finding] = analyse(`// ${fakeKey("groq")}`);
    assert.equal(finding.fixes, undefined);
  });

  it("honours ignoreFiles relative to cwd, and allow", () => {
    const text = `const k = "${fakeKey("groq")}";`;
    assert.equal(analyse(text, "/project/test/fixtures/a.ts", { ignoreFiles: ["test/fixtures/**"], cwd: "/project" }).length, 0);
    assert.equal(analyse(text, "/project/src/a.ts", { ignoreFiles: ["test/fixtures/**"], cwd: "/project" }).length, 1);
    assert.equal(analyse(text, "/project/src/a.ts", { allow: ["^gsk_"] }).length, 0);
  });

  it("reports an invalid allow pattern clearly", () => {
    assert.throws(() => analyse(`const k = 1;\n// ${fakeKey("groq")}`, "/p/a.ts", { allow: ["("] }), /invalid "allow" pattern/);
  });

  it("an AWS key id in a presigned URL's X-Amz-Credential is public by design; the same id elsewhere is reported", () => {
    // 1willcobb/chasing-summer (bench/real-apps): a presigned S3 URL pasted into a comment.
    const id = fakeKey("aws-bedrock", "access-key-id", 3, 1);
    const text = `// "https://b.s3.amazonaws.com/x.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${id}%2F20240712%2Fus-west-1%2Fs3%2Faws4_request"\nexport const k = "${id}";\n`;
    const source = parseSource("/tmp/presigned.ts", text)!;
    assert.deepEqual(findHardcodedKeys(source).map((f) => text.slice(0, f.range.start).split("\n").length), [2]);
  });

  it("is quiet on files without candidates and on code-only matches", () => {
    assert.deepEqual(analyse("export const x = 1;"), []);
    assert.deepEqual(analyse(`const re = /${fakeKey("groq")}/;`), []);
  });

  describe("a context-only key whose provider the file never names", () => {
    /** The file as the workspace scan gives it: its tree is built only if `ast` is read. */
    const lazily = (text: string) => {
      const built = { tree: false };
      const source = {
        file: "/project/src/langgraph.fixture.ts",
        text,
        lazyTree: true,
        get ast() {
          built.tree = true;
          return parseSource("/project/src/langgraph.fixture.ts", text)!.ast;
        },
      };
      return { findings: findHardcodedKeys(source), built };
    };
    const key = fakeKey("mistral");

    it("is dropped without building the tree", () => {
      // Mistral's keys are 32 alphanumerics: an id in a fixture, unless a name says Mistral.
      const { findings, built } = lazily(`export const runs = [{ id: "${key}", kind: "message", model: "gpt-4o" }];\n`);
      assert.deepEqual(findings, []);
      assert.equal(built.tree, false);
    });

    it("is still reported where a name says the provider, far from the key or close", () => {
      for (const text of [
        `const mistralApiKey = "${key}";`,
        `import { Mistral } from "@mistralai/mistralai";\nconst apiKey = "${key}";`,
        `new Mistral({ apiKey: "${key}" });`,
      ]) {
        const { findings, built } = lazily(text);
        assert.equal(findings.length, 1, text);
        assert.equal(built.tree, true);
      }
    });

    it("is reported in a credential slot when the file's URLs name the provider's host (gorkembayraktar/ai-video-creator, batch 46)", () => {
      const stability = fakeKey("stability");
      const header = `const headers = new Headers();\nheaders.append("Authorization", "Bearer ${stability}");\n`;
      const call = `export const draw = async (body) => fetch("https://api.stability.ai/v1/generation/sdxl/text-to-image", { method: "POST", headers, body });\n`;
      const withHost = lazily(`${header}${"// …\n".repeat(20)}${call}`).findings;
      assert.deepEqual(withHost.map((finding) => finding.data.providerId), ["stability"]);
      // A URL of another service names nothing: the key stays unconfirmed.
      assert.deepEqual(lazily(`${header}${call.replace("api.stability.ai", "api.example.com")}`).findings, []);
      // Nor does a host confirm a key outside a credential slot (an id in a fixture).
      assert.deepEqual(lazily(`export const run = { id: "${stability}" };\n${call}`).findings, []);
    });

    it("is reported in a credential slot when a string of the file is the provider's API host (yoyocubano/luxelectricweb1, batch 78)", () => {
      // Node's https.request takes the host alone: `{ hostname: "api.deepseek.com", path: "/chat/completions" }`.
      const deepseek = fakeKey("deepseek");
      const script = (host: string) => `const https = require("https");\nconst apiKey = "${deepseek}";\nconst options = { hostname: '${host}', path: "/chat/completions", method: "POST", headers: { Authorization: \`Bearer \${apiKey}\` } };\nhttps.request(options);\n`;
      assert.deepEqual(lazily(script("api.deepseek.com")).findings.map((finding) => finding.data.providerId), ["deepseek"]);
      assert.deepEqual(lazily(script("api.example.com")).findings, []);
    });

    it("is reported in a commented-out request's credential slot when the file's URLs name the host (Alexwhitee/tarot-3, batch 56)", () => {
      const zhipu = fakeKey("zhipu");
      const commented = (host: string, slot: string) =>
        `export const ask = (body) => body;\n// const response = await fetch("https://${host}/api/paas/v4/chat/completions", {\n//   "headers": {\n//     ${slot}\n//   },\n// });\n`;
      const found = lazily(commented("open.bigmodel.cn", `"Authorization": "Bearer ${zhipu}",`)).findings;
      assert.deepEqual(found.map((finding) => finding.data.providerId), ["zhipu"]);
      // Another service's host names nothing; nor does the host confirm a key outside a credential slot.
      assert.deepEqual(lazily(commented("api.example.com", `"Authorization": "Bearer ${zhipu}",`)).findings, []);
      assert.deepEqual(lazily(commented("open.bigmodel.cn", `"X-Request-Id": "${zhipu}",`)).findings, []);
    });

    it("leaves text whose escapes spell letters to the tree, which reads them", () => {
      // "\x6d" is "m": the key's property is named mistral_api_key once the string is read.
      const { findings, built } = lazily(`const config = { "\\x6distral_api_key": "${key}" };`);
      assert.equal(built.tree, true);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].data.providerId, "mistral");
    });
  });
});

import * as assert from "node:assert/strict";
import { scanText } from "../../../eslint-plugin/src/engine/keys";
import { envVarFor } from "../../../eslint-plugin/src/engine/providers";
import { allFakeKeys, fakeKey, randomRun } from "../../support/fake-keys";

const ids = (text: string, context?: string[]) =>
  scanText(text, { context }).map((m) => `${m.provider.id}/${m.kind.id}`);

describe("scanText", () => {
  it("finds an earlier Perplexity key, pplx- and 48 lower-case hex (itisaevalex/mistr-agent, batch 80)", () => {
    assert.deepEqual(ids(`const PERPLEXITY_API_KEY = process.env.PERPLEXITY_API_KEY || "pplx-${randomRun("hexLower", 48, 7)}";`), ["perplexity/api-key"]);
  });

  describe("every provider kind", () => {
    for (const { provider, kind, formatIndex, key } of allFakeKeys()) {
      const label = `${provider.id}/${kind.id}#${formatIndex}`;
      if (kind.publicByDesign) {
        it(`${label} is public by design: never reported`, () => {
          assert.deepEqual(ids(`const k = "${key}";`, [envVarFor(provider, kind)]), []);
        });
        continue;
      }
      it(`${label} is found and attributed${kind.selfIdentifying ? "" : " with context"}`, () => {
        const context = kind.selfIdentifying ? [] : [envVarFor(provider, kind)];
        const text = `const value = "${key}";`;
        const matches = scanText(text, { context });
        assert.equal(matches.length, 1, `${label}: ${matches.map((m) => m.provider.id).join()}`);
        assert.equal(matches[0].provider.id, provider.id);
        assert.equal(matches[0].kind.id, kind.id);
        assert.equal(text.slice(matches[0].start, matches[0].end), key);
        assert.ok(!matches[0].redacted.includes(key.slice(4, -4)), "redacted");
      });
      if (!kind.selfIdentifying) {
        it(`${label} needs context`, () => {
          assert.deepEqual(ids(`const value = "${key}";`), []);
          assert.deepEqual(ids(`const value = "${key}";`, ["commitSha"]), []);
        });
      }
    }
  });

  it("finds keys after NAME= in the same text (context window)", () => {
    const mistral = fakeKey("mistral");
    assert.deepEqual(ids(`MISTRAL_API_KEY=${mistral}\n`), ["mistral/api-key"]);
    assert.deepEqual(ids(`# deepseek key: ${fakeKey("deepseek")}`), ["deepseek/api-key"]);
    assert.deepEqual(ids(`x\\nGROQ_API_KEY=${fakeKey("groq")}\\n`), ["groq/api-key"]);
  });

  it("a first-generation ElevenLabs key (32 hex) under a name that says ELEVEN_API, not under one that says nothing", () => {
    // randamit123/mockinterviewrep (bench/real-apps): NEXT_PUBLIC_ELEVEN_API in a tracked .env.
    const legacy = fakeKey("elevenlabs", "legacy-key");
    assert.deepEqual(ids(`NEXT_PUBLIC_ELEVEN_API=${legacy}\n`), ["elevenlabs/legacy-key"]);
    assert.deepEqual(ids(`BUILD_HASH=${legacy}\n`), []);
  });

  it("finds keys in URLs, headers and after escapes", () => {
    const groq = fakeKey("groq");
    assert.deepEqual(ids(`https://x.test/?k=${groq}&y=1`), ["groq/api-key"]);
    assert.deepEqual(ids(`Authorization: Bearer ${groq}`), ["groq/api-key"]);
    assert.deepEqual(ids(`"line\\n${groq}"`), ["groq/api-key"]);
    assert.deepEqual(ids(`my key is ${groq}.`), ["groq/api-key"]);
  });

  it("attributes the sk- family correctly", () => {
    assert.deepEqual(ids(`"${fakeKey("anthropic")}"`), ["anthropic/api-key"]);
    assert.deepEqual(ids(`"${fakeKey("openrouter")}"`), ["openrouter/api-key"]);
    assert.deepEqual(ids(`"${fakeKey("openai", "user-key")}"`), ["openai/user-key"]);
    assert.deepEqual(ids(`"${fakeKey("minimax")}"`), ["minimax/api-key"]);
    assert.deepEqual(ids(`"${fakeKey("langfuse")}"`), ["langfuse/secret-key"]);
    // sk- + 48 alnum is Stability or Moonshot: the context decides.
    const sk48 = fakeKey("stability");
    assert.deepEqual(ids(`"${sk48}"`, ["STABILITY_API_KEY"]), ["stability/api-key"]);
    assert.deepEqual(ids(`"${sk48}"`, ["kimiKey"]), ["moonshot/api-key"]);
    assert.deepEqual(ids(`"${sk48}"`), []);
    // An OpenAI-looking body without the T3BlbkFJ marker is not OpenAI.
    assert.deepEqual(ids(`"sk-${randomRun("alnum", 48, 3)}"`), []);
  });

  it("a key whose format has a marker is found with characters glued before its prefix (OLVCORE/exceltta-backend's .env)", () => {
    const project = fakeKey("openai", "project-key");
    const legacy = fakeKey("openai", "user-key");
    const found = (text: string) => scanText(text).map((m) => [`${m.provider.id}/${m.kind.id}`, m.value === project || m.value === legacy]);
    // A stray keystroke, a lost "=", a name glued on: the key is the part from its prefix on.
    assert.deepEqual(found(`OPENAI_API_KEY=s${project}`), [["openai/project-key", true]]);
    assert.deepEqual(found(`OPENAI_API_KEY${project}`), [["openai/project-key", true]]);
    assert.deepEqual(found(`key: "xx${legacy}"`), [["openai/user-key", true]]);
    assert.equal(scanText(`OPENAI_API_KEY=s${project}`)[0].redacted.startsWith("sk-proj-"), true);
    // Characters glued after the key make it another string, and a format without a marker
    // (Groq's gsk_ + 52) is found only at a token's edge.
    assert.deepEqual(found(`OPENAI_API_KEY=${legacy}x`), []);
    assert.deepEqual(ids(`GROQ_API_KEY=x${fakeKey("groq")}`), []);
  });

  it("the first service-account keys: the legacy key's 20 + marker + 20 under `sk-svcacct-` (asmtv1/gptbot's tracked .env, batch 188)", () => {
    const legacy = fakeKey("openai", "user-key");
    const early = `sk-svcacct-${legacy.slice("sk-".length)}`;
    assert.equal(early.length, 59);
    const found = scanText(`OPENAI_KEY=${early}`).map((m) => [`${m.provider.id}/${m.kind.id}`, m.value === early]);
    assert.deepEqual(found, [["openai/service-account-key", true]]);
  });

  it("an 84-character Azure key is Azure OpenAI only with Cognitive Services' signature, ACOG (not Communication Services' AZCS: federico722/back-end-clinic-pets, batch 37)", () => {
    const azure = fakeKey("azure-openai");
    assert.equal(azure.slice(76, 80), "ACOG");
    assert.deepEqual(ids(`const key = "${azure}";`), ["azure-openai/api-key"]);
    const communication = `${azure.slice(0, 76)}AZCS${azure.slice(80)}`;
    assert.deepEqual(ids(`const connectionString = "endpoint=https://mail.unitedstates.communication.azure.com/;accesskey=${communication}";`), []);
  });

  it("Databricks tokens keep their -N suffix", () => {
    const token = fakeKey("databricks", "personal-access-token", 1, 0);
    const [match] = scanText(`"${token}"`);
    assert.equal(match.value, token);
  });

  it("keeps base64 padding with Bedrock keys", () => {
    const key = fakeKey("aws-bedrock", "bedrock-api-key");
    const base = key.replace(/=+$/, "");
    const [match] = scanText(`"${base}=="`);
    assert.equal(match.value, `${base}==`);
  });

  it("finds a key with a separator written right after it: git-filter-repo's `KEY==>REMOVED` (Vivek-Semwal/Optimism-Pay-Receipt-Generator, batch 127)", () => {
    for (const [provider, kind] of [["openai", "project-key"], ["anthropic", "api-key"], ["groq", "api-key"]] as const) {
      const key = fakeKey(provider, kind);
      for (const text of [`${key}==>REMOVED_API_KEY`, `${key}=>x`, `// ${key}==`]) {
        const [match] = scanText(text);
        assert.equal(match?.value, key, `${provider}: ${text.slice(-16)}`);
      }
    }
    // Bedrock's own padding stays part of the key (above).
  });

  describe("never reports", () => {
    const hex = (n: number, seed = 1) => randomRun("hexLower", n, seed);
    const alnum = (n: number, seed = 1) => randomRun("alnum", n, seed);
    const cases: Array<[string, string]> = [
      ["sk-... elision", `"sk-..."`],
      ["sk-xxxx placeholder", `"sk-${"x".repeat(48)}"`],
      ["sk-proj-xxxx placeholder", `"sk-proj-${"x".repeat(60)}T3BlbkFJ${"x".repeat(60)}"`],
      ["your-api-key-here", `"your-api-key-here"`],
      ["REPLACE_ME", `"REPLACE_ME"`],
      ["<OPENAI_API_KEY>", `"<OPENAI_API_KEY>"`],
      ["${VAR}", "`${OPENAI_API_KEY}`"],
      ["repeated characters gsk_", `"gsk_${"a".repeat(52)}"`],
      ["sequence", `"gsk_abcdef123456${alnum(40)}"`],
      ["example word", `"gsk_EXAMPLE${alnum(45)}"`],
      ["dummy word", `"hf_dummy${randomRun("alpha", 29)}"`],
      ["AWS docs key", `"AKIA${"IOSFODNN7EXAMPLE"}"`],
      ["redacted", `"pplx-REDACTED${alnum(40)}"`],
      ["UUID", `"${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}"`],
      ["git SHA", `"${hex(40)}"`],
      ["SHA-256", `"${hex(64)}"`],
      ["md5", `"${hex(32)}"`],
      ["SRI hash", `"sha384-${randomRun("base64", 64)}"`],
      ["data URI", `"data:image/png;base64,${randomRun("base64", 2000)}AIza${randomRun("base64url", 35, 9)}/x"`],
      ["JWT", `"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${randomRun("base64url", 40)}.${randomRun("base64url", 43)}"`],
      ["chat completion id", `"chatcmpl-${alnum(32)}"`],
      ["message id", `"msg_01${alnum(22)}"`],
      ["tool call id", `"call_${alnum(24)}"`],
      ["response id", `"resp_${hex(48)}"`],
      ["module path", `import { x } from "./xai-chat-language-model";`],
      ["model id", `"claude-3-5-sonnet-20241022" "gpt-4o-2024-08-06" "mistral-large-latest"`],
      ["camelCase identifier", `getConfigFileParsingDiagnostics1Cache`],
      ["Stripe publishable key", `"pk_live_${alnum(24)}"`],
      ["Langfuse public key", `"pk-lf-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}"`],
      ["hf_ identifier (an Objective-C name, built here so no key-shaped literal is stored)", ["hf", "requiredCharacteristic", "TypesForService"].join("_")],
      ["fw_ identifier", `fw_updateFirmwareVersionNumbers`],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(ids(text), []));
  });

  it("a Firebase web config pasted into a page or an env file is public; a Gemini key named so beside it is not (kOpHAIvU/SE347_Roadmap, batch 111)", () => {
    const key = fakeKey("google-ai");
    const html = `<script>\n  const firebaseSettings = {\n    apiKey: '${key}',\n    authDomain: 'roadmap.firebaseapp.com',\n    projectId: 'roadmap',\n    messagingSenderId: '123456789',\n  };\n</script>\n`;
    assert.deepEqual(ids(html), []);
    const env = `apiKey = '${key}',\nauthDomain = 'roadmap.firebaseapp.com',\nprojectId = 'roadmap',\n`;
    assert.deepEqual(ids(env), []);
    // Its own name says Gemini: Gemini's, whatever sits beside it.
    assert.deepEqual(ids(`GEMINI_API_KEY=${key}\nFIREBASE_AUTH_DOMAIN=roadmap.firebaseapp.com\n`), ["google-ai/api-key"]);
    // A Maps key's name on the next line says nothing of this one (adnaniftekhar/michi-app's setup notes).
    assert.deepEqual(ids(`PLACES_API_KEY=${key}\nNEXT_PUBLIC_MAPS_BROWSER_KEY=set-in-console\n`), ["google-ai/api-key"]);
    // A Firebase config further than three lines away says nothing of this key.
    assert.deepEqual(ids(`API_KEY=${key}\n\n\n\n\nauthDomain = 'roadmap.firebaseapp.com'\n`), ["google-ai/api-key"]);
  });

  it("honours allow patterns", () => {
    const groq = fakeKey("groq");
    assert.deepEqual(scanText(`"${groq}"`, { allow: [new RegExp(groq.slice(-6) + "$")] }), []);
    assert.equal(scanText(`"${groq}"`, { allow: [/^nomatch$/] }).length, 1);
  });

  it("is quiet on empty, short and binary-looking input", () => {
    assert.deepEqual(scanText(""), []);
    assert.deepEqual(scanText("\u0000\u0001\uffff"), []);
  });
});

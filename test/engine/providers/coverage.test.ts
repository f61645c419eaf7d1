/**
 * The pinned lists of AI SDK packages and LangChain.js integrations (ai-sdk-packages.json, see
 * README.md here) against the catalogue: every provider they name has a record that knows its
 * package and its factory or class, so a new provider is a failing test, not a silent miss.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { providerById, providerForEnvName, providerForSdk, providers } from "../../../eslint-plugin/src/engine/providers";
import { isSecretEnvName } from "../../../eslint-plugin/src/engine/client";

interface Pinned {
  aiSdk: { providers: Record<string, { catalogue: string; factory: string }>; notProviders: string[] };
  langchain: { packages: Record<string, string>; communityClasses: Record<string, string> };
}

const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, "ai-sdk-packages.json"), "utf8")) as Pinned;

describe("provider coverage: every AI SDK and LangChain.js provider has a catalogue record", () => {
  it("lists each @ai-sdk/* package once, as a provider or not", () => {
    const names = [...Object.keys(pinned.aiSdk.providers), ...pinned.aiSdk.notProviders];
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^@ai-sdk\/[a-z0-9-]+$/);
    assert.ok(Object.keys(pinned.aiSdk.providers).length >= 40);
  });

  for (const [pkg, { catalogue, factory }] of Object.entries(pinned.aiSdk.providers)) {
    it(`${pkg} → ${catalogue} (package and ${factory})`, () => {
      assert.ok(providerById(catalogue), `no catalogue record "${catalogue}" for ${pkg}`);
      assert.equal(providerForSdk(pkg)?.id, catalogue, `${pkg} is not in ${catalogue}.sdkPackages`);
      assert.equal(providerForSdk(`${pkg}/internal`)?.id, catalogue);
      assert.equal(providerForSdk(factory)?.id, catalogue, `${factory} is not in ${catalogue}.sdkConstructors`);
    });
  }

  for (const [pkg, catalogue] of Object.entries(pinned.langchain.packages)) {
    it(`${pkg} → ${catalogue}`, () => assert.equal(providerForSdk(pkg)?.id, catalogue));
  }

  for (const [name, catalogue] of Object.entries(pinned.langchain.communityClasses)) {
    it(`@langchain/community ${name} → ${catalogue}`, () => assert.equal(providerForSdk(name)?.id, catalogue));
  }

  it("no package is claimed by two providers", () => {
    const owner = new Map<string, string>();
    for (const provider of providers) {
      for (const pkg of provider.sdkPackages ?? []) {
        if (pkg === "@langchain/community") continue;
        assert.equal(owner.get(pkg) ?? provider.id, provider.id, `${pkg}: ${owner.get(pkg)} and ${provider.id}`);
        owner.set(pkg, provider.id);
      }
    }
  });

  describe("secret names come from the catalogue, not from an _API_KEY suffix", () => {
    const cases: Array<[string, string]> = [
      ["PRODIA_TOKEN", "prodia"],
      ["GMI_CLOUD_APIKEY", "gmicloud"],
      ["KLINGAI_ACCESS_KEY", "klingai"],
      ["KLINGAI_SECRET_KEY", "klingai"],
      ["FAL_KEY", "fal"],
      ["BFL_API_KEY", "black-forest-labs"],
      ["ARK_API_KEY", "bytedance"],
      ["DASHSCOPE_API_KEY", "alibaba"],
      ["ALIBABA_API_KEY", "alibaba"],
      ["DEEPINFRA_API_TOKEN", "deepinfra"],
      ["FRIENDLI_TOKEN", "friendli"],
      ["GRADIENT_ACCESS_TOKEN", "gradient"],
      ["WATSONX_AI_APIKEY", "ibm-watsonx"],
      ["TENCENT_SECRET_KEY", "tencent-hunyuan"],
      ["IFLYTEK_API_SECRET", "iflytek"],
      ["NEXT_PUBLIC_PRODIA_TOKEN", "prodia"],
      ["VITE_GMI_CLOUD_APIKEY", "gmicloud"],
    ];
    for (const [name, id] of cases) {
      it(`${name} is a ${id} secret`, () => {
        assert.equal(providerForEnvName(name)?.id, id);
        assert.equal(isSecretEnvName(name), true);
      });
    }

    it("every provider's own env names are secret names attributed to it", () => {
      for (const provider of providers) {
        // An access key *id* (AWS_ACCESS_KEY_ID) names the key, it is not the secret half.
        for (const name of [provider.envVar, ...(provider.envVarAliases ?? [])].filter((n) => !n.endsWith("_ID"))) {
          assert.equal(providerForEnvName(name)?.id, provider.id, name);
          assert.equal(isSecretEnvName(name), true, name);
        }
      }
    });

    it("ids, URLs and regions next to a key are not secrets", () => {
      for (const name of ["FRIENDLI_TEAM", "CLOUDFLARE_ACCOUNT_ID", "QUIVERAI_BASE_URL", "ALIBABA_REGION", "GRADIENT_WORKSPACE_ID", "WATSONX_AI_URL"]) {
        assert.equal(isSecretEnvName(name), false, name);
      }
    });
  });

  it("SDKs apps still use beyond the AI SDK and LangChain: openai-edge (tierrun/tier-vercel-openai, batch 40)", () => {
    assert.equal(providerForSdk("openai-edge")?.id, "openai");
    // The chatgpt package's ChatGPTAPI (gragland/chatgpt-chrome-extension's server, batch 67).
    assert.equal(providerForSdk("chatgpt")?.id, "openai");
  });
});

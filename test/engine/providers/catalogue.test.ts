import * as assert from "node:assert/strict";
import {
  contextWordsFor,
  envVarFor,
  providerById,
  providerForEnvName,
  modelProviderForHost,
  providerForHost,
  providerForSdk,
  providers,
  revokeUrlFor,
} from "../../../eslint-plugin/src/engine/providers";

describe("provider catalogue", () => {
  it("covers at least 66 providers, each with env var, revoke URL and context words", () => {
    assert.ok(providers.length >= 66, `only ${providers.length} providers`);
    for (const provider of providers) {
      assert.match(provider.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, provider.id);
      assert.match(provider.envVar, /^[A-Z][A-Z0-9_]*$/, `${provider.id} envVar`);
      assert.match(provider.revokeUrl, /^https:\/\//, `${provider.id} revokeUrl`);
      assert.ok(provider.contextWords.length > 0, `${provider.id} contextWords`);
      assert.ok(provider.kinds.length > 0, `${provider.id} kinds`);
      for (const kind of provider.kinds) {
        // A kind without a published format is found by name only, so it cannot claim a shape.
        assert.ok(kind.formats.length > 0 || !kind.selfIdentifying, `${provider.id}/${kind.id} formats`);
        assert.match(envVarFor(provider, kind), /^[A-Z][A-Z0-9_]*$/);
        assert.match(revokeUrlFor(provider, kind), /^https:\/\//);
        assert.ok(contextWordsFor(provider, kind).length > 0);
      }
    }
  });

  it("has unique ids and unique kind ids per provider", () => {
    assert.equal(new Set(providers.map((p) => p.id)).size, providers.length);
    for (const provider of providers) {
      assert.equal(new Set(provider.kinds.map((k) => k.id)).size, provider.kinds.length, provider.id);
    }
  });

  it("includes every provider named in the research", () => {
    const expected = [
      "openai", "anthropic", "google-ai", "google-vertex", "azure-openai", "aws-bedrock", "huggingface",
      "groq", "replicate", "mistral", "cohere", "perplexity", "deepseek", "xai", "together", "fireworks",
      "openrouter", "elevenlabs", "assemblyai", "deepgram", "stability", "langsmith", "pinecone", "voyage",
      "cerebras", "vercel-ai-gateway", "nvidia", "wandb", "databricks", "runpod", "runway", "moonshot",
      "minimax", "zhipu", "langfuse", "github",
    ];
    for (const id of expected) assert.ok(providerById(id), id);
    assert.deepEqual(
      providerById("openai")!.kinds.map((k) => k.id),
      ["project-key", "service-account-key", "admin-key", "user-key"],
    );
  });

  describe("providerForEnvName", () => {
    const cases: Array<[string, string | undefined]> = [
      ["OPENAI_API_KEY", "openai"],
      ["NEXT_PUBLIC_OPENAI_API_KEY", "openai"],
      ["VITE_ANTHROPIC_API_KEY", "anthropic"],
      ["GROQ_KEY", "groq"],
      ["MY_MISTRAL_TOKEN", "mistral"],
      ["CO_API_KEY", "cohere"],
      ["HF_TOKEN", "huggingface"],
      ["AZURE_OPENAI_API_KEY", "azure-openai"],
      ["MY_AZURE_OPENAI_TOKEN", "azure-openai"],
      ["AWS_SECRET_ACCESS_KEY", "aws-bedrock"],
      ["GEMINI_API_KEY", "google-ai"],
      ["GOOGLE_GENERATIVE_AI_API_KEY", "google-ai"],
      ["LANGFUSE_SECRET_KEY", "langfuse"],
      ["LANGFUSE_PUBLIC_KEY", undefined],
      ["NEXT_PUBLIC_FIREBASE_API_KEY", undefined],
      ["OPENAI_BASE_URL", undefined],
      ["DATABASE_URL", undefined],
      ["XAI_API_KEY", "xai"],
      ["GITHUB_TOKEN", "github"],
      // A number of tokens names no key (luxtelos/agentic-cpa-poc logged VITE_CLAUDE_MAX_TOKENS, batch 48).
      ["VITE_CLAUDE_MAX_TOKENS", undefined],
      ["OPENAI_TOKEN_LIMIT", undefined],
      ["maxOutputTokens", undefined],
      ["OPENAI_TOKEN", "openai"],
      // Where a key is kept is no key: orev7s/pr-reviewer logs the path (batch 82).
      ["GITHUB_APP_PRIVATE_KEY_PATH", undefined],
      ["OPENAI_API_KEY_DIR", undefined],
      ["OPENAI_API_KEY_FILE_PATH", undefined],
      // LangChain.js agents' web search tool, billed per query (batch 52).
      ["TAVILY_API_KEY", "tavily"],
      // An OAuth app's credentials sign users in and call no model (enesbala5/syngenta's Dockerfiles, batch 57);
      // Azure's service principal secret signs in to Azure OpenAI as well.
      ["GOOGLE_CLIENT_SECRET", undefined],
      ["GITHUB_CLIENT_SECRET", undefined],
      ["NEXT_PUBLIC_GOOGLE_CLIENT_ID", undefined],
      ["AZURE_CLIENT_SECRET", "azure-openai"],
      // Azure's other services by name are not Azure OpenAI (Darko-Martinovic/react-mcp-client's AI Search, batch 102).
      ["AZURE_SEARCH_APIKEY", undefined],
      ["AZURE_STORAGE_KEY", undefined],
      ["AZURE_COSMOSDB_KEY", undefined],
      ["AZURE_KEY", "azure-openai"],
      ["VITE_AOAI_APIKEY", "azure-openai"],
    ];
    for (const [name, id] of cases) {
      it(`${name} → ${id ?? "none"}`, () => assert.equal(providerForEnvName(name)?.id, id));
    }
  });

  it("providerForHost matches hosts, wildcards and URLs", () => {
    assert.equal(providerForHost("api.groq.com")?.id, "groq");
    assert.equal(providerForHost("https://api.openai.com/v1/chat/completions")?.id, "openai");
    assert.equal(providerForHost("my-resource.openai.azure.com")?.id, "azure-openai");
    assert.equal(providerForHost("bedrock-runtime.us-east-1.amazonaws.com")?.id, "aws-bedrock");
    assert.equal(providerForHost("https://api.mistral.ai:443/v1")?.id, "mistral");
    assert.equal(providerForHost("example.com"), undefined);
    assert.equal(providerForHost("s3.amazonaws.com"), undefined);
    // Replicate's website API takes the same token; its file host runs no model.
    assert.equal(providerForHost("https://replicate.com/api/models/owner/model/versions/v/predictions")?.id, "replicate");
    assert.equal(providerForHost("replicate.delivery"), undefined);
  });

  it("modelProviderForHost: a shared host runs a model only at the provider's model paths, when the path is written", () => {
    // louise36-g/MysticOracle (batch 94) purges Cloudflare's cache on api.cloudflare.com.
    assert.equal(modelProviderForHost("https://api.cloudflare.com/client/v4/zones/zone-id/purge_cache"), undefined);
    assert.equal(modelProviderForHost("https://api.cloudflare.com/client/v4/accounts/account-id/ai/run/@cf/meta/llama-3-8b-instruct")?.id, "cloudflare-workers-ai");
    assert.equal(modelProviderForHost("api.cloudflare.com")?.id, "cloudflare-workers-ai", "no path written: counted");
    assert.equal(modelProviderForHost("https://api.github.com/repos/o/r"), undefined);
    assert.equal(modelProviderForHost("https://api.openai.com/v1/chat/completions")?.id, "openai");
  });

  it("providerForSdk matches packages, subpaths and constructors", () => {
    assert.equal(providerForSdk("openai")?.id, "openai");
    assert.equal(providerForSdk("openai/resources/chat")?.id, "openai");
    assert.equal(providerForSdk("@ai-sdk/mistral")?.id, "mistral");
    assert.equal(providerForSdk("@anthropic-ai/sdk/resources")?.id, "anthropic");
    assert.equal(providerForSdk("Groq")?.id, "groq");
    assert.equal(providerForSdk("AzureOpenAI")?.id, "azure-openai");
    assert.equal(providerForSdk("react"), undefined);
  });
});

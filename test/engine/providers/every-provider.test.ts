/**
 * Generated from the catalogue: for every provider, a secret read in browser code, a browser
 * client built through its SDKs (its `@ai-sdk/*` factory, its own SDK packages and classes) and a
 * route calling it without a limit are each reported and attributed to that provider; its
 * publishable names are not reported. Real fixture app (test/fixtures/apps/next-app-router) and
 * real route path, through the same engine entry points the ESLint rules and the extension use.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource } from "../../../eslint-plugin/src/engine/ast";
import { findClientAiCalls, findClientSecrets, findPublicSecrets, providerOfEnvName } from "../../../eslint-plugin/src/engine/client";
import { findUnlimitedAiRoutes } from "../../../eslint-plugin/src/engine/server-route";
import { providerForSdk, providers } from "../../../eslint-plugin/src/engine/providers";
import type { Provider } from "../../../eslint-plugin/src/engine/providers/types";
import { FIXTURES } from "../../server-route/fixture-project";
import { APPS } from "../../client/support";

const BROWSER_FILE = path.join(APPS, "next-app-router", "app", "chat", "chat-box.tsx");
const ROUTE_FILE = path.join(FIXTURES, "rules", "app", "api", "chat", "route.ts");

const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, "ai-sdk-packages.json"), "utf8")) as {
  aiSdk: { providers: Record<string, { catalogue: string; factory: string }> };
};
/** provider id → its AI SDK packages and factories. */
const aiSdkOf = new Map<string, Array<{ pkg: string; factory: string }>>();
for (const [pkg, { catalogue, factory }] of Object.entries(pinned.aiSdk.providers)) {
  aiSdkOf.set(catalogue, [...(aiSdkOf.get(catalogue) ?? []), { pkg, factory }]);
}

function parse(file: string, code: string) {
  const source = parseSource(file, code);
  assert.ok(source, `parses:\n${code}`);
  return source;
}

/** A browser-code client read of `name`, and the names KeyFence reports in it. */
function browserSecretReads(name: string): string[] {
  const source = parse(BROWSER_FILE, `"use client";\nexport const k = process.env.${name};\n`);
  return findClientSecrets(source)
    .filter((finding) => finding.messageId === "clientSecret")
    .map((finding) => finding.data.name);
}

/** What no-client-ai-calls reports for a browser file: the providers named. */
function browserCallProviders(code: string): string[] {
  return findClientAiCalls(parse(BROWSER_FILE, `"use client";\n${code}`)).map((finding) => finding.data.provider);
}

/** Packages whose own API is not a client constructor taking a key in its options. */
const nonClientPackage = (pkg: string) => pkg === "@langchain/community";

function secretNames(provider: Provider): string[] {
  return [provider.envVar, ...(provider.envVarAliases ?? [])].filter((name) => !name.endsWith("_ID"));
}

describe("every catalogue provider, generated", () => {
  it("covers every provider (the catalogue is not empty)", () => assert.ok(providers.length >= 66));

  for (const provider of providers) {
    describe(provider.name, () => {
      const publicKey = `NEXT_PUBLIC_${provider.envVar}`;

      it("a secret read in browser code is reported and attributed", () => {
        for (const name of secretNames(provider)) {
          assert.deepEqual(browserSecretReads(name), [name], name);
          assert.equal(providerOfEnvName(name)?.id, provider.id, name);
        }
        const prefixed = findPublicSecrets(parse(BROWSER_FILE, `"use client";\nexport const k = process.env.${publicKey};\n`));
        assert.deepEqual(prefixed.map((finding) => finding.data.name), [publicKey]);
      });

      for (const { pkg, factory } of aiSdkOf.get(provider.id) ?? []) {
        it(`a browser client from ${pkg} (${factory}) is reported and attributed`, () => {
          const code = `import { ${factory} } from "${pkg}";\nconst client = ${factory}({ apiKey: process.env.${publicKey} });\n`;
          assert.deepEqual(browserCallProviders(code), [provider.name]);
        });
      }

      it("a browser client from each of its own SDK packages is reported and attributed", () => {
        for (const pkg of (provider.sdkPackages ?? []).filter((name) => !nonClientPackage(name))) {
          if (providerForSdk(pkg)?.id !== provider.id) continue; // claimed by an earlier record (asserted in coverage.test)
          const code = `import Client from "${pkg}";\nconst client = new Client({ apiKey: process.env.${publicKey} });\n`;
          assert.deepEqual(browserCallProviders(code), [provider.name], pkg);
        }
      });

      it("a browser client built with each of its SDK classes and factories is reported and attributed", () => {
        for (const name of provider.sdkConstructors ?? []) {
          if (providerForSdk(name)?.id !== provider.id) continue;
          const code = `const client = new ${name}({ apiKey: process.env.${publicKey} });\n`;
          assert.deepEqual(browserCallProviders(code), [provider.name], name);
        }
      });

      it(provider.tracing ? "a route calling only it is not asked for a rate limit (a tracing service)" : "a route calling it without a rate limit is reported and attributed", () => {
        const [sdk] = aiSdkOf.get(provider.id) ?? [];
        // A package or class of the provider's that runs no model (Octokit, the Hugging Face Hub) is checked below.
        const modelApi = (name: string) => !provider.nonModelApis?.packages?.includes(name) && !provider.nonModelApis?.constructors?.includes(name);
        const ownPackage = (provider.sdkPackages ?? []).find((name) => !nonClientPackage(name) && modelApi(name) && providerForSdk(name)?.id === provider.id);
        const constructorName = (provider.sdkConstructors ?? []).find((name) => modelApi(name) && providerForSdk(name)?.id === provider.id);
        const variants: string[] = [];
        if (sdk) {
          variants.push(`import { generateText } from "ai";
import { ${sdk.factory} } from "${sdk.pkg}";
const provider = ${sdk.factory}({ apiKey: process.env.${provider.envVar} });
export async function POST(request: Request) {
  const { prompt } = await request.json();
  return Response.json(await generateText({ model: provider("model"), prompt }));
}`);
        }
        // A service that is not a model (a vector database) runs one only in its model methods.
        const modelCall = provider.modelMethods ? provider.modelMethods[0] : "chat.completions.create";
        if (ownPackage) {
          variants.push(`import Client from "${ownPackage}";
const client = new Client({ apiKey: process.env.${provider.envVar} });
export async function POST(request: Request) {
  return Response.json(await client.${modelCall}(await request.json()));
}`);
        }
        if (constructorName) {
          variants.push(`const client = new ${constructorName}({ apiKey: process.env.${provider.envVar} });
export async function POST(request: Request) {
  return Response.json(await client.invoke(await request.json()));
}`);
        }
        const nonModel = [
          ...(provider.modelMethods && ownPackage
            ? [`import Client from "${ownPackage}";
const client = new Client({ apiKey: process.env.${provider.envVar} });
export async function POST(request: Request) {
  return Response.json(await client.index("docs").query(await request.json()));
}`]
            : []),
          ...(provider.nonModelApis?.packages ?? []).map((pkg) => `import Client from "${pkg}";
const client = new Client({ auth: process.env.${provider.envVar} });
export async function POST(request: Request) {
  return Response.json(await client.request(await request.json()));
}`),
          ...(provider.nonModelApis?.hosts ?? []).map((host) => `export async function GET() {
  return Response.json(await (await fetch("https://${host}/status", { headers: { Authorization: \`Bearer \${process.env.${provider.envVar}}\` } })).json());
}`),
        ];
        assert.ok(variants.length + nonModel.length > 0, `${provider.id} has no SDK package or constructor to call it with`);
        // A tracing service (Langfuse, LangSmith) spends no model quota: such a route is not reported.
        const expected = provider.tracing ? [] : [provider.name];
        for (const code of variants) {
          const reported = findUnlimitedAiRoutes(parse(ROUTE_FILE, code)).map((finding) => finding.data.provider);
          assert.deepEqual(reported, expected, code);
        }
        for (const code of nonModel) assert.deepEqual(findUnlimitedAiRoutes(parse(ROUTE_FILE, code)), [], code);
      });

      const publicNames = provider.kinds.filter((kind) => kind.publicByDesign && kind.envVar).map((kind) => kind.envVar!);
      if (publicNames.length > 0) {
        it(`its publishable names (${publicNames.join(", ")}) are not reported`, () => {
          for (const name of publicNames) {
            assert.deepEqual(browserSecretReads(name), [], name);
            assert.equal(providerOfEnvName(name), undefined, name);
            const code = `"use client";\nexport const k = process.env.NEXT_PUBLIC_${name};\n`;
            assert.deepEqual(findPublicSecrets(parse(BROWSER_FILE, code)), [], name);
          }
        });
      }
    });
  }
});

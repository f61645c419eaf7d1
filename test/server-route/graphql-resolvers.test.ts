/**
 * require-rate-limit on GraphQL resolvers: each field function under Query, Mutation or
 * Subscription answers a request to the server's one /graphql endpoint (Apollo Server, GraphQL
 * Yoga…), and a NestJS `@Resolver()` class's `@Mutation()` / `@Query()` methods likewise.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { findUnlimitedAiRoutes } from "../../eslint-plugin/src/engine/server-route";
import { clearSharedClientCache } from "../../eslint-plugin/src/engine/server-route/rate-limit/shared-clients";
import { makeRepo, removeRepos } from "../env/support";

describe("require-rate-limit: GraphQL resolvers", () => {
  beforeEach(() => clearSharedClientCache());
  after(() => removeRepos());

  const found = (files: Record<string, string>, rel: string, code: string) => {
    const dir = makeRepo({ "package.json": JSON.stringify({ dependencies: { "@apollo/server": "4", "@nestjs/graphql": "12", openai: "4" } }), ...files });
    const source = parseSource(path.join(dir, rel), code);
    assert.ok(source);
    return findUnlimitedAiRoutes(source).map((finding) => `${finding.data.handler} → ${finding.data.provider}`).sort();
  };

  it("a resolver map's fields that call a provider, wrapped in a limiter or not", () => {
    const code = `import { ApolloServer } from "@apollo/server";
import OpenAI from "openai";
const openai = new OpenAI();
const resolvers = {
  Query: {
    models: () => ["gpt-4o-mini"],
    summary: async (_parent, { text }) => (await openai.responses.create({ model: "gpt-4o-mini", input: text })).output_text,
  },
  Mutation: {
    async ask(_parent, { prompt }) {
      return (await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] })).choices[0].message.content;
    },
    limited: withRateLimit(async (_parent, { prompt }) => openai.responses.create({ model: "gpt-4o-mini", input: prompt })),
  },
};
export const server = new ApolloServer({ typeDefs, resolvers });
`;
    assert.deepEqual(found({}, "src/server.ts", code), ["Mutation.ask (GraphQL) → OpenAI", "Query.summary (GraphQL) → OpenAI"]);
    // The same map in a file that imports no GraphQL server is not read as one.
    assert.deepEqual(found({}, "src/client-cache.ts", code.replace(`import { ApolloServer } from "@apollo/server";`, "").replace("export const server = new ApolloServer({ typeDefs, resolvers });", "export { resolvers };")), []);
  });

  it("a NestJS @Resolver class's operations, limited by the throttler like controllers", () => {
    const resolver = (decorator: string) => `import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import { UseGuards } from "@nestjs/common";
import OpenAI from "openai";
${decorator}
@Resolver()
export class ChatResolver {
  private openai = new OpenAI();
  @Mutation(() => String)
  async ask(@Args("prompt") prompt: string) {
    return (await this.openai.responses.create({ model: "gpt-4o-mini", input: prompt })).output_text;
  }
  @Query(() => [String])
  models() {
    return ["gpt-4o-mini"];
  }
}
`;
    assert.deepEqual(found({}, "src/chat.resolver.ts", resolver("")), ["ChatResolver.ask (@Mutation) → OpenAI"]);
    assert.deepEqual(found({}, "src/chat.resolver.ts", resolver("@UseGuards(GqlThrottlerGuard)")), []);
  });
});

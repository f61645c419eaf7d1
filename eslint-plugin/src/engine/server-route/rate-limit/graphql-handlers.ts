/**
 * GraphQL resolvers: each field function under `Query`, `Mutation` or `Subscription` of a
 * resolver map (Apollo Server, GraphQL Yoga, Mercurius: `const resolvers = { Mutation: { ask:
 * async (_, { prompt }) => … } }`) answers a request to the one `/graphql` endpoint, from anyone
 * the server lets in. A file is read only when it imports a GraphQL server package.
 * (NestJS's code-first resolvers, `@Resolver()` classes, are ./nest-handlers'.)
 */
import type { SourceFile, TSESTree } from "../../ast";
import { walk } from "../ast-utils";
import type { FunctionOf, RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

const OPERATION_TYPES = new Set(["Query", "Mutation", "Subscription"]);
/** Packages that serve a resolver map (or build its schema). */
const GRAPHQL_SERVERS = /["'](?:@apollo\/server|apollo-server(?:-[\w-]+)?|graphql-yoga|@graphql-yoga\/[\w-]+|mercurius|@graphql-tools\/schema|graphql-tools|express-graphql|graphql-http)(?:\/[^"']*)?["']/;

/** A word search first, then the package: a resolver map in a file that imports a GraphQL server. */
export function mayDefineGraphqlResolvers(text: string): boolean {
  return (text.includes("Mutation") || text.includes("Query")) && GRAPHQL_SERVERS.test(text);
}

export function graphqlResolvers(source: SourceFile, functionOf: FunctionOf): RouteHandler[] {
  const out: RouteHandler[] = [];
  walk(source.ast, (node) => {
    if (node.type !== "Property" || node.computed || node.key.type !== "Identifier" || !OPERATION_TYPES.has(node.key.name) || node.value.type !== "ObjectExpression") return;
    const operation = node.key.name;
    for (const field of node.value.properties) {
      if (field.type !== "Property" || field.computed || field.key.type !== "Identifier") continue;
      // `ask: async (…) => …`, `ask(…) { … }`, a subscription's `{ subscribe, resolve }`.
      const value = field.value.type === "ObjectExpression" ? resolverOf(field.value) : field.value;
      const found = functionOf(source, value as Node | undefined);
      if (found) out.push({ kind: "graphql", name: `${operation}.${field.key.name} (GraphQL)`, fn: found.fn, reportNode: field.key, companions: found.wrappers });
    }
  });
  return out;
}

/** A subscription field's `{ subscribe, resolve }`: the function that runs per request. */
function resolverOf(field: TSESTree.ObjectExpression): Node | undefined {
  for (const inner of field.properties) {
    if (inner.type === "Property" && !inner.computed && inner.key.type === "Identifier" && (inner.key.name === "resolve" || inner.key.name === "subscribe")) return inner.value;
  }
  return undefined;
}

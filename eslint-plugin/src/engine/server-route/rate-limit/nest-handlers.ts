/**
 * NestJS routes: the methods of a `@Controller()` class decorated with an HTTP method (`@Post()`,
 * `@Get(":id")`, `@Sse()`…), and of a GraphQL `@Resolver()` class decorated with an operation
 * (`@Mutation(() => String)`, `@Query()`). Nest serves each one at its path; the work is usually done by an
 * injected service (`constructor(private readonly chat: ChatService)`, then
 * `this.chat.ask(body)`), which function-scan follows through the service's module.
 *
 * Limits: `@nestjs/throttler`'s guard, on the method or the class (`@UseGuards(ThrottlerGuard)`,
 * `@Throttle({ … })`) or registered for the whole app (./nest-limits); `@SkipThrottle()` turns the
 * throttler off for that route.
 */
import type { SourceFile, TSESTree } from "../../ast";
import type { RouteHandler } from "./route-handlers";

type Node = TSESTree.Node;

/** The HTTP method decorators of `@nestjs/common`. */
const ROUTE_DECORATORS = new Set(["Get", "Post", "Put", "Patch", "Delete", "All", "Options", "Head", "Search", "Sse"]);
/** The operation decorators of `@nestjs/graphql`, on the methods of a `@Resolver()` class. */
const RESOLVER_DECORATORS = new Set(["Query", "Mutation", "Subscription", "ResolveField"]);

/** A word search first: a file with no `@Controller` or `@Resolver` has no Nest route. */
export function mayDefineNestRoutes(text: string): boolean {
  return (text.includes("@Controller") || text.includes("@Resolver")) && text.includes("@nestjs/");
}

export function nestHandlers(source: SourceFile): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const statement of source.ast.body) {
    const declaration = (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") && statement.declaration ? statement.declaration : statement;
    if (declaration.type !== "ClassDeclaration") continue;
    const operations = decoratorNamed(declaration.decorators, "Controller") ? ROUTE_DECORATORS : decoratorNamed(declaration.decorators, "Resolver") ? RESOLVER_DECORATORS : undefined;
    if (!operations) continue;
    const className = declaration.id?.name ?? "Controller";
    const classDecorators = declaration.decorators ?? [];
    for (const member of declaration.body.body) {
      if (member.type !== "MethodDefinition" || member.kind !== "method" || member.static || member.key.type !== "Identifier") continue;
      const route = member.decorators?.find((decorator) => operations.has(decoratorName(decorator) ?? ""));
      if (!route) continue;
      const decorators = [...classDecorators, ...(member.decorators ?? [])];
      out.push({
        kind: "nest",
        name: `${className}.${member.key.name} (@${decoratorName(route)})`,
        fn: member.value as TSESTree.FunctionExpression,
        reportNode: member.key,
        companions: decorators.flatMap(limitWords),
      });
    }
  }
  return out;
}

/** Whether the method or its class turns the throttler off (`@SkipThrottle()`). */
export function skipsThrottle(handler: RouteHandler): boolean {
  const method = handler.fn.parent;
  const decorators = [...(method?.type === "MethodDefinition" ? (method.decorators ?? []) : []), ...(method?.parent?.parent?.type === "ClassDeclaration" ? (method.parent.parent.decorators ?? []) : [])];
  return decorators.some((decorator) => decoratorName(decorator) === "SkipThrottle");
}

/**
 * What a decorator says about limits, as nodes namesLimiter reads: `@Throttle(…)` itself, and
 * each guard of `@UseGuards(ThrottlerGuard, AuthGuard)`. `@SkipThrottle()` says the opposite.
 */
function limitWords(decorator: TSESTree.Decorator): Node[] {
  const name = decoratorName(decorator);
  if (!name || name === "SkipThrottle") return [];
  const call = decorator.expression.type === "CallExpression" ? decorator.expression : undefined;
  if (name === "UseGuards" && call) return call.arguments.flatMap((arg) => (arg.type === "NewExpression" ? [arg.callee] : arg.type === "SpreadElement" ? [] : [arg]));
  return [call ? call.callee : decorator.expression];
}

function decoratorNamed(decorators: readonly TSESTree.Decorator[] | undefined, name: string): boolean {
  return !!decorators?.some((decorator) => decoratorName(decorator) === name);
}

/** `@Post()` → "Post", `@Controller` → "Controller", `@common.Get()` → "Get". */
export function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  let expression: Node = decorator.expression;
  if (expression.type === "CallExpression") expression = expression.callee;
  if (expression.type === "Identifier") return expression.name;
  if (expression.type === "MemberExpression" && !expression.computed && expression.property.type === "Identifier") return expression.property.name;
  return undefined;
}

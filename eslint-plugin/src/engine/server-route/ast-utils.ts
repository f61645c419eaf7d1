/** Small TSESTree helpers for this area (walking, finding a node by range, references by name). */
import { visitorKeys } from "@typescript-eslint/visitor-keys";
import type { SourceFile, TSESTree } from "../ast";

type Node = TSESTree.Node;

export function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) out.push(child as Node);
    } else if (isNode(value)) {
      out.push(value as Node);
    }
  }
  return out;
}

/**
 * Visits every node under `root`, in source order (iteratively: deep files never overflow the
 * stack). Children go straight onto the stack, last first, with no array per node: this walk runs
 * over every module a route imports, and an array per node was a fifth of what KeyFence
 * allocates on app code (issue 11: allocation keeps ESLint's own per-file trees alive longer).
 */
export function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as Node);
      } else if (isNode(value)) {
        stack.push(value as Node);
      }
    }
  }
}

function isNode(value: unknown): boolean {
  return value !== null && typeof value === "object" && "type" in value;
}

/** The innermost node that covers [start, end). */
export function nodeAt(root: Node, start: number, end: number): Node | undefined {
  let found: Node | undefined;
  let current: Node | undefined = root;
  while (current) {
    found = current;
    current = children(current).find((child) => child.range[0] <= start && end <= child.range[1]);
  }
  return found && found.range[0] <= start && end <= found.range[1] ? found : undefined;
}

export function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let current = node.parent; current; current = current.parent) out.push(current);
  return out;
}

/** True when this Identifier reads a binding (not a property name, not a declaration's id). */
export function isReference(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case "MemberExpression":
      return parent.object === node || parent.computed;
    case "Property":
      return parent.value === node || (parent.computed && parent.key === node);
    case "VariableDeclarator":
      return parent.init === node;
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
    case "FunctionDeclaration":
    case "ClassDeclaration":
    case "MethodDefinition":
    case "PropertyDefinition":
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
    case "TSPropertySignature":
      return false;
    case "TSQualifiedName":
      return parent.left === node;
    default:
      return true;
  }
}

/** Every identifier that reads `name` (scope-naive: a shadowing local counts too, erring towards "still used"). */
export function referencesTo(root: Node, name: string): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  walk(root, (node) => {
    if (node.type === "Identifier" && node.name === name && isReference(node)) out.push(node);
  });
  return out;
}

/**
 * `a.b.c` → ["a","b","c"] when every step is a plain name, also written as a string
 * (`env["MISTRAL_API_KEY"]`, `process.env['OPENAI_API_KEY']`: 1Yanik3/Stash, batch 87), read through
 * non-null assertions (`openai!.chat`); the root may be any expression.
 */
export function memberPath(node: Node): { root: Node; path: string[] } {
  const path: string[] = [];
  let current = node;
  for (;;) {
    if (current.type !== "MemberExpression") break;
    const step = !current.computed && current.property.type === "Identifier" ? current.property.name : current.computed ? stringValue(current.property) : undefined;
    if (step === undefined) break;
    path.unshift(step);
    current = current.object;
    // `openai!.chat.completions.create(…)`, `(this.groq as any).audio…`, `(<any>groq).audio…`: TypeScript's
    // non-null assertion and casts change nothing at run time (4dtommie/reflect's `const openai = key ?
    // new OpenAI(…) : null`, batch 115; ShejanMahamud/rubberduckgpt-server's NestJS service, batch 255).
    while (current.type === "TSNonNullExpression" || current.type === "TSAsExpression" || current.type === "TSTypeAssertion" || current.type === "TSSatisfiesExpression") current = current.expression;
  }
  return { root: current, path };
}

/** The function tsc's CommonJS output calls as `(0, m.f)(…)` (an import's call without `this`): `m.f`; else the callee. */
export function tscCallee(callee: Node): Node {
  return callee.type === "SequenceExpression" ? callee.expressions[callee.expressions.length - 1] : callee;
}

/** The expression under `as T`, `satisfies T` and `!`: `{ ask } as const` is the object literal. */
export function withoutTypeAssertion<T extends Node | null | undefined>(node: T): Node | T {
  let current: Node | T = node;
  while (current && (current.type === "TSAsExpression" || current.type === "TSSatisfiesExpression" || current.type === "TSNonNullExpression")) current = current.expression;
  return current;
}

export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function propertyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return stringValue(property.key);
  if (property.key.type === "Identifier") return property.key.name;
  return stringValue(property.key);
}

export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === "Property" && propertyName(property)?.toLowerCase() === name.toLowerCase()) return property;
  }
  return undefined;
}

/** Name of a callee: `f` → "f", `a.b.f` → "f", `new X` → "X". */
export function calleeName(node: Node): string | undefined {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") return node.property.name;
  return undefined;
}

/** `module.exports` → "default"; `module.exports.x` / `exports.x` → "x"; anything else undefined. */
export function commonJsExport(left: Node): string | undefined {
  if (left.type !== "MemberExpression" || left.computed || left.property.type !== "Identifier") return undefined;
  const object = left.object;
  if (object.type === "Identifier" && object.name === "module" && left.property.name === "exports") return "default";
  const exportsObject = object.type === "Identifier" && object.name === "exports";
  const moduleExports = object.type === "MemberExpression" && !object.computed && object.object.type === "Identifier" && object.object.name === "module" && object.property.type === "Identifier" && object.property.name === "exports";
  return exportsObject || moduleExports ? left.property.name : undefined;
}

/**
 * A module-level declaration of `name` (exported or not): its name node, and its value (a
 * function or class declaration itself, a variable's initializer).
 */
export function moduleDeclaration(program: TSESTree.Program, name: string): { id: TSESTree.Identifier; value: Node | undefined } | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
    if (declaration.type === "FunctionDeclaration" && declaration.id?.name === name) return { id: declaration.id, value: declaration };
    if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) if (declarator.id.type === "Identifier" && declarator.id.name === name) return { id: declarator.id, value: declarator.init ?? undefined };
    }
  }
  return undefined;
}

/**
 * The declaration `reference` reads when a block around it declares that name: a function or a
 * const declared inside the function that sets a server up (`async function main() { const
 * chatHandler = …; app.post("/chat", chatHandler) }`: HyperactiveDuck/FibaHackathon, 594poxun's
 * `startServer()`, batch 101). Undefined when no block around it does (the caller looks at module
 * level), null when a function on the way out takes a parameter of that name (it hides the rest).
 */
export function blockDeclaration(reference: TSESTree.Identifier): { id: TSESTree.Identifier; value: Node | undefined } | null | undefined {
  const name = reference.name;
  let steps = 0;
  for (let node = reference.parent; node && node.type !== "Program" && steps < 500; node = node.parent, steps++) {
    if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") {
      if (node.params.some((param) => param.type === "Identifier" && param.name === name)) return null;
    }
    if (node.type !== "BlockStatement") continue;
    for (const statement of node.body) {
      if (statement.type === "FunctionDeclaration" && statement.id?.name === name) return { id: statement.id, value: statement };
      if (statement.type !== "VariableDeclaration") continue;
      for (const declarator of statement.declarations) if (declarator.id.type === "Identifier" && declarator.id.name === name) return { id: declarator.id, value: declarator.init ?? undefined };
    }
  }
  return undefined;
}

/**
 * The declaration `reference` reads: a block's around it, else the module's top-level one; none when a
 * parameter of that name hides both.
 */
export function declarationSeenBy(program: TSESTree.Program, reference: TSESTree.Identifier): { id: TSESTree.Identifier; value: Node | undefined } | undefined {
  const inBlock = blockDeclaration(reference);
  return inBlock === null ? undefined : (inBlock ?? moduleDeclaration(program, reference.name));
}

/**
 * The calls of a method chain, first written first: `new Hono().use(limit).post("/", ask)` →
 * [`….use(limit)`, `….post("/", ask)`]. Empty for anything but a method call.
 */
export function chainCalls(node: Node | null | undefined): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (let link = node; link?.type === "CallExpression" && link.callee.type === "MemberExpression"; link = link.callee.object) calls.push(link);
  return calls.reverse();
}

/** The body of the class `node` is in. */
export function enclosingClass(node: Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === "ClassBody") return current;
  return undefined;
}

/** A method (or arrow-function field) of the class `node` is in, by name. */
export function sameClassMethod(node: Node, name: string): Node | undefined {
  const body = enclosingClass(node);
  return body && classMethod(body, name);
}

/** A class's method (or arrow-function field) by name. */
export function classMethod(body: TSESTree.ClassBody, name: string): Node | undefined {
  for (const member of body.body) {
    if (member.type === "MethodDefinition" && !member.computed && member.key.type === "Identifier" && member.key.name === name) return member.value;
    if (member.type === "PropertyDefinition" && !member.computed && member.key.type === "Identifier" && member.key.name === name && (member.value?.type === "ArrowFunctionExpression" || member.value?.type === "FunctionExpression")) return member.value;
  }
  return undefined;
}

const constInitsOf = new WeakMap<SourceFile, Map<string, Node>>();

/**
 * The `const`s of the file by name, anywhere (a handler often names its URL first: `const
 * deepseekUrl = "https://api.deepseek.com/…"`). A name declared twice counts as neither.
 */
export function constInits(source: SourceFile): Map<string, Node> {
  let found = constInitsOf.get(source);
  if (found) return found;
  const inits = new Map<string, Node>();
  const ambiguous = new Set<string>();
  walk(source.ast, (node) => {
    if (node.type !== "VariableDeclaration" || node.kind !== "const") return;
    for (const declarator of node.declarations) {
      if (declarator.id.type !== "Identifier" || !declarator.init) continue;
      const name = declarator.id.name;
      if (inits.has(name)) ambiguous.add(name);
      inits.set(name, declarator.init);
    }
  });
  for (const name of ambiguous) inits.delete(name);
  found = inits;
  constInitsOf.set(source, found);
  return found;
}

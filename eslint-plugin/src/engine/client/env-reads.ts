/**
 * Every place a file reads an environment variable by name: `process.env.X`,
 * `process.env["X"]`, `const { X } = process.env`, `import.meta.env.X`, SvelteKit's
 * `$env/{static,dynamic}/{private,public}` modules, and React Native's build-time env:
 * react-native-dotenv's `import { X } from "@env"` and react-native-config's `Config.X`, both of
 * which put the value in the app every user installs.
 */
import type { TSESTree } from "../ast";
import { walk } from "./walk";
import { textFacts } from "../text-facts";

export type EnvSource =
  | "process.env"
  | "import.meta.env"
  | "$env/static/private"
  | "$env/dynamic/private"
  | "$env/static/public"
  | "$env/dynamic/public"
  | "@env"
  | "react-native-config";

export interface EnvRead {
  name: string;
  source: EnvSource;
  /** The node to report: the name in a member access, the property in a pattern, the specifier. */
  node: TSESTree.Node;
  /**
   * The node holding just the name, when renaming it in place is a one-token edit
   * (`process.env.NAME`, `import.meta.env.NAME`, `process.env["NAME"]`).
   */
  nameNode?: TSESTree.Identifier | TSESTree.Literal;
  /**
   * `process.env.NAME = …` or `delete process.env.NAME`: the code sets or removes the variable (a script
   * loading its own `.env`, a test's setup and teardown), nothing is read.
   */
  write?: true;
}

const SVELTEKIT_ENV = new Set<EnvSource>(["$env/static/private", "$env/dynamic/private", "$env/static/public", "$env/dynamic/public"]);

/** Cheap text test first: most files read no env at all. */
export function mayReadEnv(text: string): boolean {
  return textFacts(text).evidence("envRead") >= 0;
}

export function isPrivateSource(source: EnvSource): boolean {
  return source === "process.env" || source === "import.meta.env" || source.endsWith("/private") || source === "@env" || source === "react-native-config";
}

/** Two rules ask for the same file's reads: walk each AST once. */
const readsByProgram = new WeakMap<TSESTree.Program, EnvRead[]>();

export function findEnvReads(program: TSESTree.Program, text: string): EnvRead[] {
  if (!mayReadEnv(text)) return [];
  let reads = readsByProgram.get(program);
  if (!reads) {
    reads = collectEnvReads(program);
    readsByProgram.set(program, reads);
  }
  return reads;
}

function collectEnvReads(program: TSESTree.Program): EnvRead[] {
  const reads: EnvRead[] = [];
  // SvelteKit: `import { env } from "$env/dynamic/private"` → local name "env" reads by member
  // access; react-native-config's default import the same way.
  const dynamicEnvNames = new Map<string, EnvSource>();
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    if (statement.source.value === "@env") {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== "ImportSpecifier" || specifier.importKind === "type") continue;
        const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
        reads.push({ name: imported, source: "@env", node: specifier });
      }
      continue;
    }
    if (statement.source.value === "react-native-config") {
      // `import Config from "react-native-config"`: `Config.X` reads X; so does the named export,
      // `import { Config } from "react-native-config"` (orochigalois/Code-Challenge-OpenAI-RN, batch 52).
      for (const specifier of statement.specifiers) {
        const named = specifier.type === "ImportSpecifier" && specifier.importKind !== "type" && specifier.imported.type === "Identifier" && specifier.imported.name === "Config";
        if (specifier.type === "ImportDefaultSpecifier" || named) dynamicEnvNames.set(specifier.local.name, "react-native-config");
      }
      continue;
    }
    if (!SVELTEKIT_ENV.has(statement.source.value as EnvSource)) continue;
    const source = statement.source.value as EnvSource;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== "ImportSpecifier" || specifier.importKind === "type") continue;
      const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
      if (source.startsWith("$env/static/")) reads.push({ name: imported, source, node: specifier });
      else if (imported === "env") dynamicEnvNames.set(specifier.local.name, source);
    }
  }

  // `import { process } from "/env"` (Scrimba's course projects: env.js exports `const process = {
  // env: { OPENAI_API_KEY: "…" } }`), or a `process` the module declares: `process.env.X` is then
  // that object's property, not the environment (frontendella/Build-AI-Apps-with-ChatGPT…, batch 43).
  const ownProcess = declaresOwnProcess(program);

  // A module-level alias: `const env = import.meta.env`, `const env = (import.meta as any).env || {}`.
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== "Identifier" || !declarator.init) continue;
      const init = withoutCasts(declarator.init);
      const source = envObjectSource(init.type === "LogicalExpression" ? init.left : init, dynamicEnvNames, ownProcess);
      if (source) dynamicEnvNames.set(declarator.id.name, source);
    }
  }

  // Assignment targets and deleted names (daydaylx/Disa_Ai's test teardown, batch 89), met before
  // the member itself in the walk's pre-order.
  const written = new Set<TSESTree.Node>();
  walk(program, (node) => {
    if (node.type === "AssignmentExpression" && node.operator === "=") {
      written.add(withoutCasts(node.left));
    } else if (node.type === "UnaryExpression" && node.operator === "delete") {
      written.add(withoutCasts(node.argument));
    } else if (node.type === "MemberExpression") {
      const source = envObjectSource(node.object, dynamicEnvNames, ownProcess);
      if (!source) return;
      const name = memberName(node);
      if (name) reads.push({ name: name.value, source, node: node.property, nameNode: name.node, ...(written.has(node) ? { write: true as const } : {}) });
    } else if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && node.init) {
      const source = envObjectSource(node.init, dynamicEnvNames, ownProcess);
      if (!source) return;
      for (const property of node.id.properties) {
        if (property.type !== "Property" || property.computed) continue;
        const key = property.key;
        const name = key.type === "Identifier" ? key.name : key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
        if (name) reads.push({ name, source, node: property });
      }
    }
  });
  return reads;
}

/**
 * The module binds `process` itself: imported from one of its own modules, or declared at its top
 * level with a value. TypeScript's ambient `declare const process: …` (written by apps that type the
 * global their bundler replaces instead of installing @types/node, as Google AI Studio's exports
 * do: mustafaozgumus/moda, batch 94) binds nothing at run time.
 */
function declaresOwnProcess(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      // `import process from "node:process"` is the real one.
      if (statement.importKind === "type" || /^(?:node:)?process$/.test(String(statement.source.value))) continue;
      if (statement.specifiers.some((specifier) => specifier.local.name === "process")) return true;
    }
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration" || declaration.declare) continue;
    if (declaration.declarations.some((declarator) => declarator.id.type === "Identifier" && declarator.id.name === "process")) return true;
  }
  return false;
}

/** `process.env`, `globalThis.process.env`, `import.meta.env`, or a SvelteKit dynamic `env`. */
function envObjectSource(node: TSESTree.Node, dynamicEnvNames: Map<string, EnvSource>, ownProcess = false): EnvSource | undefined {
  const expression = withoutCasts(node);
  if (expression.type === "Identifier") return dynamicEnvNames.get(expression.name);
  if (expression.type !== "MemberExpression" || expression.computed) return undefined;
  if (expression.property.type !== "Identifier" || expression.property.name !== "env") return undefined;
  const object = withoutCasts(expression.object);
  if (object.type === "MetaProperty" && object.meta.name === "import" && object.property.name === "meta") return "import.meta.env";
  if (object.type === "Identifier" && object.name === "process") return ownProcess ? undefined : "process.env";
  if (
    object.type === "MemberExpression" &&
    !object.computed &&
    object.property.type === "Identifier" &&
    object.property.name === "process" &&
    object.object.type === "Identifier" &&
    (object.object.name === "globalThis" || object.object.name === "global" || object.object.name === "window")
  ) {
    return "process.env";
  }
  return undefined;
}

/** `x as T`, `x!` and `x?.y` read as what they wrap: `(process as any).env?.X` is `process.env.X` (env-key-values too). */
export function withoutCasts(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === "TSNonNullExpression" || current.type === "TSAsExpression" || current.type === "ChainExpression") {
    current = current.expression;
  }
  return current;
}

function memberName(node: TSESTree.MemberExpression): { value: string; node?: TSESTree.Identifier | TSESTree.Literal } | undefined {
  const property = node.property;
  if (!node.computed && property.type === "Identifier") return { value: property.name, node: property };
  if (node.computed && property.type === "Literal" && typeof property.value === "string") return { value: property.value, node: property };
  if (node.computed && property.type === "TemplateLiteral" && property.expressions.length === 0) {
    return { value: property.quasis[0].value.cooked ?? "" };
  }
  return undefined;
}

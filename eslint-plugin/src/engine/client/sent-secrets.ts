/**
 * Server secrets that server code hands to the browser as data: it runs on the server, so the read
 * itself is fine, but what it returns is serialised into the page every visitor downloads.
 *
 *   maySendSecrets(file, text) → whether the file can send data at all (path, framework, words)
 *   findSentSecrets(source, secretReads) → the reads (or the consts holding one) inside such data
 *
 * - Next.js Pages Router: `getServerSideProps` / `getStaticProps` returning `{ props: {…} }`;
 * - Remix and React Router: a route module's `loader` returning `json({…})`, `data({…})`,
 *   `defer({…})`, `Response.json({…})` or a plain object (`useLoaderData()` reads it in the browser);
 * - SvelteKit: `load` of `+page.server.*` / `+layout.server.*` (its data reaches the page's `data`);
 * - Next.js App Router: a server component passing the secret as a prop to a `"use client"`
 *   component (props are serialised into the RSC payload).
 *
 * Only what the code shows directly: the read itself in the data, or a const of the same file
 * that holds one. No graph is built: the file's framework and its own exports decide.
 */
import * as path from "node:path";
import type { SourceFile, TSESTree } from "../ast";
import type { EnvRead } from "./env-reads";
import { directivesOfFile } from "./files";
import { frameworkOf } from "./framework";
import { clientGraphFor } from "./graph";
import { functionReturns } from "../function-returns";
import { walk } from "./walk";

type Node = TSESTree.Node;

export interface SentSecret {
  /** The node in the data: the read, or the identifier of a const holding it. */
  node: Node;
  read: EnvRead;
  /** How the data reaches the browser, for the message. */
  via: string;
}

const REMIX_DATA_HELPERS = new Set(["json", "data", "defer", "typedjson", "typeddefer", "superjson"]);
const SVELTEKIT_SERVER_LOAD = /^\+(?:page|layout)\.server\.[cm]?[jt]s$/;

/** Which of the four cases a file can be, by its framework and path, before any tree. */
type Role = "next-pages" | "next-app" | "remix-route" | "sveltekit-server-load";

function roleOf(file: string): Role | undefined {
  const { name, root } = frameworkOf(file);
  const rel = path.relative(root, file).split(path.sep).join("/");
  if (name === "next" && /^(?:src\/)?pages\//.test(rel) && !/^(?:src\/)?pages\/api\//.test(rel)) return "next-pages";
  // A server component passes props in JSX; route handlers (route.ts) have none.
  if (name === "next" && /^(?:src\/)?app\/.*\.[jt]sx$/.test(rel)) return "next-app";
  if (name === "remix" && /^app\//.test(rel)) return "remix-route";
  if (name === "sveltekit" && SVELTEKIT_SERVER_LOAD.test(path.basename(file))) return "sveltekit-server-load";
  return undefined;
}

const ROLE_WORDS: Record<Role, RegExp> = {
  "next-pages": /getServerSideProps|getStaticProps/,
  "next-app": /=\{/,
  "remix-route": /\bloader\b/,
  "sveltekit-server-load": /\bload\b/,
};

/** Some role's words: a file with none sends nothing, whatever its role. */
const ANY_ROLE_WORD = new RegExp(Object.values(ROLE_WORDS).map((words) => words.source).join("|"));

/** Whether this file can hand data to the browser at all: its role, and the words that role needs. */
export function maySendSecrets(file: string, text: string): boolean {
  // The words first: a file's role needs its framework, and the first frameworkOf of a run lists
  // the workspace's packages (15-21 ms of a cold run over vercel/ai's provider packages, whose
  // env-reading files have none of the words and ask no other rule for a framework).
  if (!ANY_ROLE_WORD.test(text)) return false;
  const role = roleOf(file);
  return role !== undefined && ROLE_WORDS[role].test(text);
}

export function findSentSecrets(source: SourceFile, secretReads: readonly EnvRead[]): SentSecret[] {
  if (secretReads.length === 0) return [];
  const role = roleOf(source.file);
  const regions: Array<{ node: Node; via: string }> = [];
  if (role === "next-pages") {
    for (const fn of exportedFunctions(source.ast, ["getServerSideProps", "getStaticProps"])) {
      for (const value of functionReturns(fn.body).map(unwrap)) {
        const props = value.type === "ObjectExpression" ? propertyValue(value, "props") : undefined;
        if (props) regions.push({ node: props, via: `${fn.name}'s props` });
      }
    }
  } else if (role === "remix-route") {
    for (const fn of exportedFunctions(source.ast, ["loader"])) {
      for (const value of functionReturns(fn.body).map(unwrap)) regions.push({ node: loaderData(value), via: "the loader's data" });
    }
  } else if (role === "sveltekit-server-load") {
    for (const fn of exportedFunctions(source.ast, ["load"])) {
      for (const value of functionReturns(fn.body).map(unwrap)) regions.push({ node: value, via: "load's data" });
    }
  } else if (role === "next-app" && !directivesOfFile(source.file).includes("use client")) {
    regions.push(...clientComponentProps(source));
  }
  if (regions.length === 0) return [];
  const byProperty = new Map<Node, EnvRead>(secretReads.map((read) => [read.node, read]));
  const consts = constsHoldingReads(source.ast, byProperty);
  const found: SentSecret[] = [];
  for (const region of regions) {
    for (const leaf of sentValues(region.node)) {
      const read = leaf.type === "MemberExpression" ? byProperty.get(leaf.property) : leaf.type === "Identifier" ? consts.get(leaf.name) : undefined;
      if (read) found.push({ node: leaf.type === "MemberExpression" ? read.node : leaf, read, via: region.via });
    }
  }
  // One finding per node (a read in two regions).
  const seen = new Set<number>();
  return found.filter((sent) => !seen.has(sent.node.range[0]) && seen.add(sent.node.range[0])).sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * The values that travel as they are into `node`'s data: object and array members, `??`/`||`
 * fallbacks, both branches of a conditional, template and `+` pieces. A call, a negation or a
 * comparison sends its result, not the key (`Boolean(process.env.KEY)`), so it is not entered.
 */
export function sentValues(node: Node, out: Node[] = [], depth = 0): Node[] {
  if (depth > 20) return out;
  switch (node.type) {
    case "ObjectExpression":
      for (const property of node.properties) sentValues(property.type === "Property" ? property.value : property.argument, out, depth + 1);
      break;
    case "ArrayExpression":
      for (const element of node.elements) if (element) sentValues(element.type === "SpreadElement" ? element.argument : element, out, depth + 1);
      break;
    case "TSNonNullExpression":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "AwaitExpression":
    case "ChainExpression":
      sentValues(node.type === "AwaitExpression" ? node.argument : node.expression, out, depth + 1);
      break;
    case "LogicalExpression":
      sentValues(node.left, out, depth + 1);
      sentValues(node.right, out, depth + 1);
      break;
    case "ConditionalExpression":
      sentValues(node.consequent, out, depth + 1);
      sentValues(node.alternate, out, depth + 1);
      break;
    case "TemplateLiteral":
      for (const expression of node.expressions) sentValues(expression, out, depth + 1);
      break;
    case "BinaryExpression":
      if (node.operator === "+") {
        sentValues(node.left as Node, out, depth + 1);
        sentValues(node.right, out, depth + 1);
      }
      break;
    default:
      out.push(node);
  }
  return out;
}

interface FunctionLike {
  name: string;
  body: Node;
}

/** `export function NAME`, `export const NAME = (async) () => …` / `function () {…}`. */
function exportedFunctions(program: TSESTree.Program, names: readonly string[]): FunctionLike[] {
  const out: FunctionLike[] = [];
  for (const statement of program.body) {
    if (statement.type !== "ExportNamedDeclaration" || !statement.declaration) continue;
    const declaration = statement.declaration;
    if (declaration.type === "FunctionDeclaration" && declaration.id && names.includes(declaration.id.name) && declaration.body) {
      out.push({ name: declaration.id.name, body: declaration.body });
    } else if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== "Identifier" || !names.includes(declarator.id.name)) continue;
        let init = declarator.init;
        while (init && (init.type === "TSAsExpression" || init.type === "TSSatisfiesExpression")) init = init.expression;
        if (init?.type === "ArrowFunctionExpression" || init?.type === "FunctionExpression") out.push({ name: declarator.id.name, body: init.body });
      }
    }
  }
  return out;
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === "AwaitExpression" || current.type === "TSAsExpression" || current.type === "TSSatisfiesExpression") current = current.type === "AwaitExpression" ? current.argument : current.expression;
  return current;
}

/** `json(x)`, `data(x)`, `Response.json(x)` → x; anything else is the data itself. */
function loaderData(value: Node): Node {
  if (value.type !== "CallExpression" || !value.arguments[0]) return value;
  const callee = value.callee;
  const helper = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" && callee.object.type === "Identifier" && callee.object.name === "Response" && callee.property.type === "Identifier" ? `Response.${callee.property.name}` : undefined;
  return helper && (REMIX_DATA_HELPERS.has(helper) || helper === "Response.json") ? value.arguments[0] : value;
}

function propertyValue(object: TSESTree.ObjectExpression, name: string): Node | undefined {
  for (const property of object.properties) {
    if (property.type === "Property" && !property.computed && ((property.key.type === "Identifier" && property.key.name === name) || (property.key.type === "Literal" && property.key.value === name))) return property.value;
  }
  return undefined;
}

/** `const key = process.env.OPENAI_API_KEY` (or `?? ""`, `!`) anywhere in the file: the name → its read. */
function constsHoldingReads(program: TSESTree.Program, byProperty: Map<Node, EnvRead>): Map<string, EnvRead> {
  const consts = new Map<string, EnvRead>();
  // SvelteKit: `import { OPENAI_API_KEY } from "$env/static/private"` reads by its local name.
  for (const read of byProperty.values()) {
    if (read.node.type === "ImportSpecifier") consts.set(read.node.local.name, read);
  }
  walk(program, (node) => {
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || !node.init || consts.has(node.id.name)) return;
    for (const value of sentValues(node.init)) {
      const read = value.type === "MemberExpression" ? byProperty.get(value.property) : undefined;
      if (read) {
        consts.set(node.id.name, read);
        return;
      }
    }
  });
  return consts;
}

/** `<Chat apiKey={…} />` where Chat is imported from a `"use client"` module: each attribute value. */
function clientComponentProps(source: SourceFile): Array<{ node: Node; via: string }> {
  const imports = new Map<string, string>();
  for (const statement of source.ast.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
    for (const specifier of statement.specifiers) imports.set(specifier.local.name, String(statement.source.value));
  }
  if (imports.size === 0) return [];
  const clientTags = new Map<string, boolean>();
  const isClient = (tag: string): boolean => {
    let known = clientTags.get(tag);
    if (known === undefined) {
      const specifier = imports.get(tag);
      let target: string | undefined;
      try {
        target = specifier ? clientGraphFor(source.file)?.resolve(source.file, specifier) : undefined;
      } catch {
        target = undefined;
      }
      known = target !== undefined && directivesOfFile(target).includes("use client");
      clientTags.set(tag, known);
    }
    return known;
  };
  const regions: Array<{ node: Node; via: string }> = [];
  walk(source.ast, (node) => {
    if (node.type !== "JSXOpeningElement" || node.name.type !== "JSXIdentifier" || !imports.has(node.name.name)) return;
    const tag = node.name.name;
    for (const attribute of node.attributes) {
      if (attribute.type === "JSXAttribute" && attribute.value?.type === "JSXExpressionContainer" && isClient(tag)) {
        const prop = attribute.name.type === "JSXIdentifier" ? attribute.name.name : "a prop";
        regions.push({ node: attribute.value.expression as Node, via: `the ${prop} prop of the client component <${tag}>` });
      }
    }
  });
  return regions;
}

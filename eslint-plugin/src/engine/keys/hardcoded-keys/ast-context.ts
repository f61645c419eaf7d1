/**
 * The names around a string in the AST, as KeyContext: the slot it is in (`apiKey:`,
 * `const mistralKey =`, `process.env.MISTRAL_API_KEY ?? …`) and what is near that slot (the SDK
 * constructor it is passed to, enclosing object names, sibling keys and URLs).
 */
import type { TSESTree } from "../../ast";
import { nameWords, type NameWords } from "../../providers";
import type { KeyContext } from "../context";
import { classFieldUses, constUses, type UseWalks } from "./use-sites";

/** Enough of a sibling value to see an endpoint or a marker such as "service_account". */
const MAX_CONTEXT_TEXT = 200;
/** How many enclosing slots (object → property → call …) count as nearby. */
const MAX_HOPS = 6;

/** `a.b.c`, `process.env.X`, `process.env["X"]`, `this.apiKey` as a dotted name. */
export function memberName(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case "Identifier":
    case "PrivateIdentifier":
      return node.name;
    case "ThisExpression":
      return "this";
    case "MetaProperty":
      return `${node.meta.name}.${node.property.name}`;
    case "Literal":
      return typeof node.value === "string" ? node.value : undefined;
    case "MemberExpression": {
      const object = memberName(node.object);
      const property = node.computed ? memberName(node.property) : memberName(node.property);
      return object && property ? `${object}.${property}` : property;
    }
    case "ChainExpression":
      return memberName(node.expression);
    case "TSNonNullExpression":
      return memberName(node.expression);
    case "CallExpression":
      return memberName(node.callee);
    default:
      return undefined;
  }
}

/** The env var a `process.env.X` / `import.meta.env.X` read names, with the read's text. */
export function envRead(node: TSESTree.Node): string | undefined {
  const name = memberName(node);
  if (!name) return undefined;
  const match = /^(?:process\.env|import\.meta\.env|Deno\.env\.get|Bun\.env)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
  return match?.[1];
}

function propertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.AccessorProperty | TSESTree.MethodDefinition): string | undefined {
  return memberName(property.key);
}

function jsxName(name: TSESTree.JSXTagNameExpression | TSESTree.JSXAttribute["name"]): string {
  switch (name.type) {
    case "JSXIdentifier":
      return name.name;
    case "JSXNamespacedName":
      return `${name.namespace.name}:${name.name.name}`;
    case "JSXMemberExpression":
      return `${jsxName(name.object)}.${name.property.name}`;
    default:
      return "";
  }
}

/** Parents a value passes through unchanged as far as its meaning goes. */
function isTransparent(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case "TemplateLiteral":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
    case "TSTypeAssertion":
    case "ChainExpression":
    case "ArrayExpression":
    case "JSXExpressionContainer":
    case "AwaitExpression":
      return true;
    case "BinaryExpression":
      return parent.operator === "+";
    case "ConditionalExpression":
      return parent.test !== child;
    case "LogicalExpression":
      return true;
    case "TaggedTemplateExpression":
      return parent.quasi === child;
    default:
      return false;
  }
}

function text(value: string | undefined): NameWords[] {
  return value ? [nameWords(value.length > MAX_CONTEXT_TEXT ? value.slice(0, MAX_CONTEXT_TEXT) : value)] : [];
}

/** Names of the function a `return "…"` or arrow body belongs to: `getMistralKey`. */
function functionName(path: readonly TSESTree.Node[], index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const node = path[i];
    if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") {
      if (node.type !== "ArrowFunctionExpression" && node.id) return node.id.name;
      const parent = path[i - 1];
      if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
      if (parent?.type === "Property" || parent?.type === "MethodDefinition" || parent?.type === "PropertyDefinition") {
        return propertyKeyName(parent);
      }
      return undefined;
    }
  }
  return undefined;
}

/** Sibling keys and short string values of an object literal: `authDomain`, `baseURL: "https://…"`. */
function objectSiblings(object: TSESTree.ObjectExpression, except: TSESTree.Node | undefined): NameWords[] {
  const names: NameWords[] = [];
  for (const property of object.properties) {
    if (property === except || property.type !== "Property") continue;
    names.push(...text(propertyKeyName(property)));
    const value = property.value;
    if (value.type === "Literal" && typeof value.value === "string") names.push(...text(value.value));
    else if (value.type === "TemplateLiteral") names.push(...text(value.quasis.map((q) => q.value.cooked ?? "").join(" ")));
    else names.push(...text(memberName(value)));
  }
  return names;
}

function callArguments(call: TSESTree.CallExpression | TSESTree.NewExpression, except: TSESTree.Node): NameWords[] {
  const names = text(memberName(call.callee));
  for (const argument of call.arguments) {
    if (argument === except) continue;
    if (argument.type === "Literal" && typeof argument.value === "string") names.push(...text(argument.value));
    else if (argument.type === "TemplateLiteral") names.push(...text(argument.quasis.map((q) => q.value.cooked ?? "").join(" ")));
    else if (argument.type === "ObjectExpression") names.push(...objectSiblings(argument, undefined));
  }
  return names;
}

export interface AstContext extends KeyContext {
  /** The `process.env.X` read this string is a fallback for (`process.env.X ?? "…"`), if any. */
  fallbackFor?: TSESTree.LogicalExpression;
}

/**
 * Context for a string at `path` (Program … parent). `windowText` is the string's own text just
 * before the key (`Bearer `, `MISTRAL_API_KEY=`).
 */
export function astContext(node: TSESTree.Node, path: readonly TSESTree.Node[], windowText: string, walks: UseWalks): AstContext {
  const own: NameWords[] = text(windowText);
  const nearby: NameWords[] = [];
  let fallbackFor: TSESTree.LogicalExpression | undefined;
  let child: TSESTree.Node = node;
  let index = path.length - 1;

  // The slot: climb through wrappers, noting `process.env.X ??` fallbacks on the way.
  while (index >= 0 && isTransparent(path[index], child)) {
    const parent = path[index];
    if (parent.type === "LogicalExpression" && parent.right === child && parent.operator !== "&&") {
      own.push(...text(memberName(parent.left)));
      if (!fallbackFor && envRead(parent.left)) fallbackFor = parent;
    }
    child = parent;
    index--;
  }

  let hops = 0;
  let inSlot = true;
  let uses: (() => NameWords[]) | undefined;
  // Names of each enclosing slot: the first one is the string's own, the rest are nearby.
  while (index >= 0 && hops < MAX_HOPS) {
    const parent = path[index];
    const into = inSlot ? own : nearby;
    switch (parent.type) {
      case "VariableDeclarator":
        into.push(...text(memberName(parent.id)));
        if (inSlot && parent.id.type === "Identifier" && path[0]?.type === "Program") {
          const [program, declarator, name] = [path[0], parent, parent.id.name];
          uses = () => constUses(program, name, declarator, walks);
        }
        hops = MAX_HOPS;
        break;
      case "Property":
        if (parent.value === child) into.push(...text(propertyKeyName(parent)));
        {
          const object = path[index - 1];
          if (object?.type === "ObjectExpression") nearby.push(...objectSiblings(object, parent));
        }
        break;
      case "PropertyDefinition":
      case "AccessorProperty":
        into.push(...text(propertyKeyName(parent)));
        {
          const classBody = path[index - 1];
          const declaration = path[index - 2];
          if (classBody?.type === "ClassBody" && declaration && "id" in declaration && declaration.id) {
            nearby.push(...text(memberName(declaration.id as TSESTree.Node)));
          }
          const field = propertyKeyName(parent);
          if (inSlot && classBody?.type === "ClassBody" && field && !parent.computed) {
            const definition = parent;
            uses = () => classFieldUses(classBody, field, definition, walks);
          }
        }
        hops = MAX_HOPS;
        break;
      case "AssignmentExpression":
      case "AssignmentPattern":
        into.push(...text(memberName(parent.left)));
        break;
      case "JSXAttribute":
        into.push(...text(jsxName(parent.name)));
        {
          const element = path[index - 1];
          if (element?.type === "JSXOpeningElement") nearby.push(...text(jsxName(element.name)));
        }
        hops = MAX_HOPS;
        break;
      case "CallExpression":
      case "NewExpression":
        nearby.push(...callArguments(parent, child));
        break;
      case "ReturnStatement":
      case "ArrowFunctionExpression":
        into.push(...text(functionName(path, index)));
        hops = MAX_HOPS;
        break;
      case "TSEnumMember":
        into.push(...text(memberName(parent.id)));
        hops = MAX_HOPS;
        break;
      case "ObjectExpression":
      case "SpreadElement":
        break;
      default:
        if (!isTransparent(parent, child)) hops = MAX_HOPS;
    }
    if (parent.type !== "ObjectExpression" && !isTransparent(parent, child)) inSlot = false;
    child = parent;
    index--;
    hops++;
  }
  return { own, nearby, uses, fallbackFor };
}

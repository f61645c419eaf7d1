/**
 * Which names a piece of code uses as values. TypeScript and SWC erase an import whose bindings
 * are used only in type positions (`typeof fn` in a prop type) or not at all, so such an import
 * does not put the imported module in the bundle.
 */
import type { AnyNode } from "./walk";
import { walk } from "./walk";

/** Keys under which a child is a type, never a value. */
const TYPE_KEYS = new Set([
  "typeAnnotation",
  "returnType",
  "typeParameters",
  "typeArguments",
  "superTypeArguments",
  "superTypeParameters",
  "implements",
]);
/** Declarations that exist only for the type checker. */
const TYPE_ONLY_NODES = new Set(["TSInterfaceDeclaration", "TSTypeAliasDeclaration", "TSDeclareFunction", "ImportDeclaration"]);

function skipKey(parent: AnyNode, key: string): boolean {
  if (TYPE_KEYS.has(key)) return true;
  switch (parent.type) {
    case "MemberExpression":
    case "JSXMemberExpression":
      return key === "property" && !parent.computed;
    case "Property":
    case "MethodDefinition":
    case "PropertyDefinition":
    case "AccessorProperty":
    case "TSAbstractMethodDefinition":
    case "TSAbstractPropertyDefinition":
      return key === "key" && !parent.computed;
    case "ExportSpecifier":
      return key === "exported";
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return key === "label";
    case "JSXAttribute":
      return key === "name";
    case "JSXClosingElement":
      return true;
    default:
      return false;
  }
}

/**
 * Calls `found(name)` for every identifier under `root` that is read as a value (JSX element
 * names included). Binding names count too: callers only ask about imported names, which
 * nothing else declares at top level, so a shadowing parameter only makes the answer cautious.
 */
export function forEachValueName(root: AnyNode, found: (name: string) => void, skip?: (node: AnyNode) => boolean): void {
  walk(
    root,
    (node, key) => {
      const anyNode = node as unknown as AnyNode;
      if (skip?.(anyNode)) return false;
      if (TYPE_ONLY_NODES.has(anyNode.type) || anyNode.declare === true) return false;
      if (anyNode.type === "ExportNamedDeclaration" && anyNode.exportKind === "type") return false;
      if (anyNode.type === "ExportSpecifier" && anyNode.exportKind === "type") return false;
      if ((anyNode.type === "ClassDeclaration" || anyNode.type === "ClassExpression") && (anyNode.decorators as unknown[] | undefined)?.length) {
        for (const name of injectedTypeNames(anyNode)) found(name);
      }
      if (anyNode.type === "Identifier") found(anyNode.name as string);
      else if (anyNode.type === "JSXIdentifier") {
        const name = anyNode.name as string;
        // <Chat/> and <motion.div/> read a binding; <div/> does not.
        if (/^[A-Z_$]/.test(name) || key === "object") found(name);
      }
      return undefined;
    },
    skipKey,
  );
}

/**
 * The types a decorated class's constructor parameters name (`constructor(private chat:
 * ChatService)`): Angular's compiler (and TypeScript's `emitDecoratorMetadata`, NestJS…) keeps
 * those imports, as the values dependency injection creates, though they sit in type positions.
 */
function injectedTypeNames(cls: AnyNode): string[] {
  const body = (cls.body as AnyNode | undefined)?.body as AnyNode[] | undefined;
  const constructor = body?.find((member) => member.type === "MethodDefinition" && member.kind === "constructor");
  const params = ((constructor?.value as AnyNode | undefined)?.params as AnyNode[] | undefined) ?? [];
  const names: string[] = [];
  for (const param of params) {
    const binding = param.type === "TSParameterProperty" ? (param.parameter as AnyNode) : param;
    const type = ((binding.typeAnnotation as AnyNode | undefined)?.typeAnnotation as AnyNode | undefined);
    const typeName = type?.type === "TSTypeReference" ? (type.typeName as AnyNode) : undefined;
    if (typeName?.type === "Identifier") names.push(typeName.name as string);
  }
  return names;
}

/** The subset of `names` that `root` uses as values. */
export function valueNamesUsed(root: AnyNode, names: ReadonlySet<string>): Set<string> {
  const used = new Set<string>();
  if (names.size === 0) return used;
  forEachValueName(root, (name) => {
    if (names.has(name)) used.add(name);
  });
  return used;
}

/**
 * Route modules mix browser and server code: Next's getServerSideProps/getStaticProps,
 * Remix loaders/actions, Gatsby's getServerData. The framework deletes those exports from the
 * browser build, then every declaration and import that only they used (as Next's
 * next-ssg-transform does). This computes what is left out, for both ASTs.
 */
import { forEachValueName } from "./references";
import type { AnyNode } from "./walk";
import { rangeOf } from "./walk";

export interface ServerCodeSplit {
  /** Top-level statements removed from the browser build (server exports and what only they use). */
  serverRanges: Array<[number, number]>;
}

interface Declaration {
  statement: AnyNode;
  names: string[];
  refs: Set<string>;
  isImport: boolean;
}

export function splitServerCode(program: AnyNode, serverExports: ReadonlySet<string>): ServerCodeSplit {
  const body = (program.body as AnyNode[]) ?? [];
  const declarations: Declaration[] = [];
  const serverRanges: Array<[number, number]> = [];
  const rootRefs = new Set<string>();
  const serverRefs = new Set<string>();
  let hasServerCode = false;

  for (const statement of body) {
    if (statement.type === "ImportDeclaration") {
      if (statement.importKind === "type") continue;
      const specifiers = (statement.specifiers as AnyNode[]).filter((s) => s.importKind !== "type");
      // Side-effect imports always stay.
      if (specifiers.length === 0) continue;
      declarations.push({ statement, names: specifiers.map((s) => (s.local as AnyNode).name as string), refs: new Set(), isImport: true });
      continue;
    }
    if (statement.type === "ExportNamedDeclaration") {
      const declaration = statement.declaration as AnyNode | null;
      if (declaration) {
        const names = declaredNames(declaration);
        if (names.length > 0 && names.every((name) => serverExports.has(name))) {
          hasServerCode = true;
          serverRanges.push(rangeOf(statement));
          collect(declaration, serverRefs);
        } else {
          collect(declaration, rootRefs);
        }
        continue;
      }
      const specifiers = statement.specifiers as AnyNode[];
      if (statement.source) {
        // `export { getServerSideProps } from "./data"`: a server-only re-export edge.
        if (specifiers.length > 0 && specifiers.every((s) => serverExports.has(exportedName(s)))) {
          hasServerCode = true;
          serverRanges.push(rangeOf(statement));
        }
        continue;
      }
      for (const specifier of specifiers) {
        const local = (specifier.local as AnyNode).name as string;
        if (serverExports.has(exportedName(specifier))) {
          hasServerCode = true;
          serverRefs.add(local);
        } else rootRefs.add(local);
      }
      continue;
    }
    const names = declaredNames(statement);
    if (names.length > 0) {
      const refs = new Set<string>();
      collect(statement, refs);
      declarations.push({ statement, names, refs, isImport: false });
    } else {
      collect(statement, rootRefs);
    }
  }
  if (!hasServerCode) return { serverRanges: [] };

  const live = closure(rootRefs, declarations);
  const serverOnly = closure(serverRefs, declarations);
  for (const declaration of declarations) {
    const usedByServer = declaration.names.some((name) => serverOnly.has(name));
    const usedByBrowser = declaration.names.some((name) => live.has(name));
    if (usedByServer && !usedByBrowser) serverRanges.push(rangeOf(declaration.statement));
  }
  return { serverRanges };
}

/** Names reachable from `start` through top-level declarations' references. */
function closure(start: Set<string>, declarations: Declaration[]): Set<string> {
  const reached = new Set(start);
  let changed = true;
  while (changed) {
    changed = false;
    for (const declaration of declarations) {
      if (!declaration.names.some((name) => reached.has(name))) continue;
      for (const ref of declaration.refs) {
        if (!reached.has(ref)) {
          reached.add(ref);
          changed = true;
        }
      }
    }
  }
  return reached;
}

function collect(node: AnyNode, into: Set<string>): void {
  forEachValueName(node, (name) => into.add(name));
}

function exportedName(specifier: AnyNode): string {
  const exported = specifier.exported as AnyNode;
  return (exported.name as string | undefined) ?? String(exported.value);
}

function declaredNames(statement: AnyNode): string[] {
  switch (statement.type) {
    case "FunctionDeclaration":
    case "ClassDeclaration":
    case "TSEnumDeclaration":
      return statement.id ? [(statement.id as AnyNode).name as string] : [];
    case "VariableDeclaration":
      return (statement.declarations as AnyNode[]).flatMap((declarator) => patternNames(declarator.id as AnyNode));
    default:
      return [];
  }
}

function patternNames(pattern: AnyNode | null): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name as string];
    case "ObjectPattern":
      return (pattern.properties as AnyNode[]).flatMap((p) => patternNames((p.type === "RestElement" ? p.argument : p.value) as AnyNode));
    case "ArrayPattern":
      return (pattern.elements as Array<AnyNode | null>).flatMap((e) => patternNames(e));
    case "AssignmentPattern":
      return patternNames(pattern.left as AnyNode);
    case "RestElement":
      return patternNames(pattern.argument as AnyNode);
    default:
      return [];
  }
}

/** True when offset `at` lies in one of `ranges`. */
export function inRanges(ranges: Array<[number, number]>, at: number): boolean {
  return ranges.some(([start, end]) => at >= start && at < end);
}

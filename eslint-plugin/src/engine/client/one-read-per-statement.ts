/**
 * One finding per env variable per statement: `a ? a : "free"` reads the variable twice, but it
 * is one leak to fix. Reads of the same name in different statements stay separate findings, and
 * so do two settings of one object (`{ enabled: !!KEY, apiKey: KEY }`: JennyT3/INFINITO, batch 51)
 * and two `{…}` of JSX (an attribute and a child of one element: romiteld/eva-assistant's debug
 * page), each a line the user reads as its own use of the key: a component's whole markup is one
 * return statement.
 */
import type { TSESTree } from "../ast";
import type { EnvRead } from "./env-reads";
import { rangeOf, walk } from "./walk";

const STATEMENT = /(?:Statement|Declaration)$|^(?:Property|JSXExpressionContainer)$/;

/** The reads grouped by variable and statement, in source order: report the first, fix them all. */
export function readsByStatement(program: TSESTree.Program, reads: EnvRead[]): EnvRead[][] {
  const names = new Set(reads.map((read) => read.name));
  if (names.size === reads.length) return reads.map((read) => [read]);
  const statements: Array<[number, number]> = [];
  walk(program, (node) => {
    if (STATEMENT.test(node.type) && node.type !== "BlockStatement") statements.push(rangeOf(node));
  });
  const groups = new Map<string, EnvRead[]>();
  for (const read of reads) {
    const [start, end] = rangeOf(read.node);
    // The innermost statement (or object property) holding the read (statements nest; the shortest one that contains it).
    let inner: [number, number] | undefined;
    for (const range of statements) {
      if (range[0] <= start && end <= range[1] && (!inner || range[1] - range[0] < inner[1] - inner[0])) inner = range;
    }
    const key = `${read.name}@${inner ? inner.join(":") : "program"}`;
    const group = groups.get(key);
    if (group) group.push(read);
    else groups.set(key, [read]);
  }
  return [...groups.values()];
}

/**
 * `walk` (server-route/ast-utils) pushes children straight onto its stack instead of building an
 * array per node (issue 11). The analyses that use it take "first found" as "first in the file"
 * (the first key, the first limiter), so the order is the contract: the same pre-order, left to
 * right, as a recursive walk over `children`, on every node type a real file has.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource, type TSESTree } from "../../eslint-plugin/src/engine/ast";
import { children, walk } from "../../eslint-plugin/src/engine/server-route/ast-utils";

function recursiveOrder(root: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node) => {
    out.push(node);
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return out;
}

function walkOrder(root: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  walk(root, (node) => out.push(node));
  return out;
}

/** Nodes as "Type@start-end": comparable, and printable when the orders differ (nodes have parents). */
function described(nodes: TSESTree.Node[]): string[] {
  return nodes.map((node) => `${node.type}@${node.range[0]}-${node.range[1]}`);
}

const ENGINE = path.join(__dirname, "../../eslint-plugin/src/engine");

describe("server-route walk", () => {
  it("visits in source order: holes, optional children, JSX, decorators and type annotations", () => {
    const text = [
      "@Injectable() class A { constructor(private readonly openai: OpenAI) {} }",
      "const [, second, ...rest] = list;",
      "const f = async ({ a = 1, b }: { a?: number; b: string }) => <div id={a}>{b}<span /></div>;",
      "export default function route(req?: Request) { if (req) return fetch(`x${req.url}`); else return null; }",
    ].join("\n");
    const source = parseSource("/app/route.tsx", text);
    assert.ok(source);
    const walked = walkOrder(source.ast);
    assert.deepEqual(described(walked), described(recursiveOrder(source.ast)));
    // Source order, checked on its own: identifiers come out left to right.
    const names = walked.filter((node): node is TSESTree.Identifier => node.type === "Identifier").map((node) => node.name);
    assert.deepEqual(names.slice(0, 6), ["Injectable", "A", "constructor", "openai", "OpenAI", "second"]);
  });

  it("visits every node of this engine's own modules in the recursive order", () => {
    let files = 0;
    for (const name of fs.readdirSync(path.join(ENGINE, "server-route"))) {
      if (!name.endsWith(".ts")) continue;
      const file = path.join(ENGINE, "server-route", name);
      const source = parseSource(file, fs.readFileSync(file, "utf8"));
      assert.ok(source, file);
      assert.deepEqual(described(walkOrder(source.ast)), described(recursiveOrder(source.ast)), file);
      files++;
    }
    assert.ok(files > 10);
  });
});

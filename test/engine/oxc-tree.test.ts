/**
 * A file read only for what it exports is parsed by oxc (engine/oxc-tree): its tree must be the one
 * TypeScript-ESTree gives, or a shared client, a mounted limiter or an imported key would be read
 * differently from the file ESLint lints. And whatever oxc cannot take goes the usual way.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "@typescript-eslint/typescript-estree";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { oxcTree } from "../../eslint-plugin/src/engine/oxc-tree";

const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(?:[cm]?[jt]sx?)$/.test(entry.name) ? [full] : [];
  });
}

/** The usual parse of parseSource's summary trees: no locations, no comments. */
function typescriptTree(file: string, text: string): unknown {
  return parse(text, { jsx: !/\.(?:ts|mts|cts)$/i.test(file), range: true, loc: false, comment: false, tokens: false, errorOnUnknownASTType: false, filePath: file });
}

/**
 * Where two trees part, or undefined. A field one parser leaves out and the other sets to null
 * (or to its default) is the same field; JSX text keeps its HTML entities in oxc's tree.
 */
function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${path}: array`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    if (left.type === "JSXText") return undefined;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (key === "parent" || key === "start" || key === "end") continue;
      if (!(key in left) || !(key in right) || left[key] == null || right[key] == null) {
        if ((left[key] ?? null) === (right[key] ?? null) || !(key in left) || !(key in right)) continue;
      }
      const difference = firstDifference(left[key], right[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return undefined;
  }
  return String(a) === String(b) ? undefined : `${path}: ${String(a).slice(0, 40)} vs ${String(b).slice(0, 40)}`;
}

describe("engine: oxc's tree for files read only for their exports", () => {
  it("is TypeScript-ESTree's tree, over this repository's sources, tests and fixtures", () => {
    const files = [...sourceFiles(join(ROOT, "eslint-plugin/src")), ...sourceFiles(join(ROOT, "extension/src")), ...sourceFiles(join(ROOT, "test"))];
    const differences: string[] = [];
    let parsed = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      let expected: unknown;
      try {
        expected = typescriptTree(file, text);
      } catch {
        continue; // a fixture that is meant not to parse
      }
      const tree = oxcTree(file, text);
      if (!tree) continue;
      parsed++;
      const difference = firstDifference(expected, tree);
      if (difference) differences.push(`${file.slice(ROOT.length + 1)} ${difference}`);
    }
    assert.ok(files.length > 400 && parsed > files.length * 0.95, `${parsed} of ${files.length} parsed by oxc`);
    assert.deepEqual(differences, []);
  });

  it("is what parseSource gives without locations or comments, parents set", () => {
    const text = 'import OpenAI from "openai";\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n';
    const source = parseSource("/app/lib/openai.ts", text, { loc: false, comments: false })!;
    // oxc's nodes carry `start`; TypeScript-ESTree's do not.
    assert.equal((source.ast as unknown as { start?: number }).start, 0);
    const declaration = source.ast.body[1];
    assert.equal(declaration.parent, source.ast);
    assert.equal(firstDifference(typescriptTree("/app/lib/openai.ts", text), source.ast), undefined);
    // With locations, the usual parse.
    assert.equal((parseSource("/app/lib/openai.ts", text)!.ast as unknown as { start?: number }).start, undefined);
  });

  it("reads JSX in a .js file, as TypeScript-ESTree does", () => {
    const text = "export default function Home() {\n  return <div className=\"a\">Hi</div>;\n}\n";
    assert.ok(oxcTree("/app/page.js", text));
    assert.ok(oxcTree("/app/page.mjs", text));
  });

  it("leaves to TypeScript-ESTree what oxc stops at, what is too deep for it and what is not JS or TS", () => {
    // A const with no value: oxc stops, TypeScript-ESTree reads it (a declaration file is oxc's "dts").
    const noValue = "export const limit;\n";
    assert.equal(oxcTree("/app/config.ts", noValue), undefined);
    assert.equal(parseSource("/app/config.ts", noValue, { loc: false, comments: false })?.ast.body[0].type, "ExportNamedDeclaration");
    assert.ok(oxcTree("/app/config.d.ts", "export const limit: number;\n"));
    // Nesting that would overflow oxc's native stack (the process would die, not throw).
    const deep = `x = ${"(".repeat(7000)}1${")".repeat(7000)}`;
    assert.equal(oxcTree("/app/deep.js", deep), undefined);
    // A component's code is cut out of its markup first.
    assert.equal(oxcTree("/app/App.vue", "<script setup>\nconst a = 1\n</script>\n"), undefined);
    assert.equal(parseSource("/app/App.vue", "<script setup>\nconst a = 1\n</script>\n", { loc: false, comments: false })?.ast.body[0].type, "VariableDeclaration");
    // Code that does not parse at all: no tree either way, never a throw.
    assert.equal(oxcTree("/app/broken.ts", "const = ;"), undefined);
    assert.equal(parseSource("/app/broken.ts", "const = ;", { loc: false, comments: false }), undefined);
  });
});

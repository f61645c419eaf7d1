/**
 * What the client graphs keep for a whole run (every module's imports and exports, every
 * resolved import) holds no file's text. V8 makes a slice of 13+ characters a view of the whole
 * string, so a specifier or name taken from a file's text and kept in a table kept the file:
 * linting vercel/ai's 6,282 files, the heap after the run held two copies of every text a graph
 * had read (engine/detached-string.ts).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { scanModule } from "../../eslint-plugin/src/engine/client/scan";
import { clearResolvers, createResolver } from "../../eslint-plugin/src/engine/client/resolve";
import { inTempTree } from "../support/temp-tree";

/** 1 MB of module text, different for each `n`, that starts with `head`. */
const bigModule = (n: number, head: string) => `${head}\n${`// ${String(n).repeat(40)}\n`.repeat((1 << 20) / 44)}`;

/** MiB the heap keeps after `keep` ran (and its own garbage was collected). */
function heapKeptBy(keep: () => unknown): { kept: unknown; mib: number } {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = keep();
  gc();
  return { kept, mib: (process.memoryUsage().heapUsed - before) / 2 ** 20 };
}

describe("what the client graphs keep for the run", function () {
  this.timeout(60_000);

  it("the scanner's specifiers and names are strings of their own, not views of the module's text", () => {
    // 24 modules of 1 MB: 48 MB if each kept its text and its blanked copy.
    const { kept, mib } = heapKeptBy(() =>
      Array.from({ length: 24 }, (_, n) => {
        const { imports, exportNames } = scanModule(bigModule(n, `import { generateTextWithTools${n} } from "@company/very-long-package-name-${n}";\nexport const answerTheQuestion${n} = 1;`));
        return [...imports.map((edge) => edge.specifier), ...imports.flatMap((edge) => edge.valueNames), ...exportNames];
      }),
    );
    assert.deepEqual((kept as string[][])[23], ["@company/very-long-package-name-23", "generateTextWithTools23", "answerTheQuestion23"]);
    assert.ok(mib < 8, `the heap kept ${mib.toFixed(1)} MiB`);
  });

  it("the resolver's answer cache keeps no importer's text through the specifier it was asked", () => {
    inTempTree("keyfence-kept-", (root, write) => {
      write("package.json", JSON.stringify({ name: "app", private: true }));
      const importer = write("src/main.ts", "export {};\n");
      try {
        const resolver = createResolver(root, "vite");
        const { kept, mib } = heapKeptBy(() =>
          Array.from({ length: 24 }, (_, n) => {
            // A specifier as a parser gives it: a slice of the importer's text.
            const text = bigModule(n, `import x from "./components/a-module-that-is-not-there-${n}";`);
            const specifier = text.slice(text.indexOf('"') + 1, text.indexOf('";'));
            return resolver.resolve(importer, specifier) ?? null;
          }),
        );
        assert.equal((kept as unknown[]).length, 24);
        assert.ok(mib < 8, `the heap kept ${mib.toFixed(1)} MiB`);
        assert.equal(resolver.resolve(importer, "./main"), path.join(root, "src/main.ts"));
      } finally {
        clearResolvers();
      }
    });
  });
});

/**
 * util/plain-module: a rule's engine module, loaded on first use and then read as a plain object,
 * so the bundle's export getters run once per process, not once per file and rule (issue 11).
 */
import { strict as assert } from "node:assert";
import { plainModule } from "../../eslint-plugin/src/util/plain-module";

describe("plainModule", () => {
  it("loads nothing until first asked, then reads each export's getter once", () => {
    let loads = 0;
    let reads = 0;
    const bundled = {};
    // What an esbuild CommonJS module looks like: enumerable getters over the module's bindings.
    Object.defineProperty(bundled, "findThings", { enumerable: true, get: () => (reads++, (text: string) => text.length) });
    const engine = plainModule(() => (loads++, bundled as { findThings: (text: string) => number }));
    assert.equal(loads, 0, "importing the rule loads no engine");
    for (let file = 0; file < 3; file++) {
      const { findThings } = engine();
      assert.equal(findThings("abc"), 3);
    }
    assert.equal(loads, 1);
    assert.equal(reads, 1, "the getter ran once, not once per file");
  });
});

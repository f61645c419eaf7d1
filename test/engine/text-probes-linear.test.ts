/**
 * The text probes (engine/text-facts.ts) on 1 MB of adversarial input: each probe's near misses
 * repeated (`from "openai/…` never closed, a constructor name and spaces but no call, `"a` for the
 * AI SDK's `"ai"`), for every probe. A super-linear pattern takes minutes on these; the bound
 * (as in test/engine/keys/linear-time.test.ts) leaves room for a slow, loaded machine.
 */
import * as assert from "node:assert/strict";
import { PROBE_NAMES, TEXT_PROBES } from "../../eslint-plugin/src/engine/text-facts";

const MB = 1 << 20;
const BOUND_MS = 5000;
const repeatTo = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const NEAR_MISSES = [
  `from "openai/${"x".repeat(99)}`,
  `from ${" ".repeat(19)}'@ai-sdk/openai/`,
  `from "openai/${"y".repeat(200)}"\n`,
  `OpenAI${" ".repeat(39)} `,
  `createOpenAI${"\n".repeat(41)}(`,
  `"a"i'a`,
  "process.en",
  "dangerouslyAllowBrowse",
  "api.openai.co",
  "Authorizatio",
  ".serve",
  "this.server.",
];

describe("text probes are linear-time on adversarial input", function () {
  this.timeout(120_000);

  for (const probe of PROBE_NAMES) {
    it(`${probe}: 1 MB of each near miss`, () => {
      for (const unit of NEAR_MISSES) {
        const text = repeatTo(unit);
        const started = performance.now();
        TEXT_PROBES[probe](text);
        const ms = performance.now() - started;
        assert.ok(ms < BOUND_MS, `${probe} on ${JSON.stringify(unit.slice(0, 20))}…: ${ms.toFixed(0)} ms`);
      }
    });
  }

  it("the near misses are misses for sdkUse, and the hits are hits (the test is about the right pattern)", () => {
    assert.equal(TEXT_PROBES.sdkUse(repeatTo(NEAR_MISSES[0])), -1);
    assert.equal(TEXT_PROBES.sdkUse(repeatTo(NEAR_MISSES[3])), -1);
    assert.equal(TEXT_PROBES.sdkUse(repeatTo(NEAR_MISSES[4])), -1);
    assert.equal(TEXT_PROBES.sdkUse(`${repeatTo(NEAR_MISSES[3])}new OpenAI(`) >= MB, true);
  });

  it("serverMarker: a module path, not a property named server", () => {
    assert.equal(TEXT_PROBES.serverMarker(repeatTo("this.server.listen(port); options.server = s;\n")), -1);
    for (const hit of [`import { db } from "~/db.server";`, `import { db } from "./db.server.ts";`, `from "~/.server/db"`, `from "$lib/server/db"`, `from "$app/server"`, `import "server-only";`]) {
      assert.ok(TEXT_PROBES.serverMarker(`const a = 1;\n${hit}`) >= 12, hit);
    }
  });
});

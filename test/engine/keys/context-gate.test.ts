/**
 * A format that spans tokens and has no literal to look for first (fal's `<uuid>:<32 hex>`) would
 * be a regex over every file's whole text; its key needs the provider named nearby anyway, so the
 * scan runs only where one of fal's words is a word of the text (not "false", not "Falcon").
 */
import * as assert from "node:assert/strict";
import { findKeyCandidates, scanText } from "../../../eslint-plugin/src/engine/keys";
import { scanSpanningFormats } from "../../../eslint-plugin/src/engine/keys/scan";
import { fakeKey } from "../../support/fake-keys";

const falKey = fakeKey("fal");
const falCandidates = (text: string) => scanSpanningFormats(text).filter((candidate) => candidate.format.provider.id === "fal").length;

describe("keys: spanning formats gated by their provider's words", () => {
  it("scans for a fal key where a fal word is in the text: FAL_KEY, falKey, createFal, fal.run, @fal-ai", () => {
    for (const before of ["FAL_KEY=", "const falKey = '", "createFal({ apiKey: '", "// https://fal.run/\nconst k = '", "import { fal } from '@fal-ai/client';\nconst k = '", "FALAI_KEY="]) {
      assert.equal(falCandidates(`${before}${falKey}'`), 1, before);
    }
  });

  it("skips the scan where no fal word is: 'false', 'Falcon', 'FALSE' are none", () => {
    assert.equal(falCandidates(`const ok = false;\nconst Falcon = 1;\nconst FALSE = 0;\nconst pair = "${falKey}";`), 0);
  });

  it("scans a piece whose name lies outside it: an env entry's value, literals joined from code (drewsephski/Daria's tracked .env)", () => {
    assert.deepEqual(scanText(falKey, { context: ["FAL_API_KEY"] }).map((match) => match.provider.id), ["fal"]);
    assert.equal(findKeyCandidates(falKey, false).filter((candidate) => candidate.format.provider.id === "fal").length, 1);
    assert.equal(findKeyCandidates(falKey).filter((candidate) => candidate.format.provider.id === "fal").length, 0);
  });

  it("stays fast on 1 MB of text without a fal word", () => {
    const text = `const x = false; // ${"a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6:".repeat(27_000)}`;
    const started = performance.now();
    scanSpanningFormats(text);
    assert.ok(performance.now() - started < 5_000, `${(performance.now() - started).toFixed(0)} ms`);
  });
});

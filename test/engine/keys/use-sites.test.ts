/**
 * A Google key held in a const or class field is a Maps key when its uses build Maps URLs
 * (engine/keys/hardcoded-keys/use-sites.ts). Looking for the uses is bounded per analysis, not per
 * tree: the editor may analyse the same tree again, and must answer as ESLint does every time.
 */
import * as assert from "node:assert/strict";
import { parseSource } from "../../../eslint-plugin/src/engine/ast";
import { findHardcodedKeys } from "../../../eslint-plugin/src/engine/keys/hardcoded-keys";
import { fakeKey } from "../../support/fake-keys";

describe("no-hardcoded-keys: where a held key is used", () => {
  const maps = `const apiKey = "${fakeKey("google-ai", undefined, 201)}";\nexport const geocode = (q: string) => fetch("https://maps.googleapis.com/maps/api/geocode/json?address=" + q + "&key=" + apiKey);\n`;
  const gemini = maps.replace("maps.googleapis.com/maps/api/geocode/json", "generativelanguage.googleapis.com/v1beta/models");

  it("the same tree analysed again and again gives the same answer", () => {
    const source = parseSource("/geo.ts", maps)!;
    for (let i = 0; i < 20; i++) assert.deepEqual(findHardcodedKeys(source), [], `analysis #${i + 1}`);
  });

  it("a key whose use is the provider's own host is reported", () => {
    assert.equal(findHardcodedKeys(parseSource("/chat.ts", gemini)!).length, 1);
  });
});

/** Env files as dotenv reads them, with the offsets reports need. */
import assert from "node:assert/strict";
import { locateInValue, parseEnvFile } from "../../eslint-plugin/src/engine/env-files";

function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

describe("env files: parsing", () => {
  it("reads values the way dotenv does, with name and value offsets", () => {
    const text = [
      "# a comment",
      "export A=plain # trailing comment",
      'B="double # not a comment"',
      "C='single'",
      "D=`back`",
      'E="line one',
      'line two"',
      "F: colon style",
      "  G = spaced  ",
      "H=",
      "not an entry",
    ].join("\r\n");
    const entries = parseEnvFile(text);
    assert.deepEqual(
      entries.map((e) => [e.name, e.value, e.quote]),
      [
        ["A", "plain", ""],
        ["B", "double # not a comment", '"'],
        ["C", "single", "'"],
        ["D", "back", "`"],
        // dotenv turns CRLF into LF before parsing.
        ["E", "line one\nline two", '"'],
        ["F", "colon style", ""],
        ["G", "spaced", ""],
        ["H", "", ""],
      ],
    );
    for (const entry of entries) {
      assert.equal(slice(text, entry.nameRange), entry.name);
      if (!entry.value.includes("\n")) assert.equal(slice(text, entry.valueRange), entry.value);
    }
  });

  it("keeps dotenv's last definition of a name and the raw text of earlier ones", () => {
    const entries = parseEnvFile("A=first\nA=second\n");
    assert.deepEqual(entries.map((e) => e.value), ["first", "second"]);
  });

  it("locates a piece of a value that escapes changed", () => {
    const text = 'A="x\\ny-KEY"\n';
    const [entry] = parseEnvFile(text);
    assert.equal(entry.value, "x\ny-KEY");
    const range = locateInValue(text, entry, entry.value.indexOf("KEY"), entry.value.length);
    assert.equal(slice(text, range), "KEY");
  });

  it("reads an unclosed quote as a bare value, like dotenv", () => {
    const [entry] = parseEnvFile('A="open\nB=2\n');
    assert.equal(entry.value, '"open');
  });

  // Bounds are generous for a loaded 2-core machine; a quadratic version takes minutes at 1 MB.
  it("stays linear on pathological input", () => {
    const text = 'A="\n'.repeat(100_000) + "B='x\n".repeat(100_000);
    const started = Date.now();
    parseEnvFile(text);
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
  });

  it("stays linear on 1 MB of blank lines ending in a comment (dotenv's own regex is quadratic there)", () => {
    const text = "\n".repeat(1024 * 1024) + "# end\nA=1\n";
    const started = Date.now();
    const entries = parseEnvFile(text);
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
    assert.deepEqual(entries.map((e) => [e.name, e.value]), [["A", "1"]]);
  });

  it("stays linear on 1 MB of blank lines and spaces between entries", () => {
    const text = "A=1\n" + " \n\t\n".repeat(256 * 1024) + "#x\nB='two'\n";
    const started = Date.now();
    const entries = parseEnvFile(text);
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
    assert.deepEqual(entries.map((e) => [e.name, e.value]), [["A", "1"], ["B", "two"]]);
  });
});

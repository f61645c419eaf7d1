/**
 * What an env file's values say about a secret, on inputs made to defeat its patterns: the
 * placeholder alternatives (`your_…` behind a key's prefix, durations) stay linear at 1 MB.
 */
import { strict as assert } from "node:assert";
import { canBeSecret, holdsSecrets } from "../../eslint-plugin/src/engine/gitignore/env-secrets";

describe("env values: placeholders, durations and secrets", () => {
  it("a placeholder behind a key's prefix and a duration are no secret; a value is", () => {
    assert.equal(canBeSecret("sk-your_openai_api_key_here"), false);
    assert.equal(canBeSecret("sk-proj-your-key"), false);
    assert.equal(canBeSecret("7d"), false);
    assert.equal(canBeSecret("15m"), false);
    assert.equal(canBeSecret("900ms"), false);
    assert.equal(canBeSecret("d8f3a9c2e1b7"), true);
    assert.equal(canBeSecret("yourcompanysecret"), true);
  });

  // Bounds are generous for a loaded 2-core machine; a backtracking pattern takes minutes at 1 MB.
  it("stays linear on 1 MB values that nearly match a placeholder", () => {
    for (const value of [`sk-your_${"a -".repeat(350_000)}!`, `your-${"x".repeat(1 << 20)}@`, `${"7".repeat(1 << 20)}d`, `abcdef_${"your_".repeat(200_000)}`]) {
      const started = performance.now();
      canBeSecret(value);
      holdsSecrets(`JWT_SECRET=${value}\n`);
      assert.ok(performance.now() - started < 5_000, `${(performance.now() - started).toFixed(0)} ms on ${value.slice(0, 12)}…`);
    }
  });
});

/** no-shared-env-keys on real folders. */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { environmentOf, sharedKeyFindings } from "../../eslint-plugin/src/engine/env-values";
import { messageOf } from "../../eslint-plugin/src/engine/rules";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, readFile, removeRepos, writeFile } from "../env/support";

describe("no-shared-env-keys", () => {
  after(removeRepos);

  it("names environments by file name", () => {
    assert.deepEqual(
      [".env", ".env.local", ".env.development.local", ".env.prod", ".env.production", ".env.example", ".env.staging"].map(environmentOf),
      [undefined, "development", "development", "production", "production", undefined, "staging"],
    );
  });

  it("reports the same key in development and production, with the file pair and no value", () => {
    const key = fakeKey("openai");
    const dir = makeRepo({
      ".env.development": `OPENAI_API_KEY=${key}\nDB_PASSWORD=correct-horse-battery-staple\n`,
      ".env.production": `OPENAI_KEY="${key}"\nDB_PASSWORD=another-long-password-value\n`,
      ".env.development.local": `OPENAI_API_KEY=${key}\n`,
      ".env": `OPENAI_API_KEY=${key}\n`,
    });
    const findings = sharedKeyFindings(join(dir, ".env.production"), readFile(dir, ".env.production"));
    assert.deepEqual(findings.map((f) => [f.data.otherFile, f.data.otherName]), [[".env.development", "OPENAI_API_KEY"], [".env.development.local", "OPENAI_API_KEY"]]);
    const text = readFile(dir, ".env.production");
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end), key);
    const message = messageOf(findings[0]);
    assert.match(message, /OPENAI_KEY in \.env\.production \(production\).*OPENAI_API_KEY in \.env\.development \(development\)/);
    assert.ok(!message.includes(key.slice(-4)) || !message.includes(key.slice(0, 8)));
    assert.ok(!message.includes(key));
    // Same environment (.env.development vs .env.development.local) and `.env` (every environment): quiet.
    assert.deepEqual(sharedKeyFindings(join(dir, ".env.development.local"), readFile(dir, ".env.development.local")).map((f) => f.data.otherFile), [".env.production"]);
    assert.deepEqual(sharedKeyFindings(join(dir, ".env"), readFile(dir, ".env")), []);
  });

  it("sees a sibling env file created after a first look (the folder listing is cached by the folder's mtime)", () => {
    const key = fakeKey("groq");
    const dir = makeRepo({ ".env.development": `GROQ_API_KEY=${key}\n` });
    assert.deepEqual(sharedKeyFindings(join(dir, ".env.development"), readFile(dir, ".env.development")), []);
    writeFile(dir, ".env.production", `GROQ_API_KEY=${key}\n`);
    assert.deepEqual(sharedKeyFindings(join(dir, ".env.development"), readFile(dir, ".env.development")).map((f) => f.data.otherFile), [".env.production"]);
  });

  it("ignores made-up values under a secret name (the alphabet, a count, a placeholder word); a real shared secret is still reported", () => {
    const alphabet = "abcdefghijklmnopqrstuvwxyz";
    const files = `GOOGLE_API_KEY='${alphabet}'\nAPI_SECRET=1234567890123456\nJWT_SECRET=your-jwt-secret-goes-here\nSESSION_SECRET=${"ab12".repeat(5)}\nDB_PASSWORD=Tr0ub4dor-and-3-horses-2024\n`;
    const dir = makeRepo({ ".env.development": files, ".env.production": files });
    const findings = sharedKeyFindings(join(dir, ".env.production"), readFile(dir, ".env.production"));
    assert.deepEqual(findings.map((f) => f.data.name), ["DB_PASSWORD"]);
  });

  it("ignores short, non-secret and placeholder-free non-credential values", () => {
    const dir = makeRepo({ ".env.development": "PORT=3000\nSITE_URL=https://example.test/a/long/path\nNODE_ENV=x\n", ".env.production": "PORT=3000\nSITE_URL=https://example.test/a/long/path\nNODE_ENV=x\n" });
    assert.deepEqual(sharedKeyFindings(join(dir, ".env.production"), readFile(dir, ".env.production")), []);
  });
});

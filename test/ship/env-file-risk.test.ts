/** Which env files the ship rules speak about: a tracked file only with a real provider key. */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { isEnvFileAtRisk } from "../../eslint-plugin/src/engine/ship/env-file-risk";
import { fakeKey } from "../support/fake-keys";
import { makeRepo, removeRepos } from "../env/support";

describe("ship: env files at risk", () => {
  after(removeRepos);
  it("tracked files (committed on purpose) count only with a provider key; local names always; templates never", () => {
    const publicSettings = "VITE_GLOB_API_URL=/api\nDB_SECRET_KEY=super-secret-key\n";
    const dir = makeRepo({ ".env": publicSettings, "docker/.env": publicSettings, ".env.example": `OPENAI_API_KEY=${fakeKey("openai")}\n` }, { add: [".env", "docker/.env"] });
    assert.equal(isEnvFileAtRisk(join(dir, ".env"), publicSettings), false);
    assert.equal(isEnvFileAtRisk(join(dir, ".env"), `OPENAI_API_KEY=${fakeKey("openai")}\n`), true);
    assert.equal(isEnvFileAtRisk(join(dir, ".env.local"), "X=1\n"), true);
    assert.equal(isEnvFileAtRisk(join(dir, ".env.production"), "SITE=x\n"), false);
    assert.equal(isEnvFileAtRisk(join(dir, ".env.production"), "API_SECRET=abcdefgh12345678\n"), true);
    assert.equal(isEnvFileAtRisk(join(dir, ".env.example"), `OPENAI_API_KEY=${fakeKey("openai")}\n`), false);
  });
});

/** The three env-file rules through real ESLint with configs.recommended alone, on a real repository. */
import { strict as assert } from "node:assert";
import { fakeKey } from "../support/fake-keys";
import { lint, makeRepo, removeRepos } from "../env/support";

describe("env-dockerignore, env-npm-publish, no-shared-env-keys in ESLint", function () {
  this.timeout(60_000);
  after(removeRepos);

  it("report on env files; nothing on code; no autofix of other files", async () => {
    const key = fakeKey("openai");
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "web", version: "1.0.0" }),
      // npm falls back to this .gitignore, which does not cover the env files.
      ".gitignore": "node_modules\n",
      Dockerfile: "FROM node:20\nCOPY . .\n",
      ".env.local": `OPENAI_API_KEY=${key}\n`,
      ".env.production.local": `OPENAI_API_KEY=${key}\n`,
      "index.js": "export const x = 1;\n",
    });
    const messages = await lint(dir, { fix: true });
    const ours = messages.filter((m) => ["keyfence/env-dockerignore", "keyfence/env-npm-publish", "keyfence/no-shared-env-keys"].includes(m.ruleId ?? ""));
    const summary = ours.map((m) => `${m.file} ${m.ruleId}`).sort();
    assert.deepEqual(summary, [
      ".env.local keyfence/env-dockerignore",
      ".env.local keyfence/env-npm-publish",
      ".env.local keyfence/no-shared-env-keys",
      ".env.production.local keyfence/env-dockerignore",
      ".env.production.local keyfence/env-npm-publish",
      ".env.production.local keyfence/no-shared-env-keys",
    ]);
    for (const m of ours) assert.ok(!m.message.includes(key.slice(-8)));
  });

  it("a lower-case `dockerfile` (docker build's fallback name) with lower-case instructions bakes env files in too", async () => {
    const dir = makeRepo({
      "package.json": JSON.stringify({ name: "web", private: true }),
      ".gitignore": "node_modules\n.env\n",
      ".dockerignore": "node_modules\n",
      dockerfile: "from node:22 as build\nworkdir /code\ncopy ./frontend /code\nrun npm run build\n",
      "frontend/.env": `GROQ_API_KEY=${fakeKey("groq")}\n`,
      "frontend/index.js": "export const x = 1;\n",
    });
    const messages = await lint(dir);
    const summary = messages.filter((m) => m.ruleId === "keyfence/env-dockerignore").map((m) => `${m.file} ${m.ruleId}`);
    assert.deepEqual(summary, ["frontend/.env keyfence/env-dockerignore"]);
  });

  it("a tracked env file ships when it holds a key, even commented out; one of plain settings does not", async () => {
    const dir = makeRepo(
      {
        ".dockerignore": "node_modules\n",
        Dockerfile: "FROM python:3.12\nCOPY ./backend /code\nCOPY ./settings /settings\n",
        "backend/.env": `DB_HOST=localhost\nDB_PASSWORD=local-dev\n# GEMINI_API_KEY=${fakeKey("google-ai")}\n`,
        "settings/.env": "DB_HOST=localhost\nDEBUG=true\n",
      },
      { add: ["backend/.env", "settings/.env"] },
    );
    const messages = await lint(dir);
    const summary = messages.filter((m) => m.ruleId === "keyfence/env-dockerignore").map((m) => `${m.file} ${m.ruleId}`);
    assert.deepEqual(summary, ["backend/.env keyfence/env-dockerignore"]);
  });
});

/**
 * A Firebase web config pasted into an env file as `apiKey = '…'` lines (kOpHAIvU/SE347_Roadmap's
 * tracked client `.env`, batch 111): the `apiKey` is public by design, as it is in code, because
 * the config's own fields sit on the lines around it. Every env-file reader agrees: no
 * no-committed-env-keys, and env-dockerignore finds no key to bake into an image. A Gemini key
 * under its own name beside the same lines is still a key. Real repositories, real ESLint.
 */
import assert from "node:assert/strict";
import { fakeKey } from "../support/fake-keys";
import { lint, makeRepo, removeRepos } from "./support";

const google = fakeKey("google-ai");
const firebaseLines = (name: string) =>
  [`${name} = '${google}',`, "authDomain = 'roadmap-app.firebaseapp.com',", "projectId = 'roadmap-app',", "messagingSenderId = '123456789012',", ""].join("\n");

function repo(envText: string): string {
  return makeRepo(
    {
      "client/package.json": JSON.stringify({ name: "client", dependencies: { react: "18.0.0", "react-scripts": "5.0.0" } }),
      "client/src/index.js": "export const a = 1;\n",
      "client/Dockerfile": "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
      "client/.env": envText,
    },
    { add: ["client/.env"] },
  );
}

const keyRules = (messages: Array<{ file: string; ruleId: string | null }>) =>
  messages.filter((m) => m.file === "client/.env" && (m.ruleId === "keyfence/no-committed-env-keys" || m.ruleId === "keyfence/env-dockerignore")).map((m) => m.ruleId);

describe("env files: a Firebase web config's apiKey", () => {
  after(removeRepos);

  it("is public by design with the config's fields around it: no key reported, none baked into an image", async () => {
    assert.deepEqual(keyRules(await lint(repo(firebaseLines("apiKey")))), []);
  });

  it("a public-prefixed `…_API_KEY` whose stem also names the config's fields is its apiKey; the stem's other secrets and a Gemini key are not (HVVSATHWIK/Dots, batch 165)", async () => {
    const template = [
      "PUBLIC_FB_API_KEY=",
      "PUBLIC_FB_AUTH_DOMAIN=your-project.firebaseapp.com",
      "PUBLIC_FB_MESSAGING_SENDER_ID=000000000000",
      "PUBLIC_FB_ACCESS_TOKEN=",
      "PUBLIC_GEMINI_API_KEY=",
      // Two fields, none of them Firebase's alone: an app id and a project id say nothing.
      "VITE_PAY_API_KEY=",
      "VITE_PAY_APP_ID=",
      "VITE_PAY_PROJECT_ID=",
      "",
    ].join("\n");
    const dir = makeRepo({ "package.json": "{}\n", "index.js": "export const a = 1;\n", ".gitignore": ".env\n.env.local\n.env.*.local\n", ".env.example": template });
    const found = (await lint(dir)).filter((m) => m.file === ".env.example").map((m) => `${m.line} ${m.ruleId}`);
    assert.deepEqual(found, ["4 keyfence/no-committed-env-keys", "5 keyfence/no-committed-env-keys", "6 keyfence/no-committed-env-keys"]);
  });

  it("a Gemini key named so, beside the same lines, is reported by both", async () => {
    assert.deepEqual(keyRules(await lint(repo(firebaseLines("GEMINI_API_KEY")))).sort(), ["keyfence/env-dockerignore", "keyfence/no-committed-env-keys"]);
  });
});

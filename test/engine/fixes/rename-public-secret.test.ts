/**
 * "Rename NEXT_PUBLIC_X to X" renames every file that reads the name and every env file in one
 * plan, and only where every reader runs on the server alone: browser code would read undefined
 * after it (and a secret read there is a no-client-secrets finding), so there the fix offered is
 * the server route. Real project folders in temp dirs, the same plan from the code and the env file.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { diskFiles, renamePublicSecret } from "../../../eslint-plugin/src/engine/fixes";
import { messageOf, planFixes } from "../../../extension/src/analyze";
import { lintProject, SETTINGS } from "../../support/lint-project";
import { applyPlan } from "../../server-route/fixture-project";

const NAME = "NEXT_PUBLIC_OPENAI_API_KEY";
const ROUTE = `export async function GET() {\n  return Response.json({ set: Boolean(process.env.${NAME}) });\n}\n`;
const LIB = `import "server-only";\nexport const key = process.env.${NAME};\n`;
const PAGE = `"use client";
import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.${NAME}, dangerouslyAllowBrowser: true });

export async function ask(question: string) {
  const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: question }] });
  return completion.choices[0].message.content;
}
`;

describe("fixes: rename a public secret in every file that reads it", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "keyfence-rename-public-"));
    dirs.push(dir);
    const all = { "package.json": JSON.stringify({ dependencies: { next: "15.0.0", openai: "4.80.0" } }), ".env.local": `${NAME}=placeholder-value\n`, ...files };
    for (const [relative, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, relative)), { recursive: true });
      writeFileSync(join(dir, relative), text);
    }
    return dir;
  }

  const rename = (dir: string, relative: string) =>
    renamePublicSecret({ file: join(dir, relative), text: readFileSync(join(dir, relative), "utf8"), name: NAME, prefix: "NEXT_PUBLIC_", files: diskFiles(), stopDir: dir });

  it("server-only readers: one plan renames both code files and the env file, from either side", () => {
    for (const from of ["app/api/chat/route.ts", ".env.local"]) {
      const dir = project({ "app/api/chat/route.ts": ROUTE, "lib/key.ts": LIB });
      const plan = rename(dir, from);
      assert.ok(plan, from);
      assert.deepEqual([...new Set(plan.edits.map((edit) => edit.file.slice(dir.length + 1)))].sort(), [".env.local", "app/api/chat/route.ts", "lib/key.ts"], from);
      applyPlan(plan);
      assert.equal(readFileSync(join(dir, "lib/key.ts"), "utf8"), LIB.replace(NAME, "OPENAI_API_KEY"));
      assert.equal(readFileSync(join(dir, "app/api/chat/route.ts"), "utf8"), ROUTE.replace(NAME, "OPENAI_API_KEY"));
      assert.equal(readFileSync(join(dir, ".env.local"), "utf8"), "OPENAI_API_KEY=placeholder-value\n");
    }
  });

  it("a browser file reads it too: no rename from the server file nor from the env file", () => {
    const dir = project({ "app/api/chat/route.ts": ROUTE, "app/chat/ask.ts": PAGE });
    assert.equal(rename(dir, "app/api/chat/route.ts"), undefined);
    assert.equal(rename(dir, ".env.local"), undefined);
  });

  it("in browser code the finding's fix is the server route, and its message says so", () => {
    const dir = project({ "app/chat/ask.ts": PAGE });
    const finding = lintProject(dir).find((f) => f.ruleId === "no-public-secrets" && f.messageId === "publicSecret");
    assert.ok(finding);
    const titles = planFixes(finding, PAGE, { settings: SETTINGS, files: diskFiles(), stopDir: dir }).map((plan) => plan.title);
    assert.deepEqual(titles, ["Move this AI call to a server route"]);
    assert.match(messageOf(finding), /call it through a server route/);
    const env = lintProject(dir).find((f) => f.ruleId === "no-committed-env-keys" && f.messageId === "publicSecretName");
    assert.ok(env);
    assert.deepEqual(planFixes(env, readFileSync(join(dir, ".env.local"), "utf8"), { settings: SETTINGS, files: diskFiles(), stopDir: dir }), []);
  });
});

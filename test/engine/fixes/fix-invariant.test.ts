/**
 * Every fix KeyFence offers holds on the fixture apps: applied in a temp copy, the touched files
 * parse, the finding is gone, nothing new appears, no unrelated line changes, line endings stay.
 * (scripts/fix-invariant.ts runs the same check on a folder of real apps.)
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkFixInvariant, type InvariantReport } from "../../support/fix-invariant";
import { fakeKey } from "../../support/fake-keys";
import { fixtureFileName } from "../../server-route/fixture-project";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");

/** A fixture folder with its __OPENAI_KEY__ / __ANTHROPIC_KEY__ placeholders filled with generated keys. */
function filledCopy(from: string, extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-invariant-src-"));
  fs.cpSync(from, root, { recursive: true });
  const fill = (text: string) => text.split("__OPENAI_KEY__").join(fakeKey("openai", undefined, 21)).split("__ANTHROPIC_KEY__").join(fakeKey("anthropic", undefined, 22));
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        fs.writeFileSync(path.join(dir, fixtureFileName(entry.name)), fill(fs.readFileSync(full, "utf8")));
        if (fixtureFileName(entry.name) !== entry.name) fs.rmSync(full);
      }
    }
  };
  visit(root);
  for (const [relative, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), fill(text));
  }
  return root;
}

const totals = { findings: 0, fixes: 0, typeChecked: 0 };

function assertHolds(report: InvariantReport, minFixes: number): void {
  totals.findings += report.findings;
  totals.fixes += report.fixesApplied;
  totals.typeChecked += report.typeChecked;
  assert.deepEqual(report.failures, []);
  assert.ok(report.fixesApplied >= minFixes, `${report.fixesApplied} fixes applied on ${report.findings} findings`);
}

describe("fix invariant: every offered fix holds", function () {
  this.timeout(300_000);
  const made: string[] = [];
  after(() => {
    made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
    console.log(`      fix invariant: ${totals.findings} findings, ${totals.fixes} fixes applied (${totals.typeChecked} type-checked), 0 failures`);
  });

  for (const app of fs.readdirSync(path.join(FIXTURES, "apps"))) {
    it(`fixture app ${app}`, () => {
      assertHolds(checkFixInvariant(path.join(FIXTURES, "apps", app), { gitInit: true }), 0);
    });
  }

  for (const app of fs.readdirSync(path.join(FIXTURES, "server-route")).filter((name) => !name.includes("."))) {
    it(`server-route fixture ${app}, with generated keys`, () => {
      const root = filledCopy(path.join(FIXTURES, "server-route", app));
      made.push(root);
      assertHolds(checkFixInvariant(root, { gitInit: true }), app.startsWith("middleware") ? 0 : 1);
    });
  }

  it("a project with every kind of key finding, a tracked .env and a CRLF file", () => {
    const root = filledCopy(path.join(FIXTURES, "server-route", "next-app"), {
      ".env": "OPENAI_API_KEY=__OPENAI_KEY__\n",
      ".env.example": "ANTHROPIC_API_KEY=__ANTHROPIC_KEY__\nNEXT_PUBLIC_OPENAI_API_KEY=\n",
      "lib/keys.ts": 'export const anthropicKey = "__ANTHROPIC_KEY__";\n',
      "lib/public.ts": "export const exposed = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\n",
      "app/crlf/page.tsx": '"use client";\r\nimport OpenAI from "openai";\r\n\r\nconst apiKey = process.env.OPENAI_API_KEY;\r\nconst client = new OpenAI({ apiKey, dangerouslyAllowBrowser: true });\r\n\r\nexport async function ask(q: string) {\r\n  return client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });\r\n}\r\n',
    });
    made.push(root);
    execFileSync("git", ["init", "-q"], { cwd: root });
    execFileSync("git", ["add", ".env"], { cwd: root });
    assertHolds(checkFixInvariant(root), 6);
  });
});

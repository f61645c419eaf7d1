import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { diskProjectView, findUnlimitedAiRoutes, planMoveCallToServerRoute } from "../../eslint-plugin/src/engine/server-route";
import { copyFixture, FIXTURES } from "./fixture-project";

function codeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return codeFiles(full);
    return /\.[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

describe("server-route engine on any input", () => {
  it("the planner answers a plan or nothing for every position of every fixture file", () => {
    const project = copyFixture("vite");
    try {
      const view = diskProjectView();
      let plans = 0;
      for (const file of [...codeFiles(FIXTURES), project.file("src/chat.ts")]) {
        const text = fs.readFileSync(file, "utf8");
        const source = parseSource(file, text);
        if (!source) continue;
        for (let start = 0; start <= text.length; start += 5) {
          const plan = planMoveCallToServerRoute({ source, range: { start, end: Math.min(text.length, start + 3) }, project: view });
          if (plan) plans++;
        }
        // Out-of-range and empty ranges are quiet too.
        assert.equal(planMoveCallToServerRoute({ source, range: { start: text.length + 10, end: text.length + 20 }, project: view }), undefined);
      }
      assert.ok(plans > 0);
    } finally {
      project.remove();
    }
  });

  it("findUnlimitedAiRoutes is quiet on odd files", () => {
    const view = { exists: () => false, read: () => undefined };
    const odd = [
      "",
      "export default 42;",
      'import OpenAI from "openai"; export const POST = 1;',
      'import OpenAI from "openai"; export { POST } from "./elsewhere";',
      'import OpenAI from "openai"; export default function () {}',
      'import OpenAI from "openai"; const app = {}; app.post("/x");',
      'import OpenAI from "openai"; app.post(`/x`, (req, res) => new OpenAI().chat.completions.create({}));',
      '"use server"; import OpenAI from "openai"; export async function POST() { return (async function f() { return f(); })(); }',
    ];
    for (const [index, text] of odd.entries()) {
      const source = parseSource(`/p/app/api/x${index}/route.ts`, text);
      assert.ok(source, text);
      assert.doesNotThrow(() => findUnlimitedAiRoutes(source, { project: view }), text);
    }
  });
});

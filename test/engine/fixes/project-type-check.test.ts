/**
 * The fix invariant's type-check (test/support/project-type-check.ts) tells a fix's new type
 * errors from what the project already had, on real folders.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { newErrors, projectTypeCheck } from "../../support/project-type-check";

function folder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "keyfence-type-check-"));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

describe("fix invariant: the project type-check", function () {
  this.timeout(120_000);
  const made: string[] = [];
  const make = (files: Record<string, string>) => {
    const root = folder(files);
    made.push(root);
    return root;
  };
  after(() => made.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it("no tsconfig.json: nothing to check", () => {
    assert.equal(projectTypeCheck(make({ "a.ts": "export const a = 1;\n" })), undefined);
  });

  it("reports an error a copy adds, not one the project had; positions do not matter", () => {
    const project = {
      "tsconfig.json": '{ "compilerOptions": { "strict": true } }',
      "package.json": '{ "dependencies": { "openai": "4.80.0" } }',
      "src/old.ts": 'import OpenAI from "openai";\nexport const broken: number = "already wrong";\nexport const client = new OpenAI();\n',
      "src/route.ts": "export const key = process.env.OPENAI_API_KEY;\n",
    };
    const check = projectTypeCheck(make(project))!;
    const before = check.errors(made[made.length - 1]);
    assert.deepEqual(before, ["src/old.ts TS2322: Type 'string' is not assignable to type 'number'."], "uninstalled packages are any; Node's types are there");
    const copy = make({ ...project, "src/old.ts": `\n\n${project["src/old.ts"]}`, "src/new.ts": 'import { missing } from "./nowhere";\nexport const n: string = callAiRoute(missing);\n' });
    assert.deepEqual(newErrors(before, check.errors(copy)), [
      "src/new.ts TS2307: Cannot find module './nowhere' or its corresponding type declarations.",
      "src/new.ts TS2304: Cannot find name 'callAiRoute'.",
    ]);
  });

  it("SvelteKit: a +server.ts finds its generated ./$types; $env/static/public has only the env files' PUBLIC_ names", () => {
    const root = make({
      "tsconfig.json": '{ "compilerOptions": { "strict": true } }',
      "package.json": '{ "devDependencies": { "@sveltejs/kit": "2.15.0" } }',
      ".env.local": "PUBLIC_OPENAI_API_KEY=x\n",
      "src/lib/a.ts": 'import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";\nexport const a = PUBLIC_OPENAI_API_KEY;\n',
      "src/lib/b.ts": 'import { OPENAI_API_KEY } from "$env/static/public";\nexport const b = OPENAI_API_KEY;\n',
      "src/routes/api/+server.ts": 'import type { RequestHandler } from "./$types";\nimport { env } from "$env/dynamic/private";\nexport const POST: RequestHandler = async ({ request, getClientAddress }) => new Response(env.KEY ?? getClientAddress() + request.url);\n',
    });
    assert.deepEqual(projectTypeCheck(root)!.errors(root), [`src/lib/b.ts TS2305: Module '"$env/static/public"' has no exported member 'OPENAI_API_KEY'.`]);
  });

  it("newErrors counts: one earlier error excuses one later error", () => {
    assert.deepEqual(newErrors(["a", "b"], ["a", "a", "b", "c"]), ["a", "c"]);
  });
});

/**
 * "Rename PUBLIC_X to X" in SvelteKit: `$env/static/public` exports only PUBLIC_ names, so the
 * renamed import must come from `$env/static/private`, which only server-only modules may import
 * (the fix invariant's type-check found the rename leaving `import { X } from "$env/static/public"`).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { diskFiles, renamePublicSecret } from "../../../eslint-plugin/src/engine/fixes";
import { applyPlan } from "../../server-route/fixture-project";

describe("fixes: rename a SvelteKit PUBLIC_ secret", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function plan(relative: string, code: string) {
    const dir = mkdtempSync(join(tmpdir(), "keyfence-rename-sveltekit-"));
    dirs.push(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ devDependencies: { "@sveltejs/kit": "2.0.0" } }));
    writeFileSync(join(dir, ".env.local"), "PUBLIC_OPENAI_API_KEY=placeholder-value\n");
    const file = join(dir, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
    return { dir, file, plan: renamePublicSecret({ file, text: code, name: "PUBLIC_OPENAI_API_KEY", prefix: "PUBLIC_", files: diskFiles(), stopDir: dir }) };
  }

  const code = `import { PUBLIC_OPENAI_API_KEY } from "$env/static/public";\nexport const key = PUBLIC_OPENAI_API_KEY;\n`;

  it("a server-only module: the name and the module change together, and the env file follows", () => {
    const { dir, file, plan: fix } = plan("src/routes/api/chat/+server.ts", code);
    assert.ok(fix);
    applyPlan(fix);
    assert.equal(readFileSync(file, "utf8"), `import { OPENAI_API_KEY } from "$env/static/private";\nexport const key = OPENAI_API_KEY;\n`);
    assert.equal(readFileSync(join(dir, ".env.local"), "utf8"), "OPENAI_API_KEY=placeholder-value\n");
  });

  it("$lib/server and *.server.ts count as server-only too", () => {
    for (const relative of ["src/lib/server/ai.ts", "src/routes/+page.server.ts"]) {
      const { plan: fix } = plan(relative, code);
      assert.ok(fix?.edits.some((edit) => "text" in edit && edit.text === "$env/static/private"), relative);
    }
  });

  it("a module that may reach the browser: no rename (the server route is the fix there)", () => {
    assert.equal(plan("src/lib/chat.ts", code).plan, undefined);
  });

  it("from the env file: one plan switches every importing server-only module with the env files", () => {
    const { dir, file } = plan("src/routes/api/chat/+server.ts", code);
    const lib = join(dir, "src/lib/server/ai.ts");
    mkdirSync(dirname(lib), { recursive: true });
    writeFileSync(lib, code);
    const env = join(dir, ".env.local");
    const fix = renamePublicSecret({ file: env, text: readFileSync(env, "utf8"), name: "PUBLIC_OPENAI_API_KEY", prefix: "PUBLIC_", files: diskFiles(), stopDir: dir });
    assert.ok(fix);
    applyPlan(fix);
    const renamed = `import { OPENAI_API_KEY } from "$env/static/private";\nexport const key = OPENAI_API_KEY;\n`;
    assert.equal(readFileSync(file, "utf8"), renamed);
    assert.equal(readFileSync(lib, "utf8"), renamed);
    assert.equal(readFileSync(env, "utf8"), "OPENAI_API_KEY=placeholder-value\n");
  });

  it("from the env file: not offered while a module that may reach the browser imports the name", () => {
    const { dir } = plan("src/routes/api/chat/+server.ts", code);
    mkdirSync(join(dir, "src/lib"), { recursive: true });
    writeFileSync(join(dir, "src/lib/chat.ts"), code);
    const env = join(dir, ".env.local");
    assert.equal(renamePublicSecret({ file: env, text: readFileSync(env, "utf8"), name: "PUBLIC_OPENAI_API_KEY", prefix: "PUBLIC_", files: diskFiles(), stopDir: dir }), undefined);
  });

  it("an import that brings other public names too: no rename, the user splits it", () => {
    const both = `import { PUBLIC_OPENAI_API_KEY, PUBLIC_SITE_NAME } from "$env/static/public";\nexport const key = PUBLIC_OPENAI_API_KEY;\n`;
    assert.equal(plan("src/routes/api/chat/+server.ts", both).plan, undefined);
  });
});

/**
 * Issue 10, class 5: a "use client" file in apps/web importing a workspace package that reads a
 * secret is reported like the same module inside the app (test/fixtures/apps/monorepo).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import plugin from "../../eslint-plugin/src/rules/no-client-secrets";
import type { noClientSecretsMessages } from "../../eslint-plugin/src/engine/client";
import { browserChain, fileStats, findClientSecrets, resetClientGraphs } from "../../eslint-plugin/src/engine/client";
import { parseSource } from "../../eslint-plugin/src/engine/ast";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import { packageOfFile, pnpmPatterns, resolveWorkspaceImport, workspaceOf } from "../../eslint-plugin/src/engine/client/workspaces";
import { ruleTester } from "../support/rule-tester";
import { inTempTree } from "../support/temp-tree";
import { appFile, APPS } from "./support";

const rule = plugin as unknown as RuleModule<keyof typeof noClientSecretsMessages, [{ reportNonSecretReads?: boolean }]>;
const MONOREPO = path.join(APPS, "monorepo");

ruleTester().run("no-client-secrets: workspace packages", rule, {
  valid: [
    // Imported by the app as a type only: erased, never in the browser bundle.
    appFile("monorepo", "packages/server-settings/src/index.ts"),
  ],
  invalid: [
    {
      ...appFile("monorepo", "packages/ai/src/config.ts"),
      errors: [
        {
          messageId: "clientSecret",
          line: 3,
          data: { name: "OPENAI_API_KEY", chain: "apps/web/app/chat/chat-box.tsx → packages/ai/src/index.ts → packages/ai/src/config.ts" },
        },
      ],
    },
  ],
});

describe("workspace packages", () => {
  afterEach(() => resetClientGraphs());

  it("finds the packages of an npm workspace and resolves exports to source", () => {
    const workspace = workspaceOf(path.join(MONOREPO, "apps", "web"));
    assert.ok(workspace);
    assert.deepEqual([...workspace.packages.keys()].sort(), ["@acme/ai", "@acme/server-settings", "@acme/web"]);
    assert.equal(resolveWorkspaceImport(workspace, "@acme/ai"), path.join(MONOREPO, "packages", "ai", "src", "index.ts"));
    assert.equal(resolveWorkspaceImport(workspace, "@acme/server-settings"), path.join(MONOREPO, "packages", "server-settings", "src", "index.ts"));
    assert.equal(resolveWorkspaceImport(workspace, "@acme/missing"), undefined);
    assert.equal(resolveWorkspaceImport(workspace, "react"), undefined);
  });

  it("the type-only import is no edge; the value import is", () => {
    assert.equal(browserChain(path.join(MONOREPO, "packages", "server-settings", "src", "index.ts")), undefined);
    assert.equal(browserChain(path.join(MONOREPO, "packages", "ai", "src", "config.ts"))?.length, 3);
  });

  it("reads pnpm-workspace.yaml (block and flow lists, comments, quotes)", () => {
    assert.deepEqual(pnpmPatterns("packages:\n  - 'apps/*'\n  - \"packages/**\" # all\n  - '!**/test/**'\ncatalog:\n  react: 19\n"), ["apps/*", "packages/**", "!**/test/**"]);
    assert.deepEqual(pnpmPatterns("packages: [apps/*, 'tools/cli']\n"), ["apps/*", "tools/cli"]);
  });

  it("a pnpm monorepo: subpath exports with conditions, nested packages/**", () => {
    inTempTree("keyfence-pnpm-", (root, write) => {
    write("pnpm-workspace.yaml", "packages:\n  - apps/*\n  - packages/**\n");
    write("package.json", JSON.stringify({ name: "root", private: true }));
    write("apps/web/package.json", JSON.stringify({ name: "web", dependencies: { vite: "6.0.0", "@acme/llm": "workspace:*" } }));
    write("apps/web/index.html", '<script type="module" src="/src/main.ts"></script>');
    write("apps/web/src/main.ts", 'import { ask } from "@acme/llm/client";\nask("hi");\n');
    write("packages/ai/llm/package.json", JSON.stringify({ name: "@acme/llm", exports: { "./client": { types: "./dist/client.d.ts", default: "./dist/client.js" } } }));
    write("packages/ai/llm/src/client.ts", "export const ask = (q: string) => fetch(q, { headers: { authorization: `Bearer ${import.meta.env.GROQ_API_KEY}` } });\n");
    const workspace = workspaceOf(path.join(root, "apps", "web"));
    assert.equal(resolveWorkspaceImport(workspace!, "@acme/llm/client"), path.join(root, "packages", "ai", "llm", "src", "client.ts"));
    assert.deepEqual(browserChain(path.join(root, "packages", "ai", "llm", "src", "client.ts"))?.map((file) => path.relative(root, file)), [
      path.join("apps", "web", "src", "main.ts"),
      path.join("packages", "ai", "llm", "src", "client.ts"),
    ]);
    });
  });

  it("a SvelteKit app of a workspace: $lib through its alias, a package (nested in another) through the workspace", () => {
    inTempTree("keyfence-kit-", (root, write) => {
    write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["apps/*", "packages/**"] }));
    write("tsconfig.json", "{}");
    write("apps/kit/package.json", JSON.stringify({ name: "kit", dependencies: { "@sveltejs/kit": "2.0.0", "@acme/llm": "workspace:*" } }));
    write("apps/kit/tsconfig.json", "{}");
    write("apps/kit/src/routes/+page.ts", 'import { ask } from "$lib/ask";\nexport const load = () => ask();\n');
    write("apps/kit/src/lib/ask.ts", 'import { client } from "@acme/llm";\nexport const ask = () => client;\n');
    write("packages/tools/package.json", JSON.stringify({ name: "@acme/tools", main: "./src/index.ts" }));
    write("packages/tools/llm/package.json", JSON.stringify({ name: "@acme/llm", main: "./src/index.ts", dependencies: { "@acme/tools": "*" } }));
    write("packages/tools/llm/src/index.ts", 'import { key } from "./key";\nexport const client = key;\n');
    write("packages/tools/llm/src/key.ts", "export const key = process.env.OPENAI_API_KEY;\n");
    const key = path.join(root, "packages", "tools", "llm", "src", "key.ts");
    assert.deepEqual(browserChain(key)?.map((file) => path.relative(root, file)), [
      path.join("apps", "kit", "src", "routes", "+page.ts"),
      path.join("apps", "kit", "src", "lib", "ask.ts"),
      path.join("packages", "tools", "llm", "src", "index.ts"),
      path.join("packages", "tools", "llm", "src", "key.ts"),
    ]);
    // The innermost package holds the file: @acme/llm (its dependents' apps judge it), not @acme/tools.
    const workspace = workspaceOf(path.join(root, "apps", "kit"))!;
    assert.equal(packageOfFile(workspace, key)?.name, "@acme/llm");
    assert.equal(packageOfFile(workspace, path.join(root, "packages", "tools", "index.ts"))?.name, "@acme/tools");
    assert.equal(packageOfFile(workspace, path.join(root, "packages", "toolsx", "index.ts")), undefined);
    assert.equal(packageOfFile(workspace, path.join(root, "apps", "kit", "src", "lib", "ask.ts"))?.name, "kit");
    });
  });

  it("a package file that only mentions `.server` (part.server_label) builds no graph; one importing a .server module is still reported", () => {
    inTempTree("keyfence-server-text-", (root, write) => {
    write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["apps/*", "packages/*"] }));
    write("apps/kit/package.json", JSON.stringify({ name: "kit", dependencies: { "@sveltejs/kit": "2.0.0", "@acme/llm": "workspace:*" } }));
    write("apps/kit/src/routes/+page.ts", 'import { client } from "@acme/llm";\nexport const load = () => client;\n');
    write("packages/llm/package.json", JSON.stringify({ name: "@acme/llm", main: "./src/index.ts" }));
    const labelText = 'import { z } from "zod";\nexport const label = (part: { server_label: string }) => z.string().parse(part.server_label);\n';
    const label = write("packages/llm/src/label.ts", labelText);
    const indexText = 'import { db } from "./db.server";\nimport { label } from "./label";\nexport const client = { db, label };\n';
    const index = write("packages/llm/src/index.ts", indexText);
    write("packages/llm/src/db.server.ts", "export const db = {};\n");
    const before = fileStats.scans;
    assert.deepEqual(findClientSecrets(parseSource(label, labelText)!), []);
    assert.equal(fileStats.scans, before, "no graph built: no import of the file can be server-only");
    const findings = findClientSecrets(parseSource(index, indexText)!);
    assert.deepEqual(findings.map((finding) => [finding.messageId, finding.data.module, finding.data.chain]), [
      ["serverOnlyImport", "./db.server", "apps/kit/src/routes/+page.ts → packages/llm/src/index.ts"],
    ]);
    });
  });

  it("a monorepo root that names next is a Next.js app when it has a route folder of its own", () => {
    for (const routes of ["app", "pages", "src/app", "src/pages"]) {
      inTempTree("keyfence-root-next-app-", (root, write) => {
        write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"], dependencies: { next: "15.0.0" } }));
        write("packages/llm/package.json", JSON.stringify({ name: "@acme/llm", main: "./src/index.ts" }));
        write(`${routes}/page.tsx`, "export default () => null;\n");
        assert.deepEqual(frameworkOf(path.join(root, "lib", "chat.ts")), { name: "next", root }, routes);
      });
      resetClientGraphs();
    }
    // Without the workspace list the root is an app whatever its folders say (next build's own error).
    inTempTree("keyfence-root-next-plain-", (root, write) => {
      write("package.json", JSON.stringify({ name: "app", dependencies: { next: "15.0.0" } }));
      assert.equal(frameworkOf(path.join(root, "lib", "chat.ts")).name, "next");
    });
  });

  it("a workspace library is not part of the Next.js app the monorepo root names; the app that imports it still follows it", () => {
    inTempTree("keyfence-root-next-", (root, write) => {
    // The root names next (for its docs site, say) and lists the workspaces.
    write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["packages/*", "examples/*"], devDependencies: { next: "15.0.0" } }));
    write("packages/llm/package.json", JSON.stringify({ name: "@acme/llm", main: "./src/index.ts" }));
    write("packages/llm/src/index.ts", "export const key = process.env.OPENAI_API_KEY;\n");
    // Not a workspace package (no name): still judged by the folders above it.
    write("packages/llm/fixtures/package.json", JSON.stringify({ private: true }));
    write("packages/llm/fixtures/page.ts", "export {};\n");
    write("examples/chat/package.json", JSON.stringify({ name: "chat", dependencies: { next: "15.0.0", "@acme/llm": "workspace:*" } }));
    write("examples/chat/app/page.tsx", '"use client";\nimport { key } from "@acme/llm";\nexport default () => key;\n');
    const library = path.join(root, "packages", "llm", "src", "index.ts");
    assert.deepEqual(frameworkOf(library), { name: "unknown", root: path.join(root, "packages", "llm") });
    assert.deepEqual(frameworkOf(path.join(root, "packages", "llm", "fixtures", "page.ts")), { name: "unknown", root: path.join(root, "packages", "llm", "fixtures") });
    assert.equal(frameworkOf(path.join(root, "examples", "chat", "app", "page.tsx")).root, path.join(root, "examples", "chat"));
    // The root has no route folder of its own: no Next.js app (vercel/ai's root, whose graph
    // listed and read the whole monorepo).
    assert.equal(frameworkOf(path.join(root, "scripts", "docs.ts")).name, "unknown");
    assert.deepEqual(browserChain(library)?.map((file) => path.relative(root, file)), [
      path.join("examples", "chat", "app", "page.tsx"),
      path.join("packages", "llm", "src", "index.ts"),
    ]);
    });
  });
});

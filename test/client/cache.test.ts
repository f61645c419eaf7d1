/**
 * `eslint --cache` and the client boundary: lib/settings.ts is unchanged, but a page that imports
 * it becomes a "use client" component. The cached "no finding" must not be replayed.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../../eslint-plugin/src/index";
import { fileStats, invalidate, resetClientGraphs } from "../../eslint-plugin/src/engine/client";
import { clearFiles } from "../../eslint-plugin/src/engine/client/files";
import { LazyClientBoundaryStamp, clientBoundaryStamp, stampStats } from "../../eslint-plugin/src/engine/client/cache-stamp";

const SERVER_PAGE = `import { settings } from "../lib/settings";\nexport default function Page() {\n  return <p>{settings.model}</p>;\n}\n`;

describe("no-client-secrets under eslint --cache", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "keyfence-cache-"));
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ dependencies: { next: "15.0.0", react: "19.0.0" } }),
      "app/page.tsx": SERVER_PAGE,
      "lib/settings.ts": `export const settings = { model: "gpt-4o-mini", key: process.env.OPENAI_API_KEY };\n`,
      "lib/format.ts": `export const format = (text: string) => text.trim();\n`,
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The stamp a new process would compute for `root`: no file facts, no graphs kept. */
  function freshStamp(root: string): string {
    clearFiles();
    resetClientGraphs();
    return clientBoundaryStamp(root);
  }

  // Each CLI run is a new process: nothing known about the files, a fresh graph and stamp.
  function edit(rel: string, text: string): void {
    writeFileSync(join(dir, rel), text);
    invalidate(join(dir, rel));
    resetClientGraphs();
  }

  async function lint(): Promise<string[]> {
    resetClientGraphs();
    const config = [{ ...plugin.configs.recommended, settings: { keyfenceClientBoundary: new LazyClientBoundaryStamp(dir) } }];
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, cache: true, cacheLocation: join(dir, ".eslintcache") });
    return (await eslint.lintFiles(["app", "lib"])).flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)} ${m.ruleId}`));
  }

  it("re-lints an unchanged module when another file moves it into the browser", async () => {
    assert.deepEqual(await lint(), [], "server component: the secret stays on the server");
    resetClientGraphs();
    const before = clientBoundaryStamp(dir);

    edit("lib/format.ts", `export const format = (text: string) => text.trim().toLowerCase();\n`);
    assert.equal(clientBoundaryStamp(dir), before, "an ordinary edit keeps the cache");

    edit("app/page.tsx", `"use client";\n${SERVER_PAGE}`);
    assert.notEqual(clientBoundaryStamp(dir), before, "the boundary moved");
    assert.deepEqual(await lint(), ["lib/settings.ts keyfence/no-client-secrets"]);
  });

  it("an unchanged tree reuses the saved stamp without building the graph; any change recomputes it", () => {
    const fresh = () => {
      clearFiles();
      resetClientGraphs();
    };
    fresh();
    const first = clientBoundaryStamp(dir);
    fresh();
    const scans = fileStats.scans;
    assert.equal(clientBoundaryStamp(dir), first);
    assert.equal(fileStats.scans, scans, "no file scanned for imports: the saved stamp was used");

    writeFileSync(join(dir, "lib/extra.ts"), "export const extra = 1;\n");
    fresh();
    assert.equal(clientBoundaryStamp(dir), first, "a new file that reaches no browser module keeps the stamp");
    assert.ok(fileStats.scans > scans, "a new file: the graph was built again");
    rmSync(join(dir, "lib/extra.ts"));
  });

  it("a folder unchanged since the last run is not listed again, yet an edit, a new file or a removed one is seen", () => {
    const root = mkdtempSync(join(tmpdir(), "keyfence-cache-listings-"));
    const folders = ["", "app", "lib"];
    // Folders last changed an hour ago: their saved listings are trusted (see RACY_MS).
    const then = new Date(Date.now() - 3_600_000);
    const age = () => {
      for (const folder of folders) utimesSync(join(root, folder), then, then);
    };
    const stamp = () => freshStamp(root);
    try {
      writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { next: "15.0.0" } }));
      mkdirSync(join(root, "app"));
      mkdirSync(join(root, "lib"));
      writeFileSync(join(root, "app/page.tsx"), `import { settings } from "../lib/settings";\nexport default () => settings.model;\n`);
      writeFileSync(join(root, "lib/settings.ts"), `export const settings = { model: "m", key: process.env.OPENAI_API_KEY };\n`);
      writeFileSync(join(root, "README.md"), "# not a boundary input\n");
      age();
      const serverSide = stamp();
      const listed = stampStats.foldersListed;
      const checked = stampStats.filesChecked;
      assert.equal(stamp(), serverSide);
      assert.equal(stampStats.foldersListed, listed, "no folder listed again");
      assert.equal(stampStats.filesChecked - checked, 3, "package.json and the two code files, not README.md");

      // An edit in place changes no folder's mtime: the file's own stat says it changed.
      writeFileSync(join(root, "app/page.tsx"), `"use client";\nimport { settings } from "../lib/settings";\nexport default () => settings.model;\n`);
      const browserSide = stamp();
      assert.notEqual(browserSide, serverSide, "the edit moved lib/settings.ts into the browser");
      assert.equal(stampStats.foldersListed, listed, "still no folder listed again");

      // A new file changes its folder's mtime: that folder alone is listed again.
      writeFileSync(join(root, "lib/extra.ts"), "export const extra = 1;\n");
      const scans = fileStats.scans;
      assert.equal(stamp(), browserSide);
      assert.equal(stampStats.foldersListed, listed + 1, "lib/ listed again");
      assert.ok(fileStats.scans > scans, "the new file was seen: the stamp was computed again");

      // A removed file: the same.
      rmSync(join(root, "app/page.tsx"));
      assert.notEqual(stamp(), browserSide, "no page: nothing is browser code any more");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("a folder gone while its parent's saved listing still names it is not taken for unchanged", () => {
    const root = mkdtempSync(join(tmpdir(), "keyfence-cache-gone-"));
    const then = new Date(Date.now() - 3_600_000);
    const stamp = () => freshStamp(root);
    try {
      writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { next: "15.0.0" } }));
      mkdirSync(join(root, "app"));
      // Empty: no code file nor input of its own whose stat would tell (those are watched anyway).
      mkdirSync(join(root, "lib/old"), { recursive: true });
      writeFileSync(join(root, "app/page.tsx"), `"use client";\nexport default () => null;\n`);
      for (const folder of ["", "app", "lib", "lib/old"]) utimesSync(join(root, folder), then, then);
      const before = stamp();
      const listed = stampStats.foldersListed;
      assert.equal(stamp(), before);
      assert.equal(stampStats.foldersListed, listed, "every saved listing trusted");
      // lib/ keeps its old mtime (as a coarse clock or a restore from backup can leave it).
      rmSync(join(root, "lib/old"), { recursive: true });
      utimesSync(join(root, "lib"), then, then);
      const scans = fileStats.scans;
      assert.equal(stamp(), before, "no browser module moved");
      assert.ok(fileStats.scans > scans, "the names were not the saved ones: the stamp was computed again");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("a warm run stats the code files the graph read, not every code file under the root", () => {
    const root = mkdtempSync(join(tmpdir(), "keyfence-cache-read-"));
    const write = (rel: string, text: string) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    const stamp = () => freshStamp(root);
    try {
      write("package.json", JSON.stringify({ dependencies: { vite: "6.0.0" } }));
      write("index.html", '<script type="module" src="/src/main.ts"></script>\n');
      write("src/main.ts", 'import { model } from "./model";\nconsole.log(model);\n');
      write("src/model.ts", 'export const model = "m";\n');
      // Build scripts beside the app: nothing the browser bundle reaches imports them.
      for (let index = 0; index < 5; index++) write(`tools/task-${index}.ts`, `export const settings = { key: process.env.OPENAI_API_KEY, index: ${index} };\n`);
      const first = stamp();
      const checked = stampStats.filesChecked;
      assert.equal(stamp(), first);
      assert.equal(stampStats.filesChecked - checked, 4, "package.json, index.html and the two modules the entry reaches, not tools/");

      // A module the graph read starts importing a build script: its stat shows the edit, and the
      // script is browser code now.
      write("src/model.ts", 'import { settings } from "../tools/task-0";\nexport const model = settings.index;\n');
      const moved = stamp();
      assert.notEqual(moved, first, "tools/task-0.ts reaches the browser");
      const again = stampStats.filesChecked;
      assert.equal(stamp(), moved);
      assert.equal(stampStats.filesChecked - again, 5, "the script it now reads is watched too");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("a workspace library moves into the browser when an app's client component starts importing it", () => {
    const root = mkdtempSync(join(tmpdir(), "keyfence-cache-monorepo-"));
    try {
      const write = (rel: string, text: string) => {
        mkdirSync(dirname(join(root, rel)), { recursive: true });
        writeFileSync(join(root, rel), text);
        invalidate(join(root, rel));
      };
      write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["packages/*", "apps/*"], devDependencies: { next: "15.0.0" } }));
      write("packages/llm/package.json", JSON.stringify({ name: "@acme/llm", main: "./src/index.ts" }));
      write("packages/llm/src/index.ts", "export const key = process.env.OPENAI_API_KEY;\n");
      write("apps/web/package.json", JSON.stringify({ name: "web", dependencies: { next: "15.0.0", "@acme/llm": "workspace:*" } }));
      write("apps/web/app/page.tsx", '"use client";\nexport default () => null;\n');
      resetClientGraphs();
      const before = clientBoundaryStamp(root);
      write("apps/web/app/page.tsx", '"use client";\nimport { key } from "@acme/llm";\nexport default () => key;\n');
      resetClientGraphs();
      assert.notEqual(clientBoundaryStamp(root), before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

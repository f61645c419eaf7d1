/**
 * Script tags in index.html, .vue, .svelte and .astro are found by a linear tag walk: the regexes
 * it replaced took 19 s on a 320 KB index.html of unclosed `<script ` tags. 1 MB inputs, with
 * bounds a loaded 2-core machine meets and a quadratic version cannot.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { viteHtmlEntries } from "../../eslint-plugin/src/engine/client/framework";
import { readModuleInfo } from "../../eslint-plugin/src/engine/client/module-info";
import { extractScripts } from "../../eslint-plugin/src/engine/client/sfc";

const MB = 1024 * 1024;
const BOUND_MS = 6000;

function timed<T>(run: () => T): T {
  const started = Date.now();
  const result = run();
  const took = Date.now() - started;
  assert.ok(took < BOUND_MS, `took ${took} ms`);
  return result;
}

describe("client graph: script tags found in linear time", () => {
  const dir = mkdtempSync(join(tmpdir(), "keyfence-html-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reads index.html script entries, and 1 MB of unclosed `<script ` tags quickly", () => {
    writeFileSync(join(dir, "index.html"), '<html><body><div id="root"></div>\n<script type="module" src="/src/main.tsx"></script>\n<SCRIPT src="https://cdn.example/x.js"></SCRIPT></body></html>\n');
    assert.deepEqual(viteHtmlEntries(dir), [join(dir, "src/main.tsx")]);
    writeFileSync(join(dir, "index.html"), "<script ".repeat(MB / 8));
    assert.deepEqual(timed(() => viteHtmlEntries(dir)), []);
    writeFileSync(join(dir, "index.html"), "<script <script src='/a.ts'".repeat(MB / 28) + ">");
    assert.equal(timed(() => viteHtmlEntries(dir)).length, 1);
  });

  it("reads the pages a vite.config names, and 1 MB of a config that almost names one quickly", () => {
    const page = mkdtempSync(join(tmpdir(), "keyfence-html-"));
    try {
      writeFileSync(join(page, "index.html"), "");
      writeFileSync(join(page, "about.html"), '<script type="module" src="./about.js"></script>');
      writeFileSync(join(page, "vite.config.ts"), 'export default { build: { rollupOptions: { input: { about: "./about.html", outside: "../x.html" } } } };\n');
      assert.deepEqual(viteHtmlEntries(page), [join(page, "about.js")]);
      // Quotes each followed by 199 name characters and no `.html`, then runs of `.htm`.
      writeFileSync(join(page, "vite.config.ts"), `"${"a".repeat(199)}`.repeat(MB / 200) + `'${".htm".repeat(50)}`.repeat(MB / 201));
      assert.deepEqual(timed(() => viteHtmlEntries(page)), []);
    } finally {
      rmSync(page, { recursive: true, force: true });
    }
  });

  it("reads .vue and .svelte script blocks, and 1 MB of unclosed `<script>` blocks quickly", () => {
    const vue = '<template><p>{{ a }}</p></template>\n<script setup lang="ts">\nimport a from "./a";\n</script>\n<style>p{}</style>\n';
    assert.deepEqual(extractScripts("App.vue", vue).map((b) => [b.lang, b.text.trim()]), [["ts", 'import a from "./a";']]);
    assert.deepEqual(timed(() => extractScripts("App.vue", "<script>".repeat(MB / 8))), []);
    assert.deepEqual(timed(() => extractScripts("App.svelte", "<script ".repeat(MB / 8))), []);
    const closedOnce = "<script>x</script>" + "<script>a<".repeat(MB / 10);
    assert.equal(timed(() => extractScripts("App.svelte", closedOnce)).length, 1);
  });

  it("finds Astro islands, and reads 1 MB of unclosed tags quickly", () => {
    const astro = '---\nimport Counter from "../components/Counter";\nimport Static from "../components/Static";\n---\n<Counter client:load />\n<Static />\n';
    const info = readModuleInfo("page.astro", astro);
    assert.deepEqual(info.edges.map((e) => [e.specifier, e.kind]), [["../components/Counter", "island"]]);
    timed(() => readModuleInfo("page.astro", "---\nimport A from './a';\n---\n" + "<A x ".repeat(MB / 6)));
    timed(() => readModuleInfo("page.astro", "<script>".repeat(MB / 8)));
  });
});

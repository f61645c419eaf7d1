/**
 * The editor's side of history-aware findings, without VS Code: the extension's analysis
 * (extension/src/analyze.ts) on a real git repository gives the same message as ESLint, and
 * the move-to-env-file fix says in its title and note that moving a committed key is not enough.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { analyzeFile, messageOf, planFixes, type AnalyzeContext } from "../../extension/src/analyze";
import { diskFiles } from "../../eslint-plugin/src/engine/fixes/index";
import { clearKeyHistoryCache } from "../../eslint-plugin/src/engine/key-history/index";
import { fakeKey } from "../support/fake-keys";
import { git, makeRepo, removeRepos } from "../env/support";

const ctx: AnalyzeContext = {
  settings: { enable: true, rules: {}, allow: [], ignoredPaths: [], maxFileSizeKB: 1024, debounceMs: 0 },
  files: diskFiles(),
};

describe("extension: history-aware findings and the move-key fix", () => {
  beforeEach(() => clearKeyHistoryCache());
  after(removeRepos);

  function hardcoded(dir: string, text: string) {
    return analyzeFile(join(dir, "src/app.ts"), "code", text, { ...ctx, stopDir: dir }).filter((f) => f.ruleId === "no-hardcoded-keys");
  }

  it("a committed key: the message and the fix name the commit, and moving is not enough", () => {
    const key = fakeKey("openai", undefined, 51);
    const text = `const client = new OpenAI({ apiKey: "${key}" });\n`;
    const dir = makeRepo({ "package.json": "{}\n", "src/app.ts": text }, { add: ["src/app.ts"] });
    git(dir, "commit", "-qm", "client");
    const [commit, date] = git(dir, "log", "-1", "--format=%h %cs").trim().split(" ");
    const [finding] = hardcoded(dir, text);
    assert.ok(messageOf(finding).includes(`Already committed in ${commit} on ${date}`));
    const move = planFixes(finding, text, { ...ctx, stopDir: dir }).find((plan) => plan.title.startsWith("Move key to .env"));
    assert.ok(move, "the move fix is still offered");
    assert.equal(move.title, `Move key to .env as OPENAI_API_KEY (already committed in ${commit} on ${date}: rotate it now)`);
    assert.match(move.note ?? "", new RegExp(`already committed in ${commit} on ${date}: moving it is not enough, rotate it now at https://`));
    assert.ok(!move.title.includes(key) && !(move.note ?? "").includes(key));
  });

  it("a key git never saw: the move fix title is the plain one", () => {
    const key = fakeKey("openai", undefined, 52);
    const text = `const client = new OpenAI({ apiKey: "${key}" });\n`;
    const dir = makeRepo({ "package.json": "{}\n", "src/app.ts": text });
    const [finding] = hardcoded(dir, text);
    assert.equal(finding.data.historyState, "nowhere");
    const titles = planFixes(finding, text, { ...ctx, stopDir: dir }).map((plan) => plan.title);
    assert.ok(titles.includes("Move key to .env as OPENAI_API_KEY"), titles.join(" | "));
  });
});

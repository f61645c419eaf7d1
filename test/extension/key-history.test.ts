/**
 * History-aware findings in a real VS Code: a key git already holds (committed, or staged only)
 * says so in the Problems panel, with the short commit id and date, and the lightbulb offers
 * "Open the provider's key page"; a key git never saw says that instead. Real git repositories
 * in the test workspace; git runs here only to set them up.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as vscode from "vscode";
import { keyfence } from "./helpers";
import { actionTitled, closeAll, diagnosticsOf, fakeKey, gitCommitAll, keyfenceActions, project } from "./support";

const messageOf = (d: vscode.Diagnostic) => d.message;
const git = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();

describe("history-aware findings in the editor", () => {
  before(keyfence);
  afterEach(closeAll);

  it("a committed key: 'Already committed in <id> on <date>', and the provider's key page is offered", async () => {
    const key = fakeKey("openai", 901);
    const p = project("history-committed", { ".gitignore": "node_modules\n", "package.json": "{}\n", "src/ai.ts": `export const key = "${key}";\n` });
    gitCommitAll(p.dir);
    const [commit, date] = git(p.dir, "log", "-1", "--format=%h %cs").split(" ");
    const [finding] = await diagnosticsOf(p.path("src/ai.ts"));
    assert.ok(messageOf(finding).includes(`Already committed in ${commit.slice(0, 7)}`), messageOf(finding));
    assert.ok(messageOf(finding).includes(`on ${date}: moving it is not enough, rotate it now at https://`), messageOf(finding));
    assert.ok(!messageOf(finding).includes(key), "the message never shows the whole key");
    const keyPage = await actionTitled(p.path("src/ai.ts"), finding, /^Open the provider's key page$/);
    assert.equal(keyPage.command?.command, "keyfence.openKeyPage");
    assert.match(String(keyPage.command?.arguments?.[0]), /^https:\/\//);
  });

  it("a key staged but not committed says so; one git never saw says git holds no copy", async () => {
    const [staged, fresh] = [fakeKey("anthropic", 902), fakeKey("anthropic", 903)];
    const p = project("history-staged", { ".gitignore": "node_modules\n", "package.json": "{}\n", "src/base.ts": "export const n = 1;\n" });
    gitCommitAll(p.dir);
    writeFileSync(p.path("src/staged.ts"), `export const key = "${staged}";\n`);
    writeFileSync(p.path("src/fresh.ts"), `export const key = "${fresh}";\n`);
    git(p.dir, "add", "src/staged.ts");
    const [stagedFinding] = await diagnosticsOf(p.path("src/staged.ts"));
    assert.match(messageOf(stagedFinding), /It is staged in git's index \(not committed yet\): unstage it before you commit\./);
    const [freshFinding] = await diagnosticsOf(p.path("src/fresh.ts"));
    assert.match(messageOf(freshFinding), /Git's history holds no copy of it/);
    const titles = (await keyfenceActions(p.path("src/fresh.ts"), freshFinding)).map((a) => a.title);
    assert.ok(!titles.includes("Open the provider's key page"), titles.join(" | "));
  });
});

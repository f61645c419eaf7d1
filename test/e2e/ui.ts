/**
 * `npm run test:ui`: what a user sees, clicked through in the real workbench (code-server +
 * Chromium): the squiggle on a pasted key, the Problems panel, Ctrl+. and the quick fix.
 * Screenshots go to test-results/. With KEYFENCE_UPDATE_README_IMAGE=1 the quick-fix menu is also
 * copied to extension/images/quick-fix.png, the README's picture (so a plain test run leaves the tree clean).
 */
import * as assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { providerById } from "../../eslint-plugin/src/engine/providers/index";
import { fakeKeyForFormat } from "../support/fake-keys";
import { REPO, startSession } from "./code-server";

const RESULTS = join(REPO, "test-results");
const README_IMAGE = join(REPO, "extension/images/quick-fix.png");

async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  screenshot ${file}`);
  return file;
}

async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  console.log(`  ✔ ${title} (${Date.now() - started} ms)`);
  return result;
}

async function main(): Promise<void> {
  const session = await startSession({
    width: 1280,
    height: 800,
    settings: { "typescript.tsserver.useSyntaxServer": "always", "editor.minimap.enabled": false, "workbench.colorTheme": "Default Dark Modern" },
  });
  const { page, workspace } = session;
  const key = fakeKeyForFormat(providerById("openai")!.kinds[0].formats[0], 2026);
  writeFileSync(join(workspace, "package.json"), JSON.stringify({ name: "chat-app", dependencies: { next: "15.0.0", openai: "5.0.0" } }, null, 2) + "\n");
  writeFileSync(join(workspace, ".gitignore"), "node_modules\n.next\n");
  writeFileSync(join(workspace, ".env.example"), "DATABASE_URL=\n");
  const code = `import OpenAI from "openai";\n\nexport const openai = new OpenAI({\n  apiKey: "${key}",\n});\n`;
  writeFileSync(join(workspace, "chat.ts"), code);
  let failed = false;
  try {
    console.log("UI test (code-server + Chromium)");
    await step("workbench loads", async () => {
      await page.goto(session.url());
      await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
      await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 60_000 });
    });
    await step("open chat.ts from the Explorer; KeyFence squiggles the key", async () => {
      await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "chat.ts" }).click();
      await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 60_000 });
      await shot(page, "1-squiggle");
    });
    await step("the Problems panel lists the KeyFence finding", async () => {
      await page.keyboard.press("Control+Shift+M");
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "no-hardcoded-keys" }).first();
      await row.waitFor({ timeout: 30_000 });
      const text = await row.innerText();
      assert.ok(!text.includes(key), "the Problems panel must not show the key");
      await shot(page, "2-problems-panel");
      // Click selects the problem; Enter opens it with the cursor on the key and focus in the editor.
      await row.click();
      await page.keyboard.press("Enter");
      await page.waitForTimeout(300);
    });
    await step("Ctrl+. lists 'Move key to .env.local' (preferred)", async () => {
      const menu = page.locator(".action-widget");
      for (let attempt = 0; attempt < 10; attempt++) {
        // Into the key without scrolling the line sideways: line start, then a few characters in.
        await page.keyboard.press("Home");
        await page.keyboard.press("Home");
        for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Control+.");
        const found = await menu.locator(".monaco-list-row", { hasText: "Move key to .env.local" }).first()
          .waitFor({ timeout: 3000 }).then(() => true, () => false);
        if (found) break;
        await page.keyboard.press("Escape");
        await page.waitForTimeout(500);
      }
      await menu.locator(".monaco-list-row", { hasText: "Move key to .env.local" }).first().waitFor({ timeout: 5000 });
      const file = await shot(page, "3-quick-fix-menu");
      if (process.env.KEYFENCE_UPDATE_README_IMAGE === "1") {
        mkdirSync(dirname(README_IMAGE), { recursive: true });
        copyFileSync(file, README_IMAGE);
        console.log(`  copied to ${README_IMAGE}`);
      }
    });
    await step("Enter applies the fix across files", async () => {
      const rows = page.locator(".action-widget .monaco-list-row.action");
      for (let i = 0; i < 12; i++) {
        const focused = await rows.filter({ has: page.locator(":scope.focused") }).first().innerText().catch(() => "");
        const current = focused || (await page.locator(".action-widget .monaco-list-row.focused").first().innerText().catch(() => ""));
        if (current.includes("Move key to .env.local")) break;
        await page.keyboard.press("ArrowDown");
      }
      await page.keyboard.press("Enter");
      const envFile = join(workspace, ".env.local");
      const exampleFile = join(workspace, ".env.example");
      const deadline = Date.now() + 20_000;
      // The edit touches four files and VS Code saves them one after another: wait for the last of
      // them, not the first (on a busy machine .env.example was read before it was saved).
      const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
      const saved = () => read(envFile) !== "" && read(exampleFile).includes("OPENAI_API_KEY=") && read(join(workspace, ".gitignore")).includes(".env.local");
      while (!saved() && Date.now() < deadline) await page.waitForTimeout(200);
      assert.equal(readFileSync(envFile, "utf8"), `OPENAI_API_KEY=${key}\n`);
      assert.ok(readFileSync(join(workspace, ".gitignore"), "utf8").includes(".env.local"));
      assert.equal(readFileSync(exampleFile, "utf8"), "DATABASE_URL=\nOPENAI_API_KEY=\n");
      await page.locator(".monaco-editor .view-line", { hasText: "process.env.OPENAI_API_KEY" }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(800);
      await shot(page, "4-after-fix");
    });
    await step("Ctrl+Z undoes the whole fix: the key is back, .env.local is gone", async () => {
      await page.locator(".monaco-editor .view-lines").first().click();
      await page.keyboard.press("Control+z");
      // A multi-file undo may ask whether to undo in every file: yes.
      const everywhere = page.locator(".monaco-dialog-box .monaco-button", { hasText: /Undo in \d+ Files/ });
      if (await everywhere.waitFor({ timeout: 2000 }).then(() => true, () => false)) await everywhere.click();
      await page.locator(".monaco-editor .view-line", { hasText: "sk-proj-" }).first().waitFor({ timeout: 10_000 });
      const deadline = Date.now() + 10_000;
      while (existsSync(join(workspace, ".env.local")) && Date.now() < deadline) await page.waitForTimeout(200);
      assert.ok(!existsSync(join(workspace, ".env.local")), ".env.local removed by the undo");
      await shot(page, "5-after-undo");
    });
  } catch (error) {
    failed = true;
    console.error(error);
    await shot(page, "failure").catch(() => undefined);
  } finally {
    await session.close();
  }
  if (failed) process.exit(1);
  console.log("UI test passed");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Electron Forge with its Vite plugin (fixture app `electron-forge-vite`, the layout of Forge's
 * `vite-typescript` template, as MinorN/electron-ai, batch 74): forge.config's `build` entries
 * (`src/main.ts`, `src/preload.ts`) are Node programs, and the renderer enters from index.html.
 * The main process's provider factory read `process.env.DEEP_SEEK_KEY` and was reported as
 * browser code: every `src/` module of a Vite app was the page's, and `src/main.ts` its entry.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { browserChain } from "../../eslint-plugin/src/engine/client";
import { frameworkOf } from "../../eslint-plugin/src/engine/client/framework";
import noClientSecrets from "../../eslint-plugin/src/rules/no-client-secrets";
import { ruleTester } from "../support/rule-tester";
import { APPS, appFile } from "./support";

const rule = noClientSecrets as unknown as RuleModule<string, readonly unknown[]>;
const file = (rel: string) => path.join(APPS, "electron-forge-vite", rel);

describe("Electron Forge's Vite plugin: the build entries run in Node, the renderer is the page", () => {
  it("reads forge.config's entries", () => {
    assert.deepEqual(frameworkOf(file("src/main.ts")).nodeEntries, ["src/main.ts", "src/preload.ts"]);
  });

  it("the main process, its preload and what only they import are not browser code; the renderer's modules are", () => {
    for (const rel of ["src/main.ts", "src/preload.ts", "src/providers/create.ts"]) assert.equal(browserChain(file(rel)), undefined, rel);
    assert.deepEqual(browserChain(file("src/ui/chat.ts")), [file("src/renderer.ts"), file("src/ui/chat.ts")]);
  });
});

ruleTester().run("no-client-secrets (Electron Forge + Vite)", rule, {
  valid: [appFile("electron-forge-vite", "src/providers/create.ts"), appFile("electron-forge-vite", "src/main.ts")],
  invalid: [
    {
      name: "a server secret read in the renderer's modules is still undefined there",
      filename: file("src/ui/chat.ts"),
      code: "export const key = process.env.DEEP_SEEK_KEY;",
      errors: [{ messageId: "clientSecret", data: { name: "DEEP_SEEK_KEY", chain: "src/renderer.ts → src/ui/chat.ts" } }],
    },
  ],
});

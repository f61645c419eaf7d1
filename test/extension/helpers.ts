/** Shared helpers for the extension-host tests. */
import { appendFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import type { KeyFenceApi } from "../../extension/src/extension";

export const EXTENSION_ID = "keyfence.keyfence";

export async function keyfence(): Promise<KeyFenceApi> {
  const extension = vscode.extensions.getExtension<KeyFenceApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.isActive ? extension.exports : await extension.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the tests need a workspace folder");
  return folder.uri.fsPath;
}

/** Numbers measured by the tests (printed, not asserted: machines differ). */
export function report(line: string): void {
  const text = `      ⏱ ${line}`;
  console.log(text);
  appendFileSync(join(dirname(workspaceRoot()), "mocha-report.txt"), text + "\n");
}

/**
 * The extension host's longest event-loop block while `run` runs: a 10 ms timer records the
 * longest gap between its ticks (every extension shares that thread). Reported, not asserted.
 */
export async function hostLag<T>(run: () => Promise<T>): Promise<{ result: T; longestBlockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await run();
    return { result, longestBlockMs: longest };
  } finally {
    clearInterval(timer);
  }
}
